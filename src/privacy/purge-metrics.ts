import type { MikroORM } from '@mikro-orm/postgresql';
import { Gauge } from 'prom-client';
import { registry } from '../metrics';

const oldestRunning = new Gauge({
  name: 'sabnode_privacy_purge_oldest_running_seconds',
  help: 'Age of the oldest privacy purge still clearing the live stores (0 when none runs); one that only grows is stuck',
  registers: [registry],
});

/** Read at scrape time; a failed read leaves the gauge absent rather than stale. */
export async function refreshPurgeAge(orm: MikroORM): Promise<void> {
  try {
    const [row] = await orm.em
      .fork()
      .execute<{ age: string | null }[]>(`select extract(epoch from now() - min(created_at)) as age from privacy_purges where status = 'running'`);
    oldestRunning.set(row?.age === null || row?.age === undefined ? 0 : Number(row.age));
  } catch {
    oldestRunning.reset();
  }
}
