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
import type { CommandResponse } from './command-registry';

export interface ApiKeyInput {
  name: string;
  type?: 'secret' | 'publishable';
  scopes?: string[];
  allowed_ips?: string[] | null;
  allowed_origins?: string[] | null;
  expires_at?: string | null;
  api_version?: string;
}

/** The secret the API process generated for this command: only its hash and last four characters reach here. */
function generatedSecret(ctx: CommandContext): { hash: string; last4: string } {
  const hash = ctx.derived?.secretHash;
  const last4 = ctx.derived?.secretLast4;
  if (!hash || !last4) throw new Error('the command carries no generated secret');
  return { hash, last4 };
}

/** The scopes of the key that sent the command; a key grants only what it holds. */
async function callerScopes(em: EntityManager, ctx: CommandContext): Promise<string[]> {
  const caller = ctx.actor && (await em.findOne(ApiKeySchema, { id: ctx.actor.keyId, workspace: ctx.workspaceId }, { fields: ['scopes'] }));
  return caller ? caller.scopes : [];
}

function assertGrantable(wanted: string[], held: string[]): void {
  const missing = wanted.filter((s) => !held.includes(s));
  if (missing.length) {
    throw new ApiError('scope_not_grantable', `The calling key does not hold ${missing.join(', ')}, so it cannot give ${missing.length > 1 ? 'them' : 'it'} to another key`, { missing_scopes: missing });
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

export async function createApiKey(em: EntityManager, ctx: CommandContext, _params: Record<string, string>, body: ApiKeyInput): Promise<CommandResponse> {
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
  assertGrantable(scopes, await callerScopes(em, ctx));
  const workspace = await em.findOneOrFail(WorkspaceSchema, { id: ctx.workspaceId });
  // PostgreSQL's spelling of each entry (`2001:DB8:0::/32` is `2001:db8::/32`), as every later read shows it
  const ips = allowedIps && (await em.getConnection().execute<{ ip: string }[]>(
    `select cast(x as inet)::text as ip from jsonb_array_elements_text(cast(? as jsonb)) with ordinality as t(x, n) order by n`,
    [JSON.stringify(allowedIps.map((c) => c.trim()))],
    'all',
    em.getTransactionContext(),
  )).map((r) => r.ip);
  const secret = generatedSecret(ctx);
  const key = em.create(ApiKeySchema, {
    id: idFromSeed('key', ctx.seed),
    workspace: ctx.workspaceId,
    name: body.name,
    type,
    secretHash: secret.hash,
    secretLast4: secret.last4,
    scopes,
    apiVersion: body.api_version ?? workspace.apiVersion,
    expiresAt,
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
  recordAudit(em, ctx, 0, { action: 'api_key.created', objectIds: [key.id], details: { type, scopes, allowed_ips: key.allowedIps ?? null, expires_at: expiresAt?.toISOString() ?? null } });
  await em.flush();
  return { status: 201, body: toApiKeyWire(key, ctx.now) };
}

export const DEFAULT_ROLL_OVERLAP_SECONDS = 24 * 3600;

export async function rollApiKey(em: EntityManager, ctx: CommandContext, params: Record<string, string>, body: { overlap_seconds?: number }): Promise<CommandResponse> {
  const key = await findLiveKey(em, ctx, params.api_key_id);
  // a new secret for a key is as good as the key: only a caller holding all its scopes may have one
  assertGrantable(key.scopes, await callerScopes(em, ctx));
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
  key.revokedAt = ctx.now;
  key.updatedAt = ctx.now;
  recordAudit(em, ctx, 0, { action: 'api_key.revoked', objectIds: [key.id] });
  await em.flush();
  return { status: 200, body: toRevokedApiKeyWire(key) };
}

export async function updateWorkspace(em: EntityManager, ctx: CommandContext, _params: Record<string, string>, body: { pii_read_audit?: boolean }): Promise<CommandResponse> {
  const workspace = await em.findOneOrFail(WorkspaceSchema, { id: ctx.workspaceId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (body.pii_read_audit !== undefined && body.pii_read_audit !== (workspace.piiReadAudit ?? false)) {
    workspace.piiReadAudit = body.pii_read_audit;
    workspace.updatedAt = ctx.now;
    // switching the audit off is itself audited
    recordAudit(em, ctx, 0, { action: 'workspace.updated', objectIds: [workspace.id], details: { pii_read_audit: body.pii_read_audit } });
    await em.flush();
  }
  return { status: 200, body: toWorkspaceWire(workspace) };
}
