// Webhook endpoints and their deliveries.
import { EntitySchema } from '@mikro-orm/core';
import { TextArrayType, ts, workspaceRef } from './columns';

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
