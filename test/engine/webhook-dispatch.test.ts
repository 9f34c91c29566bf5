import { Client, Connection } from '@temporalio/client';
import { client } from '../support/client';
import { privateStack } from '../support/processes';
import { closeDb, newWorkspace, stack } from '../support/stack';
import { waitFor } from '../support/wait';
import { Receiver } from '../support/webhook-receiver';
import { webhookEndpointWorkflowId } from '../../src/webhooks/names';

// One dispatcher workflow per endpoint (src/workflows/webhook-endpoint.ts): a failing endpoint's backlog is one
// sleeping workflow, retries go out in due-time order, and one workspace's backlog does not hold up another's.

let connection: Connection;
let temporal: Client;
let receiver: Receiver;

beforeAll(async () => {
  connection = await Connection.connect({ address: stack().env.TEMPORAL_ADDRESS });
  temporal = new Client({ connection });
  receiver = await new Receiver().start();
});
afterAll(async () => {
  await receiver.close();
  await connection.close();
  await closeDb();
});

async function runningWorkflows(workspaceId: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const wf of temporal.workflow.list({ query: `WorkspaceId = "${workspaceId}" AND ExecutionStatus = "Running"` })) ids.push(wf.workflowId);
  return ids;
}

type Delivery = { id: string; status: string; attempt_count: number; attempts: { attempt: number; attempted_at: string; status_code: number }[] };

describe('an endpoint that fails, then recovers', () => {
  it('retries in due-time order, ends dead, is one workflow however long its backlog, and replays after recovery', async () => {
    const SENDS = 12;
    const own = await privateStack('dispatch', { WEBHOOK_RETRY_SCHEDULE_MS: '0,1500,1500' });
    try {
      const ws = await newWorkspace();
      const api = client(ws.key, { baseUrl: own.apiUrl });
      let failing = true;
      receiver.answer = (r) => (r.path === '/recover' ? { status: failing ? 500 : 204 } : { status: 204 });
      const ep = (await api.post('/v1/webhook-endpoints', { body: { url: receiver.url('/recover'), max_concurrency: 2 } })).body;
      expect(ep.max_concurrency).toBe(2);

      const ids: string[] = [];
      for (let i = 0; i < SENDS; i++) {
        const sent = await api.post(`/v1/webhook-endpoints/${ep.id}/test`);
        expect(sent.status).toBe(202);
        ids.push(sent.body.id);
      }
      // while the backlog is retried: its dispatcher, nothing per delivery
      const seen = new Set<number>();
      const all = async () => Promise.all(ids.map(async (id) => (await api.get(`/v1/webhook-deliveries/${id}`)).body as Delivery));
      const dead = await waitFor(async () => {
        const running = await runningWorkflows(ws.workspaceId);
        seen.add(running.length);
        expect(running.length).toBeLessThanOrEqual(2);
        // (a test command that has just answered may still be listed for a moment)
        expect(running.filter((id) => !id.includes('/testWebhookEndpoint/')).every((id) => id === webhookEndpointWorkflowId(ws.workspaceId, ep.id))).toBe(true);
        return all();
      }, (ds) => ds.every((d) => d.status === 'dead'), 45_000);
      expect(Math.max(...seen)).toBeGreaterThanOrEqual(1);

      for (const d of dead) {
        // three attempts each, on the timetable: the retries wait at least 1.5 s
        expect(d.attempts.map((a) => `${a.attempt}:${a.status_code}`)).toEqual(['1:500', '2:500', '3:500']);
        for (let i = 1; i < d.attempts.length; i++) expect(Date.parse(d.attempts[i].attempted_at) - Date.parse(d.attempts[i - 1].attempted_at)).toBeGreaterThanOrEqual(1400);
      }
      // due-time order: each delivery's first attempt comes no later than two places (the concurrency) from its turn
      const firstSeen = [...new Set(receiver.at('/recover').map((r) => String(r.headers['webhook-id'])))];
      expect(firstSeen).toHaveLength(SENDS);
      firstSeen.forEach((id, place) => expect(Math.abs(ids.indexOf(id) - place)).toBeLessThanOrEqual(2));
      // every attempt was sent once: 3 per delivery at the receiver, as the attempt log says
      expect(receiver.at('/recover')).toHaveLength(SENDS * 3);

      // a dead letter for each
      const events = await waitFor(() => api.get('/v1/events?type=webhook_delivery.dead&limit=100'), (r) => r.body.data.length >= SENDS);
      expect(new Set(events.body.data.map((e: { data: { object: { id: string } } }) => e.data.object.id))).toEqual(new Set(ids));

      // recovered: a replay of the endpoint sends each once more, continuing the attempt count
      failing = false;
      const replay = await api.post(`/v1/webhook-endpoints/${ep.id}/replay`, { body: { since: new Date(Date.now() - 3600_000).toISOString(), status: 'all' } });
      expect(replay.status).toBe(202);
      expect(replay.body.count).toBe(SENDS);
      const done = await waitFor(all, (ds) => ds.every((d) => d.status === 'succeeded'), 30_000);
      for (const d of done) expect(d.attempts.map((a) => `${a.attempt}:${a.status_code}`)).toEqual(['1:500', '2:500', '3:500', '4:204']);
      expect(receiver.at('/recover')).toHaveLength(SENDS * 4);
    } finally {
      await own.close();
    }
  }, 150_000);
});

