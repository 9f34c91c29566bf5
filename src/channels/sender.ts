import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { DriverException, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import type { Channel, EventRecord, Message, MessageStatus, TemplateArguments, TemplateHeader } from '../db/entities';
import { withoutRowData } from '../db/driver-errors';
import { findChannel, lockMessages, saveMessageProgress } from '../db/messaging.queries';
import { insertEvents } from '../db/events';
import { EARLY_STATUS_TTL_S, moveMessageStatus, type StatusExtra } from '../commands/messaging';
import { RELEASE_BATCH, releaseDueScheduledMessages } from './scheduled-messages';
import { PROVIDERS, ProviderRetryLater, type OutboundMessage, type SendContext } from './providers';
import { effectiveRatePerSecond } from './number-health';
import { whatsappMediaSource } from './whatsapp-media';
import { LocalFileStore, type FileStore } from '../files/file-store';
import { config } from '../config';

// A batch holds about a second of the channel's rate, so the rate is re-read often; one activity goes on batch after
// batch for up to ACTIVITY_SECONDS, so the round trip between activities is paid once per run of batches, not per second.
const BATCH_SECONDS = 1;
const ACTIVITY_SECONDS = 10;
const MAX_BATCH = 1000;
// hand-offs in flight at once within a batch (an http provider answering slowly never holds more sockets than this)
const SEND_CONCURRENCY = 32;
// answers are recorded in groups while the next hand-offs go out: one transaction per group, not per message
const RECORD_GROUP = 100;
// transient provider errors: retried after 1 s, 2 s, 4 s … (at most 1 min), the last attempt fails the message
const MAX_SEND_ATTEMPTS = 8;
const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 60_000;
// a provider's own Retry-After is honoured up to this; a longer wait is cut to it (the attempts still count)
const RETRY_AFTER_MAX_MS = 15 * 60_000;
// The pace: one hand-off per 1/rate seconds. A hand-off may catch up at most this share of a second lost to a stall
// (a busy event loop, a slow provider holding every slot, the round trip between activities), and never less than one
// interval: so any second at the provider holds at most the rate plus 5%, plus the one hand-off a boundary can split.
const RATE_CREDIT_SHARE = 0.05;
const RECEIPTS_PER_BATCH = 1000;
const STALLED_RECHECK_MS = 1000;

export interface ChannelBatchInput {
  workspaceId: string;
  channelId: string;
  /** the channel's next free send slot (epoch ms) */
  slotAt: number;
}

export interface ChannelBatchResult {
  slotAt: number;
  /** more is due now: the sender goes on at once */
  more: boolean;
  /** when the next message falls due; null when the channel has nothing left to do */
  nextDueMs: number | null;
  handedOver: number;
  failed: number;
  receipts: number;
}

type Answer =
  | { id: string; providerMessageId: string }
  | { id: string; refused: string; code: string | null }
  | { id: string; transient: string; code: string | null; retryAfterMs: number | null };

interface DueMessage {
  id: string;
  type: Message['type'];
  text: string | null;
  template_id: string | null;
  template_name: string | null;
  template_language: string | null;
  parameters: string[] | null;
  template_arguments: TemplateArguments | null;
  template_header: TemplateHeader | null;
  file_id: string | null;
  media_link: Message['mediaLink'];
  interactive: Message['interactive'];
  phone: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const retryDelayMs = (attempts: number) => Math.min(RETRY_BASE_MS * 2 ** (attempts - 1), RETRY_MAX_MS);
const ctxOf = (m: Message, status: MessageStatus, now: Date) => ({ workspaceId: m.workspace, requestId: null, seed: `${m.id}:${status}`, now });

/** Hands one message to the provider: an answer, never a throw (a refusal and a transient error are answers too). */
async function handOver(channel: Channel, m: DueMessage, ctx: SendContext): Promise<Answer> {
  const message: OutboundMessage = {
    id: m.id,
    to: m.phone,
    type: m.type,
    text: m.text,
    templateId: m.template_id,
    templateName: m.template_name,
    templateLanguage: m.template_language,
    parameters: m.parameters,
    templateArguments: m.template_arguments,
    templateHeader: m.template_header,
    fileId: m.file_id,
    mediaLink: m.media_link,
    interactive: m.interactive ?? null,
  };
  try {
    // the message id is the provider's idempotency key: a hand-off resent after a crash is the same hand-off
    const { providerMessageId } = await PROVIDERS[channel.provider].send(channel, message, ctx);
    return { id: m.id, providerMessageId };
  } catch (err) {
    const reason = err instanceof Error ? err.message : 'delivery failed';
    if (err instanceof ApplicationFailure && err.nonRetryable) return { id: m.id, refused: reason, code: err.type ?? null };
    if (err instanceof ProviderRetryLater) {
      const retryAfterMs = err.retryAfterSeconds === undefined ? null : Math.min(err.retryAfterSeconds * 1000, RETRY_AFTER_MAX_MS);
      return { id: m.id, transient: reason, code: err.code, retryAfterMs };
    }
    return { id: m.id, transient: reason, code: null, retryAfterMs: null };
  }
}

/**
 * Records a group of answers in one transaction. Only a message still queued changes: a group recorded already (by a
 * retried batch) changes nothing, so a recorded hand-off never gets a second `message.sent`. The rows are read,
 * moved by the one status machine (moveMessageStatus) and written back in sets: one statement for the messages and
 * one for their events, whatever the group's size.
 */
async function recordAnswers(orm: MikroORM, channel: Channel, answers: Answer[]): Promise<{ sent: number; failed: number }> {
  const receipts = PROVIDERS[channel.provider].simulatedReceipts();
  const byId = new Map(answers.map((a) => [a.id, a]));
  return orm.em.fork().transactional(async (tx) => {
    const now = new Date();
    const rows = await lockMessages(tx, channel.workspace, [...byId.keys()]);
    const changed: Message[] = [];
    const events: EventRecord[] = [];
    let sent = 0;
    let failed = 0;
    for (const m of rows) {
      const a = byId.get(m.id)!;
      if (m.status !== 'queued') continue;
      changed.push(m);
      if ('providerMessageId' in a) {
        const event = moveMessageStatus(ctxOf(m, 'sent', now), m, 'sent', { providerMessageId: a.providerMessageId });
        if (event) events.push(event);
        m.nextAttemptAt = receipts ? new Date(now.getTime() + receipts.deliveredAfterMs) : null;
        sent++;
        continue;
      }
      const attempts = (m.sendAttempts ?? 0) + 1;
      m.sendAttempts = attempts;
      if ('transient' in a && attempts < MAX_SEND_ATTEMPTS) {
        m.nextAttemptAt = new Date(now.getTime() + Math.max(retryDelayMs(attempts), a.retryAfterMs ?? 0));
        continue;
      }
      const event = moveMessageStatus(ctxOf(m, 'failed', now), m, 'failed', { reason: 'refused' in a ? a.refused : a.transient, code: a.code ?? undefined });
      if (event) events.push(event);
      m.nextAttemptAt = null;
      failed++;
    }
    if (channel.provider === 'whatsapp_cloud') events.push(...(await applyEarlyStatuses(tx, channel, changed, now)));
    await saveMessageProgress(tx, channel.workspace, changed);
    await insertEvents(tx, events);
    return { sent, failed };
  });
}

const EARLY_ORDER: Record<string, number> = { sent: 0, delivered: 1, read: 2, failed: 3 };

/**
 * The statuses Meta sent before this group's wamids were recorded (held by receiveWhatsAppNotification), applied now
 * in their order, pricing included, and taken off the table. Returns their events.
 */
async function applyEarlyStatuses(tx: EntityManager, channel: Channel, messages: Message[], now: Date): Promise<EventRecord[]> {
  const byWamid = new Map(messages.filter((m) => m.status !== 'queued' && m.providerMessageId).map((m) => [m.providerMessageId!, m]));
  if (!byWamid.size) return [];
  const early = await tx.execute<{ provider_message_id: string; status: MessageStatus; extra: StatusExtra & Partial<Pick<Message, 'pricingCategory' | 'pricingBillable' | 'pricingModel'>> }[]>(
    `delete from whatsapp_early_statuses where channel_id = ? and provider_message_id in (?) and received_at >= now() - make_interval(secs => ?)
     returning provider_message_id, status, extra`,
    [channel.id, [...byWamid.keys()], EARLY_STATUS_TTL_S],
  );
  const events: EventRecord[] = [];
  for (const e of early.sort((a, b) => EARLY_ORDER[a.status] - EARLY_ORDER[b.status])) {
    const m = byWamid.get(e.provider_message_id)!;
    const { pricingCategory, pricingBillable, pricingModel, ...extra } = e.extra;
    if (pricingCategory !== undefined || pricingBillable !== undefined || pricingModel !== undefined) Object.assign(m, { pricingCategory, pricingBillable, pricingModel });
    const event = moveMessageStatus(ctxOf(m, e.status, now), m, e.status, extra);
    if (event) events.push(event);
  }
  return events;
}

/** The sandbox's simulated receipts that fell due: delivered, then read, in one transaction per batch, written in sets. */
async function recordDueReceipts(orm: MikroORM, channel: Channel): Promise<number> {
  const receipts = PROVIDERS[channel.provider].simulatedReceipts();
  return orm.em.fork().transactional(async (tx) => {
    const now = new Date();
    const due = await tx.execute<{ id: string }[]>(
      `select id from messages where workspace_id = ? and channel_id = ? and next_attempt_at <= ? and status not in ('queued', 'scheduled')
        order by next_attempt_at limit ?`,
      [channel.workspace, channel.id, now, RECEIPTS_PER_BATCH],
    );
    if (!due.length) return 0;
    const rows = await lockMessages(tx, channel.workspace, due.map((r) => r.id));
    const events: EventRecord[] = [];
    for (const m of rows) {
      // every due row past the queue passes here: one a provider callback moved on (read, failed) meanwhile gets the
      // receipt after its status, or none and its due time cleared (else the sender would find it due for ever and spin)
      const next = !receipts ? null : m.status === 'sent' ? 'delivered' : m.status === 'delivered' ? 'read' : null;
      const event = next ? moveMessageStatus(ctxOf(m, next, now), m, next) : null;
      if (event) events.push(event);
      m.nextAttemptAt = next === 'delivered' && receipts ? new Date(now.getTime() + receipts.readAfterMs) : null;
    }
    await saveMessageProgress(tx, channel.workspace, rows);
    await insertEvents(tx, events);
    return due.length;
  });
}

async function dueMessages(em: EntityManager, channel: Channel, limit: number): Promise<DueMessage[]> {
  return em.getConnection().execute<DueMessage[]>(
    `select m.id, m.type, m.text, m.template_id, t.name as template_name, t.language as template_language, m.parameters, m.template_arguments,
            t.header as template_header, m.file_id, m.media_link, m.interactive, c.phone
       from messages m left join contacts c on c.workspace_id = m.workspace_id and c.id = m.contact_id
       left join templates t on t.workspace_id = m.workspace_id and t.id = m.template_id
      where m.workspace_id = ? and m.channel_id = ? and m.next_attempt_at <= ? and m.status = 'queued' and m.direction = 'outbound'
      order by m.next_attempt_at, m.id limit ?`,
    [channel.workspace, channel.id, new Date(), limit],
  );
}

async function nextDueMs(em: EntityManager, channel: Channel): Promise<number | null> {
  const [row] = await em
    .getConnection()
    .execute<{ at: Date | null }[]>('select min(next_attempt_at) as at from messages where workspace_id = ? and channel_id = ? and next_attempt_at is not null', [channel.workspace, channel.id]);
  return row?.at ? Math.max(0, new Date(row.at).getTime() - Date.now()) : null;
}

/** Spaces hand-offs 1/rate apart; time lost to a stall is caught up only within the credit, never in a burst. */
class Pacer {
  private intervalMs: number;
  private creditMs: number;
  constructor(public slotAt: number, ratePerSecond: number) {
    this.intervalMs = 1000 / ratePerSecond;
    this.creditMs = Math.max(this.intervalMs, 1000 * RATE_CREDIT_SHARE);
  }
  setRate(ratePerSecond: number) {
    this.intervalMs = 1000 / ratePerSecond;
    this.creditMs = Math.max(this.intervalMs, 1000 * RATE_CREDIT_SHARE);
  }
  async next(): Promise<void> {
    this.slotAt = Math.max(this.slotAt, Date.now() - this.creditMs);
    const wait = this.slotAt - Date.now();
    if (wait > 0) await sleep(wait);
    this.slotAt += this.intervalMs;
  }
}

/**
 * A run of a channel's sender batches: each batch releases the scheduled messages that fell due into the queue and
 * records the receipts due, then up to a second's worth of due messages are handed
 * to the provider at the channel's rate with bounded concurrency, their answers recorded in groups as they come. It
 * goes on batch after batch while more is due, for up to ACTIVITY_SECONDS.
 */
export async function sendChannelBatch(orm: MikroORM, input: ChannelBatchInput, heartbeat: () => void, sendCtx: SendContext = defaultSendContext(orm)): Promise<ChannelBatchResult> {
  const em = orm.em.fork();
  const startedAt = Date.now();
  let channel = await findChannel(em, input.channelId, input.workspaceId);
  if (!channel) return { slotAt: input.slotAt, more: false, nextDueMs: null, handedOver: 0, failed: 0, receipts: 0 };
  const pacer = new Pacer(input.slotAt, effectiveRatePerSecond(channel));
  let handedOver = 0;
  let failed = 0;
  let receipts = 0;
  let releasedTotal = 0;
  let recording: Promise<void> = Promise.resolve();
  const record = (of: Channel, group: Answer[]) => {
    recording = recording.then(async () => {
      const done = await recordAnswers(orm, of, group);
      handedOver += done.sent;
      failed += done.failed;
      heartbeat();
    });
  };
  const inFlight = new Set<Promise<void>>();
  let more = false;
  try {
    for (;;) {
      const current: Channel = channel;
      // scheduled messages whose send_at has come join the queue first, and go out in this batch
      const released = await releaseDueScheduledMessages(orm, current.workspace, current.id);
      releasedTotal += released;
      // receipts touch only messages past the queue and hand-offs only queued ones: the two run side by side
      const receiving = recordDueReceipts(orm, current);
      // a failed receipt batch fails the run after its hand-offs (retried, nothing lost); never an unhandled rejection
      receiving.catch(() => undefined);
      const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(effectiveRatePerSecond(current) * BATCH_SECONDS)));
      // the hand-offs still in flight are not due again: their rows stay queued until their answers are recorded
      await Promise.all(inFlight);
      await recording;
      const due = await dueMessages(em, current, size);
      let group: Answer[] = [];
      for (const m of due) {
        while (inFlight.size >= SEND_CONCURRENCY) await Promise.race(inFlight);
        await pacer.next();
        const sending: Promise<void> = handOver(current, m, sendCtx).then((answer) => {
          inFlight.delete(sending);
          group.push(answer);
          if (group.length >= RECORD_GROUP) {
            record(current, group);
            group = [];
          }
        });
        inFlight.add(sending);
      }
      await Promise.all(inFlight);
      if (group.length) record(current, group);
      const dueReceipts = await receiving;
      receipts += dueReceipts;
      heartbeat();
      more = due.length === size || dueReceipts === RECEIPTS_PER_BATCH || released === RELEASE_BATCH;
      if (!more || Date.now() - startedAt >= ACTIVITY_SECONDS * 1000) break;
      // the rate, the number's quality (or the channel itself) may have changed meanwhile
      em.clear();
      const fresh = await findChannel(em, input.channelId, input.workspaceId);
      if (!fresh) break;
      channel = fresh;
      pacer.setRate(effectiveRatePerSecond(fresh));
    }
    await recording;
  } catch (err) {
    // unrecorded hand-offs are resent by the retry, with the same idempotency keys
    throw err instanceof DriverException ? withoutRowData(err) : err;
  }
  // a run that did nothing at all yet finds something due at once has met a row it cannot act on: it looks again after
  // a pause instead of spinning (every row the sender owns is released, handed over or given its receipt above)
  const next = more ? 0 : await nextDueMs(em, channel);
  const idle = handedOver + failed + receipts + releasedTotal === 0;
  return { slotAt: pacer.slotAt, more, nextDueMs: next === 0 && idle ? STALLED_RECHECK_MS : next, handedOver, failed, receipts };
}

