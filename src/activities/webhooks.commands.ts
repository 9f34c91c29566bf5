import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { EventSchema, WebhookDeliverySchema, WebhookEndpointSchema, type FollowUp, type WebhookDelivery, type WebhookEndpoint } from '../db/entities';
import { recordEvent, type CommandContext } from '../db/events';
import { toDeliveryWire, toEndpointWire } from '../db/webhooks.queries';
import { ApiError } from '../errors';
import { idFromSeed } from '../ids';
import { urlRefusal } from '../outbound/address-policy';
import { newWebhookSecret } from '../webhook-signing';
import type { CommandResponse } from './command-registry';

type Params = Record<string, string>;

/** Deliveries are keyed by (endpoint, event): the dispatcher and a test send can never make two. */
export function deliveryIdFor(endpointId: string, eventId: string): string {
  return idFromSeed('whd', `${endpointId}:${eventId}`);
}

export function deliveryFollowUp(workspaceId: string, deliveryId: string): FollowUp {
  return { workflowType: 'deliverWebhook', workflowId: `${workspaceId}/deliverWebhook/${deliveryId}`, args: [{ deliveryId }] };
}

function checkUrl(url: string): void {
  const refusal = urlRefusal(url);
  if (refusal) throw new ApiError('webhook_url_not_allowed', `This URL cannot receive webhooks: ${refusal}`, { errors: [{ pointer: '/url', code: 'webhook_url_not_allowed', message: refusal }] });
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

export async function createWebhookEndpoint(em: EntityManager, ctx: CommandContext, _p: Params, body: { url: string; event_types?: string[]; description?: string | null; enabled?: boolean }): Promise<CommandResponse> {
  checkUrl(body.url);
  // random, never derived from the workflow's seed: the seed is visible in workflow history
  const secret = newWebhookSecret();
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
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    deletedAt: null,
  });
  recordEvent(em, ctx, 0, { type: 'webhook_endpoint.created', objectType: 'webhook_endpoint', objectId: endpoint.id, sequence: 1, object: toEndpointWire(endpoint, ctx.now) });
  await em.flush();
  return { status: 201, body: { ...toEndpointWire(endpoint, ctx.now), secret } };
}

export async function updateWebhookEndpoint(em: EntityManager, ctx: CommandContext, params: Params, body: { url?: string; event_types?: string[]; description?: string | null; enabled?: boolean }): Promise<CommandResponse> {
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
  }
  return { status: 200, body: toEndpointWire(endpoint, ctx.now) };
}

export async function deleteWebhookEndpoint(em: EntityManager, ctx: CommandContext, params: Params): Promise<CommandResponse> {
  const endpoint = await lockedEndpoint(em, ctx.workspaceId, params.endpoint_id);
  endpoint.deletedAt = ctx.now;
  endpoint.updatedAt = ctx.now;
  endpoint.version += 1;
  const tombstone = { id: endpoint.id, object: 'webhook_endpoint' as const, deleted: true as const, created_at: endpoint.createdAt.toISOString(), updated_at: ctx.now.toISOString() };
  recordEvent(em, ctx, 0, { type: 'webhook_endpoint.deleted', objectType: 'webhook_endpoint', objectId: endpoint.id, sequence: endpoint.version, object: tombstone });
  await em.flush();
  return { status: 200, body: tombstone };
}

export async function rotateWebhookEndpointSecret(em: EntityManager, ctx: CommandContext, params: Params, body: { overlap_seconds?: number } | null): Promise<CommandResponse> {
  const endpoint = await lockedEndpoint(em, ctx.workspaceId, params.endpoint_id);
  const overlap = body?.overlap_seconds ?? 86_400;
  const secret = newWebhookSecret();
  endpoint.previousSecret = overlap > 0 ? endpoint.secret : null;
  endpoint.previousSecretExpiresAt = overlap > 0 ? new Date(ctx.now.getTime() + overlap * 1000) : null;
  endpoint.secret = secret;
  endpoint.version += 1;
  endpoint.updatedAt = ctx.now;
  recordEvent(em, ctx, 0, { type: 'webhook_endpoint.updated', objectType: 'webhook_endpoint', objectId: endpoint.id, sequence: endpoint.version, object: toEndpointWire(endpoint, ctx.now), previousAttributes: { secret_rotation_ends_at: null } });
  await em.flush();
  return { status: 200, body: { ...toEndpointWire(endpoint, ctx.now), secret } };
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
    nextAttemptAt: ctx.now,
    lastAttemptAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
}

/** A `webhook.test` event for this endpoint alone, with its delivery created here so the answer can name it. */
export async function testWebhookEndpoint(em: EntityManager, ctx: CommandContext, params: Params): Promise<CommandResponse> {
  const endpoint = await lockedEndpoint(em, ctx.workspaceId, params.endpoint_id);
  const eventId = idFromSeed('evt', ctx.seed, 0);
  recordEvent(em, ctx, 0, {
    type: 'webhook.test',
    objectType: 'webhook_test',
    objectId: eventId,
    sequence: 1,
    object: { object: 'webhook_test', endpoint_id: endpoint.id, message: 'This is a test event from SabNode.' },
  });
  await em.flush();
  const delivery = newDelivery(em, ctx, endpoint.id, eventId, 'webhook.test');
  await em.flush();
  return { status: 202, body: toDeliveryWire(delivery), followUps: [deliveryFollowUp(ctx.workspaceId, delivery.id)] };
}

const FINISHED = ['succeeded', 'dead'];

/** A delivery still on its timetable keeps it; a finished one starts the timetable again under the same webhook-id. */
export async function replayWebhookDelivery(em: EntityManager, ctx: CommandContext, params: Params): Promise<CommandResponse> {
  const delivery = await em.findOne(WebhookDeliverySchema, { id: params.delivery_id, workspace: ctx.workspaceId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!delivery) throw new ApiError('resource_missing', `No such webhook delivery: '${params.delivery_id}'`);
  if (!FINISHED.includes(delivery.status)) return { status: 202, body: toDeliveryWire(delivery) };
  delivery.status = 'pending';
  delivery.nextAttemptAt = ctx.now;
  delivery.updatedAt = ctx.now;
  await em.flush();
  return { status: 202, body: toDeliveryWire(delivery), followUps: [deliveryFollowUp(ctx.workspaceId, delivery.id)] };
}

const REPLAY_LIMIT = 1000;

export async function replayWebhookEndpoint(em: EntityManager, ctx: CommandContext, params: Params, body: { since: string; until?: string; status?: 'failed' | 'dead' | 'all'; dry_run?: boolean }): Promise<CommandResponse> {
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
  const deliveries = await em.find(WebhookDeliverySchema, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: REPLAY_LIMIT, lockMode: LockMode.PESSIMISTIC_WRITE });
  for (const d of deliveries) {
    d.status = 'pending';
    d.nextAttemptAt = ctx.now;
    d.updatedAt = ctx.now;
  }
  await em.flush();
  return { status: 202, body: reply(deliveries.length, false), followUps: deliveries.map((d) => deliveryFollowUp(ctx.workspaceId, d.id)) };
}

/** The next sequence number of an object's events, for objects without a version column (deliveries). */
export async function nextSequence(em: EntityManager, objectId: string): Promise<number> {
  const rows = await em.find(EventSchema, { objectId }, { orderBy: { sequence: 'desc' }, limit: 1, fields: ['sequence'] });
  return (rows[0]?.sequence ?? 0) + 1;
}
