import type { EntityManager } from '@mikro-orm/postgresql';
import type { Schema } from '../types/wire';

export type Usage = Schema<'Usage'>;
type UsageCounts = Schema<'UsageCounts'>;

export interface UsageFilters {
  /** first and last UTC day, inclusive (YYYY-MM-DD), already checked to span at most USAGE_MAX_DAYS */
  from: string;
  to: string;
  channelId?: string;
  broadcastId?: string;
}

export const USAGE_MAX_DAYS = 90;
const DAY_MS = 86_400_000;

const zero = (): UsageCounts => ({ sent: 0, delivered: 0, read: 0, failed: 0, billable: 0, billable_by_category: {} });

/**
 * A workspace's outbound messages per UTC day of their hand-over (or of their failure, for one never handed over):
 * how many were sent, delivered, read and failed, and how many the provider's status notifications called billable,
 * by pricing category. One grouped pass over messages_usage_idx, bounded by the range; every day of the range is
 * answered, with zeros where nothing went out.
 */
export async function usageOf(em: EntityManager, workspaceId: string, f: UsageFilters): Promise<Usage> {
  const start = new Date(`${f.from}T00:00:00.000Z`);
  const end = new Date(new Date(`${f.to}T00:00:00.000Z`).getTime() + DAY_MS);
  const where = [`m.workspace_id = ?`, `m.direction = 'outbound'`, `coalesce(m.sent_at, m.failed_at) >= ?`, `coalesce(m.sent_at, m.failed_at) < ?`];
  const params: unknown[] = [workspaceId, start, end];
  if (f.channelId) {
    where.push('m.channel_id = ?');
    params.push(f.channelId);
  }
  if (f.broadcastId) {
    where.push('m.id in (select r.message_id from broadcast_recipients r where r.workspace_id = ? and r.broadcast_id = ? and r.message_id is not null)');
    params.push(workspaceId, f.broadcastId);
  }
  const rows = await em.getConnection().execute<{ day: string; category: string | null; sent: number; delivered: number; read: number; failed: number; billable: number }[]>(
    `select to_char(coalesce(m.sent_at, m.failed_at) at time zone 'UTC', 'YYYY-MM-DD') as day, m.pricing_category as category,
            count(m.sent_at)::int as sent, count(m.delivered_at)::int as delivered, count(m.read_at)::int as read,
            (count(*) filter (where m.status = 'failed'))::int as failed, (count(*) filter (where m.pricing_billable))::int as billable
       from messages m where ${where.join(' and ')} group by 1, 2`,
    params,
  );
  const days = new Map<string, UsageCounts>();
  for (let t = start.getTime(); t < end.getTime(); t += DAY_MS) days.set(new Date(t).toISOString().slice(0, 10), zero());
  const totals = zero();
  for (const r of rows) {
    for (const counts of [days.get(r.day), totals]) {
      if (!counts) continue;
      counts.sent += r.sent;
      counts.delivered += r.delivered;
      counts.read += r.read;
      counts.failed += r.failed;
      counts.billable += r.billable;
      if (r.category && r.billable) counts.billable_by_category[r.category] = (counts.billable_by_category[r.category] ?? 0) + r.billable;
    }
  }
  return {
    object: 'usage',
    from: f.from,
    to: f.to,
    channel_id: f.channelId ?? null,
    broadcast_id: f.broadcastId ?? null,
    totals,
    data: [...days].map(([date, counts]) => ({ date, ...counts })),
  };
}
