import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { ALL_SCOPES, PUBLISHABLE_SCOPES } from '../admin';
import { parseCidr } from '../cidr';
import { toApiKeyWire, toRevokedApiKeyWire } from '../db/api-keys.queries';
import { recordAudit } from '../db/audit';
import { ApiKeySchema, WorkspaceSchema, type ApiKey } from '../db/entities';
import type { CommandContext } from '../db/events';
import { toWorkspaceWire } from '../db/workspaces.queries';
import { ApiError, type FieldError } from '../errors';
import { idFromSeed } from '../ids';
import { VERSIONS } from '../versions';
import type { CommandResponse } from './types';
import type { RequestBody } from '../types/wire';

export type ApiKeyInput = RequestBody<'createApiKey'>;

/** The secret the API process generated for this command: only its hash and last four characters reach here. */
function generatedSecret(ctx: CommandContext): { hash: string; last4: string } {
  const hash = ctx.derived?.secretHash;
  const last4 = ctx.derived?.secretLast4;
  if (!hash || !last4) throw new Error('the command carries no generated secret');
  return { hash, last4 };
}

/** What the key that sent the command may do, read in the command's transaction: its scopes, allowlist and expiry. */
interface CallerLimits {
  scopes: string[];
  allowedIps: string[] | null;
  expiresAt: Date | null;
}

// A key that is gone (revoked since the request was authenticated) holds nothing: it can grant and manage nothing.
const NO_RIGHTS: CallerLimits = { scopes: [], allowedIps: [], expiresAt: new Date(0) };

async function callerLimits(em: EntityManager, ctx: CommandContext): Promise<CallerLimits> {
  const caller = ctx.actor && (await em.findOne(ApiKeySchema, { id: ctx.actor.keyId, workspace: ctx.workspaceId, revokedAt: null }, { fields: ['scopes', 'allowedIps', 'expiresAt'] }));
  return caller ? { scopes: caller.scopes, allowedIps: caller.allowedIps ?? null, expiresAt: caller.expiresAt ?? null } : NO_RIGHTS;
}

function assertGrantable(wanted: string[], held: string[]): void {
  const missing = wanted.filter((s) => !held.includes(s));
  if (missing.length) {
    throw new ApiError('scope_not_grantable', `The calling key does not hold ${missing.join(', ')}, so it cannot give ${missing.length > 1 ? 'them' : 'it'} to another key`, { missing_scopes: missing });
  }
}

