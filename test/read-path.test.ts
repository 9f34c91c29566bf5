// The read path without a database write: two API processes over one database share each key's rate budget through
// leases (src/api/rate-budgets.ts), and keep keys in memory with changes pushed by NOTIFY (src/api/key-cache.ts).
import { setRateLimits } from '../src/admin';
import { freePort } from '../src/stack/embedded';
import { client, type ApiResponse } from './support/client';
import { expectProblem } from './support/operation-refusals';
import { spawnApi, type Proc } from './support/processes';
import { closeDb, db, newWorkspace, stack } from './support/stack';

let second: Proc;
let secondUrl: string;
// the second process keeps keys far longer than any bound below: what it learns in time, it learns by NOTIFY
const SECOND_TTL_MS = 600_000;
// how soon a change made through one process must reach the other (NOTIFY takes milliseconds; the machine is busy)
const PROPAGATION_BOUND_MS = 2_000;

beforeAll(async () => {
  const port = await freePort();
  second = await spawnApi('read-path-api-2', port, { ...stack().env, API_KEY_CACHE_TTL_MS: String(SECOND_TTL_MS) });
  secondUrl = `http://127.0.0.1:${port}`;
}, 90_000);
afterAll(async () => {
  await second?.stop();
  await closeDb();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function metric(baseUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`, { headers: { Authorization: `Bearer ${stack().env.OPS_TOKEN}` } })).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no ${name} in /metrics`);
  return Number(line.split(' ')[1]);
}

/** Polls until `refused` holds; the milliseconds it took. */
async function untilRefused(fn: () => Promise<ApiResponse>, refused: (r: ApiResponse) => boolean, boundMs: number): Promise<{ ms: number; last: ApiResponse }> {
  const started = Date.now();
  for (;;) {
    const last = await fn();
    if (refused(last)) return { ms: Date.now() - started, last };
    if (Date.now() - started > boundMs * 3) return { ms: Date.now() - started, last };
    await sleep(10);
  }
}

describe('one rate budget across two API processes', () => {
  it('serves at most the family limit per window between them, and its 429s say so', async () => {
    const ws = await newWorkspace({ rateLimits: { default: 10_000, families: { contacts_read: 20 } } });
    const one = client(ws.key);
    const two = client(ws.key, { baseUrl: secondUrl });
    // warm both processes (and this client's response checks) up, then start just after a window opens, then keep both processes busy for three whole windows
    await Promise.all([one.get('/v1/contacts?limit=1'), two.get('/v1/contacts?limit=1')]);
    await sleep(1_000 - (Date.now() % 1_000) + 20);
    const firstWindow = Math.floor(Date.now() / 1000);
    const responses: ApiResponse[] = [];
    const until = (firstWindow + 3) * 1000;
    while (Date.now() < until) {
      responses.push(...(await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).get('/v1/contacts?limit=1')))));
      await sleep(50);
    }
    const served = new Map<number, number>();
    const refused = new Set<number>();
    for (const r of responses) {
      expect([200, 429]).toContain(r.status);
      const reset = Number(r.headers.get('x-ratelimit-reset'));
      expect(r.headers.get('x-ratelimit-limit')).toBe('20');
      expect(r.headers.get('ratelimit-policy')).toBe('"contacts_read";q=20;w=1');
      const remaining = Number(r.headers.get('x-ratelimit-remaining'));
      expect(remaining).toBeGreaterThanOrEqual(0);
      expect(remaining).toBeLessThan(20);
      expect(r.headers.get('ratelimit')).toBe(`"contacts_read";r=${remaining};t=1`);
      if (r.status === 200) served.set(reset, (served.get(reset) ?? 0) + 1);
      else {
        refused.add(reset);
        expect(r.body.code).toBe('rate_limited');
        expect(r.headers.get('retry-after')).toBe('1');
        expect(remaining).toBe(0);
      }
    }
    // leases never add up to more than the limit: no overshoot at all
    for (const [, n] of served) expect(n).toBeLessThanOrEqual(20);
    // and the units a process leased but did not spend are few (one lease of 2 each): a window that refused
    // requests had served nearly all of its budget first
    expect(refused.size).toBeGreaterThan(0);
    for (const reset of refused) expect(served.get(reset) ?? 0).toBeGreaterThanOrEqual(16);
  }, 30_000);

  it('takes a changed limit within the bound', async () => {
    const ws = await newWorkspace({ rateLimits: { default: 50 } });
    const two = client(ws.key, { baseUrl: secondUrl });
    expect((await two.get('/v1/contacts?limit=1')).headers.get('x-ratelimit-limit')).toBe('50');
    await setRateLimits(await db(), ws.workspaceId, { default: 70 });
    const { ms, last } = await untilRefused(() => two.get('/v1/contacts?limit=1'), (r) => r.headers.get('x-ratelimit-limit') === '70', PROPAGATION_BOUND_MS);
    expect(last.headers.get('x-ratelimit-limit')).toBe('70');
    expect(ms).toBeLessThan(PROPAGATION_BOUND_MS);
  });
});

