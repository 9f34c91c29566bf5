// The authorization server's HTTP surface: oidc-provider under /oauth, its metadata at the root (RFC 8414), the
// MCP endpoint's protected-resource metadata (RFC 9728), and the one page of ours: where a workspace owner signs in
// with a secret key and chooses what an app may do.
import { randomBytes } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import Provider, { errors } from 'oidc-provider';
import { config } from '../config';
import { AuditLogSchema } from '../db/entities';
import { ApiError } from '../errors';
import { newId } from '../ids';
import { logger } from '../logger';
import { SCOPES } from '../spec';
import { verifyKey, type AuthDeps } from './auth';
import { clientAddress } from './client-address';
import { wrap } from './context';
import { apiResource, createOAuthProvider, mcpResource } from '../oauth/provider';
import { SCOPES_NOT_FOR_APPS } from '../commands/oauth-apps';

/** The scope a key needs to connect an app to its workspace: the owner's, who may mint keys. */
export const OWNER_SCOPE = 'keys:write';

const esc = (v: unknown) => String(v).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface AppClient {
  clientId: string;
  clientName?: string;
  sabnode_scopes?: string;
  sabnode_livemode?: boolean;
}

interface PageInput {
  uid: string;
  app: AppClient;
  requested: string[];
  resource: string;
  error?: string;
  chosen?: string[];
}

