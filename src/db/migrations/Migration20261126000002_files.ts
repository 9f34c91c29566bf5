import { Migration } from '@mikro-orm/migrations';

// File metadata rows; the bytes live in the FileStore under their sha256, shared by every row with that content.
export class Migration20261126000002_files extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table files (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        filename text not null,
        content_type text not null,
        size integer not null check (size >= 0),
        sha256 text collate "C" not null check (sha256 ~ '^[0-9a-f]{64}$'),
        purpose text,
        version integer not null default 1,
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null,
        deleted_at timestamptz(3)
      );`);
    this.addSql(`create index files_created_idx on files (workspace_id, created_at desc, id desc);`);
    this.addSql(`create index files_updated_idx on files (workspace_id, updated_at desc, id desc);`);
    // the blob reference check: does any live row, in any workspace, still point at this content?
    this.addSql(`create index files_sha256_live_idx on files (sha256) where deleted_at is null;`);
    // an upload holds its blob from the moment the bytes are in place until its command has answered
    this.addSql(`
      create table file_blob_pins (
        id uuid primary key,
        sha256 text collate "C" not null,
        expires_at timestamptz(3) not null
      );`);
    this.addSql(`create index file_blob_pins_sha256_idx on file_blob_pins (sha256);`);
    this.addSql(`create index file_blob_pins_expiry_idx on file_blob_pins (expires_at);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists file_blob_pins, files cascade;');
  }
}