describe('keys held in memory', () => {
  it('a key revoked through one process is refused by the other within the bound', async () => {
    const ws = await newWorkspace();
    const one = client(ws.key);
    const { body: key } = await one.post('/v1/api-keys', { body: { name: 'short-lived', scopes: ['contacts:read'] } });
    const two = client(key.secret, { baseUrl: secondUrl });
    // the second process now holds the key in memory
    expect((await two.get('/v1/contacts?limit=1')).status).toBe(200);
    const hits = await metric(secondUrl, 'sabnode_api_key_cache_events_total{event="hit"}');
    expect((await two.get('/v1/contacts?limit=1')).status).toBe(200);
    expect(await metric(secondUrl, 'sabnode_api_key_cache_events_total{event="hit"}')).toBeGreaterThan(hits);

    expect((await one.delete(`/v1/api-keys/${key.id}`)).status).toBe(200);
    const { ms, last } = await untilRefused(() => two.get('/v1/contacts?limit=1'), (r) => r.status === 401, PROPAGATION_BOUND_MS);
    expectProblem(last, 401, 'api_key_revoked');
    expect(ms).toBeLessThan(PROPAGATION_BOUND_MS);
  });

  it('a key rolled through one process answers only to its new secret on the other within the bound', async () => {
    const ws = await newWorkspace();
    const one = client(ws.key);
    const { body: key } = await one.post('/v1/api-keys', { body: { name: 'rolled', scopes: ['contacts:read'] } });
    expect((await client(key.secret, { baseUrl: secondUrl }).get('/v1/contacts?limit=1')).status).toBe(200);
    const { body: rolled } = await one.post(`/v1/api-keys/${key.id}/roll`, { body: { overlap_seconds: 0 } });
    const { ms, last } = await untilRefused(() => client(key.secret, { baseUrl: secondUrl }).get('/v1/contacts?limit=1'), (r) => r.status === 401, PROPAGATION_BOUND_MS);
    expectProblem(last, 401, 'invalid_api_key');
    expect(ms).toBeLessThan(PROPAGATION_BOUND_MS);
    expect((await client(rolled.secret, { baseUrl: secondUrl }).get('/v1/contacts?limit=1')).status).toBe(200);
  });

  it('a read costs one round trip to PostgreSQL: its own query', async () => {
    const ws = await newWorkspace();
    const two = client(ws.key, { baseUrl: secondUrl });
    // the first use reads the key and records its use; later ones find it in memory
    expect((await two.get('/v1/contacts?limit=5')).status).toBe(200);
    const queries = () => metric(secondUrl, 'sabnode_db_queries_total');
    // what scraping /metrics itself costs, measured the same way
    const idle0 = await queries();
    const idle = (await queries()) - idle0;
    const before = await queries();
    const n = 50;
    for (let i = 0; i < n; i++) expect((await two.get('/v1/contacts?limit=5')).status).toBe(200);
    const spent = (await queries()) - before - idle;
    // one query per request; a lease of rate-limit units per window (a tenth of the limit at a time) and a sweep
    // that may fall in between are the only others
    expect(spent).toBeGreaterThanOrEqual(n);
    expect(spent).toBeLessThanOrEqual(n + 6);
  });
});
