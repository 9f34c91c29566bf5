import { Context } from '@temporalio/activity';
import { LockMode, type MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { EventSchema, WebhookDeliverySchema, WebhookEndpointSchema, type EventRecord, type WebhookDelivery, type WebhookEndpoint } from '../db/entities';
import { causeOfEvent, recordEvent, type CommandContext } from '../db/events';
import { toDeliveryWire, toEndpointWire } from './queries';
import { webhookHeaders } from './signing';
import { versionHeaders } from '../versions';
import { callOutbound, type SendOutcome } from '../outbound/sender';
import { grantStands, webhookPayload } from './payload';
import { nextSequence } from './commands';
import { openSecret } from '../secrets/at-rest';

export interface EndpointBatch {
  /** deliveries attempted (or finished without a send) in this batch */
  attempted: number;
  /** ms until the endpoint's earliest waiting delivery is due (0: due now); null when none is waiting */
  nextDueInMs: number | null;
  /** the endpoint is deleted (or never existed) */
  gone: boolean;
}

function disableEndpoint(em: Parameters<typeof recordEvent>[0], ctx: CommandContext, endpoint: WebhookEndpoint, reason: 'gone' | 'failing'): void {
  const previous = { enabled: true, disabled_reason: endpoint.disabledReason };
  endpoint.enabled = false;
  endpoint.disabledReason = reason;
  endpoint.version += 1;
  endpoint.updatedAt = ctx.now;
  recordEvent(em, { ...ctx, seed: `${endpoint.id}:v${endpoint.version}` }, 0, { type: 'webhook_endpoint.disabled', objectType: 'webhook_endpoint', objectId: endpoint.id, sequence: endpoint.version, object: toEndpointWire(endpoint, ctx.now), previousAttributes: previous });
}

const isFinished = (d: WebhookDelivery) => d.status === 'succeeded' || d.status === 'dead';

/** Where a delivery stands on its current run of the timetable: is its next attempt the last, and what follows it. */
export function timetableStep(d: Pick<WebhookDelivery, 'attemptCount' | 'timetableStart'>, scheduleMs = config.webhooks.retryScheduleMs): { attempt: number; final: boolean; nextDelayMs: number } {
  const i = d.attemptCount - d.timetableStart;
  return { attempt: d.attemptCount + 1, final: i >= scheduleMs.length - 1, nextDelayMs: scheduleMs[i + 1] ?? 0 };
}

// an attempt's lease: its 5 s bound and room for the commit; a crashed batch's attempts go out again after it
const LEASE_SECONDS = Math.ceil(config.webhooks.attemptTimeoutMs / 1000) + 10;

/**
 * One attempt. Idempotent per (delivery, attempt): after a crash between the POST and the commit the attempt is
 * sent again, but a recorded attempt is never sent twice, and two batches of one endpoint running at once (a retry
 * beside the run Temporal gave up on) never both send it: each takes the delivery's lease first. `endpoint` is the
 * batch's copy: an attempt that disables the endpoint marks it there, so the rest of the batch sends nothing more.
 */
async function attemptDelivery(orm: MikroORM, batch: BatchContext, delivery: WebhookDelivery, event: EventRecord): Promise<void> {
  const { endpoint } = batch;
  const { attempt, final, nextDelayMs } = timetableStep(delivery);
  const now = new Date();
  let outcome: SendOutcome | null = null;
  if (endpoint.enabled && !endpoint.deletedAt) {
    const { body, version } = await webhookPayload(orm, endpoint, delivery, event, attempt, batch.inClear);
    const leased = await orm.em.getConnection().execute<{ id: string }[]>(
      `update webhook_deliveries set lease_until = now() + make_interval(secs => ?)
       where id = ? and attempt_count = ? and status in ('pending', 'failed') and (lease_until is null or lease_until < now()) returning id`,
      [LEASE_SECONDS, delivery.id, delivery.attemptCount],
    );
    if (!leased.length) return;
    const secrets = [endpoint.secret, ...(endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now ? [endpoint.previousSecret] : [])].map(openSecret);
    // Api-Version (with Deprecation, Sunset and Link for a deprecated one) as on a REST response of that version
    const headers = { 'user-agent': 'SabNode-Webhooks/1', ...versionHeaders(version), ...webhookHeaders(secrets, delivery.id, Math.floor(Date.now() / 1000), body) };
    // an attempt keeps the first 4 KB of the answer (WebhookAttempt.response_body)
    outcome = await callOutbound(endpoint.url, { headers, body, timeoutMs: config.webhooks.attemptTimeoutMs, maxResponseBytes: 4096 });
    // the common answer, a 2xx, is recorded with others in one statement; the rest one by one below
    if (outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300) {
      await batch.successes.add({ id: delivery.id, attempt, at: new Date(), outcome });
      return;
    }
  }
  await orm.em.fork().transactional(async (tx) => {
    const d = await tx.findOneOrFail(WebhookDeliverySchema, { id: delivery.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    // another run of this batch (a retried activity) recorded it first, or a replay moved it on
    if (d.attemptCount >= attempt || isFinished(d)) return;
    const at = new Date();
    d.leaseUntil = null;
    // what a delivery causes (its endpoint disabled, its death) follows from the event it delivers
    const ctx: CommandContext = { workspaceId: d.workspace, requestId: null, seed: `${d.id}:${attempt}`, now: at, cause: causeOfEvent(event, 'webhook_delivery', d.id) };
    d.updatedAt = at;
    if (!outcome) {
      // disabled or deleted since the event: nothing is sent and nothing more will be
      await markDead(tx, ctx, d);
      return;
    }
    // a 2xx never reaches here (recorded in groups above): this attempt failed
    await tx.getConnection().execute(
      `insert into webhook_attempts (delivery_id, attempt, attempted_at, duration_ms, status_code, response_headers, response_body, error_code, error_message)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
      [d.id, attempt, at, outcome.durationMs, outcome.statusCode, outcome.headers ? JSON.stringify(outcome.headers) : null, outcome.body, outcome.error?.code ?? (outcome.statusCode ? 'http_status' : null), outcome.error?.message ?? (outcome.statusCode ? `HTTP ${outcome.statusCode}` : null)],
      'run',
      tx.getTransactionContext(),
    );
    d.attemptCount = attempt;
    d.lastAttemptAt = at;
    const ep = await tx.findOneOrFail(WebhookEndpointSchema, { id: d.endpoint }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    ep.failingSince ??= at;
    endpoint.failingSince = ep.failingSince;
    const disable = outcome.statusCode === 410 ? 'gone' : at.getTime() - ep.failingSince.getTime() >= config.webhooks.disableAfterFailingMs ? 'failing' : null;
    if (disable || final) {
      if (disable && ep.enabled) disableEndpoint(tx, ctx, ep, disable);
      if (disable) endpoint.enabled = false;
      await markDead(tx, ctx, d);
      return;
    }
    const retryAfter = outcome.retryAfterMs === null ? null : Math.min(outcome.retryAfterMs, config.webhooks.retryAfterMaxMs);
    d.status = 'failed';
    d.nextAttemptAt = new Date(at.getTime() + Math.max(nextDelayMs, retryAfter ?? 0));
    await tx.flush();
  });
}

interface Success {
  id: string;
  attempt: number;
  at: Date;
  outcome: SendOutcome;
}

interface BatchContext {
  endpoint: WebhookEndpoint;
  /** the endpoint may see personal data in clear (read once per batch) */
  inClear: boolean;
  successes: SuccessRecorder;
}

// successful attempts are recorded in groups of this many, and none waits longer than SUCCESS_WAIT_MS (well inside its lease)
const SUCCESS_GROUP = 50;
const SUCCESS_WAIT_MS = 500;

/**
 * Records successful attempts in groups: one statement marks a group's deliveries succeeded and logs their attempts,
 * where an attempt per transaction cost five round trips. As one at a time, only a delivery still waiting on that
 * attempt changes (a retried batch's group records nothing twice), and an unrecorded success is sent again after its
 * lease, with the same webhook-id.
 */
class SuccessRecorder {
  private group: Success[] = [];
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(private orm: MikroORM, private endpoint: WebhookEndpoint, private afterEach: () => void) {}

  async add(success: Success): Promise<void> {
    if (this.failure) throw this.failure;
    this.group.push(success);
    if (this.group.length >= SUCCESS_GROUP) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), SUCCESS_WAIT_MS);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const group = this.group;
    this.group = [];
    if (!group.length) return;
    this.chain = this.chain.then(() => this.record(group)).catch((err) => void (this.failure ??= err));
  }

  /** every success recorded; throws what a group's recording threw */
  async settle(): Promise<void> {
    this.flush();
    await this.chain;
    if (this.failure) throw this.failure;
  }

  private async record(group: Success[]): Promise<void> {
    const rows = group.map(({ id, attempt, at, outcome }) => ({
      id,
      attempt,
      at: at.toISOString(),
      duration_ms: outcome.durationMs,
      status_code: outcome.statusCode,
      headers: outcome.headers ?? null,
      body: outcome.body ?? null,
    }));
    await this.orm.em.getConnection().execute(
      `with v as (
         select * from jsonb_to_recordset(cast(? as jsonb))
           as v(id text, attempt integer, at timestamptz, duration_ms integer, status_code integer, headers json, body text)
       ), recorded as (
         update webhook_deliveries d
            set status = 'succeeded', attempt_count = v.attempt, last_attempt_at = v.at, next_attempt_at = null, lease_until = null, updated_at = v.at
           from v
          where d.id = v.id and d.endpoint_id = ? and d.attempt_count < v.attempt and d.status in ('pending', 'failed')
         returning d.id
       )
       insert into webhook_attempts (delivery_id, attempt, attempted_at, duration_ms, status_code, response_headers, response_body, error_code, error_message)
       select v.id, v.attempt, v.at, v.duration_ms, v.status_code, v.headers, v.body, null, null from v join recorded using (id)
       on conflict do nothing`,
      [JSON.stringify(rows), this.endpoint.id],
    );
    // the endpoint's row only when its failure streak ends: successes do not queue on its lock
    if (this.endpoint.failingSince) {
      await this.orm.em.getConnection().execute('update webhook_endpoints set failing_since = null where id = ?', [this.endpoint.id]);
      this.endpoint.failingSince = null;
    }
    this.afterEach();
  }
}

async function markDead(tx: Parameters<typeof recordEvent>[0], ctx: CommandContext, d: WebhookDelivery): Promise<void> {
  d.status = 'dead';
  d.nextAttemptAt = null;
  const sequence = await nextSequence(tx, d.id);
  recordEvent(tx, { ...ctx, seed: `${d.id}:dead:${sequence}` }, 0, { type: 'webhook_delivery.dead', objectType: 'webhook_delivery', objectId: d.id, sequence, object: toDeliveryWire(d) });
  await tx.flush();
}

/** When the endpoint's earliest waiting delivery is due (or its lease ends), from the database's clock; null when none waits. */
async function nextDueInMs(orm: MikroORM, endpointId: string): Promise<number | null> {
  const [row] = await orm.em.getConnection().execute<{ ms: string | number | null }[]>(
    `select greatest(0, ceil(extract(epoch from (min(greatest(next_attempt_at, coalesce(lease_until, next_attempt_at))) - now())) * 1000)) as ms
     from webhook_deliveries where endpoint_id = ? and status in ('pending', 'failed')`,
    [endpointId],
  );
  return row?.ms === null || row?.ms === undefined ? null : Number(row.ms);
}

/**
 * The first attempt of a test delivery, sent by the test command's workflow before it answers: the same lease,
 * payload, version, signing, outbound guard (src/outbound/sender.ts) and recording as the dispatcher's attempts.
 * Idempotent: an attempt already recorded is not sent again; one in flight under another run's lease is waited for
 * (thrown, so Temporal retries until that lease is over).
 */
export async function sendTestDelivery(orm: MikroORM, deliveryId: string): Promise<void> {
  const em = orm.em.fork();
  const delivery = await em.findOne(WebhookDeliverySchema, { id: deliveryId });
  if (!delivery || delivery.attemptCount > 0 || isFinished(delivery)) return;
  const endpoint = await em.findOneOrFail(WebhookEndpointSchema, { id: delivery.endpoint, workspace: delivery.workspace });
  const event = await em.findOneOrFail(EventSchema, { id: delivery.event });
  const batch: BatchContext = { endpoint, inClear: !endpoint.deletedAt && (await grantStands(orm, endpoint)), successes: new SuccessRecorder(orm, endpoint, () => undefined) };
  await attemptDelivery(orm, batch, delivery, event);
  await batch.successes.settle();
  const [after] = await orm.em.getConnection().execute<{ attempt_count: number; status: string }[]>('select attempt_count, status from webhook_deliveries where id = ?', [deliveryId]);
  if (after.attempt_count === 0 && (after.status === 'pending' || after.status === 'failed')) throw new Error(`the first attempt of ${deliveryId} is in flight elsewhere`);
}

export function createWebhookActivities(orm: MikroORM) {
  return {
    /** The first attempt of a test delivery (see sendTestDelivery). */
    async sendTestWebhookDelivery(input: { deliveryId: string }): Promise<void> {
      await sendTestDelivery(orm, input.deliveryId);
    },

    /**
     * One batch of an endpoint's dispatcher: its due deliveries in due-time order (all of its waiting ones once it is
     * deleted, which then die unsent), at most the endpoint's max_concurrency attempts in flight.
     */
    async sendDueWebhookDeliveries(input: { workspaceId: string; endpointId: string }): Promise<EndpointBatch> {
      const em = orm.em.fork();
      const endpoint = await em.findOne(WebhookEndpointSchema, { id: input.endpointId, workspace: input.workspaceId });
      if (!endpoint) return { attempted: 0, nextDueInMs: null, gone: true };
      const due = endpoint.deletedAt ? '' : 'and next_attempt_at <= now()';
      const ids = await em.getConnection().execute<{ id: string }[]>(
        `select id from webhook_deliveries where endpoint_id = ? and workspace_id = ? and status in ('pending', 'failed') ${due}
           and (lease_until is null or lease_until < now())
         order by next_attempt_at, id limit ${Math.max(1, config.webhooks.batchSize)}`,
        [endpoint.id, input.workspaceId],
      );
      if (ids.length) {
        const deliveries = await em.find(WebhookDeliverySchema, { id: { $in: ids.map((r) => r.id) } }, { orderBy: { nextAttemptAt: 'asc', id: 'asc' } });
        const events = new Map((await em.find(EventSchema, { id: { $in: [...new Set(deliveries.map((d) => d.event))] } })).map((e) => [e.id, e]));
        const ctx = Context.current();
        const beat = setInterval(() => ctx.heartbeat(), 1000);
        const batch: BatchContext = {
          endpoint,
          inClear: !endpoint.deletedAt && (await grantStands(orm, endpoint)),
          successes: new SuccessRecorder(orm, endpoint, () => ctx.heartbeat()),
        };
        try {
          let next = 0;
          const lane = async () => {
            while (next < deliveries.length) {
              const d = deliveries[next++];
              await attemptDelivery(orm, batch, d, events.get(d.event)!);
            }
          };
          await Promise.all(Array.from({ length: Math.min(endpoint.maxConcurrency, deliveries.length) }, lane));
        } finally {
          clearInterval(beat);
        }
        await batch.successes.settle();
      }
      return { attempted: ids.length, nextDueInMs: await nextDueInMs(orm, endpoint.id), gone: endpoint.deletedAt !== null };
    },
  };
}
