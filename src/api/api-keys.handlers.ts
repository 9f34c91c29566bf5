import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { listApiKeys, retrieveApiKey, toApiKeyWire } from '../db/api-keys.queries';
import { listAuditLogs } from '../db/audit';
import { retrieveWorkspace, toWorkspaceWire } from '../db/workspaces.queries';
import { ApiError } from '../errors';
import { sha256Hex } from '../ids';
import type { RunCommand } from './commands';
import type { AuthedRequest, HandlerResult } from './context';
import { pageParams } from './list-params';

/** A new key secret: `sk_` or `pk_` and 192 random bits. */
export function newKeySecret(type: 'secret' | 'publishable'): string {
  return `${type === 'publishable' ? 'pk' : 'sk'}_${randomBytes(24).toString('base64url')}`;
}

/**
 * Commands that make a key secret. The secret is generated here, in the API process; only its hash (and last four
 * characters) go into the command, so it never reaches Temporal history nor the stored idempotent response. It is
 * added to the answer of the request that made it, once. A replay of the same Idempotency-Key (and a concurrent
 * duplicate that waited for the first) answers the same key with `secret: null`: the secret cannot be shown again;
 * roll the key for a new one.
 */
async function withOneTimeSecret(req: AuthedRequest, runCommand: RunCommand, type: 'secret' | 'publishable'): Promise<HandlerResult> {
  const secret = newKeySecret(type);
  const result = await runCommand(req, { derived: { secretHash: sha256Hex(secret), secretLast4: secret.slice(-4) } });
  if (result.status >= 300) return result;
  // only the request whose claim ran the command made this secret; anything replayed was made by another request
  const mine = result.headers?.['Idempotent-Replayed'] !== 'true';
  return { ...result, body: { ...(result.body as Record<string, unknown>), secret: mine ? secret : null } };
}

export function apiKeysHandlers(orm: MikroORM, runCommand: RunCommand) {
  return {
    async createApiKey(req: AuthedRequest): Promise<HandlerResult> {
      const type = (req.body as { type?: 'secret' | 'publishable' }).type ?? 'secret';
      return withOneTimeSecret(req, runCommand, type);
    },
    async rollApiKey(req: AuthedRequest): Promise<HandlerResult> {
      const id = req.params.api_key_id as string;
      const key = await retrieveApiKey(orm.em.fork(), req.ctx.auth.workspaceId, id);
      if (!key) throw new ApiError('resource_missing', `No such API key: '${id}'`);
      return withOneTimeSecret(req, runCommand, key.type);
    },
    revokeApiKey: runCommand,
    async listApiKeys(req: AuthedRequest): Promise<HandlerResult> {
      const q = req.query as Record<string, string | undefined>;
      return { status: 200, body: await listApiKeys(orm.em.fork(), req.ctx.auth.workspaceId, pageParams(req, { type: q.type })) };
    },
    async retrieveApiKey(req: AuthedRequest): Promise<HandlerResult> {
      const id = req.params.api_key_id as string;
      const key = await retrieveApiKey(orm.em.fork(), req.ctx.auth.workspaceId, id);
      if (!key) throw new ApiError('resource_missing', `No such API key: '${id}'`);
      return { status: 200, body: toApiKeyWire(key) };
    },
    async retrieveWorkspace(req: AuthedRequest): Promise<HandlerResult> {
      const workspace = await retrieveWorkspace(orm.em.fork(), req.ctx.auth.workspaceId);
      if (!workspace) throw new ApiError('resource_missing', 'No such workspace');
      return { status: 200, body: toWorkspaceWire(workspace) };
    },
    updateWorkspace: runCommand,
    async listAuditLogs(req: AuthedRequest): Promise<HandlerResult> {
      const q = req.query as Record<string, string | undefined>;
      const filters = { key_id: q.key_id, operation_id: q.operation_id, action: q.action, object_id: q.object_id, created_since: q.created_since, created_before: q.created_before };
      return { status: 200, body: await listAuditLogs(orm.em.fork(), req.ctx.auth.workspaceId, pageParams(req, filters)) };
    },
  };
}
