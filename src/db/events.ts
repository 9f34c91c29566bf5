import type { EntityManager } from '@mikro-orm/postgresql';
import { EventSchema, type EventRecord } from './entities';
import { decodeCursor, toPage, type ListPage, type PageParams } from '../pagination';
import { idFromSeed } from '../ids';
import { toDate } from './timestamps';
import { rowsByIds } from './keyset';
import type { EventType } from '../event-types';
import type { Schema } from '../types/wire';

export type EventWire = Schema<'Event'>;

export interface NewEvent {
  type: EventType;
  objectType: string;
  objectId: string;
  sequence: number;
  object: unknown;
  previousAttributes?: Record<string, unknown>;
  /** members of `data` beside the object that some types carry (`merged_from` of contact.merged) */
  extra?: { merged_from?: string[] };
}

/** What wrote an event: an API request, a flow run's step, a message's receipt, a webhook delivery, a broadcast's batch, or the trigger poller reading an event. */
export type CauseType = 'request' | 'flow_run' | 'message' | 'webhook_delivery' | 'broadcast' | 'event';

/**
 * An event's cause. `depth` is 0 for an integrator's request and grows by one with each flow run in the chain (a
 * run's depth is its trigger's depth + 1); `flows` are the flows whose runs are upstream, so no flow triggers on what
 * it caused itself. Background work carries it on: runs, messages (for their receipts), deliveries (for their events).
 */
export interface EventCause {
  type: CauseType;
  id: string;
  depth: number;
  flows: string[];
}

export interface CommandContext {
  workspaceId: string;
  /** the API request behind the change; null for changes made by background workflows */
  requestId: string | null;
  /** uuid from the workflow: every id a command writes derives from it, so a retried command writes the same rows */
  seed: string;
  now: Date;
  /** idempotency_keys.id of the command being run, for commands that keep state of their own under it (bulk jobs) */
  commandId?: string;
  /** who asked for the command: its key, operation and address (for audit records) */
  actor?: { keyId: string; operationId: string; clientAddress: string | null; scopes: string[] };
  /** values the API process made for this command (see CommandRequest.derived) */
  derived?: Record<string, string>;
  /** what the events written in this context are caused by; absent: the request (`requestId`), if any */
  cause?: EventCause | null;
}

export function causeOf(ctx: Pick<CommandContext, 'requestId' | 'cause'>): EventCause | null {
  if (ctx.cause !== undefined) return ctx.cause;
  return ctx.requestId ? { type: 'request', id: ctx.requestId, depth: 0, flows: [] } : null;
}

/** The cause an event hands on to what it causes (a delivery of it, a run it triggers): its own. */
export function causeOfEvent(e: Pick<EventRecord, 'causeDepth' | 'causeFlows'>, type: CauseType, id: string): EventCause {
  return { type, id, depth: e.causeDepth ?? 0, flows: e.causeFlows ?? [] };
}

/** Queues an event in the command's unit of work; it commits with the change or not at all. */
export function recordEvent(em: EntityManager, ctx: CommandContext, n: number, e: NewEvent): EventRecord {
  return queueEvent(em, eventRecordOf(ctx, n, e));
}

/** Queues an event row already built (eventRecordOf) in the unit of work, as recordEvent does. */
export function queueEvent(em: EntityManager, record: EventRecord): EventRecord {
  return em.create(EventSchema, record);
}

/** The row an event is stored as: the one shape recordEvent queues and insertEvents writes. */
export function eventRecordOf(ctx: CommandContext, n: number, e: NewEvent): EventRecord {
  const cause = causeOf(ctx);
  return {
    id: idFromSeed('evt', ctx.seed, n),
    workspace: ctx.workspaceId,
    type: e.type,
    objectType: e.objectType,
    objectId: e.objectId,
    sequence: e.sequence,
    data: { ...(e.extra ?? {}), object: e.object },
    previousAttributes: e.previousAttributes ?? null,
    requestId: ctx.requestId,
    causeType: cause?.type ?? null,
    causeId: cause?.id ?? null,
    causeDepth: cause?.depth ?? 0,
    causeFlows: cause?.flows ?? [],
    createdAt: ctx.now,
  };
}

/**
 * Writes events in one statement, for batches that write their rows in sets rather than through a unit of work (the
 * channel sender's answers and receipts). `json_to_recordset` keeps each object's text as built, as the ORM stores it.
 */
