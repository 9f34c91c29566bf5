import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { channelSenderWorkflowId } from '../src/channels/names';
import { client } from './support/client';
import { closeDb, newWorkspace, sql, stack } from './support/stack';
import { expectProblem } from './support/operation-refusals';
import { privateStack } from './support/processes';
import { waitFor } from './support/wait';
import { SIGNATURE_HEADER, signBody } from '../src/channels/signatures';

// The test stack lowers the minimum lead to SCHEDULED_MESSAGE_MIN_LEAD_MS (2 s; production: one minute).
const MIN_LEAD_MS = Number(stack().env.SCHEDULED_MESSAGE_MIN_LEAD_MS);
const DAY_MS = 24 * 3600 * 1000;

type Api = ReturnType<typeof client>;

let ws: Awaited<ReturnType<typeof newWorkspace>>;
let api: Api;

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
});
afterAll(closeDb);

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const phone = () => `+9197${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}`;

/** A sandbox channel, a template, a contact and its open conversation. */
async function setup(on: Api = api) {
  const channel = await on.post('/v1/channels', { body: { name: 'scheduled', provider: 'sandbox' } });
  const template = await on.post('/v1/templates', { body: { name: `sched_${randomUUID().slice(0, 8)}`, language: 'en', category: 'utility', body: 'Hi {{1}}, your order ships today.' } });
  const contact = await on.post('/v1/contacts', { body: { phone: phone(), first_name: 'Asha' } });
  expect([channel.status, template.status, contact.status]).toEqual([201, 201, 201]);
  const conversation = await on.post('/v1/conversations', { body: { contact_id: contact.body.id, channel_id: channel.body.id } });
  expect(conversation.status).toBe(201);
  const schedule = (sendAt: string, extra: Record<string, unknown> = {}) =>
    on.post(`/v1/conversations/${conversation.body.id}/messages`, { body: { type: 'template', template_id: template.body.id, parameters: ['Asha'], send_at: sendAt, ...extra } });
  return { channel: channel.body, template: template.body, contact: contact.body, conversation: conversation.body, schedule };
}

const eventsOf = async (messageId: string) =>
  (await sql<{ type: string; sequence: number }>(`select type, sequence from events where object_id = ? order by sequence`, [messageId])).map((e) => `${e.type}#${e.sequence}`);

