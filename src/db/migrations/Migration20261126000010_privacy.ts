import { Migration } from '@mikro-orm/migrations';

// Privacy purges (issue 8): the purge certificate and the non-reversible record of whom it removed.
export class Migration20261126000010_privacy extends Migration {
  override async up(): Promise<void> {
    // subject: the resolved identifiers, kept only while the live stores are being cleared, then erased (null).
    // subject_hashes: HMAC-SHA256 (per-workspace key) of every identifier, kept for good: a later purge of the same
    // person is recognisable and a restored backup can be purged again, yet nothing here can be reversed.
    this.addSql(`
      create table privacy_purges (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        command_id uuid unique,
        match_field text not null check (match_field in ('contact_id', 'phone', 'email')),
        subject jsonb,
        subject_hashes text[] not null,
        previously_purged boolean not null default false,
        status text not null check (status in ('running', 'waiting_for_backups', 'completed')),
        stages jsonb not null,
        backups jsonb not null default '[]'::jsonb,
        sealed_at timestamptz(3),
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null,
        completed_at timestamptz(3)
      );`);
    this.addSql(`create index privacy_purges_created_idx on privacy_purges (workspace_id, created_at desc, id desc);`);
    this.addSql(`create index privacy_purges_updated_idx on privacy_purges (workspace_id, updated_at desc, id desc);`);
    this.addSql(`create index privacy_purges_hashes_idx on privacy_purges using gin (subject_hashes);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists privacy_purges;');
  }
}
