// Backup benchmark (issue 15): a workspace of 200,000 contacts, one sealed backup taken and restored, each by a
// process of its own (as `npm run admin -- backups take | restore` runs them), whose peak RSS is the figure: the
// backup streams table by table through a cursor and sealed segments, so it must stay under 300 MiB whatever the
// workspace's size. Starts its own PostgreSQL (no Temporal, API or worker: a backup needs only the database);
// writes bench/results/backups-latest.{md,json}. Not a test.
//
//   BENCH_BACKUP_CONTACTS=200000   contacts seeded in the one workspace
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchReport, ProcessMemory } from './report';
import { DATA_DIR, ROOT, runBench, Teardown, writeResults } from './stack';
import { watchMachine } from './sys';

const log = (msg: string) => process.stderr.write(`[bench:backups] ${msg}\n`);
const CONTACTS = Number(process.env.BENCH_BACKUP_CONTACTS ?? 200_000);
const TARGET_MIB = 300;
const mib = (kib: number) => +(kib / 1024).toFixed(1);

interface ChildResult {
  /** peak RSS of the whole process (getrusage maxrss), KiB */
  maxRssKiB: number;
  /** RSS once its modules were loaded and the database opened, before the work: what the work itself added is the rest */
  baselineRssKiB: number;
  ms: number;
  result: unknown;
}

/** Child role: one backup taken or restored in this process, then its own peak RSS on stdout. */
async function child(action: string, dir: string, backupId?: string): Promise<void> {
  const { openOrm } = await import('../src/db/orm');
  const { restoreBackup, takeBackup } = await import('../src/privacy/backups');
  const orm = await openOrm();
  try {
    await orm.em.fork().execute('select 1');
    const baselineRssKiB = Math.round(process.memoryUsage().rss / 1024);
    const t0 = performance.now();
    const result = action === 'take' ? await takeBackup(orm, dir) : await restoreBackup(orm, dir, backupId!);
    const out: ChildResult = { maxRssKiB: process.resourceUsage().maxRSS, baselineRssKiB, ms: Math.round(performance.now() - t0), result };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    await orm.close();
  }
}

function runChild(env: Record<string, string>, ...args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'backups.ts'), '--child', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildResult) : reject(new Error(`backups ${args[0]} exited with ${code}`))));
  });
}

const memoryOf = (r: ChildResult): ProcessMemory => ({ peakRssMiB: mib(r.maxRssKiB), sampledMaxRssMiB: null, sampledMeanRssMiB: null, samples: 0 });

