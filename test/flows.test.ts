import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { client, type ApiResponse } from './support/client';
import { expectAuthRefusals, expectBodyRefusals, expectKeyReuseRefused, expectProblem, expectRateLimited, type Probe } from './support/operation-refusals';
import { privateStack } from './support/processes';
import { closeDb, newWorkspace, sql } from './support/stack';
import { waitFor } from './support/wait';
import { Connection, Client } from '@temporalio/client';
import { Webhook } from 'standardwebhooks';
import { SIGNATURE_HEADER, signBody } from '../src/channels/signatures';
import { stack } from './support/stack';

afterAll(closeDb);

type Api = ReturnType<typeof client>;

let nextPhone = 9_600_000_000 + Math.floor(Math.random() * 90_000_000);


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

    // one of two fields: the schema says it (found by fuzzing: the spec allowed both, the server refused)
    const oneOf = await api.post('/v1/flows', {
      body: {
        name: 'bad',
        trigger: { type: 'manual' },
        steps: [
          { id: 'a', type: 'end' },
          { id: 'b', type: 'wait', duration_seconds: 5, until: '2030-01-01T00:00:00Z' },
          { id: 'c', type: 'send_message', channel_id: 'chn_0v4y5kq3n8m2p7r6s9t1w3x5z7' },
          { id: 'd', type: 'send_message', channel_id: 'chn_0v4y5kq3n8m2p7r6s9t1w3x5z7', text: 'hi', parameters: ['x'] },
        ],
      },
    });
    expect(oneOf.status).toBe(400);
    expect(oneOf.body.code).toBe('invalid_request');
    const oneOfPointers: string[] = oneOf.body.errors.map((e: { pointer: string }) => e.pointer);
    for (const at of ['/steps/1', '/steps/2', '/steps/3']) expect(oneOfPointers.some((p) => p.startsWith(at))).toBe(true);
    expect(oneOfPointers.some((p) => p.startsWith('/steps/0'))).toBe(false);

    // ids the steps refer to: beyond what a schema can say, so a business-rule 422 with pointers
    const semantic = await api.post('/v1/flows', {
      body: {
        name: 'bad targets',
        trigger: { type: 'manual' },
        steps: [
          { id: 'a', type: 'branch', condition: { tag: 'vip' }, then: 'nowhere', else: 'b' },
          { id: 'b', type: 'wait', duration_seconds: 5 },
          { id: 'b', type: 'end' },
        ],
      },
    });
    expect(semantic.status).toBe(422);
    expect(semantic.body.code).toBe('invalid_flow_definition');
    expect(semantic.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code])).toEqual([
      ['/steps/2/id', 'duplicate_step_id'],
      ['/steps/0/then', 'unknown_step'],
    ]);
    const [{ n }] = await sql<{ n: string }>(`select count(*) as n from flows where name in ('bad', 'bad targets')`);
    expect(Number(n)).toBe(0);
  });

  it('lists flows newest first, page by page with a cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await api.post('/v1/flows', { body: { name: `page ${i}`, trigger: { type: 'manual' }, steps: [{ id: 'e', type: 'end' }] } })).body.id);
    const first = await api.get('/v1/flows?limit=2&status=inactive');
    expect(first.body.has_more).toBe(true);
    const second = await api.get(`/v1/flows?limit=2&status=inactive&cursor=${encodeURIComponent(first.body.next_cursor)}`);
    const seen = [...first.body.data, ...second.body.data].map((f: { id: string }) => f.id);
    expect(seen.slice(0, 3)).toEqual([...ids].reverse());
    expectProblem(await api.get(`/v1/flows?limit=2&status=active&cursor=${encodeURIComponent(first.body.next_cursor)}`), 400, 'invalid_cursor');
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
    const off = await api.post(`/v1/flows/${created.body.id}/deactivate`);
    expect(off.body).toMatchObject({ status: 'inactive', version: 2 });
    expectProblem(await api.post(`/v1/flows/${created.body.id}/runs`, { body: { contact_id: contactId } }), 422, 'flow_not_active');
    expect((await api.post(`/v1/flows/${created.body.id}/activate`)).body.status).toBe('active');
    const gone = await api.delete(`/v1/flows/${created.body.id}`);
    // the same tombstone an updated_since list shows: with its created_at and the time of the delete
    expect(gone.body).toEqual({ id: created.body.id, object: 'flow', livemode: true, deleted: true, created_at: created.body.created_at, updated_at: expect.any(String) });
    expect(Date.parse(gone.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.body.updated_at));
    expect((await api.get(`/v1/flows/${created.body.id}`)).status).toBe(404);
  });
});

