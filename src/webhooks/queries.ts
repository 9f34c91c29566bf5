import type { EntityManager } from '@mikro-orm/postgresql';
import type { WebhookDelivery, WebhookEndpoint } from '../db/entities';
import type { PageParams } from '../pagination';
import { keysetList } from '../db/keyset';
import { toDate } from '../db/timestamps';
import { config } from '../config';
import { ApiError } from '../errors';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function toEndpointWire(e: WebhookEndpoint, now = new Date()) {
  const rotating = e.previousSecret && e.previousSecretExpiresAt && e.previousSecretExpiresAt > now;
  return {
    id: e.id,
    object: 'webhook_endpoint' as const,
    url: e.url,
    event_types: e.eventTypes,
    description: e.description,
    enabled: e.enabled,
    disabled_reason: e.disabledReason,
    pii_read: e.piiRead,
    max_concurrency: e.maxConcurrency,
    api_version: e.apiVersion,
    secret_rotation_ends_at: rotating ? e.previousSecretExpiresAt!.toISOString() : null,
    created_at: e.createdAt.toISOString(),
    updated_at: e.updatedAt.toISOString(),
  };
}

/** A deleted endpoint: the answer to its delete, and its tombstone in `updated_since` lists. */
export function toDeletedEndpointWire(e: Pick<WebhookEndpoint, 'id' | 'createdAt' | 'updatedAt'>) {
  return { id: e.id, object: 'webhook_endpoint' as const, deleted: true as const, created_at: e.createdAt.toISOString(), updated_at: e.updatedAt.toISOString() };
}

export function toDeliveryWire(d: WebhookDelivery) {
  return {
    id: d.id,
    object: 'webhook_delivery' as const,
    endpoint_id: d.endpoint,
    event_id: d.event,
    event_type: d.eventType,
    status: d.status,
    attempt_count: d.attemptCount,
    next_attempt_at: iso(d.nextAttemptAt),
    last_attempt_at: iso(d.lastAttemptAt),
    created_at: d.createdAt.toISOString(),
    updated_at: d.updatedAt.toISOString(),
  };
}

