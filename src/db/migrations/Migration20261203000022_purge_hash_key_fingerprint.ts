import { Migration } from '@mikro-orm/migrations';
import { config } from '../../config';
import { hashKeyFingerprint } from '../../privacy/subject-hash';

// Each purge records a fingerprint of the key its hashes were made with (never the key), so a restore refuses to run
// under another PURGE_HASH_SECRET instead of silently recognising no purged subject. Purges made before this
// migration used PURGE_HASH_SECRET, or SABNODE_SECRET when it was unset: they get that key's fingerprint, as this
// process's environment gives it (set PURGE_HASH_SECRET to the old value before migrating; see README).
export class Migration20261203000022_purge_hash_key_fingerprint extends Migration {
  override async up(): Promise<void> {
    await this.execute(`alter table privacy_purges add column if not exists hash_key_fingerprint text collate "C"`);
    const [{ n }] = (await this.execute(`select count(*)::int as n from privacy_purges where hash_key_fingerprint is null`)) as { n: number }[];
    if (!n) return;
    const legacy = process.env.PURGE_HASH_SECRET || config.secret;
    await this.execute(`update privacy_purges set hash_key_fingerprint = ? where hash_key_fingerprint is null`, [hashKeyFingerprint(legacy)]);
  }

  override async down(): Promise<void> {
    await this.execute('alter table privacy_purges drop column if exists hash_key_fingerprint');
  }
}
