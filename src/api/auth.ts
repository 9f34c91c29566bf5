import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { ApiError } from '../errors';
import { sha256Hex } from '../ids';
import type { RateLimitSettings } from '../db/entities';
import { findChannel } from '../db/messaging.queries';
import { workspaceLivemode } from '../db/workspaces.queries';
import { SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS, verifyBodySignature } from '../channels/signatures';
import { CURRENT_VERSION } from '../versions';
import { clientAddress } from './client-address';
import { addressAllowed, type ApiKeyCache, type CachedKey } from './key-cache';
import { ACCESS_TOKEN_SHAPE, findAccessToken } from '../oauth/tokens';
import type { BudgetSpend, RateBudgets } from './rate-budgets';
import { addressBucket } from './stranger-budget';
import type { ApiRequest } from './context';
import { OPERATIONS, type Operation } from '../spec';
import { openSecret } from '../secrets/at-rest';
import { SIGNATURE_HEADER as WHATSAPP_SIGNATURE_HEADER, answerHandshake, verifySignature } from '../channels/whatsapp-cloud/webhook';

const PUBLISHABLE_OPERATIONS = OPERATIONS.filter((o) => o.publishable).map((o) => `${o.method.toUpperCase()} ${o.path}`).join(', ');

// what newKeySecret makes: anything else is refused without asking the database
const KEY_SHAPE = /^(sk|pk)_((live|test)_)?[A-Za-z0-9_-]{32}$/;

/** What authentication needs in every API process: keys held in memory and the shared rate budgets. */
export interface AuthDeps {
  orm: MikroORM;
  keys: ApiKeyCache;
  budgets: RateBudgets;
}

/** Spends one request from a budget shared by every API process and sets the rate-limit headers. */
export async function spendBudget(budgets: RateBudgets, res: Response, bucket: string, family: string, limit: number): Promise<void> {
  applyBudget(res, family, await budgets.spend(bucket, family, limit));
}

function limitFor(settings: RateLimitSettings | null, family: string): number {
  return settings?.families?.[family] ?? settings?.default ?? config.defaultRateLimit;
}

