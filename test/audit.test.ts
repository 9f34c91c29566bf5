import { randomUUID } from 'node:crypto';
import { auditLogStore } from '../src/privacy/stores/audit-logs';
import { client } from './support/client';
import { expectProblem } from './support/operation-refusals';
import { closeDb, db, newWorkspace, sql, type TestWorkspace } from './support/stack';

afterAll(closeDb);

type Api = ReturnType<typeof client>;

async function piiReads(api: Api, query = ''): Promise<Record<string, unknown>[]> {
  const res = await api.get(`/v1/audit-logs?action=pii.read&limit=100${query}`);
  expect(res.status).toBe(200);
  return res.body.data;
}

describe('PII-read audit', () => {
  let ws: TestWorkspace;
  let api: Api;
  let contactId: string;

  beforeAll(async () => {
    ws = await newWorkspace();
    api = client(ws.key);
    const c = await api.post('/v1/contacts', { body: { phone: '+919844400001', email: 'audited@example.com', first_name: 'Meera', last_name: 'Iyer' } });
    expect(c.status).toBe(201);
    contactId = c.body.id;
  });

  it('is off by default: reads of personal data write nothing', async () => {
    const w = await api.get('/v1/workspace');
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({ id: ws.workspaceId, object: 'workspace', pii_read_audit: false });
    expect((await api.get(`/v1/contacts/${contactId}`)).status).toBe(200);
    expect(await piiReads(api)).toEqual([]);
  });

  it('when on, writes one record per response naming the objects and the personal fields shown, before the response', async () => {
    const on = await api.patch('/v1/workspace', { body: { pii_read_audit: true } });
    expect(on.status).toBe(200);
    expect(on.body.pii_read_audit).toBe(true);
    expect((await api.get('/v1/workspace')).body.pii_read_audit).toBe(true);

    const read = await api.get(`/v1/contacts/${contactId}`);
    expect(read.status).toBe(200);
    expect(read.body.phone).toBe('+919844400001');
    // no waiting: the record committed before the response was sent
    const [record, ...more] = await piiReads(api);
    expect(more).toEqual([]);
    expect(record).toEqual({
      id: expect.stringMatching(/^aud_[0-9a-z]{26}$/),
      object: 'audit_log',
      livemode: true,
      action: 'pii.read',
      key_id: ws.keyId,
      operation_id: 'retrieveContact',
      object_ids: [contactId],
      fields: ['contact.email', 'contact.first_name', 'contact.last_name', 'contact.phone'],
      client_ip: '127.0.0.1',
      request_id: read.headers.get('request-id'),
      details: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    // the record holds ids and field names, never the values
    const [row] = await sql<{ t: string }>(`select row_to_json(a)::text as t from audit_logs a where id = ?`, [record.id]);
    for (const value of ['+919844400001', 'audited@example.com', 'Meera', 'Iyer']) expect(row.t).not.toContain(value);
  });

  it('writes nothing for a key without pii:read, which sees the fields masked', async () => {
    const { key, keyId } = await ws.keyWith(['contacts:read']);
    const before = (await piiReads(api)).length;
    const masked = await client(key).get(`/v1/contacts/${contactId}`);
    expect(masked.status).toBe(200);
    expect(masked.body.phone).toBe('+91********01');
    expect(masked.body.email).toBe('a***@example.com');
    expect(await piiReads(api)).toHaveLength(before);
    expect(await piiReads(api, `&key_id=${keyId}`)).toEqual([]);
  });

  it('names only the fields that hold a value, and every contact of a list', async () => {
    const other = await api.post('/v1/contacts', { body: { phone: '+919844400002' } });
    const { key, keyId } = await ws.keyWith(['contacts:read', 'pii:read']);
    const one = await client(key).get(`/v1/contacts/${other.body.id}`);
    expect(one.status).toBe(200);
    const list = await client(key).get('/v1/contacts?limit=10');
    expect(list.status).toBe(200);
    const records = await piiReads(api, `&key_id=${keyId}`);
    expect(records.map((r) => [r.operation_id, r.object_ids, r.fields])).toEqual([
      ['listContacts', [other.body.id, contactId], ['contact.email', 'contact.first_name', 'contact.last_name', 'contact.phone']],
      ['retrieveContact', [other.body.id], ['contact.phone']],
    ]);
  });

  it('stops when turned off, and both changes of the setting are audited', async () => {
    const off = await api.patch('/v1/workspace', { body: { pii_read_audit: false } });
    expect(off.body.pii_read_audit).toBe(false);
    const before = (await piiReads(api)).length;
    expect((await api.get(`/v1/contacts/${contactId}`)).status).toBe(200);
    expect(await piiReads(api)).toHaveLength(before);
    const changes = await api.get('/v1/audit-logs?action=workspace.updated');
    expect(changes.body.data.map((r: { details: unknown; object_ids: string[] }) => [r.details, r.object_ids])).toEqual([
      [{ pii_read_audit: false }, [ws.workspaceId]],
      [{ pii_read_audit: true }, [ws.workspaceId]],
    ]);
  });
});

describe('key actions', () => {
  it('are always audited, in the transaction of the change', async () => {
    const ws = await newWorkspace();
    const api = client(ws.key);
    expect((await api.get('/v1/workspace')).body.pii_read_audit).toBe(false);
    const created = await api.post('/v1/api-keys', { body: { name: 'audited', scopes: ['contacts:read'] } });
    const rolled = await api.post(`/v1/api-keys/${created.body.id}/roll`, { body: { overlap_seconds: 60 } });
    const revoked = await api.delete(`/v1/api-keys/${created.body.id}`);
    expect([created.status, rolled.status, revoked.status]).toEqual([201, 200, 200]);

    const log = await api.get(`/v1/audit-logs?object_id=${created.body.id}`);
    expect(log.status).toBe(200);
    expect(log.body.data.map((r: Record<string, unknown>) => [r.action, r.operation_id, r.key_id, r.request_id, r.client_ip])).toEqual([
      ['api_key.revoked', 'revokeApiKey', ws.keyId, revoked.headers.get('request-id'), '127.0.0.1'],
      ['api_key.rolled', 'rollApiKey', ws.keyId, rolled.headers.get('request-id'), '127.0.0.1'],
      ['api_key.created', 'createApiKey', ws.keyId, created.headers.get('request-id'), '127.0.0.1'],
    ]);
    expect(log.body.data[1].details).toEqual({ overlap_seconds: 60 });
    expect(log.body.data[2].details).toMatchObject({ type: 'secret', scopes: ['contacts:read'] });
    // a refused action changes nothing and so records nothing
    const refused = await client((await ws.keyWith(['keys:write'])).key).post('/v1/api-keys', { body: { name: 'x', scopes: ['contacts:write'] } });
    expectProblem(refused, 403, 'scope_not_grantable');
    expect((await api.get('/v1/audit-logs?action=api_key.created&operation_id=createApiKey')).body.data).toHaveLength(1);
    // keys made with `npm run admin` are audited too (operation `admin`, no key)
    const byAdmin = (await api.get(`/v1/audit-logs?object_id=${ws.keyId}`)).body.data;
    expect(byAdmin.map((r: Record<string, unknown>) => [r.action, r.operation_id, r.key_id])).toEqual([['api_key.created', 'admin', null]]);
    const text = JSON.stringify(log.body);
    expect(text).not.toContain(created.body.secret);
    expect(text).not.toContain(rolled.body.secret);
  });
});

describe('GET /v1/audit-logs', () => {
  let ws: TestWorkspace;
  let api: Api;
  const keyIds: string[] = [];
  let otherKey: { key: string; keyId: string };
  let middle: string;

  beforeAll(async () => {
    ws = await newWorkspace();
    api = client(ws.key);
    otherKey = await ws.keyWith(['keys:write']);
    for (let i = 0; i < 5; i++) {
      const by = i === 4 ? client(otherKey.key) : api;
      const res = await by.post('/v1/api-keys', { body: { name: `k${i}`, scopes: [] }, headers: { 'Idempotency-Key': randomUUID() } });
      expect(res.status).toBe(201);
      keyIds.push(res.body.id);
      if (i === 2) middle = res.body.created_at;
      await new Promise((r) => setTimeout(r, 5));
    }
  });

  it('pages newest first with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api.get(`/v1/audit-logs?limit=2&operation_id=createApiKey${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((r: { object_ids: string[] }) => r.object_ids[0]));
      cursor = res.body.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...keyIds].reverse());
  });

  it('filters by key, operation, object and time', async () => {
    const byOther = await api.get(`/v1/audit-logs?key_id=${otherKey.keyId}`);
    expect(byOther.body.data.map((r: { object_ids: string[] }) => r.object_ids)).toEqual([[keyIds[4]]]);
    expect((await api.get('/v1/audit-logs?operation_id=createApiKey')).body.data).toHaveLength(5);
    expect((await api.get('/v1/audit-logs?operation_id=rollApiKey')).body.data).toEqual([]);
    expect((await api.get(`/v1/audit-logs?object_id=${keyIds[1]}`)).body.data.map((r: { action: string }) => r.action)).toEqual(['api_key.created']);
    const since = await api.get(`/v1/audit-logs?operation_id=createApiKey&created_since=${encodeURIComponent(middle)}`);
    expect(since.body.data.map((r: { object_ids: string[] }) => r.object_ids[0])).toEqual([keyIds[4], keyIds[3], keyIds[2]]);
    const before = await api.get(`/v1/audit-logs?operation_id=createApiKey&created_before=${encodeURIComponent(middle)}`);
    expect(before.body.data.map((r: { object_ids: string[] }) => r.object_ids[0])).toEqual([keyIds[1], keyIds[0]]);

    // a cursor continues only the list it came from
    const first = await api.get('/v1/audit-logs?limit=1&operation_id=createApiKey');
    expectProblem(await api.get(`/v1/audit-logs?limit=1&cursor=${first.body.next_cursor}`), 400, 'invalid_cursor');
    expectProblem(await api.get('/v1/audit-logs?object_id=not-an-id'), 400, 'invalid_request');
  });

  it('needs audit:read and shows only the workspace own records', async () => {
    expectProblem(await client(otherKey.key).get('/v1/audit-logs'), 403, 'insufficient_scope');
    const stranger = await newWorkspace();
    expect((await client(stranger.key).get(`/v1/audit-logs?object_id=${keyIds[0]}`)).body.data).toEqual([]);
  });
});

