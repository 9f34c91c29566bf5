import type { EntityManager } from '@mikro-orm/postgresql';
import type { ListPage, PageParams } from '../pagination';
import type { ApiKey } from './entities';
import { keysetList } from './keyset';
import { toDate } from './timestamps';
import type { Schema } from '../types/wire';

export type ApiKeyWire = Schema<'ApiKey'>;

export type DeletedApiKeyWire = Schema<'DeletedApiKey'>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Allowlist entries always as CIDRs: PostgreSQL prints a single address without its /32 or /128. */
const asCidr = (c: string) => (c.includes('/') ? c : `${c}/${c.includes(':') ? 128 : 32}`);

export function toApiKeyWire(k: ApiKey, now = new Date()): ApiKeyWire | DeletedApiKeyWire {
  if (k.revokedAt) return toRevokedApiKeyWire(k);
  const overlapLasts = k.previousSecretHash && k.previousExpiresAt && k.previousExpiresAt > now;
  return {
    id: k.id,
    object: 'api_key',
    name: k.name,
    type: k.type,
    secret_hint: `${k.type === 'publishable' ? 'pk' : 'sk'}_…${k.secretLast4}`,
    scopes: k.scopes,
    allowed_ips: k.allowedIps ? k.allowedIps.map(asCidr) : null,
    allowed_origins: k.allowedOrigins ?? null,
    api_version: k.apiVersion,
    expires_at: iso(k.expiresAt),
    previous_secret_expires_at: overlapLasts ? iso(k.previousExpiresAt) : null,
    last_used_at: iso(k.lastUsedAt),
    last_used_ip: k.lastUsedIp ?? null,
    created_at: k.createdAt.toISOString(),
    updated_at: k.updatedAt.toISOString(),
  };
}

export function toRevokedApiKeyWire(k: ApiKey): DeletedApiKeyWire {
  return { id: k.id, object: 'api_key', deleted: true, created_at: k.createdAt.toISOString(), updated_at: k.updatedAt.toISOString() };
}

// inet[] comes back as text[] so that the driver hands over a JS array
export const API_KEY_COLUMNS = `id, workspace_id as "workspace", name, type, secret_hash as "secretHash", secret_last4 as "secretLast4", scopes,
  api_version as "apiVersion", expires_at as "expiresAt", revoked_at as "revokedAt", previous_secret_hash as "previousSecretHash",
  previous_expires_at as "previousExpiresAt", allowed_ips::text[] as "allowedIps", allowed_origins as "allowedOrigins",
  last_used_at as "lastUsedAt", last_used_ip as "lastUsedIp", created_at as "createdAt", updated_at as "updatedAt"`;

export function hydrateApiKey(row: ApiKey): ApiKey {
  return {
    ...row,
    expiresAt: toDate(row.expiresAt),
    revokedAt: toDate(row.revokedAt),
    previousExpiresAt: toDate(row.previousExpiresAt),
    lastUsedAt: toDate(row.lastUsedAt),
    createdAt: toDate(row.createdAt),
    updatedAt: toDate(row.updatedAt),
  };
}

/** A live (not revoked) key of the workspace. */
export async function retrieveApiKey(em: EntityManager, workspaceId: string, id: string): Promise<ApiKey | null> {
  const [row] = await em.getConnection().execute<ApiKey[]>(`select ${API_KEY_COLUMNS} from api_keys where workspace_id = ? and id = ? and revoked_at is null`, [workspaceId, id]);
  return row ? hydrateApiKey(row) : null;
}

export async function listApiKeys(em: EntityManager, workspaceId: string, page: PageParams & { filters: { type?: string } }): Promise<ListPage<ApiKeyWire | DeletedApiKeyWire>> {
  const where: [string, ...unknown[]][] = [];
  if (page.filters.type) where.push(['type = ?', page.filters.type]);
  const now = new Date();
  // a revoked key keeps its row: an updated_since sync gets it as a tombstone
  return keysetList(em, { list: 'api_keys', table: 'api_keys', columns: API_KEY_COLUMNS, workspaceId, page, where, softDelete: 'revoked_at', hydrate: hydrateApiKey, toWire: (k) => toApiKeyWire(k, now) });
}