export interface AttemptRow {
  attempt: number;
  attemptedAt: Date;
  durationMs: number;
  statusCode: number | null;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

export function toAttemptWire(a: AttemptRow) {
  return {
    attempt: a.attempt,
    attempted_at: toDate(a.attemptedAt).toISOString(),
    duration_ms: a.durationMs,
    status_code: a.statusCode,
    response_headers: a.responseHeaders,
    response_body: a.responseBody,
    error: a.errorCode ? { code: a.errorCode, message: a.errorMessage ?? '' } : null,
  };
}

const ENDPOINT_COLUMNS = `id, workspace_id as "workspace", url, event_types as "eventTypes", description, enabled, disabled_reason as "disabledReason",
  secret, previous_secret as "previousSecret", previous_secret_expires_at as "previousSecretExpiresAt", failing_since as "failingSince", pii_read as "piiRead", pii_key_id as "piiKeyId", max_concurrency as "maxConcurrency", api_version as "apiVersion", version,
  created_at as "createdAt", updated_at as "updatedAt", deleted_at as "deletedAt"`;
const DELIVERY_COLUMNS = `id, workspace_id as "workspace", endpoint_id as "endpoint", event_id as "event", event_type as "eventType", status,
  attempt_count as "attemptCount", timetable_start as "timetableStart", next_attempt_at as "nextAttemptAt", last_attempt_at as "lastAttemptAt", created_at as "createdAt", updated_at as "updatedAt"`;

function hydrateEndpoint(r: WebhookEndpoint): WebhookEndpoint {
  return { ...r, previousSecretExpiresAt: toDate(r.previousSecretExpiresAt), failingSince: toDate(r.failingSince), createdAt: toDate(r.createdAt), updatedAt: toDate(r.updatedAt), deletedAt: toDate(r.deletedAt) };
}
function hydrateDelivery(r: WebhookDelivery): WebhookDelivery {
  return { ...r, nextAttemptAt: toDate(r.nextAttemptAt), lastAttemptAt: toDate(r.lastAttemptAt), createdAt: toDate(r.createdAt), updatedAt: toDate(r.updatedAt) };
}

export async function findEndpoint(em: EntityManager, workspaceId: string, id: string): Promise<WebhookEndpoint | null> {
  const rows = await em.getConnection().execute<WebhookEndpoint[]>(`select ${ENDPOINT_COLUMNS} from webhook_endpoints where workspace_id = ? and id = ? and deleted_at is null`, [workspaceId, id]);
  return rows[0] ? hydrateEndpoint(rows[0]) : null;
}

export const HOUR_MS = 3600_000;

/** The refusal of a replay past WEBHOOK_REPLAYS_PER_HOUR, with the seconds until the window ends. */
export function replayLimitReached(windowStart: Date, now = new Date()): ApiError {
  const seconds = Math.max(1, Math.ceil((windowStart.getTime() + HOUR_MS - now.getTime()) / 1000));
  return new ApiError(
    'webhook_replay_limit_reached',
    `A workspace may replay ${config.webhooks.replaysPerHour} webhook deliveries per hour; this hour's are spent, retry after ${seconds}s`,
    {},
    { 'Retry-After': String(seconds) },
  );
}

/**
 * The start of the workspace's webhook replay window while this hour's replays are spent (WEBHOOK_REPLAYS_PER_HOUR),
 * else null. A request that repeats a finished command's Idempotency-Key (of the same key, which owns it) is never
 * refused: it gets its stored answer.
 */
export async function spentReplayWindow(em: EntityManager, workspaceId: string, ownerId: string, keyHash: string | null, perHour: number): Promise<Date | null> {
  const [row] = await em.getConnection().execute<{ window_start: Date | null }[]>(
    `select w.webhook_replay_window_start as window_start from workspaces w
     where w.id = ? and w.webhook_replay_count >= ? and w.webhook_replay_window_start > now() - interval '1 hour'
       and not exists (select 1 from idempotency_keys i where i.workspace_id = w.id and i.owner_id = ? and i.key_hash = ? and i.state = 'completed' and i.expires_at > now())`,
    [workspaceId, perHour, ownerId, keyHash ?? ''],
  );
  return row?.window_start ? toDate(row.window_start) : null;
}

export function listEndpoints(em: EntityManager, workspaceId: string, page: PageParams) {
  return keysetList(em, { list: 'webhook_endpoints', table: 'webhook_endpoints', columns: ENDPOINT_COLUMNS, workspaceId, page, softDelete: true, hydrate: hydrateEndpoint, toWire: (e) => (e.deletedAt ? toDeletedEndpointWire(e) : toEndpointWire(e)) });
}

export interface DeliveryFilters {
  endpoint_id: string;
  status?: string;
  event_type?: string;
  created_since?: string;
  created_until?: string;
}

export function listDeliveries(em: EntityManager, workspaceId: string, page: PageParams & { filters: DeliveryFilters }) {
  const f = page.filters;
  const where: [string, ...unknown[]][] = [['endpoint_id = ?', f.endpoint_id]];
  if (f.status) where.push(['status = ?', f.status]);
  if (f.event_type) where.push(f.event_type.endsWith('.*') ? ['event_type like ?', `${f.event_type.slice(0, -1).replace(/[\\%_]/g, '\\$&')}%`] : ['event_type = ?', f.event_type]);
  if (f.created_since) where.push(['created_at >= ?', new Date(f.created_since)]);
  if (f.created_until) where.push(['created_at < ?', new Date(f.created_until)]);
  return keysetList(em, { list: 'webhook_deliveries', table: 'webhook_deliveries', columns: DELIVERY_COLUMNS, workspaceId, page, where, hydrate: hydrateDelivery, toWire: toDeliveryWire });
}

export async function retrieveDelivery(em: EntityManager, workspaceId: string, id: string) {
  const conn = em.getConnection();
  const [row] = await conn.execute<WebhookDelivery[]>(`select ${DELIVERY_COLUMNS} from webhook_deliveries where workspace_id = ? and id = ?`, [workspaceId, id]);
  if (!row) return null;
  const attempts = await conn.execute<AttemptRow[]>(
    `select attempt, attempted_at as "attemptedAt", duration_ms as "durationMs", status_code as "statusCode", response_headers as "responseHeaders",
       response_body as "responseBody", error_code as "errorCode", error_message as "errorMessage"
     from webhook_attempts where delivery_id = ? order by attempt`,
    [id],
  );
  return { ...toDeliveryWire(hydrateDelivery(row)), attempts: attempts.map(toAttemptWire) };
}
