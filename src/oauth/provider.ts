// The OAuth 2 authorization server: oidc-provider (a certified implementation; our code writes none of the protocol)
// configured for SabNode's apps. Authorization code with PKCE (S256, required), opaque access tokens of an hour for
// the API or its MCP endpoint (RFC 8707 resource indicators), refresh tokens that rotate on every use (a used one
// presented again revokes its whole grant), revocation (RFC 7009) and metadata (RFC 8414). Its state lives in
// PostgreSQL (store.ts), so every API process serves every step of a flow.
import { createECDH, createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import Provider, { errors, type Configuration, type JWK, type KoaContextWithOIDC } from 'oidc-provider';
import { config } from '../config';
import { logger } from '../logger';
import { oauthAdapter } from './store';

/** The resources a token may be for: the REST API (its origin) and the MCP endpoint. */
export const apiResource = () => config.publicUrl;
export const mcpResource = () => `${config.publicUrl}/mcp`;

const derive = (key: Buffer, label: string) => createHmac('sha256', key).update(`sabnode oauth ${label}`).digest();

/**
 * The signing key (for an ID token, when an app asks for `openid`): P-256, derived from the encryption key, so every
 * API process has the same one without storing it. Access tokens are opaque and signed by nothing.
 */
function signingKey(): JWK {
  const d = derive(config.encryptionKeys.current, 'signing key v1');
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(d);
  const point = ecdh.getPublicKey();
  const b64 = (b: Buffer) => b.toString('base64url');
  return { kty: 'EC', crv: 'P-256', d: b64(d), x: b64(point.subarray(1, 33)), y: b64(point.subarray(33, 65)), use: 'sig', alg: 'ES256', kid: b64(createHash('sha256').update(point).digest()).slice(0, 16) };
}

/** Cookie keys: the current one signs, the previous ones (a rotated encryption key) still verify. */
const cookieKeys = () => [config.encryptionKeys.current, ...config.encryptionKeys.previous].map((k) => derive(k, 'cookies v1').toString('base64url'));

export type OAuthProvider = Provider;

export function createOAuthProvider(orm: MikroORM): Provider {
  const secure = config.publicUrl.startsWith('https:');
  const configuration: Configuration = {
    adapter: oauthAdapter(orm),
    findAccount: async (_ctx, sub) => {
      const [row] = await orm.em.getConnection().execute<{ id: string }[]>(`select id from workspaces where id = ?`, [sub]);
      return row ? { accountId: sub, claims: () => ({ sub }) } : undefined;
    },
    interactions: { url: (_ctx, interaction) => `/oauth/interaction/${interaction.uid}` },
    cookies: { keys: cookieKeys(), long: { signed: true, secure, sameSite: 'lax' }, short: { signed: true, secure, sameSite: 'lax' } },
    jwks: { keys: [signingKey()] },
    clientDefaults: { grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic', id_token_signed_response_alg: 'ES256' },
    clientAuthMethods: ['client_secret_basic'],
    responseTypes: ['code'],
    scopes: ['openid'],
    claims: { openid: ['sub'] },
    extraClientMetadata: { properties: ['sabnode_scopes', 'sabnode_livemode', 'sabnode_workspace'] },
    pkce: { required: () => true },
    rotateRefreshToken: true,
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // an app's tokens outlive the owner's visit to the consent page
    expiresWithSession: async () => false,
    // every authorization shows the consent page: a grant is never taken from an earlier visit in the same browser
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grantId = (ctx.oidc.result as { consent?: { grantId?: string } } | undefined)?.consent?.grantId;
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    ttl: { AccessToken: 3600, AuthorizationCode: 60, RefreshToken: 90 * 86400, Grant: 365 * 86400, Interaction: 600, Session: 600, IdToken: 3600 },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      introspection: { enabled: false },
      userinfo: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      registration: { enabled: false },
      // the API does not verify proof-of-possession: tokens are bearer tokens (RFC 6750)
      dPoP: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (_ctx, _client, oneOf) => oneOf ?? apiResource(),
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, indicator, client) => {
          if (indicator !== apiResource() && indicator !== mcpResource()) throw new errors.InvalidTarget(`resources: ${apiResource()}, ${mcpResource()}`);
          // at most the scopes the app was registered with; the owner narrows them on the consent page
          return { scope: String((client as unknown as { sabnode_scopes?: string }).sabnode_scopes ?? ''), accessTokenFormat: 'opaque', accessTokenTTL: 3600 };
        },
      },
    },
  };
  const provider = new Provider(config.publicUrl, configuration);
  // behind a TLS proxy, the request's scheme and host are the proxy's headers (which it must overwrite)
  provider.proxy = secure;
  // the stored secret is a SHA-256 of the one shown once: compare hashes, in constant time
  provider.Client.prototype.compareClientSecret = function compareClientSecret(this: { clientSecret?: string }, actual: string): boolean {
    const given = Buffer.from(createHash('sha256').update(actual).digest('hex'));
    const stored = Buffer.from(String(this.clientSecret ?? ''));
    return given.length === stored.length && timingSafeEqual(given, stored);
  };
  provider.on('server_error', (_ctx: unknown, err: Error) => logger.error({ err: { name: err.name, message: err.message } }, 'oauth server error'));
  return provider;
}