function defaultSendContext(orm: MikroORM, files: FileStore = new LocalFileStore(config.filesDir)): SendContext {
  return { media: whatsappMediaSource(orm, files, config.whatsapp.mediaTtlMs) };
}

/** The channel sender's activities; a heartbeat every second besides the batch's own, so a live busy worker is never taken for dead. */
export function createChannelSenderActivities(orm: MikroORM, files?: FileStore) {
  // one media cache per worker: its in-flight uploads are shared by the batches this process runs
  const sendCtx = defaultSendContext(orm, files);
  return {
    async sendChannelBatch(input: ChannelBatchInput): Promise<ChannelBatchResult> {
      const ctx = Context.current();
      const beat = () => ctx.heartbeat();
      const timer = setInterval(beat, 1000);
      try {
        return await sendChannelBatch(orm, input, beat, sendCtx);
      } finally {
        clearInterval(timer);
      }
    },

    /** The channel of a message, for the wakes of the previous release's per-message workflows. */
    async channelOfMessage(input: { messageId: string }): Promise<{ workspaceId: string; channelId: string } | null> {
      const [row] = await orm.em
        .fork()
        .getConnection()
        .execute<{ workspace_id: string; channel_id: string }[]>('select workspace_id, channel_id from messages where id = ?', [input.messageId]);
      return row ? { workspaceId: row.workspace_id, channelId: row.channel_id } : null;
    },
  };
}
