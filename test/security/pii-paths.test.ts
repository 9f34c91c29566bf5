import { Client as PgClient } from 'pg';
import { revokeApiKey } from '../../src/admin';
import { freePort } from '../../src/stack/embedded';
import { client } from '../support/client';
import { expectProblem } from '../support/operation-refusals';
import { spawnApi } from '../support/processes';
import { closeDb, db, newWorkspace, sql, stack, type TestWorkspace } from '../support/stack';
import { waitFor } from '../support/wait';
import { connect } from '../support/event-stream-client';
import { Receiver, verify, type Received } from '../support/webhook-receiver';

// Personal data leaves only by scope, on every path out: webhooks, GET /v1/events, the event stream and list filters
// follow the REST reads' masking (one table, src/privacy/personal-data.ts), and showing it in clear is audited.

jest.setTimeout(90_000);

/** Verified with the public `standardwebhooks` library, as an integrator would. */
const payload = (secret: string, r: Received): any => verify(secret, r.headers, r.body);


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let seq = 0;
const phone = () => `+9194${String(Date.now() % 1e6).padStart(6, '0')}${String(++seq).padStart(2, '0')}`;
const person = () => ({ phone: phone(), email: `nandini.${seq}@example.com`, first_name: 'Nandini', last_name: 'Kulkarni', external_id: `crm-7781${seq}`, attributes: { birthday: '1990-04-12', tier: 'gold' } });

/** The values of a person that must not appear anywhere in a masked body. */
const clearValues = (p: ReturnType<typeof person>) => [p.phone, p.email, 'Nandini', 'Kulkarni', p.external_id, '1990-04-12', '"gold"'];

let ws: TestWorkspace;
let api: ReturnType<typeof client>;
let receiver: Receiver;

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
  receiver = await new Receiver().start();
  expect((await api.patch('/v1/workspace', { body: { pii_read_audit: true } })).body.pii_read_audit).toBe(true);
});
afterAll(async () => {
  await receiver.close();
  await closeDb();
});

const piiReads = (keyId: string) =>
  sql<{ operation_id: string; object_ids: string[]; fields: string[]; details: Record<string, unknown> | null; request_id: string | null }>(
    `select operation_id, object_ids, fields, details, request_id from audit_logs where workspace_id = ? and action = 'pii.read' and key_id = ? order by created_at, id`,
    [ws.workspaceId, keyId],
  );

