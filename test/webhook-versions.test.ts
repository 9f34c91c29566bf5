// Webhook endpoints pinned to an API version: payloads shaped by the response transforms of that version and named
// in the Api-Version header, signed as sent (checked by the public standardwebhooks libraries, TypeScript and
// Python); the test operation's reported outcome; and GET /v1/event-types against what the code emits.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { freePort } from '../src/stack/embedded';
import { ensurePypiTool } from '../src/stack/embedded';
import { EVENT_TYPES } from '../src/event-types';
import { spec } from '../src/spec';
import { VERSIONS } from '../src/versions';
import { client } from './support/client';
import { expectProblem } from './support/operation-refusals';
import { ROOT } from './support/processes';
import { closeDb, newWorkspace } from './support/stack';
import { waitFor } from './support/wait';
import { Receiver, verify, type Received } from './support/webhook-receiver';

jest.setTimeout(120_000);

const OLD = '2025-06-01';
const NEW = '2026-11-01';
const run = promisify(execFile);

let ws: Awaited<ReturnType<typeof newWorkspace>>;
let api: ReturnType<typeof client>;
let receiver: Receiver;
let python = '';
let captures = '';

beforeAll(async () => {
  // the workspace is pinned to the old version: an endpoint made without api_version takes it
  ws = await newWorkspace({ apiVersion: OLD });
  api = client(ws.key);
  receiver = await new Receiver().start();
  python = await ensurePypiTool({ venvName: 'venv-standardwebhooks', requirement: 'standardwebhooks==1.1.0', bin: 'python', log: (m) => process.stderr.write(`[webhook-versions] ${m}\n`) });
  captures = mkdtempSync(join(tmpdir(), 'sabnode-webhook-versions-'));
});
afterAll(async () => {
  await receiver.close();
  await closeDb();
  rmSync(captures, { recursive: true, force: true });
});

async function endpoint(path: string, extra: Record<string, unknown> = {}) {
  const res = await api.post('/v1/webhook-endpoints', { body: { url: receiver.url(path), ...extra } });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string; api_version: string };
}

/** The PyPI standardwebhooks library verifies the delivery as sent (scripts/verify-webhook.py, which CI also runs). */
async function verifiedByPython(secret: string, got: Received): Promise<void> {
  const file = join(captures, `${String(got.headers['webhook-id'])}-${Date.now()}.json`);
  const headers = { 'webhook-id': got.headers['webhook-id'], 'webhook-timestamp': got.headers['webhook-timestamp'], 'webhook-signature': got.headers['webhook-signature'] };
  writeFileSync(file, JSON.stringify({ secret, headers, body: got.body, captured_at: new Date().toISOString() }));
  const { stdout } = await run(python, [join(ROOT, 'scripts', 'verify-webhook.py'), file]);
  expect(stdout).toMatch(/^OK: whd_\S+ \S+ verified by standardwebhooks/);
}

type Payload = { id: string; type: string; sequence: number; data: { object: Record<string, unknown>; previous_attributes: Record<string, unknown> | null } };

/** Delivered payloads kept for the event-types check: each must validate against its type's schema in its version. */
const delivered: { version: string; payload: Payload }[] = [];

function received(path: string, secret: string, type: string): { got: Received; payload: Payload } {
  const got = receiver.at(path).find((r) => (JSON.parse(r.body) as Payload).type === type);
  if (!got) throw new Error(`nothing of type ${type} at ${path}`);
  const payload = verify(secret, got.headers, got.body) as Payload;
  delivered.push({ version: String(got.headers['api-version']), payload });
  return { got, payload };
}

