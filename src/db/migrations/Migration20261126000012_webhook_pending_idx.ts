import { Migration } from '@mikro-orm/migrations';

// The dispatcher's sweep pages through pending deliveries by id (those left without a workflow, say by a Temporal
// outage). Pending rows are few beside the delivered ones, so a partial index keeps the sweep off the whole table.
export class Migration20261126000012_webhook_pending_idx extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index webhook_deliveries_pending_idx on webhook_deliveries (id) where status = 'pending';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index webhook_deliveries_pending_idx;`);
  }
}
