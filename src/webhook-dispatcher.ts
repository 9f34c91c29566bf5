// The webhook fan-out: reads events in commit order, below PostgreSQL's settled horizon, and turns each into one
// delivery per matching endpoint. Commands never wait for it; a crash re-reads from the committed position.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import { config } from './config';
import type { EventRecord } from './db/entities';
import { toDate } from './db/timestamps';
import { deliveryFollowUp, deliveryIdFor } from './activities/webhooks.commands';
import { consumeEvents, pollEvents } from './event-consumer';
import { searchKeys, startFollowUp } from './temporal';

interface EndpointFilter {
  id: string;
  workspace_id: string;
  event_types: string[];
  created_at: string | Date;
}

/**
 * `*` covers every type except the `webhook_delivery.*` family, which an endpoint must name, and which never goes to
 * the endpoint it is about (a dead endpoint would otherwise feed itself). `webhook.test` goes to its endpoint only.
 */
export function endpointWants(types: string[], endpointId: string, event: Pick<EventRecord, 'type' | 'data'>): boolean {
  const about = (event.data as { object?: { endpoint_id?: string } }).object?.endpoint_id;
  if (event.type === 'webhook.test') return about === endpointId;
  const family = `${event.type.split('.')[0]}.*`;
  if (event.type.startsWith('webhook_delivery.')) return about !== endpointId && (types.includes(event.type) || types.includes(family));
  return types.includes('*') || types.includes(event.type) || types.includes(family);
}

const BATCH = 500;

interface DispatchStep {
  /** events read in this step; a full batch means more are waiting */
  read: number;
  created: { workspaceId: string; deliveryId: string }[];
}

/** One step: at most BATCH events. Only one worker at a time holds the position. */
export async function dispatchWebhooks(orm: MikroORM): Promise<DispatchStep> {
  const step = await consumeEvents(orm, 'webhook_dispatch_position', BATCH, async (em, events) => {
    const conn = em.getConnection();
    const trx = em.getTransactionContext();
    const workspaces = [...new Set(events.map((e) => e.workspace))];
    const endpoints = await conn.execute<EndpointFilter[]>(
      `select id, workspace_id, event_types, created_at from webhook_endpoints
       where workspace_id in (${workspaces.map(() => '?').join(', ')}) and enabled and deleted_at is null`,
      workspaces, 'all', trx,
    );
    const rows: unknown[][] = [];
    for (const e of events) {
      for (const ep of endpoints) {
        // only events committed after the endpoint: not even its own webhook_endpoint.created
        if (ep.workspace_id !== e.workspace || e.createdAt <= toDate(ep.created_at)) continue;
        if (endpointWants(ep.event_types, ep.id, e)) rows.push([deliveryIdFor(ep.id, e.id), e.workspace, ep.id, e.id, e.type]);
      }
    }
    if (!rows.length) return [];
    return conn.execute<{ id: string; workspace_id: string }[]>(
      `insert into webhook_deliveries (id, workspace_id, endpoint_id, event_id, event_type, status, attempt_count, next_attempt_at, created_at, updated_at)
       values ${rows.map(() => "(?, ?, ?, ?, ?, 'pending', 0, now(), now(), now())").join(', ')}
       on conflict (endpoint_id, event_id) do nothing returning id, workspace_id`,
      rows.flat(), 'all', trx,
    );
  });
  return { read: step.read, created: (step.result ?? []).map((r) => ({ workspaceId: r.workspace_id, deliveryId: r.id })) };
}

const UNSTARTED_PAGE = 100;

/**
 * Deliveries queued (created or replayed) but not attempted for a while: their workflow never started (Temporal was
 * down right after the commit, or a replay met the previous run still finishing). Starting an existing one is a no-op.
 * Every such delivery, a page at a time: an outage of Temporal leaves as many as were committed meanwhile.
 */
export async function startUnstartedDeliveries(orm: MikroORM, client: Client): Promise<number> {
  let started = 0;
  for (let after = ''; ; ) {
    const rows = await orm.em.getConnection().execute<{ id: string; workspace_id: string }[]>(
      `select id, workspace_id from webhook_deliveries
       where status = 'pending' and updated_at < now() - interval '30 seconds' and id > ? order by id limit ${UNSTARTED_PAGE}`,
      [after],
    );
    await startDeliveries(client, rows.map((r) => ({ workspaceId: r.workspace_id, deliveryId: r.id })));
    started += rows.length;
    if (rows.length < UNSTARTED_PAGE) return started;
    after = rows[rows.length - 1].id;
  }
}

// workflow starts in flight at once: one at a time, a batch of 500 waited on 500 round trips
const START_CONCURRENCY = 20;

export async function startDeliveries(client: Client, deliveries: { workspaceId: string; deliveryId: string }[]): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < deliveries.length) {
      const { workspaceId, deliveryId } = deliveries[next++];
      await startFollowUp(client, deliveryFollowUp(workspaceId, deliveryId), [
        { key: searchKeys.workspaceId, value: workspaceId },
        { key: searchKeys.operationId, value: 'deliverWebhook' },
      ]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(START_CONCURRENCY, deliveries.length) }, lane));
}

/** The worker's poll loop; stops when `signal` aborts. */
export async function runWebhookDispatcher(orm: MikroORM, client: Client, signal: AbortSignal): Promise<void> {
  let sweepAt = 0;
  await pollEvents('webhooks', signal, config.webhooks.dispatchPollMs, async () => {
    const step = await dispatchWebhooks(orm);
    await startDeliveries(client, step.created);
    if (Date.now() > sweepAt) {
      // due again only once it went through: a sweep that met Temporal down is retried at the next step
      await startUnstartedDeliveries(orm, client);
      sweepAt = Date.now() + 30_000;
    }
    // a backlog is read batch after batch without pausing
    return { full: step.read === BATCH };
  });
}
