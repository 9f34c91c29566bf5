import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ALL_SCOPES, createApiKey, createWorkspace } from '../../src/admin';
import type { RateLimitSettings } from '../../src/db/entities';
import { openOrm } from '../../src/db/orm';

export const STACK_FILE = join(__dirname, '..', '..', '.data', 'test-stack.json');

export interface StackInfo {
  apiUrl: string;
  env: Record<string, string>;
  apiLog: string;
  workerPid: number;
  apiPid: number;
}

export function stack(): StackInfo {
  return JSON.parse(readFileSync(STACK_FILE, 'utf8')) as StackInfo;
}

let ormPromise: Promise<MikroORM> | undefined;
/** A direct database handle for fixtures and for checking what was written. */
export function db(): Promise<MikroORM> {
  ormPromise ??= openOrm(stack().env.DATABASE_URL);
  return ormPromise;
}

export async function closeDb(): Promise<void> {
  if (ormPromise) await (await ormPromise).close();
  ormPromise = undefined;
}

export interface TestWorkspace {
  workspaceId: string;
  key: string;
  keyId: string;
  /** mints another key in this workspace */
  keyWith(scopes: string[], apiVersion?: string): Promise<{ key: string; keyId: string }>;
}

/** A fresh workspace per suite: no truncation, no interference between suites. */
export async function newWorkspace(opts: { rateLimits?: RateLimitSettings; apiVersion?: string } = {}): Promise<TestWorkspace> {
  const orm = await db();
  const workspaceId = await createWorkspace(orm, { name: 'Test', rateLimits: opts.rateLimits ?? { default: 10_000 }, apiVersion: opts.apiVersion });
  const { keyId, secret } = await createApiKey(orm, { workspaceId, scopes: ALL_SCOPES });
  return {
    workspaceId,
    key: secret,
    keyId,
    async keyWith(scopes, apiVersion) {
      const k = await createApiKey(orm, { workspaceId, scopes, apiVersion });
      return { key: k.secret, keyId: k.keyId };
    },
  };
}

export async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return (await db()).em.getConnection().execute<T[]>(query, params);
}
