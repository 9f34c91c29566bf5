import type { EntityManager } from '@mikro-orm/postgresql';

interface PgConnection {
  query(q: { text: string; values?: unknown[] }): Promise<{ rows: unknown[] }>;
}
interface KnexClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(c: PgConnection): Promise<void>;
}

let observe: (() => void) | null = null;

/** Told of every statement selectRows sends itself (the API counts statements per request). */
export function observeDirectQueries(fn: () => void): void {
  observe = fn;
}

/** `?` placeholders as `$1…$n`, or null when their number is not the parameters' (a `?` operator, say). */
function numbered(sql: string, count: number): string | null {
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  return n === count ? text : null;
}

/**
 * Planner settings for one statement, applied with SET LOCAL inside its own transaction so they end with it and
 * never reach the next user of the pooled connection. Names and values come from code, never from a request.
 */
export type PlannerSettings = Readonly<Partial<Record<'enable_sort' | 'enable_bitmapscan', 'off'>>>;

/** The statements that apply planner settings to the transaction they run in. */
export function plannerPreamble(settings: PlannerSettings): string[] {
  return Object.entries(settings).map(([name, value]) => `set local ${name} = ${value}`);
}

/**
 * A read on the hot path: the statement goes to a connection of the ORM's own pool (same settings and type parsers)
 * with bound parameters, without the ORM's and the query builder's per-query work (inlining values, query events,
 * ids), which cost the list path more CPU than the rows themselves. Outside a transaction only; anything else takes
 * the ORM's way. With planner settings, the statement runs in a transaction of its own that applies them first
 * (one extra round trip for begin and the settings, one for commit); a `?` the numbering cannot place takes the ORM's
 * way without them.
 */
export async function selectRows<R>(em: EntityManager, sql: string, params: unknown[], planner?: PlannerSettings): Promise<R[]> {
  const text = numbered(sql, params.length);
  // inside a caller's transaction the settings would outlast this statement (SET LOCAL lasts to the end of the
  // outermost transaction): the statement runs there as the planner chooses
  if (text === null || em.getTransactionContext()) return em.getConnection().execute<R[]>(sql, params);
  const client = em.getConnection().getKnex().client as unknown as KnexClient;
  const conn = await client.acquireConnection();
  try {
    if (!planner) {
      observe?.();
      return (await conn.query({ text, values: params })).rows as R[];
    }
    // a simple-protocol query may hold several statements: begin and the settings go in one round trip
    await conn.query({ text: ['begin', ...plannerPreamble(planner)].join('; ') });
    try {
      observe?.();
      const rows = (await conn.query({ text, values: params })).rows as R[];
      await conn.query({ text: 'commit' });
      return rows;
    } catch (err) {
      await conn.query({ text: 'rollback' }).catch(() => undefined);
      throw err;
    }
  } finally {
    await client.releaseConnection(conn);
  }
}
