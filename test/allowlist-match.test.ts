// Keys held in memory check their IP allowlist in the API process: the same answers as PostgreSQL's `<<=`, which
// decided it before (and still spells the stored lists).
import { addressAllowed, type CachedKey } from '../src/api/key-cache';
import { addressBytes, parseCidr } from '../src/cidr';
import { closeDb, sql } from './support/stack';

afterAll(closeDb);

const LISTS = [['10.0.0.0/8'], ['127.0.0.1'], ['192.168.1.128/25'], ['2001:db8::/32'], ['2001:db8:0:1::/64', '10.1.2.3/32'], ['::1'], ['::ffff:10.0.0.0/104'], ['0.0.0.0/0'], ['::/0']];
const ADDRESSES = ['10.1.2.3', '11.0.0.1', '127.0.0.1', '127.0.0.2', '192.168.1.200', '192.168.1.100', '2001:db8::1', '2001:db9::1', '2001:db8:0:1:ffff::1', '2001:db8:0:2::1', '::1', '::ffff:10.1.2.3', '1.2.3.4', 'fe80::1'];

function keyWith(list: string[]): CachedKey {
  return {
    allowedIps: list.map((t) => {
      const c = parseCidr(t)!;
      return { bytes: addressBytes(c.address)!, prefix: c.prefix };
    }),
  } as CachedKey;
}

it('answers as PostgreSQL does for every address and list', async () => {
  for (const list of LISTS) {
    // the stored spelling, as the cache reads it back
    const [{ stored }] = await sql<{ stored: string[] }>(`select cast(? as inet[])::text[] as stored`, [`{${list.join(',')}}`]);
    for (const address of ADDRESSES) {
      const [{ allowed }] = await sql<{ allowed: boolean }>(`select cast(? as inet) <<= any(cast(? as inet[])) as allowed`, [address, `{${list.join(',')}}`]);
      expect([list.join(' '), address, addressAllowed(keyWith(stored), address)]).toEqual([list.join(' '), address, allowed]);
    }
  }
});
