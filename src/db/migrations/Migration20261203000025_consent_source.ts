import { Migration } from '@mikro-orm/migrations';

// Where a contact's latest consent change came from, as an import stated it (`consent_source` of a bulk upsert item).
export class Migration20261203000025_consent_source extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table contacts add column if not exists consent_source text;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table contacts drop column if exists consent_source;');
  }
}
