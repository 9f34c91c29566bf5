import { LockMode, type EntityManager, type FilterQuery, type MikroORM } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import { EventSchema, IdempotencySchema, WebhookDeliverySchema, WebhookEndpointSchema, type FollowUp, type WebhookDelivery, type WebhookEndpoint } from '../db/entities';
import { recordEvent, type CommandContext } from '../db/events';
import { HOUR_MS, replayLimitReached, retrieveDelivery, toDeletedEndpointWire, toDeliveryWire, toEndpointWire } from './queries';
import { holdFence } from '../privacy/fence';
import { config } from '../config';
import { ApiError } from '../errors';
import { idFromSeed } from '../ids';
import { urlRefusal } from '../outbound/address-policy';
import { resealSecret, sealedSecretOf } from '../secrets/at-rest';
import { findVersion, VERSIONS } from '../versions';
import type { CommandResponse } from '../commands/types';
import { WAKE_WEBHOOK_ENDPOINT, webhookEndpointWorkflowId } from './names';
import type { RequestBody } from '../types/wire';

type Params = Record<string, string>;

/** Deliveries are keyed by (endpoint, event): the dispatcher and a test send can never make two. */
export function deliveryIdFor(endpointId: string, eventId: string): string {
  return idFromSeed('whd', `${endpointId}:${eventId}`);
}

/** Wakes the endpoint's dispatcher (src/workflows/webhook-endpoint.ts), or starts it. */
export function endpointFollowUp(workspaceId: string, endpointId: string): FollowUp {
  return { workflowType: 'webhookEndpoint', workflowId: webhookEndpointWorkflowId(workspaceId, endpointId), args: [{ workspaceId, endpointId }], signal: WAKE_WEBHOOK_ENDPOINT };
}

/**
 * The workspace's deliveries still waiting (pending or failed), against WEBHOOK_PENDING_MAX: a replay or a test that
 * would add to a full queue is refused (422) until its backlog drains, rather than queued behind it.
 */
async function checkPendingBound(em: EntityManager, workspaceId: string, adding: number): Promise<void> {
  const [row] = await em.getConnection().execute<{ n: string }[]>(
    `select count(*) as n from (select 1 from webhook_deliveries where workspace_id = ? and status in ('pending', 'failed') limit ?) w`,
    [workspaceId, config.webhooks.pendingMax],
    'all',
    em.getTransactionContext(),
  );
  if (Number(row.n) + adding > config.webhooks.pendingMax) {
    throw new ApiError(
      'webhook_pending_limit_reached',
      `A workspace may have ${config.webhooks.pendingMax} webhook deliveries waiting; this one has ${Number(row.n)}. Fix or disable the failing endpoint, or wait for its deliveries to finish, then replay`,
    );
  }
}

function checkUrl(url: string): void {
  const refusal = urlRefusal(url);
  if (refusal) throw new ApiError('webhook_url_not_allowed', `This URL cannot receive webhooks: ${refusal}`, { errors: [{ pointer: '/url', code: 'webhook_url_not_allowed', message: refusal }] });
}

/** A version an endpoint may be pinned to: any supported one not past its sunset. */
function checkApiVersion(version: string, now: Date): void {
  const found = findVersion(version);
  if (!found || (found.sunset && now >= new Date(`${found.sunset}T00:00:00Z`))) {
    const supported = VERSIONS.filter((v) => !v.sunset || now < new Date(`${v.sunset}T00:00:00Z`)).map((v) => v.version);
    throw new ApiError('invalid_request', `'${version.slice(0, 40)}' is not a supported API version; supported: ${supported.join(', ')}`, {
      errors: [{ pointer: '/api_version', code: 'invalid_api_version', message: `Supported: ${supported.join(', ')}` }],
    });
  }
}

/** The workspace's pinned API version: a new endpoint's default, as for a new key. */
async function workspaceVersion(em: EntityManager, workspaceId: string): Promise<string> {
  const [row] = await em.getConnection().execute<{ api_version: string }[]>('select api_version from workspaces where id = ?', [workspaceId], 'all', em.getTransactionContext());
  return row.api_version;
}

function piiPermission(ctx: CommandContext): Pick<WebhookEndpoint, 'piiRead' | 'piiKeyId'> {
  const piiRead = ctx.actor?.scopes.includes('pii:read') ?? false;
  return { piiRead, piiKeyId: piiRead ? ctx.actor!.keyId : null };
}