async function main(): Promise<void> {
  const machine = watchMachine();
  // the keys of this run, set before any module reads the configuration, and given to the children
  const keys = { BACKUP_MASTER_KEY: randomBytes(32).toString('hex'), PURGE_HASH_SECRET: randomBytes(32).toString('hex') };
  Object.assign(process.env, keys);
  const teardown = new Teardown();
  const onSigint = () => void teardown.run(log).finally(() => process.exit(130));
  process.once('SIGINT', onSigint);
  try {
    const { freePort, startPostgres } = await import('../src/stack/embedded');
    const pg = await startPostgres({ dataDir: join(DATA_DIR, 'bench-backups-pg'), port: await freePort(), log, persistent: false });
    teardown.add('postgres', pg.stop);
    const backupDir = join(DATA_DIR, 'bench-backups-store');
    rmSync(backupDir, { recursive: true, force: true });
    teardown.add('backup store', async () => rmSync(backupDir, { recursive: true, force: true }));
    const env = { ...keys, DATABASE_URL: pg.url, LOG_LEVEL: 'warn' };
    const { migrate, openOrm } = await import('../src/db/orm');
    const { createWorkspace } = await import('../src/admin');
    const { identifierHash, hashKeyFingerprint } = await import('../src/privacy/subject-hash');
    const orm = await openOrm(pg.url);
    teardown.add('orm', () => orm.close());
    await migrate(orm);
    const workspaceId = await createWorkspace(orm, { name: 'Bench backups' });
    const db = orm.em.fork().getConnection();

    const t0 = performance.now();
    await db.execute(
      `insert into contacts (id, workspace_id, phone, email, first_name, last_name, attributes, tags, created_at, updated_at)
       select 'ctc_' || lpad(g::text, 26, '0'), ?, '+9190' || lpad(g::text, 8, '0'), 'person.' || g || '@example.com', 'First' || g, 'Last' || g,
              jsonb_build_object('city', 'Pune', 'plan', 'gold', 'n', g), '{vip,bench}', now(), now()
         from generate_series(1, ?) g`,
      [workspaceId, CONTACTS],
    );
    // one recorded purge (of the first contact), so the restore re-applies it over the whole workspace
    await db.execute(
      `insert into privacy_purges (id, workspace_id, match_field, subject_hashes, hash_key_fingerprint, status, stages, created_at, updated_at)
       values ('prg_' || lpad('1', 26, '0'), ?, 'phone', ?::text[], ?, 'completed', '[]'::jsonb, now(), now())`,
      [workspaceId, `{${identifierHash(workspaceId, 'phone', '+919000000001')}}`, hashKeyFingerprint()],
    );
    const [{ bytes }] = await db.execute<{ bytes: string }[]>(`select pg_total_relation_size('contacts')::text as bytes`);
    const seedS = (performance.now() - t0) / 1000;
    log(`seeded ${CONTACTS} contacts in ${seedS.toFixed(1)} s (table ${mib(Number(bytes) / 1024)} MiB)`);

    log('taking a backup');
    const take = await runChild(env, 'take', backupDir);
    const manifest = take.result as { id: string; workspaces: Record<string, Record<string, number>> };
    const { stdout } = await new Promise<{ stdout: string }>((resolve) => {
      const du = spawn('du', ['-sk', join(backupDir, manifest.id)]);
      let s = '';
      du.stdout.on('data', (c: Buffer) => (s += c.toString()));
      du.on('exit', () => resolve({ stdout: s }));
    });
    const backupMiB = mib(Number(stdout.split('\t')[0]));
    log(`backup ${manifest.id}: ${manifest.workspaces[workspaceId].contacts} contacts in ${take.ms} ms, peak RSS ${mib(take.maxRssKiB)} MiB (${mib(take.baselineRssKiB)} MiB before it began), ${backupMiB} MiB on disk`);

    // the contacts lost: the restore inserts every one of them again, then re-applies the purge
    await db.execute(`delete from contacts where workspace_id = ?`, [workspaceId]);
    log('restoring it');
    const restore = await runChild(env, 'restore', backupDir, manifest.id);
    const [{ n }] = await db.execute<{ n: string }[]>(`select count(*) as n from contacts where workspace_id = ? and phone is not null`, [workspaceId]);
    log(`restore: ${JSON.stringify(restore.result)} in ${restore.ms} ms, peak RSS ${mib(restore.maxRssKiB)} MiB; ${n} contacts with a phone after it`);
    if (Number(n) !== CONTACTS - 1) throw new Error(`after the restore ${n} contacts have a phone, not ${CONTACTS - 1}`);

    const scenario = (name: string, ms: number) => ({ name, n: 1, errors: 0, p50Ms: ms, p95Ms: ms, p99Ms: ms, throughput: +(CONTACTS / (ms / 1000)).toFixed(0), unit: 'contacts' });
    const detail = {
      contacts: CONTACTS,
      seedSeconds: +seedS.toFixed(1),
      contactsTableMiB: mib(Number(bytes) / 1024),
      backupOnDiskMiB: backupMiB,
      take: { ms: take.ms, peakRssMiB: mib(take.maxRssKiB), baselineRssMiB: mib(take.baselineRssKiB) },
      restore: { ms: restore.ms, peakRssMiB: mib(restore.maxRssKiB), baselineRssMiB: mib(restore.baselineRssKiB), result: restore.result },
    };
    const report: BenchReport<typeof detail> = {
      name: 'backups',
      title: 'Backup benchmark',
      at: new Date().toISOString(),
      machine: machine.end(),
      floorNote: 'none: the figure is the peak RSS of the process taking (and restoring) a backup of one large workspace, against a fixed bound.',
      scenarios: [scenario(`take a sealed backup of ${CONTACTS.toLocaleString('en')} contacts`, take.ms), scenario(`restore it (every contact inserted again, one purge re-applied)`, restore.ms)],
      comparisons: [],
      targets: [
        { name: `peak RSS of the process taking a backup of ${CONTACTS.toLocaleString('en')} contacts < ${TARGET_MIB} MiB`, value: `${mib(take.maxRssKiB)} MiB (${mib(take.baselineRssKiB)} MiB before it began), ${(take.ms / 1000).toFixed(1)} s`, pass: mib(take.maxRssKiB) < TARGET_MIB },
        { name: `peak RSS of the process restoring it < ${TARGET_MIB} MiB`, value: `${mib(restore.maxRssKiB)} MiB (${mib(restore.baselineRssKiB)} MiB before it began), ${(restore.ms / 1000).toFixed(1)} s`, pass: mib(restore.maxRssKiB) < TARGET_MIB },
      ],
      memory: { 'backup take': memoryOf(take), 'backup restore': memoryOf(restore) },
      settings: { contacts: CONTACTS, targetMiB: TARGET_MIB },
      detail,
    };
    const md = [
      '## Detail',
      '',
      `Own PostgreSQL 17 (no Temporal, API or worker). ${CONTACTS.toLocaleString('en')} contacts in one workspace (phone, email, names, attributes, tags; contacts table ${detail.contactsTableMiB} MiB), seeded in ${detail.seedSeconds} s by one \`insert … select generate_series\`.`,
      `Each step runs in a process of its own (node with the tsx loader, as \`npm run admin\` runs it); peak RSS is the process's getrusage maxrss, which includes the loader and the modules (${detail.take.baselineRssMiB} MiB before the backup began).`,
      '',
      `- take: ${(detail.take.ms / 1000).toFixed(1)} s, peak RSS ${detail.take.peakRssMiB} MiB — ${TARGET_MIB} MiB target: ${report.targets[0].pass ? 'PASS' : 'MISS'}; ${detail.backupOnDiskMiB} MiB on disk (sealed JSON lines, 64 KiB segments)`,
      `- restore (the contacts deleted first, so each is inserted again, then the purge re-applied over the workspace): ${(detail.restore.ms / 1000).toFixed(1)} s, peak RSS ${detail.restore.peakRssMiB} MiB — ${report.targets[1].pass ? 'PASS' : 'MISS'}`,
    ].join('\n');
    writeResults(report, md);
  } finally {
    process.off('SIGINT', onSigint);
    await teardown.run(log);
  }
}

const [flag, ...rest] = process.argv.slice(2);
if (flag === '--child') runBench(() => child(rest[0], rest[1], rest[2]), log);
else runBench(main, log);
