import { Migration } from '@mikro-orm/migrations';

// The API version an endpoint's payloads are shaped for: an existing endpoint gets its workspace's pinned version,
// which is what a new one defaults to.
export class Migration20261203000027_webhook_api_version extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table webhook_endpoints add column if not exists api_version text;');
    this.addSql('update webhook_endpoints e set api_version = w.api_version from workspaces w where w.id = e.workspace_id and e.api_version is null;');
    this.addSql('alter table webhook_endpoints alter column api_version set not null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table webhook_endpoints drop column if exists api_version;');
  }
}
