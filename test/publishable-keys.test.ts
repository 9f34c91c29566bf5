import { spawnSync } from 'node:child_process';
import { createApiKey } from '../src/admin';
import { call, client } from './support/client';
import { expectProblem, expectRateLimited, publishableKey, revokedByOperator } from './support/operation-refusals';
import { ROOT } from './support/processes';
import { closeDb, db, newWorkspace, stack, type TestWorkspace } from './support/stack';

let ws: TestWorkspace;
let api: ReturnType<typeof client>;
let pk: string;
let pkApi: ReturnType<typeof client>;
let templateId: string;

const ORIGIN = 'https://shop.example.com';

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
  pk = await publishableKey(ws.workspaceId);
  pkApi = client(pk);
  const t = await api.post('/v1/templates', { body: { name: 'pk_welcome', language: 'en', category: 'marketing', body: 'Welcome, {{1}}!' } });
  expect(t.status).toBe(201);
  templateId = t.body.id;
});
afterAll(closeDb);

/** A browser's preflight: not an operation of the spec, so the response is checked by hand. */
function preflight(path: string, method: string, origin = ORIGIN) {
  return call('OPTIONS', path, { unchecked: true, headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'authorization, api-version' } });
}

const corsHeaders = (h: Headers) => [...h.keys()].filter((k) => k.startsWith('access-control-'));

describe('publishable keys', () => {
  it('are minted as pk_ keys carrying templates:read and nothing broader', async () => {
    expect(pk).toMatch(/^pk_live_[A-Za-z0-9_-]{32}$/);
    const orm = await db();
    const [row] = await orm.em.getConnection().execute(`select type, scopes from api_keys where workspace_id = ? and type = 'publishable'`, [ws.workspaceId]);
    expect(row).toEqual({ type: 'publishable', scopes: ['templates:read'] });
    await expect(createApiKey(orm, { workspaceId: ws.workspaceId, type: 'publishable', scopes: ['templates:read', 'contacts:read'] })).rejects.toThrow(/only templates:read/);
    const scopeless = await createApiKey(orm, { workspaceId: ws.workspaceId, type: 'publishable', scopes: [] });
    expect(scopeless.secret).toMatch(/^pk_/);
    const refused = await client(scopeless.secret).get('/v1/templates');
    expectProblem(refused, 403, 'insufficient_scope');
    expect(refused.body.missing_scopes).toEqual(['templates:read']);
  });

  it('list templates and read the status, and nothing else', async () => {
    const list = await pkApi.get('/v1/templates');
    expect(list.status).toBe(200);
    expect(list.body.data.map((t: { id: string }) => t.id)).toEqual([templateId]);
    expect((await pkApi.get('/v1/status')).status).toBe(200);

    const elsewhere: [string, string, unknown?][] = [
      ['GET', `/v1/templates/${templateId}`],
      ['POST', '/v1/templates', { name: 'pk_sneaky', language: 'en', category: 'utility', body: 'x' }],
      ['PATCH', `/v1/templates/${templateId}`, { body: 'Hacked' }],
      ['DELETE', `/v1/templates/${templateId}`],
      ['GET', '/v1/contacts'],
      ['POST', '/v1/contacts', { phone: '+919855500001' }],
      ['GET', '/v1/orders'],
      ['GET', '/v1/events'],
    ];
    for (const [method, path, body] of elsewhere) {
      const res = await call(method, path, { key: pk, body });
      expectProblem(res, 403, 'publishable_key_not_allowed');
      expect(res.body.detail).toContain('GET /v1/templates, GET /v1/status');
    }
    const still = await api.get(`/v1/templates/${templateId}`);
    expect(still.body).toMatchObject({ name: 'pk_welcome', body: 'Welcome, {{1}}!' });
    expect((await api.get('/v1/templates?name=pk_sneaky')).body.data).toEqual([]);
  });

  it('a secret key works on the publishable operations too', async () => {
    expect((await api.get('/v1/templates')).status).toBe(200);
    expect((await api.get('/v1/status')).status).toBe(200);
  });

  it('a revoked or unknown publishable key is 401', async () => {
    const { keyId, secret } = await createApiKey(await db(), { workspaceId: ws.workspaceId, type: 'publishable' });
    expect((await client(secret).get('/v1/status')).status).toBe(200);
    expectProblem(await revokedByOperator(keyId, secret, '/v1/templates'), 401, 'api_key_revoked');
    expectProblem(await client('pk_not_a_real_key_000000000000000000').get('/v1/status'), 401, 'invalid_api_key');
  });

  it('the admin CLI mints one with --type publishable', () => {
    const env = { ...process.env, DATABASE_URL: stack().env.DATABASE_URL };
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    const ok = run(['keys', 'create', '--workspace', ws.workspaceId, '--type', 'publishable', '--json']);
    expect(ok.status).toBe(0);
    const out = JSON.parse(ok.stdout.trim().split('\n').pop()!);
    expect(out).toEqual({ key_id: expect.stringMatching(/^key_/), api_key: expect.stringMatching(/^pk_/), type: 'publishable' });
    const broad = run(['keys', 'create', '--workspace', ws.workspaceId, '--type', 'publishable', '--scopes', 'contacts:read', '--json']);
    expect(broad.status).toBe(1);
    expect(broad.stderr).toContain('only templates:read');
    const wrongType = run(['keys', 'create', '--workspace', ws.workspaceId, '--type', 'public', '--json']);
    expect(wrongType.status).toBe(1);
    expect(wrongType.stderr).toContain('--type');
  });
});

