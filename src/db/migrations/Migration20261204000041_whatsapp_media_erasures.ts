import { Migration } from '@mikro-orm/migrations';

// A file uploaded to a whatsapp_cloud channel stays at Meta for 30 days unless deleted there. When the file is deleted
// or purged, its uploads wait here (in the same transaction) until `DELETE /{media_id}` has answered: the deleteFile
// workflow, the purge workflow and every worker's sweep drain them, each attempt spaced by next_attempt_at.
export class Migration20261204000041_whatsapp_media_erasures extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table whatsapp_media_erasures (
        workspace_id text collate "C" not null references workspaces(id),
        channel_id text collate "C" not null references channels(id) on delete cascade,
        media_id text not null,
        attempts integer not null default 0,
        next_attempt_at timestamptz(3) not null,
        queued_at timestamptz(3) not null,
        primary key (channel_id, media_id)
      );`);
    this.addSql(`create index whatsapp_media_erasures_due_idx on whatsapp_media_erasures (next_attempt_at);`);
    this.addSql(`create index whatsapp_media_erasures_workspace_idx on whatsapp_media_erasures (workspace_id, next_attempt_at);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table whatsapp_media_erasures;`);
  }
}
