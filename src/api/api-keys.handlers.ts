import type { MikroORM } from '@mikro-orm/postgresql';
import { listApiKeys, retrieveApiKey, toApiKeyWire } from '../db/api-keys.queries';
import { listAuditLogs } from '../db/audit';
import { retrieveWorkspace, toWorkspaceWire } from '../db/workspaces.queries';
import { ApiError } from '../errors';
import { liveKeyRequired } from '../commands/api-keys';
import { newKeySecret, sha256Hex } from '../ids';
import type { RunCommand } from './commands';
import type { AuthedRequest, HandlerResult } from './context';
import { pageParams } from './list-params';
import { withOneTimeSecret } from './one-time-secret';

/** A key's secret is never stored: its command gets only the hash and the last four characters. */
function withOneTimeKeySecret(req: AuthedRequest, runCommand: RunCommand, type: 'secret' | 'publishable', livemode: boolean): Promise<HandlerResult> {
  const secret = newKeySecret(type, livemode);
  return withOneTimeSecret(req, runCommand, secret, 'secret', { secretHash: sha256Hex(secret), secretLast4: secret.slice(-4) });
}

export function apiKeysHandlers(orm: MikroORM, runCommand: RunCommand) {
  return {
    async createApiKey(req: AuthedRequest): Promise<HandlerResult> {
      const body = req.body as { type?: 'secret' | 'publishable'; livemode?: boolean };
      const livemode = body.livemode ?? req.ctx.auth.livemode;
      if (livemode && !req.ctx.auth.livemode) throw liveKeyRequired();
      return withOneTimeKeySecret(req, runCommand, body.type ?? 'secret', livemode);
    },
    async rollApiKey(req: AuthedRequest): Promise<HandlerResult> {
      const id = req.params.api_key_id as string;
      const key = await retrieveApiKey(orm.em.fork(), req.ctx.auth.workspaceId, id);
      if (!key) throw new ApiError('resource_missing', `No such API key: '${id}'`);
      return withOneTimeKeySecret(req, runCommand, key.type, req.ctx.auth.livemode);
    },
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
    async listAuditLogs(req: AuthedRequest): Promise<HandlerResult> {
      const q = req.query as Record<string, string | undefined>;
      const filters = { key_id: q.key_id, operation_id: q.operation_id, action: q.action, object_id: q.object_id, created_since: q.created_since, created_before: q.created_before };
      return { status: 200, body: await listAuditLogs(orm.em.fork(), req.ctx.auth.workspaceId, pageParams(req, filters)) };
    },
  };
}