describe('webhooks hold the PII permission of the key that made the endpoint', () => {
  it("a webhooks:write-only key's endpoint receives contact.created masked, and no audit record is written", async () => {
    const writer = await ws.keyWith(['webhooks:write']);
    const ep = await client(writer.key).post('/v1/webhook-endpoints', { body: { url: receiver.url('/masked'), event_types: ['contact.*'] } });
    expect(ep.status).toBe(201);
    const p = person();
    const contact = await api.post('/v1/contacts', { body: p });
    expect(contact.status).toBe(201);
    await waitFor(async () => receiver.at('/masked').length, (n) => n >= 1);
    const [got] = receiver.at('/masked');
    const body = payload(ep.body.secret, got);
    expect(body.type).toBe('contact.created');
    expect(body.data.object).toMatchObject({
      id: contact.body.id,
      object: 'contact',
      phone: `${p.phone.slice(0, 3)}${'*'.repeat(p.phone.length - 5)}${p.phone.slice(-2)}`,
      email: 'n***@example.com',
      first_name: 'N***',
      last_name: 'K***',
      external_id: `***${p.external_id.slice(-2)}`,
      attributes: { birthday: '[masked]', tier: '[masked]' },
    });
    for (const value of clearValues(p)) expect(got.body).not.toContain(value);
    expect(await piiReads(writer.keyId)).toEqual([]);
    // the endpoint says so
    expect(ep.body.pii_read).toBe(false);
    expect((await api.get(`/v1/webhook-endpoints/${ep.body.id}`)).body.pii_read).toBe(false);
  });

  it("a pii:read key's endpoint receives clear data, each attempt audited; an update by a key without pii:read masks it again", async () => {
    const owner = await ws.keyWith(['webhooks:write', 'pii:read']);
    const ep = await client(owner.key).post('/v1/webhook-endpoints', { body: { url: receiver.url('/clear'), event_types: ['contact.created'] } });
    expect(ep.status).toBe(201);
    const p = person();
    const contact = await api.post('/v1/contacts', { body: p });
    await waitFor(async () => receiver.at('/clear').length, (n) => n >= 1);
    const first = payload(ep.body.secret, receiver.at('/clear')[0]);
    expect(first.data.object).toMatchObject({ id: contact.body.id, phone: p.phone, email: p.email, first_name: 'Nandini', external_id: p.external_id, attributes: p.attributes });
    // the record committed before the attempt was sent
    const records = await piiReads(owner.keyId);
    expect(records).toEqual([
      {
        operation_id: 'deliverWebhook',
        object_ids: [contact.body.id],
        fields: ['contact.attributes', 'contact.email', 'contact.external_id', 'contact.first_name', 'contact.last_name', 'contact.phone'],
        details: { endpoint_id: ep.body.id, delivery_id: receiver.at('/clear')[0].headers['webhook-id'], event_id: first.id, attempt: 1 },
        request_id: null,
      },
    ]);
    expect(ep.body.pii_read).toBe(true);
    // the same record is listed by the API, in the same form as a read's
    const listed = await api.get(`/v1/audit-logs?action=pii.read&key_id=${owner.keyId}`);
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0]).toMatchObject({ object: 'audit_log', action: 'pii.read', key_id: owner.keyId, operation_id: 'deliverWebhook', object_ids: [contact.body.id] });

    // a key without pii:read that points the endpoint elsewhere does not inherit the owner's permission
    const other = await ws.keyWith(['webhooks:write']);
    const moved = await client(other.key).patch(`/v1/webhook-endpoints/${ep.body.id}`, { body: { url: receiver.url('/moved') } });
    expect(moved.status).toBe(200);
    expect(moved.body.pii_read).toBe(false);
    const q = person();
    await api.post('/v1/contacts', { body: q });
    await waitFor(async () => receiver.at('/moved').length, (n) => n >= 1);
    const after = receiver.at('/moved')[0];
    expect(payload(ep.body.secret, after).data.object.first_name).toBe('N***');
    for (const value of clearValues(q)) expect(after.body).not.toContain(value);
    expect(await piiReads(owner.keyId)).toHaveLength(1);
    expect(await piiReads(other.keyId)).toEqual([]);
  });

  it("an endpoint's permission lapses with the key that gave it", async () => {
    const owner = await ws.keyWith(['webhooks:write', 'pii:read']);
    const ep = await client(owner.key).post('/v1/webhook-endpoints', { body: { url: receiver.url('/lapsed'), event_types: ['contact.created'] } });
    expect(ep.status).toBe(201);
    await revokeApiKey(await db(), owner.keyId);
    const p = person();
    await api.post('/v1/contacts', { body: p });
    await waitFor(async () => receiver.at('/lapsed').length, (n) => n >= 1);
    const got = receiver.at('/lapsed')[0];
    expect(payload(ep.body.secret, got).data.object).toMatchObject({ first_name: 'N***', email: 'n***@example.com' });
    for (const value of clearValues(p)) expect(got.body).not.toContain(value);
    expect(await piiReads(owner.keyId)).toEqual([]);
  });
});

describe('GET /v1/events shows objects by family scope and personal data by pii:read', () => {
  let p: ReturnType<typeof person>;
  let contactId: string;
  let tagEvent: string;

  beforeAll(async () => {
    p = person();
    const c = await api.post('/v1/contacts', { body: p });
    contactId = c.body.id;
    await api.post(`/v1/contacts/${contactId}/tags`, { body: { tags: ['pii-paths'] } });
    const tagRows = await sql<{ id: string }>(`select id from events where workspace_id = ? and type = 'tag.created' order by created_at desc limit 1`, [ws.workspaceId]);
    tagEvent = tagRows[0].id;
  });

  const eventsOf = async (key: string) => (await client(key).get('/v1/events?limit=100')).body.data as { id: string; type: string; data: { object: Record<string, unknown>; previous_attributes?: unknown } }[];

  it('events:read alone shows the envelope and a stub {id, object}, without previous_attributes', async () => {
    const { key } = await ws.keyWith(['events:read']);
    const res = await client(key).get('/v1/events?limit=100');
    expect(res.status).toBe(200);
    const mine = (res.body.data as { type: string; data: { object: { id?: string } } }[]).filter((e) => e.data.object.id === contactId);
    expect(mine.map((e) => e.type).sort()).toEqual(['contact.created', 'contact.updated']);
    for (const e of mine) expect(e.data).toEqual({ object: { id: contactId, object: 'contact', livemode: true } });
    for (const value of [...clearValues(p), 'N***', '[masked]']) expect(res.text).not.toContain(value);
  });

  it('with the family scope the object is shown, masked without pii:read and clear with it', async () => {
    const reader = await ws.keyWith(['events:read', 'contacts:read']);
    const events = await eventsOf(reader.key);
    const created = events.find((e) => e.type === 'contact.created' && e.data.object.id === contactId)!;
    expect(created.data.object).toMatchObject({ object: 'contact', first_name: 'N***', external_id: `***${p.external_id.slice(-2)}`, attributes: { birthday: '[masked]', tier: '[masked]' } });
    // a family the key cannot read (tags) stays a stub
    expect(events.find((e) => e.id === tagEvent)!.data).toEqual({ object: { id: expect.stringMatching(/^tag_/), object: 'tag', livemode: true } });

    const clear = await ws.keyWith(['events:read', 'contacts:read', 'pii:read']);
    const shown = (await eventsOf(clear.key)).find((e) => e.type === 'contact.created' && e.data.object.id === contactId)!;
    expect(shown.data.object).toMatchObject({ phone: p.phone, email: p.email, external_id: p.external_id, attributes: p.attributes });
    // audited as a read of the objects it showed, not of the stubs
    const [record] = await piiReads(clear.keyId);
    expect(record.operation_id).toBe('listEvents');
    expect(record.object_ids).toContain(contactId);
  });
});

