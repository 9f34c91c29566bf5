import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { client, type ApiResponse } from './support/client';
import { privateStack } from './support/processes';
import { closeDb, newWorkspace, sql } from './support/stack';
import { webhookSignature } from '../src/webhook-signing';

afterAll(closeDb);

type Api = ReturnType<typeof client>;

let nextPhone = 9_600_000_000 + Math.floor(Math.random() * 90_000_000);

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A channel, a template and a contact: what a flow that sends needs. */
async function fixtures(api: Api) {
  const channel = await api.post('/v1/channels', { body: { name: 'flows', provider: 'sandbox' } });
  expect(channel.status).toBe(201);
  const template = await api.post('/v1/templates', { body: { name: `welcome_${randomUUID().slice(0, 8).replace(/-/g, '')}`, language: 'en', category: 'utility', body: 'Hello {{1}}' } });
  expect(template.status).toBe(201);
  return { channelId: channel.body.id as string, templateId: template.body.id as string };
}

async function newContact(api: Api, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await api.post('/v1/contacts', { body: { phone: `+91${nextPhone++}`, first_name: 'Asha', ...extra } });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function activeFlow(api: Api, body: Record<string, unknown>): Promise<ApiResponse> {
  const created = await api.post('/v1/flows', { body });
  expect(created.status).toBe(201);
  const active = await api.post(`/v1/flows/${created.body.id}/activate`);
  expect(active.status).toBe(200);
  expect(active.body.status).toBe('active');
  return created;
}

const finished = (r: ApiResponse) => r.status === 200 && r.body.status !== 'running';
const runOf = (api: Api, id: string) => api.get(`/v1/flow-runs/${id}`);

describe('flow definitions', () => {
  let api: Api;
  beforeAll(async () => {
    api = client((await newWorkspace()).key);
  });

  it('refuses invalid definitions with 400 and pointers: schema problems and semantic ones', async () => {
    const schema = await api.post('/v1/flows', {
      body: { name: 'bad', trigger: { type: 'manual' }, steps: [{ id: 'w', type: 'wait', duration_seconds: -5 }, { id: 'x', type: 'teleport' }] },
    });
    expect(schema.status).toBe(400);
    expect(schema.body.code).toBe('invalid_request');
    const pointers = schema.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/steps/0/duration_seconds']));
    expect(pointers.some((p: string) => p.startsWith('/steps/1'))).toBe(true);

    const semantic = await api.post('/v1/flows', {
      body: {
        name: 'bad targets',
        trigger: { type: 'manual' },
        steps: [
          { id: 'a', type: 'branch', condition: { tag: 'vip' }, then: 'nowhere', else: 'b' },
          { id: 'b', type: 'wait', duration_seconds: 5, until: '2030-01-01T00:00:00Z' },
          { id: 'b', type: 'end' },
          { id: 'c', type: 'send_message', channel_id: 'chn_0v4y5kq3n8m2p7r6s9t1w3x5z7' },
        ],
      },
    });
    expect(semantic.status).toBe(400);
    expect(semantic.body.code).toBe('invalid_request');
    expect(semantic.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code])).toEqual([
      ['/steps/2/id', 'duplicate_step_id'],
      ['/steps/0/then', 'unknown_step'],
      ['/steps/1', 'one_of_duration_or_until'],
      ['/steps/3', 'one_of_template_or_text'],
    ]);
    const [{ n }] = await sql<{ n: string }>(`select count(*) as n from flows where name in ('bad', 'bad targets')`);
    expect(Number(n)).toBe(0);
  });

  it('activating a flow that names a missing template is 422 with a pointer to the step; with the template it activates', async () => {
    const { channelId, templateId } = await fixtures(api);
    const missing = 'tpl_0000000000000000000000000a';
    const created = await api.post('/v1/flows', {
      body: { name: 'needs template', trigger: { type: 'manual' }, steps: [{ id: 'send', type: 'send_message', channel_id: channelId, template_id: missing, parameters: ['x'] }] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ object: 'flow', status: 'inactive', version: 1 });
    expect(created.body.signing_secret).toMatch(/^whsec_/);
    const refused = await api.post(`/v1/flows/${created.body.id}/activate`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('template_not_found');
    expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: '/steps/0/template_id' })]);
    expect((await api.get(`/v1/flows/${created.body.id}`)).body.status).toBe('inactive');
    // a run of an inactive flow is refused
    const contactId = await newContact(api);
    const notActive = await api.post(`/v1/flows/${created.body.id}/runs`, { body: { contact_id: contactId } });
    expect(notActive.status).toBe(422);
    expect(notActive.body.code).toBe('flow_not_active');

    const fixed = await api.patch(`/v1/flows/${created.body.id}`, { body: { steps: [{ id: 'send', type: 'send_message', channel_id: channelId, template_id: templateId, parameters: ['x'] }] } });
    expect(fixed.status).toBe(200);
    expect(fixed.body.version).toBe(2);
    const ok = await api.post(`/v1/flows/${created.body.id}/activate`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'active', version: 2 });
    expect(ok.body).not.toHaveProperty('signing_secret');

    const list = await api.get('/v1/flows?status=active');
    expect(list.body.data.map((f: { id: string }) => f.id)).toContain(created.body.id);
    const gone = await api.delete(`/v1/flows/${created.body.id}`);
    expect(gone.body).toEqual({ id: created.body.id, object: 'flow', deleted: true });
    expect((await api.get(`/v1/flows/${created.body.id}`)).status).toBe(404);
  });
});

