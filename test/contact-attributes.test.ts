import { randomUUID } from 'node:crypto';
import { client, type ApiResponse } from './support/client';
import { bulkResults, phones } from './support/contacts';
import { closeDb, newWorkspace, type TestWorkspace } from './support/stack';
import { waitFor } from './support/wait';
import { Receiver, verify } from './support/webhook-receiver';

// Typed contact attributes (issue 16): definitions as a resource, contact writes checked against them, masking and
// search scopes that follow `personal`, and the workspace setting for keys without a definition.

type Api = ReturnType<typeof client>;

const phone = () => phones(1)[0];

async function define(api: Api, body: Record<string, unknown>): Promise<ApiResponse> {
  const res = await api.post('/v1/contact-attributes', { body });
  expect(res.status).toBe(201);
  return res;
}

const pointers = (res: ApiResponse) => (res.body.errors ?? []).map((e: { pointer: string; code: string }) => [e.pointer, e.code]).sort();

afterAll(closeDb);

describe('contact attribute definitions', () => {
  let ws: TestWorkspace;
  let api: Api;
  beforeAll(async () => {
    ws = await newWorkspace();
    api = client(ws.key);
  });

  test('create, retrieve, list, update and delete, with tombstones for syncs', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const created = await define(api, { key: 'plan', type: 'enum', options: ['free', 'pro'], description: 'The plan.' });
    expect(created.body).toMatchObject({ object: 'contact_attribute', key: 'plan', type: 'enum', options: ['free', 'pro'], personal: false, description: 'The plan.' });
    expect(created.body.id).toMatch(/^atr_/);
    const id = created.body.id as string;

    expect((await api.get(`/v1/contact-attributes/${id}`)).body).toEqual(created.body);
    const byKey = await api.get('/v1/contact-attributes?key=plan');
    expect(byKey.status).toBe(200);
    expect(byKey.body.data.map((a: { id: string }) => a.id)).toEqual([id]);

    const updated = await api.patch(`/v1/contact-attributes/${id}`, { body: { options: ['free', 'pro', 'enterprise'], personal: true, description: null } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ key: 'plan', options: ['free', 'pro', 'enterprise'], personal: true, description: null });
    // a patch that changes nothing answers the definition as it is
    const same = await api.patch(`/v1/contact-attributes/${id}`, { body: { personal: true } });
    expect(same.body.updated_at).toBe(updated.body.updated_at);

    const taken = await api.post('/v1/contact-attributes', { body: { key: 'plan', type: 'string' } });
    expect(taken.status).toBe(422);
    expect(taken.body).toMatchObject({ code: 'contact_attribute_key_taken', existing_id: id });
    expect(pointers(taken)).toEqual([['/key', 'contact_attribute_key_taken']]);

    const deleted = await api.delete(`/v1/contact-attributes/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id, object: 'contact_attribute', deleted: true });
    expect((await api.get(`/v1/contact-attributes/${id}`)).status).toBe(404);
    expect((await api.get('/v1/contact-attributes?key=plan')).body.data).toEqual([]);
    const sync = await api.get(`/v1/contact-attributes?sort=updated_at&updated_since=${encodeURIComponent(since)}`);
    expect(sync.body.data).toContainEqual(expect.objectContaining({ id, deleted: true }));
    // the key is free again
    const again = await define(api, { key: 'plan', type: 'string' });
    expect(again.body.id).not.toBe(id);
  });

  test('options belong to enums only; the schema bounds the rest', async () => {
    // schema-valid bodies (the schema cannot tie options to the type): a business rule, so 422 (found by the fuzz run)
    const noOptions = await api.post('/v1/contact-attributes', { body: { key: 'colour', type: 'enum' } });
    expect({ status: noOptions.status, code: noOptions.body.code }).toEqual({ status: 422, code: 'contact_attribute_options_invalid' });
    expect(pointers(noOptions)).toEqual([['/options', 'required']]);
    const stray = await api.post('/v1/contact-attributes', { body: { key: 'colour', type: 'string', options: ['red'] } });
    expect({ status: stray.status, code: stray.body.code }).toEqual({ status: 422, code: 'contact_attribute_options_invalid' });
    expect(pointers(stray)).toEqual([['/options', 'unexpected_value']]);
    const badKey = await api.post('/v1/contact-attributes', { body: { key: '9lives', type: 'string' } });
    expect(badKey.status).toBe(400);
    const badType = await api.post('/v1/contact-attributes', { body: { key: 'colour', type: 'colour' } });
    expect(badType.status).toBe(400);
  });

  test('a create is idempotent, and the same key with another body is refused', async () => {
    const key = randomUUID();
    const first = await api.post('/v1/contact-attributes', { body: { key: 'idem_attr', type: 'number' }, headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    const replay = await api.post('/v1/contact-attributes', { body: { key: 'idem_attr', type: 'number' }, headers: { 'Idempotency-Key': key } });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const reused = await api.post('/v1/contact-attributes', { body: { key: 'idem_attr', type: 'string' }, headers: { 'Idempotency-Key': key } });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('idempotency_key_reused');
    const listed = await api.get('/v1/contact-attributes?key=idem_attr');
    expect(listed.body.data).toHaveLength(1);
  });

  test('definitions belong to their workspace', async () => {
    const mine = await define(api, { key: 'isolated', type: 'number' });
    const other = client((await newWorkspace()).key);
    expect((await other.get(`/v1/contact-attributes/${mine.body.id}`)).status).toBe(404);
    expect((await other.patch(`/v1/contact-attributes/${mine.body.id}`, { body: { personal: true } })).status).toBe(404);
    expect((await other.delete(`/v1/contact-attributes/${mine.body.id}`)).status).toBe(404);
    expect((await other.get('/v1/contact-attributes?key=isolated')).body.data).toEqual([]);
    // another workspace's contacts are not held to this workspace's definitions
    const free = await other.post('/v1/contacts', { body: { phone: phone(), attributes: { isolated: 'not a number' } } });
    expect(free.status).toBe(201);
  });
});

describe('contact writes against the definitions', () => {
  let ws: TestWorkspace;
  let api: Api;
  beforeAll(async () => {
    ws = await newWorkspace();
    api = client(ws.key);
    await define(api, { key: 'nickname', type: 'string' });
    await define(api, { key: 'score', type: 'number' });
    await define(api, { key: 'active', type: 'boolean' });
    await define(api, { key: 'renewal', type: 'date' });
    await define(api, { key: 'tier', type: 'enum', options: ['silver', 'gold'] });
  });

  test('every misfit of a create is named at once, at /attributes/<key>; fitting values are stored', async () => {
    const bad = await api.post('/v1/contacts', {
      body: { phone: phone(), attributes: { nickname: 5, score: '5', active: 'yes', renewal: '2026-02-30', tier: 'bronze', other: 'free text' } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('invalid_attributes');
    expect(pointers(bad)).toEqual([
      ['/attributes/active', 'invalid_type'],
      ['/attributes/nickname', 'invalid_type'],
      ['/attributes/renewal', 'invalid_date'],
      ['/attributes/score', 'invalid_type'],
      ['/attributes/tier', 'invalid_option'],
    ]);
    // the refusal does not repeat the values it refused
    expect(bad.text).not.toContain('bronze');

    const attributes = { nickname: 'Ash', score: 5, active: false, renewal: '2028-02-29', tier: 'gold', other: 'free text' };
    const good = await api.post('/v1/contacts', { body: { phone: phone(), attributes } });
    expect(good.status).toBe(201);
    expect(good.body.attributes).toEqual(attributes);
  });

  test('a patch is checked as a create is; removing a key always works', async () => {
    const created = await api.post('/v1/contacts', { body: { phone: phone(), attributes: { score: 1, tier: 'silver' } } });
    const id = created.body.id as string;
    const bad = await api.patch(`/v1/contacts/${id}`, { body: { attributes: { score: 'high' } } });
    expect(bad.status).toBe(422);
    expect(pointers(bad)).toEqual([['/attributes/score', 'invalid_type']]);
    expect((await api.get(`/v1/contacts/${id}`)).body.attributes).toEqual({ score: 1, tier: 'silver' });
    const removed = await api.patch(`/v1/contacts/${id}`, { body: { attributes: { score: null, tier: 'gold' } } });
    expect(removed.status).toBe(200);
    expect(removed.body.attributes).toEqual({ tier: 'gold' });
  });

  test('bulk upsert items are checked one by one, with pointers into the request', async () => {
    const [p0, p1, p2] = phones(3);
    const res = await api.post('/v1/contacts/bulk', {
      body: { items: [{ phone: p0, attributes: { score: 3 } }, { phone: p1, attributes: { score: 'three', renewal: 'tomorrow' } }, { phone: p2, attributes: { tier: 'gold' } }] },
    });
    const results = await bulkResults<{ status: number; id: string | null; error: ApiResponse['body'] }>(api, res);
    expect(results.map((r) => r.status)).toEqual([201, 422, 201]);
    expect(results[1].error.code).toBe('invalid_attributes');
    expect(results[1].error.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/items/1/attributes/renewal', '/items/1/attributes/score']);
    // nothing of the refused item was written
    const withPii = client((await ws.keyWith(['contacts:read', 'pii:read'])).key);
    expect((await withPii.get(`/v1/contacts?phone=${encodeURIComponent(p1)}`)).body.data).toEqual([]);
    expect((await withPii.get(`/v1/contacts?phone=${encodeURIComponent(p0)}`)).body.data[0].attributes).toEqual({ score: 3 });
  });

  test('keys without a definition: allowed by default, refused when the workspace says so', async () => {
    const workspace = await api.get('/v1/workspace');
    expect(workspace.body.allow_undefined_attributes).toBe(true);
    const loose = await api.post('/v1/contacts', { body: { phone: phone(), attributes: { favourite_colour: 'teal' } } });
    expect(loose.status).toBe(201);

    const strict = await api.patch('/v1/workspace', { body: { allow_undefined_attributes: false } });
    expect(strict.status).toBe(200);
    expect(strict.body.allow_undefined_attributes).toBe(false);
    try {
      const refused = await api.post('/v1/contacts', { body: { phone: phone(), attributes: { favourite_colour: 'teal', score: 2 } } });
      expect(refused.status).toBe(422);
      expect(pointers(refused)).toEqual([['/attributes/favourite_colour', 'undefined_attribute']]);
      // a contact keeps the undefined keys it holds: other changes, and removing them, still work
      const renamed = await api.patch(`/v1/contacts/${loose.body.id}`, { body: { first_name: 'Teal', attributes: { score: 9 } } });
      expect(renamed.status).toBe(200);
      expect(renamed.body.attributes).toEqual({ favourite_colour: 'teal', score: 9 });
      const dropped = await api.patch(`/v1/contacts/${loose.body.id}`, { body: { attributes: { favourite_colour: null } } });
      expect(dropped.status).toBe(200);
      expect(dropped.body.attributes).toEqual({ score: 9 });
      const bulk = await api.post('/v1/contacts/bulk', { body: { items: [{ phone: phone(), attributes: { favourite_colour: 'red' } }] } });
      const [item] = await bulkResults<{ status: number; error: ApiResponse['body'] }>(api, bulk);
      expect(item.status).toBe(422);
      expect(item.error.errors).toEqual([expect.objectContaining({ pointer: '/items/0/attributes/favourite_colour', code: 'undefined_attribute' })]);
    } finally {
      expect((await api.patch('/v1/workspace', { body: { allow_undefined_attributes: true } })).body.allow_undefined_attributes).toBe(true);
    }
  });

  test('a definition that stored values would not fit is refused; deleting one keeps the values', async () => {
    const holder = await api.post('/v1/contacts', { body: { phone: phone(), attributes: { level: 'gold', seats: 4 } } });
    expect(holder.status).toBe(201);
    const asNumber = await api.post('/v1/contact-attributes', { body: { key: 'level', type: 'number' } });
    expect(asNumber.status).toBe(422);
    expect(asNumber.body.code).toBe('contact_attribute_values_mismatch');
    expect(asNumber.body.detail).toContain(holder.body.id);
    expect(asNumber.body.detail).not.toContain('gold');
    const narrow = await api.post('/v1/contact-attributes', { body: { key: 'level', type: 'enum', options: ['silver'] } });
    expect(narrow.status).toBe(422);
    expect(pointers(narrow)).toEqual([['/options', 'contact_attribute_values_mismatch']]);
    const level = await define(api, { key: 'level', type: 'enum', options: ['silver', 'gold'] });

    const shrink = await api.patch(`/v1/contact-attributes/${level.body.id}`, { body: { options: ['silver'] } });
    expect(shrink.status).toBe(422);
    expect(pointers(shrink)).toEqual([['/options', 'contact_attribute_values_mismatch']]);
    const retype = await api.patch(`/v1/contact-attributes/${level.body.id}`, { body: { type: 'boolean' } });
    expect(retype.status).toBe(422);
    expect(pointers(retype)).toEqual([['/type', 'contact_attribute_values_mismatch']]);
    // to string fits; the options go with the enum
    const loosened = await api.patch(`/v1/contact-attributes/${level.body.id}`, { body: { type: 'string' } });
    expect(loosened.status).toBe(200);
    expect(loosened.body).toMatchObject({ type: 'string', options: null });

    const seats = await define(api, { key: 'seats', type: 'number' });
    expect((await api.delete(`/v1/contact-attributes/${seats.body.id}`)).status).toBe(200);
    expect((await api.get(`/v1/contacts/${holder.body.id}`)).body.attributes).toEqual({ level: 'gold', seats: 4 });
    // with its definition gone the key takes any value again
    expect((await api.patch(`/v1/contacts/${holder.body.id}`, { body: { attributes: { seats: 'four' } } })).status).toBe(200);
  });

  test('a date definition is refused over strings that are no calendar dates, and taken over ones that are', async () => {
    const late = await api.post('/v1/contacts', { body: { phone: phone(), attributes: { due: '2026-02-30', due_ok: '2028-02-29' } } });
    const word = await api.post('/v1/contacts', { body: { phone: phone(), attributes: { due: 'soon', due_ok: '2026-12-31' } } });
    expect([late.status, word.status]).toEqual([201, 201]);
    const refused = await api.post('/v1/contact-attributes', { body: { key: 'due', type: 'date' } });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('contact_attribute_values_mismatch');
    expect(refused.body.detail).toMatch(/^2 live contact/);
    expect(refused.body.detail).toContain(late.body.id);
    expect(refused.body.detail).toContain(word.body.id);
    await define(api, { key: 'due_ok', type: 'date' });
  });

  test("a flow's update_contact step is held to the definitions: a misfit fails the run", async () => {
    const flow = await api.post('/v1/flows', { body: { name: 'set tier', trigger: { type: 'manual' }, steps: [{ id: 'set', type: 'update_contact', attributes: { tier: 'platinum' } }] } });
    expect(flow.status).toBe(201);
    expect((await api.post(`/v1/flows/${flow.body.id}/activate`)).status).toBe(200);
    const contact = await api.post('/v1/contacts', { body: { phone: phone() } });
    const started = await api.post(`/v1/flows/${flow.body.id}/runs`, { body: { contact_id: contact.body.id } });
    expect(started.status).toBe(202);
    const run = await waitFor(() => api.get(`/v1/flow-runs/${started.body.id}`), (r: ApiResponse) => r.status === 200 && r.body.status !== 'running');
    expect(run.body).toMatchObject({ status: 'failed', failure_reason: 'invalid_attributes' });
    expect((await api.get(`/v1/contacts/${contact.body.id}`)).body.attributes).toEqual({});
  });
});

describe('masking and search follow `personal`', () => {
  let ws: TestWorkspace;
  let api: Api;
  let reader: Api;
  let clear: Api;
  let tierId: string;
  let contactId: string;
  const attributes = { tier: 'gold', birthday: '1990-04-01', note: 'likes tea' };
  beforeAll(async () => {
    ws = await newWorkspace();
    api = client(ws.key);
    reader = client((await ws.keyWith(['contacts:read', 'events:read'])).key);
    clear = client((await ws.keyWith(['contacts:read', 'pii:read'])).key);
    tierId = (await define(api, { key: 'tier', type: 'enum', options: ['silver', 'gold'] })).body.id;
    await define(api, { key: 'birthday', type: 'date', personal: true });
    const created = await api.post('/v1/contacts', { body: { phone: phone(), first_name: 'Asha', attributes } });
    expect(created.status).toBe(201);
    contactId = created.body.id;
  });

  test('without pii:read, non-personal defined keys are shown; personal and undefined keys are masked', async () => {
    const masked = { tier: 'gold', birthday: '[masked]', note: '[masked]' };
    const one = await reader.get(`/v1/contacts/${contactId}`);
    expect(one.body.attributes).toEqual(masked);
    expect(one.body.first_name).toBe('A***');
    const list = await reader.get('/v1/contacts');
    expect(list.body.data.find((c: { id: string }) => c.id === contactId).attributes).toEqual(masked);
    // events carry the same view, previous values included
    expect((await api.patch(`/v1/contacts/${contactId}`, { body: { attributes: { tier: 'silver' } } })).status).toBe(200);
    const events = await reader.get('/v1/events?type=contact.updated');
    const updated = events.body.data.find((e: { data: { object: { id: string } } }) => e.data.object.id === contactId);
    expect(updated.data.object.attributes).toEqual({ ...masked, tier: 'silver' });
    expect(updated.data.previous_attributes.attributes).toEqual(masked);
    expect((await clear.get(`/v1/contacts/${contactId}`)).body.attributes).toEqual({ ...attributes, tier: 'silver' });
    expect((await api.patch(`/v1/contacts/${contactId}`, { body: { attributes: { tier: 'gold' } } })).status).toBe(200);
  });

  test('a value predicate on a non-personal defined key needs contacts:read only', async () => {
    const search = (who: Api, filters: Record<string, unknown>[]) => who.post('/v1/contacts/search', { body: { filter_groups: [{ filters }] } });
    const byTier = await search(reader, [{ field: 'attributes.tier', operator: 'eq', value: 'gold' }]);
    expect(byTier.status).toBe(200);
    expect(byTier.body.data.map((c: { id: string }) => c.id)).toEqual([contactId]);
    for (const field of ['attributes.birthday', 'attributes.note']) {
      const refused = await search(reader, [{ field: 'attributes.tier', operator: 'eq', value: 'gold' }, { field, operator: 'eq', value: 'x' }]);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'insufficient_scope', missing_scopes: ['pii:read'] });
      expect(refused.body.detail).toContain(field);
      expect(refused.body.detail).not.toContain('attributes.tier');
    }
    // exists shows only what masked results show
    expect((await search(reader, [{ field: 'attributes.birthday', operator: 'exists' }])).status).toBe(200);
    expect((await search(clear, [{ field: 'attributes.birthday', operator: 'eq', value: '1990-04-01' }])).body.data.map((c: { id: string }) => c.id)).toEqual([contactId]);
  });

  test('a definition made personal masks its values, and its searches need pii:read, at once', async () => {
    expect((await api.patch(`/v1/contact-attributes/${tierId}`, { body: { personal: true } })).status).toBe(200);
    try {
      expect((await reader.get(`/v1/contacts/${contactId}`)).body.attributes.tier).toBe('[masked]');
      const refused = await reader.post('/v1/contacts/search', { body: { filter_groups: [{ filters: [{ field: 'attributes.tier', operator: 'eq', value: 'gold' }] }] } });
      expect(refused.status).toBe(403);
    } finally {
      expect((await api.patch(`/v1/contact-attributes/${tierId}`, { body: { personal: false } })).status).toBe(200);
    }
    expect((await reader.get(`/v1/contacts/${contactId}`)).body.attributes.tier).toBe('gold');
  });

  test("a webhook endpoint made without pii:read receives non-personal defined keys in clear, the others masked", async () => {
    const receiver = await new Receiver().start();
    try {
      const writer = client((await ws.keyWith(['webhooks:write'])).key);
      const ep = await writer.post('/v1/webhook-endpoints', { body: { url: receiver.url('/attrs'), event_types: ['contact.created'] } });
      expect(ep.status).toBe(201);
      expect(ep.body.pii_read).toBe(false);
      const created = await api.post('/v1/contacts', { body: { phone: phone(), attributes } });
      expect(created.status).toBe(201);
      await waitFor(async () => receiver.at('/attrs').length, (n) => n >= 1);
      const [got] = receiver.at('/attrs');
      const body = verify(ep.body.secret, got.headers, got.body) as { data: { object: { id: string; attributes: Record<string, unknown> } } };
      expect(body.data.object.id).toBe(created.body.id);
      expect(body.data.object.attributes).toEqual({ tier: 'gold', birthday: '[masked]', note: '[masked]' });
      expect(got.body).not.toContain('1990-04-01');
    } finally {
      await receiver.close();
    }
  });

  test("another workspace's definitions do not unmask this workspace's keys", async () => {
    const other = await newWorkspace();
    const otherApi = client(other.key);
    await define(otherApi, { key: 'note', type: 'string' });
    expect((await reader.get(`/v1/contacts/${contactId}`)).body.attributes.note).toBe('[masked]');
  });
});
