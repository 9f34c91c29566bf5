// Test and live data. The isolation check is generated from openapi.yaml: every operation that reads or names an
// object is called with the workspace's test key on objects of its live side (404 for an object route, none of them
// in a list), so an operation added later is covered, or named here as uncovered.
import { randomUUID } from 'node:crypto';
import { ALL_SCOPES, createApiKey, testSideOf } from '../src/admin';
import { spec } from '../src/spec';
import { call, client, type ApiResponse } from './support/client';
import { expectProblem } from './support/operation-refusals';
import { closeDb, db, newWorkspace, type TestWorkspace } from './support/stack';
import { waitFor } from './support/wait';
import { connect } from './support/event-stream-client';
import { connect as connectApp } from './support/oauth-flow';

afterAll(closeDb);

type Api = ReturnType<typeof client>;
type SpecOp = {
  operationId: string;
  security?: Record<string, unknown>[];
  'x-read'?: boolean;
  requestBody?: { content?: Record<string, { example?: unknown; examples?: Record<string, { value: unknown }>; schema?: { $ref?: string } }> };
  responses: Record<string, unknown>;
};

const METHODS = ['get', 'post', 'patch', 'delete'] as const;
const ops = Object.entries(spec.paths).flatMap(([path, item]) =>
  METHODS.filter((m) => (item as Record<string, unknown>)[m]).map((method) => ({ path, method, op: (item as Record<string, SpecOp>)[method] })),
);
// provider callbacks (and a whatsapp_cloud channel's webhook) name their channel and prove themselves by its signature
// or verify token, not by a key of either side
const PROVIDER_PROOFS = ['providerSignature', 'whatsappSignature', 'whatsappVerifyToken'];
const keyed = ops.filter(({ op }) => !(Array.isArray(op.security) && (op.security.length === 0 || op.security.some((s) => PROVIDER_PROOFS.some((p) => p in s)))));
const isRead = (o: (typeof ops)[number]) => o.method === 'get' || o.op['x-read'] === true;

function exampleBody(o: (typeof ops)[number]): unknown {
  const json = o.op.requestBody?.content?.['application/json'];
  if (!json) return undefined;
  if (json.example !== undefined) return json.example;
  const named = Object.values(json.examples ?? {})[0];
  if (named) return named.value;
  const ref = json.schema?.$ref?.split('/').pop();
  return ref ? (spec.components.schemas[ref] as { example?: unknown }).example : undefined;
}

