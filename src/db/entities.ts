import { ArrayType, BigIntType, EntitySchema, type Platform, type TransformContext } from '@mikro-orm/core';

// Plain interfaces mapped with EntitySchema: no decorators, so the same types serve activities, queries and tests.

export interface Workspace {
  id: string;
  name: string;
  apiVersion: string;
  rateLimits: RateLimitSettings;
  /** every response that shows personal data to a key with pii:read writes an audit record */
  piiReadAudit?: boolean;
  /** contacts may carry attribute keys no definition names */
  allowUndefinedAttributes?: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface RateLimitSettings {
  /** requests per second per key and family */
  default?: number;
  families?: Record<string, number>;
}

export interface ApiKey {
  id: string;
  workspace: string;
  name: string;
  type: 'secret' | 'publishable';
  secretHash: string;
  secretLast4: string;
  scopes: string[];
  apiVersion: string;
  expiresAt?: Date | null;
  revokedAt?: Date | null;
  /** after a roll: the old secret's hash, valid until previousExpiresAt */
  previousSecretHash?: string | null;
  previousExpiresAt?: Date | null;
  /** CIDRs the key may be used from; null: anywhere */
  allowedIps?: string[] | null;
  /** publishable keys: browser origins allowed to use the key; null: any */
  allowedOrigins?: string[] | null;
  lastUsedAt?: Date | null;
  lastUsedIp?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AuditLog {
  id: string;
  workspace: string;
  /** pii.read, api_key.created, api_key.rolled, api_key.revoked, purge.… */
  action: string;
  keyId: string | null;
  operationId: string | null;
  objectIds: string[];
  fields: string[];
  clientIp: string | null;
  requestId: string | null;
  details: Record<string, unknown> | null;
  createdAt: Date;
}

export interface Contact {
  id: string;
  workspace: string;
  phone: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  externalId: string | null;
  attributes: Record<string, string | number | boolean>;
  /** tag names, sorted; kept by the tag commands */
  tags: string[];
  optedInAt?: Date | null;
  optedOutAt?: Date | null;
  /** where the latest consent change came from, as an import stated it */
  consentSource?: string | null;
  /** a merged contact's tombstone names the contact it was merged into */
  mergedInto?: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt?: Date | null;
}

export interface FileRecord {
  id: string;
  workspace: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  purpose: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt?: Date | null;
}

export interface Tag {
  id: string;
  workspace: string;
  /** lower case, unique in the workspace */
  name: string;
  /** live (not deleted) contacts that carry the tag */
  contactCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface Channel {
  id: string;
  workspace: string;
  name: string;
  provider: 'sandbox' | 'http';
  url: string | null;
  signingSecret: string;
  /** hand-offs per second at most, held by the channel's one sender for every worker */
  ratePerSecond: number;
  createdAt: Date;
  updatedAt: Date;
}

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
  type: 'text' | 'template' | 'media';
  text: string | null;
  templateId: string | null;
  parameters: string[] | null;
  fileId: string | null;
  status: MessageStatus;
  failureReason: string | null;
  providerMessageId: string | null;
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

/** A workflow a command asks to start once it has committed (ids only). */
export interface FollowUp {
  workflowType: string;
  workflowId: string;
  args: Record<string, string>[];
  /** cancel this workflow instead of starting it (a cancelled flow run) */
  cancel?: boolean;
  /** a long-lived workflow (an endpoint's dispatcher, a channel's sender): send it this signal, starting it first when it is not running */
  signal?: string;
}

export type TemplateCategory = 'marketing' | 'utility' | 'authentication';
export type TemplateStatus = 'pending' | 'approved' | 'rejected';

export interface Template {
  id: string;
  workspace: string;
  name: string;
  language: string;
  category: TemplateCategory;
  body: string;
  parametersCount: number;
  status: TemplateStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt?: Date | null;
}

export type ContactAttributeType = 'string' | 'number' | 'boolean' | 'date' | 'enum';

/** The definition of one custom attribute key of the workspace's contacts. */
export interface ContactAttribute {
  id: string;
  workspace: string;
  key: string;
  type: ContactAttributeType;
  /** the allowed values of an enum; null for other types */
  options: string[] | null;
  /** masked without pii:read, cleared by privacy purges */
  personal: boolean;
  description: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt?: Date | null;
}

export type OrderStatus = 'pending' | 'paid' | 'fulfilled' | 'delivered' | 'cancelled' | 'refunded';

export interface OrderItem {
  sku: string;
  name: string;
  quantity: number;
  unit_price: number;
  amount: number;
}

export interface Order {
  id: string;
  workspace: string;
  contactId: string;
  status: OrderStatus;
  currency: string;
  items: OrderItem[];
  subtotal: number;
  total: number;
  metadata: Record<string, string | number | boolean>;
  /** the sequence of the order's latest event */
  version: number;
  paidAt?: Date | null;
  fulfilledAt?: Date | null;
  deliveredAt?: Date | null;
  cancelledAt?: Date | null;
  refundedAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface EventRecord {
  id: string;
  workspace: string;
  type: string;
  objectType: string;
  objectId: string;
  sequence: number;
  data: Record<string, unknown>;
  previousAttributes?: Record<string, unknown> | null;
  requestId?: string | null;
  /** what wrote the event (see EventCause in db/events.ts); null for maintenance */
  causeType?: string | null;
  causeId?: string | null;
  causeDepth?: number;
  /** the flows whose runs are upstream of the event (the loop guard's input; never on the wire) */
  causeFlows?: string[];
  createdAt: Date;
}

export interface IdempotencyRecord {
  id: string;
  workspace: string;
  keyHash: string;
  /** who the key belongs to: the API key that made the request, or the channel of a provider callback */
  ownerId: string | null;
  operationId: string;
  fingerprint: string;
  request: CommandRequest;
  state: 'pending' | 'completed';
  responseStatus?: number | null;
  responseBody?: unknown;
  responseHeaders?: Record<string, string> | null;
  workflowId: string;
  followUps?: FollowUp[] | null;
  createdAt: Date;
  completedAt?: Date | null;
  /** when the API read the finished command's response to answer it */
  answeredAt?: Date | null;
  expiresAt: Date;
}

/** What a command needs to run, stored in PostgreSQL so that no personal data enters Temporal. */
export interface CommandRequest {
  params: Record<string, string>;
  body: Record<string, unknown> | null;
  requestId: string;
  keyId: string;
  /** the calling key's scopes when it asked (absent on requests stored before they were recorded: none assumed) */
  scopes?: string[];
  /** the caller's address, for the audit records a command writes */
  clientAddress?: string;
  /**
   * Values the API process made for the command and that are not part of the request's fingerprint, such as the
   * hash of a key secret the API generated (the secret itself is never stored nor sent to Temporal).
   */
  derived?: Record<string, string>;
}

/**
 * text[] that quotes every element: MikroORM's array type leaves a bare `null` element unquoted, which PostgreSQL
 * reads as NULL (a tag named "null" is a valid tag).
 */
export class TextArrayType extends ArrayType<string> {
  override convertToDatabaseValue(value: string[] | null, platform: Platform, context?: TransformContext): string | null {
    if (!Array.isArray(value)) return super.convertToDatabaseValue(value, platform, context);
    return `{${value.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
  }
}

const ts = { type: 'Date', columnType: 'timestamptz(3)' } as const;
const workspaceRef = { type: 'string', fieldName: 'workspace_id' } as const;

export const WorkspaceSchema = new EntitySchema<Workspace>({
  name: 'Workspace',
  tableName: 'workspaces',
  properties: {
    id: { type: 'string', primary: true },
    name: { type: 'string' },
    apiVersion: { type: 'string' },
    rateLimits: { type: 'json' },
    piiReadAudit: { type: 'boolean', fieldName: 'pii_read_audit', default: false },
    allowUndefinedAttributes: { type: 'boolean', fieldName: 'allow_undefined_attributes', default: true },
    createdAt: ts,
    updatedAt: ts,
  },
});

export const ApiKeySchema = new EntitySchema<ApiKey>({
  name: 'ApiKey',
  tableName: 'api_keys',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    name: { type: 'string' },
    type: { type: 'string' },
    secretHash: { type: 'string' },
    secretLast4: { type: 'string', fieldName: 'secret_last4' },
    scopes: { type: 'string[]', columnType: 'text[]' },
    apiVersion: { type: 'string' },
    expiresAt: { ...ts, nullable: true },
    revokedAt: { ...ts, nullable: true },
    previousSecretHash: { type: 'string', nullable: true },
    previousExpiresAt: { ...ts, nullable: true },
    allowedIps: { type: TextArrayType, columnType: 'inet[]', nullable: true },
    allowedOrigins: { type: TextArrayType, columnType: 'text[]', nullable: true },
    lastUsedAt: { ...ts, nullable: true },
    lastUsedIp: { type: 'string', nullable: true },
    createdAt: ts,
    updatedAt: ts,
  },
});

export const AuditLogSchema = new EntitySchema<AuditLog>({
  name: 'AuditLog',
  tableName: 'audit_logs',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    action: { type: 'string' },
    keyId: { type: 'string', nullable: true },
    operationId: { type: 'string', nullable: true },
    objectIds: { type: TextArrayType, columnType: 'text[]' },
    fields: { type: TextArrayType, columnType: 'text[]' },
    clientIp: { type: 'string', nullable: true },
    requestId: { type: 'string', nullable: true },
    details: { type: 'json', nullable: true },
    createdAt: ts,
  },
});

export const ContactSchema = new EntitySchema<Contact>({
  name: 'Contact',
  tableName: 'contacts',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    phone: { type: 'string', nullable: true },
    email: { type: 'string', nullable: true },
    firstName: { type: 'string', nullable: true },
    lastName: { type: 'string', nullable: true },
    externalId: { type: 'string', nullable: true },
    attributes: { type: 'json' },
    tags: { type: TextArrayType, columnType: 'text[]' },
    optedInAt: { ...ts, nullable: true },
    optedOutAt: { ...ts, nullable: true },
    consentSource: { type: 'string', columnType: 'text', nullable: true },
    mergedInto: { type: 'string', columnType: 'text', nullable: true },
    version: { type: 'integer' },
    createdAt: ts,
    updatedAt: ts,
    deletedAt: { ...ts, nullable: true },
  },
});

export const FileSchema = new EntitySchema<FileRecord>({
  name: 'File',
  tableName: 'files',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    filename: { type: 'string' },
    contentType: { type: 'string' },
    size: { type: 'integer' },
    sha256: { type: 'string' },
    purpose: { type: 'string', nullable: true },
    version: { type: 'integer' },
    createdAt: ts,
    updatedAt: ts,
    deletedAt: { ...ts, nullable: true },
  },
});

export const TagSchema = new EntitySchema<Tag>({
  name: 'Tag',
  tableName: 'tags',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    name: { type: 'string' },
    contactCount: { type: 'integer' },
    createdAt: ts,
    updatedAt: ts,
  },
});

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
    ratePerSecond: { type: 'integer', default: 80 },
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

const optionalTs = { ...ts, nullable: true };
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
    fileId: { type: 'string', nullable: true },
    status: { type: 'string' },
    failureReason: { type: 'string', nullable: true },
    providerMessageId: { type: 'string', nullable: true },
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

export const TemplateSchema = new EntitySchema<Template>({
  name: 'Template',
  tableName: 'templates',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    name: { type: 'string' },
    language: { type: 'string' },
    category: { type: 'string' },
    body: { type: 'text' },
    parametersCount: { type: 'integer' },
    status: { type: 'string' },
    version: { type: 'integer' },
    createdAt: ts,
    updatedAt: ts,
    deletedAt: { ...ts, nullable: true },
  },
});

export const ContactAttributeSchema = new EntitySchema<ContactAttribute>({
  name: 'ContactAttribute',
  tableName: 'contact_attributes',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    key: { type: 'string' },
    type: { type: 'string' },
    options: { type: TextArrayType, columnType: 'text[]', nullable: true },
    personal: { type: 'boolean' },
    description: { type: 'text', nullable: true },
    version: { type: 'integer' },
    createdAt: ts,
    updatedAt: ts,
    deletedAt: { ...ts, nullable: true },
  },
});

// amounts are integer minor units; bounded by the spec well inside Number.MAX_SAFE_INTEGER
const money = { type: new BigIntType('number'), columnType: 'bigint' } as const;

export const OrderSchema = new EntitySchema<Order>({
  name: 'Order',
  tableName: 'orders',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    contactId: { type: 'string' },
    status: { type: 'string' },
    currency: { type: 'string' },
    items: { type: 'json' },
    subtotal: money,
    total: money,
    metadata: { type: 'json' },
    version: { type: 'integer' },
    paidAt: { ...ts, nullable: true },
    fulfilledAt: { ...ts, nullable: true },
    deliveredAt: { ...ts, nullable: true },
    cancelledAt: { ...ts, nullable: true },
    refundedAt: { ...ts, nullable: true },
    createdAt: ts,
    updatedAt: ts,
  },
});

export const EventSchema = new EntitySchema<EventRecord>({
  name: 'Event',
  tableName: 'events',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    type: { type: 'string' },
    objectType: { type: 'string' },
    objectId: { type: 'string' },
    sequence: { type: 'integer' },
    data: { type: 'json' },
    previousAttributes: { type: 'json', nullable: true },
    requestId: { type: 'string', nullable: true },
    causeType: { type: 'string', nullable: true },
    causeId: { type: 'string', nullable: true },
    causeDepth: { type: 'integer', default: 0 },
    causeFlows: { type: TextArrayType, columnType: 'text[]', defaultRaw: `'{}'` },
    createdAt: ts,
  },
});

export const IdempotencySchema = new EntitySchema<IdempotencyRecord>({
  name: 'IdempotencyRecord',
  tableName: 'idempotency_keys',
  properties: {
    id: { type: 'uuid', primary: true },
    workspace: workspaceRef,
    keyHash: { type: 'string' },
    ownerId: { type: 'string', nullable: true },
    operationId: { type: 'string' },
    fingerprint: { type: 'string' },
    request: { type: 'json' },
    state: { type: 'string' },
    responseStatus: { type: 'integer', nullable: true },
    responseBody: { type: 'json', nullable: true },
    responseHeaders: { type: 'json', nullable: true },
    workflowId: { type: 'string' },
    followUps: { type: 'json', nullable: true },
    createdAt: ts,
    completedAt: { ...ts, nullable: true },
    answeredAt: { ...ts, nullable: true },
    expiresAt: ts,
  },
});

export interface WebhookEndpoint {
  id: string;
  workspace: string;
  url: string;
  eventTypes: string[];
  description: string | null;
  enabled: boolean;
  disabledReason: 'manual' | 'gone' | 'failing' | null;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  /** start of the current run of failed attempts; null after a success */
  failingSince: Date | null;
  /** deliveries show personal data in clear: the key that made or last changed the endpoint had pii:read */
  piiRead: boolean;
  /** that key, named by the PII-read audit records of deliveries */
  piiKeyId: string | null;
  /** attempts in flight at once to this endpoint (1..50) */
  maxConcurrency: number;
  /** the API version its payloads are shaped for, at each attempt (src/webhooks/payload.ts) */
  apiVersion: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'dead';

export interface WebhookDelivery {
  id: string;
  workspace: string;
  endpoint: string;
  event: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  /** the attempt count when the current run of the retry timetable began (a replay starts a new run) */
  timetableStart: number;
  /** held while a batch sends the next attempt (src/webhooks/delivery.ts) */
  leaseUntil?: Date | null;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const WebhookEndpointSchema = new EntitySchema<WebhookEndpoint>({
  name: 'WebhookEndpoint',
  tableName: 'webhook_endpoints',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    url: { type: 'string' },
    eventTypes: { type: TextArrayType, columnType: 'text[]' },
    description: { type: 'string', nullable: true },
    enabled: { type: 'boolean' },
    disabledReason: { type: 'string', nullable: true },
    secret: { type: 'string' },
    previousSecret: { type: 'string', nullable: true },
    previousSecretExpiresAt: { ...ts, nullable: true },
    failingSince: { ...ts, nullable: true },
    piiRead: { type: 'boolean' },
    piiKeyId: { type: 'string', nullable: true },
    maxConcurrency: { type: 'integer' },
    apiVersion: { type: 'string' },
    version: { type: 'integer' },
    createdAt: ts,
    updatedAt: ts,
    deletedAt: { ...ts, nullable: true },
  },
});

export const WebhookDeliverySchema = new EntitySchema<WebhookDelivery>({
  name: 'WebhookDelivery',
  tableName: 'webhook_deliveries',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    endpoint: { type: 'string', fieldName: 'endpoint_id' },
    event: { type: 'string', fieldName: 'event_id' },
    eventType: { type: 'string' },
    status: { type: 'string' },
    attemptCount: { type: 'integer' },
    timetableStart: { type: 'integer' },
    leaseUntil: { ...ts, nullable: true },
    nextAttemptAt: { ...ts, nullable: true },
    lastAttemptAt: { ...ts, nullable: true },
    createdAt: ts,
    updatedAt: ts,
  },
});

/** A bulk command's job: its items live in bulk_job_items (read and written with SQL, keyed by job and index). */
export interface BulkJob {
  id: string;
  workspace: string;
  /** idempotency_keys.id of the bulk command */
  commandId: string;
  operationId: string;
  status: 'running' | 'completed';
  total: number;
  chunkSize: number;
  createdAt: Date;
  updatedAt: Date;
  completedAt?: Date | null;
}

export interface BulkJobItem {
  jobId: string;
  idx: number;
  input: Record<string, unknown>;
  /** null until the item's chunk has applied it */
  status: number | null;
  resultId: string | null;
  error: Record<string, unknown> | null;
}

export const BulkJobSchema = new EntitySchema<BulkJob>({
  name: 'BulkJob',
  tableName: 'bulk_jobs',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    commandId: { type: 'uuid' },
    operationId: { type: 'string' },
    status: { type: 'string' },
    total: { type: 'integer' },
    chunkSize: { type: 'integer' },
    createdAt: ts,
    updatedAt: ts,
    completedAt: { ...ts, nullable: true },
  },
});

export const ENTITIES = [
  BulkJobSchema,
  WebhookEndpointSchema,
  WebhookDeliverySchema,
  WorkspaceSchema,
  ApiKeySchema,
  AuditLogSchema,
  ContactSchema,
  TemplateSchema,
  ContactAttributeSchema,
  OrderSchema,
  TagSchema,
  FileSchema,
  EventSchema,
  IdempotencySchema,
  ChannelSchema,
  ConversationSchema,
  MessageSchema,
];
