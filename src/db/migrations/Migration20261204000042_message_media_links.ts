import { Migration } from '@mikro-orm/migrations';

// A media message may name its medium by a public https link (which the provider fetches) instead of a file.
export class Migration20261204000042_message_media_links extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table messages add column media_link jsonb;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from messages where type = 'media' and file_id is null;`);
    this.addSql(`alter table messages drop column media_link;`);
  }
}
