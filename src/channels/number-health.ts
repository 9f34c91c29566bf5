// Number health: what the provider says about a whatsapp_cloud number (its quality rating and messaging tier), and
// what follows from it for sending. The rule, as openapi.yaml documents it on Channel:
// - the channel's sender hands over at `rate_per_second`, halved (at least 1) while the quality rating is red;
// - a channel with a messaging tier starts conversations with at most that many unique contacts in a rolling window
//   (24 h; WHATSAPP_BUDGET_WINDOW_MS): every contact the channel queued an outbound message for in the window counts
//   once. Broadcasts hold to it (a batch that would pass it pauses its broadcast until the window allows); single
//   sends count but are never held back (the provider refuses what it will not carry), and hold the budget's lock in
//   share while they commit, so a broadcast's count sees them. Scheduled messages count from when they are released
//   into the queue. No tier reported yet, tier_unlimited, or another provider: no budget.
import type { EntityManager } from '@mikro-orm/postgresql';
import { ChannelSchema, type Channel, type MessagingTier, type QualityRating } from '../db/entities';
import { recordEvent, type CommandContext } from '../db/events';
import { toChannelWire } from '../db/messaging.queries';
import { config } from '../config';
import type { QualityEvent } from './whatsapp-cloud/webhook';
import { exec } from '../db/exec';

export const TIER_RECIPIENTS: Record<MessagingTier, number | null> = {
  tier_250: 250,
  tier_1k: 1_000,
  tier_10k: 10_000,
  tier_100k: 100_000,
  tier_unlimited: null,
};

/** Meta's limit names (TIER_1K, or the newer max_daily_conversations_per_business values such as 1K) as our tiers. */
const LIMITS: Record<string, MessagingTier> = {
  '250': 'tier_250',
  '1K': 'tier_1k',
  '10K': 'tier_10k',
  '100K': 'tier_100k',
  UNLIMITED: 'tier_unlimited',
};

export function tierOf(limit: string | null): MessagingTier | null {
  if (!limit) return null;
  return LIMITS[limit.toUpperCase().replace(/^TIER_/, '')] ?? null;
}

/** The hand-offs per second the channel's sender holds to now. */
export function effectiveRatePerSecond(channel: Pick<Channel, 'ratePerSecond' | 'qualityRating'>): number {
  return channel.qualityRating === 'red' ? Math.max(1, Math.floor(channel.ratePerSecond / 2)) : channel.ratePerSecond;
}

/** Unique contacts per rolling window; null: no budget. */
export function recipientBudget(channel: Pick<Channel, 'provider' | 'messagingTier'>): number | null {
  if (channel.provider !== 'whatsapp_cloud' || !channel.messagingTier) return null;
  return TIER_RECIPIENTS[channel.messagingTier] ?? null;
}

const digits = (displayNumber: string): string => displayNumber.replace(/[^0-9]/g, '');

/**
 * A notification about the channel's own phone number id tells the number's display form: kept (digits only) for
 * matching quality updates, which name the number by nothing else.
 */
export function learnDisplayNumber(channel: Channel, displayPhoneNumber: string | null): void {
  const known = displayPhoneNumber ? digits(displayPhoneNumber) : '';
  if (known && channel.whatsappDisplayPhoneNumber !== known) channel.whatsappDisplayPhoneNumber = known;
}

/**
 * Whether a quality update is about this channel's number. One business account can hold several numbers, and the
 * update names its number only by the display form: it must come from the channel's business account and name the
 * display number the channel learned. Before the channel has learned it, the update is taken (and its number learned)
 * only when no other whatsapp_cloud channel of the workspace has the same business account; otherwise it is ignored,
 * rather than moving a number it may not be about.
 */
export async function qualityUpdateIsFor(em: EntityManager, channel: Channel, event: QualityEvent): Promise<boolean> {
  if (event.wabaId !== channel.whatsappWabaId) return false;
  const named = digits(event.displayPhoneNumber);
  if (channel.whatsappDisplayPhoneNumber) return channel.whatsappDisplayPhoneNumber === named;
  const siblings = await em.count(ChannelSchema, { workspace: channel.workspace, provider: 'whatsapp_cloud', whatsappWabaId: channel.whatsappWabaId, id: { $ne: channel.id } });
  if (siblings > 0) return false;
  learnDisplayNumber(channel, named);
  return true;
}

/**
 * A quality update applied to its channel: FLAGGED makes the rating red and UNFLAGGED green; a limit it names
 * (UPGRADE, DOWNGRADE, or any event that carries one) becomes the tier. One older than the last applied, or a replay,
 * changes nothing. Emits `channel.quality_changed` and `channel.tier_changed` with `previous_attributes`.
 */