describe('purging a subject from audit records', () => {
  it('keeps the records and their object ids, and removes personal values from their details', async () => {
    const ws = await newWorkspace();
    const orm = await db();
    const now = new Date().toISOString();
    const insert = `insert into audit_logs (id, workspace_id, action, object_ids, details, created_at) values (?, ?, 'purge.requested', array[?]::text[], ?::jsonb, ?)`;
    await sql(insert, ['aud_0000000000000000000000000a', ws.workspaceId, 'ctc_0000000000000000000000000a', JSON.stringify({ phone: '+919855500077', note: 'Subject@Example.com' }), now]);
    await sql(insert, ['aud_0000000000000000000000000b', ws.workspaceId, 'ctc_0000000000000000000000000b', JSON.stringify({ phone: '+919855500078' }), now]);
    const { cleared } = await orm.em.fork().transactional((em) =>
      auditLogStore.purge(em, { workspaceId: ws.workspaceId, contactIds: ['ctc_0000000000000000000000000a'], phones: ['+919855500077'], emails: ['subject@example.com'] }),
    );
    expect(cleared).toBe(1);
    const rows = await sql<{ id: string; object_ids: string[]; details: unknown }>(`select id, object_ids, details from audit_logs where workspace_id = ? and action = 'purge.requested' order by id`, [ws.workspaceId]);
    expect(rows).toEqual([
      { id: 'aud_0000000000000000000000000a', object_ids: ['ctc_0000000000000000000000000a'], details: { redacted: true } },
      { id: 'aud_0000000000000000000000000b', object_ids: ['ctc_0000000000000000000000000b'], details: { phone: '+919855500078' } },
    ]);
  });
});
