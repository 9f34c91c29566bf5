import { Migration } from '@mikro-orm/migrations';

// One dispatcher per endpoint (src/workflows/webhook-endpoint.ts) claims its due deliveries in due-time order, and
// the sweep and the per-workspace pending bound look for waiting deliveries: partial indexes over the waiting rows
// only. `timetable_start` is the attempt count when the delivery's current run of the retry timetable began (0, or
// the count at its last replay), so a row alone says which step of the timetable its next attempt is. `lease_until`
// is held by the batch sending the delivery's next attempt: a batch Temporal took for dead (missed heartbeats on a
// starved worker, a Temporal restart) and its retry never send the same attempt both.
export class Migration20261202000016_webhook_endpoint_dispatch extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table webhook_endpoints add column max_concurrency integer not null default 10 check (max_concurrency between 1 and 50);`);
    this.addSql(`alter table webhook_deliveries add column timetable_start integer not null default 0;`);
    this.addSql(`alter table webhook_deliveries add column lease_until timestamptz;`);
    this.addSql(`create index webhook_deliveries_due_idx on webhook_deliveries (endpoint_id, next_attempt_at, id) where status in ('pending', 'failed');`);
    this.addSql(`create index webhook_deliveries_waiting_ws_idx on webhook_deliveries (workspace_id) where status in ('pending', 'failed');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index webhook_deliveries_waiting_ws_idx;`);
    this.addSql(`drop index webhook_deliveries_due_idx;`);
    this.addSql(`alter table webhook_deliveries drop column lease_until;`);
    this.addSql(`alter table webhook_deliveries drop column timetable_start;`);
    this.addSql(`alter table webhook_endpoints drop column max_concurrency;`);
  }
}
