import { ALL_SCOPES } from '../src/admin';
import { OPERATIONS, spec } from '../src/spec';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { sha256Hex } from '../src/ids';
import { freePort } from '../src/stack/embedded';
import { call, client } from './support/client';
import { expectProblem } from './support/operation-refusals';
import { LOG_DIR, spawnApi, type Proc } from './support/processes';
import { closeDb, newWorkspace, sql, stack, type TestWorkspace } from './support/stack';

let ws: TestWorkspace;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
});
afterAll(closeDb);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every string in a Temporal history, payloads decoded. */
function payloadText(node: unknown, out: string[] = []): string[] {
  if (node instanceof Uint8Array) out.push(Buffer.from(node).toString('utf8'));
  else if (Array.isArray(node)) node.forEach((n) => payloadText(n, out));
  else if (node && typeof node === 'object') Object.values(node).forEach((n) => payloadText(n, out));
  else if (typeof node === 'string') out.push(node);
  return out;
}

async function mint(body: Record<string, unknown>, by = api, idem = randomUUID()) {
  return by.post('/v1/api-keys', { body, headers: { 'Idempotency-Key': idem } });
}

describe('API keys', () => {
  it('mints a key whose secret is shown once: never in list, get, a replay, the database or Temporal', async () => {
    const idem = randomUUID();
    const created = await mint({ name: 'CRM sync', scopes: ['contacts:read', 'contacts:write'] }, api, idem);
    expect(created.status).toBe(201);
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^sk_live_[A-Za-z0-9_-]{32}$/);
    expect(created.body).toMatchObject({
      object: 'api_key',
      name: 'CRM sync',
      type: 'secret',
      scopes: ['contacts:read', 'contacts:write'],
      secret_hint: `sk_…${secret.slice(-4)}`,
      allowed_ips: null,
      last_used_at: null,
    });
    const id: string = created.body.id;

    // the new key works, within its scopes
    expect((await client(secret).get('/v1/contacts')).status).toBe(200);
    expectProblem(await client(secret).get('/v1/templates'), 403, 'insufficient_scope');

    const replay = await mint({ name: 'CRM sync', scopes: ['contacts:read', 'contacts:write'] }, api, idem);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual({ ...created.body, secret: null });

    const got = await api.get(`/v1/api-keys/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).not.toHaveProperty('secret');
    expect(got.body.secret_hint).toBe(`sk_…${secret.slice(-4)}`);
    const list = await api.get('/v1/api-keys?limit=100');
    expect(list.status).toBe(200);
    expect(list.body.data.map((k: { id: string }) => k.id)).toContain(id);
    expect(list.text).not.toContain(secret);
    for (const k of list.body.data) expect(k).not.toHaveProperty('secret');

    const [row] = await sql<{ secret_hash: string }>(`select secret_hash from api_keys where id = ?`, [id]);
    expect(row.secret_hash).toBe(sha256Hex(secret));
    const stored = await sql<{ t: string }>(`select request::text || coalesce(response_body::text, '') as t from idempotency_keys where workspace_id = ?`, [ws.workspaceId]);
    expect(stored.length).toBeGreaterThan(0);
    for (const s of stored) expect(s.t).not.toContain(secret);

    const connection = await Connection.connect({ address: stack().env.TEMPORAL_ADDRESS });
    try {
      const history = await new Client({ connection }).workflow.getHandle(`${ws.workspaceId}/createApiKey/${sha256Hex(`${ws.keyId}\n${idem}`)}`).fetchHistory();
      const text = payloadText(history).join('\n');
      expect(text).toContain('commandId');
      expect(text).not.toContain(secret);
      expect(text).not.toContain(sha256Hex(secret));
    } finally {
      await connection.close();
    }
    // nor in any log line of the API or the worker
    await sleep(300);
    for (const file of [stack().apiLog, join(LOG_DIR, 'worker.log')]) expect(readFileSync(file, 'utf8')).not.toContain(secret);
  });

  it('revokes a key: 200 tombstone, then 401 for the key and 404 for the object', async () => {
    const { body: key } = await mint({ name: 'short-lived', scopes: ['contacts:read'] });
    expect((await client(key.secret).get('/v1/contacts')).status).toBe(200);
    const revoked = await api.delete(`/v1/api-keys/${key.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({ id: key.id, object: 'api_key', livemode: true, deleted: true, created_at: key.created_at, updated_at: expect.any(String) });
    expectProblem(await client(key.secret).get('/v1/contacts'), 401, 'api_key_revoked');
    expectProblem(await api.get(`/v1/api-keys/${key.id}`), 404, 'resource_missing');
    expectProblem(await api.delete(`/v1/api-keys/${key.id}`), 404, 'resource_missing');
    expect((await api.get('/v1/api-keys?limit=100')).body.data.map((k: { id: string }) => k.id)).not.toContain(key.id);
  });

  it('grants only scopes the calling key holds, and checks what it is given', async () => {
    const { key: narrow } = await ws.keyWith(['keys:write', 'keys:read', 'contacts:read']);
    const narrowApi = client(narrow);
    const refused = await mint({ name: 'escalate', scopes: ['contacts:read', 'contacts:write'] }, narrowApi);
    expectProblem(refused, 403, 'scope_not_grantable');
    expect(refused.body.missing_scopes).toEqual(['contacts:write']);
    expect((await mint({ name: 'same', scopes: ['contacts:read'] }, narrowApi)).status).toBe(201);

    // rolling a broader key would hand its powers to the caller
    const { body: broad } = await mint({ name: 'broad', scopes: ['contacts:write'] });
    const roll = await narrowApi.post(`/v1/api-keys/${broad.id}/roll`, { body: {} });
    expectProblem(roll, 403, 'scope_not_grantable');
    expect(roll.body.missing_scopes).toEqual(['contacts:write']);

    const { key: noKeys } = await ws.keyWith(['contacts:read']);
    expectProblem(await mint({ name: 'x', scopes: [] }, client(noKeys)), 403, 'insufficient_scope');

    // the schema lists the scopes and describes a CIDR (found by fuzzing: it allowed values the server refused)
    const bad = await mint({ name: 'bad', scopes: ['contacts:fly'], allowed_ips: ['10.0.0.0/33', 'not-an-ip'] });
    expectProblem(bad, 400, 'invalid_request');
    const badPointers: string[] = bad.body.errors.map((e: { pointer: string }) => e.pointer);
    for (const at of ['/allowed_ips/0', '/allowed_ips/1', '/scopes/0']) expect(badPointers.some((p) => p.startsWith(at))).toBe(true);
    // every scope an operation asks for is one a key can carry
    const asked = new Set(OPERATIONS.flatMap((op) => op.scopes));
    expect([...asked].filter((s) => !(ALL_SCOPES as string[]).includes(s))).toEqual([]);
    expect(ALL_SCOPES).toEqual((spec.components as any).schemas.Scope.enum);
    // a moment relative to now is beyond a schema: a business-rule 422
    const past = await mint({ name: 'past', scopes: ['contacts:read'], expires_at: '2020-01-01T00:00:00Z' });
    expectProblem(past, 422, 'api_key_expiry_past');
    expect(past.body.errors[0].pointer).toBe('/expires_at');
    expectProblem(await mint({ name: 'pk', type: 'publishable', scopes: ['contacts:read'] }), 422, 'publishable_key_scope');
    const originsOnSecret = await mint({ name: 'sk', scopes: [], allowed_origins: ['https://shop.example.com'] });
    expectProblem(originsOnSecret, 400, 'invalid_request');
  });

  it('refuses an expired key with 401', async () => {
    const { body: key } = await mint({ name: 'expiring', scopes: ['contacts:read'], expires_at: new Date(Date.now() + 2_000).toISOString() });
    expect(key.expires_at).not.toBeNull();
    expect((await client(key.secret).get('/v1/contacts')).status).toBe(200);
    await sleep(Math.max(0, new Date(key.expires_at).getTime() - Date.now()) + 300);
    expectProblem(await client(key.secret).get('/v1/contacts'), 401, 'api_key_expired');
  });

  it('rolls a key: old and new secrets both work during the overlap, only the new one after it', async () => {
    const { body: key } = await mint({ name: 'rolling', scopes: ['contacts:read', 'keys:read'] });
    const idem = randomUUID();
    const rolled = await api.post(`/v1/api-keys/${key.id}/roll`, { body: { overlap_seconds: 2 }, headers: { 'Idempotency-Key': idem } });
    expect(rolled.status).toBe(200);
    const fresh: string = rolled.body.secret;
    expect(fresh).toMatch(/^sk_/);
    expect(fresh).not.toBe(key.secret);
    expect(rolled.body.id).toBe(key.id);
    expect(rolled.body.secret_hint).toBe(`sk_…${fresh.slice(-4)}`);
    const overlapEnds = new Date(rolled.body.previous_secret_expires_at).getTime();
    expect(overlapEnds - new Date(rolled.body.updated_at).getTime()).toBe(2_000);

    expect((await client(key.secret).get('/v1/contacts')).status).toBe(200);
    expect((await client(fresh).get('/v1/contacts')).status).toBe(200);
    // a replay of the roll neither shows nor makes a secret
    const replay = await api.post(`/v1/api-keys/${key.id}/roll`, { body: { overlap_seconds: 2 }, headers: { 'Idempotency-Key': idem } });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.secret).toBeNull();
    expect((await client(fresh).get('/v1/contacts')).status).toBe(200);

    await sleep(Math.max(0, overlapEnds - Date.now()) + 300);
    expectProblem(await client(key.secret).get('/v1/contacts'), 401, 'invalid_api_key');
    expect((await client(fresh).get('/v1/contacts')).status).toBe(200);
    expect((await api.get(`/v1/api-keys/${key.id}`)).body.previous_secret_expires_at).toBeNull();

    // without an overlap the old secret stops at once; revoking ends every secret of the key
    const again = await api.post(`/v1/api-keys/${key.id}/roll`, { body: { overlap_seconds: 0 } });
    expectProblem(await client(fresh).get('/v1/contacts'), 401, 'invalid_api_key');
    const third = await api.post(`/v1/api-keys/${key.id}/roll`, { body: { overlap_seconds: 600 } });
    expect((await client(again.body.secret).get('/v1/contacts')).status).toBe(200);
    await api.delete(`/v1/api-keys/${key.id}`);
    expectProblem(await client(again.body.secret).get('/v1/contacts'), 401, 'api_key_revoked');
    expectProblem(await client(third.body.secret).get('/v1/contacts'), 401, 'api_key_revoked');
  });

  it('records when and from where a key was last used', async () => {
    const { body: key } = await mint({ name: 'used', scopes: ['contacts:read'] });
    expect((await client(key.secret).get('/v1/contacts')).status).toBe(200);
    const got = (await api.get(`/v1/api-keys/${key.id}`)).body;
    expect(got.last_used_ip).toBe('127.0.0.1');
    const at = new Date(got.last_used_at).getTime();
    expect(Date.now() - at).toBeLessThan(10_000);
    // at most once a minute: a second use within the minute writes nothing
    await sleep(20);
    expect((await client(key.secret).get('/v1/contacts')).status).toBe(200);
    expect((await api.get(`/v1/api-keys/${key.id}`)).body.last_used_at).toBe(got.last_used_at);
  });
});

