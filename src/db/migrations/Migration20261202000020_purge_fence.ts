import { Migration } from '@mikro-orm/migrations';

// Purges as a fence, then passes (issue 15). privacy_fences marks the subjects being purged by the keyed hashes of
// their identifiers (never the identifiers), which every writer checks; a purge's fence is lifted once the live stores
// are clear. No foreign keys: a backup restore rewrites privacy_purges and must not trip over a fence row.
// privacy_purges.passes is the certificate's record of each pass over the stores; `failed` is a purge whose passes
// still found the subject after the bound.
export class Migration20261202000020_purge_fence extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table privacy_fences (
        workspace_id text collate "C" not null,
        subject_hash text collate "C" not null,
        purge_id text collate "C" not null,
        created_at timestamptz(3) not null,
        primary key (workspace_id, subject_hash, purge_id)
      );`);
    this.addSql(`create index privacy_fences_purge_idx on privacy_fences (purge_id);`);
    this.addSql(`alter table privacy_purges add column passes jsonb not null default '[]'::jsonb;`);
    this.addSql(`alter table privacy_purges drop constraint if exists privacy_purges_status_check;`);
    this.addSql(`alter table privacy_purges add constraint privacy_purges_status_check check (status in ('running', 'waiting_for_backups', 'completed', 'failed'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table privacy_purges drop constraint if exists privacy_purges_status_check;`);
    this.addSql(`alter table privacy_purges add constraint privacy_purges_status_check check (status in ('running', 'waiting_for_backups', 'completed'));`);
    this.addSql('alter table privacy_purges drop column if exists passes;');
    this.addSql('drop table if exists privacy_fences;');
  }
}
