import { client } from './support/client';
import { closeDb, newWorkspace, sql } from './support/stack';

let api: ReturnType<typeof client>;
let workspaceId: string;

beforeAll(async () => {
  const ws = await newWorkspace();
  workspaceId = ws.workspaceId;
  api = client(ws.key);
});
afterAll(closeDb);

describe('contacts', () => {
  it('creates, retrieves, updates and deletes a contact, with one event per change', async () => {
    const created = await api.post('/v1/contacts', { body: { phone: '+919800000001', email: 'Asha@Example.com', first_name: 'Asha', last_name: 'Rao', external_id: 'crm-1', attributes: { plan: 'pro', seats: 3 } } });
    expect(created.status).toBe(201);
    expect(created.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.get('idempotent-replayed')).toBeNull();
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ object: 'contact', phone: '+919800000001', first_name: 'Asha', last_name: 'Rao', attributes: { plan: 'pro', seats: 3 } });
    expect(created.body.created_at).toBe(created.body.updated_at);

    const got = await api.get(`/v1/contacts/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);

    const updated = await api.patch(`/v1/contacts/${id}`, { body: { last_name: null, email: 'asha@rao.in', attributes: { seats: null, tier: 'gold' } } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ last_name: null, email: 'asha@rao.in', attributes: { plan: 'pro', tier: 'gold' } });
    expect(updated.body.attributes).not.toHaveProperty('seats');
    expect(Date.parse(updated.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.body.updated_at));

    const byEmail = await api.get(`/v1/contacts?email=${encodeURIComponent('ASHA@rao.in')}`);
    expect(byEmail.body.data.map((c: { id: string }) => c.id)).toEqual([id]);

    const deleted = await api.delete(`/v1/contacts/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id, object: 'contact', deleted: true });
    expect((await api.get(`/v1/contacts/${id}`)).status).toBe(404);
    expect((await api.patch(`/v1/contacts/${id}`, { body: { first_name: 'X' } })).status).toBe(404);
    expect((await api.delete(`/v1/contacts/${id}`)).status).toBe(404);

    const events = await api.get('/v1/events?type=contact.*&limit=100');
    const mine = events.body.data.filter((e: { data: { object: { id: string } } }) => e.data.object.id === id);
    expect(mine.map((e: { type: string; sequence: number }) => `${e.type}#${e.sequence}`)).toEqual(['contact.deleted#3', 'contact.updated#2', 'contact.created#1']);
    const update = mine[1];
    expect(update.data.previous_attributes).toEqual({ last_name: 'Rao', email: 'asha@example.com', attributes: { plan: 'pro', seats: 3 } });
    expect(update.request_id).toBe(updated.headers.get('request-id'));

    const onlyUpdates = await api.get('/v1/events?type=contact.updated');
    expect(onlyUpdates.body.data.every((e: { type: string }) => e.type === 'contact.updated')).toBe(true);
  });

  it('answers a duplicate phone or external id with 422 naming the holder, and frees them on delete', async () => {
    const first = await api.post('/v1/contacts', { body: { phone: '+919800000002', external_id: 'dup-1' } });
    expect(first.status).toBe(201);
    const dupPhone = await api.post('/v1/contacts', { body: { phone: '+919800000002' } });
    expect(dupPhone.status).toBe(422);
    expect(dupPhone.body).toMatchObject({ code: 'contact_phone_taken', existing_id: first.body.id, errors: [{ pointer: '/phone' }] });
    const dupExternal = await api.post('/v1/contacts', { body: { email: 'x@y.io', external_id: 'dup-1' } });
    expect(dupExternal.status).toBe(422);
    expect(dupExternal.body).toMatchObject({ code: 'contact_external_id_taken', existing_id: first.body.id });

    const other = await api.post('/v1/contacts', { body: { phone: '+919800000003' } });
    const clash = await api.patch(`/v1/contacts/${other.body.id}`, { body: { phone: '+919800000002' } });
    expect(clash.status).toBe(422);
    expect(clash.body.code).toBe('contact_phone_taken');

    expect((await api.delete(`/v1/contacts/${first.body.id}`)).status).toBe(200);
    const again = await api.post('/v1/contacts', { body: { phone: '+919800000002', external_id: 'dup-1' } });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);

    const rows = await sql<{ n: string }>(`select count(*) as n from contacts where workspace_id = ? and phone = ?`, [workspaceId, '+919800000002']);
    expect(Number(rows[0].n)).toBe(2); // one tombstone, one live
  });

  it('keeps a refused command free of partial writes', async () => {
    const before = await sql<{ n: string }>(`select count(*) as n from events where workspace_id = ?`, [workspaceId]);
    const held = await api.post('/v1/contacts', { body: { external_id: 'partial-1' } });
    const refused = await api.post('/v1/contacts', { body: { external_id: 'partial-1', phone: '+919800000099' } });
    expect(refused.status).toBe(422);
    const after = await sql<{ n: string }>(`select count(*) as n from events where workspace_id = ?`, [workspaceId]);
    expect(Number(after[0].n)).toBe(Number(before[0].n) + 1);
    const phones = await sql(`select id from contacts where workspace_id = ? and phone = ?`, [workspaceId, '+919800000099']);
    expect(phones).toHaveLength(0);
    expect(held.status).toBe(201);
  });

  it('masks personal fields for a key without pii:read', async () => {
    const ws = await newWorkspace();
    const full = client(ws.key);
    const created = await full.post('/v1/contacts', { body: { phone: '+919812345678', email: 'meera@example.com', first_name: 'Meera', last_name: 'Iyer' } });
    const { key } = await ws.keyWith(['contacts:read']);
    const masked = await client(key).get(`/v1/contacts/${created.body.id}`);
    expect(masked.status).toBe(200);
    expect(masked.body).toMatchObject({ phone: '+91********78', email: 'm***@example.com', first_name: 'M***', last_name: 'I***' });
    expect(masked.text).not.toContain('meera');
    expect(masked.text).not.toContain('12345678');
  });
});
