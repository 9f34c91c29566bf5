import type { EntityManager } from '@mikro-orm/postgresql';

/** Raw SQL inside the caller's transaction, when there is one. */
export function exec<T>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
}