describe('IP allowlists', () => {
  let proxied: Proc;
  let proxiedUrl: string;
  beforeAll(async () => {
    const port = await freePort();
    proxied = await spawnApi('keys-trusted-proxy-api', port, { ...stack().env, TRUSTED_PROXIES: '127.0.0.1/32, ::1/128', RATE_LIMIT_ANONYMOUS: '6' });
    proxiedUrl = `http://127.0.0.1:${port}`;
  }, 90_000);
  afterAll(async () => proxied?.stop());

  it('refuse a key from an address outside its list with 403 ip_not_allowed, on every operation', async () => {
    const { body: key } = await mint({ name: 'office only', scopes: ['contacts:read', 'keys:write'], allowed_ips: ['10.0.0.0/8', '2001:db8::/32'] });
    expect(key.allowed_ips).toEqual(['10.0.0.0/8', '2001:db8::/32']);
    const refused = await client(key.secret).get('/v1/contacts');
    expectProblem(refused, 403, 'ip_not_allowed');
    expect(refused.body.detail).toContain('127.0.0.1');
    expectProblem(await client(key.secret).post('/v1/api-keys', { body: { name: 'x', scopes: [] } }), 403, 'ip_not_allowed');
    expectProblem(await client(key.secret).get('/v1/status'), 403, 'ip_not_allowed');
    // a refused key is not recorded as used
    expect((await api.get(`/v1/api-keys/${key.id}`)).body.last_used_at).toBeNull();

    const { body: local } = await mint({ name: 'office and here', scopes: ['contacts:read'], allowed_ips: ['10.0.0.0/8', '127.0.0.1', '2001:DB8:0::/32'] });
    expect(local.allowed_ips).toEqual(['10.0.0.0/8', '127.0.0.1/32', '2001:db8::/32']);
    expect((await client(local.secret).get('/v1/contacts')).status).toBe(200);
    // every later read spells the list the same way, the roll's answer included
    expect((await api.get(`/v1/api-keys/${local.id}`)).body.allowed_ips).toEqual(local.allowed_ips);
    expect((await api.post(`/v1/api-keys/${local.id}/roll`, { body: { overlap_seconds: 0 } })).body.allowed_ips).toEqual(local.allowed_ips);
  });

  it('ignore X-Forwarded-For unless the proxy that sends it is trusted', async () => {
    const { body: office } = await mint({ name: 'office', scopes: ['contacts:read', 'keys:read'], allowed_ips: ['10.0.0.0/8'] });
    // refusals spend a per-address budget shared by every API process: start in a window of its own
    await sleep(1_100);
    const viaOffice = { headers: { 'X-Forwarded-For': '10.1.2.3' } };
    // the shared API trusts no proxy: the header is the caller's word only
    expectProblem(await client(office.secret).get('/v1/contacts', viaOffice), 403, 'ip_not_allowed');

    // this API trusts 127.0.0.1 as a proxy, so the address it forwards is the client's
    const trusted = client(office.secret, { baseUrl: proxiedUrl });
    expect((await trusted.get('/v1/contacts', viaOffice)).status).toBe(200);
    expectProblem(await trusted.get('/v1/contacts'), 403, 'ip_not_allowed');
    expectProblem(await trusted.get('/v1/contacts', { headers: { 'X-Forwarded-For': '192.0.2.1' } }), 403, 'ip_not_allowed');
    // only the last hop (added by the trusted proxy) counts: a client cannot prepend an address of its choosing
    expectProblem(await trusted.get('/v1/contacts', { headers: { 'X-Forwarded-For': '10.1.2.3, 192.0.2.1' } }), 403, 'ip_not_allowed');
    expect((await api.get(`/v1/api-keys/${office.id}`)).body.last_used_ip).toBe('10.1.2.3');

    const { body: here } = await mint({ name: 'here only', scopes: ['contacts:read'], allowed_ips: ['127.0.0.1/32'] });
    expectProblem(await client(here.secret, { baseUrl: proxiedUrl }).get('/v1/contacts', viaOffice), 403, 'ip_not_allowed');
    expect((await client(here.secret).get('/v1/contacts', viaOffice)).status).toBe(200);
  });

  it('give callers without a usable key a budget per client address, as the same function decides it', async () => {
    // behind the trusted proxy, each forwarded address has its own budget of 6 refusals a second: 13 calls spread over at most two windows
    const guess = (address: string) => call('GET', '/v1/contacts', { baseUrl: proxiedUrl, key: 'sk_guessing_000000000000000000000', headers: { 'X-Forwarded-For': address } });
    const burst = await Promise.all(Array.from({ length: 13 }, () => guess('198.51.100.7')));
    expect(burst.map((r) => r.status).sort()).toEqual(expect.arrayContaining([401, 429]));
    expectProblem(burst.find((r) => r.status === 429)!, 429, 'rate_limited');
    const neighbour = await guess('198.51.100.8');
    expect(neighbour.headers.get('ratelimit-policy')).toBe('"anonymous";q=6;w=1');
    expectProblem(neighbour, 401, 'invalid_api_key');
  });
});

