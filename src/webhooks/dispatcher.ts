// The webhook fan-out: reads events in commit order, below PostgreSQL's settled horizon, and turns each into one
// delivery per matching endpoint, then wakes each endpoint's dispatcher once. Commands never wait for it; a crash
// re-reads from the committed position.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import { config } from '../config';
import type { EventRecord } from '../db/entities';
import { toDate } from '../db/timestamps';
import { deliveryIdFor } from './commands';
import { consumeEvents, pollEvents } from '../event-consumer';
import { wakeFollowUp } from '../engine/temporal';
import { WAKE_WEBHOOK_ENDPOINT, webhookEndpointWorkflowId } from './names';

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
  /** endpoints that got deliveries to send */
  endpoints: EndpointRef[];
}

export interface EndpointRef {
  workspaceId: string;
  endpointId: string;
}

/**
 * One step: at most BATCH events. Only one worker at a time holds the position. A workspace whose waiting deliveries
 * reached WEBHOOK_PENDING_MAX still gets its deliveries recorded, but dead at once and never attempted: nothing is
 * dropped unseen (they are listed with status `dead`, attempt_count 0, and can be replayed once the backlog drains).
 */
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
    const rows: { values: unknown[]; pending: boolean }[] = [];
    const room = new Map<string, number>();
    for (const e of events) {
      for (const ep of endpoints) {
        // only events committed after the endpoint: not even its own webhook_endpoint.created
        if (ep.workspace_id !== e.workspace || e.createdAt <= toDate(ep.created_at)) continue;
        if (!endpointWants(ep.event_types, ep.id, e)) continue;
        if (!room.has(e.workspace)) room.set(e.workspace, await pendingRoom(em, e.workspace));
        const left = room.get(e.workspace)!;
        room.set(e.workspace, left - 1);
        rows.push({ values: [deliveryIdFor(ep.id, e.id), e.workspace, ep.id, e.id, e.type, left > 0 ? 'pending' : 'dead'], pending: left > 0 });
      }
    }
    if (!rows.length) return [];
    const created = await conn.execute<{ workspace_id: string; endpoint_id: string; status: string }[]>(
      `insert into webhook_deliveries (id, workspace_id, endpoint_id, event_id, event_type, status, attempt_count, next_attempt_at, created_at, updated_at)
       values ${rows.map((r) => `(?, ?, ?, ?, ?, ?, 0, ${r.pending ? 'now()' : 'null'}, now(), now())`).join(', ')}
       on conflict (endpoint_id, event_id) do nothing returning workspace_id, endpoint_id, status`,
      rows.flatMap((r) => r.values), 'all', trx,
    );
    return created.filter((c) => c.status === 'pending');
  });
  const endpoints = new Map((step.result ?? []).map((r) => [r.endpoint_id, { workspaceId: r.workspace_id, endpointId: r.endpoint_id }]));
  return { read: step.read, endpoints: [...endpoints.values()] };
}

/** How many more deliveries the workspace may have waiting (pending or failed) under WEBHOOK_PENDING_MAX. */
async function pendingRoom(em: Parameters<Parameters<typeof consumeEvents>[3]>[0], workspaceId: string): Promise<number> {
  const [row] = await em.getConnection().execute<{ n: string }[]>(
    `select count(*) as n from (select 1 from webhook_deliveries where workspace_id = ? and status in ('pending', 'failed') limit ?) w`,
    [workspaceId, config.webhooks.pendingMax], 'all', em.getTransactionContext(),
  );
  return config.webhooks.pendingMax - Number(row.n);
}

const SWEEP_PAGE = 100;

/**
 * Every endpoint with a delivery overdue by 30 s gets its dispatcher woken, or started when none runs: a start lost to
 * a Temporal outage right after a commit, a dispatcher that ended as a delivery came. Waking a running one is harmless.
 * Pages through the endpoints (a few per workspace), each probed by the due-deliveries index.
 */
export async function startUnstartedDeliveries(orm: MikroORM, client: Client): Promise<number> {
  let woken = 0;
  for (let after = ''; ; ) {
    const rows = await orm.em.getConnection().execute<{ id: string; workspace_id: string }[]>(
      `select e.id, e.workspace_id from webhook_endpoints e
       where e.id > ? and exists (select 1 from webhook_deliveries d where d.endpoint_id = e.id and d.status in ('pending', 'failed')
                                  and d.next_attempt_at < now() - interval '30 seconds')
       order by e.id limit ${SWEEP_PAGE}`,
      [after],
    );
    await wakeEndpoints(client, rows.map((r) => ({ workspaceId: r.workspace_id, endpointId: r.id })));
    woken += rows.length;
    if (rows.length < SWEEP_PAGE) return woken;
    after = rows[rows.length - 1].id;
  }
}

// signals in flight at once
const WAKE_CONCURRENCY = 20;

/** Wakes each endpoint's dispatcher once, starting it where none runs (signal-with-start). */
export async function wakeEndpoints(client: Client, endpoints: EndpointRef[]): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < endpoints.length) {
      const { workspaceId, endpointId } = endpoints[next++];
      await wakeFollowUp(client, { workflowType: 'webhookEndpoint', workflowId: webhookEndpointWorkflowId(workspaceId, endpointId), args: [{ workspaceId, endpointId }], signal: WAKE_WEBHOOK_ENDPOINT }, workspaceId);
    }
  };
  await Promise.all(Array.from({ length: Math.min(WAKE_CONCURRENCY, endpoints.length) }, lane));
}

/** The worker's poll loop; stops when `signal` aborts. */
export async function runWebhookDispatcher(orm: MikroORM, client: Client, signal: AbortSignal): Promise<void> {
  let sweepAt = 0;
  await pollEvents('webhooks', signal, config.webhooks.dispatchPollMs, async () => {
    const step = await dispatchWebhooks(orm);
    await wakeEndpoints(client, step.endpoints);
    if (Date.now() > sweepAt) {
      // due again only once it went through: a sweep that met Temporal down is retried at the next step
      await startUnstartedDeliveries(orm, client);
      sweepAt = Date.now() + 30_000;
    }
    // a backlog is read batch after batch without pausing
    return { full: step.read === BATCH };
  });
}
