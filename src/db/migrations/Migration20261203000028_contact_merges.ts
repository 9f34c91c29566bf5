import { Migration } from '@mikro-orm/migrations';

// Contact merges (issue 16): a merged contact is a tombstone that names its survivor. A purge follows the links both
// ways (src/privacy/purges.ts), so the index covers the "who was merged into this one" direction; the other is the row.
export class Migration20261203000028_contact_merges extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table contacts add column if not exists merged_into text collate "C";');
    this.addSql('create index if not exists contacts_merged_into_idx on contacts (workspace_id, merged_into) where merged_into is not null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists contacts_merged_into_idx;');
    this.addSql('alter table contacts drop column if exists merged_into;');
  }
}