describe('fairness across workspaces', () => {
  it("a workspace's first delivery arrives within seconds while another's endpoint has thousands hanging", async () => {
    const BACKLOG = 2000;
    const a = await newWorkspace();
    const b = await newWorkspace();
    const apiA = client(a.key);
    const apiB = client(b.key);
    // A's receiver never answers: each attempt takes the whole 5 s bound, ten at a time
    receiver.answer = (r) => (r.path === '/hang' ? { status: 0 } : { status: 204 });
    const epA = (await apiA.post('/v1/webhook-endpoints', { body: { url: receiver.url('/hang'), event_types: ['contact.created'] } })).body;
    try {
      for (let i = 0; i < BACKLOG / 1000; i++) {
        const bulk = await apiA.post('/v1/contacts/bulk', { body: { items: Array.from({ length: 1000 }, (_, j) => ({ external_id: `fair-${i}-${j}` })) } });
        expect([200, 202]).toContain(bulk.status);
      }
      // A's deliveries are queued and its dispatcher is busy with them
      await waitFor(() => apiA.get(`/v1/webhook-endpoints/${epA.id}/deliveries?limit=100`), (r) => r.body.data.length >= 100, 60_000);
      await waitFor(async () => receiver.at('/hang').length, (n) => n >= 10, 30_000);

      const epB = (await apiB.post('/v1/webhook-endpoints', { body: { url: receiver.url('/fair-b'), event_types: ['contact.created'] } })).body;
      expect(epB.id).toMatch(/^whe_/);
      const started = Date.now();
      expect((await apiB.post('/v1/contacts', { body: { external_id: 'fair-b' } })).status).toBe(201);
      await waitFor(async () => receiver.at('/fair-b').length, (n) => n >= 1, 30_000);
      const took = Date.now() - started;
      // seconds at most (a generous bound on a busy machine); before, B waited behind thousands of delivery workflows
      expect(took).toBeLessThan(10_000);
      // A's whole backlog is one workflow, and A's own API still answers
      const running = await runningWorkflows(a.workspaceId);
      expect(running).toEqual([webhookEndpointWorkflowId(a.workspaceId, epA.id)]);
      expect((await apiA.get('/v1/contacts?limit=1')).status).toBe(200);
    } finally {
      // its dispatcher ends the waiting deliveries unsent, then itself
      await apiA.delete(`/v1/webhook-endpoints/${epA.id}`);
    }
  }, 180_000);
});

describe('the bound on waiting deliveries', () => {
  it('refuses a test past WEBHOOK_PENDING_MAX with 422 webhook_pending_limit_reached, and takes one again once they finish', async () => {
    const own = await privateStack('pending', { WEBHOOK_PENDING_MAX: '3', WEBHOOK_RETRY_SCHEDULE_MS: '0,60000' });
    try {
      const ws = await newWorkspace();
      const api = client(ws.key, { baseUrl: own.apiUrl });
      receiver.answer = (r) => ({ status: r.path === '/pending' ? 500 : 204 });
      const ep = (await api.post('/v1/webhook-endpoints', { body: { url: receiver.url('/pending') } })).body;
      for (let i = 0; i < 3; i++) expect((await api.post(`/v1/webhook-endpoints/${ep.id}/test`)).status).toBe(202);
      const refused = await api.post(`/v1/webhook-endpoints/${ep.id}/test`);
      expect(refused.status).toBe(422);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ code: 'webhook_pending_limit_reached', status: 422 });
      // the waiting ones end (disabling the endpoint kills them at their next attempt; deleting it at once)
      expect((await api.delete(`/v1/webhook-endpoints/${ep.id}`)).status).toBe(200);
      const again = (await api.post('/v1/webhook-endpoints', { body: { url: receiver.url('/pending-ok') } })).body;
      const accepted = await waitFor(() => api.post(`/v1/webhook-endpoints/${again.id}/test`), (r) => r.status === 202, 30_000);
      // its first attempt made before the answer
      expect(accepted.body).toMatchObject({ object: 'webhook_delivery', status: 'succeeded' });
    } finally {
      await own.close();
    }
  }, 120_000);
});
