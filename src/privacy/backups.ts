import { createReadStream } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { IsolationLevel, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { newId } from '../ids';
import { isSealedFile, newDataKey, SEGMENT_BYTES, SealedFileWriter, sealedLines, unwrapDataKey, type WrappedDataKey } from './backup-cipher';
import { assertPurgeHashKey, purgesOf, subjectByHashes, type Purge } from './purges';
import { purgeStores } from './stores';

// The product's own logical backups: per workspace and table, one JSON document per row (JSON lines), sealed with
// the backup's own data key (src/privacy/backup-cipher.ts), with a manifest that holds only ids, counts and the
// wrapped data key. Chosen over an encrypted dump with per-subject keys: a purge rewrites each older backup without
// the subject (found again by the keyed hashes the purge kept), which the same store code does on a copy loaded
// into temporary tables, so there is one definition of what a purge removes. Files' bytes are not in backups (the
// file store is content-addressed and purged directly). Every path streams: rows are read through a server-side
// cursor and written segment by segment, and read back line by line, so memory does not grow with a table.

/** Workspace tables in foreign-key order, with the query selecting one workspace's rows. */
/** A table without a workspace_id of its own belongs to the workspace through its parent row. */
interface BackedUpTable {
  name: string;
  rows: string;
}

const ownTable = (name: string): BackedUpTable => ({ name, rows: `select * from ${name} where workspace_id = ?` });
const childTable = (name: string, column: string, table: string): BackedUpTable => ({
  name,
  rows: `select c.* from ${name} c join ${table} p on p.id = c.${column} where p.workspace_id = ?`,
});

// parents before children: a restore loads in this order
const TABLES: BackedUpTable[] = [
  { name: 'workspaces', rows: `select * from workspaces where id = ?` },
  ...['api_keys', 'contacts', 'tags', 'channels', 'templates', 'contact_attributes', 'conversations', 'messages', 'orders', 'files', 'events', 'webhook_endpoints', 'webhook_deliveries'].map(ownTable),
  childTable('webhook_attempts', 'delivery_id', 'webhook_deliveries'),
  ownTable('bulk_jobs'),
  childTable('bulk_job_items', 'job_id', 'bulk_jobs'),
  ownTable('idempotency_keys'),
  ownTable('flows'),
  childTable('flow_versions', 'flow_id', 'flows'),
  ownTable('flow_runs'),
  childTable('flow_run_steps', 'run_id', 'flow_runs'),
  ownTable('broadcasts'),
  ownTable('broadcast_recipients'),
  ownTable('audit_logs'),
  ownTable('environment_promotions'),
  // apps, not their grants and tokens: a restore must not bring back what was revoked since
  ownTable('oauth_apps'),
];

export const BACKUP_FORMAT = 'sealed-jsonl/2';
/** backups taken before they were sealed: read as they are, and sealed whole by the first purge that rewrites them */
const PLAIN_FORMAT = 'jsonl/1';

export interface BackupManifest {
  id: string;
  object: 'backup';
  format: typeof BACKUP_FORMAT | typeof PLAIN_FORMAT;
  status: 'writing' | 'complete';
  /** the instant of the snapshot every table was read in */
  taken_at: string;
  completed_at: string | null;
  /** rows per workspace and table */
  workspaces: Record<string, Record<string, number>>;
  /** purges this backup no longer holds the subject of, and when it was rewritten for each */
  purges_applied: Record<string, string>;
  /** the backup's data key, sealed under BACKUP_MASTER_KEY; every table file is sealed under it in segments */
  encryption?: { cipher: 'AES-256-GCM'; segment_bytes: number; data_key: WrappedDataKey };
}

const manifestPath = (dir: string, id: string) => join(dir, id, 'manifest.json');
/** a table file's name within its backup, which its segments are bound to */
const tableName = (ws: string, table: string) => `${ws}/${table}.jsonl`;
const SAFE_ID = /^[a-z]{2,4}_[0-9a-z]{26}$/;
// rows per cursor fetch: a page of rows is all a backup holds in memory besides one segment
const FETCH_ROWS = 500;
// rows per insert of a restore or a rewrite, and the most text one insert carries
const LOAD_ROWS = 500;
const LOAD_BYTES = 4 * 1024 * 1024;

async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, path);
}

