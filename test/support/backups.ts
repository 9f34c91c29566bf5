import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { backupDataKey, backupRows, readManifest } from '../../src/privacy/backups';
import { stack } from './stack';

/** Every file below `dir`, raw, each after its path: what a search of a folder on disk covers. */
export async function folderText(dir: string): Promise<string> {
  const parts: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) await walk(p);
      else parts.push(`${p}: ${(await readFile(p)).toString('utf8')}`);
    }
  };
  await walk(dir);
  return parts.join('\n');
}

/**
 * What a search of the backup store must cover: every file's raw bytes, and every backup's rows as they decrypt
 * under this run's BACKUP_MASTER_KEY. `dir` is the store or one backup's folder.
 */
export async function backupText(dir: string): Promise<string> {
  const parts: string[] = [await folderText(dir)];
  const single = basename(dir).startsWith('bkp_');
  const ids = single ? [basename(dir)] : (await readdir(dir).catch(() => [])).filter((n) => n.startsWith('bkp_'));
  const store = single ? join(dir, '..') : dir;
  const master = Buffer.from(stack().env.BACKUP_MASTER_KEY, 'hex');
  for (const id of ids) {
    const m = await readManifest(store, id);
    // a manifest of the older plain format (a test's stand-in for a backup being written) has no rows to open
    if (!m?.encryption) continue;
    const key = backupDataKey(m, master);
    for (const [ws, tables] of Object.entries(m.workspaces)) {
      for (const table of Object.keys(tables)) {
        for await (const row of backupRows(store, m, key, ws, table)) parts.push(`${id}/${ws}/${table}: ${row}`);
      }
    }
  }
  return parts.join('\n');
}
