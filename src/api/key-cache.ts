import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { addressBytes, cidrContains, parseCidr } from '../cidr';
import { config } from '../config';
import type { RateLimitSettings } from '../db/entities';
import { loggableError } from '../db/driver-errors';
import { toDate } from '../db/timestamps';
import { logger } from '../logger';
import { authCacheEvents } from '../metrics';

/** What authentication decides with: a key and its workspace's settings, as they were when read. */
export interface CachedKey {
  id: string;
  workspaceId: string;
  type: 'secret' | 'publishable';
  scopes: string[];
  apiVersion: string;
  secretHash: string;
  previousSecretHash: string | null;
  /** ms since the epoch */
  previousExpiresAt: number | null;
  revokedAt: number | null;
  expiresAt: number | null;
  allowedOrigins: string[] | null;
  allowedIps: { bytes: Uint8Array; prefix: number }[] | null;
  rateLimits: RateLimitSettings;
  piiReadAudit: boolean;
  /** the key's workspace is a live side (false: a test side) */
  livemode: boolean;
}

interface KeyRow {
  id: string;
  workspace_id: string;
  type: 'secret' | 'publishable';
  scopes: string[];
  api_version: string;
  secret_hash: string;
  previous_secret_hash: string | null;
  previous_expires_at: string | null;
  revoked_at: string | null;
  expires_at: string | null;
  allowed_origins: string[] | null;
  allowed_ips: string[] | null;
  rate_limits: RateLimitSettings | null;
  pii_read_audit: boolean;
  livemode: boolean;
}

// by its current secret, or by the previous one (whether a roll's overlap still lasts is decided at each use)
const KEY_SQL = `
  select k.id, k.workspace_id, k.type, k.scopes, k.api_version, k.secret_hash, k.previous_secret_hash, k.previous_expires_at,
    k.revoked_at, k.expires_at, k.allowed_origins, k.allowed_ips::text[] as allowed_ips, w.rate_limits, w.pii_read_audit, w.livemode
  from api_keys k join workspaces w on w.id = k.workspace_id
  where k.secret_hash = ? or k.previous_secret_hash = ?
  order by k.secret_hash = ? desc
  limit 1`;

const TOUCH_SQL = `
  update api_keys set last_used_at = now(), last_used_ip = ?
  where id = ? and (last_used_at is null or last_used_at < now() - make_interval(secs => ?))`;

const ms = (v: string | null) => (v === null ? null : toDate(v).getTime());

function toCachedKey(r: KeyRow): CachedKey {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    type: r.type,
    scopes: r.scopes,
    apiVersion: r.api_version,
    secretHash: r.secret_hash,
    previousSecretHash: r.previous_secret_hash,
    previousExpiresAt: ms(r.previous_expires_at),
    revokedAt: ms(r.revoked_at),
    expiresAt: ms(r.expires_at),
    allowedOrigins: r.allowed_origins,
    allowedIps: r.allowed_ips?.map((text) => {
      const c = parseCidr(text)!;
      return { bytes: addressBytes(c.address)!, prefix: c.prefix };
    }) ?? null,
    rateLimits: r.rate_limits ?? {},
    piiReadAudit: r.pii_read_audit,
    livemode: r.livemode,
  };
}

/** PostgreSQL's `address <<= any(allowed_ips)`: no list allows every address, a list allows only what it covers. */
export function addressAllowed(key: CachedKey, address: string): boolean {
  if (!key.allowedIps) return true;
  const bytes = addressBytes(address);
  return !!bytes && key.allowedIps.some((c) => cidrContains(c, bytes));
}

/**
 * API keys (with their workspace's rate limits and audit setting) held in this process's memory, so that a request
 * does not read them from PostgreSQL. Triggers (migration 18) NOTIFY `auth_changes` at the commit of every change to
 * a key or a workspace, and each process LISTENs on a connection of its own: a revoked, rolled or expired-by-update
 * key is dropped from every process within the notification's delivery (milliseconds). While that connection is
 * down nothing is served from memory (every request reads its key, as without the cache), and on reconnecting the
 * whole cache is dropped, so a notification missed meanwhile cannot leave a stale key. Entries also expire after
 * API_KEY_CACHE_TTL_MS whatever happens, a backstop for changes made with the triggers disabled.
 */
