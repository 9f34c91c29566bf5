import { userInfo } from 'node:os';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ApiKeySchema, AuditLogSchema, WorkspaceSchema, type ApiKey, type RateLimitSettings } from './db/entities';
import { newId, newKeySecret, sha256Hex } from './ids';
import { CURRENT_VERSION } from './versions';
import type { Scope } from './types/wire';
import { SCOPES } from './spec';

/** Every scope the API knows (the spec's `Scope`); a dev or admin-created workspace key gets all of them. */
export const ALL_SCOPES: Scope[] = SCOPES;

/** Creates a workspace: its live side (whose id this returns) and its test side, made together. */
export async function createWorkspace(orm: MikroORM, opts: { name: string; rateLimits?: RateLimitSettings; apiVersion?: string }): Promise<string> {
  const em = orm.em.fork();
  const now = new Date();
  const side = (livemode: boolean, liveWorkspaceId: string | null) =>
    em.create(WorkspaceSchema, {
      id: newId('ws'),
      name: opts.name,
      apiVersion: opts.apiVersion ?? CURRENT_VERSION,
      rateLimits: opts.rateLimits ?? {},
      livemode,
      liveWorkspaceId,
      createdAt: now,
      updatedAt: now,
    });
  const live = side(true, null);
  side(false, live.id);
  await em.flush();
  return live.id;
}

/** The id of a workspace's test side, from its live side's. */
export async function testSideOf(orm: MikroORM, liveWorkspaceId: string): Promise<string> {
  const test = await orm.em.fork().findOne(WorkspaceSchema, { liveWorkspaceId });
  if (!test) throw new Error(`no test side for workspace ${liveWorkspaceId}`);
  return test.id;
}

/** Whether a name (from the command line, say) is a scope the API knows. */
export function isScope(name: string): name is Scope {
  return (ALL_SCOPES as string[]).includes(name);
}

/** What a publishable key (pk_…, meant for browsers) may ever carry. */
export const PUBLISHABLE_SCOPES: Scope[] = ['templates:read'];

/**
 * Mints a key: `secret` (sk_…, server-side, any scopes) or `publishable` (pk_…, browser-safe, at most
 * PUBLISHABLE_SCOPES, which is also its default). The key is returned once; only its SHA-256 is stored.
 */
export async function createApiKey(
  orm: MikroORM,
  opts: { workspaceId: string; scopes?: string[]; type?: ApiKey['type']; name?: string; apiVersion?: string; expiresAt?: Date },
): Promise<{ keyId: string; secret: string }> {
  const type = opts.type ?? 'secret';
  // a secret key names its scopes; a publishable one may leave them to the default
  const scopes = opts.scopes ?? (type === 'publishable' ? PUBLISHABLE_SCOPES : null);
  if (!scopes) throw new Error('a secret key needs its scopes');
  const em = orm.em.fork();
  const workspace = await em.findOne(WorkspaceSchema, { id: opts.workspaceId });
  if (!workspace) throw new Error(`no workspace ${opts.workspaceId}`);
  const unknown = scopes.filter((s) => !isScope(s));
  if (unknown.length) throw new Error(`unknown scopes: ${unknown.join(', ')}`);
  const known = scopes.filter(isScope);
  const tooBroad = type === 'publishable' ? known.filter((s) => !PUBLISHABLE_SCOPES.includes(s)) : [];
  if (tooBroad.length) throw new Error(`a publishable key may carry only ${PUBLISHABLE_SCOPES.join(', ')}; not ${tooBroad.join(', ')}`);
  const secret = newKeySecret(type, workspace.livemode);
  const now = new Date();
  const key = em.create(ApiKeySchema, {
    id: newId('key'),
    workspace: workspace.id,
    name: opts.name ?? 'admin',
    type,
    secretHash: sha256Hex(secret),
    secretLast4: secret.slice(-4),
    scopes: known,
    apiVersion: opts.apiVersion ?? workspace.apiVersion,
    expiresAt: opts.expiresAt ?? null,
    revokedAt: null,
    createdAt: now,
    updatedAt: now,
  });
  // key actions are always audited, from the command line too
  adminAudit(em, workspace.id, 'api_key.created', key.id, { type, scopes });
  await em.flush();
  return { keyId: key.id, secret };
}

export async function revokeApiKey(orm: MikroORM, keyId: string): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    const key = await em.findOne(ApiKeySchema, { id: keyId, revokedAt: null });
    if (!key) return;
    key.revokedAt = new Date();
    key.updatedAt = key.revokedAt;
    adminAudit(em, key.workspace, 'api_key.revoked', key.id);
  });
}

/** Who acts from the command line: the actor `admin_cli` and the operating-system account that ran it. */
export function cliActor(): { actor: 'admin_cli'; os_user: string } {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    // an account without a passwd entry (a container's numeric uid)
    user = process.env.USER ?? `uid:${process.getuid?.() ?? 'unknown'}`;
  }
  return { actor: 'admin_cli', os_user: user };
}

/**
 * An audit record of an action taken with `npm run admin` (no key, no request): operation `admin`, with the actor
 * and OS user in its details.
 */
export function adminAudit(em: EntityManager, workspaceId: string, action: string, objectId: string, details?: Record<string, unknown>): void {
  em.create(AuditLogSchema, {
    id: newId('aud'),
    workspace: workspaceId,
    action,
    keyId: null,
    operationId: 'admin',
    objectIds: [objectId],
    fields: [],
    clientIp: null,
    requestId: null,
    details: { ...details, ...cliActor() },
    createdAt: new Date(),
  });
}

export async function setRateLimits(orm: MikroORM, workspaceId: string, rateLimits: RateLimitSettings): Promise<void> {
  await orm.em.fork().nativeUpdate(WorkspaceSchema, { id: workspaceId }, { rateLimits, updatedAt: new Date() });
}
