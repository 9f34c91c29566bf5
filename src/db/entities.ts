import { EntitySchema } from '@mikro-orm/core';

// Plain interfaces mapped with EntitySchema: no decorators, so the same types serve activities, queries and tests.

export interface Workspace {
  id: string;
  name: string;
  apiVersion: string;
  rateLimits: RateLimitSettings;
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
  createdAt: Date;
  updatedAt: Date;
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
  createdAt: Date;
}

export interface IdempotencyRecord {
  id: string;
  workspace: string;
  keyHash: string;
  operationId: string;
  fingerprint: string;
  request: CommandRequest;
  state: 'pending' | 'completed';
  responseStatus?: number | null;
  responseBody?: unknown;
  responseHeaders?: Record<string, string> | null;
  workflowId: string;
  createdAt: Date;
  completedAt?: Date | null;
  expiresAt: Date;
}

/** What a command needs to run, stored in PostgreSQL so that no personal data enters Temporal. */
export interface CommandRequest {
  params: Record<string, string>;
  body: Record<string, unknown> | null;
  requestId: string;
  keyId: string;
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
    createdAt: ts,
    updatedAt: ts,
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
    operationId: { type: 'string' },
    fingerprint: { type: 'string' },
    request: { type: 'json' },
    state: { type: 'string' },
    responseStatus: { type: 'integer', nullable: true },
    responseBody: { type: 'json', nullable: true },
    responseHeaders: { type: 'json', nullable: true },
    workflowId: { type: 'string' },
    createdAt: ts,
    completedAt: { ...ts, nullable: true },
    expiresAt: ts,
  },
});

export const ENTITIES = [
  WorkspaceSchema,
  ApiKeySchema,
  ContactSchema,
  FileSchema,
  EventSchema,
  IdempotencySchema,
];
