import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { IsolationLevel, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { newId } from '../ids';
import { purgesOf, subjectByHashes, type Purge } from './purges';
import { purgeStores } from './stores';

// The product's own logical backups: per workspace and table, one JSON document per row (JSON lines), with a
// manifest. Chosen over an encrypted dump with per-subject keys: a purge rewrites each older backup without the
// subject (found again by the keyed hashes the purge kept), which the same store code does on a copy loaded into
// temporary tables, so there is one definition of what a purge removes. Files' bytes are not in backups (the
// file store is content-addressed and purged directly).

/** Workspace tables in foreign-key order, with the query selecting one workspace's rows. */
/** A table without a workspace_id of its own belongs to the workspace through its parent row. */
interface BackedUpTable {
  name: string;
  rows: string;
  owner?: { column: string; table: string };
}

const ownTable = (name: string): BackedUpTable => ({ name, rows: `select * from ${name} where workspace_id = ?` });
const childTable = (name: string, column: string, table: string): BackedUpTable => ({
  name,
  rows: `select c.* from ${name} c join ${table} p on p.id = c.${column} where p.workspace_id = ?`,
  owner: { column, table },
});

// parents before children: a restore deletes in reverse order and loads in this one
const TABLES: BackedUpTable[] = [
  { name: 'workspaces', rows: `select * from workspaces where id = ?` },
  ...['api_keys', 'contacts', 'tags', 'channels', 'templates', 'conversations', 'messages', 'orders', 'files', 'events', 'webhook_endpoints', 'webhook_deliveries'].map(ownTable),
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
];

export interface BackupManifest {
  id: string;
  object: 'backup';
  format: 'jsonl/1';
  status: 'writing' | 'complete';
  /** the instant of the snapshot every table was read in */
  taken_at: string;
  completed_at: string | null;
  /** rows per workspace and table */
  workspaces: Record<string, Record<string, number>>;
  /** purges this backup no longer holds the subject of, and when it was rewritten for each */
  purges_applied: Record<string, string>;
}

const manifestPath = (dir: string, id: string) => join(dir, id, 'manifest.json');
const tablePath = (dir: string, id: string, ws: string, table: string) => join(dir, id, ws, `${table}.jsonl`);
const SAFE_ID = /^[a-z]{2,4}_[0-9a-z]{26}$/;

async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, text);
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

