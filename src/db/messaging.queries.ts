import type { EntityManager } from '@mikro-orm/postgresql';
import type { Channel, Conversation, Message } from './entities';
import { toDate } from './timestamps';
import { config } from '../config';
import type { PageParams } from '../pagination';
import { keysetList, rowsByIds, type KeysetListSpec } from './keyset';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function toChannelWire(c: Channel) {
  return {
    id: c.id,
    object: 'channel' as const,
    name: c.name,
    provider: c.provider,
    url: c.url,
    whatsapp: c.provider === 'whatsapp_cloud' ? whatsappWire(c) : null,
    rate_per_second: c.ratePerSecond,
    quality_rating: c.qualityRating ?? null,
    messaging_tier: c.messagingTier ?? null,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

/** A whatsapp_cloud channel's settings as shown: the number, where Meta is to call, never a secret (a hint of the token). */
function whatsappWire(c: Channel) {
  return {
    phone_number_id: c.whatsappPhoneNumberId ?? '',
    waba_id: c.whatsappWabaId ?? '',
    api_version: c.whatsappApiVersion ?? '',
    base_url: c.whatsappBaseUrl ?? '',
    access_token_hint: c.whatsappAccessTokenHint ?? null,
    webhook_url: `${config.publicUrl}/v1/channels/${c.id}/whatsapp/webhook`,
  };
}

/** The 24-hour customer-service window of WhatsApp-like channels, opened by the contact's last inbound message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export function toConversationWire(c: Conversation, now = new Date()) {
  const windowEnds = c.lastInboundAt ? new Date(c.lastInboundAt.getTime() + SERVICE_WINDOW_MS) : null;
  return {
    id: c.id,
    object: 'conversation' as const,
    contact_id: c.contact,
    channel_id: c.channel,
    status: c.status,
    assignee: c.assignee,
    last_inbound_at: iso(c.lastInboundAt),
    service_window_ends_at: windowEnds && windowEnds > now ? windowEnds.toISOString() : null,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

export function toMessageWire(m: Message) {
  return {
    id: m.id,
    object: 'message' as const,
    conversation_id: m.conversation,
    contact_id: m.contact,
    channel_id: m.channel,
    direction: m.direction,
    type: m.type,
    text: m.text,
    template_id: m.templateId,
    parameters: m.parameters,
    template_arguments: m.templateArguments ?? null,
    file_id: m.fileId,
    media_link: m.mediaLink ?? null,
    interactive: m.interactive ?? null,
    interactive_reply: m.interactiveReply ?? null,
    status: m.status,
    failure_reason: m.failureReason,
    failure_code: m.failureCode ?? null,
    provider_message_id: m.providerMessageId,
    pricing: m.pricingCategory == null && m.pricingBillable == null && m.pricingModel == null ? null : { category: m.pricingCategory ?? null, billable: m.pricingBillable ?? null, pricing_model: m.pricingModel ?? null },
    queued_at: iso(m.queuedAt),
    sent_at: iso(m.sentAt),
    delivered_at: iso(m.deliveredAt),
    read_at: iso(m.readAt),
    failed_at: iso(m.failedAt),
    received_at: iso(m.receivedAt),
    send_at: iso(m.sendAt),
    cancelled_at: iso(m.cancelledAt),
    created_at: m.createdAt.toISOString(),
    updated_at: m.updatedAt.toISOString(),
  };
}

const CHANNEL_COLUMNS = `id, workspace_id as "workspace", name, provider, url, signing_secret as "signingSecret", rate_per_second as "ratePerSecond",
  whatsapp_phone_number_id as "whatsappPhoneNumberId", whatsapp_waba_id as "whatsappWabaId", whatsapp_access_token as "whatsappAccessToken",
  whatsapp_access_token_hint as "whatsappAccessTokenHint", whatsapp_app_secret as "whatsappAppSecret", whatsapp_verify_token as "whatsappVerifyToken",
  whatsapp_api_version as "whatsappApiVersion", whatsapp_base_url as "whatsappBaseUrl", quality_rating as "qualityRating", messaging_tier as "messagingTier",
  quality_updated_at as "qualityUpdatedAt", version, created_at as "createdAt", updated_at as "updatedAt"`;
const CONVERSATION_COLUMNS = `id, workspace_id as "workspace", contact_id as "contact", channel_id as "channel", status, assignee,
  last_inbound_at as "lastInboundAt", version, created_at as "createdAt", updated_at as "updatedAt"`;
const MESSAGE_COLUMNS = `id, workspace_id as "workspace", conversation_id as "conversation", contact_id as "contact", channel_id as "channel",
  direction, type, text, template_id as "templateId", parameters, template_arguments as "templateArguments", file_id as "fileId", media_link as "mediaLink", interactive, interactive_reply as "interactiveReply", status, failure_reason as "failureReason", failure_code as "failureCode",
  provider_message_id as "providerMessageId", pricing_category as "pricingCategory", pricing_billable as "pricingBillable", pricing_model as "pricingModel", queued_at as "queuedAt", sent_at as "sentAt", delivered_at as "deliveredAt",
  read_at as "readAt", failed_at as "failedAt", received_at as "receivedAt", send_at as "sendAt", cancelled_at as "cancelledAt", version, created_at as "createdAt", updated_at as "updatedAt"`;

function hydrateDates<T extends object>(row: T, fields: (keyof T)[]): T {
  const out = { ...row };
  for (const f of fields) (out as Record<keyof T, unknown>)[f] = toDate(row[f] as unknown as string | null);
  return out;
}
const channelRow = (r: Channel) => hydrateDates(r, ['qualityUpdatedAt', 'createdAt', 'updatedAt']);
const conversationRow = (r: Conversation) => hydrateDates(r, ['lastInboundAt', 'createdAt', 'updatedAt']);
const messageRow = (r: Message) =>
  hydrateDates(r, ['queuedAt', 'sentAt', 'deliveredAt', 'readAt', 'failedAt', 'receivedAt', 'sendAt', 'cancelledAt', 'createdAt', 'updatedAt']);

/** A channel by id alone: provider callbacks identify the workspace through the channel they sign for. */
export async function findChannel(em: EntityManager, id: string, workspaceId?: string): Promise<Channel | null> {
  const rows = await em.getConnection().execute<Channel[]>(
    `select ${CHANNEL_COLUMNS} from channels where id = ?${workspaceId ? ' and workspace_id = ?' : ''}`,
    workspaceId ? [id, workspaceId] : [id],
  );
  return rows[0] ? channelRow(rows[0]) : null;
}

export async function retrieveConversation(em: EntityManager, workspaceId: string, id: string): Promise<Conversation | null> {
  const rows = await em.getConnection().execute<Conversation[]>(`select ${CONVERSATION_COLUMNS} from conversations where workspace_id = ? and id = ?`, [workspaceId, id]);
  return rows[0] ? conversationRow(rows[0]) : null;
}

export async function retrieveMessage(em: EntityManager, workspaceId: string, id: string): Promise<Message | null> {
  const rows = await em.getConnection().execute<Message[]>(`select ${MESSAGE_COLUMNS} from messages where workspace_id = ? and id = ?`, [workspaceId, id]);
  return rows[0] ? messageRow(rows[0]) : null;
}


export function listChannels(em: EntityManager, workspaceId: string, page: PageParams) {
  return keysetList(em, { list: 'channels', table: 'channels', columns: CHANNEL_COLUMNS, workspaceId, page, hydrate: channelRow, toWire: toChannelWire });
}

export function listConversations(em: EntityManager, workspaceId: string, page: PageParams & { filters: { contact_id?: string; status?: string } }) {
  const where: [string, ...unknown[]][] = [];
  if (page.filters.contact_id) where.push(['contact_id = ?', page.filters.contact_id]);
  if (page.filters.status) where.push(['status = ?', page.filters.status]);
  return keysetList(em, { list: 'conversations', table: 'conversations', columns: CONVERSATION_COLUMNS, workspaceId, page, where, hydrate: conversationRow, toWire: (c) => toConversationWire(c) });
}

export function listMessages(em: EntityManager, workspaceId: string, page: PageParams & { filters: { conversation_id: string } }) {
  return keysetList(em, { list: 'messages', table: 'messages', columns: MESSAGE_COLUMNS, workspaceId, page, where: [['conversation_id = ?', page.filters.conversation_id]], hydrate: messageRow, toWire: toMessageWire });
}

export interface WorkspaceMessageFilters {
  conversation_id?: string;
  contact_id?: string;
  channel_id?: string;
  status?: string;
  direction?: string;
  created_since?: string;
}

/** The workspace's messages across conversations (a BI pipeline's feed); each filter narrows the same keyset walk. */
export function workspaceMessagesList(workspaceId: string, page: PageParams & { filters: WorkspaceMessageFilters }): KeysetListSpec<Message, ReturnType<typeof toMessageWire>> {
  const f = page.filters;
  const where: [string, ...unknown[]][] = [];
  for (const column of ['conversation_id', 'contact_id', 'channel_id', 'status', 'direction'] as const) {
    if (f[column]) where.push([`${column} = ?`, f[column]]);
  }
  if (f.created_since) {
    where.push(['created_at >= ?', new Date(f.created_since)]);
    // a message is never updated before it is created: in updated_at order the same bound ends the index scan
    if (page.sort === 'updated_at') where.push(['updated_at >= ?', new Date(f.created_since)]);
  }
  // every filter column leads an index in both sort orders (messages_{conversation,contact,channel,status}[_updated]_idx)
  return { list: 'workspace_messages', table: 'messages', columns: MESSAGE_COLUMNS, workspaceId, page, where, orderedScan: true, hydrate: messageRow, toWire: toMessageWire };
}

export function listWorkspaceMessages(em: EntityManager, workspaceId: string, page: PageParams & { filters: WorkspaceMessageFilters }) {
  return keysetList(em, workspaceMessagesList(workspaceId, page));
}

export function messagesByIds(em: EntityManager, workspaceId: string, ids: string[]): Promise<Message[]> {
  return rowsByIds(em, 'messages', MESSAGE_COLUMNS, workspaceId, ids, messageRow);
}

// what the channel sender reads and writes besides the wire fields
const SENDER_COLUMNS = `${MESSAGE_COLUMNS}, cause_depth as "causeDepth", cause_flows as "causeFlows", next_attempt_at as "nextAttemptAt", send_attempts as "sendAttempts"`;

/**
 * A set of a workspace's messages, locked in id order (as every writer of messages locks them), as plain rows: a
 * batch that moves hundreds of messages at once reads them without building entities, and writes them back with
 * saveMessageProgress.
 */
export async function lockMessages(em: EntityManager, workspaceId: string, ids: string[]): Promise<Message[]> {
  if (!ids.length) return [];
  const rows = await em.execute<Message[]>(
    `select ${SENDER_COLUMNS} from messages
      where workspace_id = ? and id in (?) order by id for update`,
    [workspaceId, ids],
  );
  return rows.map((r) => ({ ...messageRow(r), nextAttemptAt: toDate(r.nextAttemptAt as unknown as string | null) }));
}

/**
 * Writes back, in one statement, what a status move and the sender change on messages read with lockMessages: the
 * status and its stamps, the provider's id, the failure reason, the version, and the sender's due time and attempts.
 */
export async function saveMessageProgress(em: EntityManager, workspaceId: string, messages: Message[]): Promise<void> {
  if (!messages.length) return;
  // only the columns a move changes (not the text the wire would carry along)
  const rows = messages.map((m) => ({
    id: m.id,
    status: m.status,
    sent_at: iso(m.sentAt),
    delivered_at: iso(m.deliveredAt),
    read_at: iso(m.readAt),
    failed_at: iso(m.failedAt),
    failure_reason: m.failureReason,
    failure_code: m.failureCode ?? null,
    provider_message_id: m.providerMessageId,
    pricing_category: m.pricingCategory ?? null,
    pricing_billable: m.pricingBillable ?? null,
    pricing_model: m.pricingModel ?? null,
    next_attempt_at: iso(m.nextAttemptAt),
    send_attempts: m.sendAttempts ?? 0,
    version: m.version,
    updated_at: m.updatedAt.toISOString(),
  }));
  await em.execute(
    `update messages m set status = x.status, sent_at = x.sent_at, delivered_at = x.delivered_at, read_at = x.read_at, failed_at = x.failed_at,
            failure_reason = x.failure_reason, failure_code = x.failure_code, provider_message_id = x.provider_message_id, next_attempt_at = x.next_attempt_at,
            pricing_category = x.pricing_category, pricing_billable = x.pricing_billable, pricing_model = x.pricing_model,
            send_attempts = x.send_attempts, version = x.version, updated_at = x.updated_at
       from jsonb_to_recordset(?::jsonb) as x(id text, status text, sent_at timestamptz, delivered_at timestamptz, read_at timestamptz,
            failed_at timestamptz, failure_reason text, failure_code text, provider_message_id text, next_attempt_at timestamptz,
            pricing_category text, pricing_billable boolean, pricing_model text, send_attempts int, version int, updated_at timestamptz)
      where m.workspace_id = ? and m.id = x.id collate "C"`,
    [JSON.stringify(rows), workspaceId],
  );
}

/** New conversations in one statement (a broadcast batch's), after the checks that made them. */
export async function insertConversations(em: EntityManager, conversations: Conversation[]): Promise<void> {
  if (!conversations.length) return;
  const rows = conversations.map((c) => ({
    id: c.id,
    workspace_id: c.workspace,
    contact_id: c.contact,
    channel_id: c.channel,
    status: c.status,
    assignee: c.assignee,
    last_inbound_at: iso(c.lastInboundAt),
    version: c.version,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  }));
  await em.execute(
    `insert into conversations (id, workspace_id, contact_id, channel_id, status, assignee, last_inbound_at, version, created_at, updated_at)
     select id, workspace_id, contact_id, channel_id, status, assignee, last_inbound_at, version, created_at, updated_at
       from jsonb_to_recordset(?::jsonb) as x(id text, workspace_id text, contact_id text, channel_id text, status text, assignee text,
            last_inbound_at timestamptz, version int, created_at timestamptz, updated_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}

/** New messages in one statement (a broadcast batch's, built by prepareMessage); their conversations are written first. */
export async function insertMessages(em: EntityManager, messages: Message[]): Promise<void> {
  if (!messages.length) return;
  // the wire names are the table's columns; the rest are what the wire does not show
  const rows = messages.map((m) => ({
    ...toMessageWire(m),
    workspace_id: m.workspace,
    cause_depth: m.causeDepth ?? 0,
    cause_flows: m.causeFlows ?? [],
    next_attempt_at: iso(m.nextAttemptAt),
    send_attempts: m.sendAttempts ?? 0,
    version: m.version,
  }));
  await em.execute(
    `insert into messages (id, workspace_id, conversation_id, contact_id, channel_id, direction, type, text, template_id, parameters, template_arguments, file_id, media_link, interactive, interactive_reply, status,
            failure_reason, provider_message_id, queued_at, sent_at, delivered_at, read_at, failed_at, received_at, send_at, cancelled_at,
            cause_depth, cause_flows, next_attempt_at, send_attempts, version, created_at, updated_at)
     select id, workspace_id, conversation_id, contact_id, channel_id, direction, type, text, template_id, parameters, template_arguments, file_id, media_link, interactive, interactive_reply, status,
            failure_reason, provider_message_id, queued_at, sent_at, delivered_at, read_at, failed_at, received_at, send_at, cancelled_at,
            cause_depth, cause_flows, next_attempt_at, send_attempts, version, created_at, updated_at
       from json_to_recordset(?::json) as x(id text, workspace_id text, conversation_id text, contact_id text, channel_id text, direction text,
            type text, text text, template_id text, parameters json, template_arguments jsonb, file_id text, media_link jsonb, interactive jsonb, interactive_reply jsonb, status text, failure_reason text, provider_message_id text,
            queued_at timestamptz, sent_at timestamptz, delivered_at timestamptz, read_at timestamptz, failed_at timestamptz,
            received_at timestamptz, send_at timestamptz, cancelled_at timestamptz, cause_depth int, cause_flows text[],
            next_attempt_at timestamptz, send_attempts int, version int, created_at timestamptz, updated_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}

/** The open conversations of some contacts on one channel. */
export async function openConversationsOf(em: EntityManager, workspaceId: string, channelId: string, contactIds: string[]): Promise<Conversation[]> {
  if (!contactIds.length) return [];
  const rows = await em.execute<Conversation[]>(
    `select ${CONVERSATION_COLUMNS} from conversations
      where workspace_id = ? and channel_id = ? and status = 'open' and contact_id in (?)`,
    [workspaceId, channelId, contactIds],
  );
  return rows.map(conversationRow);
}
