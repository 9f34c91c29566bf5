// A workspace, its API keys and its audit log.
import { EntitySchema } from '@mikro-orm/core';
import type { Schema } from '../../types/wire';
import { TextArrayType, ts, workspaceRef } from './columns';

export interface Workspace {
  id: string;
  name: string;
  apiVersion: string;
  rateLimits: RateLimitSettings;
  /** every response that shows personal data to a key with pii:read writes an audit record */
  piiReadAudit?: boolean;
  /** contacts may carry attribute keys no definition names */
  allowUndefinedAttributes?: boolean;
  /** the live side of a workspace; false for its test side */
  livemode: boolean;
  /** on a test side: its live side */
  liveWorkspaceId?: string | null;
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
  scopes: Schema<'ApiKey'>['scopes'];
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
    livemode: { type: 'boolean', default: true },
    liveWorkspaceId: { type: 'string', fieldName: 'live_workspace_id', nullable: true },
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