describe('manual runs', () => {
  let api: Api;
  let workspaceId: string;
  beforeAll(async () => {
    const ws = await newWorkspace();
    workspaceId = ws.workspaceId;
    api = client(ws.key);
  });

  it('runs send_message, add_tag, branch and end, with a step log, the commands’ events and flow_run events', async () => {
    const { channelId, templateId } = await fixtures(api);
    const flow = await activeFlow(api, {
      name: 'welcome',
      trigger: { type: 'manual' },
      steps: [
        { id: 'hello', type: 'send_message', channel_id: channelId, template_id: templateId, parameters: ['Asha'] },
        { id: 'tag', type: 'add_tag', tags: ['Welcomed'] },
        { id: 'is-vip', type: 'branch', condition: { tag: 'vip' }, then: 'vip-note', else: 'done' },
        { id: 'vip-note', type: 'update_contact', attributes: { tier: 'gold' } },
        { id: 'done', type: 'end' },
      ],
    });
    const contactId = await newContact(api);
    const idem = randomUUID();
    const started = await api.post(`/v1/flows/${flow.body.id}/runs`, { body: { contact_id: contactId }, headers: { 'Idempotency-Key': idem } });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ object: 'flow_run', flow_id: flow.body.id, flow_version: 1, contact_id: contactId, status: 'running', trigger_event_id: null });
    expect(started.body.id).toMatch(/^frun_/);
    expect(started.headers.get('location')).toBe(`/v1/flow-runs/${started.body.id}`);
    const again = await api.post(`/v1/flows/${flow.body.id}/runs`, { body: { contact_id: contactId }, headers: { 'Idempotency-Key': idem } });
    expect(again.body.id).toBe(started.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const run = await waitFor(() => runOf(api, started.body.id), finished);
    expect(run.body.status).toBe('completed');
    expect(run.body.steps.map((s: { step_id: string; type: string; status: string }) => [s.step_id, s.type, s.status])).toEqual([
      ['hello', 'send_message', 'completed'],
      ['tag', 'add_tag', 'completed'],
      ['is-vip', 'branch', 'completed'],
      ['done', 'end', 'completed'],
    ]);
    expect(run.body.steps[2].outcome).toEqual({ condition_met: false, next_step_id: 'done' });
    expect(run.body.steps.every((s: { finished_at: string | null }) => s.finished_at !== null)).toBe(true);
    const messageId = run.body.steps[0].outcome.message_id;
    expect(messageId).toMatch(/^msg_/);
    const message = await waitFor(() => api.get(`/v1/messages/${messageId}`), (m) => m.body.status === 'read');
    expect(message.body).toMatchObject({ contact_id: contactId, type: 'template', text: 'Hello Asha', status: 'read' });
    expect((await api.get(`/v1/contacts/${contactId}`)).body.tags).toEqual(['welcomed']);
    expect((await api.get(`/v1/contacts/${contactId}`)).body.attributes).toEqual({});

    const events = await sql<{ type: string }>(`select type from events where workspace_id = ? and object_id in (?, ?, ?) order by txid, id`, [workspaceId, started.body.id, contactId, messageId]);
    const types = events.map((e) => e.type);
    expect(types.filter((t) => t.startsWith('flow_run.'))).toEqual(['flow_run.started', 'flow_run.completed']);
    expect(types.filter((t) => t === 'message.queued')).toHaveLength(1);
    expect(types.filter((t) => t === 'contact.updated')).toHaveLength(1);
    const runs = await api.get(`/v1/flow-runs?flow_id=${flow.body.id}&status=completed`);
    expect(runs.body.data.map((r: { id: string }) => r.id)).toEqual([started.body.id]);
    expect(runs.body.data[0]).not.toHaveProperty('steps');

    // the other branch for a vip
    const vip = await newContact(api);
    await api.post(`/v1/contacts/${vip}/tags`, { body: { tags: ['vip'] } });
    const second = await api.post(`/v1/flows/${flow.body.id}/runs`, { body: { contact_id: vip } });
    const vipRun = await waitFor(() => runOf(api, second.body.id), finished);
    expect(vipRun.body.steps.map((s: { step_id: string }) => s.step_id)).toEqual(['hello', 'tag', 'is-vip', 'vip-note', 'done']);
    expect((await api.get(`/v1/contacts/${vip}`)).body.attributes).toEqual({ tier: 'gold' });
    const byContact = await api.get(`/v1/flow-runs?contact_id=${vip}`);
    expect(byContact.body.data.map((r: { id: string }) => r.id)).toEqual([second.body.id]);
  });

  it('fails the run with the refusal recorded when a step is refused (a free-form text outside the service window)', async () => {
    const { channelId } = await fixtures(api);
    const flow = await activeFlow(api, {
      name: 'text',
      trigger: { type: 'manual' },
      steps: [{ id: 'hi', type: 'send_message', channel_id: channelId, text: 'Hi there' }, { id: 'tag', type: 'add_tag', tags: ['never'] }],
    });
    const contactId = await newContact(api);
    const started = await api.post(`/v1/flows/${flow.body.id}/runs`, { body: { contact_id: contactId } });
    const run = await waitFor(() => runOf(api, started.body.id), finished);
    expect(run.body).toMatchObject({ status: 'failed', failure_reason: 'outside_service_window' });
    expect(run.body.steps).toEqual([expect.objectContaining({ step_id: 'hi', status: 'failed', outcome: { error: expect.objectContaining({ code: 'outside_service_window' }) } })]);
    expect((await api.get(`/v1/contacts/${contactId}`)).body.tags).toEqual([]);
    const [{ n }] = await sql<{ n: string }>(`select count(*) as n from messages where workspace_id = ? and contact_id = ?`, [workspaceId, contactId]);
    expect(Number(n)).toBe(0);
  });
});

