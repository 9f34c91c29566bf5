import type { EntityManager } from '@mikro-orm/postgresql';
import { selectRows, type PlannerSettings } from './direct-query';
import { decodeCursor, toPage, type ListPage, type PageParams } from '../pagination';

export interface KeysetListSpec<R extends { id: string; createdAt: Date; updatedAt?: Date }, W> {
  /** names the list inside its cursors: a cursor from one list is refused by another */
  list: string;
  table: string;
  /** select list, aliased onto R */
  columns: string;
  workspaceId: string;
  page: PageParams;
  /** extra conditions, each a SQL fragment with its parameters */
  where?: [sql: string, ...params: unknown[]][];
  /**
   * Soft-deleted tables list live rows only, except for an `updated_since` sync, which must see deletes and so
   * gets tombstones too (toWire shows a deleted row as one). `true` is the `deleted_at` column; a table that marks
   * deletes otherwise names its column (API keys: `revoked_at`).
   */
  softDelete?: boolean | string;
  /**
   * Every filter of the list is an equality that some index leads with, ahead of the sort column: a page is then
   * always read as an ordered index scan that stops after limit + 1 matches. Left to its estimates, the planner may
   * instead collect every row of one filter and sort them (bitmap scan, then sort) when it guesses that few rows
   * match several filters at once, which it does for correlated columns (a contact's messages are all on one
   * channel): that page reads thousands of rows to return a hundred.
   */
  orderedScan?: boolean;
  hydrate: (row: R) => R;
  toWire: (row: R) => W;
}

const ORDERED_SCAN: PlannerSettings = { enable_sort: 'off', enable_bitmapscan: 'off' };

/** The one list query: workspace-scoped, keyset on (sort column, id) descending, fetched with limit + 1. */
export async function keysetList<R extends { id: string; createdAt: Date; updatedAt?: Date }, W>(em: EntityManager, spec: KeysetListSpec<R, W>): Promise<ListPage<W>> {
  const { sql, params, col, planner } = keysetQuery(spec);
  const rows = await selectRows<R>(em, sql, params, planner);
  return toPage(spec.list, spec.workspaceId, spec.page, rows.map(spec.hydrate), (r) => (col === 'updated_at' ? r.updatedAt ?? r.createdAt : r.createdAt), spec.toWire);
}

/** The SQL of one page of a list (also what a test explains, to see that a page is an index scan). */
export function keysetQuery<R extends { id: string; createdAt: Date; updatedAt?: Date }, W>(
  spec: KeysetListSpec<R, W>,
): { sql: string; params: unknown[]; col: 'created_at' | 'updated_at'; planner?: PlannerSettings } {
  const { page } = spec;
  const col = page.sort === 'updated_at' ? 'updated_at' : 'created_at';
  const clauses = ['workspace_id = ?'];
  const params: unknown[] = [spec.workspaceId];
  const updatedSince = page.filters.updated_since;
  if (typeof updatedSince === 'string') {
    clauses.push('updated_at >= ?');
    params.push(new Date(updatedSince));
  } else if (spec.softDelete) {
    clauses.push(`${spec.softDelete === true ? 'deleted_at' : spec.softDelete} is null`);
  }
  for (const [sql, ...values] of spec.where ?? []) {
    clauses.push(sql);
    params.push(...values);
  }
  const after = decodeCursor(spec.list, spec.workspaceId, page);
  if (after) {
    clauses.push(`(${col}, id) < (?, ?)`);
    params.push(after.at, after.id);
  }
  params.push(page.limit + 1);
  const sql = `select ${spec.columns} from ${spec.table} where ${clauses.join(' and ')} order by ${col} desc, id desc limit ?`;
  return { sql, params, col, planner: spec.orderedScan ? ORDERED_SCAN : undefined };
}

/** Rows of one table by id, scoped to the workspace (the timeline's second step). */
export async function rowsByIds<R>(em: EntityManager, table: string, columns: string, workspaceId: string, ids: string[], hydrate: (row: R) => R): Promise<R[]> {
  if (!ids.length) return [];
  const rows = await em.getConnection().execute<R[]>(`select ${columns} from ${table} where workspace_id = ? and id in (${ids.map(() => '?').join(', ')})`, [workspaceId, ...ids]);
  return rows.map(hydrate);
}