describe('GET /v1/events/stream', () => {
  it('shows stubs to events:read alone and masked objects to contacts:read', async () => {
    const bare = await ws.keyWith(['events:read']);
    const reader = await ws.keyWith(['events:read', 'contacts:read']);
    const [s1, s2] = await Promise.all([connect(bare.key), connect(reader.key)]);
    const p = person();
    const c = await api.post('/v1/contacts', { body: p });
    await Promise.all([s1.count(1), s2.count(1)]);
    expect(JSON.parse(s1.messages[0].data).data).toEqual({ object: { id: c.body.id, object: 'contact', livemode: true } });
    expect(JSON.parse(s2.messages[0].data).data.object).toMatchObject({ id: c.body.id, first_name: 'N***', attributes: { birthday: '[masked]', tier: '[masked]' } });
    for (const value of clearValues(p)) {
      expect(s1.messages[0].data).not.toContain(value);
      expect(s2.messages[0].data).not.toContain(value);
    }
    await Promise.all([s1.close(), s2.close()]);
  });

  it('sends an event with personal data only once its audit record has committed', async () => {
    const clear = await ws.keyWith(['events:read', 'contacts:read', 'pii:read']);
    // written by a key without pii:read, whose answer needs no audit record of its own
    const writer = client((await ws.keyWith(['contacts:write'])).key);
    const s = await connect(clear.key);
    // hold every audit insert back: the stream must wait for its record rather than send without it
    const pg = new PgClient({ connectionString: stack().env.DATABASE_URL });
    await pg.connect();
    let contactId: string;
    try {
      await pg.query('begin');
      await pg.query('lock table audit_logs in share mode');
      const c = await writer.post('/v1/contacts', { body: person() });
      expect(c.status).toBe(201);
      contactId = c.body.id;
      await sleep(2_000);
      expect(s.messages).toHaveLength(0);
    } finally {
      await pg.query('commit');
      await pg.end();
    }
    await s.count(1);
    expect(JSON.parse(s.messages[0].data).data.object.id).toBe(contactId!);
    const records = await piiReads(clear.keyId);
    expect(records.map((r) => [r.operation_id, r.object_ids])).toEqual([['streamEvents', [contactId!]]]);
    await s.close();
  });

  it('caps open streams per workspace as well as per key (EVENT_STREAMS_PER_WORKSPACE)', async () => {
    const port = await freePort();
    const proc = await spawnApi('pii-paths-streams-api', port, { ...stack().env, EVENT_STREAMS_PER_WORKSPACE: '2' });
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      const capped = await newWorkspace();
      const keys = await Promise.all([1, 2, 3].map(() => capped.keyWith(['events:read'])));
      const open = [await connect(keys[0].key, { baseUrl }), await connect(keys[1].key, { baseUrl })];
      expect(open.map((s) => s.res.status)).toEqual([200, 200]);
      // a third key of the same workspace, with no stream of its own
      const third = await client(keys[2].key, { baseUrl }).get('/v1/events/stream');
      expectProblem(third, 429, 'stream_limit_reached');
      expect(third.body.detail).toContain('workspace');
      expect(third.headers.get('retry-after')).toBeTruthy();
      // another workspace is not affected
      const elsewhere = await connect((await newWorkspace()).key, { baseUrl });
      expect(elsewhere.res.status).toBe(200);
      await elsewhere.close();
      await open[0].close();
      const again = await waitFor(async () => (await fetch(`${baseUrl}/v1/events/stream`, { headers: { Authorization: `Bearer ${keys[2].key}` } }).then(async (r) => (await r.body?.cancel(), r.status))), (s) => s === 200, 5_000);
      expect(again).toBe(200);
      await open[1].close();
    } finally {
      await proc.stop();
    }
  });
});

