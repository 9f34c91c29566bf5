// Issue 13, "a flow can trigger itself without end": events carry their cause and depth, the trigger poller never lets a
// flow feed on its own consequences nor go deeper than FLOW_TRIGGER_MAX_DEPTH, flow_run.* and webhook_delivery.* are
// refused as triggers, run budgets answer flow_run.throttled / 422 while other workspaces write at their usual pace,
// and a flow needs the scopes its steps use.
import { randomUUID } from 'node:crypto';
import { client } from '../support/client';
import { expectProblem } from '../support/operation-refusals';
import { closeDb, newWorkspace, sql } from '../support/stack';
import { waitFor } from '../support/wait';

afterAll(closeDb);

type Api = ReturnType<typeof client>;

let nextPhone = 9_500_000_000 + Math.floor(Math.random() * 90_000_000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function newContact(api: Api): Promise<string> {
  const res = await api.post('/v1/contacts', { body: { phone: `+91${nextPhone++}`, first_name: 'Asha' } });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function newTemplate(api: Api): Promise<string> {
  const res = await api.post('/v1/templates', { body: { name: `loop_${randomUUID().slice(0, 8)}`, language: 'en', category: 'utility', body: 'Hello {{1}}' } });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function sandboxChannel(api: Api): Promise<string> {
  const res = await api.post('/v1/channels', { body: { name: 'loops', provider: 'sandbox' } });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function activeFlow(api: Api, body: Record<string, unknown>): Promise<string> {
  const created = await api.post('/v1/flows', { body });
  expect(created.status).toBe(201);
  expect((await api.post(`/v1/flows/${created.body.id}/activate`)).status).toBe(200);
  return created.body.id;
}

/** A template message sent by the integrator (depth 0): its receipts are what read-triggered flows react to. */
async function sendTemplate(api: Api, contactId: string, channelId: string, templateId: string): Promise<string> {
  const conversation = await api.post('/v1/conversations', { body: { contact_id: contactId, channel_id: channelId } });
  const conversationId = conversation.status === 201 ? conversation.body.id : conversation.body.existing_id;
  const sent = await api.post(`/v1/conversations/${conversationId}/messages`, { body: { type: 'template', template_id: templateId, parameters: ['there'] } });
  expect(sent.status).toBe(201);
  return sent.body.id;
}

const sendStep = (id: string, channelId: string, templateId: string) => ({ id, type: 'send_message', channel_id: channelId, template_id: templateId, parameters: ['again'] });

async function runCounts(flowIds: string[]): Promise<number[]> {
  const rows = await sql<{ flow_id: string; n: string }>(`select flow_id, count(*) as n from flow_runs where flow_id in (?) group by flow_id`, [flowIds]);
  return flowIds.map((id) => Number(rows.find((r) => r.flow_id === id)?.n ?? 0));
}

/** Waits for the flows to reach `expected` runs, then watches a while longer: a bounded chain stays there. */
async function expectSettledAt(flowIds: string[], expected: number[], watchMs = 4000): Promise<void> {
  // a chain of sends, reads and triggers: on a loaded CI machine three hops have taken more than 30 s
  await waitFor(() => runCounts(flowIds), (n) => n.every((c, i) => c >= expected[i]), 60_000);
  await sleep(watchMs);
  expect(await runCounts(flowIds)).toEqual(expected);
  // and every run has ended: nothing is left queued behind them
  const [{ running }] = await sql<{ running: string }>(`select count(*) as running from flow_runs where flow_id in (?) and status = 'running'`, [flowIds]);
  expect(Number(running)).toBe(0);
}

describe('a flow cannot feed on its own runs', () => {
  let api: Api;
  beforeAll(async () => {
    api = client((await newWorkspace()).key);
  });

  it('refuses flow_run.* and webhook_delivery.* triggers on create, update and activation, with a pointer', async () => {
    const end = [{ id: 'e', type: 'end' }];
    for (const eventType of ['flow_run.started', 'flow_run.completed', 'flow_run.failed', 'webhook_delivery.dead']) {
      const res = await api.post('/v1/flows', { body: { name: 'echo', trigger: { type: 'event', event_type: eventType }, steps: end } });
      expectProblem(res, 422, 'flow_trigger_not_allowed');
      expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/trigger/event_type', code: 'flow_trigger_not_allowed' })]);
    }
    const manual = await api.post('/v1/flows', { body: { name: 'manual', trigger: { type: 'manual' }, steps: end } });
    expect(manual.status).toBe(201);
    const update = await api.patch(`/v1/flows/${manual.body.id}`, { body: { trigger: { type: 'event', event_type: 'flow_run.started' } } });
    expectProblem(update, 422, 'flow_trigger_not_allowed');
    expect((await api.get(`/v1/flows/${manual.body.id}`)).body.trigger).toEqual({ type: 'manual' });

    // a flow stored with such a trigger before the rule (written here directly) cannot be activated either
    await sql(`update flow_versions set trigger = ? where flow_id = ?`, [JSON.stringify({ type: 'event', event_type: 'flow_run.started' }), manual.body.id]);
    await sql(`update flows set trigger_type = 'event', event_type = 'flow_run.started' where id = ?`, [manual.body.id]);
    const activate = await api.post(`/v1/flows/${manual.body.id}/activate`);
    expectProblem(activate, 422, 'flow_trigger_not_allowed');
    expect(activate.body.errors[0].pointer).toBe('/trigger/event_type');
    expect((await api.get(`/v1/flows/${manual.body.id}`)).body.status).toBe('inactive');
  });

  it('runs a flow whose steps change what it triggers on once per outside change, and its events name the run as their cause', async () => {
    const flowId = await activeFlow(api, {
      name: 'on any update, tag and stamp',
      trigger: { type: 'event', event_type: 'contact.updated' },
      steps: [{ id: 'tag', type: 'add_tag', tags: ['seen'] }, { id: 'stamp', type: 'update_contact', attributes: { seen: true } }],
    });
    const contactId = await newContact(api);
    const patch = await api.patch(`/v1/contacts/${contactId}`, { body: { attributes: { source: 'form' } } });
    expect(patch.status).toBe(200);
    await expectSettledAt([flowId], [1], 2000);
    const [run] = await sql<{ id: string }>(`select id from flow_runs where flow_id = ?`, [flowId]);

    const events = await api.get('/v1/events?type=contact.updated&limit=10');
    expect(events.status).toBe(200);
    const mine = (events.body.data as { data: { object: { id: string } }; request_id: string; cause: unknown }[]).filter((e) => e.data.object.id === contactId).reverse();
    expect(mine.map((e) => e.cause)).toEqual([
      { type: 'request', id: patch.headers.get('request-id'), depth: 0 },
      { type: 'flow_run', id: run.id, depth: 1 },
      { type: 'flow_run', id: run.id, depth: 1 },
    ]);
  });
});

describe('receipts and chains of flows stay bounded', () => {
  it('a flow on message.read that sends a message runs once for the integrator’s message, not for its own', async () => {
    const api = client((await newWorkspace()).key);
    const [channelId, templateId] = [await sandboxChannel(api), await newTemplate(api)];
    const flowId = await activeFlow(api, { name: 'read, then send', trigger: { type: 'event', event_type: 'message.read' }, steps: [sendStep('send', channelId, templateId)] });
    const contactId = await newContact(api);
    const first = await sendTemplate(api, contactId, channelId, templateId);
    await expectSettledAt([flowId], [1]);

    const [run] = await sql<{ id: string; trigger_event_id: string }>(`select id, trigger_event_id from flow_runs where flow_id = ?`, [flowId]);
    const [trigger] = await sql<{ object_id: string }>(`select object_id from events where id = ?`, [run.trigger_event_id]);
    expect(trigger.object_id).toBe(first);
    // the run's own message was read too: its receipt names the message and the run's depth, and triggered nothing
    const own = (await api.get(`/v1/flow-runs/${run.id}`)).body.steps[0].outcome.message_id;
    await waitFor(() => api.get(`/v1/messages/${own}`), (m) => m.body.status === 'read');
    const reads = await api.get('/v1/events?type=message.read&limit=10');
    const ownRead = reads.body.data.find((e: { data: { object: { id: string } } }) => e.data.object.id === own);
    expect(ownRead.cause).toEqual({ type: 'message', id: own, depth: 1 });
  });

  it('two flows that each send when a message is read stop after each has answered the other once', async () => {
    const api = client((await newWorkspace()).key);
    const [channelId, templateId] = [await sandboxChannel(api), await newTemplate(api)];
    const a = await activeFlow(api, { name: 'a', trigger: { type: 'event', event_type: 'message.read' }, steps: [sendStep('send', channelId, templateId)] });
    const b = await activeFlow(api, { name: 'b', trigger: { type: 'event', event_type: 'message.read' }, steps: [sendStep('send', channelId, templateId)] });
    await sendTemplate(api, await newContact(api), channelId, templateId);
    // the integrator's message starts a and b; a's message starts b, b's starts a; what those send started by both
    // flows (directly or not) triggers neither again. Without the guard the runs double with each round.
    await expectSettledAt([a, b], [2, 2]);
  });

  it('a ring of four flows stops at depth 3: the fourth never runs', async () => {
    const api = client((await newWorkspace()).key);
    const channelId = await sandboxChannel(api);
    const templates = [await newTemplate(api), await newTemplate(api), await newTemplate(api), await newTemplate(api)];
    // flow i answers the template of flow i-1 with its own; the integrator sends the last flow's template
    const flows: string[] = [];
    for (let i = 0; i < 4; i++) {
      flows.push(
        await activeFlow(api, {
          name: `ring ${i}`,
          trigger: { type: 'event', event_type: 'message.read', filter: { fields: { template_id: templates[(i + 3) % 4] } } },
          steps: [sendStep('send', channelId, templates[i])],
        }),
      );
    }
    await sendTemplate(api, await newContact(api), channelId, templates[3]);
    await expectSettledAt(flows, [1, 1, 1, 0]);
    const depths = await sql<{ flow_id: string; cause_depth: number }>(`select flow_id, cause_depth from flow_runs where flow_id in (?)`, [flows]);
    expect(flows.slice(0, 3).map((f) => depths.find((d) => d.flow_id === f)?.cause_depth)).toEqual([1, 2, 3]);
  });
});

describe('run budgets', () => {
  it('past a flow’s budget a trigger writes flow_run.throttled and a manual run is refused, while another workspace writes as fast as before', async () => {
    const ws = await newWorkspace();
    const api = client(ws.key);
    const other = client((await newWorkspace()).key);
    const timedPosts = async (n: number): Promise<number[]> => {
      const ms: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = Date.now();
        expect((await other.post('/v1/contacts', { body: { phone: `+91${nextPhone++}` } })).status).toBe(201);
        ms.push(Date.now() - t);
      }
      return ms;
    };
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const before = await timedPosts(8);

    // runs that wait (60 s here: waits are scaled by 0.001) hold the flow's budget of 20 running runs
    const flowId = await activeFlow(api, {
      name: 'surge',
      trigger: { type: 'event', event_type: 'contact.updated', filter: { tag_added: 'surge' } },
      steps: [{ id: 'hold', type: 'wait', duration_seconds: 60_000 }, { id: 'done', type: 'end' }],
    });
    const [position] = await sql<{ txid: string; event_id: string }>(`select txid::text as txid, event_id from flow_trigger_position`);
    const made = await api.post('/v1/contacts/bulk', { body: { items: Array.from({ length: 120 }, () => ({ phone: `+91${nextPhone++}` })) } });
    expect(made.status).toBe(200);
    const ids = (made.body.results as { id: string }[]).map((r) => r.id);
    const throttled = () => sql<{ n: string }>(`select count(*) as n from events where workspace_id = ? and type = 'flow_run.throttled'`, [ws.workspaceId]);
    // the other workspace writes while the tagging, the trigger poller and the runs' workflows are busy
    const [during] = await Promise.all([
      timedPosts(10),
      (async () => {
        const tagged = await api.post('/v1/tags/bulk', { body: { items: ids.map((id) => ({ contact_id: id, add: ['surge'] })) } });
        expect(tagged.status).toBe(200);
        await waitFor(throttled, (r) => Number(r[0].n) >= 100, 30_000);
      })(),
    ]);
    expect(Number((await throttled())[0].n)).toBe(100);
    expect(await runCounts([flowId])).toEqual([20]);
    const listed = await api.get('/v1/events?type=flow_run.throttled&limit=5');
    expect(listed.status).toBe(200);
    for (const e of listed.body.data) {
      expect(e.data.object).toMatchObject({ object: 'flow_run_throttle', flow_id: flowId, reason: 'flow_running_limit', limit: 20 });
      expect(ids).toContain(e.data.object.contact_id);
      expect(e.cause).toEqual({ type: 'event', id: e.data.object.trigger_event_id, depth: 1 });
    }
    expectProblem(await api.post(`/v1/flows/${flowId}/runs`, { body: { contact_id: ids[0] } }), 422, 'flow_run_limit_reached');

    // a poller that reads the same events again (its position set back) starts and throttles nothing twice
    await sql(`update flow_trigger_position set txid = ?::xid8, event_id = ? where id = 1`, [position.txid, position.event_id]);
    const reread = await waitFor(() => sql<{ moved: boolean }>(`select txid > ?::xid8 as moved from flow_trigger_position`, [position.txid]), (r) => r[0].moved, 20_000);
    expect(reread[0].moved).toBe(true);
    await sleep(1000);
    expect(await runCounts([flowId])).toEqual([20]);
    expect(Number((await throttled())[0].n)).toBe(100);

    // the other workspace's writes kept their pace
    expect(Math.max(...during)).toBeLessThan(5000);
    expect(median(during)).toBeLessThan(3 * median(before) + 500);
  });

  it('runs that finish at once still count against the runs a flow may start in a minute', async () => {
    const ws = await newWorkspace();
    const api = client(ws.key);
    const flowId = await activeFlow(api, { name: 'pace', trigger: { type: 'event', event_type: 'contact.updated', filter: { tag_added: 'pace' } }, steps: [{ id: 'done', type: 'end' }] });
    const made = await api.post('/v1/contacts/bulk', { body: { items: Array.from({ length: 75 }, () => ({ phone: `+91${nextPhone++}` })) } });
    const ids = (made.body.results as { id: string }[]).map((r) => r.id);
    // five rounds of 15, each after the last has finished: never 20 running, but 60 started within the minute
    for (let round = 0; round < 5; round++) {
      const tagged = await api.post('/v1/tags/bulk', { body: { items: ids.slice(round * 15, round * 15 + 15).map((id) => ({ contact_id: id, add: ['pace'] })) } });
      expect(tagged.status).toBe(200);
      await waitFor(
        () => sql<{ ended: string; throttled: string }>(
          `select (select count(*) from flow_runs where flow_id = ? and status <> 'running') as ended,
                  (select count(*) from events where workspace_id = ? and type = 'flow_run.throttled') as throttled`,
          [flowId, ws.workspaceId],
        ),
        ([r]) => Number(r.ended) + Number(r.throttled) === (round + 1) * 15,
        30_000,
      );
    }
    expect(await runCounts([flowId])).toEqual([60]);
    const throttled = await api.get('/v1/events?type=flow_run.throttled&limit=100');
    expect(throttled.body.data).toHaveLength(15);
    expect(throttled.body.data.map((e: { data: { object: { reason: string; limit: number } } }) => [e.data.object.reason, e.data.object.limit])).toEqual(Array(15).fill(['flow_start_rate_limit', 60]));
    expect(throttled.body.data.map((e: { data: { object: { contact_id: string } } }) => e.data.object.contact_id).sort()).toEqual(ids.slice(60).sort());
    expectProblem(await api.post(`/v1/flows/${flowId}/runs`, { body: { contact_id: ids[0] } }), 422, 'flow_run_limit_reached');
  });
});

describe('flow scopes', () => {
  it('creating, updating or activating a flow needs the scopes its steps use: 403 with the missing scopes and a pointer per step', async () => {
    const ws = await newWorkspace();
    const owner = client(ws.key);
    const [channelId, templateId] = [await sandboxChannel(owner), await newTemplate(owner)];
    const steps = [
      sendStep('send', channelId, templateId),
      { id: 'tag', type: 'add_tag', tags: ['x'] },
      { id: 'wait', type: 'wait', duration_seconds: 1 },
      { id: 'call', type: 'http_request', url: 'http://127.0.0.1:9/hook' },
      { id: 'end', type: 'end' },
    ];
    const narrow = client((await ws.keyWith(['flows:write', 'flows:read', 'tags:write'])).key);
    const refused = await narrow.post('/v1/flows', { body: { name: 'too much', trigger: { type: 'manual' }, steps } });
    expectProblem(refused, 403, 'insufficient_scope');
    expect(refused.body.missing_scopes).toEqual(['messages:write', 'webhooks:write']);
    expect(refused.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/steps/0', '/steps/3']);

    // what it holds is enough for a tagging flow; adding a send to it is not
    const tagging = await narrow.post('/v1/flows', { body: { name: 'tagging', trigger: { type: 'manual' }, steps: [steps[1], steps[4]] } });
    expect(tagging.status).toBe(201);
    expectProblem(await narrow.patch(`/v1/flows/${tagging.body.id}`, { body: { steps: [steps[0], steps[4]] } }), 403, 'insufficient_scope');

    // a flow its owner wrote is activated only by a key that holds its steps' scopes
    const full = await owner.post('/v1/flows', { body: { name: 'full', trigger: { type: 'manual' }, steps } });
    expect(full.status).toBe(201);
    const activation = await narrow.post(`/v1/flows/${full.body.id}/activate`);
    expectProblem(activation, 403, 'insufficient_scope');
    expect(activation.body.missing_scopes).toEqual(['messages:write', 'webhooks:write']);
    expect((await narrow.get(`/v1/flows/${full.body.id}`)).body.status).toBe('inactive');
    expect((await owner.post(`/v1/flows/${full.body.id}/activate`)).status).toBe(200);
  });
});
