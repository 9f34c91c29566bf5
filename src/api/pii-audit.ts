import type { MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { ApiError } from '../errors';
import { newId } from '../ids';
import { logger } from '../logger';
import type { ApiRequest } from './context';

/**
 * Personal fields by object type: what a key without `pii:read` sees masked, and what a PII-read audit record names
 * when a key with it sees them in clear.
 */
export const PERSONAL_FIELDS: Record<string, string[]> = {
  contact: ['phone', 'email', 'first_name', 'last_name'],
  message: ['text'],
};

/** The objects (by id) and the personal fields a response body shows; fields only when they hold a value. */
export function personalDataIn(body: unknown): { objectIds: string[]; fields: string[] } {
  const ids = new Set<string>();
  const fields = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    const personal = typeof obj.object === 'string' ? PERSONAL_FIELDS[obj.object] : undefined;
    if (personal && typeof obj.id === 'string') {
      const shown = personal.filter((f) => obj[f] !== null && obj[f] !== undefined);
      if (shown.length) {
        ids.add(obj.id);
        for (const f of shown) fields.add(`${obj.object}.${f}`);
      }
    }
    // an event's previous values of a contact's personal fields are that contact's personal data too
    if (obj.object === 'event' && obj.data && typeof obj.data === 'object') {
      const data = obj.data as { object?: { id?: unknown; object?: unknown }; previous_attributes?: Record<string, unknown> };
      const of = data.object && typeof data.object.object === 'string' ? PERSONAL_FIELDS[data.object.object] : undefined;
      if (of && data.previous_attributes && typeof data.object?.id === 'string') {
        const shown = of.filter((f) => data.previous_attributes![f] !== null && data.previous_attributes![f] !== undefined);
        if (shown.length) {
          ids.add(data.object.id);
          for (const f of shown) fields.add(`${data.object.object as string}.previous_attributes.${f}`);
        }
      }
    }
    for (const v of Object.values(obj)) if (v && typeof v === 'object') visit(v);
  };
  visit(body);
  return { objectIds: [...ids], fields: [...fields].sort() };
}

interface AuditRow {
  id: string;
  workspace_id: string;
  action: string;
  key_id: string;
  operation_id: string | null;
  object_ids: string[];
  fields: string[];
  client_ip: string | null;
  request_id: string;
  created_at: string;
}

const INSERT_SQL = `
  insert into audit_logs (id, workspace_id, action, key_id, operation_id, object_ids, fields, client_ip, request_id, created_at)
  select id, workspace_id, action, key_id, operation_id, object_ids, fields, client_ip, request_id, created_at
  from jsonb_to_recordset(cast(? as jsonb)) as x(id text, workspace_id text, action text, key_id text, operation_id text,
    object_ids text[], fields text[], client_ip text, request_id text, created_at timestamptz)`;

/**
 * PII-read audit records, written by group commit: a record joins the batch being gathered, and one multi-row insert
 * writes up to AUDIT_BATCH_MAX records. While one insert runs, the next batch gathers, so under load each insert
 * carries many records, and alone a record costs one insert round trip. The response that shows the personal data
 * waits for its record to commit: no personal data leaves without its audit record, and a crash loses none.
 */
export class PiiReadAudit {
  private queue: { row: AuditRow; done: (err?: Error) => void }[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly batchMax = config.auditBatchMax,
  ) {}

  /** The audit record for a response, when its caller sees personal data in clear and the workspace audits that. */
  forResponse(req: ApiRequest, body: unknown): Promise<void> | null {
    const auth = req.ctx.auth;
    if (!auth?.piiReadAudit || auth.keyType === 'provider' || !auth.scopes.includes('pii:read')) return null;
    const { objectIds, fields } = personalDataIn(body);
    if (!objectIds.length) return null;
    return this.record({
      id: newId('aud'),
      workspace_id: auth.workspaceId,
      action: 'pii.read',
      key_id: auth.keyId,
      operation_id: req.ctx.operation?.operationId ?? null,
      object_ids: objectIds,
      fields,
      client_ip: req.ctx.clientAddress ?? null,
      request_id: req.ctx.requestId,
      created_at: new Date().toISOString(),
    });
  }

  private record(row: AuditRow): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ row, done: (err) => (err ? reject(err) : resolve()) });
      this.draining ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    // let the responses being written in this turn of the event loop join the first batch
    await new Promise((r) => setImmediate(r));
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.batchMax);
      try {
        await this.orm.em.getConnection().execute(INSERT_SQL, [JSON.stringify(batch.map((b) => b.row))]);
        for (const b of batch) b.done();
      } catch (err) {
        logger.error({ err: { message: (err as Error).message }, records: batch.length }, 'writing PII-read audit records failed');
        const refusal = new ApiError('database_unavailable', 'The audit record of this read could not be written; retry shortly', {}, { 'Retry-After': '2' });
        for (const b of batch) b.done(refusal);
      }
    }
    this.draining = null;
  }

  /** Waits for every record already taken (on shutdown, after the server stopped taking requests). */
  async close(): Promise<void> {
    while (this.draining) await this.draining;
  }
}
