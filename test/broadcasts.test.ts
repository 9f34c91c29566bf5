import { client, type ApiResponse } from './support/client';
import { expectProblem } from './support/operation-refusals';
import { privateStack } from './support/processes';
import { Client, Connection } from '@temporalio/client';
import { closeDb, newWorkspace, sql, stack } from './support/stack';
import { waitFor } from './support/wait';
import { makeContacts } from './support/contacts';

afterAll(closeDb);

type Api = ReturnType<typeof client>;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));


/** n new contacts through the bulk upsert; their ids in order. */
const makeContactIds = async (api: Api, n: number): Promise<string[]> => (await makeContacts(api, n)).map((c) => c.id);

async function setup(api: Api) {
  const channel = await api.post('/v1/channels', { body: { name: 'bc', provider: 'sandbox' } });
  const template = await api.post('/v1/templates', { body: { name: `bc_${Date.now()}`, language: 'en', category: 'marketing', body: 'Sale: {{1}} off' } });
  expect([channel.status, template.status]).toEqual([201, 201]);
  return { channel_id: channel.body.id as string, template_id: template.body.id as string, parameters: ['20%'] };
}

const count = async (query: string, params: unknown[]) => Number((await sql<{ n: string }>(query, params))[0].n);
const messagesOf = (workspaceId: string) => count(`select count(*) as n from messages where workspace_id = ? and direction = 'outbound'`, [workspaceId]);

async function untilStatus(api: Api, id: string, statuses: string[], ms = 120_000): Promise<ApiResponse> {
  const res = await waitFor(() => api.get(`/v1/broadcasts/${id}`), (r) => statuses.includes(r.body.status), ms);
  expect(statuses).toContain(res.body.status);
  return res;
}

