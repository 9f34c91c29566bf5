import type { MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { ApiError } from '../errors';
import { loggableError } from '../db/driver-errors';
import { newId } from '../ids';
import { logger } from '../logger';
import type { ApiRequest, ResponseAudit } from './context';
import { auditBatchRecords } from '../metrics';
import { personalDataIn } from '../privacy/personal-data';

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
  details: Record<string, unknown> | null;
  created_at: string;
}

const INSERT_SQL = `
  insert into audit_logs (id, workspace_id, action, key_id, operation_id, object_ids, fields, client_ip, request_id, details, created_at)
  select id, workspace_id, action, key_id, operation_id, object_ids, fields, client_ip, request_id, details, created_at
  from jsonb_to_recordset(cast(? as jsonb)) as x(id text, workspace_id text, action text, key_id text, operation_id text,
    object_ids text[], fields text[], client_ip text, request_id text, details jsonb, created_at timestamptz)`;

/**
 * PII-read audit records, written by group commit: a record joins the batch being gathered, and one multi-row insert
 * writes up to AUDIT_BATCH_MAX records. While one insert runs, the next batch gathers, so under load each insert
 * carries many records, and alone a record costs one insert round trip. The response that shows the personal data
 * waits for its record to commit: no personal data leaves without its audit record, and a crash loses none.
 */
export class PiiReadAudit implements ResponseAudit {
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
      details: null,
      created_at: new Date().toISOString(),
    });
  }

  /** The audit record of an MCP tool call, written before the call runs (`mcp.tool_called`: the tool, never its input). */
  forToolCall(req: ApiRequest, tool: string): Promise<void> {
    const auth = req.ctx.auth!;
    return this.record({
      id: newId('aud'),
      workspace_id: auth.workspaceId,
      action: 'mcp.tool_called',
      key_id: auth.keyId,
      operation_id: req.ctx.operation?.operationId ?? null,
      object_ids: [],
      fields: [],
      client_ip: req.ctx.clientAddress ?? null,
      request_id: req.ctx.requestId,
      details: { tool },
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
        auditBatchRecords.observe(batch.length);
        for (const b of batch) b.done();
      } catch (err) {
        // the failed insert's message may quote the records' values
        logger.error({ err: loggableError(err), records: batch.length }, 'writing audit records failed');
        const refusal = new ApiError('database_unavailable', 'The audit record of this request could not be written; retry shortly', {}, { 'Retry-After': '2' });
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
