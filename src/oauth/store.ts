// What oidc-provider keeps (grants, sessions, interactions, codes, tokens) in PostgreSQL's `oauth_store`, and its
// clients read from `oauth_apps`. A code's or token's value is its id: the row holds only its SHA-256, so a copy of
// the table (a backup, a replica) holds no usable bearer.
import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { errors, type Adapter, type AdapterPayload } from 'oidc-provider';
import { findActiveOAuthApp } from '../db/oauth-apps.queries';

/** Models whose id is a bearer value. */
const BEARERS = new Set(['AccessToken', 'RefreshToken', 'AuthorizationCode']);

export const storeId = (kind: string, id: string) => (BEARERS.has(kind) ? createHash('sha256').update(id).digest('base64url') : id);

interface StoreRow {
  payload: AdapterPayload;
  consumed_at: string | Date | null;
}

class PgStore implements Adapter {
  constructor(
    private readonly orm: MikroORM,
    private readonly kind: string,
  ) {}

  private run(sql: string, params: unknown[]) {
    return this.orm.em.getConnection().execute(sql, params, 'run');
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    // the bearer value is not stored; find() puts it back from what it was asked for
    const stored = BEARERS.has(this.kind) ? { ...payload, jti: undefined } : payload;
    const clientId = payload.clientId ?? (payload.params as { client_id?: string } | undefined)?.client_id ?? null;
    await this.run(
      `insert into oauth_store (kind, id, payload, grant_id, uid, client_id, account_id, expires_at)
       values (?, ?, ?::jsonb, ?, ?, ?, ?, case when ?::int is null then null else now() + make_interval(secs => ?::int) end)
       on conflict (kind, id) do update set payload = excluded.payload, grant_id = excluded.grant_id, uid = excluded.uid,
         client_id = excluded.client_id, account_id = excluded.account_id, expires_at = excluded.expires_at`,
      [this.kind, storeId(this.kind, id), JSON.stringify(stored), payload.grantId ?? null, payload.uid ?? null, clientId, payload.accountId ?? null, expiresIn ?? null, expiresIn ?? null],
    );
  }

  private async one(column: 'id' | 'uid', value: string, rawId?: string): Promise<AdapterPayload | undefined> {
    const [row] = await this.orm.em.getConnection().execute<StoreRow[]>(
      `select payload, consumed_at from oauth_store where kind = ? and ${column} = ? and (expires_at is null or expires_at > now())`,
      [this.kind, value],
    );
    if (!row) return undefined;
    const payload: AdapterPayload = { ...row.payload };
    if (rawId !== undefined && BEARERS.has(this.kind)) payload.jti = rawId;
    if (row.consumed_at) payload.consumed = Math.floor(new Date(row.consumed_at).getTime() / 1000);
    return payload;
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return this.one('id', storeId(this.kind, id), id);
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.one('uid', uid);
  }

  async findByUserCode(): Promise<undefined> {
    // the device flow is off
    return undefined;
  }

  /**
   * Marks a code or refresh token used. Only the first of two concurrent uses consumes it: the second finds it
   * consumed and fails, so one refresh token never yields two live chains.
   */
  async consume(id: string): Promise<void> {
    const done = await this.orm.em.getConnection().execute<{ affectedRows: number }>(
      `update oauth_store set consumed_at = now() where kind = ? and id = ? and consumed_at is null`,
      [this.kind, storeId(this.kind, id)],
      'run',
    );
    if (done.affectedRows === 0) throw new errors.InvalidGrant(`${this.kind === 'RefreshToken' ? 'refresh token' : 'authorization code'} already used`);
  }

  async destroy(id: string): Promise<void> {
    await this.run(`delete from oauth_store where kind = ? and id = ?`, [this.kind, storeId(this.kind, id)]);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.run(`delete from oauth_store where kind = ? and grant_id = ?`, [this.kind, grantId]);
  }
}

/**
 * Clients are the apps workspaces registered (`POST /v1/oauth-apps`), read at each use so that a deleted app stops
 * at once. The stored secret is a SHA-256; oidc-provider compares through Client#compareClientSecret, which
 * provider.ts replaces with a comparison of hashes.
 */
class AppClients implements Adapter {
  constructor(private readonly orm: MikroORM) {}

  async find(id: string): Promise<AdapterPayload | undefined> {
    if (!/^oap_[0-9a-z]{26}$/.test(id)) return undefined;
    const app = await findActiveOAuthApp(this.orm.em.fork(), id);
    if (!app) return undefined;
    return {
      client_id: app.id,
      client_secret: app.secretHash,
      client_name: app.name,
      redirect_uris: app.redirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      sabnode_scopes: app.scopes.join(' '),
      sabnode_livemode: app.livemode,
      sabnode_workspace: app.workspace,
    } as AdapterPayload;
  }

  private refused(): never {
    throw new Error('clients are registered through POST /v1/oauth-apps');
  }
  async upsert(): Promise<void> {
    this.refused();
  }
  async consume(): Promise<void> {
    this.refused();
  }
  async destroy(): Promise<void> {
    this.refused();
  }
  async revokeByGrantId(): Promise<void> {
    this.refused();
  }
  async findByUid(): Promise<undefined> {
    return undefined;
  }
  async findByUserCode(): Promise<undefined> {
    return undefined;
  }
}

export function oauthAdapter(orm: MikroORM) {
  return (kind: string): Adapter => (kind === 'Client' ? new AppClients(orm) : new PgStore(orm, kind));
}

/** Rows past their lifetime (a day of grace for anything that still reads them); any API process may sweep. */
export async function sweepOAuthStore(orm: MikroORM): Promise<void> {
  await orm.em.getConnection().execute(`delete from oauth_store where expires_at < now() - interval '1 day'`, [], 'run');
}
