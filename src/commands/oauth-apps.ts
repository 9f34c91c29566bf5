import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../db/audit';
import { config } from '../config';
import { OAuthAppSchema, type OAuthApp } from '../db/entities';
import type { CommandContext } from '../db/events';
import { toDeletedOAuthAppWire, toOAuthAppWire } from '../db/oauth-apps.queries';
import { ApiError, type FieldError } from '../errors';
import { idFromSeed } from '../ids';
import type { RequestBody } from '../types/wire';
import type { CommandResponse } from './types';

/** Scopes no app may carry: a token that could mint keys would outlive its own revocation. */
export const SCOPES_NOT_FOR_APPS = ['keys:write'];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** `https`, or `http` on a loopback host (RFC 8252 §7.3 for native apps); never a fragment (RFC 6749 §3.1.2). */
export function redirectUriProblem(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.hash || uri.includes('#')) return 'must not have a fragment';
  if (url.username || url.password) return 'must not carry credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return 'must be https, or http on 127.0.0.1, [::1] or localhost';
}

export async function createOAuthApp(em: EntityManager, ctx: CommandContext, _params: Record<string, string>, body: RequestBody<'createOAuthApp'>): Promise<CommandResponse> {
  const errors: FieldError[] = [];
  body.scopes.forEach((s, i) => {
    if (SCOPES_NOT_FOR_APPS.includes(s)) errors.push({ pointer: `/scopes/${i}`, code: 'scope_not_for_apps', message: `'${s}' cannot be given to an app` });
  });
  if (errors.length) throw new ApiError('scope_not_for_apps', errors.map((e) => e.message).join('; '), { errors });
  body.redirect_uris.forEach((uri, i) => {
    const problem = redirectUriProblem(uri);
    if (problem) errors.push({ pointer: `/redirect_uris/${i}`, code: 'invalid_redirect_uri', message: `'${uri}' ${problem}` });
  });
  if (errors.length) throw new ApiError('invalid_redirect_uri', errors.map((e) => e.message).join('; '), { errors });
  const hash = ctx.derived?.secretHash;
  const last4 = ctx.derived?.secretLast4;
  if (!hash || !last4) throw new Error('the command carries no generated secret');
  // the workspace's row, locked: its app creations queue here, so the bound holds
  const [workspace] = await em.getConnection().execute<{ apiVersion: string }[]>(
    `select api_version as "apiVersion" from workspaces where id = ? for no key update`,
    [ctx.workspaceId],
    'all',
    em.getTransactionContext(),
  );
  const live = await em.count(OAuthAppSchema, { workspace: ctx.workspaceId, deletedAt: null });
  if (live >= config.oauthAppsMax) {
    throw new ApiError('oauth_app_limit_reached', `A workspace may register ${config.oauthAppsMax} OAuth apps; delete one first (an app may have several redirect URIs)`);
  }
  const app = em.create(OAuthAppSchema, {
    id: idFromSeed('oap', ctx.seed),
    workspace: ctx.workspaceId,
    name: body.name,
    redirectUris: body.redirect_uris,
    scopes: [...new Set(body.scopes)],
    // its tokens call at the version of the key that registered it, as Connect platforms do
    apiVersion: ctx.derived?.apiVersion ?? workspace.apiVersion,
    secretHash: hash,
    secretLast4: last4,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    deletedAt: null,
  });
  recordAudit(em, ctx, 0, { action: 'oauth_app.created', objectIds: [app.id], details: { scopes: app.scopes, redirect_uris: app.redirectUris } });
  await em.flush();
  return { status: 201, body: toOAuthAppWire(app) };
}

export async function deleteOAuthApp(em: EntityManager, ctx: CommandContext, params: Record<string, string>): Promise<CommandResponse> {
  const app: OAuthApp | null = await em.findOne(OAuthAppSchema, { id: params.oauth_app_id, workspace: ctx.workspaceId, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!app) throw new ApiError('resource_missing', `No such OAuth app: '${params.oauth_app_id}'`);
  app.deletedAt = ctx.now;
  app.updatedAt = ctx.now;
  // every grant, code, token and pending consent of the app, in every workspace that connected it, in this transaction
  await em.getConnection().execute(`delete from oauth_store where client_id = ?`, [app.id], 'run', em.getTransactionContext());
  recordAudit(em, ctx, 0, { action: 'oauth_app.deleted', objectIds: [app.id] });
  await em.flush();
  return { status: 200, body: toDeletedOAuthAppWire(app) };
}

/** Everything the app holds for this workspace (grants, codes, tokens, pending consents), gone in this transaction. */
export async function disconnectApp(em: EntityManager, ctx: CommandContext, params: Record<string, string>): Promise<CommandResponse> {
  const id = params.oauth_app_id;
  const done = await em.getConnection().execute<{ affectedRows: number }>(
    `delete from oauth_store where client_id = ? and account_id = ?`,
    [id, ctx.workspaceId],
    'run',
    em.getTransactionContext(),
  );
  if (!done.affectedRows) throw new ApiError('resource_missing', `No app '${id}' is connected to this workspace`);
  recordAudit(em, ctx, 0, { action: 'oauth_app.disconnected', objectIds: [id] });
  await em.flush();
  return { status: 200, body: { id, object: 'connected_app', deleted: true } };
}
