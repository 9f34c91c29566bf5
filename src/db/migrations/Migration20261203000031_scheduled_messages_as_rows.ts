import { Migration } from '@mikro-orm/migrations';

// Scheduled messages are due for their channel's sender at their send_at, instead of each waiting in a timer
// workflow: the ones already waiting get the same due time (their old timers, if they fire first, release them the
// same way; whichever comes second finds the message queued).
export class Migration20261203000031_scheduled_messages_as_rows extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update messages set next_attempt_at = send_at where status = 'scheduled' and next_attempt_at is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`update messages set next_attempt_at = null where status = 'scheduled';`);
  }
}