async function readRows(path: string): Promise<string[]> {
  const lines: string[] = [];
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  try {
    for await (const line of rl) if (line) lines.push(line);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return lines;
}

/**
 * Loads one workspace's rows of a backup into `schema`'s tables (public for a restore, pg_temp for a rewrite). Only
 * the columns both the backup and today's table have are written: a column added since the backup takes its
 * default, one dropped since is left out.
 */
async function loadWorkspace(em: EntityManager, dir: string, id: string, ws: string, schema: 'public' | 'pg_temp'): Promise<void> {
  for (const table of TABLES) {
    const rows = await readRows(tablePath(dir, id, ws, table.name));
    if (!rows.length) continue;
    const current = await em.execute<{ column_name: string }[]>(`select column_name from information_schema.columns where table_schema = 'public' and table_name = ?`, [table.name]);
    const known = new Set(current.map((c) => c.column_name));
    const columns = Object.keys(JSON.parse(rows[0]) as Record<string, unknown>).filter((c) => known.has(c)).map((c) => `"${c.replace(/"/g, '""')}"`).join(', ');
    const target = `${schema}.${table.name}`;
    // a restore keeps the workspace row (purge records point at it) and brings back its settings
    const conflict = table.name === 'workspaces' && schema === 'public' ? ` on conflict (id) do update set name = excluded.name, api_version = excluded.api_version, rate_limits = excluded.rate_limits, updated_at = excluded.updated_at` : '';
    for (let i = 0; i < rows.length; i += 500) {
      const batch = `[${rows.slice(i, i + 500).join(',')}]`;
      await em.execute(`insert into ${target} (${columns}) select ${columns} from json_populate_recordset(null::${target}, ?::json)${conflict}`, [batch]);
    }
  }
}

async function dumpWorkspace(em: EntityManager, dir: string, id: string, ws: string): Promise<Record<string, number>> {
  await mkdir(join(dir, id, ws), { recursive: true });
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const rows = await em.execute<{ j: string }[]>(`select row_to_json(t)::text as j from (${table.rows}) t`, [ws]);
    await writeAtomically(tablePath(dir, id, ws, table.name), rows.map((r) => `${r.j}\n`).join(''));
    counts[table.name] = rows.length;
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
 * Takes a backup: every workspace's tables read in one repeatable-read snapshot. Purges sealed after the snapshot
 * are applied to it before it is complete, so a backup never outlives a purge that missed it.
 */
export async function takeBackup(orm: MikroORM, dir: string): Promise<BackupManifest> {
  const id = newId('bkp');
  await mkdir(join(dir, id), { recursive: true });
  const manifest = await orm.em.fork().transactional(
    async (em) => {
      const [{ at }] = await em.execute<{ at: Date }[]>(`select now() as at`);
      const m: BackupManifest = { id, object: 'backup', format: 'jsonl/1', status: 'writing', taken_at: new Date(at).toISOString(), completed_at: null, workspaces: {}, purges_applied: {} };
      await saveManifest(dir, m);
      const workspaces = await em.execute<{ id: string }[]>(`select id from workspaces order by id`);
      for (const { id: ws } of workspaces) m.workspaces[ws] = await dumpWorkspace(em, dir, id, ws);
      return m;
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
  const late = await orm.em.fork().execute<{ id: string }[]>(`select id from privacy_purges where sealed_at >= ? order by sealed_at`, [manifest.taken_at]);
  manifest.status = 'complete';
  manifest.completed_at = new Date().toISOString();
  await saveManifest(dir, manifest);
  for (const { id: purgeId } of late) await rewriteBackupForPurge(orm, dir, id, purgeId);
  return (await readManifest(dir, id))!;
}

export type RewriteOutcome = 'cleared' | 'writing' | 'missing';

/**
 * Rewrites one backup without a purge's subject: its workspace's rows are loaded into temporary tables, the purge
 * stores run on them, and each table file is replaced atomically. Idempotent (the manifest records the purge) and
 * serialised per backup by an advisory lock.
 */
export async function rewriteBackupForPurge(orm: MikroORM, dir: string, backupId: string, purgeId: string): Promise<RewriteOutcome> {
  return orm.em.fork().transactional(async (em) => {
    await em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`backup:${backupId}`]);
    const manifest = await readManifest(dir, backupId);
    if (!manifest) return 'missing';
    if (manifest.purges_applied[purgeId]) return 'cleared';
    if (manifest.status !== 'complete') return 'writing';
    const [purge] = (await em.execute<{ workspace_id: string }[]>(`select workspace_id from privacy_purges where id = ?`, [purgeId])).map((r) => r.workspace_id);
    if (purge && manifest.workspaces[purge]) {
      const all = await purgesOf(em, purge);
      for (const table of TABLES) await em.execute(`create temp table ${table.name} (like public.${table.name} including defaults) on commit drop`);
      await loadWorkspace(em, dir, backupId, purge, 'pg_temp');
      await applyPurges(em, purge, all.filter((p) => p.id === purgeId));
      manifest.workspaces[purge] = await dumpWorkspace(em, dir, backupId, purge);
    }
    manifest.purges_applied[purgeId] = new Date().toISOString();
    await saveManifest(dir, manifest);
    return 'cleared';
  });
}

/**
 * Restores a backup into the database: each workspace's rows (or only `workspaceIds`) replace the current ones, then
 * every purge recorded now (purge records are never restored over) is applied again, all in one transaction, so no
 * reader ever sees a purged subject come back.
 */
export async function restoreBackup(orm: MikroORM, dir: string, backupId: string, workspaceIds?: string[]): Promise<{ workspaces: string[]; purgesApplied: number }> {
  const manifest = await readManifest(dir, backupId);
  if (!manifest || manifest.status !== 'complete') throw new Error(`no complete backup ${backupId}`);
  const targets = Object.keys(manifest.workspaces).filter((ws) => !workspaceIds || workspaceIds.includes(ws));
  let purgesApplied = 0;
  await orm.em.fork().transactional(async (em) => {
    for (const ws of targets) {
      await em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`restore:${ws}`]);
      for (const table of [...TABLES].reverse()) {
        if (table.name === 'workspaces') continue;
        if (table.owner) await em.execute(`delete from ${table.name} where ${table.owner.column} in (select id from ${table.owner.table} where workspace_id = ?)`, [ws]);
        else await em.execute(`delete from ${table.name} where workspace_id = ?`, [ws]);
      }
      await loadWorkspace(em, dir, backupId, ws, 'public');
      const purges = await purgesOf(em, ws);
      await applyPurges(em, ws, purges);
      purgesApplied += purges.length;
    }
  });
  return { workspaces: targets, purgesApplied };
}

/** Deletes backups older than the retention; a purge still waiting on one counts it as expired. */
export async function pruneBackups(dir: string, retentionDays: number): Promise<string[]> {
  const cutoff = Date.now() - retentionDays * 24 * 3600 * 1000;
  const old = (await listBackups(dir)).filter((m) => Date.parse(m.taken_at) < cutoff);
  for (const m of old) await rm(join(dir, m.id), { recursive: true, force: true });
  return old.map((m) => m.id);
}
