import type { EntityManager } from '@mikro-orm/postgresql';
import type { FileRecord } from './entities';
import { toDate } from './timestamps';
import { decodeCursor, toPage, type ListPage, type PageParams } from '../pagination';
import type { Schema } from '../types/wire';

export type FileWire = Schema<'File'>;

export type DeletedFileWire = Schema<'DeletedFile'>;

export function toFileWire(f: FileRecord): FileWire | DeletedFileWire {
  if (f.deletedAt) return toDeletedFileWire(f);
  return {
    id: f.id,
    object: 'file',
    filename: f.filename,
    content_type: f.contentType,
    size: f.size,
    sha256: f.sha256,
    purpose: f.purpose,
    created_at: f.createdAt.toISOString(),
    updated_at: f.updatedAt.toISOString(),
  };
}

export function toDeletedFileWire(f: FileRecord): DeletedFileWire {
  return { id: f.id, object: 'file', deleted: true, created_at: f.createdAt.toISOString(), updated_at: f.updatedAt.toISOString() };
}

const COLUMNS = `id, workspace_id as "workspace", filename, content_type as "contentType", size, sha256, purpose, version,
  created_at as "createdAt", updated_at as "updatedAt", deleted_at as "deletedAt"`;

function hydrate(row: FileRecord): FileRecord {
  return { ...row, createdAt: toDate(row.createdAt), updatedAt: toDate(row.updatedAt), deletedAt: toDate(row.deletedAt) };
}

export async function retrieveFile(em: EntityManager, workspaceId: string, id: string): Promise<FileRecord | null> {
  const rows = await em.getConnection().execute<FileRecord[]>(
    `select ${COLUMNS} from files where workspace_id = ? and id = ? and deleted_at is null`,
    [workspaceId, id],
  );
  return rows[0] ? hydrate(rows[0]) : null;
}

export interface FileFilters {
  purpose?: string;
  sha256?: string;
  updated_since?: string;
}

export async function listFiles(em: EntityManager, workspaceId: string, page: PageParams & { filters: FileFilters }): Promise<ListPage<FileWire | DeletedFileWire>> {
  const f = page.filters;
  const col = page.sort === 'updated_at' ? 'updated_at' : 'created_at';
  const where = ['workspace_id = ?'];
  const params: unknown[] = [workspaceId];
  // a sync by updated_since must see deletes, so only then are tombstones listed
  if (f.updated_since) {
    where.push('updated_at >= ?');
    params.push(new Date(f.updated_since));
  } else {
    where.push('deleted_at is null');
  }
  if (f.purpose) {
    where.push('purpose = ?');
    params.push(f.purpose);
  }
  if (f.sha256) {
    where.push('sha256 = ?');
    params.push(f.sha256);
  }
  const after = decodeCursor('files', workspaceId, page);
  if (after) {
    where.push(`(${col}, id) < (?, ?)`);
    params.push(after.at, after.id);
  }
  params.push(page.limit + 1);
  const rows = await em.getConnection().execute<FileRecord[]>(
    `select ${COLUMNS} from files where ${where.join(' and ')} order by ${col} desc, id desc limit ?`,
    params,
  );
  return toPage('files', workspaceId, page, rows.map(hydrate), (r) => (col === 'updated_at' ? r.updatedAt : r.createdAt), toFileWire);
}