describe('GET /v1/status', () => {
  it('answers operational with the version used and the server time', async () => {
    const before = Date.now();
    const res = await pkApi.get('/v1/status');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ object: 'status', status: 'operational', api_version: '2026-11-01', time: expect.any(String) });
    expect(Math.abs(Date.parse(res.body.time) - before)).toBeLessThan(5_000);
    expect(res.headers.get('ratelimit-policy')).toMatch(/^"status";/);
    const old = await api.get('/v1/status', { headers: { 'Api-Version': '2025-06-01' } });
    expect(old.body.api_version).toBe('2025-06-01');
    expect(old.headers.get('api-version')).toBe('2025-06-01');
  });

  it('refuses no key with 401, bad input with 400, and a spent budget with 429', async () => {
    expectProblem(await call('GET', '/v1/status'), 401, 'missing_api_key');
    expectProblem(await pkApi.get('/v1/status', { headers: { 'Api-Version': '1999-01-01' } }), 400, 'invalid_api_version');
    expectProblem(await pkApi.get('/v1/status?verbose=1'), 400, 'invalid_request');
    await expectRateLimited({ method: 'GET', path: '/v1/status', scope: '', family: 'status', publishable: true });
  });
});

describe('CORS', () => {
  it('publishable operations answer a browser with the origin echoed and the headers it may read', async () => {
    for (const [c, path] of [[pkApi, '/v1/templates'], [pkApi, '/v1/status'], [api, '/v1/templates?limit=1']] as const) {
      const res = await c.get(path, { headers: { Origin: ORIGIN } });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
      const exposed = res.headers.get('access-control-expose-headers')!.split(', ');
      expect(exposed).toEqual(expect.arrayContaining(['Request-Id', 'Api-Version', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Retry-After']));
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
    // a refusal is readable by the page too
    const refused = await call('GET', '/v1/templates', { headers: { Origin: 'http://localhost:5173' } });
    expectProblem(refused, 401, 'missing_api_key');
    expect(refused.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    // without an Origin there is nothing to allow, but caches still learn that the answer depends on it
    const plain = await pkApi.get('/v1/templates');
    expect(corsHeaders(plain.headers)).toEqual([]);
    expect(plain.headers.get('vary')).toMatch(/\bOrigin\b/);
  });

  it('answers the preflight of a publishable operation with 204 and what it allows', async () => {
    for (const path of ['/v1/templates', '/v1/status']) {
      const res = await preflight(path, 'GET');
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(res.headers.get('access-control-allow-methods')).toBe('GET');
      expect(res.headers.get('access-control-allow-headers')).toBe('Authorization, Api-Version, Content-Type');
      expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
      expect(res.headers.get('vary')).toMatch(/Origin.*Access-Control-Request-Method/);
      expect(res.headers.get('request-id')).toBeTruthy();
    }
  });

  it('gives every other operation no CORS allowance, and refuses its preflight', async () => {
    const reads = [
      await api.get(`/v1/templates/${templateId}`, { headers: { Origin: ORIGIN } }),
      await api.get('/v1/contacts', { headers: { Origin: ORIGIN } }),
      await api.get('/v1/orders', { headers: { Origin: ORIGIN } }),
      await api.post('/v1/templates', { headers: { Origin: ORIGIN }, body: { name: 'cors_probe', language: 'en', category: 'utility', body: 'Hi' } }),
      await pkApi.get('/v1/contacts', { headers: { Origin: ORIGIN } }),
    ];
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 201, 403]);
    for (const r of reads) expect(corsHeaders(r.headers)).toEqual([]);

    const preflights = [
      await preflight('/v1/templates', 'POST'),
      await preflight(`/v1/templates/${templateId}`, 'GET'),
      await preflight(`/v1/templates/${templateId}`, 'DELETE'),
      await preflight('/v1/contacts', 'GET'),
      await preflight('/v1/orders', 'POST'),
      await preflight('/v1/events', 'GET'),
    ];
    for (const r of preflights) {
      expect(r.status).toBe(405);
      expect(corsHeaders(r.headers)).toEqual([]);
      expectProblem(r, 405, 'method_not_allowed');
    }
    // an OPTIONS that is no preflight is refused like any other undocumented method
    const bare = await call('OPTIONS', '/v1/templates', { unchecked: true });
    expectProblem(bare, 405, 'method_not_allowed');
    expect(bare.headers.get('allow')).toBe('GET, POST');
  });
});
