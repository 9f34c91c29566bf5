import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { NextFunction, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { ApiError } from '../errors';
import { sha256Hex } from '../ids';
import type { RateLimitSettings } from '../db/entities';
import { toDate } from '../db/timestamps';
import { findChannel } from '../db/messaging.queries';
import { SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS, verifyBodySignature } from '../signatures';
import { CURRENT_VERSION } from '../versions';
import { clientAddress } from './client-address';
import { addressBucket, StrangerBudget } from './stranger-budget';
import type { ApiRequest } from './context';
import { OPERATIONS, type Operation } from './spec';
import { openSecret } from '../secrets/at-rest';

const PUBLISHABLE_OPERATIONS = OPERATIONS.filter((o) => o.publishable).map((o) => `${o.method.toUpperCase()} ${o.path}`).join(', ');

interface KeyRow {
  id: string;
  workspace_id: string;
  type: 'secret' | 'publishable';
  scopes: string[];
  api_version: string;
  secret_hash: string;
  previous_secret_hash: string | null;
  /** the secret given is the key's current one (not the one a roll left valid for a while) */
  current: boolean;
  revoked_at: string | null;
  expires_at: string | null;
  allowed_origins: string[] | null;
  ip_allowed: boolean;
  rate_limits: RateLimitSettings;
  pii_read_audit: boolean;
  used: number | null;
  window_start: string | null;
  address_used: number | null;
  address_window_start: string | null;
}

// what newKeySecret makes: anything else is refused without asking the database
const KEY_SHAPE = /^(sk|pk)_[A-Za-z0-9_-]{32}$/;

const WINDOW = `floor(extract(epoch from clock_timestamp()))::bigint`;

// One round trip finds the key (by its current secret, or by the previous one while a roll's overlap lasts), checks
// the caller's address against its allowlist, spends one unit of its budget in the store every API process shares
// and, at most once per KEY_LAST_USED_EVERY_MS, records when and from where it was used.
const KEY_AND_BUDGET_SQL = `
  with k as (
    select k.id, k.workspace_id, k.type, k.scopes, k.api_version, k.secret_hash, k.previous_secret_hash, k.secret_hash = ? as current,
      k.revoked_at, k.expires_at, k.allowed_origins, w.rate_limits, w.pii_read_audit,
      coalesce(k.allowed_ips is null or cast(? as inet) <<= any(k.allowed_ips), false) as ip_allowed
    from api_keys k join workspaces w on w.id = k.workspace_id
    where k.secret_hash = ? or (k.previous_secret_hash = ? and k.previous_expires_at > now())
    limit 1
  ), usable as (
    select id from k where revoked_at is null and (expires_at is null or expires_at > now()) and ip_allowed
  ), address_spent as (
    -- a publishable key (in browsers) is also budgeted per client address, so one address cannot spend it for all
    insert into rate_limit_counters as c (bucket, family, window_start, count)
    select usable.id || '@' || ?, ?, ${WINDOW}, 1 from usable join k using (id) where k.type = 'publishable'
    on conflict (bucket, family, window_start) do update set count = c.count + 1
    returning c.count, c.window_start
  ), spent as (
    insert into rate_limit_counters as c (bucket, family, window_start, count)
    select usable.id, ?, ${WINDOW}, 1 from usable where not exists (select 1 from address_spent where count > ?)
    on conflict (bucket, family, window_start) do update set count = c.count + 1
    returning c.count, c.window_start
  ), touched as (
    update api_keys set last_used_at = now(), last_used_ip = ?
    where id = (select id from usable) and (last_used_at is null or last_used_at < now() - make_interval(secs => ?))
    returning id
  )
  select k.*, spent.count as used, spent.window_start, address_spent.count as address_used, address_spent.window_start as address_window_start
  from k left join spent on true left join address_spent on true`;

const BUDGET_SQL = `
  insert into rate_limit_counters as c (bucket, family, window_start, count) values (?, ?, ${WINDOW}, 1)
  on conflict (bucket, family, window_start) do update set count = c.count + 1
  returning c.count as used, c.window_start`;

/** Spends one request from a bucket shared by every API process and sets the rate-limit headers. */
export async function spendBudget(orm: MikroORM, res: Response, bucket: string, family: string, limit: number): Promise<void> {
  const [row] = await orm.em.getConnection().execute<{ used: number; window_start: string }[]>(BUDGET_SQL, [bucket, family]);
  applyBudget(res, family, limit, row.used, Number(row.window_start));
}

function limitFor(settings: RateLimitSettings | null, family: string): number {
  return settings?.families?.[family] ?? settings?.default ?? config.defaultRateLimit;
}

function applyBudget(res: Response, family: string, limit: number, used: number, windowStart: number): void {
  const remaining = Math.max(0, limit - used);
  const reset = windowStart + 1;
  const secondsLeft = Math.max(1, reset - Math.floor(Date.now() / 1000));
  res.setHeader('X-RateLimit-Limit', String(limit));
  res.setHeader('X-RateLimit-Remaining', String(remaining));
  res.setHeader('X-RateLimit-Reset', String(reset));
  res.setHeader('RateLimit-Policy', `"${family}";q=${limit};w=1`);
  res.setHeader('RateLimit', `"${family}";r=${remaining};t=${secondsLeft}`);
  if (used > limit) {
    throw new ApiError('rate_limited', `The budget of ${limit} requests per second for '${family}' is spent; retry after ${secondsLeft}s`, {}, { 'Retry-After': String(secondsLeft) });
  }
}

const strangers = new StrangerBudget(config.limits.strangerAddresses);

/** Callers without a usable key or signature spend a per-address budget in memory: a refusal writes nothing. */
function refuseStranger(req: ApiRequest, res: Response, err: ApiError): never {
  const { used, windowStart } = strangers.spend(req.ctx.clientAddress ?? clientAddress(req));
  applyBudget(res, 'anonymous', config.anonymousRateLimit, used, windowStart);
  throw err;
}

function bearer(req: ApiRequest): string | null {
  const header = req.get('authorization');
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : '';
}

/** Authentication, scopes and rate limits for one operation, as the spec names them. */
export function authenticate(orm: MikroORM, op: Operation) {
  return async (req: ApiRequest, res: Response, next: NextFunction): Promise<void> => {
    const conn = orm.em.getConnection();
    const address = clientAddress(req);
    req.ctx.clientAddress = address;
    // callers without a usable key share a small per-address budget, so guessing keys is slow too
    const refuse = (err: ApiError): never => refuseStranger(req, res, err);
    const secret = bearer(req);
    if (secret === null) return refuse(new ApiError('missing_api_key', `Send your ${op.publishable ? 'secret or publishable key as `Authorization: Bearer sk_…` or `pk_…`' : 'secret key as `Authorization: Bearer sk_…`'}`));
    if (!secret) return refuse(new ApiError('invalid_api_key', 'The Authorization header must be `Bearer <key>`'));
    if (!KEY_SHAPE.test(secret)) return refuse(new ApiError('invalid_api_key', 'No API key matches the one given'));
    const hash = sha256Hex(secret);
    const addressLimit = config.publishableKeyAddressRateLimit;
    const [key] = await conn.execute<KeyRow[]>(KEY_AND_BUDGET_SQL, [
      hash, isIP(address) ? address : null, hash, hash,
      addressBucket(address), op.rateLimitFamily,
      op.rateLimitFamily, addressLimit,
      address, config.keyLastUsedEveryMs / 1000,
    ]);
    const stored = key && (key.current ? key.secret_hash : key.previous_secret_hash);
    if (!key || !stored || !timingSafeEqual(Buffer.from(stored), Buffer.from(hash))) return refuse(new ApiError('invalid_api_key', 'No API key matches the one given'));
    if (key.revoked_at) return refuse(new ApiError('api_key_revoked', 'This API key was revoked'));
    if (key.expires_at && toDate(key.expires_at) <= new Date()) return refuse(new ApiError('api_key_expired', 'This API key has expired'));
    if (!key.ip_allowed) return refuse(new ApiError('ip_not_allowed', `This API key may not be used from ${address}; its IP allowlist does not include it`));
    req.ctx.auth = { keyId: key.id, workspaceId: key.workspace_id, keyType: key.type, scopes: key.scopes, pinnedVersion: key.api_version, piiReadAudit: key.pii_read_audit };
    if (key.address_used !== null) {
      // refused here, the key's own budget was left unspent
      applyBudget(res, op.rateLimitFamily, addressLimit, key.address_used, Number(key.address_window_start));
    }
    const keyLimit = limitFor(key.rate_limits, op.rateLimitFamily);
    applyBudget(res, op.rateLimitFamily, keyLimit, key.used ?? 0, Number(key.window_start));
    // the headers tell the tighter of the two budgets
    if (key.address_used !== null && addressLimit - key.address_used < keyLimit - (key.used ?? 0)) {
      applyBudget(res, op.rateLimitFamily, addressLimit, key.address_used, Number(key.address_window_start));
    }
    // a publishable key may name the browser origins allowed to use it; a call without Origin is not a browser's
    const origin = req.get('origin');
    if (key.type === 'publishable' && key.allowed_origins && origin !== undefined && !key.allowed_origins.includes(origin)) {
      throw new ApiError('origin_not_allowed', `This publishable key may be used only from ${key.allowed_origins.join(', ')}`);
    }
    // publishable keys live in browsers: they reach only the operations the spec marks x-publishable
    if (key.type === 'publishable' && !op.publishable) {
      throw new ApiError('publishable_key_not_allowed', `${op.operationId} needs a secret key (sk_…); publishable keys (pk_…) may call only ${PUBLISHABLE_OPERATIONS}`);
    }
    const missing = op.scopes.filter((s) => !key.scopes.includes(s));
    if (missing.length) {
      throw new ApiError('insufficient_scope', `This operation needs the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, { missing_scopes: missing });
    }
    next();
  };
}

/** Old windows are worthless after a second; any API process may sweep them. */
export async function sweepRateLimitWindows(orm: MikroORM): Promise<void> {
  await orm.em.getConnection().execute(`delete from rate_limit_counters where window_start < ${WINDOW} - 60`);
}

/**
 * Provider callbacks carry no API key: the channel they name and the HMAC of the raw body over its secret say who
 * calls. An unknown channel and a bad signature are answered alike, so a probe learns nothing.
 */
export function authenticateProvider(orm: MikroORM, op: Operation) {
  return async (req: ApiRequest, res: Response, next: NextFunction): Promise<void> => {
    req.ctx.clientAddress = clientAddress(req);
    const raw = (req as ApiRequest & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
    // a request with no signature header is refused before the channel is even looked up
    const signature = req.get(SIGNATURE_HEADER);
    const channel = signature ? await findChannel(orm.em.fork(), String(req.params.channel_id)) : null;
    if (!channel || !verifyBodySignature(openSecret(channel.signingSecret), signature, raw)) {
      refuseStranger(req, res, new ApiError('invalid_signature', `Sign the raw body with the channel's secret in ${SIGNATURE_HEADER} (t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">), at most ${SIGNATURE_TOLERANCE_SECONDS} s old`));
    }
    // the provider may see what it sent us, personal data included
    req.ctx.auth = { keyId: channel.id, workspaceId: channel.workspace, keyType: 'provider', scopes: ['pii:read'], pinnedVersion: CURRENT_VERSION, piiReadAudit: false };
    await spendBudget(orm, res, channel.id, op.rateLimitFamily, config.providerCallbackRateLimit);
    next();
  };
}
