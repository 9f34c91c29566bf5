import type { EntityManager } from '@mikro-orm/postgresql';
import type { ListPage, PageParams } from '../pagination';
import { keysetList } from './keyset';
import { toDate } from './timestamps';
import type { Schema } from '../types/wire';
import type { TemplateArguments } from './entities';

export type BroadcastStatus = Schema<'Broadcast'>['status'];
export type PauseReason = NonNullable<Schema<'Broadcast'>['pause_reason']>;

/** Who a broadcast goes to, as the create request named it (the wire shows a count instead of a long id list). */
export type Audience = Schema<'BroadcastCreate'>['audience'];

/** Every condition must hold: attribute equality, consent, tags carried. */
export type AudienceFilter = Schema<'BroadcastAudienceFilter'>;

export interface Broadcast {
  id: string;
  workspace: string;
  name: string;
  channelId: string;
  templateId: string;
  parameters: string[];
  /** the named, header and button values every recipient's message is sent with */
  templateArguments: TemplateArguments | null;
  audience: Audience;
  status: BroadcastStatus;
  /** why a paused broadcast is paused; a budget pause resumes by itself at resumesAt */
  pauseReason: PauseReason | null;
  resumesAt: Date | null;
  scheduledAt: Date | null;
  ratePerSecond: number;
  total: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  cancelledAt: Date | null;
}

export interface BroadcastCounts {
  total: number;
  pending: number;
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  skipped: number;
  cancelled: number;
}

export const BROADCAST_COLUMNS = `id, workspace_id as "workspace", name, channel_id as "channelId", template_id as "templateId", parameters, template_arguments as "templateArguments", audience,
  status, pause_reason as "pauseReason", resumes_at as "resumesAt", scheduled_at as "scheduledAt", rate_per_second as "ratePerSecond", total, version, created_at as "createdAt",
  updated_at as "updatedAt", started_at as "startedAt", completed_at as "completedAt", cancelled_at as "cancelledAt"`;

export function hydrateBroadcast(row: Broadcast): Broadcast {
  return {
    ...row,
    createdAt: toDate(row.createdAt),
    updatedAt: toDate(row.updatedAt),
    scheduledAt: toDate(row.scheduledAt),
    resumesAt: toDate(row.resumesAt),
    startedAt: toDate(row.startedAt),
    completedAt: toDate(row.completedAt),
    cancelledAt: toDate(row.cancelledAt),
  };
}

const emptyCounts = (): BroadcastCounts => ({ total: 0, pending: 0, queued: 0, sent: 0, delivered: 0, read: 0, failed: 0, skipped: 0, cancelled: 0 });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function audienceWire(a: Audience) {
  if ('tag' in a) return { type: 'tag' as const, tag: a.tag };
  if ('contact_ids' in a) return { type: 'contact_ids' as const, contact_count: a.contact_ids.length };
  return { type: 'filter' as const, filter: a.filter };
}

export function toBroadcastWire(b: Broadcast, counts: BroadcastCounts | null) {
  return {
    id: b.id,
    object: 'broadcast' as const,
    name: b.name,
    status: b.status,
    pause_reason: b.pauseReason,
    resumes_at: iso(b.resumesAt),
    channel_id: b.channelId,
    template_id: b.templateId,
    parameters: b.parameters,
    template_arguments: b.templateArguments ?? null,
    audience: audienceWire(b.audience),
    scheduled_at: iso(b.scheduledAt),
    rate_per_second: b.ratePerSecond,
    counts: counts ?? emptyCounts(),
    created_at: b.createdAt.toISOString(),
    updated_at: b.updatedAt.toISOString(),
    started_at: iso(b.startedAt),
    completed_at: iso(b.completedAt),
    cancelled_at: iso(b.cancelledAt),
  };
}

// A recipient's status: its message's, once it has one; before that, its own state.
const RECIPIENT_STATUS = `case r.state when 'messaged' then coalesce(m.status, 'queued') else r.state end`;

