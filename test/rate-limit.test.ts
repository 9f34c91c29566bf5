import { client, type ApiResponse } from './support/client';
import { spawnApi, type Proc } from './support/processes';
import { closeDb, newWorkspace, stack } from './support/stack';
import { freePort } from '../src/stack/embedded';

let second: Proc;
let secondUrl: string;

beforeAll(async () => {
  const port = await freePort();
  second = await spawnApi('api-2', port, stack().env);
  secondUrl = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await second.stop();
  await closeDb();
});

function perWindow(responses: ApiResponse[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of responses.filter((x) => x.status === 200)) {
    const reset = r.headers.get('x-ratelimit-reset')!;
    counts.set(reset, (counts.get(reset) ?? 0) + 1);
  }
  return counts;
}

describe('rate limits', () => {
  it('two API processes enforce one budget per key and family', async () => {
    const ws = await newWorkspace({ rateLimits: { default: 10 } });
    const one = client(ws.key);
    const two = client(ws.key, { baseUrl: secondUrl });
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? one : two).get('/v1/contacts?limit=1')));
    const limited = responses.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    for (const [, served] of perWindow(responses)) expect(served).toBeLessThanOrEqual(10);
    for (const r of limited) {
      expect(r.body.code).toBe('rate_limited');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
    }
    const ok = responses.find((r) => r.status === 200)!;
    expect(ok.headers.get('x-ratelimit-limit')).toBe('10');
    expect(ok.headers.get('ratelimit-policy')).toBe('"contacts_read";q=10;w=1');
    expect(ok.headers.get('ratelimit')).toMatch(/^"contacts_read";r=\d+;t=1$/);
  });

  it('keeps families apart and honours a per-family setting', async () => {
    const ws = await newWorkspace({ rateLimits: { default: 5, families: { events_read: 50 } } });
    const api = client(ws.key);
    const reads = await Promise.all(Array.from({ length: 12 }, () => api.get('/v1/contacts?limit=1')));
    expect(reads.some((r) => r.status === 429)).toBe(true);
    const events = await api.get('/v1/events?limit=1');
    expect(events.status).toBe(200);
    expect(events.headers.get('x-ratelimit-limit')).toBe('50');
  });

  it('the budget refills in the next window', async () => {
    const ws = await newWorkspace({ rateLimits: { default: 3 } });
    const api = client(ws.key);
    const burst = await Promise.all(Array.from({ length: 6 }, () => api.get('/v1/contacts?limit=1')));
    const limited = burst.find((r) => r.status === 429);
    expect(limited).toBeDefined();
    await new Promise((r) => setTimeout(r, Number(limited!.headers.get('retry-after')) * 1000 + 50));
    expect((await api.get('/v1/contacts?limit=1')).status).toBe(200);
  });
});
