import type { EntityManager } from '@mikro-orm/postgresql';
import type { ListPage, PageParams } from '../pagination';
import type { OAuthApp } from './entities';
import { keysetList } from './keyset';
import { toDate } from './timestamps';
import type { Schema } from '../types/wire';

export type OAuthAppWire = Schema<'OAuthApp'>;
export type DeletedOAuthAppWire = Schema<'DeletedOAuthApp'>;

/** What a client secret starts with, so that a leaked one is recognisable (secret scanners, logs). */
export const CLIENT_SECRET_PREFIX = 'sno_';

export function toOAuthAppWire(a: OAuthApp): OAuthAppWire | DeletedOAuthAppWire {
  if (a.deletedAt) return toDeletedOAuthAppWire(a);
  return {
    id: a.id,
    object: 'oauth_app',
    name: a.name,
    client_id: a.id,
    client_secret_hint: `${CLIENT_SECRET_PREFIX}…${a.secretLast4}`,
    redirect_uris: a.redirectUris,
    scopes: a.scopes as OAuthAppWire['scopes'],
    api_version: a.apiVersion,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  };
}

export function toDeletedOAuthAppWire(a: OAuthApp): DeletedOAuthAppWire {
  return { id: a.id, object: 'oauth_app', deleted: true, created_at: a.createdAt.toISOString(), updated_at: a.updatedAt.toISOString() };
}

const columns = (t = '') => `${t}id, ${t}workspace_id as "workspace", ${t}name, ${t}redirect_uris as "redirectUris", ${t}scopes,
  ${t}api_version as "apiVersion", ${t}secret_hash as "secretHash", ${t}secret_last4 as "secretLast4", ${t}created_at as "createdAt",
  ${t}updated_at as "updatedAt", ${t}deleted_at as "deletedAt"`;
const COLUMNS = columns();

function hydrate(row: OAuthApp): OAuthApp {
  return { ...row, createdAt: toDate(row.createdAt), updatedAt: toDate(row.updatedAt), deletedAt: toDate(row.deletedAt ?? null) };
}

/** An app of the workspace that is not deleted. */
export async function retrieveOAuthApp(em: EntityManager, workspaceId: string, id: string): Promise<OAuthApp | null> {
  const [row] = await em.getConnection().execute<OAuthApp[]>(`select ${COLUMNS} from oauth_apps where workspace_id = ? and id = ? and deleted_at is null`, [workspaceId, id]);
  return row ? hydrate(row) : null;
}

/** An app by its client id, whichever workspace registered it (the authorization server's lookup), with its mode. */
export async function findActiveOAuthApp(em: EntityManager, id: string): Promise<(OAuthApp & { livemode: boolean }) | null> {
  const [row] = await em.getConnection().execute<(OAuthApp & { livemode: boolean })[]>(
    `select ${columns('a.')}, w.livemode from oauth_apps a join workspaces w on w.id = a.workspace_id where a.id = ? and a.deleted_at is null`,
    [id],
  );
  return row ? { ...hydrate(row), livemode: row.livemode } : null;
}

export async function listOAuthApps(em: EntityManager, workspaceId: string, page: PageParams): Promise<ListPage<OAuthAppWire | DeletedOAuthAppWire>> {
  return keysetList(em, { list: 'oauth_apps', table: 'oauth_apps', columns: COLUMNS, workspaceId, page, softDelete: true, hydrate, toWire: toOAuthAppWire });
}

export type ConnectedAppWire = Schema<'ConnectedApp'>;

interface ConnectedRow {
  id: string;
  workspace: string;
  name: string;
  resources: Record<string, string>[];
  createdAt: Date;
  updatedAt: Date;
}

// one row per app that holds a live grant for the workspace: its grants' scopes together, first and last authorization
const CONNECTED = `(
  select g.client_id as id, g.account_id as workspace_id, a.name, array_agg(coalesce(g.payload->'resources', '{}'::jsonb)) as resources,
    to_timestamp(min((g.payload->>'iat')::bigint)) as created_at, to_timestamp(max((g.payload->>'iat')::bigint)) as updated_at
  from oauth_store g join oauth_apps a on a.id = g.client_id and a.deleted_at is null
  where g.kind = 'Grant' and (g.expires_at is null or g.expires_at > now())
  group by g.client_id, g.account_id, a.name
) connected`;

export async function listConnectedApps(em: EntityManager, workspaceId: string, page: PageParams): Promise<ListPage<ConnectedAppWire>> {
  return keysetList(em, {
    list: 'connected_apps',
    table: CONNECTED,
    columns: `id, workspace_id as "workspace", name, resources, created_at as "createdAt", updated_at as "updatedAt"`,
    workspaceId,
    page: { ...page, sort: 'updated_at' },
    hydrate: (r: ConnectedRow) => ({ ...r, createdAt: toDate(r.createdAt), updatedAt: toDate(r.updatedAt) }),
    toWire: (r) => ({
      id: r.id,
      object: 'connected_app',
      name: r.name,
      scopes: [...new Set(r.resources.flatMap((byResource) => Object.values(byResource).flatMap((v) => v.split(' '))))].filter(Boolean).sort() as ConnectedAppWire['scopes'],
      connected_at: r.createdAt.toISOString(),
      last_authorized_at: r.updatedAt.toISOString(),
    }),
  });
}
