// Channels, conversations and messages.
import { EntitySchema } from '@mikro-orm/core';
import type { TemplateArguments } from './templates';
import { TextArrayType, optionalTs, ts, workspaceRef } from './columns';
import type { Schema } from '../../types/wire';

/** An interactive message's reply buttons or list, in the shape the API takes and shows. */
export type InteractiveContent = Schema<'Interactive'>;
/** The button or row an inbound message answers with. */
export type InteractiveReply = Schema<'InteractiveReply'>;

export interface Channel {
  id: string;
  workspace: string;
  name: string;
  provider: 'sandbox' | 'http' | 'whatsapp_cloud';
  url: string | null;
  signingSecret: string;
  /** a whatsapp_cloud channel's Cloud API number; the secrets are sealed (sealSecret), never shown after the create */
  whatsappPhoneNumberId?: string | null;
  whatsappWabaId?: string | null;
  /** the number's display form (digits only) as Meta's notifications about this phone number id give it; null until one came */
  whatsappDisplayPhoneNumber?: string | null;
  whatsappAccessToken?: string | null;
  whatsappAccessTokenHint?: string | null;
  whatsappAppSecret?: string | null;
  whatsappVerifyToken?: string | null;
  whatsappApiVersion?: string | null;
  whatsappBaseUrl?: string | null;
  /** hand-offs per second at most, held by the channel's one sender for every worker */
  ratePerSecond: number;
  /** a whatsapp_cloud channel's number health as the provider reports it (src/channels/number-health.ts); null for other providers */
  qualityRating?: QualityRating | null;
  messagingTier?: MessagingTier | null;
  /** the provider's time of the last quality update applied: an older one (or a replay) changes nothing */
  qualityUpdatedAt?: Date | null;
  version?: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface MediaLink {
  url: string;
  type: 'image' | 'video' | 'audio' | 'document';
  filename: string | null;
}

export type QualityRating = 'green' | 'yellow' | 'red' | 'unknown';
export type MessagingTier = 'tier_250' | 'tier_1k' | 'tier_10k' | 'tier_100k' | 'tier_unlimited';

export interface Conversation {
  id: string;
  workspace: string;
  contact: string;
  channel: string;
  status: 'open' | 'closed';
  assignee: string | null;
  lastInboundAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type MessageStatus = 'scheduled' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'cancelled' | 'received';

export interface Message {
  id: string;
  workspace: string;
  conversation: string;
  contact: string;
  channel: string;
  direction: 'inbound' | 'outbound';
  type: 'text' | 'template' | 'media' | 'interactive';
  text: string | null;
  templateId: string | null;
  parameters: string[] | null;
  /** a template send's named, header and button parameters */
  templateArguments?: TemplateArguments | null;
  fileId: string | null;
  /** a media message's medium by a public link, which the provider fetches */
  mediaLink?: MediaLink | null;
  interactive?: InteractiveContent | null;
  interactiveReply?: InteractiveReply | null;
  status: MessageStatus;
  failureReason: string | null;
  /** the problem code of a failure, when one is known (a provider's refusal mapped to ours) */
  failureCode?: string | null;
  providerMessageId: string | null;
  /** what the provider's status notifications say it charges (WhatsApp Cloud API) */
  pricingCategory?: string | null;
  pricingBillable?: boolean | null;
  pricingModel?: string | null;
  queuedAt: Date | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  failedAt: Date | null;
  receivedAt: Date | null;
  /** a scheduled message's time to be queued for its channel's sender; null for one sent at once */
  sendAt?: Date | null;
  cancelledAt?: Date | null;
  /** the depth and upstream flows of what queued it: its receipts' events inherit them */
  causeDepth?: number;
  causeFlows?: string[];
  /** when the channel's sender next acts on it (hand-off, retry, simulated receipt); null when nothing is left to do */
  nextAttemptAt?: Date | null;
  /** hand-offs that met a transient error */
  sendAttempts?: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const ChannelSchema = new EntitySchema<Channel>({
  name: 'Channel',
  tableName: 'channels',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    name: { type: 'string' },
    provider: { type: 'string' },
    url: { type: 'string', nullable: true },
    signingSecret: { type: 'string' },
    whatsappPhoneNumberId: { type: 'string', nullable: true },
    whatsappWabaId: { type: 'string', nullable: true },
    whatsappDisplayPhoneNumber: { type: 'string', nullable: true },
    whatsappAccessToken: { type: 'string', nullable: true },
    whatsappAccessTokenHint: { type: 'string', nullable: true },
    whatsappAppSecret: { type: 'string', nullable: true },
    whatsappVerifyToken: { type: 'string', nullable: true },
    whatsappApiVersion: { type: 'string', nullable: true },
    whatsappBaseUrl: { type: 'string', nullable: true },
    ratePerSecond: { type: 'integer', default: 80 },
    qualityRating: { type: 'string', nullable: true },
    messagingTier: { type: 'string', nullable: true },
    qualityUpdatedAt: { ...optionalTs },
    version: { type: 'integer', default: 1 },
    createdAt: ts,
    updatedAt: ts,
  },
});

export const ConversationSchema = new EntitySchema<Conversation>({
  name: 'Conversation',
  tableName: 'conversations',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    contact: { type: 'string', fieldName: 'contact_id' },
    channel: { type: 'string', fieldName: 'channel_id' },
    status: { type: 'string' },
    assignee: { type: 'string', nullable: true },
    lastInboundAt: { ...ts, nullable: true },
    version: { type: 'integer' },
    createdAt: ts,
    updatedAt: ts,
  },
});

export const MessageSchema = new EntitySchema<Message>({
  name: 'Message',
  tableName: 'messages',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    conversation: { type: 'string', fieldName: 'conversation_id' },
    contact: { type: 'string', fieldName: 'contact_id' },
    channel: { type: 'string', fieldName: 'channel_id' },
    direction: { type: 'string' },
    type: { type: 'string' },
    text: { type: 'string', nullable: true },
    templateId: { type: 'string', nullable: true },
    parameters: { type: 'json', nullable: true },
    templateArguments: { type: 'json', nullable: true },
    fileId: { type: 'string', nullable: true },
    mediaLink: { type: 'json', nullable: true },
    interactive: { type: 'json', nullable: true },
    interactiveReply: { type: 'json', nullable: true },
    status: { type: 'string' },
    failureReason: { type: 'string', nullable: true },
    failureCode: { type: 'string', nullable: true },
    providerMessageId: { type: 'string', nullable: true },
    pricingCategory: { type: 'string', nullable: true },
    pricingBillable: { type: 'boolean', nullable: true },
    pricingModel: { type: 'string', nullable: true },
    queuedAt: optionalTs,
    sentAt: optionalTs,
    deliveredAt: optionalTs,
    readAt: optionalTs,
    failedAt: optionalTs,
    receivedAt: optionalTs,
    sendAt: optionalTs,
    cancelledAt: optionalTs,
    causeDepth: { type: 'integer', default: 0 },
    causeFlows: { type: TextArrayType, columnType: 'text[]', defaultRaw: `'{}'` },
    nextAttemptAt: optionalTs,
    sendAttempts: { type: 'integer', default: 0 },
    version: { type: 'integer' },
    createdAt: ts,
    updatedAt: ts,
  },
});
