import { Migration } from '@mikro-orm/migrations';

// A message's conversation is checked when its transaction commits, not at each insert: a chunk of a bulk send opens
// the conversations its items need and queues their messages in one flush, whatever order the unit of work writes
// them in (a message names its conversation by id, not through an ORM relation, so that order is not the ORM's).
export class Migration20261203000030_deferred_message_conversation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table messages alter constraint messages_conversation_id_fkey deferrable initially deferred;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table messages alter constraint messages_conversation_id_fkey not deferrable;`);
  }
}
