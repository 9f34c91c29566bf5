import type { EntityManager } from '@mikro-orm/postgresql';
import type { ListPage, PageParams } from '../pagination';
import { idFromSeed } from '../ids';
import { AuditLogSchema, type AuditLog } from './entities';
import type { CommandContext } from './events';
import { keysetList } from './keyset';
import { toDate } from './timestamps';
import type { Schema } from '../types/wire';

export type AuditLogWire = Schema<'AuditLog'>;

export function toAuditLogWire(a: AuditLog): AuditLogWire {
  return {
    id: a.id,
    object: 'audit_log',
    action: a.action,
    key_id: a.keyId,
    operation_id: a.operationId,
    object_ids: a.objectIds,
    fields: a.fields,
    client_ip: a.clientIp,
    request_id: a.requestId,
    details: a.details,
    created_at: a.createdAt.toISOString(),
    updated_at: a.createdAt.toISOString(),
  };
}

export interface CommandAudit {
  /** api_key.created, api_key.rolled, api_key.revoked, purge.requested, … */
  action: string;
  objectIds: string[];
  /** what the action was, without personal data */
  details?: Record<string, unknown>;
}

/**
 * Queues an audit record in the command's unit of work: key and purge actions are always audited, and the record
 * commits with the change or not at all. `n` tells apart several records of one command.
 */
export function recordAudit(em: EntityManager, ctx: CommandContext, n: number, a: CommandAudit): void {
  em.create(AuditLogSchema, {
    id: idFromSeed('aud', ctx.seed, n),
    workspace: ctx.workspaceId,
    action: a.action,
    keyId: ctx.actor?.keyId ?? null,
    operationId: ctx.actor?.operationId ?? null,
    objectIds: a.objectIds,
    fields: [],
    clientIp: ctx.actor?.clientAddress ?? null,
    requestId: ctx.requestId,
    details: a.details ?? null,
    createdAt: ctx.now,
  });
}

export interface AuditLogFilters {
  key_id?: string;
  operation_id?: string;
  action?: string;
  object_id?: string;
  created_since?: string;
  created_before?: string;
}

const COLUMNS = `id, workspace_id as "workspace", action, key_id as "keyId", operation_id as "operationId", object_ids as "objectIds", fields,
  client_ip as "clientIp", request_id as "requestId", details, created_at as "createdAt"`;

export async function listAuditLogs(em: EntityManager, workspaceId: string, page: PageParams & { filters: AuditLogFilters }): Promise<ListPage<AuditLogWire>> {
  const f = page.filters;
  const where: [string, ...unknown[]][] = [];
  if (f.key_id) where.push(['key_id = ?', f.key_id]);
  if (f.operation_id) where.push(['operation_id = ?', f.operation_id]);
  if (f.action) where.push(['action = ?', f.action]);
  if (f.object_id) where.push(['object_ids @> array[cast(? as text)]', f.object_id]);
  if (f.created_since) where.push(['created_at >= ?', new Date(f.created_since)]);
  if (f.created_before) where.push(['created_at < ?', new Date(f.created_before)]);
  return keysetList(em, {
    list: 'audit_logs',
    table: 'audit_logs',
    columns: COLUMNS,
    workspaceId,
    page,
    where,
    hydrate: (r: AuditLog) => ({ ...r, createdAt: toDate(r.createdAt) }),
    toWire: toAuditLogWire,
  });
}
