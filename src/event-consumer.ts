// The shared reader of the committed event stream of all workspaces, for the worker's pollers (webhook fan-out, flow
// triggers). Each consumer keeps one position row; events are read in commit order below PostgreSQL's settled horizon,
// so nothing can later appear behind the position.
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { EventRecord } from './db/entities';
import { settledEventsOfAllWorkspaces, settledHorizon } from './db/events';
import { logger } from './logger';
import { loggableError } from './db/driver-errors';

export type EventConsumerPosition = 'webhook_dispatch_position' | 'flow_trigger_position';

export interface ConsumedStep<T> {
  /** events read; a full batch means more are waiting */
  read: number;
  result: T | null;
}

/**
 * One step of a consumer: lock its position (one holder at a time; the others skip this round), read up to `batch`
 * events after it, let `handle` write what they cause in the same transaction, and move the position past them. A
 * crash before the commit reads the same events again, so `handle` writes rows with unique keys that make that harmless.
 */
export async function consumeEvents<T>(
  orm: MikroORM,
  position: EventConsumerPosition,
  batch: number,
  handle: (em: EntityManager, events: (EventRecord & { txid: string })[]) => Promise<T>,
): Promise<ConsumedStep<T>> {
  const horizon = await settledHorizon(orm.em.fork());
  return orm.em.fork().transactional(async (em) => {
    const conn = em.getConnection();
    const trx = em.getTransactionContext();
    const [pos] = await conn.execute<{ txid: string; event_id: string }[]>(
      `select txid::text as txid, event_id from ${position} where id = 1 for update skip locked`, [], 'all', trx,
    );
    if (!pos) return { read: 0, result: null };
    const events = await settledEventsOfAllWorkspaces(em, { txid: pos.txid, id: pos.event_id }, horizon, batch);
    if (!events.length) return { read: 0, result: null };
    const result = await handle(em, events);
    const last = events[events.length - 1];
    await conn.execute(`update ${position} set txid = ?::xid8, event_id = ? where id = 1`, [last.txid, last.id], 'run', trx);
    return { read: events.length, result };
  });
}

/** A worker's poll loop around one consumer step; a full batch is followed at once, else it sleeps `pollMs`. */
export async function pollEvents(name: string, signal: AbortSignal, pollMs: number, step: () => Promise<{ full: boolean }>): Promise<void> {
  while (!signal.aborted) {
    try {
      if ((await step()).full) continue;
    } catch (err) {
      logger.warn({ err: loggableError(err), consumer: name }, 'event consumer step failed; retrying');
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
