import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { client } from './support/client';
import { expectAuthRefusals, expectProblem } from './support/operation-refusals';
import { privateStack } from './support/processes';
import { freePort } from '../src/stack/embedded';
import { closeDb, newWorkspace, sql } from './support/stack';
import { waitFor } from './support/wait';
import { Receiver, verify } from './support/webhook-receiver';

jest.setTimeout(60_000);

let ws: Awaited<ReturnType<typeof newWorkspace>>;
let api: ReturnType<typeof client>;

const delivery = (id: string) => api.get(`/v1/webhook-deliveries/${id}`);
const finished = (r: { body: { status: string } }) => r.body.status === 'succeeded' || r.body.status === 'dead';

let receiver: Receiver;

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
  receiver = await new Receiver().start();
});
afterAll(async () => {
  await receiver.close();
  await closeDb();
});

async function endpoint(path: string, extra: Record<string, unknown> = {}) {
  const res = await api.post('/v1/webhook-endpoints', { body: { url: receiver.url(path), ...extra } });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string };
}

describe('webhook endpoints', () => {
  it('shows the secret once, lists, retrieves, updates and deletes, with scopes enforced', async () => {
    const created = await api.post('/v1/webhook-endpoints', { body: { url: receiver.url('/crud'), event_types: ['contact.*', 'order.paid'], description: 'CRM' } });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(created.body.secret.slice(6), 'base64')).toHaveLength(24);
    expect(created.body).toMatchObject({ object: 'webhook_endpoint', enabled: true, event_types: ['contact.*', 'order.paid'], disabled_reason: null });
    const shown = await api.get(`/v1/webhook-endpoints/${created.body.id}`);
    expect(shown.body).not.toHaveProperty('secret');
    const list = await api.get('/v1/webhook-endpoints');
    expect(list.body.data.map((e: { id: string }) => e.id)).toContain(created.body.id);
    const patched = await api.patch(`/v1/webhook-endpoints/${created.body.id}`, { body: { enabled: false } });
    expect(patched.body).toMatchObject({ enabled: false, disabled_reason: 'manual' });
    const events = await sql<{ type: string; previous_attributes: Record<string, unknown> }>(`select type, previous_attributes from events where object_id = ? order by sequence`, [created.body.id]);
    expect(events.map((e) => e.type)).toEqual(['webhook_endpoint.created', 'webhook_endpoint.updated']);
    expect(events[1].previous_attributes).toMatchObject({ enabled: true });
    const deleted = await api.delete(`/v1/webhook-endpoints/${created.body.id}`);
    expect(deleted.body).toMatchObject({ id: created.body.id, deleted: true });
    expectProblem(await api.get(`/v1/webhook-endpoints/${created.body.id}`), 404, 'resource_missing');
    await expectAuthRefusals(ws, { method: 'POST', path: '/v1/webhook-endpoints', body: { url: receiver.url('/x') }, scope: 'webhooks:write', family: 'webhooks_write' });
    await expectAuthRefusals(ws, { method: 'GET', path: '/v1/webhook-endpoints', scope: 'webhooks:read', family: 'webhooks_read' });
  });

  it('refuses non-public literal addresses at creation (nothing is sent anywhere)', async () => {
    for (const url of ['http://127.0.0.2:9/x', 'http://10.1.2.3/x', 'http://169.254.169.254/latest/meta-data', 'http://100.64.0.1/', 'http://[::1]:9/', 'http://[::ffff:127.0.0.1]/', 'http://224.0.0.1/', 'http://192.168.1.1/']) {
      const res = await api.post('/v1/webhook-endpoints', { body: { url } });
      expectProblem(res, 422, 'webhook_url_not_allowed');
      expect(res.body.errors[0].pointer).toBe('/url');
    }
    const patched = await api.patch(`/v1/webhook-endpoints/${(await endpoint('/patch-ssrf')).id}`, { body: { url: 'http://172.16.0.1/' } });
    expectProblem(patched, 422, 'webhook_url_not_allowed');
  });
});

