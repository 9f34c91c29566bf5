import type { EntityManager } from '@mikro-orm/postgresql';

interface PgConnection {
  query(q: { text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
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
 * A read on the hot path: the statement goes to a connection of the ORM's own pool (same settings and type parsers)
 * with bound parameters, without the ORM's and the query builder's per-query work (inlining values, query events,
 * ids), which cost the list path more CPU than the rows themselves. Outside a transaction only; anything else takes
 * the ORM's way.
 */
export async function selectRows<R>(em: EntityManager, sql: string, params: unknown[]): Promise<R[]> {
  const text = numbered(sql, params.length);
  if (text === null || em.getTransactionContext()) return em.getConnection().execute<R[]>(sql, params);
  const client = em.getConnection().getKnex().client as unknown as KnexClient;
  const conn = await client.acquireConnection();
  try {
    observe?.();
    return (await conn.query({ text, values: params })).rows as R[];
  } finally {
    await client.releaseConnection(conn);
  }
}