describe('endpoints pinned to a version', () => {
  it('defaults to the workspace version, takes another, refuses an unknown one, and shows it on reads and in events', async () => {
    const pinned = await endpoint('/defaults', { event_types: ['order.paid'] });
    expect(pinned.api_version).toBe(OLD);
    const current = await endpoint('/defaults-new', { event_types: ['order.paid'], api_version: NEW });
    expect(current.api_version).toBe(NEW);
    expect((await api.get(`/v1/webhook-endpoints/${current.id}`)).body.api_version).toBe(NEW);
    expectProblem(await api.post('/v1/webhook-endpoints', { body: { url: receiver.url('/x'), api_version: '2024-01-01' } }), 400, 'invalid_request');
    expectProblem(await api.patch(`/v1/webhook-endpoints/${current.id}`, { body: { api_version: '2024-01-01' } }), 400, 'invalid_request');
    const patched = await api.patch(`/v1/webhook-endpoints/${current.id}`, { body: { api_version: OLD } });
    expect(patched.body.api_version).toBe(OLD);
    const events = await api.get('/v1/events?type=webhook_endpoint.updated&limit=100');
    const update = events.body.data.find((e: { data: { object: { id: string } } }) => e.data.object.id === current.id);
    expect(update.data.previous_attributes).toEqual({ api_version: NEW });
    await api.delete(`/v1/webhook-endpoints/${pinned.id}`);
    await api.delete(`/v1/webhook-endpoints/${current.id}`);
  });

  it('an old-version endpoint gets the old shape and a current one the new, each named in Api-Version and signed as sent', async () => {
    const old = await endpoint('/old', { event_types: ['contact.*'] });
    const cur = await endpoint('/new', { event_types: ['contact.*'], api_version: NEW });
    expect(old.api_version).toBe(OLD);
    const contact = await api.post('/v1/contacts', { body: { phone: '+919811100001', first_name: 'Asha', last_name: 'Rao' }, headers: { 'Api-Version': NEW } });
    expect(contact.status).toBe(201);
    await api.patch(`/v1/contacts/${contact.body.id}`, { body: { first_name: 'Asha Rani' }, headers: { 'Api-Version': NEW } });
    await waitFor(async () => [receiver.at('/old').length, receiver.at('/new').length], ([a, b]) => a >= 2 && b >= 2);

    const oldCreated = received('/old', old.secret, 'contact.created');
    expect(oldCreated.got.headers['api-version']).toBe(OLD);
    expect(oldCreated.got.headers.deprecation).toBe(`@${Date.parse('2026-11-01T00:00:00Z') / 1000}`);
    expect(oldCreated.got.headers.sunset).toBe('Wed, 01 Nov 2028 00:00:00 GMT');
    expect(oldCreated.got.headers.link).toMatch(/rel="deprecation"/);
    expect(oldCreated.payload.data.object).toMatchObject({ id: contact.body.id, object: 'contact', name: 'Asha Rao' });
    expect(oldCreated.payload.data.object).not.toHaveProperty('first_name');
    expect(oldCreated.payload.data.object).not.toHaveProperty('last_name');
    const oldUpdated = received('/old', old.secret, 'contact.updated');
    expect(oldUpdated.payload.data.object).toMatchObject({ name: 'Asha Rani Rao' });
    expect(oldUpdated.payload.data.previous_attributes).toEqual({ name: 'Asha Rao' });

    const newCreated = received('/new', cur.secret, 'contact.created');
    expect(newCreated.got.headers['api-version']).toBe(NEW);
    expect(newCreated.got.headers.deprecation).toBeUndefined();
    expect(newCreated.got.headers.sunset).toBeUndefined();
    expect(newCreated.payload.data.object).toMatchObject({ id: contact.body.id, first_name: 'Asha', last_name: 'Rao' });
    expect(newCreated.payload.data.object).not.toHaveProperty('name');
    const newUpdated = received('/new', cur.secret, 'contact.updated');
    expect(newUpdated.payload.data.previous_attributes).toEqual({ first_name: 'Asha' });

    // the same event, two bodies: each signature covers its own, and a body of one shape fails the other's check
    expect(oldCreated.payload.id).toBe(newCreated.payload.id);
    expect(oldCreated.got.body).not.toBe(newCreated.got.body);
    expect(() => verify(old.secret, oldCreated.got.headers, newCreated.got.body)).toThrow();
    for (const [secret, got] of [[old.secret, oldCreated.got], [old.secret, oldUpdated.got], [cur.secret, newCreated.got], [cur.secret, newUpdated.got]] as const) {
      await verifiedByPython(secret, got);
    }
  });

  it('a replay after the endpoint changed version goes out in the shape of its version at send time', async () => {
    const ep = await endpoint('/switch', { event_types: ['contact.created'], api_version: NEW });
    const contact = await api.post('/v1/contacts', { body: { phone: '+919811100002', first_name: 'Ravi', last_name: 'Kumar' }, headers: { 'Api-Version': NEW } });
    await waitFor(async () => receiver.at('/switch').length, (n) => n >= 1);
    const first = receiver.at('/switch')[0];
    expect(first.headers['api-version']).toBe(NEW);
    expect((verify(ep.secret, first.headers, first.body) as Payload).data.object).toMatchObject({ first_name: 'Ravi' });

    expect((await api.patch(`/v1/webhook-endpoints/${ep.id}`, { body: { api_version: OLD } })).status).toBe(200);
    const replay = await api.post(`/v1/webhook-deliveries/${String(first.headers['webhook-id'])}/replay`);
    expect(replay.status).toBe(202);
    await waitFor(async () => receiver.at('/switch').length, (n) => n >= 2);
    const again = receiver.at('/switch')[1];
    expect(again.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(again.headers['api-version']).toBe(OLD);
    const payload = verify(ep.secret, again.headers, again.body) as Payload;
    expect(payload.data.object).toMatchObject({ id: contact.body.id, name: 'Ravi Kumar' });
    expect(payload.data.object).not.toHaveProperty('first_name');
    await verifiedByPython(ep.secret, again);
  });
});

describe('POST /v1/webhook-endpoints/{id}/test', () => {
  it('sends a signed test event in the endpoint version and answers with the attempt; a replay of the key sends nothing', async () => {
    const ep = await endpoint('/test-ok', { event_types: ['order.paid'] });
    const key = `test-ok-${Date.now()}`;
    const sent = await api.post(`/v1/webhook-endpoints/${ep.id}/test`, { headers: { 'Idempotency-Key': key } });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ object: 'webhook_delivery', endpoint_id: ep.id, event_type: 'webhook.test', status: 'succeeded', attempt_count: 1 });
    expect(sent.body.attempts).toHaveLength(1);
    expect(sent.body.attempts[0]).toMatchObject({ attempt: 1, status_code: 204, error: null });
    expect(sent.body.attempts[0].duration_ms).toBeGreaterThanOrEqual(0);
    // it was sent before the answer
    const got = receiver.at('/test-ok');
    expect(got).toHaveLength(1);
    expect(got[0].headers['webhook-id']).toBe(sent.body.id);
    expect(got[0].headers['api-version']).toBe(OLD);
    const { payload } = received('/test-ok', ep.secret, 'webhook.test');
    expect(payload).toMatchObject({ id: sent.body.event_id, type: 'webhook.test', data: { object: { object: 'webhook_test', endpoint_id: ep.id } } });
    await verifiedByPython(ep.secret, got[0]);

    const replayed = await api.post(`/v1/webhook-endpoints/${ep.id}/test`, { headers: { 'Idempotency-Key': key } });
    expect(replayed.status).toBe(202);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(sent.body);
    expect(receiver.at('/test-ok')).toHaveLength(1);
  });

  it('reports a failing receiver: its status code, then retries it on the timetable under the same webhook-id', async () => {
    receiver.answer = (r, nth) => (r.path === '/test-500' && nth === 1 ? { status: 500 } : { status: 204 });
    const ep = await endpoint('/test-500', { event_types: ['order.paid'] });
    const sent = await api.post(`/v1/webhook-endpoints/${ep.id}/test`);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ status: 'failed', attempt_count: 1 });
    expect(sent.body.attempts[0]).toMatchObject({ attempt: 1, status_code: 500, error: { code: 'http_status', message: 'HTTP 500' } });
    expect(sent.body.next_attempt_at).not.toBeNull();
    const done = await waitFor(() => api.get(`/v1/webhook-deliveries/${sent.body.id}`), (r) => r.body.status === 'succeeded');
    expect(done.body.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([500, 204]);
    expect(new Set(receiver.at('/test-500').map((r) => r.headers['webhook-id']))).toEqual(new Set([sent.body.id]));
    receiver.answer = () => ({ status: 204 });
  });

  it('obeys the outbound rules of every delivery: a refused connection and a host resolving to a private address are errors', async () => {
    const closed = await api.post('/v1/webhook-endpoints', { body: { url: `http://127.0.0.1:${await freePort()}/nobody`, event_types: ['order.paid'] } });
    const refused = await api.post(`/v1/webhook-endpoints/${closed.body.id}/test`);
    expect(refused.status).toBe(202);
    expect(refused.body.attempts[0]).toMatchObject({ status_code: null, response_headers: null, error: { code: 'refused' } });
    const rebind = await api.post('/v1/webhook-endpoints', { body: { url: `http://rebind.sabnode.test:${receiver.port}/hook`, event_types: ['order.paid'] } });
    const blocked = await api.post(`/v1/webhook-endpoints/${rebind.body.id}/test`);
    expect(blocked.status).toBe(202);
    expect(blocked.body.attempts[0]).toMatchObject({ status_code: null, error: { code: 'address_not_allowed', message: 'the host name resolved to a non-public address' } });
    expect(JSON.stringify(blocked.body)).not.toContain('127.0.0.2');
    receiver.answer = (r) => (r.path === '/test-redirect' ? { status: 307, headers: { Location: receiver.url('/redirect-target') } } : { status: 204 });
    const redirecting = await endpoint('/test-redirect', { event_types: ['order.paid'] });
    const redirected = await api.post(`/v1/webhook-endpoints/${redirecting.id}/test`);
    expect(redirected.body.attempts[0]).toMatchObject({ status_code: 307 });
    expect(receiver.at('/redirect-target')).toHaveLength(0);
    receiver.answer = () => ({ status: 204 });
    for (const id of [closed.body.id, rebind.body.id, redirecting.id]) await api.delete(`/v1/webhook-endpoints/${id}`);
  });

  it('is 404 for an endpoint that does not exist, as a stored refusal', async () => {
    expectProblem(await api.post('/v1/webhook-endpoints/whe_00000000000000000000000000/test'), 404, 'resource_missing');
  });
});

