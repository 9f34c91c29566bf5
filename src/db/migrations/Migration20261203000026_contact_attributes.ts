import { Migration } from '@mikro-orm/migrations';

// Typed definitions of contacts' custom attributes (issue 16), and the workspace setting that says whether a contact
// may carry keys no definition names (default: it may, as before definitions existed).
export class Migration20261203000026_contact_attributes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table if not exists contact_attributes (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        key text collate "C" not null,
        type text not null check (type in ('string', 'number', 'boolean', 'date', 'enum')),
        options text[],
        personal boolean not null default false,
        description text,
        version integer not null default 1,
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null,
        deleted_at timestamptz(3),
        check ((type = 'enum') = (options is not null))
      );`);
    this.addSql(`create unique index if not exists contact_attributes_key_live_uq on contact_attributes (workspace_id, key) where deleted_at is null;`);
    this.addSql(`create index if not exists contact_attributes_created_idx on contact_attributes (workspace_id, created_at desc, id desc);`);
    this.addSql(`create index if not exists contact_attributes_updated_idx on contact_attributes (workspace_id, updated_at desc, id desc);`);
    this.addSql(`alter table workspaces add column if not exists allow_undefined_attributes boolean not null default true;`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table workspaces drop column if exists allow_undefined_attributes;');
    this.addSql('drop table if exists contact_attributes;');
  }
}
