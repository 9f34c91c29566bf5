import type { PageParams, SortColumn } from '../pagination';
import type { AuthedRequest } from './context';

/** limit, cursor and sort as the spec validated (and defaulted) them, plus the list's own filters. */
export function pageParams<F extends Record<string, unknown>>(req: AuthedRequest, filters: F): PageParams & { filters: F } {
  const q = req.query as Record<string, unknown>;
  return {
    limit: Number(q.limit ?? 20),
    cursor: typeof q.cursor === 'string' ? q.cursor : undefined,
    sort: (q.sort as SortColumn | undefined) ?? 'created_at',
    filters,
  };
}
