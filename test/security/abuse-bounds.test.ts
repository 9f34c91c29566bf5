// Abuse bounds (issue 13): webhook endpoints per workspace, and webhook deliveries replayed per hour per workspace.
// An API and a worker of their own with small bounds (WEBHOOK_ENDPOINTS_MAX=3, WEBHOOK_REPLAYS_PER_HOUR=4).
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { client } from '../support/client';
import { expectProblem } from '../support/operation-refusals';
import { privateStack } from '../support/processes';
import { closeDb, newWorkspace } from '../support/stack';
import { waitFor } from '../support/wait';

jest.setTimeout(120_000);

let own: Awaited<ReturnType<typeof privateStack>>;
let server: Server;
let url: string;

beforeAll(async () => {
  own = await privateStack('abuse', { WEBHOOK_ENDPOINTS_MAX: '3', WEBHOOK_REPLAYS_PER_HOUR: '4' });
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks`;
}, 120_000);
afterAll(async () => {
  await own?.close();
  await new Promise<void>((r) => server.close(() => r()));
  await closeDb();
});

async function apiOf() {
  const ws = await newWorkspace();
  return client(ws.key, { baseUrl: own.apiUrl });
}

describe('webhook endpoints per workspace', () => {
  it('the endpoint past WEBHOOK_ENDPOINTS_MAX is 422 webhook_endpoint_limit_reached; deleting one makes room', async () => {
    const api = await apiOf();
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await api.post('/v1/webhook-endpoints', { body: { url, event_types: ['order.paid'] } });
      expect(res.status).toBe(201);
      made.push(res.body.id);
    }
    const refused = await api.post('/v1/webhook-endpoints', { body: { url, event_types: ['order.paid'] } });
    expectProblem(refused, 422, 'webhook_endpoint_limit_reached');
    expect(refused.body.detail).toContain('3 webhook endpoints');
    expect((await api.get('/v1/webhook-endpoints?limit=100')).body.data).toHaveLength(3);

    expect((await api.delete(`/v1/webhook-endpoints/${made[0]}`)).status).toBe(200);
    expect((await api.post('/v1/webhook-endpoints', { body: { url, event_types: ['order.paid'] } })).status).toBe(201);
    // another workspace has its own bound
    expect((await (await apiOf()).post('/v1/webhook-endpoints', { body: { url, event_types: ['order.paid'] } })).status).toBe(201);
  });

  it('concurrent creations cannot pass the bound together', async () => {
    const api = await apiOf();
    const answers = await Promise.all(Array.from({ length: 6 }, () => api.post('/v1/webhook-endpoints', { body: { url, event_types: ['order.paid'] } })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 201, 201, 422, 422, 422]);
    for (const r of answers.filter((x) => x.status === 422)) expectProblem(r, 422, 'webhook_endpoint_limit_reached');
    expect((await api.get('/v1/webhook-endpoints?limit=100')).body.data).toHaveLength(3);
  });
});

describe('webhook replays per hour per workspace', () => {
  it('replays take what is left of the hour, then answer 429 webhook_replay_limit_reached with Retry-After', async () => {
    const api = await apiOf();
    const endpoint = await api.post('/v1/webhook-endpoints', { body: { url, event_types: ['order.paid'] } });
    expect(endpoint.status).toBe(201);
    const id = endpoint.body.id as string;
    const deliveries: string[] = [];
    for (let i = 0; i < 3; i++) deliveries.push((await api.post(`/v1/webhook-endpoints/${id}/test`)).body.id);
    const allFinished = () => waitFor(() => Promise.all(deliveries.map((d) => api.get(`/v1/webhook-deliveries/${d}`))), (rs) => rs.every((r) => r.body.status === 'succeeded'));
    await allFinished();

    const since = new Date(Date.now() - 3600_000).toISOString();
    const firstKey = randomUUID();
    const first = await api.post(`/v1/webhook-endpoints/${id}/replay`, { body: { since, status: 'all' }, headers: { 'Idempotency-Key': firstKey } });
    expect(first.status).toBe(202);
    expect(first.body.count).toBe(3);
    await allFinished();

    // one of the four left: the call takes it and says so
    const partial = await api.post(`/v1/webhook-endpoints/${id}/replay`, { body: { since, status: 'all' } });
    expect(partial.status).toBe(202);
    expect(partial.body.count).toBe(1);
    await allFinished();

    for (const res of [await api.post(`/v1/webhook-deliveries/${deliveries[0]}/replay`), await api.post(`/v1/webhook-endpoints/${id}/replay`, { body: { since, status: 'all' } })]) {
      expectProblem(res, 429, 'webhook_replay_limit_reached');
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(3000);
      expect(retryAfter).toBeLessThanOrEqual(3600);
    }
    // nothing was queued by the refusals
    expect((await Promise.all(deliveries.map((d) => api.get(`/v1/webhook-deliveries/${d}`)))).map((r) => r.body.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    // a dry run only counts, and a retry of a finished replay gets its answer
    const dry = await api.post(`/v1/webhook-endpoints/${id}/replay`, { body: { since, status: 'all', dry_run: true } });
    expect(dry.status).toBe(200);
    expect(dry.body.count).toBe(3);
    const again = await api.post(`/v1/webhook-endpoints/${id}/replay`, { body: { since, status: 'all' }, headers: { 'Idempotency-Key': firstKey } });
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.count).toBe(3);

    // another workspace's replays are not affected
    const other = await apiOf();
    const theirs = await other.post('/v1/webhook-endpoints', { body: { url, event_types: ['order.paid'] } });
    const test = await other.post(`/v1/webhook-endpoints/${theirs.body.id}/test`);
    await waitFor(() => other.get(`/v1/webhook-deliveries/${test.body.id}`), (r) => r.body.status === 'succeeded');
    expect((await other.post(`/v1/webhook-deliveries/${test.body.id}/replay`)).status).toBe(202);
  });
});
