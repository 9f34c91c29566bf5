import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { ChannelSchema, ContactSchema, ConversationSchema, MessageSchema, type FollowUp } from '../db/entities';
import { recordEvent, type CommandContext } from '../db/events';
import { toMessageWire } from '../db/messaging.queries';
import { ApiError } from '../errors';
import { channelSenderFollowUp } from '../channel-senders';
import { holdFence } from '../privacy/fence';
import { applyMessageStatus, refuseUnsendable } from './messaging.commands';

export interface ReleaseResult {
  /** the channel sender's wake, when the message is queued */
  followUps: FollowUp[];
  outcome: 'queued' | 'failed' | 'gone';
}

/**
 * A scheduled message that fell due enters the normal send path: queued for its channel's sender (`message.queued`),
 * after the rules a send meets are checked again at this time (a refusal fails it with the refusal's code as its
 * `failure_reason`, `message.failed`). One transaction; a retry after a commit finds it queued and only wakes the
 * sender again. A message cancelled, purged or already released is left as it is.
 */
export async function releaseScheduledMessage(orm: MikroORM, input: { workspaceId: string; messageId: string }): Promise<ReleaseResult> {
  return orm.em.fork().transactional(async (tx) => {
    // the purge fence's shared lock before the row lock, as every writer takes them
    const fence = await holdFence(tx, input.workspaceId);
    const m = await tx.findOne(MessageSchema, { id: input.messageId, workspace: input.workspaceId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (m?.status === 'queued') return { followUps: [channelSenderFollowUp(m.workspace, m.channel)], outcome: 'queued' };
    if (!m || m.status !== 'scheduled') return { followUps: [], outcome: 'gone' };
    const now = new Date();
    // its events are caused by the message itself, at the depth of what scheduled it (as its receipts are)
    const ctx: CommandContext = { workspaceId: m.workspace, requestId: null, seed: `${m.id}:release`, now, cause: { type: 'message', id: m.id, depth: m.causeDepth ?? 0, flows: m.causeFlows ?? [] } };
    if (fence.isFenced({ contactIds: [m.contact] })) {
      // the purge deletes it; meanwhile it is never queued, and no event is written about the subject
      m.status = 'cancelled';
      m.cancelledAt = now;
      m.failureReason = 'subject_being_purged';
      m.version += 1;
      m.updatedAt = now;
      await tx.flush();
      return { followUps: [], outcome: 'gone' };
    }
    const refusal = await sendRefusal(tx, m.workspace, m.conversation, m.contact, m.channel, m.type, now);
    if (refusal) {
      applyMessageStatus(tx, ctx, m, 'failed', { reason: refusal.code });
      await tx.flush();
      return { followUps: [], outcome: 'failed' };
    }
    m.status = 'queued';
    m.queuedAt = now;
    m.nextAttemptAt = now;
    m.version += 1;
    m.updatedAt = now;
    recordEvent(tx, ctx, 0, { type: 'message.queued', objectType: 'message', objectId: m.id, sequence: m.version, object: toMessageWire(m) });
    await tx.flush();
    return { followUps: [channelSenderFollowUp(m.workspace, m.channel)], outcome: 'queued' };
  });
}



async function sendRefusal(tx: EntityManager, workspaceId: string, conversationId: string, contactId: string, channelId: string, type: 'text' | 'template' | 'media', now: Date): Promise<ApiError | null> {
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
