// Issue 13, class "strangers cost nothing": a caller the API does not know is refused without a database write
// (and, for a token that cannot be a key, without a read), on a budget per address (/64 for IPv6) kept in memory;
// publishable keys are budgeted per address too; the public listener tells nothing about the internals.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { createApiKey } from '../../src/admin';
import { freePort } from '../../src/stack/embedded';
import { SIGNATURE_HEADER, signBody } from '../../src/channels/signatures';
import { addressBucket, StrangerBudget } from '../../src/api/stranger-budget';
import { call, client } from '../support/client';
import { spawnApi, type Proc } from '../support/processes';
import { closeDb, db, newWorkspace, sql, stack } from '../support/stack';

// everything the private API sends to PostgreSQL passes here, so the test sees which statements it ran
let sent = '';
let proxy: Server;
const sockets = new Set<Socket>();
let priv: Proc;
let privUrl: string;
let opsPort: number;
let ws: Awaited<ReturnType<typeof newWorkspace>>;

beforeAll(async () => {
  ws = await newWorkspace({ rateLimits: { default: 10_000, families: { templates_read: 12 } } });
  const pg = new URL(stack().env.DATABASE_URL);
  const upstream = { port: Number(pg.port), host: pg.hostname };
  proxy = createServer((down) => {
    const up = connect(upstream.port, upstream.host);
    sockets.add(down).add(up);
    down.on('data', (d: Buffer) => {
      sent += d.toString('latin1');
      up.write(d);
    });
    up.pipe(down);
    const close = () => {
      down.destroy();
      up.destroy();
    };
    down.on('error', close).on('close', close);
    up.on('error', close).on('close', close);
  });
  const proxyPort = await freePort();
  await new Promise<void>((resolve) => proxy.listen(proxyPort, '127.0.0.1', resolve));
  pg.port = String(proxyPort);
  const port = await freePort();
  opsPort = await freePort();
  priv = await spawnApi('api-strangers', port, {
    ...stack().env,
    DATABASE_URL: pg.toString(),
    // X-Forwarded-For from the test stands for many client addresses
    TRUSTED_PROXIES: '127.0.0.1/32',
    RATE_LIMIT_ANONYMOUS: '5',
    RATE_LIMIT_PUBLISHABLE_PER_ADDRESS: '5',
    OPS_PORT: String(opsPort),
  });
  privUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await priv?.stop();
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => proxy?.close(resolve));
  await closeDb();
});

