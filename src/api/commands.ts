import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { WorkflowFailedError, type Client, type Connection } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { config } from '../config';
import type { CommandRequest } from '../db/entities';
import { ApiError } from '../errors';
import { awaitLocalAnswer } from '../engine/command-answers';
import { commandWorkflowOf } from '../commands/registry';
import { sha256Hex } from '../ids';
import { logger } from '../logger';
import { searchKeys } from '../engine/temporal';
import type { CommandInput, CommandOutcome } from '../engine/types';
import type { CommandsWorker } from './commands-worker';
import { commandStarts } from './temporal-rpcs';
import type { AuthedRequest, HandlerResult } from './context';

export interface CommandDeps {
  orm: MikroORM;
  client: Client;
  connection: Connection;
  /** this process's commands worker: while it runs, commands start on its connection and ask for eager execution */
  commandsWorker?: CommandsWorker;
}

interface ClaimRow {
  id: string;
  workflow_id: string;
  fingerprint: string;
  operation_id: string;
  request: CommandRequest;
  state: 'pending' | 'completed';
  response_status: number | null;
  response_body: unknown;
  inserted: boolean;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * JSON-pointer diff between two request bodies: where an integrator's request differs from the first one under its
 * key, with what this request sent there (`received`, absent where it sent nothing). The first request's values are
 * never shown: an error body is no way to read back what was stored.
 */
export function diffBodies(original: unknown, received: unknown, pointer = ''): { pointer: string; received?: unknown }[] {
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (isObj(original) && isObj(received)) {
    const keys = [...new Set([...Object.keys(original), ...Object.keys(received)])].sort();
    return keys.flatMap((k) => {
      const p = `${pointer}/${escapePointer(k)}`;
      if (!(k in original)) return [{ pointer: p, received: received[k] }];
      if (!(k in received)) return [{ pointer: p }];
      return diffBodies(original[k], received[k], p);
    });
  }
  return canonicalJson(original) === canonicalJson(received) ? [] : [{ pointer: pointer || '/', received }];
}

// A key belongs to its owner (the API key, or a provider callback's channel): two owners' equal keys are two claims.
const CLAIM_SQL = `
  insert into idempotency_keys as i (id, workspace_id, owner_id, key_hash, operation_id, fingerprint, request, state, workflow_id, expires_at)
  values (?, ?, ?, ?, ?, ?, ?, 'pending', ?, now() + make_interval(hours => ?))
  on conflict (workspace_id, owner_id, key_hash) do update
    set id = excluded.id, operation_id = excluded.operation_id, fingerprint = excluded.fingerprint, request = excluded.request,
        state = 'pending', response_status = null, response_body = null, response_headers = null,
        workflow_id = excluded.workflow_id, created_at = now(), completed_at = null, answered_at = null, expires_at = excluded.expires_at
    where i.expires_at < now()
  returning id, workflow_id, fingerprint, operation_id, request, state, response_status, response_body, true as inserted`;

const EXISTING_SQL = `select id, workflow_id, fingerprint, operation_id, request, state, response_status, response_body, false as inserted
  from idempotency_keys where workspace_id = ? and owner_id = ? and key_hash = ?`;

// reads a finished command's response and marks it answered, which is what lets a privacy purge delete it
const ANSWER_SQL = `update idempotency_keys set answered_at = now() where workspace_id = ? and owner_id = ? and key_hash = ? and state = 'completed'
  returning id, workflow_id, fingerprint, operation_id, request, state, response_status, response_body, false as inserted`;

/** gRPC status of a Temporal client error (ServiceError wraps it in `cause`). */
function grpcCode(err: unknown): number | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'number') return e.code;
  }
  return undefined;
}

// How long a request waits for its eagerly started command to be answered by this process's own worker before it asks
// the history instead (a command that runs longer, or whose workflow task went to another worker)
const LOCAL_ANSWER_WAIT_MS = 2_000;

// UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED (a deadline reached while the client retried)
const TRANSIENT_GRPC = new Set([14, 4, 1]);

/**
 * Runs a mutation as a Temporal workflow under its Idempotency-Key: claim the key in PostgreSQL, start (or join)
 * the workflow, wait a bounded time for its result, and answer with the response the command stored.
 */
