import { client } from './support/client';
import { closeDb, newWorkspace, stack } from './support/stack';
import { VERSIONS } from '../src/versions';

let ws: Awaited<ReturnType<typeof newWorkspace>>;
beforeAll(async () => {
  ws = await newWorkspace();
});
afterAll(closeDb);

const OLD = { 'Api-Version': '2025-06-01' };

describe('API versions', () => {
  it('each version has its own document naming that version alone, and any other is still 400 invalid_api_version', async () => {
    // found by fuzzing: the header was documented as any string, so schema-valid requests were refused; then one
    // document listed both versions while its schemas described only the current one's shapes
    const current = (await (await fetch(`${stack().apiUrl}/openapi.json`)).json()) as any;
    expect(current.components.parameters.ApiVersion.schema.enum).toEqual([VERSIONS[0].version]);
    expect(current.components.schemas.Contact.properties).toHaveProperty('first_name');
    for (const v of VERSIONS) {
      const doc = (await (await fetch(`${stack().apiUrl}/openapi.json?version=${v.version}`)).json()) as any;
      expect(doc.info.version).toBe(v.version);
      expect(doc.components.parameters.ApiVersion.schema.enum).toEqual([v.version]);
    }
    const old = (await (await fetch(`${stack().apiUrl}/openapi.json?version=2025-06-01`)).json()) as any;
    for (const schema of ['Contact', 'ContactCreate', 'ContactUpdate', 'ContactUpsertItem']) {
      expect(old.components.schemas[schema].properties).toHaveProperty('name');
      expect(old.components.schemas[schema].properties).not.toHaveProperty('first_name');
      expect(old.components.schemas[schema].properties).not.toHaveProperty('last_name');
    }
    expect(old.components.schemas.Contact.required).toContain('name');
    expect(old.paths['/v1/contacts'].post.requestBody.content['application/json'].example).toMatchObject({ name: 'Asha Rao' });
    expect(JSON.stringify(old.paths)).not.toMatch(/first_name: |"first_name":/);
    const unknownDoc = await fetch(`${stack().apiUrl}/openapi.json?version=2024-01-01`);
    expect(unknownDoc.status).toBe(400);
    expect(((await unknownDoc.json()) as any).code).toBe('invalid_api_version');
    const res = await client(ws.key, { headers: { 'Api-Version': '2024-01-01' } }).get('/v1/contacts?limit=1');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_api_version', errors: [{ pointer: '/header/Api-Version', code: 'invalid_api_version' }] });
  });

  it('the current version answers without deprecation headers', async () => {
    const res = await client(ws.key).get('/v1/contacts?limit=1');
    expect(res.headers.get('api-version')).toBe('2026-11-01');
    expect(res.headers.get('deprecation')).toBeNull();
    expect(res.headers.get('sunset')).toBeNull();
  });

  it('2025-06-01 writes `name` and reads `name`, in single objects, lists and events', async () => {
    const old = client(ws.key, { headers: OLD });
    const created = await old.post('/v1/contacts', { body: { phone: '+919822200001', name: 'Asha Rani Rao' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Asha Rani Rao', phone: '+919822200001' });
    expect(created.body).not.toHaveProperty('first_name');
    expect(created.headers.get('api-version')).toBe('2025-06-01');
    expect(created.headers.get('deprecation')).toBe(`@${Date.parse('2026-11-01T00:00:00Z') / 1000}`);
    expect(created.headers.get('sunset')).toBe('Wed, 01 Nov 2028 00:00:00 GMT');
    expect(created.headers.get('link')).toMatch(/rel="deprecation"/);

    const current = await client(ws.key).get(`/v1/contacts/${created.body.id}`);
    expect(current.body).toMatchObject({ first_name: 'Asha', last_name: 'Rani Rao' });
    expect(current.body).not.toHaveProperty('name');

    const patched = await old.patch(`/v1/contacts/${created.body.id}`, { body: { name: 'Asha' } });
    expect(patched.body.name).toBe('Asha');
    // the old version's `name` is the whole name: a one-word name leaves no last name
    const afterPatch = await client(ws.key).get(`/v1/contacts/${created.body.id}`);
    expect(afterPatch.body).toMatchObject({ first_name: 'Asha', last_name: null });
    const cleared = await old.patch(`/v1/contacts/${created.body.id}`, { body: { name: null } });
    expect(cleared.body.name).toBeNull();

    const list = await old.get(`/v1/contacts?phone=${encodeURIComponent('+919822200001')}`);
    expect(list.body.data[0]).toMatchObject({ id: created.body.id, name: null });
    expect(list.body.data[0]).not.toHaveProperty('first_name');

    const events = await old.get('/v1/events?type=contact.updated&limit=5');
    const first = events.body.data.find((e: { data: { previous_attributes?: { name?: string } } }) => e.data.previous_attributes?.name === 'Asha Rani Rao');
    expect(first).toBeDefined();
    expect(first.data.object.name).toBe('Asha');
    expect(first.data.previous_attributes).not.toHaveProperty('last_name');
    const created_evt = (await old.get('/v1/events?type=contact.created&limit=5')).body.data[0];
    expect(created_evt.data.object).toHaveProperty('name');
    expect(created_evt.data.object).not.toHaveProperty('first_name');
  });

  it('refuses current-version fields in an old-version request', async () => {
    const res = await client(ws.key, { headers: OLD }).post('/v1/contacts', { body: { phone: '+919822200002', first_name: 'A' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].pointer).toBe('/first_name');
  });

  it('a key without the header gets the version pinned at its creation', async () => {
    const { key } = await ws.keyWith(['contacts:read', 'contacts:write', 'pii:read'], '2025-06-01');
    const res = await client(key).post('/v1/contacts', { body: { phone: '+919822200003', name: 'Pinned Key' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('api-version')).toBe('2025-06-01');
    expect(res.body.name).toBe('Pinned Key');
    const explicit = await client(key).get(`/v1/contacts/${res.body.id}`, { headers: { 'Api-Version': '2026-11-01' } });
    expect(explicit.body).toMatchObject({ first_name: 'Pinned', last_name: 'Key' });
  });

  it('an idempotent replay is rendered in the version of the replaying request', async () => {
    const headers = { 'Idempotency-Key': `ver-${Date.now()}` };
    const first = await client(ws.key).post('/v1/contacts', { body: { phone: '+919822200004', first_name: 'Two', last_name: 'Shapes' }, headers });
    const replay = await client(ws.key, { headers: OLD }).post('/v1/contacts', { body: { phone: '+919822200004', name: 'Two Shapes' }, headers });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toMatchObject({ id: first.body.id, name: 'Two Shapes' });
  });
});
