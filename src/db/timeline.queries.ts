import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, toPage, type ListPage, type PageParams } from '../pagination';
import { eventsByIds, toEventWire } from './events';
import { messagesByIds, toMessageWire } from './messaging.queries';
import { ordersByIds, toOrderWire } from './orders.queries';
import { toDate } from './timestamps';

type Kind = 'order' | 'message' | 'event';
interface Entry {
  kind: Kind;
  id: string;
  createdAt: Date;
}

/**
 * One contact's orders, messages and own events in one newest-first stream. The keyset runs over the union's
 * (created_at, id); ids carry their type prefix, so they never collide across the three tables.
 */
export async function contactTimeline(em: EntityManager, workspaceId: string, contactId: string, page: PageParams): Promise<ListPage<unknown>> {
  const params: unknown[] = [workspaceId, contactId, workspaceId, contactId, workspaceId, contactId];
  let keyset = '';
  const after = decodeCursor('timeline', workspaceId, page);
  if (after) {
    keyset = 'where (created_at, id) < (?, ?)';
    params.push(after.at, after.id);
  }
  params.push(page.limit + 1);
  const entries = await em.getConnection().execute<Entry[]>(
    `select kind, id, created_at as "createdAt" from (
       select 'order' as kind, id, created_at from orders where workspace_id = ? and contact_id = ?
       union all select 'message', id, created_at from messages where workspace_id = ? and contact_id = ?
       union all select 'event', id, created_at from events where workspace_id = ? and object_id = ?
     ) t ${keyset} order by created_at desc, id desc limit ?`,
    params,
  );
  const ids = (kind: Kind) => entries.filter((e) => e.kind === kind).map((e) => e.id);
  const [orders, messages, events] = await Promise.all([ordersByIds(em, workspaceId, ids('order')), messagesByIds(em, workspaceId, ids('message')), eventsByIds(em, workspaceId, ids('event'))]);
  const objects = new Map<string, unknown>([
    ...orders.map((o) => [o.id, toOrderWire(o)] as const),
    ...messages.map((m) => [m.id, toMessageWire(m)] as const),
    ...events.map((e) => [e.id, toEventWire(e)] as const),
  ]);
  const rows = entries.map((e) => ({ ...e, createdAt: toDate(e.createdAt) }));
  return toPage('timeline', workspaceId, page, rows, (r) => r.createdAt, (r) => objects.get(r.id));
}