export interface RunCommandOptions {
  /** overrides the header for callers whose requests carry their own identity (a provider's message id) */
  idempotencyKey?: string;
  /** replaces the request body when the wire body is not what the command runs on (an upload's metadata) */
  body?: Record<string, unknown>;
  /**
   * What the fingerprint is computed on instead of the body, for a body that must not outlive its command in the
   * clear (a purge request's phone or email): the stored request can then be sealed and a retry still matches it.
   */
  fingerprintBody?: Record<string, unknown>;
  /** how long to wait for the workflow before answering without its result (default COMMAND_WAIT_MS) */
  waitMs?: number;
  /**
   * For long commands (bulk jobs): the answer while the command is still running, such as `202` with the resource
   * that shows its progress. Null (nothing to show yet, say the worker is down) falls back to 503 / 409.
   */
  whilePending?: (commandId: string) => Promise<HandlerResult | null>;
  /** values this API process made for the command, stored with the request but outside its fingerprint */
  derived?: Record<string, string>;
}

export type RunCommand = (req: AuthedRequest, opts?: RunCommandOptions) => Promise<HandlerResult>;

export function commandRunner(deps: CommandDeps): RunCommand {
  return async function runCommand(req: AuthedRequest, opts: RunCommandOptions = {}): Promise<HandlerResult> {
    const { auth, operation: op, requestId } = req.ctx;
    // a read (GET, or a POST marked x-read such as a search) never becomes a command
    if (op.read) throw new Error(`${op.operationId} is a read; it cannot run as a command`);
    const key = opts.idempotencyKey ?? req.get('idempotency-key') ?? randomUUID();
    const keyHash = sha256Hex(key);
    // the key id, or for a provider callback its channel's id
    const owner = auth.keyId;
    const params = { ...(req.params as Record<string, string>) };
    const body = opts.body ?? (op.hasBody ? ((req.body as Record<string, unknown>) ?? null) : null);
    const request: CommandRequest = { params, body, requestId, keyId: auth.keyId, scopes: auth.scopes, clientAddress: req.ctx.clientAddress, ...(opts.derived ? { derived: opts.derived } : {}) };
    const fingerprint = sha256Hex(canonicalJson({ operation: op.operationId, params, body: opts.fingerprintBody ?? body }));
    // the owner is hashed in too, so two owners' equal keys never join one workflow; no raw key, no PII
    const workflowId = `${auth.workspaceId}/${op.operationId}/${sha256Hex(`${owner}\n${key}`)}`;
    const conn = deps.orm.em.getConnection();
    // a key the handler derived (a provider's message id) is no header of the caller's: it is not echoed, and it
    // may hold any character the provider used (found by fuzzing: a newline in it made the answer a 500)
    const keyHeaders: Record<string, string> = opts.idempotencyKey ? {} : { 'Idempotency-Key': key };

    let [row] = await conn.execute<ClaimRow[]>(CLAIM_SQL, [
      randomUUID(), auth.workspaceId, owner, keyHash, op.operationId, fingerprint, JSON.stringify(request), workflowId, config.idempotencyTtlHours,
    ]);
    if (!row) [row] = await conn.execute<ClaimRow[]>(EXISTING_SQL, [auth.workspaceId, owner, keyHash]);
    if (!row) throw new Error('idempotency claim vanished');

    if (row.fingerprint !== fingerprint) {
      const sameOperation = row.operation_id === op.operationId;
      const diff = [
        ...diffBodies(row.request.params, params).map((d) => ({ ...d, pointer: `/path${d.pointer}` })),
        ...diffBodies(row.request.body ?? {}, body ?? {}),
      ];
      throw new ApiError(
        'idempotency_key_reused',
        sameOperation
          ? 'This Idempotency-Key was first used with a different request; see `diff`. Use a new key for a new request.'
          : `This Idempotency-Key was first used for ${row.operation_id}; use a new key for a new request.`,
        { diff },
      );
    }
    const replayed = !row.inserted;
    if (row.state === 'completed') return stored(row, { ...keyHeaders, 'Idempotent-Replayed': 'true' });

    const input: Pick<CommandInput, 'commandId'> = { commandId: row.id };
    const pendingHeaders = { 'Retry-After': '2', ...keyHeaders };
    // eager: the server hands the first workflow task back with the start, to this process's own worker
    const local = deps.commandsWorker?.current();
    const engine: { client: Client; connection: Pick<Connection, 'withDeadline'> } = local ?? deps;
    // that worker says when the workflow has its outcome; asked before the start, which may get that far first
    const localAnswer = local ? awaitLocalAnswer(row.workflow_id) : null;
    let handle;
    try {
      handle = await within(engine.connection, config.temporalRpcTimeoutMs, () =>
        engine.client.workflow.start(commandWorkflowOf(op.operationId), {
          // the claim's own: a command claimed before an upgrade keeps the workflow it may already have
          workflowId: row.workflow_id,
          taskQueue: config.taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'ALLOW_DUPLICATE',
          requestEagerStart: Boolean(local),
          typedSearchAttributes: new TypedSearchAttributes([
            { key: searchKeys.workspaceId, value: auth.workspaceId },
            { key: searchKeys.operationId, value: op.operationId },
            { key: searchKeys.requestId, value: requestId },
          ]),
        }),
      );
      commandStarts.inc({ eager: String(handle.eagerlyStarted) });
    } catch (err) {
      localAnswer?.release();
      if (!TRANSIENT_GRPC.has(grpcCode(err) ?? -1)) throw err;
      // nothing started (or a start cut off in flight lands later): the claim stays pending and a retry with the same
      // key starts or joins it
      throw new ApiError('temporal_unavailable', 'The workflow engine is unreachable; retry with the same Idempotency-Key', {}, pendingHeaders);
    }
    const answerHeaders = replayed ? { ...keyHeaders, 'Idempotent-Replayed': 'true' } : keyHeaders;
    const waitMs = opts.waitMs ?? config.commandWaitMs;
    const waitedFrom = Date.now();
    if (localAnswer) {
      // run here: answered without a history poll; else (run elsewhere, failed, or still running) the history tells
      if (handle.eagerlyStarted && (await localAnswer.within(Math.min(waitMs, LOCAL_ANSWER_WAIT_MS)))) {
        const [done] = await conn.execute<ClaimRow[]>(ANSWER_SQL, [auth.workspaceId, owner, keyHash]);
        if (done) return stored(done, answerHeaders);
      }
      localAnswer.release();
    }
    let outcome: CommandOutcome;
    try {
      outcome = await within(engine.connection, Math.max(1, waitMs - (Date.now() - waitedFrom)), () => handle.result() as Promise<CommandOutcome>);
    } catch (err) {
      if (err instanceof WorkflowFailedError) {
        logger.error({ request_id: requestId, operation: op.operationId, cause: err.cause?.message }, 'command workflow failed');
        throw new ApiError('internal_error');
      }
      if (!TRANSIENT_GRPC.has(grpcCode(err) ?? -1)) throw err;
      // the command is durable in Temporal and finishes when a worker is back; the same key returns its result
      const [now] = await conn.execute<ClaimRow[]>(ANSWER_SQL, [auth.workspaceId, owner, keyHash]);
      if (now) return stored(now, answerHeaders);
      const accepted = opts.whilePending && (await opts.whilePending(row.id));
      if (accepted) return { ...accepted, headers: { ...keyHeaders, ...accepted.headers } };
      if (replayed) {
        throw new ApiError('idempotency_in_progress', 'The first request with this Idempotency-Key has not finished; retry with the same key', {}, { ...pendingHeaders, 'Retry-After': '1' });
      }
      throw new ApiError('command_pending', 'The command was accepted but not finished in time; retry with the same Idempotency-Key to get its result', {}, pendingHeaders);
    }
    const [done] = await conn.execute<ClaimRow[]>(ANSWER_SQL, [auth.workspaceId, owner, keyHash]);
    if (!done || done.state !== 'completed' || done.response_status !== outcome.status) throw new Error('command finished without a stored response');
    return stored(done, answerHeaders);
  };
}

/**
 * A call to Temporal bounded as a whole. A NativeConnection's deadline bounds each attempt and its client retries
 * past it (an unreachable server), so the bound is also kept here; a call cut off here is answered as a deadline.
 */
function within<T>(connection: Pick<Connection, 'withDeadline'>, ms: number, call: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error('Temporal call deadline exceeded'), { code: 4 })), ms);
    connection.withDeadline(Date.now() + ms, call).then(
      (value) => (clearTimeout(timer), resolve(value)),
      (err: unknown) => (clearTimeout(timer), reject(err)),
    );
  });
}

function stored(row: ClaimRow, headers: Record<string, string>): HandlerResult {
  return { status: row.response_status ?? 500, body: row.response_body, headers };
}

/**
 * Finished commands are replayable for 24 hours, then forgotten. A pending one is kept: its workflow still
 * needs the stored request when a worker comes back.
 */
export async function sweepExpiredIdempotencyKeys(orm: MikroORM): Promise<void> {
  await orm.em.getConnection().execute(`delete from idempotency_keys where state = 'completed' and expires_at < now()`);
}
