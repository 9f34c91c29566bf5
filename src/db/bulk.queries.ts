import type { EntityManager } from '@mikro-orm/postgresql';
import type { BulkJob, BulkJobItem } from './entities';
import { toDate } from './timestamps';
import { decodeCursor, encodeCursor, type ListPage, type PageParams } from '../pagination';
import type { Schema } from '../types/wire';

export type BulkItemResultWire = Schema<'BulkItemResult'>;

export type BulkJobWire = Schema<'BulkJobFields'>;

export interface BulkCounts {
  processed: number;
  succeeded: number;
  failed: number;
}

const JOB_COLUMNS = `id, workspace_id as "workspace", command_id as "commandId", operation_id as "operationId", status, total,
  chunk_size as "chunkSize", created_at as "createdAt", updated_at as "updatedAt", completed_at as "completedAt"`;

function hydrate(row: BulkJob): BulkJob {
  return { ...row, createdAt: toDate(row.createdAt), updatedAt: toDate(row.updatedAt), completedAt: row.completedAt ? toDate(row.completedAt) : null };
}

export function toBulkJobWire(job: BulkJob, counts: BulkCounts): BulkJobWire {
  return {
    id: job.id,
    object: 'bulk_job',
    operation: job.operationId,
    status: job.status,
    total: job.total,
    ...counts,
    created_at: job.createdAt.toISOString(),
    updated_at: job.updatedAt.toISOString(),
    completed_at: job.completedAt ? job.completedAt.toISOString() : null,
  };
}

export function toItemResultWire(item: Pick<BulkJobItem, 'idx' | 'status' | 'resultId' | 'error'>): BulkItemResultWire {
  return { index: item.idx, status: item.status ?? 0, id: item.resultId, error: item.error };
}

export async function bulkCounts(em: EntityManager, jobId: string): Promise<BulkCounts> {
  const [row] = await em.getConnection().execute<{ processed: string; succeeded: string; failed: string }[]>(
    `select count(status) as processed, count(*) filter (where status < 300) as succeeded, count(*) filter (where status >= 400) as failed
     from bulk_job_items where job_id = ?`,
    [jobId],
  );
  return { processed: Number(row.processed), succeeded: Number(row.succeeded), failed: Number(row.failed) };
}

export async function findBulkJob(em: EntityManager, where: { workspaceId: string; id: string } | { commandId: string }): Promise<BulkJob | null> {
  const rows =
    'commandId' in where
      ? await em.getConnection().execute<BulkJob[]>(`select ${JOB_COLUMNS} from bulk_jobs where command_id = ?`, [where.commandId])
      : await em.getConnection().execute<BulkJob[]>(`select ${JOB_COLUMNS} from bulk_jobs where workspace_id = ? and id = ?`, [where.workspaceId, where.id]);
  return rows[0] ? hydrate(rows[0]) : null;
}

export async function retrieveBulkJob(em: EntityManager, where: Parameters<typeof findBulkJob>[1]): Promise<BulkJobWire | null> {
  const job = await findBulkJob(em, where);
  return job ? toBulkJobWire(job, await bulkCounts(em, job.id)) : null;
}

/** Applied items in input order; the cursor (signed like every list cursor) carries the last index. */
export async function listBulkJobResults(em: EntityManager, job: BulkJob, page: PageParams): Promise<ListPage<BulkItemResultWire>> {
  const after = decodeCursor('bulk_job_results', job.workspace, page);
  const from = after ? Number(after.id) + 1 : 0;
  const rows = await em.getConnection().execute<Pick<BulkJobItem, 'idx' | 'status' | 'resultId' | 'error'>[]>(
    `select idx, status, result_id as "resultId", error from bulk_job_items where job_id = ? and idx >= ? and status is not null order by idx limit ?`,
    [job.id, from, page.limit + 1],
  );
  const hasMore = rows.length > page.limit;
  const data = rows.slice(0, page.limit);
  const last = data[data.length - 1];
  return {
    object: 'list',
    data: data.map(toItemResultWire),
    has_more: hasMore,
    next_cursor: hasMore && last ? encodeCursor('bulk_job_results', job.workspace, page, { at: job.createdAt, id: String(last.idx) }) : null,
  };
}