const from = (address: string, headers: Record<string, string> = {}) => ({ baseUrl: privUrl, headers: { 'X-Forwarded-For': address, ...headers } });
let nextAddress = 1;
/** a client address no other request of this suite used */
const fresh = () => `198.18.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

/** waits until just after a second starts, so a short burst falls in one rate-limit window */
async function startOfSecond(): Promise<void> {
  await new Promise((r) => setTimeout(r, 1_000 - (Date.now() % 1_000) + 20));
}

const anonymousRows = async () => Number((await sql<{ n: string }>(`select count(*) as n from rate_limit_counters where family = 'anonymous'`))[0].n);

describe('strangers cost nothing', () => {
  it('refuses tokens that cannot be keys without touching the database, unknown keys without a write', async () => {
    // the pool's connections are open before the measurement
    expect((await call('GET', '/v1/contacts?limit=1', { key: ws.key, ...from(fresh()) })).status).toBe(200);
    const before = await anonymousRows();
    sent = '';
    const malformed: (string | null)[] = [null, 'Bearer', 'Bearer sk_short', `Bearer pk_${'a'.repeat(33)}`, `Bearer sk_${'!'.repeat(32)}`, 'Basic dXNlcjpwYXNz', `Bearer ${'x'.repeat(2_000)}`];
    for (const authorization of malformed) {
      const res = await call('GET', '/v1/contacts', { key: null, ...from(fresh(), authorization ? { Authorization: authorization } : {}) });
      expect(res.status).toBe(401);
      expect(['missing_api_key', 'invalid_api_key']).toContain(res.body.code);
      expect(res.headers.get('ratelimit-policy')).toBe('"anonymous";q=5;w=1');
    }
    // provider callbacks with no signature: not even the channel is looked up
    const unsigned = await call('POST', '/v1/channels/chn_unknown/inbound', { key: null, rawBody: '{"from":"+919800000001"}', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': fresh() }, baseUrl: privUrl });
    expect(unsigned.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(sent).not.toContain('api_keys');
    // (the API's own sweep of old windows may run meanwhile; it deletes, it never inserts)
    expect(sent).not.toMatch(/insert into rate_limit_counters/i);
    expect(sent).not.toContain('channels');

    // a well-formed key the API does not know costs the one read that finds nothing, and no write
    sent = '';
    const unknown = await call('GET', '/v1/contacts', { key: `sk_${randomBytes(24).toString('base64url')}`, ...from(fresh()) });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('invalid_api_key');
    expect(sent).toContain('api_keys');
    // so does a provider callback signed with the wrong secret
    const raw = '{"from":"+919800000001","text":"hi","provider_message_id":"x"}';
    const channel = await client(ws.key).post('/v1/channels', { body: { name: 'strangers', provider: 'sandbox' } });
    const forged = await call('POST', `/v1/channels/${channel.body.id}/inbound`, { key: null, rawBody: raw, headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': fresh(), [SIGNATURE_HEADER]: signBody('chsec_forged', raw) }, baseUrl: privUrl });
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('invalid_signature');
    expect(await anonymousRows()).toBe(before);
    expect(before).toBe(0);
  });

  it('keeps the strangers budget per address, and per /64 for IPv6', async () => {
    const guess = (address: string) => call('GET', '/v1/contacts', { key: `sk_${randomBytes(24).toString('base64url')}`, ...from(address) });
    await startOfSecond();
    // eight addresses of one /64, four calls each: the /64 has one budget of 5
    const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => guess(i % 2 ? '2001:db8:1:2::a' : '2001:db8:1:2:ffff:ffff:ffff:b')));
    const statuses = burst.map((r) => r.status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    const limited = burst.find((r) => r.status === 429)!;
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // the next /64 and another IPv4 address have budgets of their own
    expect((await guess('2001:db8:1:3::a')).status).toBe(401);
    expect((await guess(fresh())).status).toBe(401);
    expect(await anonymousRows()).toBe(0);
  });

  it('forgets the oldest addresses past its bound, and every address of a past second', () => {
    const budget = new StrangerBudget(1_000);
    for (let i = 0; i < 200_000; i++) budget.spend(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, 5_000);
    expect(budget.size).toBe(1_000);
    expect(budget.spend('10.0.0.1', 6_000)).toEqual({ used: 1, windowStart: 6 });
    expect(budget.size).toBe(1);
    expect(addressBucket('2001:db8:1:2::1')).toBe(addressBucket('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'));
    expect(addressBucket('2001:db8:1:2::1')).not.toBe(addressBucket('2001:db8:1:3::1'));
  });

  it('budgets a publishable key per client address, so one address cannot spend it for everyone', async () => {
    const { secret: pk } = await createApiKey(await db(), { workspaceId: ws.workspaceId, type: 'publishable' });
    await startOfSecond();
    // the key allows 12 a second; one address gets 5 of them
    const greedy = await Promise.all(Array.from({ length: 20 }, () => call('GET', '/v1/templates', { key: pk, ...from('203.0.113.5') })));
    const ok = greedy.filter((r) => r.status === 200).length;
    expect(ok).toBeGreaterThan(0);
    expect(ok).toBeLessThanOrEqual(5);
    const refused = greedy.find((r) => r.status === 429)!;
    expect(refused.body.code).toBe('rate_limited');
    expect(refused.headers.get('ratelimit-policy')).toBe('"templates_read";q=5;w=1');
    // another visitor of the same page, in the same second, is served
    const neighbour = await call('GET', '/v1/templates', { key: pk, ...from('203.0.113.6') });
    expect(neighbour.status).toBe(200);
    expect(neighbour.headers.get('ratelimit-policy')).toBe('"templates_read";q=5;w=1');
    // secret keys are budgeted per key only, as before
    const secret = await Promise.all(Array.from({ length: 8 }, () => call('GET', '/v1/templates', { key: ws.key, ...from('203.0.113.7') })));
    expect(secret.every((r) => r.status === 200)).toBe(true);
  });

  it('answers /metrics and readiness details only on the ops listener or to the ops token', async () => {
    const base = stack().apiUrl;
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const metrics = await call('GET', '/metrics', { baseUrl: base, unchecked: true });
    expect(metrics.status).toBe(404);
    expect(metrics.text).not.toContain('sabnode_http_request_duration_seconds');
    for (const token of ['wrong', `${stack().env.OPS_TOKEN}x`, stack().env.OPS_TOKEN.slice(0, -1)]) {
      expect((await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(404);
      expect(await (await fetch(`${base}/readyz`, { headers: { Authorization: `Bearer ${token}` } })).json()).toEqual({ status: 'ready' });
    }
    const withToken = await fetch(`${base}/readyz`, { headers: { Authorization: `Bearer ${stack().env.OPS_TOKEN}` } });
    expect(await withToken.json()).toEqual({ status: 'ready', checks: { postgresql: { ok: true }, temporal: { ok: true } } });
    // the ops listener needs no token
    expect(await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text()).toMatch(/sabnode_http_request_duration_seconds/);
    expect(await (await fetch(`http://127.0.0.1:${opsPort}/readyz`)).json()).toEqual({ status: 'ready', checks: { postgresql: { ok: true }, temporal: { ok: true } } });
  });

  it('logs requests without their query strings', async () => {
    const marker = `query-${randomBytes(6).toString('hex')}`;
    const res = await client(ws.key).get(`/v1/contacts?email=${marker}%40example.com&limit=1`);
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const log = readFileSync(stack().apiLog, 'utf8');
    expect(log).toContain(res.headers.get('request-id')!);
    expect(log).not.toContain(marker);
  });
});
