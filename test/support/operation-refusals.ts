import { randomUUID } from 'node:crypto';
import { createApiKey, revokeApiKey } from '../../src/admin';
import { call, type ApiResponse } from './client';
import { db, newWorkspace, type TestWorkspace } from './stack';
import { waitFor } from './wait';

/** A problem+json answer with this status and code, tied to its request id. */
export function expectProblem(res: ApiResponse, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: `https://docs.sabnode.com/errors/${code}` });
  expect(res.body.request_id).toBe(res.headers.get('request-id'));
}

/**
 * Revokes a key as an operator does (the admin CLI's code, in this process), then calls `path` with it until the
 * API refuses it and returns that answer. The API learns of a change made by another process from the auth_changes
 * notification, within its delivery and not before the commit returns here; a revocation through the API itself
 * is immediate (api-keys suite).
 */
export async function revokedByOperator(keyId: string, secret: string, path = '/v1/status'): Promise<ApiResponse> {
  await revokeApiKey(await db(), keyId);
  return waitFor(() => call('GET', path, { key: secret }), (r) => r.status !== 200, 5_000, 20);
}

export async function publishableKey(workspaceId: string): Promise<string> {
  return (await createApiKey(await db(), { workspaceId, type: 'publishable' })).secret;
}

export interface Probe {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  /** the operation's x-scopes entry */
  scope: string;
  /** the operation's x-rate-limit-family */
  family: string;
  publishable?: boolean;
}

/** 401 without a key, 403 without the scope, and 403 for a publishable key where one is not allowed. */
export async function expectAuthRefusals(ws: TestWorkspace, p: Probe): Promise<void> {
  expectProblem(await call(p.method, p.path, { body: p.body }), 401, 'missing_api_key');
  expectProblem(await call(p.method, p.path, { body: p.body, key: 'sk_not_a_real_key_at_all_000000' }), 401, 'invalid_api_key');
  const { key: unscoped } = await ws.keyWith(['events:read']);
  const scopeless = await call(p.method, p.path, { body: p.body, key: unscoped });
  expectProblem(scopeless, 403, 'insufficient_scope');
  expect(scopeless.body.missing_scopes).toEqual([p.scope]);
  if (!p.publishable) {
    const pk = await call(p.method, p.path, { body: p.body, key: await publishableKey(ws.workspaceId) });
    expectProblem(pk, 403, 'publishable_key_not_allowed');
    expect(pk.body.detail).toContain('secret key');
  }
}

/** 429 once the family's budget of one request per second is spent. */
export async function expectRateLimited(p: Probe): Promise<void> {
  const ws = await newWorkspace({ rateLimits: { default: 10_000, families: { [p.family]: 1 } } });
  // a limited request never reaches its command; the served ones may be refused further on, which is fine here
  const burst = await Promise.all(Array.from({ length: 4 }, () => call(p.method, p.path, { body: p.body, key: ws.key, headers: { 'Idempotency-Key': randomUUID() } })));
  const limited = burst.filter((r) => r.status === 429);
  expect(limited.length).toBeGreaterThan(0);
  expectProblem(limited[0], 429, 'rate_limited');
  expect(limited[0].headers.get('ratelimit-policy')).toBe(`"${p.family}";q=1;w=1`);
  expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
}

/** 413 for a body over 1 MB and 415 for a body that is not JSON. */
export async function expectBodyRefusals(key: string, p: Probe): Promise<void> {
  const big = JSON.stringify({ padding: 'x'.repeat(1024 * 1024) });
  expectProblem(await call(p.method, p.path, { key, rawBody: big, headers: { 'Content-Type': 'application/json' } }), 413, 'payload_too_large');
  expectProblem(await call(p.method, p.path, { key, rawBody: 'a=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type');
}

/** `idempotencyKey` was first used for another request: this one is 409 with a diff naming `pointer`. */
export async function expectKeyReuseRefused(key: string, idempotencyKey: string, p: Probe, pointer: string): Promise<void> {
  const res = await call(p.method, p.path, { key, body: p.body, headers: { 'Idempotency-Key': idempotencyKey } });
  expectProblem(res, 409, 'idempotency_key_reused');
  expect(res.body.diff.map((d: { pointer: string }) => d.pointer)).toContain(pointer);
}