function applyBudget(res: Response, family: string, { limit, used, windowStart }: BudgetSpend): void {
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

/** Callers without a usable key or signature spend a per-address budget in memory: a refusal writes nothing. */
function refuseStranger(budgets: RateBudgets, req: ApiRequest, res: Response, err: ApiError): never {
  applyBudget(res, 'anonymous', budgets.spendAnonymous(req.ctx.clientAddress ?? clientAddress(req)));
  throw err;
}

function bearer(req: ApiRequest): string | null {
  const header = req.get('authorization');
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : '';
}

/**
 * A key as the API accepts it, from this address now: its current secret (or the previous one within a roll's
 * overlap), not revoked, not expired, usable from here. The refusal is returned, not thrown, for the caller to spend.
 */
export async function verifyKey(keys: ApiKeyCache, secret: string, address: string, now = Date.now()): Promise<CachedKey | ApiError> {
  if (!KEY_SHAPE.test(secret)) return new ApiError('invalid_api_key', 'No API key matches the one given');
  const hash = sha256Hex(secret);
  const key = await keys.find(hash);
  // the previous secret works only while the roll's overlap lasts
  const stored = key && (key.secretHash === hash ? key.secretHash : key.previousExpiresAt !== null && key.previousExpiresAt > now ? key.previousSecretHash : null);
  if (!key || !stored || !timingSafeEqual(Buffer.from(stored), Buffer.from(hash))) return new ApiError('invalid_api_key', 'No API key matches the one given');
  if (key.revokedAt !== null) return new ApiError('api_key_revoked', 'This API key was revoked');
  if (key.expiresAt !== null && key.expiresAt <= now) return new ApiError('api_key_expired', 'This API key has expired');
  if (!addressAllowed(key, address)) return new ApiError('ip_not_allowed', `This API key may not be used from ${address}; its IP allowlist does not include it`);
  return key;
}

/** RFC 6750 §3 (and RFC 9728 §5.1 for the MCP endpoint): where a client learns how to authenticate. */
function challenge(op: Operation, error?: string, scope?: string[]): Record<string, string> {
  const params = [`realm="sabnode"`];
  if (op.operationId === 'mcp') params.push(`resource_metadata="${config.publicUrl}/.well-known/oauth-protected-resource/mcp"`);
  if (error) params.push(`error="${error}"`);
  if (scope?.length) params.push(`scope="${scope.join(' ')}"`);
  return { 'WWW-Authenticate': `Bearer ${params.join(', ')}` };
}

/**
 * An OAuth access token calls as a key with the token's scopes: at its app's version, with the connected workspace's
 * mode, masking and audit, and a rate budget of its own grant (a refresh does not reset it). The MCP endpoint takes
 * only tokens issued for it (RFC 8707 audience); the REST operations take tokens for the API or for the MCP
 * endpoint, whose tool calls are REST requests.
 */
async function authenticateToken({ orm, budgets }: Pick<AuthDeps, 'orm' | 'budgets'>, op: Operation, token: string, req: ApiRequest, res: Response, next: NextFunction): Promise<void> {
  const info = await findAccessToken(orm, token);
  const audiences = op.operationId === 'mcp' ? [`${config.publicUrl}/mcp`] : [config.publicUrl, `${config.publicUrl}/mcp`];
  if (!info || !audiences.includes(info.audience)) {
    refuseStranger(budgets, req, res, new ApiError('invalid_token', info ? `This access token was issued for ${info.audience}, not for this endpoint` : 'No live access token matches the one given', {}, challenge(op, 'invalid_token')));
  }
  req.ctx.auth = { keyId: info.appId, workspaceId: info.workspaceId, keyType: 'oauth', scopes: info.scopes, pinnedVersion: info.apiVersion, piiReadAudit: info.piiReadAudit, livemode: info.livemode };
  applyBudget(res, op.rateLimitFamily, await budgets.spend(`oauth:${info.grantId}`, op.rateLimitFamily, limitFor(info.rateLimits, op.rateLimitFamily)));
  const missing = op.scopes.filter((s) => !info.scopes.includes(s));
  if (missing.length) {
    throw new ApiError('insufficient_scope', `This operation needs the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, which the owner did not grant this app`, { missing_scopes: missing }, challenge(op, 'insufficient_scope', op.scopes));
  }
  next();
}

/**
 * Authentication, scopes and rate limits for one operation, as the spec names them. The key comes from memory (see
 * ApiKeyCache) and the budgets are spent in memory (see RateBudgets): a request's only round trip is its own query.
 */
export function authenticate({ orm, keys, budgets }: AuthDeps, op: Operation) {
  return async (req: ApiRequest, res: Response, next: NextFunction): Promise<void> => {
    const address = clientAddress(req);
    req.ctx.clientAddress = address;
    // callers without a usable key share a small per-address budget, so guessing keys is slow too
    const refuse = (err: ApiError): never => refuseStranger(budgets, req, res, err);
    const secret = bearer(req);
    if (secret === null) return refuse(new ApiError('missing_api_key', `Send your ${op.publishable ? 'secret or publishable key as `Authorization: Bearer sk_…` or `pk_…`' : 'secret key as `Authorization: Bearer sk_…`'} (or an OAuth access token)`, {}, challenge(op)));
    if (!secret) return refuse(new ApiError('invalid_api_key', 'The Authorization header must be `Bearer <key>`'));
    if (!KEY_SHAPE.test(secret) && ACCESS_TOKEN_SHAPE.test(secret)) return authenticateToken({ orm, budgets }, op, secret, req, res, next);
    const now = Date.now();
    const found = await verifyKey(keys, secret, address, now);
    if (found instanceof ApiError) return refuse(found);
    const key = found;
    req.ctx.auth = { keyId: key.id, workspaceId: key.workspaceId, keyType: key.type, scopes: key.scopes, pinnedVersion: key.apiVersion, piiReadAudit: key.piiReadAudit, livemode: key.livemode };
    const touched = keys.touch(key.id, address, now);
    // awaited below unless a refusal comes first; its failure then must not go unhandled
    touched?.catch(() => undefined);
    const family = op.rateLimitFamily;
    // a publishable key (in browsers) is also budgeted per client address, so one address cannot spend it for all;
    // refused there, the key's own budget is left unspent
    const perAddress = key.type === 'publishable' ? await budgets.spend(`${key.id}@${addressBucket(address)}`, family, config.publishableKeyAddressRateLimit) : null;
    if (perAddress) applyBudget(res, family, perAddress);
    const own = await budgets.spend(key.id, family, limitFor(key.rateLimits, family));
    applyBudget(res, family, own);
    // the headers tell the tighter of the two budgets
    if (perAddress && perAddress.limit - perAddress.used < own.limit - own.used) applyBudget(res, family, perAddress);
    if (touched) await touched;
    // a publishable key may name the browser origins allowed to use it; a call without Origin is not a browser's
    const origin = req.get('origin');
    if (key.type === 'publishable' && key.allowedOrigins && origin !== undefined && !key.allowedOrigins.includes(origin)) {
      throw new ApiError('origin_not_allowed', `This publishable key may be used only from ${key.allowedOrigins.join(', ')}`);
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
  await orm.em.getConnection().execute(`delete from rate_limit_counters where window_start < ?`, [Math.floor(Date.now() / 1000) - 60]);
}

/**
 * Provider callbacks carry no API key: the channel they name and the HMAC of the raw body over its secret say who
 * calls. An unknown channel and a bad signature are answered alike, so a probe learns nothing.
 */
export function authenticateProvider({ orm, budgets }: AuthDeps, op: Operation) {
  return async (req: ApiRequest, res: Response, next: NextFunction): Promise<void> => {
    req.ctx.clientAddress = clientAddress(req);
    const raw = (req as ApiRequest & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
    // a request with no signature header is refused before the channel is even looked up
    const signature = req.get(SIGNATURE_HEADER);
    const channel = signature ? await findChannel(orm.em.fork(), String(req.params.channel_id)) : null;
    if (!channel || !verifyBodySignature(openSecret(channel.signingSecret), signature, raw)) {
      refuseStranger(budgets, req, res, new ApiError('invalid_signature', `Sign the raw body with the channel's secret in ${SIGNATURE_HEADER} (t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">), at most ${SIGNATURE_TOLERANCE_SECONDS} s old`));
    }
    // the provider may see what it sent us, personal data included
    const livemode = await workspaceLivemode(orm, channel.workspace);
    req.ctx.auth = { keyId: channel.id, workspaceId: channel.workspace, keyType: 'provider', scopes: ['pii:read'], pinnedVersion: CURRENT_VERSION, piiReadAudit: false, livemode };
    await spendBudget(budgets, res, channel.id, op.rateLimitFamily, config.providerCallbackRateLimit);
    next();
  };
}

/**
 * A whatsapp_cloud channel's webhook: Meta carries no key of ours. The handshake GET proves itself by the channel's
 * verify token (`hub.verify_token`), a notification POST by `X-Hub-Signature-256` over the raw bytes with the
 * channel's app secret, checked before the body is parsed. A channel that is not whatsapp_cloud (or none) is
 * refused like a wrong token or signature, so a probe learns nothing; refusals spend the stranger budget only.
 */
export function authenticateWhatsApp({ orm, budgets }: AuthDeps, op: Operation) {
  return async (req: ApiRequest, res: Response, next: NextFunction): Promise<void> => {
    req.ctx.clientAddress = clientAddress(req);
    let channel: Awaited<ReturnType<typeof findChannel>> = null;
    if (op.method === 'get') {
      const token = req.query['hub.verify_token'];
      channel = typeof token === 'string' && token ? await findChannel(orm.em.fork(), String(req.params.channel_id)) : null;
      const answer = channel?.provider === 'whatsapp_cloud' && channel.whatsappVerifyToken ? answerHandshake(req.query as Record<string, unknown>, openSecret(channel.whatsappVerifyToken)) : null;
      if (!answer?.ok) {
        refuseStranger(budgets, req, res, new ApiError('webhook_verification_failed', 'Send hub.mode=subscribe, the channel\'s hub.verify_token and a printable hub.challenge of at most 256 characters'));
      }
      (req as ApiRequest & { whatsappChallenge?: string }).whatsappChallenge = answer.challenge;
    } else {
      const raw = (req as ApiRequest & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
      const header = req.headers[WHATSAPP_SIGNATURE_HEADER];
      // a request with no signature header is refused before the channel is even looked up
      channel = header ? await findChannel(orm.em.fork(), String(req.params.channel_id)) : null;
      const check = channel?.provider === 'whatsapp_cloud' && channel.whatsappAppSecret ? verifySignature(openSecret(channel.whatsappAppSecret), raw, header) : null;
      if (!check?.valid) {
        refuseStranger(budgets, req, res, new ApiError('invalid_signature', 'Sign the raw body with the app secret in X-Hub-Signature-256 (sha256=<hex HMAC-SHA256 of the body>)'));
      }
    }
    const livemode = await workspaceLivemode(orm, channel!.workspace);
    // Meta may see what it sent us, personal data included
    req.ctx.auth = { keyId: channel!.id, workspaceId: channel!.workspace, keyType: 'provider', scopes: ['pii:read'], pinnedVersion: CURRENT_VERSION, piiReadAudit: false, livemode };
    await spendBudget(budgets, res, channel!.id, op.rateLimitFamily, config.providerCallbackRateLimit);
    next();
  };
}