describe('GET /v1/event-types', () => {
  it('lists exactly the event types the code emits, as Event.type and the webhooks section do, with a schema per version', async () => {
    const res = await api.get('/v1/event-types');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'list', has_more: false, next_cursor: null });
    const types = res.body.data.map((t: { type: string }) => t.type);
    expect(types).toEqual(Object.keys(EVENT_TYPES));
    const eventEnum = (spec.components as any).schemas.Event.properties.type.enum as string[];
    expect([...eventEnum].sort()).toEqual([...types].sort());
    expect(Object.keys((spec as any).webhooks)).toEqual(types);
    for (const t of res.body.data) {
      expect(t.schemas.map((s: { api_version: string }) => s.api_version)).toEqual(VERSIONS.map((v) => v.version));
      expect(t.summary.length).toBeGreaterThan(0);
    }
    // answered in the caller's version, the catalogue is the same: it describes every version
    const asOld = await client(ws.key, { headers: { 'Api-Version': OLD } }).get('/v1/event-types');
    expect(asOld.body.data).toEqual(res.body.data);
  });

  it("each delivered payload validates against its type's schema in its own version, and an old shape fails the new schema", async () => {
    expect(delivered.length).toBeGreaterThanOrEqual(5);
    const types = (await api.get('/v1/event-types')).body.data as { type: string; schemas: { api_version: string; schema: object }[] }[];
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    const validator = (type: string, version: string) => ajv.compile(types.find((t) => t.type === type)!.schemas.find((s) => s.api_version === version)!.schema);
    for (const { version, payload } of delivered) {
      const validate = validator(payload.type, version);
      expect({ type: payload.type, version, ok: validate(payload), errors: validate.errors ?? null }).toEqual({ type: payload.type, version, ok: true, errors: null });
    }
    const old = delivered.find((d) => d.version === OLD && d.payload.type === 'contact.created')!;
    expect(validator('contact.created', NEW)(old.payload)).toBe(false);
    const cur = delivered.find((d) => d.version === NEW && d.payload.type === 'contact.created')!;
    expect(validator('contact.created', OLD)(cur.payload)).toBe(false);
    // a payload of another type does not pass for this one
    expect(validator('order.paid', NEW)(cur.payload)).toBe(false);
  });
});