describe('publishable keys minted through the API', () => {
  it('work only from their allowed browser origins', async () => {
    const created = await mint({ name: 'storefront', type: 'publishable', allowed_origins: ['https://shop.example.com'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'publishable', scopes: ['templates:read'], allowed_origins: ['https://shop.example.com'] });
    const pk: string = created.body.secret;
    expect(pk).toMatch(/^pk_live_[A-Za-z0-9_-]{32}$/);

    const ok = await call('GET', '/v1/templates', { key: pk, headers: { Origin: 'https://shop.example.com' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    const evil = await call('GET', '/v1/templates', { key: pk, headers: { Origin: 'https://evil.example.net' } });
    expectProblem(evil, 403, 'origin_not_allowed');
    expect(evil.body.detail).toContain('https://shop.example.com');
    // the refusal is readable by the page, so its developer sees why
    expect(evil.headers.get('access-control-allow-origin')).toBe('https://evil.example.net');
    // not a browser: no Origin to check
    expect((await call('GET', '/v1/templates', { key: pk })).status).toBe(200);
    // still a publishable key: reads of public endpoints only
    expectProblem(await call('GET', '/v1/contacts', { key: pk, headers: { Origin: 'https://shop.example.com' } }), 403, 'publishable_key_not_allowed');

    const anyOrigin = await mint({ name: 'anywhere', type: 'publishable' });
    expect(anyOrigin.body.allowed_origins).toBeNull();
    expect((await call('GET', '/v1/templates', { key: anyOrigin.body.secret, headers: { Origin: 'https://evil.example.net' } })).status).toBe(200);
  });
});
