import { Migration } from '@mikro-orm/migrations';

// Promotions of a test side's configuration to the live side: one row each, with every item's result.
export class Migration20261204000033_environment_promotions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table environment_promotions (
        id text primary key,
        workspace_id text not null references workspaces (id),
        dry_run boolean not null,
        status text not null,
        items jsonb not null,
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null
      );`);
    this.addSql(`create index environment_promotions_workspace_created_idx on environment_promotions (workspace_id, created_at desc, id desc);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table environment_promotions;`);
  }
}