export async function readManifest(dir: string, id: string): Promise<BackupManifest | null> {
  if (!SAFE_ID.test(id)) return null;
  try {
    return JSON.parse(await readFile(manifestPath(dir, id), 'utf8')) as BackupManifest;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

const saveManifest = (dir: string, m: BackupManifest) => writeAtomically(manifestPath(dir, m.id), `${JSON.stringify(m, null, 2)}\n`);

export async function listBackups(dir: string): Promise<BackupManifest[]> {
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? [] : Promise.reject(err)));
  const manifests = await Promise.all(names.filter((n) => n.startsWith('bkp_')).map((n) => readManifest(dir, n)));
  return manifests.filter((m): m is BackupManifest => m !== null).sort((a, b) => (a.taken_at < b.taken_at ? 1 : a.taken_at > b.taken_at ? -1 : 0));
}

/** The data key of a backup, unwrapped with the master key (a BackupKeyError names the mismatch); null for a plain one. */
export function backupDataKey(m: BackupManifest, masterKey: Buffer = config.backups.masterKey): Buffer | null {
  if (m.encryption) return unwrapDataKey(masterKey, m.id, m.encryption.data_key);
  if (m.format === PLAIN_FORMAT) return null;
  throw new Error(`backup ${m.id} is in format ${m.format ?? 'unknown'}, which this version does not read`);
}

async function* plainLines(path: string): AsyncGenerator<string> {
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) if (line) yield line;
}

/**
 * One table's rows of a backup, as JSON text, one at a time; none when the backup has no file for it. A sealed
 * backup's files are only ever read sealed; a plain one's (being sealed by a rewrite) by what each file is.
 */
