import type { PageParams, SortColumn } from '../pagination';
import type { AuthedRequest } from './context';

/**
 * limit, cursor and sort as the spec validated (and defaulted) them, plus the list's own filters. `updated_since` (the
 * shared sync parameter) joins the filters of every list whose operation takes it, so its cursors are bound to it too.
 */
export function pageParams<F extends Record<string, unknown>>(req: AuthedRequest, filters: F): PageParams & { filters: F & { updated_since?: string } } {
  const q = req.query as Record<string, unknown>;
  const updatedSince = typeof q.updated_since === 'string' ? q.updated_since : undefined;
  return {
    limit: Number(q.limit ?? 20),
    cursor: typeof q.cursor === 'string' ? q.cursor : undefined,
    sort: (q.sort as SortColumn | undefined) ?? 'created_at',
    filters: { updated_since: updatedSince, ...filters },
  };
}