/** Indexes of the CIDRs that lie within none of `within` (PostgreSQL's `<<=`, as the allowlist check at auth). */
async function cidrsOutside(em: EntityManager, cidrs: string[], within: string[]): Promise<number[]> {
  const rows = await em.getConnection().execute<{ i: number }[]>(
    `select (n - 1)::int as i from jsonb_array_elements_text(cast(? as jsonb)) with ordinality as t(x, n)
     where not (cast(x as inet) <<= any (array(select cast(w as inet) from jsonb_array_elements_text(cast(? as jsonb)) as u(w)))) order by n`,
    [JSON.stringify(cidrs), JSON.stringify(within)],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((r) => r.i);
}

/**
 * Revoking or rolling a key is managing its rights: a caller may do it only to a key no wider than itself (scopes a
 * subset of its own, usable from no address and at no time the caller is not), so a narrow key can neither take
 * over nor take down a broader one, the owner's included.
 */
async function assertManageable(em: EntityManager, ctx: CommandContext, key: ApiKey, action: 'revoke' | 'roll'): Promise<void> {
  const caller = await callerLimits(em, ctx);
  const missing = key.scopes.filter((s) => !caller.scopes.includes(s));
  const pointer = '/path/api_key_id';
  if (missing.length) {
    throw new ApiError('scope_not_grantable', `The key holds ${missing.join(', ')}, which the calling key does not, so the calling key cannot ${action} it`, {
      missing_scopes: missing,
      errors: [{ pointer, code: 'wider_scopes', message: `holds ${missing.join(', ')}` }],
    });
  }
  const errors: FieldError[] = [];
  if (caller.allowedIps) {
    const outside = key.allowedIps ? await cidrsOutside(em, key.allowedIps, caller.allowedIps) : [];
    if (!key.allowedIps || outside.length) {
      errors.push({ pointer, code: 'wider_allowed_ips', message: key.allowedIps ? `usable from ${outside.map((i) => key.allowedIps![i]).join(', ')}, outside the calling key's allowed_ips` : 'usable from any address; the calling key is limited by allowed_ips' });
    }
  }
  if (caller.expiresAt && (!key.expiresAt || key.expiresAt > caller.expiresAt)) {
    errors.push({ pointer, code: 'expires_later', message: key.expiresAt ? `expires at ${key.expiresAt.toISOString()}, after the calling key` : 'never expires; the calling key does' });
  }
  if (errors.length) {
    throw new ApiError('api_key_wider_than_caller', `The calling key cannot ${action} a key that is usable where or when it is not: ${errors.map((e) => e.message).join('; ')}`, { errors });
  }
}

function invalid(errors: FieldError[]): ApiError {
  return new ApiError('invalid_request', errors.map((e) => `${e.pointer}: ${e.message}`).join('; '), { errors });
}

async function findLiveKey(em: EntityManager, ctx: CommandContext, id: string): Promise<ApiKey> {
  const key = await em.findOne(ApiKeySchema, { id, workspace: ctx.workspaceId, revokedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!key) throw new ApiError('resource_missing', `No such API key: '${id}'`);
  return key;
}

export async function createApiKey(em: EntityManager, ctx: CommandContext, _params: Record<string, string>, body: RequestBody<'createApiKey'>): Promise<CommandResponse> {
  const type = body.type ?? 'secret';
  const scopes = [...new Set(body.scopes ?? (type === 'publishable' ? PUBLISHABLE_SCOPES : []))];
  const errors: FieldError[] = [];
  scopes.forEach((s, i) => {
    if (!ALL_SCOPES.includes(s)) errors.push({ pointer: `/scopes/${i}`, code: 'unknown_scope', message: `Unknown scope '${s}'` });
  });
  const allowedIps = body.allowed_ips ?? null;
  allowedIps?.forEach((c, i) => {
    if (!parseCidr(c)) errors.push({ pointer: `/allowed_ips/${i}`, code: 'invalid_cidr', message: `'${c}' is not an IPv4 or IPv6 address or CIDR` });
  });
  if (type === 'secret' && body.allowed_origins) {
    errors.push({ pointer: '/allowed_origins', code: 'publishable_only', message: 'Only publishable keys are used from browsers; secret keys have no allowed origins' });
  }
  const expiresAt = body.expires_at ? new Date(body.expires_at) : null;

  const version = body.api_version ? VERSIONS.find((v) => v.version === body.api_version) : undefined;
  if (body.api_version && (!version || (version.sunset && ctx.now >= new Date(`${version.sunset}T00:00:00Z`)))) {
    errors.push({ pointer: '/api_version', code: 'invalid_api_version', message: `Supported: ${VERSIONS.map((v) => v.version).join(', ')}` });
  }
  if (errors.length) throw invalid(errors);
  // what the schema cannot say: a moment relative to now
  if (expiresAt && expiresAt <= ctx.now) {
    throw new ApiError('api_key_expiry_past', 'A new key must expire in the future', { errors: [{ pointer: '/expires_at', code: 'in_the_past', message: 'A new key must expire in the future' }] });
  }
  if (type === 'publishable') {
    const tooBroad = scopes.filter((s) => !PUBLISHABLE_SCOPES.includes(s));
    if (tooBroad.length) throw new ApiError('publishable_key_scope', `A publishable key may carry only ${PUBLISHABLE_SCOPES.join(', ')}; not ${tooBroad.join(', ')}`);
  }
  const caller = await callerLimits(em, ctx);
  assertGrantable(scopes, caller.scopes);
  // a child key never outlives its parent nor leaves its allowlist; given none, it takes the parent's
  if (caller.expiresAt && expiresAt && expiresAt > caller.expiresAt) {
    throw new ApiError('api_key_outlives_caller', `The calling key expires at ${caller.expiresAt.toISOString()}; a key it mints cannot expire later`, {
      errors: [{ pointer: '/expires_at', code: 'after_caller_expiry', message: `must be at or before ${caller.expiresAt.toISOString()}` }],
    });
  }
  if (caller.allowedIps && allowedIps) {
    const outside = await cidrsOutside(em, allowedIps.map((c) => c.trim()), caller.allowedIps);
    if (outside.length) {
      throw new ApiError('api_key_allowlist_outside_caller', `The calling key may be used only from ${caller.allowedIps.join(', ')}; a key it mints cannot be used from anywhere else`, {
        errors: outside.map((i) => ({ pointer: `/allowed_ips/${i}`, code: 'outside_caller_allowlist', message: `'${allowedIps[i]}' is not within the calling key's allowed_ips` })),
      });
    }
  }
  const effectiveExpiry = expiresAt ?? caller.expiresAt;
  const effectiveIps = allowedIps ?? caller.allowedIps;
  const callerSide = await em.findOneOrFail(WorkspaceSchema, { id: ctx.workspaceId });
  if (body.livemode && !callerSide.livemode) throw liveKeyRequired();
  // a live key may mint a key for the workspace's test side, which then lives (and is managed) there
  const workspace = body.livemode === false && callerSide.livemode ? await em.findOneOrFail(WorkspaceSchema, { liveWorkspaceId: callerSide.id }) : callerSide;
  // PostgreSQL's spelling of each entry (`2001:DB8:0::/32` is `2001:db8::/32`), as every later read shows it
  const ips = effectiveIps && (await em.getConnection().execute<{ ip: string }[]>(
    `select cast(x as inet)::text as ip from jsonb_array_elements_text(cast(? as jsonb)) with ordinality as t(x, n) order by n`,
    [JSON.stringify(effectiveIps.map((c) => c.trim()))],
    'all',
    em.getTransactionContext(),
  )).map((r) => r.ip);
  const secret = generatedSecret(ctx);
  const key = em.create(ApiKeySchema, {
    id: idFromSeed('key', ctx.seed),
    workspace: workspace.id,
    name: body.name,
    type,
    secretHash: secret.hash,
    secretLast4: secret.last4,
    scopes,
    apiVersion: body.api_version ?? workspace.apiVersion,
    expiresAt: effectiveExpiry,
    revokedAt: null,
    previousSecretHash: null,
    previousExpiresAt: null,
    allowedIps: ips,
    allowedOrigins: body.allowed_origins ?? null,
    lastUsedAt: null,
    lastUsedIp: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  recordAudit(em, ctx, 0, { action: 'api_key.created', objectIds: [key.id], details: { type, scopes, allowed_ips: key.allowedIps ?? null, expires_at: effectiveExpiry?.toISOString() ?? null, livemode: workspace.livemode } });
  await em.flush();
  // the one object a caller is shown from the other side: it says so itself (the response writer adds the caller's)
  return { status: 201, body: workspace === callerSide ? toApiKeyWire(key, ctx.now) : { ...toApiKeyWire(key, ctx.now), livemode: workspace.livemode } };
}

export function liveKeyRequired(): ApiError {
  return new ApiError('live_key_required', 'A test key (sk_test_…) mints only test keys; mint live keys with a live key', {
    errors: [{ pointer: '/livemode', code: 'live_key_required', message: 'a test key cannot mint a live key' }],
  });
}

export const DEFAULT_ROLL_OVERLAP_SECONDS = 24 * 3600;

export async function rollApiKey(em: EntityManager, ctx: CommandContext, params: Record<string, string>, body: RequestBody<'rollApiKey'>): Promise<CommandResponse> {
  const key = await findLiveKey(em, ctx, params.api_key_id);
  // a new secret for a key is as good as the key: only a caller no narrower than the key may have one
  await assertManageable(em, ctx, key, 'roll');
  const overlap = body.overlap_seconds ?? DEFAULT_ROLL_OVERLAP_SECONDS;
  const secret = generatedSecret(ctx);
  // a second roll within the overlap ends the oldest secret at once: at most two secrets work at any time
  key.previousSecretHash = overlap > 0 ? key.secretHash : null;
  key.previousExpiresAt = overlap > 0 ? new Date(ctx.now.getTime() + overlap * 1000) : null;
  key.secretHash = secret.hash;
  key.secretLast4 = secret.last4;
  key.updatedAt = ctx.now;
  recordAudit(em, ctx, 0, { action: 'api_key.rolled', objectIds: [key.id], details: { overlap_seconds: overlap } });
  await em.flush();
  return { status: 200, body: toApiKeyWire(key, ctx.now) };
}

export async function revokeApiKey(em: EntityManager, ctx: CommandContext, params: Record<string, string>): Promise<CommandResponse> {
  const key = await findLiveKey(em, ctx, params.api_key_id);
  await assertManageable(em, ctx, key, 'revoke');
  key.revokedAt = ctx.now;
  key.updatedAt = ctx.now;
  recordAudit(em, ctx, 0, { action: 'api_key.revoked', objectIds: [key.id] });
  await em.flush();
  return { status: 200, body: toRevokedApiKeyWire(key) };
}

export async function updateWorkspace(
  em: EntityManager,
  ctx: CommandContext,
  _params: Record<string, string>,
  body: { pii_read_audit?: boolean; allow_undefined_attributes?: boolean },
): Promise<CommandResponse> {
  const workspace = await em.findOneOrFail(WorkspaceSchema, { id: ctx.workspaceId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const details: Record<string, boolean> = {};
  if (body.pii_read_audit !== undefined && body.pii_read_audit !== (workspace.piiReadAudit ?? false)) {
    workspace.piiReadAudit = body.pii_read_audit;
    details.pii_read_audit = body.pii_read_audit;
  }
  if (body.allow_undefined_attributes !== undefined && body.allow_undefined_attributes !== (workspace.allowUndefinedAttributes ?? true)) {
    workspace.allowUndefinedAttributes = body.allow_undefined_attributes;
    details.allow_undefined_attributes = body.allow_undefined_attributes;
  }
  if (Object.keys(details).length) {
    workspace.updatedAt = ctx.now;
    // switching the audit off is itself audited
    recordAudit(em, ctx, 0, { action: 'workspace.updated', objectIds: [workspace.id], details });
    await em.flush();
  }
  return { status: 200, body: toWorkspaceWire(workspace) };
}
