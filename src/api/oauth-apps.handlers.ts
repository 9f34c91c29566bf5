import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { CLIENT_SECRET_PREFIX, listConnectedApps, listOAuthApps, retrieveOAuthApp, toOAuthAppWire } from '../db/oauth-apps.queries';
import { ApiError } from '../errors';
import { sha256Hex } from '../ids';
import type { RunCommand } from './commands';
import type { AuthedRequest, HandlerResult } from './context';
import { pageParams } from './list-params';
import { withOneTimeSecret } from './one-time-secret';

export function oauthAppsHandlers(orm: MikroORM, runCommand: RunCommand) {
  return {
    /** The client secret is made here and shown once; the command stores its hash (compared as such at the token endpoint). */
    async createOAuthApp(req: AuthedRequest): Promise<HandlerResult> {
      const secret = `${CLIENT_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
      return withOneTimeSecret(req, runCommand, secret, 'client_secret', { secretHash: sha256Hex(secret), secretLast4: secret.slice(-4), apiVersion: req.ctx.auth.pinnedVersion });
    },
    async listOAuthApps(req: AuthedRequest): Promise<HandlerResult> {
      return { status: 200, body: await listOAuthApps(orm.em.fork(), req.ctx.auth.workspaceId, pageParams(req, {})) };
    },
    async listConnectedApps(req: AuthedRequest): Promise<HandlerResult> {
      return { status: 200, body: await listConnectedApps(orm.em.fork(), req.ctx.auth.workspaceId, pageParams(req, {})) };
    },
    async retrieveOAuthApp(req: AuthedRequest): Promise<HandlerResult> {
      const id = req.params.oauth_app_id as string;
      const app = await retrieveOAuthApp(orm.em.fork(), req.ctx.auth.workspaceId, id);
      if (!app) throw new ApiError('resource_missing', `No such OAuth app: '${id}'`);
      return { status: 200, body: toOAuthAppWire(app) };
    },
  };
}