describe('filters on personal fields', () => {
  it('phone, email and external_id filters need pii:read; other filters do not', async () => {
    const p = person();
    const c = await api.post('/v1/contacts', { body: { ...p, email: p.email.toUpperCase() } });
    await api.post(`/v1/contacts/${c.body.id}/tags`, { body: { tags: ['filter-probe'] } });
    const { key } = await ws.keyWith(['contacts:read']);
    const reader = client(key);
    for (const query of [`phone=${encodeURIComponent(p.phone)}`, `email=${encodeURIComponent(p.email)}`, `external_id=${p.external_id}`, `phone=${encodeURIComponent('+919400000000')}`]) {
      const res = await reader.get(`/v1/contacts?${query}`);
      expectProblem(res, 403, 'insufficient_scope');
      expect(res.body.missing_scopes).toEqual(['pii:read']);
    }
    const byTag = await reader.get('/v1/contacts?tag=filter-probe');
    expect(byTag.status).toBe(200);
    expect(byTag.body.data.map((x: { id: string }) => x.id)).toEqual([c.body.id]);

    const withPii = client((await ws.keyWith(['contacts:read', 'pii:read'])).key);
    for (const query of [`phone=${encodeURIComponent(p.phone)}`, `email=${encodeURIComponent(p.email)}`, `external_id=${p.external_id}`]) {
      const res = await withPii.get(`/v1/contacts?${query}`);
      expect(res.status).toBe(200);
      expect(res.body.data.map((x: { id: string }) => x.id)).toEqual([c.body.id]);
    }
  });
});

describe('the personal-field table', () => {
  it('masks external_id, attributes, message parameters and order metadata without pii:read, and audits them with it', async () => {
    const p = person();
    const contact = (await api.post('/v1/contacts', { body: p })).body;
    const order = await api.post('/v1/orders', { body: { contact_id: contact.id, currency: 'INR', items: [{ sku: 'KURTA-L', name: 'Kurta', quantity: 1, unit_price: 120000 }], metadata: { ship_to: '12 MG Road, Pune', gift: true } } });
    expect(order.status).toBe(201);
    const channel = await api.post('/v1/channels', { body: { name: 'pii sandbox', provider: 'sandbox' } });
    const template = await api.post('/v1/templates', { body: { name: `pii_${Date.now().toString(36)}`, language: 'en_US', category: 'utility', body: 'Hi {{1}}, your OTP is {{2}}.' } });
    const conversation = await api.post('/v1/conversations', { body: { contact_id: contact.id, channel_id: channel.body.id } });
    const message = await api.post(`/v1/conversations/${conversation.body.id}/messages`, { body: { type: 'template', template_id: template.body.id, parameters: ['Nandini', '493817'] } });
    expect(message.status).toBe(201);

    const masked = client((await ws.keyWith(['contacts:read', 'orders:read', 'messages:read'])).key);
    const c = await masked.get(`/v1/contacts/${contact.id}`);
    expect(c.body).toMatchObject({ external_id: `***${p.external_id.slice(-2)}`, attributes: { birthday: '[masked]', tier: '[masked]' } });
    const o = await masked.get(`/v1/orders/${order.body.id}`);
    expect(o.body.metadata).toEqual({ ship_to: '[masked]', gift: '[masked]' });
    expect(o.body.total).toBe(order.body.total);
    const m = await masked.get(`/v1/messages/${message.body.id}`);
    expect(m.body).toMatchObject({ text: '[masked]', parameters: ['[masked]', '[masked]'] });
    for (const res of [c, o, m]) for (const value of [...clearValues(p), 'MG Road', '493817']) expect(res.text).not.toContain(value);

    const clear = await ws.keyWith(['contacts:read', 'orders:read', 'messages:read', 'pii:read']);
    const full = client(clear.key);
    expect((await full.get(`/v1/orders/${order.body.id}`)).body.metadata).toEqual({ ship_to: '12 MG Road, Pune', gift: true });
    expect((await full.get(`/v1/messages/${message.body.id}`)).body.parameters).toEqual(['Nandini', '493817']);
    const records = await piiReads(clear.keyId);
    expect(records.map((r) => [r.operation_id, r.fields])).toEqual([
      ['retrieveOrder', ['order.metadata']],
      ['retrieveMessage', ['message.parameters', 'message.text']],
    ]);
  });
});
