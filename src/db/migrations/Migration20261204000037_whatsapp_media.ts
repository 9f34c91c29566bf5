import { Migration } from '@mikro-orm/migrations';

// whatsapp_cloud media: the Cloud API's media id of a file uploaded through a channel, kept until shortly before Meta
// drops the upload (30 days), so later sends of the same file reuse it. A row goes with its channel and its file
// (a privacy purge deletes the file row); deleteFile removes the rows of a file it tombstones.
// Messages gain `interactive` (reply buttons and lists, and the reply an inbound message names).
export class Migration20261204000037_whatsapp_media extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table whatsapp_media (
        workspace_id text collate "C" not null references workspaces(id),
        channel_id text collate "C" not null references channels(id) on delete cascade,
        file_id text collate "C" not null references files(id) on delete cascade,
        media_id text not null,
        uploaded_at timestamptz(3) not null,
        expires_at timestamptz(3) not null,
        primary key (workspace_id, channel_id, file_id)
      );`);
    // the cascades and deleteFile find a file's rows by it
    this.addSql(`create index whatsapp_media_file_idx on whatsapp_media (file_id);`);
    this.addSql(`create index whatsapp_media_channel_idx on whatsapp_media (channel_id);`);
    this.addSql(`alter table messages drop constraint if exists messages_type_check;`);
    this.addSql(`alter table messages add constraint messages_type_check check (type in ('text', 'template', 'media', 'interactive'));`);
    this.addSql(`alter table messages add column interactive jsonb, add column interactive_reply jsonb;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from messages where type = 'interactive';`);
    this.addSql(`alter table messages drop column interactive, drop column interactive_reply;`);
    this.addSql(`alter table messages drop constraint if exists messages_type_check;`);
    this.addSql(`alter table messages add constraint messages_type_check check (type in ('text', 'template', 'media'));`);
    this.addSql(`drop table if exists whatsapp_media;`);
  }
}