describe('scheduling', () => {
  it('stores a message `scheduled` with its send_at and hands nothing to the provider before then', async () => {
    const { schedule } = await setup();
    const sendAt = inMs(2 * DAY_MS);
    const res = await schedule(sendAt);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'scheduled', send_at: sendAt, queued_at: null, sent_at: null, cancelled_at: null, provider_message_id: null });
    const shown = await api.get(`/v1/messages/${res.body.id}`);
    expect(shown.body).toMatchObject({ status: 'scheduled', send_at: sendAt });
    const listed = await api.get('/v1/messages?status=scheduled');
    expect(listed.body.data.map((m: { id: string }) => m.id)).toContain(res.body.id);
    expect(await eventsOf(res.body.id)).toEqual(['message.scheduled#1']);
    // due for its channel's sender at its send_at, not before
    const [row] = await sql<{ next_attempt_at: string | null }>('select next_attempt_at from messages where id = ?', [res.body.id]);
    expect(Date.parse(String(row.next_attempt_at))).toBe(Date.parse(sendAt));
    // a message sent at once shows no send_at
    const now = await api.post(`/v1/conversations/${res.body.conversation_id}/messages`, { body: { type: 'template', template_id: res.body.template_id, parameters: ['Asha'] } });
    expect(now.body).toMatchObject({ status: 'queued', send_at: null });
  });

  it('refuses a send_at in the past, closer than the minimum lead or further than 35 days, with a pointer to /send_at', async () => {
    const { schedule } = await setup();
    for (const sendAt of [inMs(-60_000), inMs(Math.floor(MIN_LEAD_MS / 4)), inMs(35 * DAY_MS + 3_600_000)]) {
      const res = await schedule(sendAt);
      expectProblem(res, 422, 'send_at_out_of_range');
      expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/send_at', code: 'send_at_out_of_range' })]);
    }
    // not a date-time at all: the spec's own 400
    const bad = await schedule('tomorrow morning');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/send_at');
    // the bounds themselves are inside
    expect((await schedule(inMs(35 * DAY_MS - 3_600_000))).status).toBe(201);
    const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from messages where workspace_id = ? and status = 'scheduled' and send_at < now()`, [ws.workspaceId]);
    expect(n).toBe(0);
  });

  it('schedules free-form text only while the service window stays open until send_at', async () => {
    const { conversation, channel, contact } = await setup();
    const text = (sendAt: string) => api.post(`/v1/conversations/${conversation.id}/messages`, { body: { type: 'text', text: 'Later', send_at: sendAt } });
    // no customer message yet: the window is closed now, as for a send at once
    const closed = await text(inMs(3_600_000));
    expectProblem(closed, 422, 'outside_service_window');
    expect(closed.body.errors[0].pointer).toBe('/type');
    // the customer writes: the window is open for 24 hours
    const raw = JSON.stringify({ from: contact.phone, text: 'Hello', provider_message_id: `wamid.${randomUUID()}` });
    const inbound = await client('').post(`/v1/channels/${channel.id}/inbound`, {
      key: null,
      rawBody: raw,
      headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signBody(channel.signing_secret, raw) },
    });
    expect(inbound.status).toBe(201);
    expect((await text(inMs(3_600_000))).body.status).toBe('scheduled');
    const beyond = await text(inMs(DAY_MS + 3_600_000));
    expectProblem(beyond, 422, 'outside_service_window');
    expect(beyond.body.errors[0].pointer).toBe('/send_at');
  });
});

describe('at send_at', () => {
  it('enters the normal send path at its send_at: queued, then sent, delivered and read', async () => {
    const { schedule } = await setup();
    const sendAt = inMs(MIN_LEAD_MS + 2_000);
    const res = await schedule(sendAt);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('scheduled');
    const read = await waitFor(() => api.get(`/v1/messages/${res.body.id}`), (r) => r.body.status === 'read', 60_000);
    expect(read.body.status).toBe('read');
    // never queued (let alone handed over) before its time
    expect(Date.parse(read.body.queued_at)).toBeGreaterThanOrEqual(Date.parse(sendAt));
    expect(Date.parse(read.body.sent_at)).toBeGreaterThanOrEqual(Date.parse(read.body.queued_at));
    expect(read.body).toMatchObject({ send_at: sendAt, provider_message_id: `sbx_${res.body.id}` });
    expect(await eventsOf(res.body.id)).toEqual(['message.scheduled#1', 'message.queued#2', 'message.sent#3', 'message.delivered#4', 'message.read#5']);
    // the queued event is caused by the message, in the chain of the request that scheduled it
    const [queued] = await sql<{ cause_type: string; cause_id: string; request_id: string | null }>(
      `select cause_type, cause_id, request_id from events where object_id = ? and type = 'message.queued'`,
      [res.body.id],
    );
    expect(queued).toMatchObject({ cause_type: 'message', cause_id: res.body.id, request_id: null });
  });

  it('checks the opt-out rule again at send_at: a contact who opted out meanwhile gets nothing', async () => {
    const { schedule, contact } = await setup();
    const res = await schedule(inMs(MIN_LEAD_MS + 6_000));
    expect(res.status).toBe(201);
    expect((await api.post(`/v1/contacts/${contact.id}/opt-out`, {})).status).toBe(200);
    const failed = await waitFor(() => api.get(`/v1/messages/${res.body.id}`), (r) => r.body.status !== 'scheduled', 60_000);
    expect(failed.body).toMatchObject({ status: 'failed', failure_reason: 'contact_opted_out', queued_at: null, sent_at: null, provider_message_id: null });
    expect(await eventsOf(res.body.id)).toEqual(['message.scheduled#1', 'message.failed#2']);
  });
});

describe('bulk', () => {
  it('schedules bulk items with send_at like single sends, each refused on its own with its pointer', async () => {
    const { channel, template, contact } = await setup();
    const item = (extra: Record<string, unknown>) => ({ contact_id: contact.id, channel_id: channel.id, template_id: template.id, parameters: ['Asha'], ...extra });
    const other = await api.post('/v1/contacts', { body: { phone: phone() } });
    const sendAt = inMs(MIN_LEAD_MS + 3_000);
    const res = await api.post('/v1/messages/bulk', {
      body: { items: [item({ send_at: sendAt }), { ...item({ send_at: inMs(40 * DAY_MS) }), contact_id: other.body.id }] },
    });
    expect(res.status).toBe(200);
    const [ok, far] = res.body.results;
    expect(ok).toMatchObject({ index: 0, status: 201 });
    expect(far).toMatchObject({ index: 1, status: 422, id: null });
    expect(far.error).toMatchObject({ code: 'send_at_out_of_range', errors: [expect.objectContaining({ pointer: '/items/1/send_at' })] });
    expect((await api.get(`/v1/messages/${ok.id}`)).body).toMatchObject({ status: 'scheduled', send_at: sendAt });
    const read = await waitFor(() => api.get(`/v1/messages/${ok.id}`), (r) => r.body.status === 'read', 60_000);
    expect(Date.parse(read.body.queued_at)).toBeGreaterThanOrEqual(Date.parse(sendAt));
    expect(await eventsOf(ok.id)).toEqual(['message.scheduled#1', 'message.queued#2', 'message.sent#3', 'message.delivered#4', 'message.read#5']);
  });
});

describe('one sleeping sender per channel', () => {
  it('keeps one workflow for a channel however many messages wait, and releases each at its own send_at', async () => {
    const w = await newWorkspace();
    const mine = client(w.key);
    const { channel, template } = await setup(mine);
    const contacts: string[] = [];
    for (let i = 0; i < 30; i++) {
      const c = await mine.post('/v1/contacts', { body: { phone: phone() } });
      expect(c.status).toBe(201);
      contacts.push(c.body.id);
    }
    // three waves: 10 messages each, a few seconds apart, and one far away
    const waves = [MIN_LEAD_MS + 4_000, MIN_LEAD_MS + 8_000, DAY_MS].map(inMs);
    const res = await mine.post('/v1/messages/bulk', {
      body: { items: contacts.map((id, i) => ({ contact_id: id, channel_id: channel.id, template_id: template.id, parameters: ['Asha'], send_at: waves[Math.floor(i / 10)] })) },
    });
    expect(res.status).toBe(200);
    const ids = (res.body.results as { status: number; id: string }[]).map((r) => (expect(r.status).toBe(201), r.id));

    const connection = await Connection.connect({ address: stack().env.TEMPORAL_ADDRESS });
    try {
      const temporal = new Client({ connection });
      const running = async () => {
        const found: string[] = [];
        for await (const wf of temporal.workflow.list({ query: `WorkspaceId = "${w.workspaceId}" AND ExecutionStatus = "Running"` })) found.push(wf.type);
        return found.sort();
      };
      // the bulk command itself has finished; what stays is the channel's sender, asleep until the first wave
      expect(await waitFor(running, (types) => types.length === 1, 30_000)).toEqual(['channelSender']);
      const status = (id: string) => mine.get(`/v1/messages/${id}`).then((r) => r.body as { status: string; queued_at: string | null });
      await waitFor(() => Promise.all(ids.slice(0, 20).map(status)), (all) => all.every((m) => m.status === 'read'), 90_000);
      for (const [i, id] of ids.slice(0, 20).entries()) {
        const m = await status(id);
        expect(Date.parse(m.queued_at!)).toBeGreaterThanOrEqual(Date.parse(waves[Math.floor(i / 10)]));
        expect(await eventsOf(id)).toEqual(['message.scheduled#1', 'message.queued#2', 'message.sent#3', 'message.delivered#4', 'message.read#5']);
      }
      // the third wave still waits, and so does the one sender, for it
      expect((await Promise.all(ids.slice(20).map(status))).map((m) => m.status)).toEqual(Array(10).fill('scheduled'));
      expect(await waitFor(running, (types) => types.length === 1, 30_000)).toEqual(['channelSender']);
    } finally {
      await connection.close();
    }
  }, 180_000);
});

describe('cancel', () => {
  it('cancels a scheduled message before it is sent; it is never sent, and a second cancel is 409', async () => {
    const { schedule } = await setup();
    const sendAt = inMs(MIN_LEAD_MS + 6_000);
    const res = await schedule(sendAt);
    expect(res.status).toBe(201);
    const key = randomUUID();
    const cancelled = await api.post(`/v1/messages/${res.body.id}/cancel`, { headers: { 'Idempotency-Key': key } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: res.body.id, status: 'cancelled', send_at: sendAt });
    expect(Date.parse(cancelled.body.cancelled_at)).toBeLessThan(Date.parse(sendAt));
    // the same key replays the first answer; another key is a conflict with a clear code
    const replay = await api.post(`/v1/messages/${res.body.id}/cancel`, { headers: { 'Idempotency-Key': key } });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(cancelled.body);
    expectProblem(await api.post(`/v1/messages/${res.body.id}/cancel`, {}), 409, 'message_already_cancelled');

    // well past its send_at: still cancelled, nothing handed over, no event beyond the cancellation
    await new Promise((r) => setTimeout(r, Date.parse(sendAt) - Date.now() + 3_000));
    const after = await api.get(`/v1/messages/${res.body.id}`);
    expect(after.body).toMatchObject({ status: 'cancelled', queued_at: null, sent_at: null, provider_message_id: null });
    expect(await eventsOf(res.body.id)).toEqual(['message.scheduled#1', 'message.cancelled#2']);
  });

  it('refuses to cancel a message already sent (409 message_not_scheduled), and an unknown one (404)', async () => {
    const { schedule, conversation, template } = await setup();
    const res = await schedule(inMs(MIN_LEAD_MS + 1_000));
    await waitFor(() => api.get(`/v1/messages/${res.body.id}`), (r) => r.body.status === 'read', 60_000);
    const late = await api.post(`/v1/messages/${res.body.id}/cancel`, {});
    expectProblem(late, 409, 'message_not_scheduled');
    expect(late.body.detail).toContain('read');
    const immediate = await api.post(`/v1/conversations/${conversation.id}/messages`, { body: { type: 'template', template_id: template.id, parameters: ['Asha'] } });
    expectProblem(await api.post(`/v1/messages/${immediate.body.id}/cancel`, {}), 409, 'message_not_scheduled');
    expectProblem(await api.post(`/v1/messages/msg_${'0'.repeat(26)}/cancel`, {}), 404, 'resource_missing');
    // another workspace's message is not there either
    const other = client((await newWorkspace()).key);
    expectProblem(await other.post(`/v1/messages/${res.body.id}/cancel`, {}), 404, 'resource_missing');
  });
});

describe('privacy purge', () => {
  it("cancels the subject's scheduled messages before anything else, so none is sent, then deletes them", async () => {
    const { schedule, contact } = await setup();
    const soon = await schedule(inMs(MIN_LEAD_MS + 8_000));
    const later = await schedule(inMs(DAY_MS));
    expect([soon.status, later.status]).toEqual([201, 201]);
    const purge = await api.post('/v1/privacy/purges', { body: { contact_id: contact.id } });
    expect(purge.status).toBe(202);
    const done = await waitFor(() => api.get(`/v1/privacy/purges/${purge.body.id}`), (r) => r.body.status === 'completed', 90_000);
    expect(done.body.status).toBe('completed');
    const stages = Object.fromEntries(done.body.stages.map((s: { name: string; cleared: number }) => [s.name, s.cleared]));
    expect(stages.scheduled_messages).toBe(2);
    expect(done.body.stages.map((s: { name: string }) => s.name).slice(0, 2)).toEqual(['flow_runs', 'scheduled_messages']);
    expect(await sql('select id from messages where id in (?, ?)', [soon.body.id, later.body.id])).toEqual([]);
    // the first timer fires after the purge: it finds nothing to send
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(soon.body.send_at) - Date.now()) + 3_000));
    expect(await sql('select id from messages where id = ?', [soon.body.id])).toEqual([]);
    expect(await sql(`select id from events where object_id in (?, ?)`, [soon.body.id, later.body.id])).toEqual([]);
  });
});

const SWEEP_OVERDUE_MS = 20_000;

describe('with a worker of its own', () => {
  let own: Awaited<ReturnType<typeof privateStack>>;
  beforeAll(async () => {
    // its sweep looks every 2 s for messages 20 s overdue (production: a minute each)
    own = await privateStack('scheduled-messages', { SCHEDULED_MESSAGES_PER_WORKSPACE: '3', CHANNEL_SWEEP_OVERDUE_MS: String(SWEEP_OVERDUE_MS), CHANNEL_SWEEP_EVERY_MS: '2000' });
  }, 120_000);
  afterAll(async () => {
    await own?.close();
  });

  it('sends a scheduled message whose send_at passed while the worker was down (SIGKILL), once it is back', async () => {
    const onOwn = client((await newWorkspace()).key, { baseUrl: own.apiUrl });
    const { schedule } = await setup(onOwn);
    const sendAt = inMs(MIN_LEAD_MS + 3_000);
    const res = await schedule(sendAt);
    expect(res.status).toBe(201);
    await own.killWorker();
    // past its send_at with no worker: still waiting
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(sendAt) - Date.now()) + 2_000));
    expect((await onOwn.get(`/v1/messages/${res.body.id}`)).body.status).toBe('scheduled');
    await own.startWorker();
    const read = await waitFor(() => onOwn.get(`/v1/messages/${res.body.id}`), (r) => r.body.status === 'read', 90_000);
    expect(read.body.status).toBe('read');
    // sent exactly once
    expect(await eventsOf(res.body.id)).toEqual(['message.scheduled#1', 'message.queued#2', 'message.sent#3', 'message.delivered#4', 'message.read#5']);
  }, 180_000);

  it("restarts a lost sender: a scheduled message a minute overdue whose channel sender is gone is sent by the worker's sweep", async () => {
    const w = await newWorkspace();
    const onOwn = client(w.key, { baseUrl: own.apiUrl });
    const { schedule, channel } = await setup(onOwn);
    const sendAt = inMs(MIN_LEAD_MS + 1_000);
    const res = await schedule(sendAt);
    expect(res.status).toBe(201);
    // no workflow of its own: the channel's one sender sleeps until its send_at. That sender is lost (an operator
    // terminated it; a cluster lost it)
    const connection = await Connection.connect({ address: stack().env.TEMPORAL_ADDRESS });
    try {
      const temporal = new Client({ connection });
      const handle = temporal.workflow.getHandle(channelSenderWorkflowId(w.workspaceId, channel.id));
      await waitFor(() => handle.describe().then((d) => d.status.name, () => 'none'), (status) => status === 'RUNNING', 30_000);
      await handle.terminate('test: a lost sender');
      const waiting = await sql<{ n: number }>(`select count(*)::int as n from messages where id = ? and status = 'scheduled'`, [res.body.id]);
      expect(waiting[0].n).toBe(1);
    } finally {
      await connection.close();
    }
    // nothing releases it at its send_at; once it is overdue a worker's sweep (every worker sweeps) finds it and starts
    // the channel's sender again, which queues and sends it at once
    const read = await waitFor(() => onOwn.get(`/v1/messages/${res.body.id}`), (r) => r.body.status === 'read', 120_000, 500);
    expect(read.body.status).toBe('read');
    expect(Date.parse(read.body.queued_at)).toBeGreaterThanOrEqual(Date.parse(sendAt) + SWEEP_OVERDUE_MS);
    expect(await eventsOf(res.body.id)).toEqual(['message.scheduled#1', 'message.queued#2', 'message.sent#3', 'message.delivered#4', 'message.read#5']);
  }, 300_000);

  it("bounds a workspace's scheduled messages (SCHEDULED_MESSAGES_PER_WORKSPACE), and a cancel frees a place", async () => {
    const onOwn = client((await newWorkspace()).key, { baseUrl: own.apiUrl });
    const { schedule } = await setup(onOwn);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await schedule(inMs(DAY_MS + i * 1000));
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const over = await schedule(inMs(DAY_MS));
    expectProblem(over, 422, 'scheduled_message_limit_reached');
    expect(over.body.errors[0].pointer).toBe('/send_at');
    // a message sent at once is not bounded by it
    const { conversation, template } = { conversation: { id: (await onOwn.get(`/v1/messages/${ids[0]}`)).body.conversation_id }, template: { id: (await onOwn.get(`/v1/messages/${ids[0]}`)).body.template_id } };
    expect((await onOwn.post(`/v1/conversations/${conversation.id}/messages`, { body: { type: 'template', template_id: template.id, parameters: ['Asha'] } })).status).toBe(201);
    expect((await onOwn.post(`/v1/messages/${ids[0]}/cancel`, {})).status).toBe(200);
    expect((await schedule(inMs(DAY_MS))).status).toBe(201);
  });
});