/** The consent page: server-rendered, no script, styles under a per-response nonce, never framed. */
function page(res: Response, status: number, p: PageInput): void {
  const nonce = randomBytes(16).toString('base64');
  const mode = p.app.sabnode_livemode === false ? 'test' : 'live';
  const boxes = p.requested
    .map((s) => `<li><label><input type="checkbox" name="scope" value="${esc(s)}"${!p.chosen || p.chosen.includes(s) ? ' checked' : ''}> <code>${esc(s)}</code></label></li>`)
    .join('');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Connect ${esc(p.app.clientName ?? p.app.clientId)} to SabNode</title>
<style nonce="${nonce}">body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}
h1{font-size:1.4rem}ul{list-style:none;padding:0}li{margin:.3rem 0}.error{color:#b3261e;border:1px solid #b3261e;padding:.5rem;border-radius:4px}
input[type=password]{width:100%;padding:.4rem;font:inherit}button{font:inherit;padding:.4rem 1rem;margin-right:.5rem}.muted{color:#57606a;font-size:.9rem}</style>
</head><body><main>
<h1>Connect <strong id="app-name">${esc(p.app.clientName ?? p.app.clientId)}</strong> to your workspace</h1>
<p>This app asks to act for your workspace's ${mode} side (${esc(p.resource === mcpResource() ? 'as an MCP client' : 'through the REST API')}) with these permissions. Untick any you do not want to give.</p>
${p.error ? `<p class="error" role="alert" id="error">${esc(p.error)}</p>` : ''}
<form method="post" action="/oauth/interaction/${esc(p.uid)}">
<ul id="scopes">${boxes}</ul>
<p><label for="key">A ${mode} secret key of your workspace with <code>${OWNER_SCOPE}</code></label><br>
<input type="password" id="key" name="key" autocomplete="off" required></p>
<p class="muted">The key proves you own the workspace; it is not given to the app, and the app gets no permission the key lacks.</p>
<button type="submit" name="decision" value="allow">Allow</button><button type="submit" name="decision" value="deny" formnovalidate>Deny</button>
</form></main></body></html>`;
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Security-Policy', `default-src 'none'; style-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'`);
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.send(html);
}

/** What the app asks for: the scopes of its request within what it was registered with, for one resource. */
function asked(details: Awaited<ReturnType<Provider['interactionDetails']>>, app: AppClient): { requested: string[]; resource: string } {
  const registered = (app.sabnode_scopes ?? '').split(' ').filter(Boolean);
  const requested = String(details.params.scope ?? '').split(' ').filter((s) => registered.includes(s) && (SCOPES as string[]).includes(s) && !SCOPES_NOT_FOR_APPS.includes(s));
  const raw = details.params.resource;
  const resource = String((Array.isArray(raw) ? raw[0] : raw) ?? apiResource());
  return { requested: [...new Set(requested)], resource };
}

/**
 * A step of the flow the provider refuses (no interaction cookie: another browser, an expired or finished flow) is a
 * page that says so, not an API problem: a person reads it.
 */
const interaction = (fn: (req: Request & { ctx: { requestId: string } }, res: Response) => Promise<void>) =>
  wrap(async (req, res) => {
    try {
      await fn(req, res);
    } catch (err) {
      if (!(err instanceof errors.OIDCProviderError)) throw err;
      res.status(err.statusCode);
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
      res.send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorization failed</title></head><body><main><h1>This authorization cannot go on</h1><p id="error">${esc(err.error_description ?? err.message)}</p><p>Start again from the app.</p></main></body></html>`);
    }
  });

export function serveOAuth(app: express.Express, orm: MikroORM, { keys, budgets }: Pick<AuthDeps, 'keys' | 'budgets'>): Provider {
  const provider = createOAuthProvider(orm);
  const callback = provider.callback();
  const form = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 100 });
  // RFC 8414: the issuer has no path, so its metadata is at the root; the endpoints it names stay under /oauth
  for (const wellKnown of ['/.well-known/oauth-authorization-server', '/.well-known/openid-configuration']) {
    app.get(wellKnown, (req: Request, res: Response) => {
      req.originalUrl = `/oauth${wellKnown}`;
      req.url = wellKnown;
      callback(req, res);
    });
  }
  // RFC 9728: how an MCP client finds the authorization server for /mcp
  app.get('/.well-known/oauth-protected-resource/mcp', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json({
      resource: mcpResource(),
      authorization_servers: [config.publicUrl],
      scopes_supported: SCOPES.filter((s) => !SCOPES_NOT_FOR_APPS.includes(s)),
      bearer_methods_supported: ['header'],
      resource_name: 'SabNode MCP server',
      resource_documentation: `${config.publicUrl}/docs`,
    });
  });

  const client = async (details: Awaited<ReturnType<Provider['interactionDetails']>>) => {
    const found = await provider.Client.find(String(details.params.client_id));
    if (!found) throw new ApiError('resource_missing', 'The app of this request no longer exists');
    return found as unknown as AppClient;
  };

  // the browser's steps are unauthenticated and write (an interaction lives 10 minutes): each spends the address's
  // budget for strangers, in memory, before anything is read or written, so neither flooding nor key guessing is cheap
  const stranger = (req: Request, res: Response, next: NextFunction) => {
    const spent = budgets.spendAnonymous(clientAddress(req));
    if (spent.used <= spent.limit) return next();
    res.status(429).setHeader('Retry-After', '1');
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.send('Too many requests from this address; wait a second and try again.');
  };
  app.use(['/oauth/auth', '/oauth/interaction'], stranger);

  app.get(
    '/oauth/interaction/:uid',
    interaction(async (req, res) => {
      const details = await provider.interactionDetails(req, res);
      const found = await client(details);
      page(res, 200, { uid: details.uid, app: found, ...asked(details, found) });
    }),
  );

  app.post(
    '/oauth/interaction/:uid',
    form,
    interaction(async (req, res) => {
      const details = await provider.interactionDetails(req, res);
      const found = await client(details);
      const { requested, resource } = asked(details, found);
      const body = (req.body ?? {}) as { key?: string; scope?: string | string[]; decision?: string };
      if (body.decision === 'deny') {
        await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The workspace owner declined' }, { mergeWithLastSubmission: false });
        return;
      }
      const chosen = ([] as string[]).concat(body.scope ?? []).filter((s) => requested.includes(s));
      const again = (status: number, error: string) => page(res, status, { uid: details.uid, app: found, requested, resource, error, chosen });
      const address = clientAddress(req);
      const key = await verifyKey(keys, String(body.key ?? '').trim(), address);
      if (key instanceof ApiError) return again(401, key.message);
      if (key.type !== 'secret' || !key.scopes.includes(OWNER_SCOPE)) return again(403, `Sign in with a secret key that holds ${OWNER_SCOPE}: only a workspace's owner connects apps`);
      if (key.livemode !== (found.sabnode_livemode !== false)) return again(403, `This is a ${found.sabnode_livemode === false ? 'test' : 'live'} app: sign in with a ${found.sabnode_livemode === false ? 'test' : 'live'} key`);
      // never more than the owner's key holds
      const granted = chosen.filter((s) => key.scopes.includes(s));
      if (!granted.length) return again(422, chosen.length ? 'The key holds none of the chosen permissions' : 'Choose at least one permission, or deny');
      const grant = new provider.Grant({ accountId: key.workspaceId, clientId: found.clientId });
      grant.addResourceScope(resource, granted.join(' '));
      const refused = requested.filter((s) => !granted.includes(s));
      if (refused.length) grant.rejectResourceScope(resource, refused.join(' '));
      if (String(details.params.scope ?? '').split(' ').includes('openid')) grant.addOIDCScope('openid');
      const grantId = await grant.save();
      const em = orm.em.fork();
      em.create(AuditLogSchema, {
        id: newId('aud'),
        workspace: key.workspaceId,
        action: 'oauth_app.authorized',
        keyId: key.id,
        operationId: null,
        objectIds: [found.clientId],
        fields: [],
        clientIp: address,
        requestId: req.ctx.requestId,
        details: { scopes: granted, refused_scopes: refused, resource },
        createdAt: new Date(),
      });
      await em.flush();
      logger.info({ request_id: req.ctx.requestId, workspace_id: key.workspaceId, key_id: key.id, app_id: found.clientId }, 'oauth app authorized');
      await provider.interactionFinished(req, res, { login: { accountId: key.workspaceId }, consent: { grantId } }, { mergeWithLastSubmission: false });
    }),
  );

  app.use('/oauth', (req: Request, res: Response) => {
    callback(req, res);
  });
  return provider;
}
