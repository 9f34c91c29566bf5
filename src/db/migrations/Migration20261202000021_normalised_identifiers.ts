import { Migration } from '@mikro-orm/migrations';
import { normalisePhone } from '../../identifiers';

const E164 = /^\+[1-9][0-9]{6,14}$/;
const BATCH = 5_000;

// Contacts' phones are stored in E.164 and emails case-folded from now on (see src/identifiers.ts); rows written
// before are brought to the same form. Emails are not unique, so folding them is always safe. A phone whose E.164
// form a live contact of the workspace already holds is left as it was (two contacts would then be one person):
// an operator merges them; a purge still finds it by its digits.
export class Migration20261202000021_normalised_identifiers extends Migration {
  override async up(): Promise<void> {
    await this.execute(`update contacts set email = lower(trim(email)) where email is not null and email <> lower(trim(email))`);
    let after = '';
    for (;;) {
      const rows = (await this.execute(
        `select id, phone from contacts where phone is not null and id > ? order by id limit ${BATCH}`,
        [after],
      )) as { id: string; phone: string }[];
      if (!rows.length) return;
      after = rows[rows.length - 1].id;
      for (const row of rows) {
        const phone = normalisePhone(row.phone);
        if (phone === row.phone || !E164.test(phone)) continue;
        await this.execute(
          `update contacts c set phone = ? where c.id = ?
             and (c.deleted_at is not null or not exists (
               select 1 from contacts o where o.workspace_id = c.workspace_id and o.phone = ? and o.deleted_at is null and o.id <> c.id))`,
          [phone, row.id, phone],
        );
      }
    }
  }

  override async down(): Promise<void> {
    // the written forms are not kept: E.164 is a valid form of each of them
  }
}