export class ApiKeyCache {
  private readonly touched = new Map<string, number>();
  private readonly entries = new Map<string, { key: CachedKey; loadedAt: number }>();
  // bumped by every notification: a read that overlapped one may be older than it, so it is used but not kept
  private generation = 0;
  private listener: Client | null = null;
  private live = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly ttlMs = config.apiKeyCache.ttlMs,
    private readonly maxEntries = config.apiKeyCache.maxEntries,
  ) {}

  /** Starts listening; never throws (without a listener the cache is simply not used). */
  start(): void {
    if (this.ttlMs <= 0) return;
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.orm.config.get('clientUrl'), connectionTimeoutMillis: 3_000 });
    const lost = (err?: Error) => {
      if (this.listener !== client) return;
      this.listener = null;
      this.live = false;
      this.dropAll();
      if (err && !this.closed) logger.warn({ err: loggableError(err) }, 'auth change listener lost; keys are read from the database until it is back');
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (n) => {
      authCacheEvents.inc({ event: 'notified' });
      this.changed(n.payload ?? 'all');
    });
    this.listener = client;
    try {
      await client.connect();
      await client.query('listen auth_changes');
      if (this.listener !== client || this.closed) return;
      // whatever was read before this point may have missed a notification
      this.dropAll();
      this.live = true;
    } catch (err) {
      lost(err as Error);
    }
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, 1_000);
    this.retry.unref();
  }

  private changed(payload: string): void {
    this.generation++;
    if (payload === 'all') return this.dropAll();
    const [kind, id] = [payload.slice(0, payload.indexOf(':')), payload.slice(payload.indexOf(':') + 1)];
    for (const [hash, e] of this.entries) {
      if ((kind === 'key' && e.key.id === id) || (kind === 'ws' && e.key.workspaceId === id)) this.entries.delete(hash);
    }
  }

  /**
   * Drops a workspace's keys at once, for the process that just changed one of them (its own next request must
   * not depend on how soon the notification arrives).
   */
  forgetWorkspace(workspaceId: string): void {
    this.changed(`ws:${workspaceId}`);
  }

  private dropAll(): void {
    this.generation++;
    this.entries.clear();
  }

  /** The key whose current or previous secret has this hash, from memory when it can be trusted, else from PostgreSQL. */
  async find(hash: string): Promise<CachedKey | null> {
    const now = Date.now();
    const hit = this.live ? this.entries.get(hash) : undefined;
    if (hit && now - hit.loadedAt < this.ttlMs) {
      authCacheEvents.inc({ event: 'hit' });
      return hit.key;
    }
    authCacheEvents.inc({ event: 'miss' });
    const generation = this.generation;
    const [row] = await this.orm.em.getConnection().execute<KeyRow[]>(KEY_SQL, [hash, hash, hash]);
    if (!row) return null;
    const key = toCachedKey(row);
    if (this.live && generation === this.generation) {
      this.entries.delete(hash);
      this.entries.set(hash, { key, loadedAt: now });
      // the oldest entries go first (insertion order)
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    }
    return key;
  }

  /**
   * Records a key's use at most once per KEY_LAST_USED_EVERY_MS from this process (and, by the condition in the
   * update, across processes): a write only when one is due.
   */
  touch(keyId: string, address: string, now = Date.now()): Promise<unknown> | null {
    const last = this.touched.get(keyId);
    if (last !== undefined && now - last < config.keyLastUsedEveryMs) return null;
    this.touched.delete(keyId);
    this.touched.set(keyId, now);
    if (this.touched.size > this.maxEntries) this.touched.delete(this.touched.keys().next().value!);
    return this.orm.em.getConnection().execute(TOUCH_SQL, [address, keyId, config.keyLastUsedEveryMs / 1000]);
  }

  /** Whether a notification connection is up (tests and /readyz may ask). */
  get listening(): boolean {
    return this.live;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.live = false;
    if (this.retry) clearTimeout(this.retry);
    const client = this.listener;
    this.listener = null;
    this.entries.clear();
    await client?.end().catch(() => undefined);
  }
}
