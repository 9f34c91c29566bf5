import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { ChannelSchema, ContactSchema, ConversationSchema, MessageSchema, type FollowUp, type Message } from '../db/entities';
import { recordEvent, type CommandContext } from '../db/events';
import { toMessageWire } from '../db/messaging.queries';
import { ApiError } from '../errors';
import { channelSenderFollowUp } from './names';
import { holdFence, type Fence } from '../privacy/fence';
import { applyMessageStatus, refuseUnsendable } from '../commands/messaging';

export interface ReleaseResult {
  /** the channel sender's wake, when the message is queued */
  followUps: FollowUp[];
  outcome: 'queued' | 'failed' | 'gone';
}

// scheduled messages a sender releases in one transaction
export const RELEASE_BATCH = 500;

/**
 * A scheduled message that fell due enters the normal send path: queued for its channel's sender (`message.queued`),
 * after the rules a send meets are checked again at this time (a refusal fails it with the refusal's code as its
 * `failure_reason`, `message.failed`). The message is locked by the caller's transaction; one no longer scheduled
 * (cancelled, purged, released already) is left as it is.
 */
async function releaseLocked(tx: EntityManager, fence: Fence, m: Message, now: Date): Promise<ReleaseResult['outcome']> {
  if (m.status === 'queued') return 'queued';
  if (m.status !== 'scheduled') return 'gone';
  // its events are caused by the message itself, at the depth of what scheduled it (as its receipts are)
  const ctx: CommandContext = { workspaceId: m.workspace, requestId: null, seed: `${m.id}:release`, now, cause: { type: 'message', id: m.id, depth: m.causeDepth ?? 0, flows: m.causeFlows ?? [] } };
  if (fence.isFenced({ contactIds: [m.contact] })) {
    // the purge deletes it; meanwhile it is never queued, and no event is written about the subject
    m.status = 'cancelled';
    m.cancelledAt = now;
    m.failureReason = 'subject_being_purged';
    m.nextAttemptAt = null;
    m.version += 1;
    m.updatedAt = now;
    return 'gone';
  }
  const refusal = await sendRefusal(tx, m.workspace, m.conversation, m.contact, m.channel, m.type, now);
  if (refusal) {
    applyMessageStatus(tx, ctx, m, 'failed', { reason: refusal.code, code: refusal.code });
    m.nextAttemptAt = null;
    return 'failed';
  }
  m.status = 'queued';
  m.queuedAt = now;
  m.nextAttemptAt = now;
  m.version += 1;
  m.updatedAt = now;
  recordEvent(tx, ctx, 0, { type: 'message.queued', objectType: 'message', objectId: m.id, sequence: m.version, object: toMessageWire(m) });
  return 'queued';
}

/**
 * The channel sender's first step in each batch: the channel's scheduled messages whose send_at has come are released
 * into the queue, a batch at a time in one transaction, so the same batch hands them over. Rows another transaction
 * holds (a cancel in flight) are left for the next batch. Returns how many it released, failed or dropped.
 */
export async function releaseDueScheduledMessages(orm: MikroORM, workspaceId: string, channelId: string): Promise<number> {
  // every batch of every sender asks: one probe of the scheduled rows alone (messages_scheduled_idx, not the channel's
  // queue), and the transaction with its fence only when something is due. A scheduled row is due at its send_at.
  const [probe] = await orm.em
    .fork()
    .getConnection()
    .execute<{ due: boolean }[]>(
      `select exists (select 1 from messages where workspace_id = ? and status = 'scheduled' and send_at <= now() and channel_id = ?) as due`,
      [workspaceId, channelId],
    );
  if (!probe?.due) return 0;
  return orm.em.fork().transactional(async (tx) => {
    // the purge fence's shared lock before the row locks, as every writer takes them
    const fence = await holdFence(tx, workspaceId);
    const due = await tx.execute<{ id: string }[]>(
      `select id from messages where workspace_id = ? and status = 'scheduled' and send_at <= now() and channel_id = ?
        order by send_at, id limit ? for update skip locked`,
      [workspaceId, channelId, RELEASE_BATCH],
    );
    if (!due.length) return 0;
    const rows = await tx.find(MessageSchema, { id: { $in: due.map((r) => r.id) }, workspace: workspaceId });
    const now = new Date();
    for (const m of rows) await releaseLocked(tx, fence, m, now);
    await tx.flush();
    return due.length;
  });
}

/**
 * The previous release's per-message timer workflows still call this when they fire: the same release, for one
 * message. A retry after a commit finds it queued and only wakes the sender again.
 */
export async function releaseScheduledMessage(orm: MikroORM, input: { workspaceId: string; messageId: string }): Promise<ReleaseResult> {
  return orm.em.fork().transactional(async (tx) => {
    const fence = await holdFence(tx, input.workspaceId);
    const m = await tx.findOne(MessageSchema, { id: input.messageId, workspace: input.workspaceId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!m) return { followUps: [], outcome: 'gone' };
    const outcome = await releaseLocked(tx, fence, m, new Date());
    await tx.flush();
    return { followUps: outcome === 'queued' ? [channelSenderFollowUp(m.workspace, m.channel)] : [], outcome };
  });
}

async function sendRefusal(tx: EntityManager, workspaceId: string, conversationId: string, contactId: string, channelId: string, type: Message['type'], now: Date): Promise<ApiError | null> {
  const contact = await tx.findOne(ContactSchema, { id: contactId, workspace: workspaceId, deletedAt: null });
  if (!contact) return new ApiError('contact_not_found', "The message's contact was deleted");
  const conversation = await tx.findOne(ConversationSchema, { id: conversationId, workspace: workspaceId });
  const channel = await tx.findOne(ChannelSchema, { id: channelId, workspace: workspaceId });
  if (!conversation || !channel) return new ApiError('resource_missing', "The message's conversation or channel is gone");
  try {
    refuseUnsendable(conversation, contact, channel, type, now);
    return null;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
}

export function createScheduledMessageActivities(orm: MikroORM) {
  return {
    releaseScheduledMessage: (input: { workspaceId: string; messageId: string }) => releaseScheduledMessage(orm, input),
  };
}
