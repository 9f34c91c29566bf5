import { randomBytes } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { ChannelSchema, ContactSchema, ConversationSchema, MessageSchema, TemplateSchema, type Contact, type Conversation, type FollowUp, type Message, type MessageStatus } from '../db/entities';
import { renderTemplate } from '../template-body';
import { toContactWire } from '../db/contacts.queries';
import { SERVICE_WINDOW_MS, toChannelWire, toConversationWire, toMessageWire } from '../db/messaging.queries';
import { causeOf, recordEvent, type CommandContext } from '../db/events';
import { ApiError } from '../errors';
import { idFromSeed } from '../ids';
import { urlRefusal } from '../outbound/address-policy';
import type { CommandResponse } from './command-registry';

type Params = Record<string, string>;

export async function createChannel(em: EntityManager, ctx: CommandContext, _p: Params, body: { name: string; provider: 'sandbox' | 'http'; url?: string }): Promise<CommandResponse> {
  if (body.provider === 'http' && !body.url) {
    throw new ApiError('invalid_request', 'An http channel needs the `url` its messages are POSTed to', {
      errors: [{ pointer: '/url', code: 'required', message: 'required when provider is http' }],
    });
  }
  const refusal = body.url === undefined ? null : urlRefusal(body.url);
  if (refusal) throw new ApiError('channel_url_not_allowed', `This URL cannot receive messages: ${refusal}`, { errors: [{ pointer: '/url', code: 'channel_url_not_allowed', message: refusal }] });
  // random, never derived from the workflow's seed: the seed is visible in workflow history
  const signingSecret = `chsec_${randomBytes(24).toString('base64')}`;
  const channel = em.create(ChannelSchema, {
    id: idFromSeed('chn', ctx.seed),
    workspace: ctx.workspaceId,
    name: body.name,
    provider: body.provider,
    url: body.url ?? null,
    signingSecret,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  recordEvent(em, ctx, 0, { type: 'channel.created', objectType: 'channel', objectId: channel.id, sequence: 1, object: toChannelWire(channel) });
  await em.flush();
  // the secret is shown in this response only
  return { status: 201, body: { ...toChannelWire(channel), signing_secret: signingSecret } };
}

async function liveContact(em: EntityManager, workspaceId: string, id: string, lock = false): Promise<Contact | null> {
  return em.findOne(ContactSchema, { id, workspace: workspaceId, deletedAt: null }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
}

export async function openConversationOf(em: EntityManager, contactId: string, channelId: string): Promise<Conversation | null> {
  return em.findOne(ConversationSchema, { contact: contactId, channel: channelId, status: 'open' });
}

export function newConversation(em: EntityManager, ctx: CommandContext, n: number, contactId: string, channelId: string): Conversation {
  const conversation = em.create(ConversationSchema, {
    id: idFromSeed('cnv', ctx.seed, n),
    workspace: ctx.workspaceId,
    contact: contactId,
    channel: channelId,
    status: 'open',
    assignee: null,
    lastInboundAt: null,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  recordEvent(em, ctx, 10 + n, { type: 'conversation.created', objectType: 'conversation', objectId: conversation.id, sequence: 1, object: toConversationWire(conversation, ctx.now) });
  return conversation;
}

export async function createConversation(em: EntityManager, ctx: CommandContext, _p: Params, body: { contact_id: string; channel_id: string; assignee?: string }): Promise<CommandResponse> {
  if (!(await liveContact(em, ctx.workspaceId, body.contact_id))) {
    throw new ApiError('contact_not_found', `No such contact: '${body.contact_id}'`, { errors: [{ pointer: '/contact_id', code: 'contact_not_found', message: 'No such contact' }] });
  }
  if (!(await em.findOne(ChannelSchema, { id: body.channel_id, workspace: ctx.workspaceId }))) {
    throw new ApiError('channel_not_found', `No such channel: '${body.channel_id}'`, { errors: [{ pointer: '/channel_id', code: 'channel_not_found', message: 'No such channel' }] });
  }
  const open = await openConversationOf(em, body.contact_id, body.channel_id);
  if (open) throw new ApiError('conversation_already_open', `Conversation ${open.id} is already open for this contact on this channel`, { existing_id: open.id });
  const conversation = newConversation(em, ctx, 0, body.contact_id, body.channel_id);
  if (body.assignee) conversation.assignee = body.assignee;
  await em.flush();
  return { status: 201, body: toConversationWire(conversation, ctx.now) };
}

async function lockedConversation(em: EntityManager, workspaceId: string, id: string): Promise<Conversation> {
  const conversation = await em.findOne(ConversationSchema, { id, workspace: workspaceId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!conversation) throw new ApiError('resource_missing', `No such conversation: '${id}'`);
  return conversation;
}

export async function updateConversation(em: EntityManager, ctx: CommandContext, params: Params, body: { status?: 'open' | 'closed'; assignee?: string | null }): Promise<CommandResponse> {
  const conversation = await lockedConversation(em, ctx.workspaceId, params.conversation_id);
  const previous: Record<string, unknown> = {};
  if (body.status !== undefined && body.status !== conversation.status) {
    if (body.status === 'open') {
      const other = await openConversationOf(em, conversation.contact, conversation.channel);
      if (other) throw new ApiError('conversation_already_open', `Conversation ${other.id} is already open for this contact on this channel`, { existing_id: other.id });
    }
    previous.status = conversation.status;
    conversation.status = body.status;
  }
  if (body.assignee !== undefined && body.assignee !== conversation.assignee) {
    previous.assignee = conversation.assignee;
    conversation.assignee = body.assignee;
  }
  if (Object.keys(previous).length) {
    conversation.version += 1;
    conversation.updatedAt = ctx.now;
    recordEvent(em, ctx, 0, {
      type: 'conversation.updated',
      objectType: 'conversation',
      objectId: conversation.id,
      sequence: conversation.version,
      object: toConversationWire(conversation, ctx.now),
      previousAttributes: previous,
    });
    await em.flush();
  }
  return { status: 200, body: toConversationWire(conversation, ctx.now) };
}

export function isOptedOut(contact: Pick<Contact, 'optedInAt' | 'optedOutAt'>): boolean {
  return !!contact.optedOutAt && (!contact.optedInAt || contact.optedOutAt > contact.optedInAt);
}

export interface MessageInput {
  type: 'text' | 'template' | 'media';
  text?: string;
  template_id?: string;
  parameters?: string[];
  file_id?: string;
}

/**
 * Checks that a message may go out and queues it with its delivery as a follow-up workflow. Shared by sends and
 * by the opt-in confirmation. `n` keeps ids and event ids apart when one command queues more than one thing.
 */
export async function queueMessage(em: EntityManager, ctx: CommandContext, n: number, conversation: Conversation, contact: Contact, body: MessageInput): Promise<{ message: Message; followUp: FollowUp }> {
  if (conversation.status !== 'open') throw new ApiError('conversation_closed', `Conversation ${conversation.id} is closed; reopen it with PATCH to send`);
  if (isOptedOut(contact)) throw new ApiError('contact_opted_out', `Contact ${contact.id} opted out of messages on ${contact.optedOutAt!.toISOString()}`);
  const channel = await em.findOneOrFail(ChannelSchema, { id: conversation.channel, workspace: ctx.workspaceId });
  if (channel.provider === 'sandbox' && body.type !== 'template') {
    const windowOpen = conversation.lastInboundAt && ctx.now.getTime() - conversation.lastInboundAt.getTime() < SERVICE_WINDOW_MS;
    if (!windowOpen) {
      throw new ApiError('outside_service_window', 'Free-form messages need a customer message within the last 24 hours; send a template instead', {
        errors: [{ pointer: '/type', code: 'outside_service_window', message: 'Only templates may be sent outside the 24-hour service window' }],
      });
    }
  }
  let text = body.text ?? null;
  if (body.type === 'template') {
    const template = await em.findOne(TemplateSchema, { id: body.template_id!, workspace: ctx.workspaceId, deletedAt: null });
    if (!template) {
      throw new ApiError('template_not_found', `No such template: '${body.template_id}'`, { errors: [{ pointer: '/template_id', code: 'template_not_found', message: 'No such template' }] });
    }
    text = renderTemplate(template.body, body.parameters ?? []);
  }
  if (body.type === 'media') {
    const file = await em.getConnection().execute<{ id: string }[]>(
      'select id from files where workspace_id = ? and id = ? and deleted_at is null',
      [ctx.workspaceId, body.file_id],
      'all',
      em.getTransactionContext(),
    );
    if (!file.length) throw new ApiError('file_not_found', `No such file: '${body.file_id}'`, { errors: [{ pointer: '/file_id', code: 'file_not_found', message: 'No such file' }] });
  }
  const cause = causeOf(ctx);
  const message = em.create(MessageSchema, {
    id: idFromSeed('msg', ctx.seed, n),
    workspace: ctx.workspaceId,
    conversation: conversation.id,
    contact: contact.id,
    channel: channel.id,
    direction: 'outbound',
    type: body.type,
    text,
    templateId: body.template_id ?? null,
    parameters: body.type === 'template' ? body.parameters ?? [] : null,
    fileId: body.file_id ?? null,
    status: 'queued',
    failureReason: null,
    providerMessageId: null,
    queuedAt: ctx.now,
    sentAt: null,
    deliveredAt: null,
    readAt: null,
    failedAt: null,
    receivedAt: null,
    // its receipts' events are caused by it, and carry on the chain of what queued it
    causeDepth: cause?.depth ?? 0,
    causeFlows: cause?.flows ?? [],
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  recordEvent(em, ctx, 20 + n, { type: 'message.queued', objectType: 'message', objectId: message.id, sequence: 1, object: toMessageWire(message) });
  return { message, followUp: deliveryFollowUp(ctx.workspaceId, message.id) };
}

/** A queued message's delivery: one workflow per message id, so starting it again starts nothing. */
export function deliveryFollowUp(workspaceId: string, messageId: string): FollowUp {
  return { workflowType: 'sendMessage', workflowId: `${workspaceId}/sendMessage/${messageId}`, args: [{ messageId }] };
}

export async function createMessage(em: EntityManager, ctx: CommandContext, params: Params, body: MessageInput): Promise<CommandResponse> {
  const conversation = await lockedConversation(em, ctx.workspaceId, params.conversation_id);
  const contact = await liveContact(em, ctx.workspaceId, conversation.contact);
  if (!contact) throw new ApiError('contact_not_found', "The conversation's contact was deleted");
  const { message, followUp } = await queueMessage(em, ctx, 0, conversation, contact, body);
  await em.flush();
  return { status: 201, body: toMessageWire(message), followUps: [followUp] };
}

const STOP_WORDS = new Set(['stop', 'unsubscribe', 'stopall', 'cancel']);
const START_WORDS = new Set(['start', 'unstop', 'subscribe']);

/** A message from a provider: finds or creates the contact and the open conversation, and opens the service window. */
export async function receiveInboundMessage(em: EntityManager, ctx: CommandContext, params: Params, body: { from: string; text?: string; provider_message_id: string }): Promise<CommandResponse> {
  const channel = await em.findOneOrFail(ChannelSchema, { id: params.channel_id, workspace: ctx.workspaceId });
  const duplicate = await em.findOne(MessageSchema, { channel: channel.id, direction: 'inbound', providerMessageId: body.provider_message_id });
  if (duplicate) return { status: 200, body: toMessageWire(duplicate) };

  let contact = await em.findOne(ContactSchema, { workspace: ctx.workspaceId, phone: body.from, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!contact) {
    contact = em.create(ContactSchema, {
      id: idFromSeed('ctc', ctx.seed),
      workspace: ctx.workspaceId,
      phone: body.from,
      email: null,
      firstName: null,
      lastName: null,
      externalId: null,
      attributes: {},
      tags: [],
      version: 1,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      deletedAt: null,
    });
    recordEvent(em, ctx, 1, { type: 'contact.created', objectType: 'contact', objectId: contact.id, sequence: 1, object: toContactWire(contact) });
    await em.flush();
  }
  const keyword = body.text?.trim().toLowerCase() ?? '';
  const consent = STOP_WORDS.has(keyword) ? 'optedOutAt' : START_WORDS.has(keyword) ? 'optedInAt' : null;
  if (consent) {
    const previous = { [consent === 'optedOutAt' ? 'opted_out_at' : 'opted_in_at']: contact[consent]?.toISOString() ?? null };
    contact[consent] = ctx.now;
    contact.version += 1;
    contact.updatedAt = ctx.now;
    recordEvent(em, ctx, 2, { type: 'contact.updated', objectType: 'contact', objectId: contact.id, sequence: contact.version, object: toContactWire(contact), previousAttributes: previous });
  }
  const conversation = (await openConversationOf(em, contact.id, channel.id)) ?? newConversation(em, ctx, 0, contact.id, channel.id);
  conversation.lastInboundAt = ctx.now;
  conversation.updatedAt = ctx.now;
  // rows that the message refers to go first: the unit of work does not order plain-id references
  await em.flush();
  const message = em.create(MessageSchema, {
    id: idFromSeed('msg', ctx.seed),
    workspace: ctx.workspaceId,
    conversation: conversation.id,
    contact: contact.id,
    channel: channel.id,
    direction: 'inbound',
    type: 'text',
    text: body.text ?? null,
    templateId: null,
    parameters: null,
    fileId: null,
    status: 'received',
    failureReason: null,
    providerMessageId: body.provider_message_id,
    queuedAt: null,
    sentAt: null,
    deliveredAt: null,
    readAt: null,
    failedAt: null,
    receivedAt: ctx.now,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  const wire = toMessageWire(message);
  recordEvent(em, ctx, 3, { type: 'message.received', objectType: 'message', objectId: message.id, sequence: 1, object: wire });
  await em.flush();
  return { status: 201, body: wire };
}

const RANK: Record<MessageStatus, number> = { received: -1, queued: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/**
 * Moves an outbound message forward (queued → sent → delivered → read, or failed before delivery) and emits the
 * matching event. Late or repeated receipts change nothing, so a provider may send them in any order, any number of times.
 */
export function applyMessageStatus(em: EntityManager, ctx: CommandContext, message: Message, status: MessageStatus, extra: { reason?: string; providerMessageId?: string } = {}): boolean {
  if (message.direction !== 'outbound' || status === 'received' || status === 'queued') return false;
  if (message.status === 'failed' || message.status === 'read') return false;
  if (status === 'failed' ? RANK[message.status] >= RANK.delivered : RANK[status] <= RANK[message.status]) return false;
  const stamp = { sent: 'sentAt', delivered: 'deliveredAt', read: 'readAt', failed: 'failedAt' } as const;
  // a receipt that skips a step (read before delivered) fills the steps it implies
  for (const step of ['sent', 'delivered', 'read'] as const) {
    if (status !== 'failed' && RANK[step] <= RANK[status] && !message[stamp[step]]) message[stamp[step]] = ctx.now;
  }
  if (status === 'failed') {
    message.failedAt = ctx.now;
    message.failureReason = (extra.reason ?? 'unknown').slice(0, 500);
  }
  if (extra.providerMessageId) message.providerMessageId = extra.providerMessageId;
  message.status = status;
  message.version += 1;
  message.updatedAt = ctx.now;
  // a receipt is caused by its message (also when a provider's callback brings it), at the depth of what queued it
  const cause = { type: 'message' as const, id: message.id, depth: message.causeDepth ?? 0, flows: message.causeFlows ?? [] };
  recordEvent(em, { ...ctx, cause }, 0, { type: `message.${status}`, objectType: 'message', objectId: message.id, sequence: message.version, object: toMessageWire(message) });
  return true;
}

/** A provider's signed status callback for a message it was given. */
export async function receiveMessageStatus(em: EntityManager, ctx: CommandContext, params: Params, body: { provider_message_id: string; status: 'sent' | 'delivered' | 'read' | 'failed'; reason?: string }): Promise<CommandResponse> {
  const message = await em.findOne(
    MessageSchema,
    { workspace: ctx.workspaceId, channel: params.channel_id, direction: 'outbound', providerMessageId: body.provider_message_id },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!message) throw new ApiError('resource_missing', `No message with provider id '${body.provider_message_id.slice(0, 100)}' on this channel`);
  applyMessageStatus(em, ctx, message, body.status, { reason: body.reason });
  await em.flush();
  return { status: 200, body: toMessageWire(message) };
}

async function setConsent(em: EntityManager, ctx: CommandContext, contactId: string, field: 'optedInAt' | 'optedOutAt'): Promise<Contact> {
  const contact = await liveContact(em, ctx.workspaceId, contactId, true);
  if (!contact) throw new ApiError('resource_missing', `No such contact: '${contactId}'`);
  const wireName = field === 'optedInAt' ? 'opted_in_at' : 'opted_out_at';
  const previous = { [wireName]: contact[field]?.toISOString() ?? null };
  contact[field] = ctx.now;
  contact.version += 1;
  contact.updatedAt = ctx.now;
  recordEvent(em, ctx, 0, { type: 'contact.updated', objectType: 'contact', objectId: contact.id, sequence: contact.version, object: toContactWire(contact), previousAttributes: previous });
  return contact;
}

interface OptInInput {
  /** with a template: the confirmation message to send on this channel */
  channel_id?: string;
  template_id?: string;
  parameters?: string[];
}

/** Records the opt-in and, when asked, sends the confirmation template in the same command. */
export async function optInContact(em: EntityManager, ctx: CommandContext, params: Params, body: OptInInput): Promise<CommandResponse> {
  const contact = await setConsent(em, ctx, params.contact_id, 'optedInAt');
  const followUps: FollowUp[] = [];
  if (body.template_id) {
    const channel = await em.findOne(ChannelSchema, { id: body.channel_id!, workspace: ctx.workspaceId });
    if (!channel) throw new ApiError('channel_not_found', `No such channel: '${body.channel_id}'`, { errors: [{ pointer: '/channel_id', code: 'channel_not_found', message: 'No such channel' }] });
    const conversation = (await openConversationOf(em, contact.id, channel.id)) ?? newConversation(em, ctx, 1, contact.id, channel.id);
    await em.flush();
    const { followUp } = await queueMessage(em, ctx, 1, conversation, contact, { type: 'template', template_id: body.template_id, parameters: body.parameters });
    followUps.push(followUp);
  }
  await em.flush();
  return { status: 200, body: toContactWire(contact), followUps };
}

export async function optOutContact(em: EntityManager, ctx: CommandContext, params: Params): Promise<CommandResponse> {
  const contact = await setConsent(em, ctx, params.contact_id, 'optedOutAt');
  await em.flush();
  return { status: 200, body: toContactWire(contact) };
}
