import { Migration } from '@mikro-orm/migrations';

// answered_at: when the API read a finished command's stored response to answer it. A privacy purge deletes a
// stored response only once it has been answered (or its answer was abandoned), so a purge running beside a
// command cannot take the response from under the request that is about to send it.
export class Migration20261126000011_idempotency_answered extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table idempotency_keys add column answered_at timestamptz(3);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table idempotency_keys drop column answered_at;`);
  }
}
