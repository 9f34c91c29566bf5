// Commands: the stored request of each mutation under its Idempotency-Key, and what it asks for after its commit.
import { EntitySchema } from '@mikro-orm/core';
import { ts, workspaceRef } from './columns';

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