export async function* backupRows(dir: string, m: BackupManifest, key: Buffer | null, ws: string, table: string): AsyncGenerator<string> {
  const path = join(dir, m.id, ws, `${table}.jsonl`);
  try {
    if (m.format === PLAIN_FORMAT && !(key && (await isSealedFile(path)))) yield* plainLines(path);
    else yield* sealedLines(path, key!, tableName(ws, table));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * Foreign keys of a table, as conditions on a row `x` about to be inserted: a restored row whose parent is not there
 * today (deleted since, or itself skipped) is skipped rather than failing the restore.
 */
async function parentGuards(em: EntityManager, table: string): Promise<string[]> {
  const keys = await em.execute<{ ref: string; cols: string[]; refcols: string[] }[]>(
    `select cf.relname as ref, array_agg(a.attname::text order by k.i) as cols, array_agg(af.attname::text order by k.i) as refcols
       from pg_constraint c
       join pg_class cl on cl.oid = c.conrelid join pg_namespace n on n.oid = cl.relnamespace
       join pg_class cf on cf.oid = c.confrelid
       cross join lateral unnest(c.conkey, c.confkey) with ordinality as k(a, f, i)
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.a
       join pg_attribute af on af.attrelid = c.confrelid and af.attnum = k.f
      where c.contype = 'f' and n.nspname = 'public' and cl.relname = ?
      group by c.oid, cf.relname`,
    [table],
  );
  const q = (c: string) => `"${c.replace(/"/g, '""')}"`;
  return keys.map(
    (k) => `(${k.cols.map((c) => `x.${q(c)} is null`).join(' or ')} or exists (select 1 from public.${q(k.ref)} r where ${k.cols.map((c, i) => `r.${q(k.refcols[i])} = x.${q(c)}`).join(' and ')}))`,
  );
}

/**
 * Loads one workspace's rows of a backup into `schema`'s tables, streamed in batches. Only the columns both the
 * backup and today's table have are written: a column added since the backup takes its default, one dropped since
 * is left out. Into public (a restore) it merges: rows present today are left as they are (`on conflict do
 * nothing`), so a revoked key stays revoked and a rolled secret rolled; into pg_temp (a rewrite) it copies.
 */
async function loadWorkspace(em: EntityManager, dir: string, m: BackupManifest, key: Buffer | null, ws: string, schema: 'public' | 'pg_temp'): Promise<number> {
  let inserted = 0;
  for (const table of TABLES) {
    let columns: string | null = null;
    let batch: string[] = [];
    let bytes = 0;
    const target = `${schema}.${table.name}`;
    const guards = schema === 'public' ? await parentGuards(em, table.name) : [];
    const flush = async () => {
      if (!batch.length || !columns) return;
      const rows = `[${batch.join(',')}]`;
      batch = [];
      bytes = 0;
      const into =
        `insert into ${target} (${columns}) select ${columns} from json_populate_recordset(null::${target}, ?::json) x` +
        (schema === 'public' ? `${guards.length ? ` where ${guards.join(' and ')}` : ''} on conflict do nothing returning 1` : '');
      const res = await em.execute<unknown[]>(into, [rows]);
      inserted += Array.isArray(res) ? res.length : 0;
    };
    for await (const row of backupRows(dir, m, key, ws, table.name)) {
      if (columns === null) {
        const current = await em.execute<{ column_name: string }[]>(`select column_name from information_schema.columns where table_schema = 'public' and table_name = ?`, [table.name]);
        const known = new Set(current.map((c) => c.column_name));
        columns = Object.keys(JSON.parse(row) as Record<string, unknown>).filter((c) => known.has(c)).map((c) => `"${c.replace(/"/g, '""')}"`).join(', ');
      }
      batch.push(row);
      bytes += row.length;
      if (batch.length >= LOAD_ROWS || bytes >= LOAD_BYTES) await flush();
    }
    await flush();
  }
  return inserted;
}

/** Writes one workspace's tables into the backup, each read through a server-side cursor and sealed as it streams. */
async function dumpWorkspace(em: EntityManager, dir: string, id: string, key: Buffer, ws: string): Promise<Record<string, number>> {
  const folder = join(dir, id, ws);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(folder, 0o700);
  const counts: Record<string, number> = {};
  const literal = `'${ws.replace(/'/g, "''")}'`;
  for (const table of TABLES) {
    const out = await SealedFileWriter.create(join(folder, `${table.name}.jsonl`), key, tableName(ws, table.name));
    let n = 0;
    try {
      // DECLARE takes no bound parameters: the workspace id goes in as a quoted literal
      await em.execute(`declare backup_rows no scroll cursor for select row_to_json(t)::text as j from (${table.rows.replace('?', literal)}) t`);
      for (;;) {
        const rows = await em.execute<{ j: string }[]>(`fetch ${FETCH_ROWS} from backup_rows`);
        for (const r of rows) await out.write(`${r.j}\n`);
        n += rows.length;
        if (rows.length < FETCH_ROWS) break;
      }
      await em.execute(`close backup_rows`);
      await out.close();
    } catch (err) {
      await out.abort();
      throw err;
    }
    counts[table.name] = n;
  }
  return counts;
}

/**
 * Clears every recorded purge's subject out of the data `em` sees (a restore, or a backup in temporary tables): the
 * subjects are found again by their keyed hashes in one pass over the contacts, and cleared together.
 */
async function applyPurges(em: EntityManager, ws: string, purges: Purge[]): Promise<void> {
  if (!purges.length) return;
  const subject = await subjectByHashes(em, ws, purges.flatMap((p) => p.subjectHashes));
  for (const store of purgeStores(null)) await store.purge(em, subject);
}

/**
 * Takes a backup: every workspace's tables read in one repeatable-read snapshot, sealed under a fresh data key.
 * Purges sealed after the snapshot are applied to it before it is complete, so a backup never outlives a purge that
 * missed it.
 */
/** Every workspace's data (the Schedule's backup), or only the named workspaces' (an operator's, from the CLI). */
export async function takeBackup(orm: MikroORM, dir: string, only?: string[]): Promise<BackupManifest> {
  const id = newId('bkp');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await mkdir(join(dir, id), { mode: 0o700 });
  await chmod(join(dir, id), 0o700);
  const { key, wrapped } = newDataKey(config.backups.masterKey, id);
  const manifest = await orm.em.fork().transactional(
    async (em) => {
      // held until this transaction ends: a backup still `writing` whose lock is free lost its writer (see discardIfAbandoned)
      await em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [writerLock(id)]);
      const [{ at }] = await em.execute<{ at: Date }[]>(`select now() as at`);
      const m: BackupManifest = {
        id,
        object: 'backup',
        format: BACKUP_FORMAT,
        status: 'writing',
        taken_at: new Date(at).toISOString(),
        completed_at: null,
        workspaces: {},
        purges_applied: {},
        encryption: { cipher: 'AES-256-GCM', segment_bytes: SEGMENT_BYTES, data_key: wrapped },
      };
      await saveManifest(dir, m);
      const workspaces = only?.length
        ? await em.execute<{ id: string }[]>(`select id from workspaces where id in (select jsonb_array_elements_text(?::jsonb)) order by id`, [JSON.stringify(only)])
        : await em.execute<{ id: string }[]>(`select id from workspaces order by id`);
      if (only?.length && workspaces.length !== new Set(only).size) throw new Error(`no workspace ${only.filter((w) => !workspaces.some((r) => r.id === w)).join(', ')}`);
      for (const { id: ws } of workspaces) m.workspaces[ws] = await dumpWorkspace(em, dir, id, key, ws);
      // complete before the writer's lock is released, so a backup seen `writing` with a free lock is never a finished one
      m.status = 'complete';
      m.completed_at = new Date().toISOString();
      await saveManifest(dir, m);
      return m;
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  ).catch(async (err: unknown) => {
    // a backup cut short holds personal data no purge could rewrite: it goes, whatever stopped it
    await rm(join(dir, id), { recursive: true, force: true }).catch(() => undefined);
    throw err;
  });
  const late = await orm.em.fork().execute<{ id: string }[]>(`select id from privacy_purges where sealed_at >= ? order by sealed_at`, [manifest.taken_at]);
  for (const { id: purgeId } of late) await rewriteBackupForPurge(orm, dir, id, purgeId);
  return (await readManifest(dir, id))!;
}

export type RewriteOutcome = 'cleared' | 'writing' | 'missing' | 'discarded';

const writerLock = (backupId: string) => `backup-writer:${backupId}`;

/**
 * A backup still `writing` whose writer's lock is free was cut short (its process died, or it failed before its
 * cleanup): it can never be completed or restored, and it holds personal data that no purge rewrote, so it is deleted.
 * Asked inside a transaction, which keeps the lock until it ends, so a writer cannot start on the same id meanwhile.
 */
async function discardIfAbandoned(em: EntityManager, dir: string, backupId: string): Promise<boolean> {
  const [{ free }] = await em.execute<{ free: boolean }[]>(`select pg_try_advisory_xact_lock(hashtextextended(?, 0)) as free`, [writerLock(backupId)]);
  if (!free) return false;
  // it may have completed between the first read of its manifest and the lock
  if ((await readManifest(dir, backupId))?.status === 'complete') return false;
  await rm(join(dir, backupId), { recursive: true, force: true });
  return true;
}

/**
 * Rewrites one backup without a purge's subject: its workspace's rows are streamed into temporary tables, the purge
 * stores run on them, and each table file is streamed back out and replaced atomically (sealed under the backup's
 * data key). Idempotent (the manifest records the purge) and serialised per backup by an advisory lock. Refuses
 * (PurgeHashKeyMismatch) when the purge was made under another hash key: it would find no one and call it clean.
 */
export async function rewriteBackupForPurge(orm: MikroORM, dir: string, backupId: string, purgeId: string): Promise<RewriteOutcome> {
  return orm.em.fork().transactional(async (em) => {
    await em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`backup:${backupId}`]);
    const manifest = await readManifest(dir, backupId);
    if (!manifest) return 'missing';
    if (manifest.purges_applied[purgeId]) return 'cleared';
    if (manifest.status !== 'complete') {
      // one that completed meanwhile is rewritten on the purge's next timer
      return (await discardIfAbandoned(em, dir, backupId)) ? 'discarded' : 'writing';
    }
    const [purge] = (await em.execute<{ workspace_id: string }[]>(`select workspace_id from privacy_purges where id = ?`, [purgeId])).map((r) => r.workspace_id);
    if (purge && manifest.workspaces[purge]) {
      const these = (await purgesOf(em, purge)).filter((p) => p.id === purgeId);
      assertPurgeHashKey(these);
      // a plain backup is sealed whole: a data key first (kept in the manifest before any file is sealed, so a
      // rewrite cut short leaves every file readable), then every workspace goes through the temporary tables
      const plain = manifest.format === PLAIN_FORMAT;
      if (plain && !manifest.encryption) {
        manifest.encryption = { cipher: 'AES-256-GCM', segment_bytes: SEGMENT_BYTES, data_key: newDataKey(config.backups.masterKey, backupId).wrapped };
        await saveManifest(dir, manifest);
      }
      const key = backupDataKey(manifest)!;
      const workspaces = plain ? Object.keys(manifest.workspaces) : [purge];
      for (const table of TABLES) await em.execute(`create temp table ${table.name} (like public.${table.name} including defaults) on commit drop`);
      for (const ws of workspaces) await loadWorkspace(em, dir, manifest, key, ws, 'pg_temp');
      await applyPurges(em, purge, these);
      for (const ws of workspaces) manifest.workspaces[ws] = await dumpWorkspace(em, dir, backupId, key, ws);
      manifest.format = BACKUP_FORMAT;
    }
    manifest.purges_applied[purgeId] = new Date().toISOString();
    await saveManifest(dir, manifest);
    return 'cleared';
  });
}

