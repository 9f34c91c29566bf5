import { Migration } from '@mikro-orm/migrations';

// Scheduled messages: stored `scheduled` with their `send_at`; a durable timer workflow per message queues them at that
// time for their channel's sender. `cancelled` ends one before it is sent. The partial index serves the per-workspace
// bound (a count of the workspace's scheduled messages) and the sweep for ones whose timer was lost.
export class Migration20261203000029_scheduled_messages extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table messages add column if not exists send_at timestamptz(3) null, add column if not exists cancelled_at timestamptz(3) null;`);
    this.addSql(`alter table messages drop constraint if exists messages_status_check;`);
    this.addSql(
      `alter table messages add constraint messages_status_check check (status in ('scheduled', 'queued', 'sent', 'delivered', 'read', 'failed', 'cancelled', 'received'));`,
    );
    this.addSql(`create index if not exists messages_scheduled_idx on messages (workspace_id, send_at) where status = 'scheduled';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists messages_scheduled_idx;`);
    this.addSql(`alter table messages drop constraint if exists messages_status_check;`);
    this.addSql(`update messages set status = 'failed', failure_reason = 'cancelled', failed_at = coalesce(cancelled_at, now()) where status in ('scheduled', 'cancelled');`);
    this.addSql(`alter table messages add constraint messages_status_check check (status in ('queued', 'sent', 'delivered', 'read', 'failed', 'received'));`);
    this.addSql(`alter table messages drop column if exists send_at, drop column if exists cancelled_at;`);
  }
}