/** Live progress of some broadcasts from their recipient rows and messages (one pass over their recipients, by primary key). */
export async function broadcastCountsOf(em: EntityManager, broadcastIds: string[]): Promise<Map<string, BroadcastCounts>> {
  const out = new Map(broadcastIds.map((id) => [id, emptyCounts()]));
  if (!broadcastIds.length) return out;
  const rows = await em.execute<{ broadcast_id: string; status: string; n: string }[]>(
    `select r.broadcast_id, ${RECIPIENT_STATUS} as status, count(*) as n
       from broadcast_recipients r left join messages m on m.id = r.message_id
      where r.broadcast_id in (select jsonb_array_elements_text(?::jsonb)) group by 1, 2`,
    [JSON.stringify(broadcastIds)],
  );
  for (const r of rows) {
    const counts = out.get(r.broadcast_id)!;
    const n = Number(r.n);
    counts.total += n;
    if (r.status in counts) counts[r.status as keyof BroadcastCounts] += n;
  }
  return out;
}

export async function broadcastCounts(em: EntityManager, broadcastId: string): Promise<BroadcastCounts> {
  return (await broadcastCountsOf(em, [broadcastId])).get(broadcastId)!;
}

export async function findBroadcast(em: EntityManager, workspaceId: string, id: string): Promise<Broadcast | null> {
  const rows = await em.getConnection().execute<Broadcast[]>(`select ${BROADCAST_COLUMNS} from broadcasts where workspace_id = ? and id = ?`, [workspaceId, id]);
  return rows[0] ? hydrateBroadcast(rows[0]) : null;
}

export async function retrieveBroadcast(em: EntityManager, workspaceId: string, id: string) {
  const b = await findBroadcast(em, workspaceId, id);
  return b ? toBroadcastWire(b, await broadcastCounts(em, b.id)) : null;
}

export async function listBroadcasts(em: EntityManager, workspaceId: string, page: PageParams & { filters: { status?: string } }) {
  const where: [string, ...unknown[]][] = [];
  if (page.filters.status) where.push(['status = ?', page.filters.status]);
  const list = await keysetList(em, { list: 'broadcasts', table: 'broadcasts', columns: BROADCAST_COLUMNS, workspaceId, page, where, hydrate: hydrateBroadcast, toWire: (b) => b });
  const counts = await broadcastCountsOf(em, list.data.map((b) => b.id));
  return { ...list, data: list.data.map((b) => toBroadcastWire(b, counts.get(b.id)!)) };
}

interface RecipientRow {
  id: string;
  broadcastId: string;
  status: string;
  messageId: string | null;
  skipReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toRecipientWire(r: RecipientRow) {
  return {
    object: 'broadcast_recipient' as const,
    broadcast_id: r.broadcastId,
    contact_id: r.id,
    status: r.status,
    message_id: r.messageId,
    skip_reason: r.skipReason,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
  };
}

// keyed by contact id (unique per broadcast): the list's keyset is (created_at, contact id)
const RECIPIENTS = `(select r.workspace_id, r.broadcast_id, r.contact_id as id, ${RECIPIENT_STATUS} as status, r.message_id, r.skip_reason,
  r.created_at, greatest(r.updated_at, m.updated_at) as updated_at
  from broadcast_recipients r left join messages m on m.id = r.message_id) recipients`;

export async function listBroadcastRecipients(em: EntityManager, workspaceId: string, page: PageParams & { filters: { broadcast_id: string; status?: string } }): Promise<ListPage<ReturnType<typeof toRecipientWire>>> {
  const where: [string, ...unknown[]][] = [['broadcast_id = ?', page.filters.broadcast_id]];
  if (page.filters.status) where.push(['status = ?', page.filters.status]);
  return keysetList<RecipientRow, ReturnType<typeof toRecipientWire>>(em, {
    list: 'broadcast_recipients',
    table: RECIPIENTS,
    columns: `id, broadcast_id as "broadcastId", status, message_id as "messageId", skip_reason as "skipReason", created_at as "createdAt", updated_at as "updatedAt"`,
    workspaceId,
    page,
    where,
    hydrate: (r) => ({ ...r, createdAt: toDate(r.createdAt), updatedAt: toDate(r.updatedAt) }),
    toWire: toRecipientWire,
  });
}