async function lockedEndpoint(em: EntityManager, workspaceId: string, id: string): Promise<WebhookEndpoint> {
  const endpoint = await em.findOne(WebhookEndpointSchema, { id, workspace: workspaceId, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!endpoint) throw new ApiError('resource_missing', `No such webhook endpoint: '${id}'`);
  return endpoint;
}

/**
 * Locks the workspace's row: endpoint creations and replays of one workspace queue here, so the per-workspace bounds
 * hold. `no key update`: the workspace's other writes (rows that reference it) do not wait for it.
 */
async function lockWorkspace(em: EntityManager, workspaceId: string): Promise<{ window_start: Date | null; used: number }> {
  const [row] = await em.getConnection().execute<{ window_start: Date | null; used: number }[]>(
    'select webhook_replay_window_start as window_start, webhook_replay_count as used from workspaces where id = ? for no key update',
    [workspaceId],
    'all',
    em.getTransactionContext(),
  );
  return row;
}

export async function createWebhookEndpoint(em: EntityManager, ctx: CommandContext, _p: Params, body: RequestBody<'createWebhookEndpoint'>): Promise<CommandResponse> {
  checkUrl(body.url);
  if (body.api_version !== undefined) checkApiVersion(body.api_version, ctx.now);
  await lockWorkspace(em, ctx.workspaceId);
  const live = await em.count(WebhookEndpointSchema, { workspace: ctx.workspaceId, deletedAt: null });
  if (live >= config.webhooks.endpointsMax) {
    throw new ApiError('webhook_endpoint_limit_reached', `A workspace may have ${config.webhooks.endpointsMax} webhook endpoints; delete one first (an endpoint may take any number of event types)`);
  }
  // generated by the API process and sealed there: the API shows it in clear in the first answer only
  const secret = sealedSecretOf(ctx.derived);
  const enabled = body.enabled ?? true;
  const endpoint = em.create(WebhookEndpointSchema, {
    id: idFromSeed('whe', ctx.seed),
    workspace: ctx.workspaceId,
    url: body.url,
    eventTypes: body.event_types ?? ['*'],
    description: body.description ?? null,
    enabled,
    disabledReason: enabled ? null : 'manual',
    secret,
    previousSecret: null,
    previousSecretExpiresAt: null,
    failingSince: null,
    // deliveries show personal data only as the key that made the endpoint could see it
    ...piiPermission(ctx),
    maxConcurrency: body.max_concurrency ?? 10,
    apiVersion: body.api_version ?? (await workspaceVersion(em, ctx.workspaceId)),
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    deletedAt: null,
  });
  recordEvent(em, ctx, 0, { type: 'webhook_endpoint.created', objectType: 'webhook_endpoint', objectId: endpoint.id, sequence: 1, object: toEndpointWire(endpoint, ctx.now) });
  await em.flush();
  return { status: 201, body: toEndpointWire(endpoint, ctx.now) };
}

export async function updateWebhookEndpoint(em: EntityManager, ctx: CommandContext, params: Params, body: RequestBody<'updateWebhookEndpoint'>): Promise<CommandResponse> {
  const endpoint = await lockedEndpoint(em, ctx.workspaceId, params.endpoint_id);
  const previous: Record<string, unknown> = {};
  if (body.url !== undefined && body.url !== endpoint.url) {
    checkUrl(body.url);
    previous.url = endpoint.url;
    endpoint.url = body.url;
  }
  if (body.event_types !== undefined && JSON.stringify(body.event_types) !== JSON.stringify(endpoint.eventTypes)) {
    previous.event_types = endpoint.eventTypes;
    endpoint.eventTypes = body.event_types;
  }
  if (body.description !== undefined && body.description !== endpoint.description) {
    previous.description = endpoint.description;
    endpoint.description = body.description;
  }
  if (body.max_concurrency !== undefined && body.max_concurrency !== endpoint.maxConcurrency) {
    previous.max_concurrency = endpoint.maxConcurrency;
    endpoint.maxConcurrency = body.max_concurrency;
  }
  // from the next attempt on, retries and replays of earlier deliveries included, payloads take the new shape
  if (body.api_version !== undefined && body.api_version !== endpoint.apiVersion) {
    checkApiVersion(body.api_version, ctx.now);
    previous.api_version = endpoint.apiVersion;
    endpoint.apiVersion = body.api_version;
  }
  if (body.enabled !== undefined && body.enabled !== endpoint.enabled) {
    previous.enabled = endpoint.enabled;
    previous.disabled_reason = endpoint.disabledReason;
    endpoint.enabled = body.enabled;
    endpoint.disabledReason = body.enabled ? null : 'manual';
    // a re-enabled endpoint starts a fresh failure streak
    endpoint.failingSince = null;
  }
  // a change by a key without pii:read (a new URL, say) must not inherit another key's right to personal data
  const pii = piiPermission(ctx);
  if (pii.piiRead !== endpoint.piiRead) previous.pii_read = endpoint.piiRead;
  if (Object.keys(previous).length) {
    Object.assign(endpoint, pii);
    endpoint.version += 1;
    endpoint.updatedAt = ctx.now;
    recordEvent(em, ctx, 0, { type: 'webhook_endpoint.updated', objectType: 'webhook_endpoint', objectId: endpoint.id, sequence: endpoint.version, object: toEndpointWire(endpoint, ctx.now), previousAttributes: previous });
    await em.flush();
    // re-enabled, or a new URL or concurrency: its dispatcher sends what is due now rather than at its next wake
    return { status: 200, body: toEndpointWire(endpoint, ctx.now), followUps: [endpointFollowUp(ctx.workspaceId, endpoint.id)] };
  }
  return { status: 200, body: toEndpointWire(endpoint, ctx.now) };
}

export async function deleteWebhookEndpoint(em: EntityManager, ctx: CommandContext, params: Params): Promise<CommandResponse> {
  const endpoint = await lockedEndpoint(em, ctx.workspaceId, params.endpoint_id);
  endpoint.deletedAt = ctx.now;
  endpoint.updatedAt = ctx.now;
  endpoint.version += 1;
  const tombstone = toDeletedEndpointWire(endpoint);
  recordEvent(em, ctx, 0, { type: 'webhook_endpoint.deleted', objectType: 'webhook_endpoint', objectId: endpoint.id, sequence: endpoint.version, object: tombstone });
  await em.flush();
  // its dispatcher ends the waiting deliveries (dead, unsent) and then itself
  const waiting = await em.count(WebhookDeliverySchema, { workspace: ctx.workspaceId, endpoint: endpoint.id, status: { $in: ['pending', 'failed'] } });
  return { status: 200, body: tombstone, followUps: waiting ? [endpointFollowUp(ctx.workspaceId, endpoint.id)] : [] };
}

export async function rotateWebhookEndpointSecret(em: EntityManager, ctx: CommandContext, params: Params, body: RequestBody<'rotateWebhookEndpointSecret'>): Promise<CommandResponse> {
  const endpoint = await lockedEndpoint(em, ctx.workspaceId, params.endpoint_id);
  const overlap = body?.overlap_seconds ?? 86_400;
  const secret = sealedSecretOf(ctx.derived);
  endpoint.previousSecret = overlap > 0 ? resealSecret(endpoint.secret) : null;
  endpoint.previousSecretExpiresAt = overlap > 0 ? new Date(ctx.now.getTime() + overlap * 1000) : null;
  endpoint.secret = secret;
  endpoint.version += 1;
  endpoint.updatedAt = ctx.now;
  recordEvent(em, ctx, 0, { type: 'webhook_endpoint.updated', objectType: 'webhook_endpoint', objectId: endpoint.id, sequence: endpoint.version, object: toEndpointWire(endpoint, ctx.now), previousAttributes: { secret_rotation_ends_at: null } });
  await em.flush();
  return { status: 200, body: toEndpointWire(endpoint, ctx.now) };
}

function newDelivery(em: EntityManager, ctx: CommandContext, endpointId: string, eventId: string, eventType: string): WebhookDelivery {
  return em.create(WebhookDeliverySchema, {
    id: deliveryIdFor(endpointId, eventId),
    workspace: ctx.workspaceId,
    endpoint: endpointId,
    event: eventId,
    eventType,
    status: 'pending',
    attemptCount: 0,
    timetableStart: 0,
    nextAttemptAt: ctx.now,
    lastAttemptAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
}

/** The test event of one `testWebhookEndpoint` command: its ids derive from the command, so every step finds them. */
function testEventIds(commandId: string, endpointId: string): { seed: string; eventId: string; deliveryId: string } {
  const seed = `${commandId}:webhook.test`;
  const eventId = idFromSeed('evt', seed, 0);
  return { seed, eventId, deliveryId: deliveryIdFor(endpointId, eventId) };
}

/**
 * A `webhook.test` event for this endpoint alone and its delivery, after the same checks as any delivery's (the
 * endpoint exists, the workspace's bound on waiting deliveries). `dueNow: false` leaves the first attempt to the
 * command's workflow, which sends it before answering; the dispatcher takes the retries of a failed one.
 */
async function recordTestEvent(em: EntityManager, ctx: CommandContext, endpointId: string, commandId: string, dueNow: boolean): Promise<WebhookDelivery> {
  await lockWorkspace(em, ctx.workspaceId);
  const endpoint = await lockedEndpoint(em, ctx.workspaceId, endpointId);
  await checkPendingBound(em, ctx.workspaceId, 1);
  const ids = testEventIds(commandId, endpoint.id);
  recordEvent(em, { ...ctx, seed: ids.seed }, 0, {
    type: 'webhook.test',
    objectType: 'webhook_test',
    objectId: ids.eventId,
    sequence: 1,
    object: { object: 'webhook_test', endpoint_id: endpoint.id, message: 'This is a test event from SabNode.' },
  });
  await em.flush();
  const delivery = newDelivery(em, ctx, endpoint.id, ids.eventId, 'webhook.test');
  if (!dueNow) delivery.nextAttemptAt = null;
  await em.flush();
  return delivery;
}

/**
 * The first step of the test command's workflow (src/workflows/index.ts), before the command itself: the event and
 * its delivery, committed so that the next step can send the first attempt. Returns null when there is nothing to
 * send: the command has already answered, or it is refused (the command then stores the refusal as any command's).
 */
export async function prepareWebhookTest(orm: MikroORM, commandId: string): Promise<{ deliveryId: string } | null> {
  return orm.em.fork().transactional(async (em) => {
    const record = await em.findOne(IdempotencySchema, { id: commandId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!record) throw ApplicationFailure.nonRetryable(`command ${commandId} has no stored request`, 'command_missing');
    if (record.state === 'completed') return null;
    const endpointId = record.request.params.endpoint_id;
    const ids = testEventIds(commandId, endpointId);
    if (await em.findOne(WebhookDeliverySchema, { id: ids.deliveryId })) return { deliveryId: ids.deliveryId };
    // the purge fence's shared lock first, as every command takes it
    await holdFence(em, record.workspace);
    const ctx: CommandContext = {
      workspaceId: record.workspace,
      requestId: record.request.requestId,
      seed: ids.seed,
      now: new Date(),
      commandId,
    };
    try {
      // a savepoint: a refusal leaves nothing behind
      await em.transactional((tx) => recordTestEvent(tx, ctx, endpointId, commandId, false));
    } catch (err) {
      if (err instanceof ApiError && err.status < 500) return null;
      throw err;
    }
    return { deliveryId: ids.deliveryId };
  });
}

/**
 * The answer to a test: its delivery with the first attempt, which the workflow sent before this command ran. Should
 * the first step have found the command refused while it is not any more (a backlog drained in between), the test is
 * recorded here and goes out through the dispatcher, its delivery answered without attempts.
 */
export async function testWebhookEndpoint(em: EntityManager, ctx: CommandContext, params: Params): Promise<CommandResponse> {
  const commandId = ctx.commandId ?? ctx.seed;
  const { deliveryId } = testEventIds(commandId, params.endpoint_id);
  const sent = await retrieveDelivery(em, ctx.workspaceId, deliveryId);
  if (sent) {
    const waiting = sent.status === 'pending' || sent.status === 'failed';
    return { status: 202, body: sent, followUps: waiting ? [endpointFollowUp(ctx.workspaceId, sent.endpoint_id)] : [] };
  }
  const delivery = await recordTestEvent(em, ctx, params.endpoint_id, commandId, true);
  return { status: 202, body: { ...toDeliveryWire(delivery), attempts: [] }, followUps: [endpointFollowUp(ctx.workspaceId, delivery.endpoint)] };
}

const FINISHED = ['succeeded', 'dead'];


/**
 * The workspace's replay budget for its current hourly window (WEBHOOK_REPLAYS_PER_HOUR deliveries), under the
 * workspace's row lock. The API refuses with 429 and Retry-After before a command starts once the window is spent;
 * this holds the bound against concurrent replays that both passed that check.
 */
async function replayBudget(em: EntityManager, ctx: CommandContext): Promise<{ remaining: number; spend(n: number): Promise<void> }> {
  const row = await lockWorkspace(em, ctx.workspaceId);
  const current = row.window_start && ctx.now.getTime() - new Date(row.window_start).getTime() < HOUR_MS;
  const start = current ? new Date(row.window_start!) : ctx.now;
  const used = current ? row.used : 0;
  const remaining = Math.max(0, config.webhooks.replaysPerHour - used);
  if (!remaining) throw replayLimitReached(start);
  return {
    remaining,
    async spend(n) {
      await em.getConnection().execute('update workspaces set webhook_replay_window_start = ?, webhook_replay_count = ? where id = ?', [start, used + n, ctx.workspaceId], 'run', em.getTransactionContext());
    },
  };
}


/** A delivery still on its timetable keeps it; a finished one starts the timetable again under the same webhook-id. */
export async function replayWebhookDelivery(em: EntityManager, ctx: CommandContext, params: Params): Promise<CommandResponse> {
  // the workspace first, then the delivery: the same order as an endpoint's replay
  const budget = await replayBudget(em, ctx);
  const delivery = await em.findOne(WebhookDeliverySchema, { id: params.delivery_id, workspace: ctx.workspaceId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!delivery) throw new ApiError('resource_missing', `No such webhook delivery: '${params.delivery_id}'`);
  if (!FINISHED.includes(delivery.status)) return { status: 202, body: toDeliveryWire(delivery) };
  await checkPendingBound(em, ctx.workspaceId, 1);
  await budget.spend(1);
  delivery.status = 'pending';
  delivery.timetableStart = delivery.attemptCount;
  delivery.nextAttemptAt = ctx.now;
  delivery.updatedAt = ctx.now;
  await em.flush();
  return { status: 202, body: toDeliveryWire(delivery), followUps: [endpointFollowUp(ctx.workspaceId, delivery.endpoint)] };
}

const REPLAY_LIMIT = 1000;

export async function replayWebhookEndpoint(em: EntityManager, ctx: CommandContext, params: Params, body: RequestBody<'replayWebhookEndpoint'>): Promise<CommandResponse> {
  // the workspace's row before the endpoint's and the deliveries' (lock order); a dry run spends nothing
  const budget = body.dry_run ? null : await replayBudget(em, ctx);
  const endpoint = await lockedEndpoint(em, ctx.workspaceId, params.endpoint_id);
  const statuses = body.status === 'all' ? FINISHED : ['dead'];
  const where: FilterQuery<WebhookDelivery> = {
    workspace: ctx.workspaceId,
    endpoint: endpoint.id,
    status: { $in: statuses as WebhookDelivery['status'][] },
    createdAt: body.until ? { $gte: new Date(body.since), $lt: new Date(body.until) } : { $gte: new Date(body.since) },
  };
  const reply = (count: number, dryRun: boolean) => ({ object: 'webhook_replay', endpoint_id: endpoint.id, count, dry_run: dryRun });
  if (body.dry_run) return { status: 200, body: reply(await em.count(WebhookDeliverySchema, where), true) };
  const deliveries = await em.find(WebhookDeliverySchema, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: Math.min(REPLAY_LIMIT, budget!.remaining), lockMode: LockMode.PESSIMISTIC_WRITE });
  if (deliveries.length) await checkPendingBound(em, ctx.workspaceId, deliveries.length);
  await budget!.spend(deliveries.length);
  for (const d of deliveries) {
    d.status = 'pending';
    d.timetableStart = d.attemptCount;
    d.nextAttemptAt = ctx.now;
    d.updatedAt = ctx.now;
  }
  await em.flush();
  return { status: 202, body: reply(deliveries.length, false), followUps: deliveries.length ? [endpointFollowUp(ctx.workspaceId, endpoint.id)] : [] };
}

/** The next sequence number of an object's events, for objects without a version column (deliveries). */
export async function nextSequence(em: EntityManager, objectId: string): Promise<number> {
  const rows = await em.find(EventSchema, { objectId }, { orderBy: { sequence: 'desc' }, limit: 1, fields: ['sequence'] });
  return (rows[0]?.sequence ?? 0) + 1;
}
