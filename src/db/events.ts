import type { EntityManager } from '@mikro-orm/postgresql';
import { EventSchema, type EventRecord } from './entities';
import { decodeCursor, toPage, type ListPage, type PageParams } from '../pagination';
import { idFromSeed } from '../ids';
import { toDate } from './timestamps';

export interface EventWire {
  id: string;
  object: 'event';
  type: string;
  sequence: number;
  request_id: string | null;
  created_at: string;
  updated_at: string;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
}

export interface NewEvent {
  type: string;
  objectType: string;
  objectId: string;
  sequence: number;
  object: unknown;
  previousAttributes?: Record<string, unknown>;
}

export interface CommandContext {
  workspaceId: string;
  /** the API request behind the change; null for changes made by background workflows */
  requestId: string | null;
  /** uuid from the workflow: every id a command writes derives from it, so a retried command writes the same rows */
  seed: string;
  now: Date;
}

/** Queues an event in the command's unit of work; it commits with the change or not at all. */
export function recordEvent(em: EntityManager, ctx: CommandContext, n: number, e: NewEvent): void {
  em.create(EventSchema, {
    id: idFromSeed('evt', ctx.seed, n),
    workspace: ctx.workspaceId,
    type: e.type,
    objectType: e.objectType,
    objectId: e.objectId,
    sequence: e.sequence,
    data: { object: e.object },
    previousAttributes: e.previousAttributes ?? null,
    requestId: ctx.requestId,
    createdAt: ctx.now,
  });
}

export function toEventWire(e: EventRecord): EventWire {
  return {
    id: e.id,
    object: 'event',
    type: e.type,
    sequence: e.sequence,
    request_id: e.requestId ?? null,
    created_at: e.createdAt.toISOString(),
    updated_at: e.createdAt.toISOString(),
    data: { ...(e.data as { object: unknown }), ...(e.previousAttributes ? { previous_attributes: e.previousAttributes } : {}) },
  };
}

export interface EventFilters {
  type?: string;
  created_since?: string;
}

export async function listEvents(em: EntityManager, workspaceId: string, page: PageParams & { filters: EventFilters }): Promise<ListPage<EventWire>> {
  const where = ['workspace_id = ?'];
  const params: unknown[] = [workspaceId];
  const type = page.filters.type;
  if (type?.endsWith('.*')) {
    where.push('type like ?');
    params.push(`${type.slice(0, -1).replace(/[\\%_]/g, '\\$&')}%`);
  } else if (type) {
    where.push('type = ?');
    params.push(type);
  }
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
    `select id, workspace_id as "workspace", type, object_type as "objectType", object_id as "objectId", sequence, data,
       previous_attributes as "previousAttributes", request_id as "requestId", created_at as "createdAt"
     from events where ${where.join(' and ')} order by created_at desc, id desc limit ?`,
    params,
  );
  return toPage('events', workspaceId, page, rows.map((r) => ({ ...r, createdAt: toDate(r.createdAt) })), (r) => r.createdAt, toEventWire);
}