export function applyQualityUpdate(em: EntityManager, ctx: CommandContext, n: number, channel: Channel, event: QualityEvent): boolean {
  const at = event.occurredAt === null ? ctx.now : new Date(event.occurredAt * 1000);
  if (channel.qualityUpdatedAt && at <= channel.qualityUpdatedAt) return false;
  const kind = event.event.toUpperCase();
  const quality: QualityRating | null = kind === 'FLAGGED' ? 'red' : kind === 'UNFLAGGED' ? 'green' : null;
  const tier = tierOf(event.currentLimit) ?? tierOf(event.maxDailyConversations);
  const changes: { type: 'channel.quality_changed' | 'channel.tier_changed'; previous: Record<string, unknown> }[] = [];
  if (quality && quality !== channel.qualityRating) {
    changes.push({ type: 'channel.quality_changed', previous: { quality_rating: channel.qualityRating ?? null } });
    channel.qualityRating = quality;
  }
  if (tier && tier !== channel.messagingTier) {
    changes.push({ type: 'channel.tier_changed', previous: { messaging_tier: channel.messagingTier ?? null } });
    channel.messagingTier = tier;
  }
  channel.qualityUpdatedAt = at;
  if (!changes.length) return false;
  channel.updatedAt = ctx.now;
  for (const [i, change] of changes.entries()) {
    channel.version = (channel.version ?? 1) + 1;
    recordEvent(em, ctx, 40 + n * 2 + i, {
      type: change.type,
      objectType: 'channel',
      objectId: channel.id,
      sequence: channel.version,
      object: toChannelWire(channel),
      previousAttributes: change.previous,
    });
  }
  return true;
}

// broadcasts take it exclusively to count and queue; single sends share it, so a count waits for the sends in flight
const lockSql = (mode: '' | '_shared') => `select pg_advisory_xact_lock${mode}(hashtextextended('recipient_budget:' || ?, 0))`;

/** A single send's share of the channel's budget lock, held to the end of its transaction. */
export async function shareRecipientBudget(em: EntityManager, channel: Channel): Promise<void> {
  if (recipientBudget(channel) !== null) await exec(em, lockSql('_shared'), [channel.id]);
}

export interface BudgetAnswer {
  /** the contacts that may be queued now, in the order given */
  allowed: string[];
  /** when the window frees enough places for the rest; null when all were allowed */
  resumesAt: Date | null;
}

/**
 * Which of `contactIds` (in order) the channel may message now without passing its budget, under the channel's
 * budget lock (exclusive, to the end of the transaction): a contact already messaged in the window costs nothing.
 * The count reads the window's rows through messages_recipient_window_idx, at most one per message of the window.
 */
export async function reserveRecipients(em: EntityManager, channel: Channel, contactIds: string[], now: Date): Promise<BudgetAnswer> {
  const budget = recipientBudget(channel);
  if (budget === null || !contactIds.length) return { allowed: contactIds, resumesAt: null };
  await exec(em, lockSql(''), [channel.id]);
  const since = new Date(now.getTime() - config.whatsappBudgetWindowMs);
  const window = `from messages where channel_id = ? and workspace_id = ? and direction = 'outbound' and queued_at > ?`;
  const [{ used }] = await exec<{ used: number }>(em, `select count(distinct contact_id)::int as used ${window}`, [channel.id, channel.workspace, since]);
  const seen = new Set(
    (await exec<{ contact_id: string }>(em, `select distinct contact_id ${window} and contact_id in (select jsonb_array_elements_text(?::jsonb))`, [channel.id, channel.workspace, since, JSON.stringify(contactIds)])).map((r) => r.contact_id),
  );
  let left = budget - used;
  // a tier lowered below what the window holds: that many more must leave first
  const over = Math.max(0, used - budget);
  const allowed: string[] = [];
  for (const id of contactIds) {
    if (seen.has(id)) allowed.push(id);
    else if (left > 0) {
      left--;
      allowed.push(id);
    }
  }
  const short = contactIds.length - allowed.length;
  if (!short) return { allowed, resumesAt: null };
  // a contact leaves the window a window after its last message in it; the rest fit once `short` of them have left
  const [row] = await exec<{ at: Date | null }>(em, 
    `select last + (? * interval '1 millisecond') as at from (select max(queued_at) as last ${window} group by contact_id) w order by last offset ? limit 1`,
    [config.whatsappBudgetWindowMs, channel.id, channel.workspace, since, short + over - 1],
  );
  return { allowed, resumesAt: row?.at ? new Date(row.at) : new Date(now.getTime() + config.whatsappBudgetWindowMs) };
}