export async function insertEvents(em: EntityManager, records: EventRecord[]): Promise<void> {
  if (!records.length) return;
  const rows = records.map((r) => ({
    id: r.id,
    workspace_id: r.workspace,
    type: r.type,
    object_type: r.objectType,
    object_id: r.objectId,
    sequence: r.sequence,
    data: r.data,
    previous_attributes: r.previousAttributes ?? null,
    request_id: r.requestId ?? null,
    cause_type: r.causeType ?? null,
    cause_id: r.causeId ?? null,
    cause_depth: r.causeDepth ?? 0,
    cause_flows: r.causeFlows ?? [],
    created_at: r.createdAt.toISOString(),
  }));
  await em.execute(
    `insert into events (id, workspace_id, type, object_type, object_id, sequence, data, previous_attributes, request_id, cause_type, cause_id, cause_depth, cause_flows, created_at)
     select id, workspace_id, type, object_type, object_id, sequence, data, previous_attributes, request_id, cause_type, cause_id, cause_depth, cause_flows, created_at
       from json_to_recordset(?::json) as x(id text, workspace_id text, type text, object_type text, object_id text, sequence int, data json,
            previous_attributes json, request_id text, cause_type text, cause_id text, cause_depth int, cause_flows text[], created_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}

/**
 * Fields objects gained after events could already hold their snapshots, with the value that was true of an object
 * stored before the field existed: an event keeps the snapshot it was written with, and is shown in today's shape.
 * Webhook endpoints had no `api_version` before their payloads were versioned: every delivery had the then-current
 * shape, 2026-11-01. Tombstones (`deleted: true`) carry none of these fields and are left as they are.
 */
const ADDED_SINCE_SNAPSHOTS: Record<string, Record<string, unknown>> = {
  contact: { consent_source: null },
  // whatsapp_cloud channels (migration 35): a channel recorded before is of another provider, with no settings;
  // number health (migration 38): a channel recorded before had none reported
  channel: { whatsapp: null, quality_rating: null, messaging_tier: null },
  // pause reasons (migration 38): a broadcast recorded before shows none (one paused then was paused on request);
  // template arguments (migration 43): one recorded before had positional parameters only
  broadcast: { pause_reason: null, resumes_at: null, template_arguments: null },
  // a message recorded before failure codes, provider pricing, interactive messages (migration 37), template arguments
  // (migration 36) and media links (migration 42) had none of them
  message: { send_at: null, cancelled_at: null, failure_code: null, pricing: null, template_arguments: null, media_link: null, interactive: null, interactive_reply: null },
  // templates recorded before the review lifecycle (migration 36) were approved by the sandbox, with a body only
  template: { status_reason: null, channel_id: null, parameter_format: 'positional', header: null, footer: null, buttons: [] },
  webhook_endpoint: { api_version: '2026-11-01' },
};

function withFieldsAddedSince<T>(object: T): T {
  if (!object || typeof object !== 'object' || Array.isArray(object)) return object;
  const o = object as Record<string, unknown>;
  const added = typeof o.object === 'string' && o.deleted !== true ? ADDED_SINCE_SNAPSHOTS[o.object] : undefined;
  if (!added || Object.keys(added).every((k) => k in o)) return object;
  // the snapshot with the fields its object gained since, at their values of that time: the shape the spec has now
  return { ...added, ...o } as T;
}

export function toEventWire(e: EventRecord): EventWire {
  // the snapshot a command stored with its event, made by the object's own to…Wire when it committed
  const data = e.data as EventWire['data'];
  return {
    id: e.id,
    object: 'event',
    type: e.type,
    sequence: e.sequence,
    request_id: e.requestId ?? null,
    cause: e.causeType && e.causeId ? { type: e.causeType as CauseType, id: e.causeId, depth: e.causeDepth ?? 0 } : null,
    created_at: e.createdAt.toISOString(),
    updated_at: e.createdAt.toISOString(),
    data: { ...data, object: withFieldsAddedSince(data.object), ...(e.previousAttributes ? { previous_attributes: e.previousAttributes } : {}) },
  };
}

export interface EventFilters {
  type?: string;
  created_since?: string;
}

const COLUMNS = `id, workspace_id as "workspace", type, object_type as "objectType", object_id as "objectId", sequence, data,
  previous_attributes as "previousAttributes", request_id as "requestId", cause_type as "causeType", cause_id as "causeId",
  cause_depth as "causeDepth", cause_flows as "causeFlows", created_at as "createdAt"`;

/** Exact types (`contact.updated`) and family wildcards (`contact.*`), any of which matches. */
function typeCondition(types: string[], params: unknown[]): string[] {
  if (!types.length) return [];
  const parts = types.map((t) => {
    if (!t.endsWith('.*')) {
      params.push(t);
      return 'type = ?';
    }
    params.push(`${t.slice(0, -1).replace(/[\\%_]/g, '\\$&')}%`);
    return 'type like ?';
  });
  return [`(${parts.join(' or ')})`];
}

export async function listEvents(em: EntityManager, workspaceId: string, page: PageParams & { filters: EventFilters }): Promise<ListPage<EventWire>> {
  const params: unknown[] = [workspaceId];
  const where = ['workspace_id = ?', ...typeCondition(page.filters.type ? [page.filters.type] : [], params)];
  if (page.filters.created_since) {
    where.push('created_at >= ?');
    params.push(new Date(page.filters.created_since));
  }
  const after = decodeCursor('events', workspaceId, page);
  if (after) {
    where.push('(created_at, id) < (?, ?)');
    params.push(after.at, after.id);
  }
  params.push(page.limit + 1);
  const rows = await em.getConnection().execute<EventRecord[]>(
    `select ${COLUMNS} from events where ${where.join(' and ')} order by created_at desc, id desc limit ?`,
    params,
  );
  return toPage('events', workspaceId, page, rows.map((r) => ({ ...r, createdAt: toDate(r.createdAt) })), (r) => r.createdAt, toEventWire);
}

/**
 * A place in the event stream: the writing transaction's id (xid8, as text) and the event id. The stream is ordered by
 * (txid, id) and only ever reads below the settled horizon, so nothing can later appear behind a position.
 */
export interface StreamPosition {
  txid: string;
  id: string;
}

/** Every transaction below this id has finished (committed or rolled back): its events are all visible now. */
export async function settledHorizon(em: EntityManager): Promise<string> {
  const [row] = await em.getConnection().execute<{ horizon: string }[]>('select pg_snapshot_xmin(pg_current_snapshot())::text as horizon');
  return row.horizon;
}

// The position goes out as text (xid8 has no JS type), under the name txid. ORDER BY resolves a bare name to an output
// column first, so the order names the table's column: ordered as text, '1000' sorts before '999' and a batch that
// crosses a power of ten would be sent out of order and, cut by its limit, skip events for good.
const STREAM_TXID = 'txid::text as txid';
const STREAM_ORDER = 'events.txid, events.id';

/** The workspaces that got events from transactions in [from, to): the stream hub's one query per poll. */
export async function workspacesWithEventsBetween(em: EntityManager, from: string, to: string): Promise<string[]> {
  const rows = await em.getConnection().execute<{ workspace_id: string }[]>(
    'select distinct workspace_id from events where txid >= ?::xid8 and txid < ?::xid8',
    [from, to],
  );
  return rows.map((r) => r.workspace_id);
}

export async function streamPositionOf(em: EntityManager, workspaceId: string, eventId: string): Promise<StreamPosition | null> {
  const rows = await em.getConnection().execute<StreamPosition[]>('select txid::text as txid, id from events where workspace_id = ? and id = ?', [workspaceId, eventId]);
  return rows[0] ?? null;
}

/** The workspace's events after `after` and below `horizon`, in stream order. */
export async function settledEventsAfter(
  em: EntityManager,
  workspaceId: string,
  after: StreamPosition,
  horizon: string,
  types: string[],
  limit: number,
): Promise<(EventRecord & { txid: string })[]> {
  const params: unknown[] = [workspaceId, after.txid, after.id, horizon];
  const where = ['workspace_id = ?', '(txid, id) > (?::xid8, ?)', 'txid < ?::xid8', ...typeCondition(types, params)];
  params.push(limit);
  const rows = await em.getConnection().execute<(EventRecord & { txid: string })[]>(
    `select ${COLUMNS}, ${STREAM_TXID} from events where ${where.join(' and ')} order by ${STREAM_ORDER} limit ?`,
    params,
  );
  return rows.map((r) => ({ ...r, createdAt: toDate(r.createdAt) }));
}

export function eventsByIds(em: EntityManager, workspaceId: string, ids: string[]): Promise<EventRecord[]> {
  return rowsByIds<EventRecord>(em, 'events', COLUMNS, workspaceId, ids, (r) => ({ ...r, createdAt: toDate(r.createdAt) }));
}

/** Every workspace's events after `after` and below `horizon`, in commit order: the webhook dispatcher's read. */
export async function settledEventsOfAllWorkspaces(em: EntityManager, after: StreamPosition, horizon: string, limit: number): Promise<(EventRecord & { txid: string })[]> {
  const rows = await em.getConnection().execute<(EventRecord & { txid: string })[]>(
    `select ${COLUMNS}, ${STREAM_TXID} from events where (txid, id) > (?::xid8, ?) and txid < ?::xid8 order by ${STREAM_ORDER} limit ?`,
    [after.txid, after.id, horizon, limit],
  );
  return rows.map((r) => ({ ...r, createdAt: toDate(r.createdAt) }));
}