describe('webhook deliveries', () => {
  it('delivers a signed test event that an independent Standard Webhooks verifier accepts, and records the attempt', async () => {
    const ep = await endpoint('/test-event', { event_types: ['order.paid'] });
    const sent = await api.post(`/v1/webhook-endpoints/${ep.id}/test`);
    expect(sent.status).toBe(202);
    // the first attempt is sent before the answer, which reports it
    expect(sent.body).toMatchObject({ object: 'webhook_delivery', endpoint_id: ep.id, event_type: 'webhook.test', status: 'succeeded' });
    const done = await waitFor(() => delivery(sent.body.id), finished);
    expect(done.body.status).toBe('succeeded');
    expect(done.body.attempts).toHaveLength(1);
    expect(done.body.attempts[0]).toMatchObject({ attempt: 1, status_code: 204, error: null });
    const [got] = receiver.at('/test-event');
    expect(got.headers['webhook-id']).toBe(sent.body.id);
    expect(got.headers['webhook-timestamp']).toMatch(/^\d+$/);
    expect(got.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const payload = verify(ep.secret, got.headers, got.body) as Record<string, any>;
    expect(payload).toMatchObject({ id: sent.body.event_id, type: 'webhook.test', sequence: 1, data: { object: { object: 'webhook_test', endpoint_id: ep.id }, previous_attributes: null } });
    expect(() => verify('whsec_' + Buffer.alloc(24, 1).toString('base64'), got.headers, got.body)).toThrow();
    expect(() => verify(ep.secret, got.headers, got.body.replace('test', 'tost'))).toThrow();
    // for the Python check in CI: scripts/verify-webhook.py .data/webhook-capture.json
    mkdirSync(join(__dirname, '..', '.data'), { recursive: true });
    writeFileSync(
      join(__dirname, '..', '.data', 'webhook-capture.json'),
      JSON.stringify({ secret: ep.secret, headers: { 'webhook-id': got.headers['webhook-id'], 'webhook-timestamp': got.headers['webhook-timestamp'], 'webhook-signature': got.headers['webhook-signature'] }, body: got.body, captured_at: new Date().toISOString() }, null, 2),
    );
  });

  it('fans out committed events by filter, with the per-object sequence', async () => {
    const ep = await endpoint('/contacts-only', { event_types: ['contact.*'] });
    const contact = await api.post('/v1/contacts', { body: { phone: '+919800011122', first_name: 'Asha' } });
    await api.patch(`/v1/contacts/${contact.body.id}`, { body: { first_name: 'Asha R' } });
    await api.post('/v1/templates', { body: { name: `t_${Date.now()}`, language: 'en', category: 'utility', body: 'Hi {{1}}' } });
    await waitFor(async () => receiver.at('/contacts-only').length, (n) => n >= 2);
    await new Promise((r) => setTimeout(r, 500));
    const bodies = receiver.at('/contacts-only').map((r) => verify(ep.secret, r.headers, r.body) as Record<string, any>);
    expect(bodies.map((b) => `${b.type}#${b.sequence}`).sort()).toEqual(['contact.created#1', 'contact.updated#2']);
    const updated = bodies.find((b) => b.type === 'contact.updated')!;
    expect(updated.data.previous_attributes).toEqual({ first_name: 'Asha' });
    const list = await api.get(`/v1/webhook-endpoints/${ep.id}/deliveries?event_type=contact.*&status=succeeded`);
    expect(list.body.data).toHaveLength(2);
  });

  it('signs with both secrets during a rotation, each verifiable on its own', async () => {
    const ep = await endpoint('/rotation', { event_types: ['order.paid'] });
    const rotated = await api.post(`/v1/webhook-endpoints/${ep.id}/rotate-secret`, { body: { overlap_seconds: 3600 } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(ep.secret);
    expect(Date.parse(rotated.body.secret_rotation_ends_at)).toBeGreaterThan(Date.now() + 3500_000);
    const sent = await api.post(`/v1/webhook-endpoints/${ep.id}/test`);
    await waitFor(() => delivery(sent.body.id), finished);
    const [got] = receiver.at('/rotation');
    const sigs = String(got.headers['webhook-signature']).split(' ');
    expect(sigs).toHaveLength(2);
    verify(rotated.body.secret, got.headers, got.body);
    verify(ep.secret, got.headers, got.body);
    verify(rotated.body.secret, { ...got.headers, 'webhook-signature': sigs[0] }, got.body);
    verify(ep.secret, { ...got.headers, 'webhook-signature': sigs[1] }, got.body);
    const immediate = await api.post(`/v1/webhook-endpoints/${ep.id}/rotate-secret`, { body: { overlap_seconds: 0 } });
    expect(immediate.body.secret_rotation_ends_at).toBeNull();
    const again = await api.post(`/v1/webhook-endpoints/${ep.id}/test`);
    await waitFor(() => delivery(again.body.id), finished);
    const last = receiver.at('/rotation')[1];
    expect(String(last.headers['webhook-signature']).split(' ')).toHaveLength(1);
    verify(immediate.body.secret, last.headers, last.body);
    expect(() => verify(rotated.body.secret, last.headers, last.body)).toThrow();
  });

  it('retries a failing receiver on the timetable: two failures then a success is three attempts under one webhook-id', async () => {
    receiver.answer = (r, nth) => (r.path === '/flaky' && nth <= 2 ? { status: 500 } : { status: 200 });
    const ep = await endpoint('/flaky');
    const sent = await api.post(`/v1/webhook-endpoints/${ep.id}/test`);
    const done = await waitFor(() => delivery(sent.body.id), finished);
    expect(done.body.status).toBe('succeeded');
    expect(done.body.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([500, 500, 200]);
    expect(done.body.attempts[0].error).toMatchObject({ code: 'http_status' });
    const got = receiver.at('/flaky');
    expect(new Set(got.map((g) => g.headers['webhook-id']))).toEqual(new Set([sent.body.id]));
    for (const g of got) verify(ep.secret, g.headers, g.body);
  });

  it('ends dead past the timetable with an event, then a replay succeeds', async () => {
    let down = true;
    receiver.answer = (r) => (r.path === '/down' && down ? { status: 503 } : { status: 200 });
    const ep = await endpoint('/down');
    const since = new Date(Date.now() - 1000).toISOString();
    const sent = await api.post(`/v1/webhook-endpoints/${ep.id}/test`);
    const dead = await waitFor(() => delivery(sent.body.id), finished);
    expect(dead.body.status).toBe('dead');
    expect(dead.body.attempts).toHaveLength(4);
    const deadEvents = await sql<{ type: string }>(`select type from events where object_id = ?`, [sent.body.id]);
    expect(deadEvents.map((e) => e.type)).toEqual(['webhook_delivery.dead']);
    const dry = await api.post(`/v1/webhook-endpoints/${ep.id}/replay`, { body: { since, status: 'dead', dry_run: true } });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ object: 'webhook_replay', count: 1, dry_run: true });
    down = false;
    const replay = await api.post(`/v1/webhook-deliveries/${sent.body.id}/replay`);
    expect(replay.status).toBe(202);
    const ok = await waitFor(() => delivery(sent.body.id), (r) => r.body.status === 'succeeded');
    expect(ok.body.status).toBe('succeeded');
    expect(ok.body.attempts).toHaveLength(5);
    expect(ok.body.attempts[4]).toMatchObject({ attempt: 5, status_code: 200 });
  });

  it('redelivers dead deliveries of an endpoint in bulk', async () => {
    let down = true;
    receiver.answer = (r) => (r.path === '/bulk' && down ? { status: 500 } : { status: 200 });
    const ep = await endpoint('/bulk');
    const since = new Date(Date.now() - 1000).toISOString();
    const a = await api.post(`/v1/webhook-endpoints/${ep.id}/test`);
    const b = await api.post(`/v1/webhook-endpoints/${ep.id}/test`);
    await waitFor(() => delivery(a.body.id), finished);
    await waitFor(() => delivery(b.body.id), finished);
    down = false;
    const replay = await api.post(`/v1/webhook-endpoints/${ep.id}/replay`, { body: { since, status: 'failed' } });
    expect(replay.status).toBe(202);
    expect(replay.body.count).toBe(2);
    for (const id of [a.body.id, b.body.id]) expect((await waitFor(() => delivery(id), (r) => r.body.status === 'succeeded')).body.status).toBe('succeeded');
  });

  it('disables an endpoint that answers 410 Gone, with an event; PATCH re-enables it', async () => {
    receiver.answer = (r) => (r.path === '/gone' ? { status: 410 } : { status: 200 });
    const ep = await endpoint('/gone');
    const sent = await api.post(`/v1/webhook-endpoints/${ep.id}/test`);
    const done = await waitFor(() => delivery(sent.body.id), finished);
    expect(done.body.status).toBe('dead');
    expect(done.body.attempts).toHaveLength(1);
    const shown = await api.get(`/v1/webhook-endpoints/${ep.id}`);
    expect(shown.body).toMatchObject({ enabled: false, disabled_reason: 'gone' });
    const events = await sql<{ type: string }>(`select type from events where object_id = ? order by sequence`, [ep.id]);
    expect(events.map((e) => e.type)).toContain('webhook_endpoint.disabled');
    // replays while disabled end dead at once, each with its own event
    for (let i = 0; i < 2; i++) {
      expect((await api.post(`/v1/webhook-deliveries/${sent.body.id}/replay`)).status).toBe(202);
      await waitFor(() => sql(`select id from events where object_id = ?`, [sent.body.id]), (rows) => rows.length === i + 2);
    }
    const deadEvents = await sql<{ sequence: number }>(`select sequence from events where object_id = ? order by sequence`, [sent.body.id]);
    expect(deadEvents.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(receiver.at('/gone')).toHaveLength(1);
    const enabled = await api.patch(`/v1/webhook-endpoints/${ep.id}`, { body: { enabled: true } });
    expect(enabled.body).toMatchObject({ enabled: true, disabled_reason: null });
  });

  it('does not follow redirects', async () => {
    receiver.answer = (r) => (r.path === '/redirect' ? { status: 307, headers: { Location: receiver.url('/redirect-target') } } : { status: 200 });
    const ep = await endpoint('/redirect');
    const sent = await api.post(`/v1/webhook-endpoints/${ep.id}/test`);
    const done = await waitFor(() => delivery(sent.body.id), finished);
    expect(done.body.status).toBe('dead');
    expect(done.body.attempts.every((a: { status_code: number }) => a.status_code === 307)).toBe(true);
    expect(done.body.attempts[0].response_headers.location).toBe(receiver.url('/redirect-target'));
    expect(receiver.at('/redirect-target')).toHaveLength(0);
  });

  it('refuses at delivery a host name that resolves to a non-public address, before any connection', async () => {
    // a listener on 127.0.0.2 (loopback, not allowlisted) proves that no connection is ever made to it
    let connections = 0;
    const trap = createServer((_req, res) => res.end());
    trap.on('connection', () => connections++);
    await new Promise<void>((r) => trap.listen(0, '127.0.0.2', r));
    const port = (trap.address() as { port: number }).port;
    try {
      const created = await api.post('/v1/webhook-endpoints', { body: { url: `http://rebind.sabnode.test:${port}/hook` } });
      expect(created.status).toBe(201);
      const sent = await api.post(`/v1/webhook-endpoints/${created.body.id}/test`);
      const done = await waitFor(() => delivery(sent.body.id), finished);
      expect(done.body.status).toBe('dead');
      expect(done.body.attempts[0]).toMatchObject({ status_code: null, error: { code: 'address_not_allowed' } });
      // the reason, never the internal address it resolved to
      expect(done.body.attempts[0].error.message).toBe('the host name resolved to a non-public address');
      expect(JSON.stringify(done.body)).not.toContain('127.0.0.2');
      expect(connections).toBe(0);
    } finally {
      await new Promise<void>((r) => trap.close(() => r()));
    }
  });
});

describe('webhook failure handling', () => {
  it('honours Retry-After between attempts', async () => {
    receiver.answer = (r, nth) => (r.path === '/retry-after' && nth === 1 ? { status: 429, headers: { 'Retry-After': '2' } } : { status: 200 });
    const ep = await endpoint('/retry-after');
    const sent = await api.post(`/v1/webhook-endpoints/${ep.id}/test`);
    const done = await waitFor(() => delivery(sent.body.id), finished);
    expect(done.body.status).toBe('succeeded');
    const [first, second] = done.body.attempts;
    expect(first.response_headers['retry-after']).toBe('2');
    // the timetable says 200 ms here; the receiver asked for 2 s
    expect(Date.parse(second.attempted_at) - Date.parse(first.attempted_at)).toBeGreaterThanOrEqual(1900);
  });

  it('names the network failure of an attempt: connection refused, timeout', async () => {
    const closedPort = await freePort();
    const refused = await api.post('/v1/webhook-endpoints', { body: { url: `http://127.0.0.1:${closedPort}/nobody` } });
    const a = await api.post(`/v1/webhook-endpoints/${refused.body.id}/test`);
    receiver.answer = (r) => (r.path === '/hang' ? { status: 0 } : { status: 200 });
    const hang = await endpoint('/hang');
    const b = await api.post(`/v1/webhook-endpoints/${hang.id}/test`);
    const first = await waitFor(() => delivery(a.body.id), (r) => r.body.attempt_count >= 1);
    expect(first.body.attempts[0]).toMatchObject({ status_code: null, response_headers: null, error: { code: 'refused' } });
    const second = await waitFor(() => delivery(b.body.id), (r) => r.body.attempt_count >= 1);
    expect(second.body.attempts[0]).toMatchObject({ status_code: null, error: { code: 'timeout' } });
    expect(second.body.attempts[0].duration_ms).toBeGreaterThanOrEqual(1400);
    expect(second.body.next_attempt_at).not.toBeNull();
    await api.delete(`/v1/webhook-endpoints/${hang.id}`);
    await api.delete(`/v1/webhook-endpoints/${refused.body.id}`);
  });

  it('disables an endpoint whose attempts have all failed for 5 days, with an event', async () => {
    receiver.answer = (r) => (r.path === '/failing' ? { status: 500 } : { status: 200 });
    const ep = await endpoint('/failing');
    await sql(`update webhook_endpoints set failing_since = now() - interval '5 days 1 minute' where id = ?`, [ep.id]);
    const sent = await api.post(`/v1/webhook-endpoints/${ep.id}/test`);
    const done = await waitFor(() => delivery(sent.body.id), finished);
    expect(done.body.status).toBe('dead');
    expect(done.body.attempts).toHaveLength(1);
    expect((await api.get(`/v1/webhook-endpoints/${ep.id}`)).body).toMatchObject({ enabled: false, disabled_reason: 'failing' });
    const events = await api.get(`/v1/events?type=webhook_endpoint.disabled`);
    expect(events.body.data.map((e: { data: { object: { id: string } } }) => e.data.object.id)).toContain(ep.id);
    const dead = await api.get(`/v1/events?type=webhook_delivery.*`);
    expect(dead.body.data.map((e: { data: { object: { id: string } } }) => e.data.object.id)).toContain(sent.body.id);
  });
});

describe('webhook deliveries across a worker crash', () => {
  it('resumes the timetable after the worker is killed mid-way, without repeating an attempt', async () => {
    const own = await privateStack('webhooks', { WEBHOOK_RETRY_SCHEDULE_MS: '0,3000,300,300' });
    try {
      const mine = client(ws.key, { baseUrl: own.apiUrl });
      receiver.answer = (r, nth) => (r.path === '/crash' && nth <= 1 ? { status: 500 } : { status: 200 });
      const ep = (await mine.post('/v1/webhook-endpoints', { body: { url: receiver.url('/crash') } })).body;
      const sent = await mine.post(`/v1/webhook-endpoints/${ep.id}/test`);
      await waitFor(() => delivery(sent.body.id), (r) => r.body.attempt_count >= 1);
      await own.killWorker();
      await new Promise((r) => setTimeout(r, 3500));
      expect(receiver.at('/crash')).toHaveLength(1);
      await own.startWorker();
      const done = await waitFor(() => delivery(sent.body.id), finished, 30_000);
      expect(done.body.status).toBe('succeeded');
      expect(done.body.attempts.map((a: { attempt: number; status_code: number }) => `${a.attempt}:${a.status_code}`)).toEqual(['1:500', '2:200']);
      expect(receiver.at('/crash')).toHaveLength(2);
    } finally {
      await own.close();
    }
  });
});