/**
 * Restores a backup into the database by merging, never rolling back: each workspace's rows (or only
 * `workspaceIds`) that are absent today are inserted, nothing is deleted or overwritten (revoked keys, rolled
 * secrets and newer audit records stay as they are), then every purge recorded now is applied again, all in one
 * transaction, so no reader ever sees a purged subject come back. Refuses to start (PurgeHashKeyMismatch) when a
 * purge of those workspaces was made under another PURGE_HASH_SECRET, and (BackupKeyError) without the master key.
 */
export async function restoreBackup(
  orm: MikroORM,
  dir: string,
  backupId: string,
  workspaceIds?: string[],
): Promise<{ workspaces: string[]; rowsInserted: number; purgesApplied: number }> {
  const manifest = await readManifest(dir, backupId);
  if (!manifest || manifest.status !== 'complete') throw new Error(`no complete backup ${backupId}`);
  const key = backupDataKey(manifest);
  const targets = Object.keys(manifest.workspaces).filter((ws) => !workspaceIds || workspaceIds.includes(ws));
  let purgesApplied = 0;
  let rowsInserted = 0;
  await orm.em.fork().transactional(async (em) => {
    const purges = new Map<string, Purge[]>();
    for (const ws of targets) purges.set(ws, await purgesOf(em, ws));
    assertPurgeHashKey([...purges.values()].flat());
    for (const ws of targets) {
      await em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`restore:${ws}`]);
      rowsInserted += await loadWorkspace(em, dir, manifest, key, ws, 'public');
      await applyPurges(em, ws, purges.get(ws)!);
      purgesApplied += purges.get(ws)!.length;
    }
  });
  return { workspaces: targets, rowsInserted, purgesApplied };
}

/** Deletes backups older than the retention; a purge still waiting on one counts it as expired. */
export async function pruneBackups(dir: string, retentionDays: number): Promise<string[]> {
  const cutoff = Date.now() - retentionDays * 24 * 3600 * 1000;
  const old = (await listBackups(dir)).filter((m) => Date.parse(m.taken_at) < cutoff);
  for (const m of old) await rm(join(dir, m.id), { recursive: true, force: true });
  return old.map((m) => m.id);
}