describe('flows that send templates with components', () => {
  it("activation refuses a step whose values do not fill its template, with a pointer into the step; a run sends the step's values", async () => {
    const api = client((await newWorkspace()).key);
    const { channelId } = await fixtures(api);
    const template = await api.post('/v1/templates', {
      body: {
        name: `order_${randomUUID().slice(0, 8).replace(/-/g, '')}`,
        language: 'en',
        category: 'utility',
        parameter_format: 'named',
        body: 'Hi {{first_name}}, order {{order_id}} ships today',
        buttons: [{ type: 'url', text: 'Track', url: 'https://shop.example/track/{{1}}' }],
      },
    });
    expect(template.status).toBe(201);
    const step = { id: 'send', type: 'send_message', channel_id: channelId, template_id: template.body.id };
    const created = await api.post('/v1/flows', { body: { name: 'named', trigger: { type: 'manual' }, steps: [{ id: 'wait', type: 'wait', duration_seconds: 1 }, { ...step, parameters: ['x'] }] } });
    expect(created.status).toBe(201);
    const refused = await api.post(`/v1/flows/${created.body.id}/activate`);
    expectProblem(refused, 422, 'template_parameters_mismatch');
    expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: '/steps/1/parameters' })]);
    // a text step takes no template values (the schema)
    const mixed = await api.patch(`/v1/flows/${created.body.id}`, { body: { steps: [{ id: 'send', type: 'send_message', channel_id: channelId, text: 'hi', named_parameters: { first_name: 'Asha' } }] } });
    expectProblem(mixed, 400, 'invalid_request');

    const values = { named_parameters: { first_name: 'Asha', order_id: '#42' }, button_parameters: [{ index: 0, text: 'A42' }] };
    expect((await api.patch(`/v1/flows/${created.body.id}`, { body: { steps: [{ ...step, ...values }] } })).status).toBe(200);
    expect((await api.post(`/v1/flows/${created.body.id}/activate`)).status).toBe(200);
    const contactId = await newContact(api);
    const started = await api.post(`/v1/flows/${created.body.id}/runs`, { body: { contact_id: contactId } });
    expect(started.status).toBe(202);
    const run = await waitFor(() => runOf(api, started.body.id), finished);
    expect(run.body.status).toBe('completed');
    const message = await api.get(`/v1/messages/${run.body.steps[0].outcome.message_id}`);
    expect(message.body).toMatchObject({ type: 'template', text: 'Hi Asha, order #42 ships today', template_arguments: values });
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
    expect(started.body.id).toMatch(/^frn_/);
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

  it('removes tags (a tag not carried is no change) and passes a wait until a time already past at once', async () => {
    const flow = await activeFlow(api, {
      name: 'tidy',
      trigger: { type: 'manual' },
      steps: [
        { id: 'add', type: 'add_tag', tags: ['temp', 'keep'] },
        { id: 'past', type: 'wait', until: '2020-01-01T00:00:00Z' },
        { id: 'drop', type: 'remove_tag', tag: 'TEMP' },
        { id: 'drop-absent', type: 'remove_tag', tag: 'never-had' },
      ],
    });
    const contactId = await newContact(api);
    const started = await api.post(`/v1/flows/${flow.body.id}/runs`, { body: { contact_id: contactId } });
    const run = await waitFor(() => runOf(api, started.body.id), finished);
    expect(run.body.status).toBe('completed');
    expect(run.body.steps.map((s: { step_id: string; status: string; outcome: unknown }) => [s.step_id, s.status])).toEqual([
      ['add', 'completed'],
      ['past', 'completed'],
      ['drop', 'completed'],
      ['drop-absent', 'completed'],
    ]);
    expect(run.body.steps[1].outcome).toEqual({ resume_at: run.body.steps[1].started_at });
    expect(run.body.steps.slice(2).map((s: { outcome: unknown }) => s.outcome)).toEqual([{ changed: true }, { changed: false }]);
    expect((await api.get(`/v1/contacts/${contactId}`)).body.tags).toEqual(['keep']);
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

describe('event triggers', () => {
  let api: Api;
  let workspaceId: string;
  beforeAll(async () => {
    const ws = await newWorkspace();
    workspaceId = ws.workspaceId;
    api = client(ws.key);
  });

  const runsOf = (flowId: string) =>
    sql<{ id: string; contact_id: string; trigger_event_id: string; status: string }>(`select id, contact_id, trigger_event_id, status from flow_runs where flow_id = ? order by contact_id`, [flowId]);

  it('starts exactly one run per (event, flow), also when a restarted poller reads the same events again', async () => {
    const flow = await activeFlow(api, {
      name: 'vip welcome',
      trigger: { type: 'event', event_type: 'contact.updated', filter: { tag_added: 'VIP' } },
      steps: [{ id: 'mark', type: 'add_tag', tags: ['vip-welcomed'] }],
    });
    const gold = await activeFlow(api, {
      name: 'gold plan',
      trigger: { type: 'event', event_type: 'contact.updated', filter: { fields: { 'attributes.plan': 'gold' } } },
      steps: [{ id: 'end', type: 'end' }],
    });
    const [before] = await sql<{ txid: string; event_id: string }>(`select txid::text as txid, event_id from flow_trigger_position`);
    const [a, b, c] = [await newContact(api), await newContact(api), await newContact(api)];
    for (const id of [a, b]) expect((await api.post(`/v1/contacts/${id}/tags`, { body: { tags: ['vip'] } })).status).toBe(200);
    // not a match: another tag, and the vip tag added again (no change, no event)
    await api.post(`/v1/contacts/${c}/tags`, { body: { tags: ['regular'] } });
    await api.post(`/v1/contacts/${a}/tags`, { body: { tags: ['vip'] } });
    await api.patch(`/v1/contacts/${c}`, { body: { attributes: { plan: 'gold' } } });

    const runs = await waitFor(() => runsOf(flow.body.id), (r) => r.length === 2 && r.every((x) => x.status === 'completed'));
    expect(runs.map((r) => r.contact_id).sort()).toEqual([a, b].sort());
    expect(runs.every((r) => r.status === 'completed')).toBe(true);
    for (const r of runs) {
      const [event] = await sql<{ type: string; object_id: string }>(`select type, object_id from events where id = ?`, [r.trigger_event_id]);
      expect(event).toEqual({ type: 'contact.updated', object_id: r.contact_id });
    }
    const goldRuns = await waitFor(() => runsOf(gold.body.id), (r) => r.length === 1);
    expect(goldRuns.map((r) => r.contact_id)).toEqual([c]);
    // the flow's own contact.updated (vip-welcomed) did not start another run
    expect((await api.get(`/v1/contacts/${a}`)).body.tags).toEqual(['vip', 'vip-welcomed']);

    // a poller that died before moving its position reads the same events again: no second run
    await sql(`update flow_trigger_position set txid = ?::xid8, event_id = ? where id = 1`, [before.txid, before.event_id]);
    await waitFor(() => sql<{ moved: boolean }>(`select txid > ?::xid8 as moved from flow_trigger_position`, [before.txid]), (r) => r[0].moved);
    await new Promise((r) => setTimeout(r, 500));
    expect(await runsOf(flow.body.id)).toHaveLength(2);
    expect(await runsOf(gold.body.id)).toHaveLength(1);
    const [{ n }] = await sql<{ n: string }>(`select count(*) as n from events where workspace_id = ? and type = 'flow_run.started'`, [workspaceId]);
    expect(Number(n)).toBe(3);
    const listed = await api.get(`/v1/flow-runs?flow_id=${flow.body.id}`);
    expect(listed.body.data.map((r: { trigger_event_id: string }) => r.trigger_event_id).sort()).toEqual(runs.map((r) => r.trigger_event_id).sort());
  });

  it('changes made by flow steps trigger no flow, so a flow cannot feed itself', async () => {
    const flow = await activeFlow(api, {
      name: 'any update',
      trigger: { type: 'event', event_type: 'contact.updated' },
      steps: [{ id: 'stamp', type: 'update_contact', attributes: { stamped: true } }, { id: 'tag', type: 'add_tag', tags: ['stamped'] }],
    });
    const contactId = await newContact(api);
    await api.patch(`/v1/contacts/${contactId}`, { body: { attributes: { source: 'form' } } });
    const runs = await waitFor(() => runsOf(flow.body.id), (r) => r.length === 1 && r[0].status === 'completed');
    expect(runs.map((r) => r.status)).toEqual(['completed']);
    const caused = await sql<{ type: string; request_id: string }>(`select type, request_id from events where object_id = ? and type = 'contact.updated' order by txid, id`, [contactId]);
    expect(caused.map((e) => e.request_id)).toEqual([expect.stringMatching(/^req_/), runs[0].id, runs[0].id]);
    // the position has moved past the flow's own events, and still one run
    await new Promise((r) => setTimeout(r, 1000));
    expect(await runsOf(flow.body.id)).toHaveLength(1);
  });

  it('starts a run for an inbound message that matches the keyword', async () => {
    const channel = await api.post('/v1/channels', { body: { name: 'inbound', provider: 'sandbox' } });
    const flow = await activeFlow(api, {
      name: 'join',
      trigger: { type: 'inbound_message', keyword: 'join' },
      steps: [{ id: 'member', type: 'add_tag', tags: ['member'] }],
    });
    const phone = `+91${nextPhone++}`;
    const inbound = (text: string) => {
      const raw = JSON.stringify({ from: phone, text, provider_message_id: randomUUID() });
      return client('').post(`/v1/channels/${channel.body.id}/inbound`, { key: null, rawBody: raw, headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signBody(channel.body.signing_secret, raw) } });
    };
    expect((await inbound('hello')).status).toBe(201);
    expect((await inbound(' JOIN ')).status).toBe(201);
    const runs = await waitFor(() => runsOf(flow.body.id), (r) => r.length === 1 && r[0].status === 'completed');
    expect(runs).toHaveLength(1);
    expect((await api.get(`/v1/contacts/${runs[0].contact_id}`)).body.tags).toEqual(['member']);
  });
});

describe('versions, cancel and http_request', () => {
  let api: Api;
  let workspaceId: string;
  beforeAll(async () => {
    const ws = await newWorkspace();
    workspaceId = ws.workspaceId;
    api = client(ws.key);
  });

  it('editing an active flow makes a new version; a run already going keeps its own', async () => {
    const flow = await activeFlow(api, {
      name: 'versioned',
      trigger: { type: 'manual' },
      steps: [{ id: 'pause', type: 'wait', duration_seconds: 3000 }, { id: 'tag', type: 'add_tag', tags: ['from-v1'] }],
    });
    const [c1, c2] = [await newContact(api), await newContact(api)];
    const first = await api.post(`/v1/flows/${flow.body.id}/runs`, { body: { contact_id: c1 } });
    await waitFor(() => runOf(api, first.body.id), (r) => r.body.steps?.length === 1);
    const edited = await api.patch(`/v1/flows/${flow.body.id}`, { body: { name: 'versioned, edited', steps: [{ id: 'pause', type: 'wait', duration_seconds: 1 }, { id: 'tag', type: 'add_tag', tags: ['from-v2'] }] } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, status: 'active', name: 'versioned, edited' });
    const renamed = await api.patch(`/v1/flows/${flow.body.id}`, { body: { name: 'versioned' } });
    expect(renamed.body.version).toBe(2);
    const second = await api.post(`/v1/flows/${flow.body.id}/runs`, { body: { contact_id: c2 } });
    expect(second.body.flow_version).toBe(2);

    const [r1, r2] = await Promise.all([waitFor(() => runOf(api, first.body.id), finished), waitFor(() => runOf(api, second.body.id), finished)]);
    expect(r1.body).toMatchObject({ status: 'completed', flow_version: 1 });
    expect(r2.body).toMatchObject({ status: 'completed', flow_version: 2 });
    expect((await api.get(`/v1/contacts/${c1}`)).body.tags).toEqual(['from-v1']);
    expect((await api.get(`/v1/contacts/${c2}`)).body.tags).toEqual(['from-v2']);
    const versions = await sql<{ version: number; steps: { tags?: string[] }[] }>(`select version, steps from flow_versions where flow_id = ? order by version`, [flow.body.id]);
    expect(versions.map((v) => [v.version, v.steps[1].tags])).toEqual([[1, ['from-v1']], [2, ['from-v2']]]);
  });

  it('cancels a waiting run: the workflow is cancelled, the run and its wait say so, no later step runs', async () => {
    const flow = await activeFlow(api, {
      name: 'long wait',
      trigger: { type: 'manual' },
      steps: [{ id: 'pause', type: 'wait', duration_seconds: 60000 }, { id: 'tag', type: 'add_tag', tags: ['too-late'] }],
    });
    const contactId = await newContact(api);
    const started = await api.post(`/v1/flows/${flow.body.id}/runs`, { body: { contact_id: contactId } });
    await waitFor(() => runOf(api, started.body.id), (r) => r.body.steps?.length === 1);
    const cancelled = await api.post(`/v1/flow-runs/${started.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', steps: [expect.objectContaining({ step_id: 'pause', status: 'cancelled' })] });
    expect(cancelled.body.finished_at).not.toBeNull();

    const connection = await Connection.connect({ address: stack().env.TEMPORAL_ADDRESS });
    try {
      const handle = new Client({ connection }).workflow.getHandle(`${workspaceId}/flow-run/${started.body.id}`);
      const described = await waitFor(() => handle.describe(), (d) => d.status.name !== 'RUNNING', 10_000);
      expect(described.status.name).toBe('CANCELLED');
      expect(described.searchAttributes.FlowId).toEqual([flow.body.id]);
    } finally {
      await connection.close();
    }
    const again = await api.post(`/v1/flow-runs/${started.body.id}/cancel`);
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('flow_run_finished');
    const run = await runOf(api, started.body.id);
    expect(run.body.status).toBe('cancelled');
    expect(run.body.steps).toHaveLength(1);
    const events = await sql<{ type: string }>(`select type from events where object_id = ? order by txid, id`, [started.body.id]);
    expect(events.map((e) => e.type)).toEqual(['flow_run.started', 'flow_run.cancelled']);
    expect((await api.get(`/v1/flow-runs?status=cancelled`)).body.data.map((r: { id: string }) => r.id)).toEqual([started.body.id]);
  });

  it('http_request POSTs to a local receiver with a Standard Webhooks signature that verifies with the flow secret', async () => {
    const received: { headers: IncomingMessage['headers']; body: string }[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(received.length === 1 ? 204 : 500).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
    try {
      const flow = await activeFlow(api, {
        name: 'call out',
        trigger: { type: 'manual' },
        steps: [
          { id: 'notify', type: 'http_request', url, body: { campaign: 'spring' } },
          { id: 'again', type: 'http_request', url },
          { id: 'tag', type: 'add_tag', tags: ['unreached'] },
        ],
      });
      const contactId = await newContact(api);
      const started = await api.post(`/v1/flows/${flow.body.id}/runs`, { body: { contact_id: contactId } });
      const run = await waitFor(() => runOf(api, started.body.id), finished);
      expect(received).toHaveLength(2);
      const [first] = received;
      const verified = new Webhook(flow.body.signing_secret).verify(first.body, {
        'webhook-id': String(first.headers['webhook-id']),
        'webhook-timestamp': String(first.headers['webhook-timestamp']),
        'webhook-signature': String(first.headers['webhook-signature']),
      });
      expect(verified).toEqual({ flow_id: flow.body.id, flow_run_id: started.body.id, step_id: 'notify', contact_id: contactId, data: { campaign: 'spring' } });
      expect(first.headers['webhook-id']).toBe(`${started.body.id}.0`);
      expect(() => new Webhook(`whsec_${Buffer.alloc(24, 7).toString('base64')}`).verify(first.body, first.headers as Record<string, string>)).toThrow();
      // the second call was answered 500: the run fails there and goes no further
      expect(run.body).toMatchObject({ status: 'failed', failure_reason: 'http_request_failed' });
      expect(run.body.steps.map((s: { step_id: string; status: string }) => [s.step_id, s.status])).toEqual([['notify', 'completed'], ['again', 'failed']]);
      expect(run.body.steps[0].outcome).toEqual({ status_code: 204 });
      expect((await api.get(`/v1/contacts/${contactId}`)).body.tags).toEqual([]);
    } finally {
      server.close();
    }
  });
});

describe('refusals every flow operation shares', () => {
  let ws: Awaited<ReturnType<typeof newWorkspace>>;
  let api: Api;
  let probes: Probe[];
  let flowId: string;
  let runId: string;
  let contactId: string;
  const body = { name: 'probe', trigger: { type: 'manual' }, steps: [{ id: 'e', type: 'end' }] };
  beforeAll(async () => {
    ws = await newWorkspace();
    api = client(ws.key);
    flowId = (await activeFlow(api, body)).body.id;
    contactId = await newContact(api);
    runId = (await api.post(`/v1/flows/${flowId}/runs`, { body: { contact_id: contactId } })).body.id;
    probes = [
      { method: 'POST', path: '/v1/flows', body, scope: 'flows:write', family: 'flows_write' },
      { method: 'GET', path: '/v1/flows', scope: 'flows:read', family: 'flows_read' },
      { method: 'GET', path: `/v1/flows/${flowId}`, scope: 'flows:read', family: 'flows_read' },
      { method: 'PATCH', path: `/v1/flows/${flowId}`, body: { name: 'renamed' }, scope: 'flows:write', family: 'flows_write' },
      { method: 'DELETE', path: `/v1/flows/${flowId}`, scope: 'flows:write', family: 'flows_write' },
      { method: 'POST', path: `/v1/flows/${flowId}/activate`, scope: 'flows:write', family: 'flows_write' },
      { method: 'POST', path: `/v1/flows/${flowId}/deactivate`, scope: 'flows:write', family: 'flows_write' },
      { method: 'POST', path: `/v1/flows/${flowId}/runs`, body: { contact_id: contactId }, scope: 'flows:write', family: 'flows_write' },
      { method: 'GET', path: '/v1/flow-runs', scope: 'flows:read', family: 'flows_read' },
      { method: 'GET', path: `/v1/flow-runs/${runId}`, scope: 'flows:read', family: 'flows_read' },
      { method: 'POST', path: `/v1/flow-runs/${runId}/cancel`, scope: 'flows:write', family: 'flows_write' },
    ];
  });

  it('401 without a valid key, 403 without the scope or with a publishable key', async () => {
    for (const [i, p] of probes.entries()) {
      // calls without a usable key share one per-address budget (20 a second): 11 probes make 22 such calls
      if (i > 0 && i % 4 === 0) await new Promise((r) => setTimeout(r, 1100));
      await expectAuthRefusals(ws, p);
    }
  });

  it('413 for a body over 1 MB, 415 for a body that is not JSON', async () => {
    for (const p of probes.filter((x) => x.body !== undefined)) await expectBodyRefusals(ws.key, p);
  });

  it('429 once the family budget is spent', async () => {
    for (const p of probes.slice(0, 2)) await expectRateLimited(p);
  });

  it('404 for another workspace’s flows and runs; 409 for a reused Idempotency-Key; 422 for a URL that may not be called', async () => {
    const other = client((await newWorkspace()).key);
    expectProblem(await other.get(`/v1/flows/${flowId}`), 404, 'resource_missing');
    expectProblem(await other.get(`/v1/flow-runs/${runId}`), 404, 'resource_missing');
    expectProblem(await other.post(`/v1/flow-runs/${runId}/cancel`), 404, 'resource_missing');
    expectProblem(await other.post(`/v1/flows/${flowId}/runs`, { body: { contact_id: contactId } }), 404, 'resource_missing');
    expect((await other.get(`/v1/flow-runs?flow_id=${flowId}`)).body.data).toEqual([]);

    const idem = randomUUID();
    expect((await api.post(`/v1/flows/${flowId}/runs`, { body: { contact_id: contactId }, headers: { 'Idempotency-Key': idem } })).status).toBe(202);
    await expectKeyReuseRefused(ws.key, idem, { method: 'POST', path: `/v1/flows/${flowId}/runs`, body: { contact_id: await newContact(api) }, scope: 'flows:write', family: 'flows_write' }, '/contact_id');

    const metadata = await api.post('/v1/flows', { body: { name: 'ssrf', trigger: { type: 'manual' }, steps: [{ id: 'x', type: 'http_request', url: 'http://169.254.169.254/latest/meta-data' }] } });
    expectProblem(metadata, 422, 'webhook_url_not_allowed');
    expect(metadata.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/steps/0/url']);
  });
});