async function allRecipients(api: Api, id: string, status?: string) {
  const out: { contact_id: string; status: string; message_id: string | null; skip_reason: string | null }[] = [];
  let cursor: string | null = null;
  do {
    const page: ApiResponse = await api.get(`/v1/broadcasts/${id}/recipients?limit=100${status ? `&status=${status}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    out.push(...page.body.data);
    cursor = page.body.next_cursor;
  } while (cursor);
  return out;
}

describe('broadcasts', () => {
  let api: Api;
  let workspaceId: string;
  let base: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    const ws = await newWorkspace();
    workspaceId = ws.workspaceId;
    api = client(ws.key);
    base = await setup(api);
  });

  it('refuses bad input and illegal moves; a draft is listed and retrievable', async () => {
    const [contact] = await makeContactIds(api, 1);
    expectProblem(await api.post('/v1/broadcasts', { body: { ...base, name: 'x', audience: { tag: 'vip', contact_ids: [contact] } } }), 400, 'invalid_request');
    expectProblem(await api.post('/v1/broadcasts', { body: { ...base, name: 'x', audience: { tag: 'vip' }, rate_per_second: 5000 } }), 400, 'invalid_request');
    expectProblem(await api.post('/v1/broadcasts', { body: { ...base, name: 'x', audience: { tag: 'vip' }, parameters: [] } }), 422, 'template_parameters_mismatch');
    expectProblem(await api.post('/v1/broadcasts', { body: { ...base, name: 'x', audience: { tag: 'vip' }, template_id: 'tpl_00000000000000000000000000' } }), 422, 'template_not_found');
    const created = await api.post('/v1/broadcasts', { body: { ...base, name: 'Draft', audience: { contact_ids: [contact, contact] } } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ object: 'broadcast', status: 'draft', rate_per_second: 50, audience: { type: 'contact_ids', contact_count: 2 } });
    expect((await api.get(`/v1/broadcasts/${created.body.id}`)).body).toEqual(created.body);
    expect((await api.get('/v1/broadcasts?status=draft')).body.data.map((b: { id: string }) => b.id)).toContain(created.body.id);
    expectProblem(await api.post(`/v1/broadcasts/${created.body.id}/resume`), 422, 'broadcast_invalid_transition');
    expectProblem(await api.post(`/v1/broadcasts/${created.body.id}/pause`), 422, 'broadcast_invalid_transition');
    expectProblem(await api.get('/v1/broadcasts/brd_00000000000000000000000000'), 404, 'resource_missing');
    const cancelled = await api.post(`/v1/broadcasts/${created.body.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    expectProblem(await api.post(`/v1/broadcasts/${created.body.id}/send`), 422, 'broadcast_invalid_transition');
    expectProblem(await api.post(`/v1/broadcasts/${created.body.id}/cancel`), 422, 'broadcast_invalid_transition');
    // another workspace sees nothing
    const other = client((await newWorkspace()).key);
    expectProblem(await other.get(`/v1/broadcasts/${created.body.id}`), 404, 'resource_missing');
    expectProblem(await other.post(`/v1/broadcasts/${created.body.id}/send`), 404, 'resource_missing');
  });

  it('skips opted-out, phoneless, deleted and unknown contacts with a reason; tag and filter audiences', async () => {
    const ids = await makeContactIds(api, 6);
    const [ok1, ok2, optedOut, deleted, tagged, gold] = ids;
    const phoneless = await api.post('/v1/contacts', { body: { email: `bc${Date.now()}@example.com` } });
    expect(phoneless.status).toBe(201);
    expect((await api.post(`/v1/contacts/${optedOut}/opt-out`)).status).toBe(200);
    expect((await api.delete(`/v1/contacts/${deleted}`)).status).toBe(200);
    const unknown = 'ctc_00000000000000000000000000';
    const res = await api.post('/v1/broadcasts', { body: { ...base, name: 'Mixed', rate_per_second: 1000, audience: { contact_ids: [ok1, optedOut, phoneless.body.id, deleted, unknown, ok2] } } });
    await api.post(`/v1/broadcasts/${res.body.id}/send`);
    const done = await untilStatus(api, res.body.id, ['completed']);
    expect(done.body.counts).toMatchObject({ total: 6, skipped: 4, pending: 0 });
    const skipped = await allRecipients(api, res.body.id, 'skipped');
    expect(Object.fromEntries(skipped.map((r) => [r.contact_id, r.skip_reason]))).toEqual({
      [optedOut]: 'contact_opted_out',
      [phoneless.body.id]: 'contact_without_phone',
      [deleted]: 'contact_not_found',
      [unknown]: 'contact_not_found',
    });
    const messaged = (await allRecipients(api, res.body.id)).filter((r) => r.message_id);
    expect(messaged.map((r) => r.contact_id).sort()).toEqual([ok1, ok2].sort());
    const rows = await sql<{ contact_id: string }>(`select contact_id from messages where id in (?, ?)`, messaged.map((r) => r.message_id));
    expect(rows.map((r) => r.contact_id).sort()).toEqual([ok1, ok2].sort());
    // receipts move the counts on
    const read = await waitFor(() => api.get(`/v1/broadcasts/${res.body.id}`), (r) => r.body.counts.read === 2, 20_000);
    expect(read.body.counts).toMatchObject({ read: 2, queued: 0, sent: 0 });
    expect((await allRecipients(api, res.body.id, 'read')).map((r) => r.contact_id).sort()).toEqual([ok1, ok2].sort());
    const listed = (await api.get('/v1/broadcasts?limit=100')).body.data.find((x: { id: string }) => x.id === res.body.id);
    expect(listed.counts).toEqual(read.body.counts);

    expect((await api.post(`/v1/contacts/${tagged}/tags`, { body: { tags: ['BC-Vip'] } })).status).toBe(200);
    expect((await api.patch(`/v1/contacts/${gold}`, { body: { attributes: { tier: 'gold' } } })).status).toBe(200);
    const byTag = await api.post('/v1/broadcasts', { body: { ...base, name: 'Tag', rate_per_second: 1000, audience: { tag: 'bc-vip' } } });
    const byFilter = await api.post('/v1/broadcasts', { body: { ...base, name: 'Filter', rate_per_second: 1000, audience: { filter: { attributes: { tier: 'gold' } } } } });
    expect(byFilter.body.audience).toEqual({ type: 'filter', filter: { attributes: { tier: 'gold' } } });
    await api.post(`/v1/broadcasts/${byTag.body.id}/send`);
    await api.post(`/v1/broadcasts/${byFilter.body.id}/send`);
    await untilStatus(api, byTag.body.id, ['completed']);
    await untilStatus(api, byFilter.body.id, ['completed']);
    expect((await allRecipients(api, byTag.body.id)).map((r) => r.contact_id)).toEqual([tagged]);
    expect((await allRecipients(api, byFilter.body.id)).map((r) => r.contact_id)).toEqual([gold]);
  });

  it('pauses, resumes and cancels; nothing is sent while paused or after a cancel', async () => {
    const contacts = await makeContactIds(api, 200);
    const ws = workspaceId;
    const messagesOfBroadcast = (id: string) => count(`select count(*) as n from broadcast_recipients where broadcast_id = ? and message_id is not null`, [id]);
    const a = await api.post('/v1/broadcasts', { body: { ...base, name: 'Pausable', rate_per_second: 20, audience: { contact_ids: contacts.slice(0, 100) } } });
    await api.post(`/v1/broadcasts/${a.body.id}/send`);
    await waitFor(() => messagesOfBroadcast(a.body.id), (n) => n > 0, 30_000);
    const paused = await api.post(`/v1/broadcasts/${a.body.id}/pause`);
    expect(paused.status).toBe(200);
    expect(paused.body.status).toBe('paused');
    expectProblem(await api.post(`/v1/broadcasts/${a.body.id}/pause`), 422, 'broadcast_invalid_transition');
    // a batch already under way may finish; after it, nothing moves
    await pause(1500);
    const atPause = await messagesOfBroadcast(a.body.id);
    expect(atPause).toBeLessThan(100);
    await pause(2000);
    expect(await messagesOfBroadcast(a.body.id)).toBe(atPause);
    expect((await api.get(`/v1/broadcasts/${a.body.id}`)).body.counts.pending).toBe(100 - atPause);
    const resumed = await api.post(`/v1/broadcasts/${a.body.id}/resume`);
    expect(resumed.body.status).toBe('sending');
    const done = await untilStatus(api, a.body.id, ['completed'], 60_000);
    expect(done.body.counts).toMatchObject({ total: 100, pending: 0, skipped: 0 });
    expect(await messagesOfBroadcast(a.body.id)).toBe(100);
    // its events, one per move; the client checks the page against the spec's Event schema
    const events = await api.get('/v1/events?type=broadcast.*&limit=100');
    expect(events.status).toBe(200);
    const moves = (events.body.data as { type: string; sequence: number; data: { object: { id: string } } }[])
      .filter((e) => e.data.object.id === a.body.id)
      .sort((x, y) => x.sequence - y.sequence)
      .map((e) => e.type);
    expect(moves).toEqual(['broadcast.created', 'broadcast.scheduled', 'broadcast.started', 'broadcast.paused', 'broadcast.resumed', 'broadcast.completed']);
    expectProblem(await api.post(`/v1/broadcasts/${a.body.id}/resume`), 422, 'broadcast_invalid_transition');
    expectProblem(await api.post(`/v1/broadcasts/${a.body.id}/cancel`), 422, 'broadcast_invalid_transition');

    const c = await api.post('/v1/broadcasts', { body: { ...base, name: 'Cancelled', rate_per_second: 20, audience: { contact_ids: contacts.slice(100) } } });
    await api.post(`/v1/broadcasts/${c.body.id}/send`);
    await waitFor(() => messagesOfBroadcast(c.body.id), (n) => n > 0, 30_000);
    const cancelled = await api.post(`/v1/broadcasts/${c.body.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    await pause(2000);
    const sentBefore = await messagesOfBroadcast(c.body.id);
    expect(sentBefore).toBeLessThan(100);
    const after = (await api.get(`/v1/broadcasts/${c.body.id}`)).body;
    expect(after.counts).toMatchObject({ total: 100, pending: 0, cancelled: 100 - sentBefore });
    expect(after.cancelled_at).not.toBeNull();
    await pause(1500);
    expect(await messagesOfBroadcast(c.body.id)).toBe(sentBefore);
    expect(await count(`select count(*) as n from events where workspace_id = ? and object_id = ? and type = 'broadcast.cancelled'`, [ws, c.body.id])).toBe(1);
    expect(await count(`select count(*) as n from events where workspace_id = ? and object_id = ? and type = 'broadcast.completed'`, [ws, c.body.id])).toBe(0);
  }, 120_000);

  it('honours scheduled_at with a durable timer', async () => {
    const contacts = await makeContactIds(api, 3);
    const at = new Date(Date.now() + 8000);
    const res = await api.post('/v1/broadcasts', { body: { ...base, name: 'Later', rate_per_second: 1000, scheduled_at: at.toISOString(), audience: { contact_ids: contacts } } });
    expect(res.body.scheduled_at).toBe(at.toISOString());
    const sent = await api.post(`/v1/broadcasts/${res.body.id}/send`);
    expect(sent.body.status).toBe('scheduled');
    // until its time it stays scheduled, with no recipients yet
    let checked = 0;
    for (let now = Date.now(); now < at.getTime() - 500; now = Date.now(), checked++) {
      const before = await api.get(`/v1/broadcasts/${res.body.id}`);
      if (Date.now() < at.getTime()) expect(before.body).toMatchObject({ status: 'scheduled', started_at: null, counts: { total: 0 } });
      await pause(500);
    }
    expect(checked).toBeGreaterThan(0);
    const done = await untilStatus(api, res.body.id, ['completed'], 30_000);
    expect(Date.parse(done.body.started_at)).toBeGreaterThanOrEqual(at.getTime());
    expect(done.body.counts.total).toBe(3);
    // operators find the broadcast's workflow in the Web UI by its search attributes
    const connection = await Connection.connect({ address: stack().env.TEMPORAL_ADDRESS });
    try {
      const temporal = new Client({ connection });
      const found = await waitFor(
        async () => {
          const ids: string[] = [];
          for await (const w of temporal.workflow.list({ query: `WorkflowType = 'runBroadcast' AND BroadcastId = '${res.body.id}' AND WorkspaceId = '${workspaceId}'` })) ids.push(w.workflowId);
          return ids;
        },
        (ids) => ids.length > 0,
        10_000,
      );
      expect(found).toEqual([`${workspaceId}/broadcast/${res.body.id}`]);
    } finally {
      await connection.close();
    }
  });
});

// a worker of their own, to kill; receipts far off, so that the channel's sender only hands messages over while
// these tests measure
describe('broadcasts at volume', () => {
  let stackB: Awaited<ReturnType<typeof privateStack>>;
  beforeAll(async () => {
    stackB = await privateStack('broadcasts', { SANDBOX_DELIVERED_AFTER_MS: '600000', SANDBOX_READ_AFTER_MS: '600000' });
  });
  afterAll(() => stackB.close());

  it('leaves no duplicate and no gap when the worker is killed mid-fan-out and restarted', async () => {
    const ws = await newWorkspace();
    const api = client(ws.key, { baseUrl: stackB.apiUrl });
    const b = await setup(api);
    const contacts = await makeContactIds(api, 600);
    // batches of 40, one a second: the kill lands mid-fan-out
    const res = await api.post('/v1/broadcasts', { body: { ...b, name: 'Killed', rate_per_second: 40, audience: { contact_ids: contacts } } });
    expect((await api.post(`/v1/broadcasts/${res.body.id}/send`)).status).toBe(202);
    await waitFor(() => messagesOf(ws.workspaceId), (n) => n >= 80, 60_000);
    await stackB.killWorker();
    const atKill = await messagesOf(ws.workspaceId);
    expect(atKill).toBeLessThan(600);
    await stackB.startWorker();
    const done = await untilStatus(api, res.body.id, ['completed'], 120_000);
    expect(done.body.counts).toMatchObject({ total: 600, pending: 0, skipped: 0 });
    expect(await messagesOf(ws.workspaceId)).toBe(600);
    expect(await count(`select count(distinct contact_id) as n from messages where workspace_id = ?`, [ws.workspaceId])).toBe(600);
    // no gap: every message is handed to the provider, once
    const sent = await waitFor(() => count(`select count(*) as n from messages where workspace_id = ? and status = 'sent'`, [ws.workspaceId]), (n) => n === 600, 90_000);
    expect(sent).toBe(600);
    const sentPerMessage = await sql<{ n: string }>(`select count(*) as n from events where workspace_id = ? and type = 'message.sent' group by object_id`, [ws.workspaceId]);
    expect(sentPerMessage.map((r) => Number(r.n))).toEqual(Array(600).fill(1));
    expect(await count(`select count(*) as n from events where workspace_id = ? and type = 'message.queued'`, [ws.workspaceId])).toBe(600);
    expect(await count(`select count(*) as n from events where workspace_id = ? and object_id = ? and type = 'broadcast.started'`, [ws.workspaceId, res.body.id])).toBe(1);
  }, 300_000);

  it('sends exactly one message to each of 5,000 recipients, no faster than its rate', async () => {
    const ws = await newWorkspace();
    const api5 = client(ws.key, { baseUrl: stackB.apiUrl });
    const b5 = await setup(api5);
    const contacts = await makeContactIds(api5, 5000);
    const rate = 500;
    const created = await api5.post('/v1/broadcasts', { body: { ...b5, name: 'Big', audience: { contact_ids: contacts }, rate_per_second: rate } });
    expect(created.status).toBe(201);
    const sent = await api5.post(`/v1/broadcasts/${created.body.id}/send`);
    expect(sent.status).toBe(202);
    expect(sent.body.status).toBe('scheduled');
    const done = await untilStatus(api5, created.body.id, ['completed'], 240_000);
    expect(await messagesOf(ws.workspaceId)).toBe(5000);
    expect(await count(`select count(distinct contact_id) as n from messages where workspace_id = ?`, [ws.workspaceId])).toBe(5000);
    expect(await count(`select count(*) as n from broadcast_recipients where broadcast_id = ? and state = 'messaged'`, [created.body.id])).toBe(5000);
    expect(done.body.counts).toMatchObject({ total: 5000, pending: 0, skipped: 0, cancelled: 0 });
    expect(done.body.counts.queued + done.body.counts.sent + done.body.counts.delivered + done.body.counts.read + done.body.counts.failed).toBe(5000);
    // the rate's lower bound: 5,000 at 500/s take at least 10 s from the first batch to completion
    const elapsed = Date.parse(done.body.completed_at) - Date.parse(done.body.started_at);
    expect(elapsed).toBeGreaterThanOrEqual((5000 / rate) * 1000 - 100);
    const events = await sql<{ type: string; n: string }>(`select type, count(*) as n from events where workspace_id = ? and object_id = ? group by type order by type`, [ws.workspaceId, created.body.id]);
    expect(events.map((e) => [e.type, Number(e.n)])).toEqual([
      ['broadcast.completed', 1],
      ['broadcast.created', 1],
      ['broadcast.scheduled', 1],
      ['broadcast.started', 1],
    ]);
    expect(await count(`select count(*) as n from events where workspace_id = ? and type = 'message.queued'`, [ws.workspaceId])).toBe(5000);
  }, 360_000);
});
