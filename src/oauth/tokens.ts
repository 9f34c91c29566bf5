// An OAuth access token at the resource server (the API): read from the authorization server's store in one query,
// with its grant, its app and the workspace it acts for. Nothing is cached, so a revocation (of the token, its grant,
// its app) holds from the next request.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RateLimitSettings } from '../db/entities';
import { storeId } from './store';

/** oidc-provider's opaque tokens: 256 random bits, base64url. */
export const ACCESS_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export interface AccessTokenInfo {
  /** the app (its client id) */
  appId: string;
  grantId: string;
  /** the workspace the token acts for */
  workspaceId: string;
  scopes: string[];
  /** the resource it was issued for: the API's origin or its MCP endpoint */
  audience: string;
  apiVersion: string;
  livemode: boolean;
  piiReadAudit: boolean;
  rateLimits: RateLimitSettings;
}

interface Row {
  scope: string | null;
  aud: string | null;
  grant_id: string;
  client_id: string;
  account_id: string;
  api_version: string;
  livemode: boolean;
  pii_read_audit: boolean;
  rate_limits: RateLimitSettings | null;
}

// a token lives only while its grant does (reusing a refresh token, revoking, deleting the app all end the grant),
// its app is not deleted, and the app is of the workspace's mode
const TOKEN_SQL = `
  select t.payload->>'scope' as scope, coalesce(t.payload->>'aud', t.payload->'aud'->>0) as aud, t.grant_id, t.client_id, t.account_id,
    a.api_version, w.livemode, w.pii_read_audit, w.rate_limits
  from oauth_store t
  join oauth_store g on g.kind = 'Grant' and g.id = t.grant_id and (g.expires_at is null or g.expires_at > now())
  join oauth_apps a on a.id = t.client_id and a.deleted_at is null
  join workspaces aw on aw.id = a.workspace_id
  join workspaces w on w.id = t.account_id and w.livemode = aw.livemode
  where t.kind = 'AccessToken' and t.id = ? and t.expires_at > now() and t.consumed_at is null`;

export async function findAccessToken(orm: MikroORM, token: string): Promise<AccessTokenInfo | null> {
  const [r] = await orm.em.getConnection().execute<Row[]>(TOKEN_SQL, [storeId('AccessToken', token)]);
  if (!r || !r.aud) return null;
  return {
    appId: r.client_id,
    grantId: r.grant_id,
    workspaceId: r.account_id,
    scopes: (r.scope ?? '').split(' ').filter(Boolean),
    audience: r.aud,
    apiVersion: r.api_version,
    livemode: r.livemode,
    piiReadAudit: r.pii_read_audit,
    rateLimits: r.rate_limits ?? {},
  };
}