const phone = () => `+9197${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function ok(res: Promise<ApiResponse>, status = [200, 201, 202]): Promise<ApiResponse> {
  const r = await res;
  if (!status.includes(r.status)) throw new Error(`setup call answered ${r.status}: ${r.text.slice(0, 300)}`);
  return r;
}

/** One object of every kind on the live side, by the path parameter that names it. */
async function liveObjects(live: Api, liveKey: string): Promise<Record<string, string>> {
  const contact = await ok(live.post('/v1/contacts', { body: { phone: phone(), first_name: 'Live', external_id: `live-${randomUUID()}` } }));
  await ok(live.post(`/v1/contacts/${contact.body.id}/tags`, { body: { tags: ['live-only'] } }));
  const template = await ok(live.post('/v1/templates', { body: { name: `live_${Date.now()}`, language: 'en', category: 'marketing', body: 'Hi {{1}}' } }));
  const attribute = await ok(live.post('/v1/contact-attributes', { body: { key: `tier_${Date.now()}`, type: 'string' } }));
  const order = await ok(live.post('/v1/orders', { body: { contact_id: contact.body.id, currency: 'INR', items: [{ sku: 's', name: 'Item', quantity: 1, unit_price: 100 }] } }));
  const channel = await ok(live.post('/v1/channels', { body: { name: 'live', provider: 'sandbox' } }));
  const conversation = await ok(live.post('/v1/conversations', { body: { contact_id: contact.body.id, channel_id: channel.body.id } }));
  const message = await ok(live.post(`/v1/conversations/${conversation.body.id}/messages`, { body: { type: 'template', template_id: template.body.id, parameters: ['Asha'] } }));
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('live bytes')], { type: 'text/plain' }), 'live.txt');
  const file = await ok(live.post('/v1/files', { rawBody: form }));
  // an endpoint that is never reached: its deliveries wait (disabled), which is all a delivery route needs
  const endpoint = await ok(live.post('/v1/webhook-endpoints', { body: { url: 'http://127.0.0.1:9/never', event_types: ['contact.created'] } }));
  await ok(live.post('/v1/contacts', { body: { phone: phone() } }));
  const deliveries = await waitFor(() => live.get(`/v1/webhook-endpoints/${endpoint.body.id}/deliveries`), (r) => r.body.data?.length > 0, 30_000);
  const apiKey = await ok(live.post('/v1/api-keys', { body: { name: 'live key', scopes: ['contacts:read'] } }));
  const flow = await ok(live.post('/v1/flows', { body: { name: 'live', trigger: { type: 'manual' }, steps: [{ id: 'done', type: 'end' }] } }));
  await ok(live.post(`/v1/flows/${flow.body.id}/activate`));
  const run = await ok(live.post(`/v1/flows/${flow.body.id}/runs`, { body: { contact_id: contact.body.id } }));
  const broadcast = await ok(live.post('/v1/broadcasts', { body: { name: 'live', channel_id: channel.body.id, template_id: template.body.id, parameters: ['x'], audience: { contact_ids: [contact.body.id] } } }));
  const other = await ok(live.post('/v1/contacts', { body: { phone: phone() } }));
  const purge = await ok(live.post('/v1/privacy/purges', { body: { contact_id: other.body.id } }));
  const bulk = await ok(live.post('/v1/contacts/bulk', { body: { items: [{ external_id: `bulk-${randomUUID()}` }] } }));
  const promotion = await ok(live.post('/v1/environment-promotions', { body: { dry_run: true } }));
  const oauthApp = await ok(live.post('/v1/oauth-apps', { body: { name: 'live app', redirect_uris: ['https://app.example.com/cb'], scopes: ['contacts:read'] } }));
  // the workspace connects its own app, so that its connected apps list something
  await connectApp({ id: oauthApp.body.id, secret: oauthApp.body.client_secret, redirectUri: 'https://app.example.com/cb' }, liveKey, 'contacts:read', ['contacts:read']);
  return {
    contact_id: contact.body.id,
    tag: 'live-only',
    template_id: template.body.id,
    attribute_id: attribute.body.id,
    order_id: order.body.id,
    channel_id: channel.body.id,
    conversation_id: conversation.body.id,
    message_id: message.body.id,
    file_id: file.body.id,
    endpoint_id: endpoint.body.id,
    delivery_id: deliveries.body.data[0].id,
    api_key_id: apiKey.body.id,
    flow_id: flow.body.id,
    flow_run_id: run.body.id,
    broadcast_id: broadcast.body.id,
    purge_id: purge.body.id,
    bulk_job_id: bulk.body.id,
    promotion_id: promotion.body.id,
    oauth_app_id: oauthApp.body.id,
  };
}

describe('test and live', () => {
  let ws: TestWorkspace;
  let live: Api;
  let test: Api;
  let testKey: string;
  let objects: Record<string, string>;
  beforeAll(async () => {
    ws = await newWorkspace();
    live = client(ws.key);
    testKey = (await createApiKey(await db(), { workspaceId: await testSideOf(await db(), ws.workspaceId), scopes: ALL_SCOPES })).secret;
    test = client(testKey);
    objects = await liveObjects(live, ws.key);
  }, 120_000);

  it('keys say their side, and every object carries livemode', async () => {
    expect(testKey).toMatch(/^sk_test_[A-Za-z0-9_-]{32}$/);
    const mine = await test.post('/v1/contacts', { body: { phone: phone(), first_name: 'Test' } });
    expect(mine.status).toBe(201);
    expect(mine.body.livemode).toBe(false);
    const theirs = await live.get(`/v1/contacts/${objects.contact_id}`);
    expect(theirs.body.livemode).toBe(true);
    // nested objects too: a list's items, an event's object
    const events = await test.get('/v1/events?limit=5');
    expect(events.body.data.length).toBeGreaterThan(0);
    for (const e of events.body.data) expect([e.livemode, e.data.object.livemode]).toEqual([false, false]);
    const workspace = await test.get('/v1/workspace');
    expect(workspace.body).toMatchObject({ object: 'workspace', livemode: false });
    expect(workspace.body.id).not.toBe(ws.workspaceId);
    // and the other way: the test side's contact is nothing to the live key
    expectProblem(await live.get(`/v1/contacts/${mine.body.id}`), 404, 'resource_missing');
  });

  it('a test key gets 404 for every object route that names a live object, and sees none of them in any list', async () => {
    // the live side's own workspace is one of its objects too
    const liveIds = [...Object.entries(objects).filter(([name]) => name !== 'tag').map(([, id]) => id), ws.workspaceId];
    const uncovered: string[] = [];
    const leaks: string[] = [];
    const notChecked: string[] = [];
    let objectRoutes = 0;
    let lists = 0;
    for (const o of keyed) {
      const params = [...o.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const missing = params.filter((p) => !(p in objects));
      if (missing.length) {
        uncovered.push(`${o.op.operationId} (${missing.join(', ')})`);
        continue;
      }
      const path = o.path.replace(/\{([^}]+)\}/g, (_, p: string) => encodeURIComponent(objects[p]));
      if (params.length) {
        // an object route, read or write: the live object does not exist for the test side
        if (o.path === '/v1/events/stream') continue;
        const body = exampleBody(o);
        const res = await call(o.method.toUpperCase(), path, { key: testKey, body, headers: isRead(o) ? {} : { 'Idempotency-Key': randomUUID() } });
        objectRoutes++;
        if (res.status !== 404) leaks.push(`${o.method.toUpperCase()} ${o.path}: ${res.status} ${res.text.slice(0, 160)}`);
        continue;
      }
      if (!isRead(o) || o.path === '/v1/events/stream') continue;
      // a list (or search, or the workspace's own objects): nothing of the live side in it
      const body = exampleBody(o);
      const seen = await call(o.method.toUpperCase(), path, { key: testKey, body });
      const liveSeen = await call(o.method.toUpperCase(), path, { key: ws.key, body });
      if (seen.status !== 200) {
        leaks.push(`${o.method.toUpperCase()} ${o.path}: ${seen.status} ${seen.text.slice(0, 160)}`);
        continue;
      }
      lists++;
      const shown = liveIds.filter((id) => seen.text.includes(id));
      if (shown.length) leaks.push(`${o.method.toUpperCase()} ${o.path} shows live ${shown.join(', ')}`);
      // the same call with the live key shows live objects, so the check above could have failed
      if (!liveIds.some((id) => liveSeen.text.includes(id)) && !liveSeen.text.includes('live-only')) notChecked.push(o.op.operationId);
    }
    expect(uncovered).toEqual([]);
    expect(leaks).toEqual([]);
    // lists that hold no object of a workspace (the API's status and its event types, the usage counts: its
    // sides are checked in test/whatsapp-cloud-health.test.ts) or that the search's example does not match are the
    // only ones where the live key showed nothing either
    expect(notChecked.sort()).toEqual(['listEventTypes', 'retrieveStatus', 'retrieveUsage', 'searchContacts'].sort());
    expect(objectRoutes).toBeGreaterThan(40);
    expect(lists).toBeGreaterThan(15);
  }, 300_000);

  it('the event stream of the test side carries its own events, none of the live side\'s', async () => {
    const stream = await connect(testKey);
    try {
      expect(stream.res.status).toBe(200);
      const liveContact = await live.post('/v1/contacts', { body: { phone: phone() } });
      const testContact = await test.post('/v1/contacts', { body: { phone: phone() } });
      await waitFor(async () => stream.messages.some((m) => m.data.includes(testContact.body.id)), (seen) => seen, 15_000);
      const text = stream.messages.map((m) => m.data).join('\n');
      expect(text).toContain(testContact.body.id);
      expect(text).not.toContain(liveContact.body.id);
      for (const id of Object.values(objects)) expect(text).not.toContain(id);
      for (const m of stream.messages.filter((x) => x.event && x.event !== 'ping')) expect(JSON.parse(m.data).livemode).toBe(false);
    } finally {
      await stream.close();
    }
  });

  it('the test side makes only sandbox channels; a live key mints test keys, a test key no live ones', async () => {
    const httpChannel = await test.post('/v1/channels', { body: { name: 'real', provider: 'http', url: 'https://provider.example.com/send' } });
    expectProblem(httpChannel, 422, 'test_mode_provider_not_allowed');
    expect((await test.post('/v1/channels', { body: { name: 'sim', provider: 'sandbox' } })).status).toBe(201);

    const minted = await live.post('/v1/api-keys', { body: { name: 'for tests', scopes: ['contacts:read'], livemode: false } });
    expect(minted.status).toBe(201);
    expect(minted.body.secret).toMatch(/^sk_test_/);
    expect(minted.body.livemode).toBe(false);
    // it works on the test side only, and is managed from there
    expect((await client(minted.body.secret).get('/v1/contacts')).body.data.every((c: { livemode: boolean }) => c.livemode === false)).toBe(true);
    expectProblem(await live.get(`/v1/api-keys/${minted.body.id}`), 404, 'resource_missing');
    expect((await test.get(`/v1/api-keys/${minted.body.id}`)).body).toMatchObject({ id: minted.body.id, livemode: false });

    expectProblem(await test.post('/v1/api-keys', { body: { name: 'escalate', scopes: ['contacts:read'], livemode: true } }), 403, 'live_key_required');
    const own = await test.post('/v1/api-keys', { body: { name: 'test by default', scopes: ['contacts:read'] } });
    expect(own.body.secret).toMatch(/^sk_test_/);
  });

  it('keeps webhook endpoints, idempotency records and purges to their side', async () => {
    // one Idempotency-Key on both sides: two separate writes
    const key = randomUUID();
    const a = await live.post('/v1/contacts', { body: { external_id: `same-${key}` }, headers: { 'Idempotency-Key': key } });
    const b = await test.post('/v1/contacts', { body: { external_id: `same-${key}` }, headers: { 'Idempotency-Key': key } });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
    expect([a.body.livemode, b.body.livemode]).toEqual([true, false]);

    // a test-side endpoint for contact.created gets no delivery for a live contact
    const endpoint = await test.post('/v1/webhook-endpoints', { body: { url: 'http://127.0.0.1:9/test-side', event_types: ['contact.created'] } });
    expect(endpoint.status).toBe(201);
    const liveContact = await live.post('/v1/contacts', { body: { phone: phone() } });
    const testContact = await test.post('/v1/contacts', { body: { phone: phone() } });
    const deliveries = await waitFor(() => test.get(`/v1/webhook-endpoints/${endpoint.body.id}/deliveries`), (r) => r.body.data?.length > 0, 30_000);
    const delivered = new Set(deliveries.body.data.map((d: { event_id: string }) => d.event_id));
    const eventOf = async (api: Api, objectId: string) =>
      ((await api.get('/v1/events?limit=100')).body.data as { id: string; data: { object: { id: string } } }[]).find((e) => e.data.object.id === objectId)!.id;
    expect(delivered.has(await eventOf(test, testContact.body.id))).toBe(true);
    expect(delivered.has(await eventOf(live, liveContact.body.id))).toBe(false);

    // a purge on the test side leaves the live contact with the same phone alone
    const shared = phone();
    const liveTwin = await live.post('/v1/contacts', { body: { phone: shared } });
    await test.post('/v1/contacts', { body: { phone: shared } });
    const purge = await test.post('/v1/privacy/purges', { body: { phone: shared } });
    expect(purge.status).toBe(202);
    await waitFor(() => test.get(`/v1/privacy/purges/${purge.body.id}`), (r) => ['completed', 'waiting_for_backups'].includes(r.body.status), 60_000);
    const still = await live.get(`/v1/contacts/${liveTwin.body.id}`);
    expect(still.status).toBe(200);
    expect(still.body.phone).toBe(shared);
  }, 120_000);
});
