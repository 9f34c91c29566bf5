import { Migration } from '@mikro-orm/migrations';

// Templates (soft-deleted, names unique among live ones) and orders (never deleted; a status machine).
export class Migration20261126000001_orders_templates extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table templates (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        name text not null,
        language text not null,
        category text not null check (category in ('marketing', 'utility', 'authentication')),
        body text not null,
        parameters_count integer not null check (parameters_count >= 0),
        status text not null check (status in ('pending', 'approved', 'rejected')),
        version integer not null default 1,
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null,
        deleted_at timestamptz(3)
      );`);
    this.addSql(`create unique index templates_name_live_uq on templates (workspace_id, name) where deleted_at is null;`);
    this.addSql(`create index templates_created_idx on templates (workspace_id, created_at desc, id desc);`);
    this.addSql(`create index templates_updated_idx on templates (workspace_id, updated_at desc, id desc);`);
    this.addSql(`create index templates_language_idx on templates (workspace_id, language, created_at desc, id desc);`);
    this.addSql(`create index templates_category_idx on templates (workspace_id, category, created_at desc, id desc);`);
    this.addSql(`create index templates_status_idx on templates (workspace_id, status, created_at desc, id desc);`);
    // contact_id has no foreign key: a privacy purge may remove the contact while the order stays on the books
    this.addSql(`
      create table orders (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        contact_id text collate "C" not null,
        status text not null check (status in ('pending', 'paid', 'fulfilled', 'delivered', 'cancelled', 'refunded')),
        currency text not null check (currency ~ '^[A-Z]{3}$'),
        items jsonb not null,
        subtotal bigint not null check (subtotal >= 0),
        total bigint not null check (total >= 0),
        metadata jsonb not null default '{}'::jsonb,
        version integer not null default 1,
        paid_at timestamptz(3),
        fulfilled_at timestamptz(3),
        delivered_at timestamptz(3),
        cancelled_at timestamptz(3),
        refunded_at timestamptz(3),
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null
      );`);
    this.addSql(`create index orders_created_idx on orders (workspace_id, created_at desc, id desc);`);
    this.addSql(`create index orders_updated_idx on orders (workspace_id, updated_at desc, id desc);`);
    this.addSql(`create index orders_contact_idx on orders (workspace_id, contact_id, created_at desc, id desc);`);
    this.addSql(`create index orders_status_idx on orders (workspace_id, status, created_at desc, id desc);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists orders, templates cascade;');
  }
}
