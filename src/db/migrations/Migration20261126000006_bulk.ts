import { Migration } from '@mikro-orm/migrations';

// Bulk jobs (issue 5): one job per bulk command, its items stored here rather than in workflow payloads.
export class Migration20261126000006_bulk extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table bulk_jobs (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        command_id uuid not null unique,
        operation_id text not null,
        status text not null check (status in ('running', 'completed')),
        total integer not null,
        chunk_size integer not null,
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null,
        completed_at timestamptz(3)
      );`);
    this.addSql(`create index bulk_jobs_workspace_idx on bulk_jobs (workspace_id, created_at desc, id desc);`);
    // status null: not applied yet. A chunk sets status, result_id and error in the transaction that applies it,
    // so a retried chunk skips every item that already has a status.
    this.addSql(`
      create table bulk_job_items (
        job_id text collate "C" not null references bulk_jobs(id) on delete cascade,
        idx integer not null,
        input jsonb not null,
        status smallint,
        result_id text collate "C",
        error jsonb,
        primary key (job_id, idx)
      );`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists bulk_job_items, bulk_jobs;');
  }
}