describe('durable waits', () => {
  let own: Awaited<ReturnType<typeof privateStack>>;
  let api: Api;
  beforeAll(async () => {
    const ws = await newWorkspace();
    own = await privateStack('flows', { FLOW_WAIT_SCALE: '0.001' });
    api = client(ws.key, { baseUrl: own.apiUrl });
  });
  afterAll(() => own.close());

  it('resumes a run after its worker is killed during a wait and started again', async () => {
    const flow = await activeFlow(api, {
      name: 'drip',
      trigger: { type: 'manual' },
      steps: [
        { id: 'first', type: 'add_tag', tags: ['day-0'] },
        // 4,000 s scaled down to 4 s
        { id: 'pause', type: 'wait', duration_seconds: 4000 },
        { id: 'second', type: 'add_tag', tags: ['day-1'] },
      ],
    });
    const contactId = await newContact(api);
    const started = await api.post(`/v1/flows/${flow.body.id}/runs`, { body: { contact_id: contactId } });
    expect(started.status).toBe(202);
    const waiting = await waitFor(() => runOf(api, started.body.id), (r) => r.body.steps?.[1]?.status === 'running');
    expect(waiting.body.steps[1]).toMatchObject({ step_id: 'pause', type: 'wait', status: 'running', finished_at: null });
    const resumeAt = Date.parse(waiting.body.steps[1].outcome.resume_at);
    expect(resumeAt - Date.parse(waiting.body.steps[1].started_at)).toBe(4000);

    await own.killWorker();
    // past the end of the wait with no worker: nothing moves
    await new Promise((r) => setTimeout(r, Math.max(0, resumeAt - Date.now()) + 1000));
    const stalled = await runOf(api, started.body.id);
    expect(stalled.body.status).toBe('running');
    expect((await api.get(`/v1/contacts/${contactId}`)).body.tags).toEqual(['day-0']);

    await own.startWorker();
    const run = await waitFor(() => runOf(api, started.body.id), finished, 30_000);
    expect(run.body.status).toBe('completed');
    expect(run.body.steps.map((s: { step_id: string; status: string }) => [s.step_id, s.status])).toEqual([
      ['first', 'completed'],
      ['pause', 'completed'],
      ['second', 'completed'],
    ]);
    expect(Date.parse(run.body.steps[2].started_at)).toBeGreaterThanOrEqual(resumeAt);
    expect((await api.get(`/v1/contacts/${contactId}`)).body.tags).toEqual(['day-0', 'day-1']);
    const [{ n }] = await sql<{ n: string }>(`select count(*) as n from events where object_id = ? and type = 'contact.updated'`, [contactId]);
    expect(Number(n)).toBe(2);
  });
});
