import { Migration } from '@mikro-orm/migrations';

// A broadcast fills every kind of template a message can: its named, header and button values, the same for every
// recipient, are kept beside its positional parameters.
export class Migration20261204000043_broadcast_template_arguments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table broadcasts add column template_arguments jsonb;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table broadcasts drop column template_arguments;`);
  }
}
