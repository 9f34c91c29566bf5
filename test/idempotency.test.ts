import { randomUUID } from 'node:crypto';
import { client } from './support/client';
import { privateStack } from './support/processes';
import { closeDb, newWorkspace, sql } from './support/stack';

let api: ReturnType<typeof client>;
let workspaceId: string;
let key: string;

beforeAll(async () => {
  const ws = await newWorkspace();
  workspaceId = ws.workspaceId;
  key = ws.key;
  api = client(key);
});
afterAll(closeDb);

const countByPhone = async (phone: string) =>
  Number((await sql<{ n: string }>(`select count(*) as n from contacts where workspace_id = ? and phone = ?`, [workspaceId, phone]))[0].n);

describe('idempotency', () => {
  it('30 concurrent POSTs with one key create one contact and return identical bodies', async () => {
    const idem = randomUUID();
    const body = { phone: '+919811100001', first_name: 'Concurrent' };
    const results = await Promise.all(Array.from({ length: 30 }, () => api.post('/v1/contacts', { body, headers: { 'Idempotency-Key': idem } })));
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    expect(new Set(results.map((r) => r.text)).size).toBe(1);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(results.every((r) => r.headers.get('idempotency-key') === idem)).toBe(true);
    expect(await countByPhone('+919811100001')).toBe(1);
    const events = await sql(`select id from events where workspace_id = ? and object_id = ?`, [workspaceId, results[0].body.id]);
    expect(events).toHaveLength(1);
  });

  it('replays the first response with Idempotent-Replayed, also for refusals', async () => {
    const idem = randomUUID();
    const first = await api.post('/v1/contacts', { body: { phone: '+919811100002' }, headers: { 'Idempotency-Key': idem } });
    expect(first.status).toBe(201);
    const again = await api.post('/v1/contacts', { body: { phone: '+919811100002' }, headers: { 'Idempotency-Key': idem } });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);

    const refusedKey = randomUUID();
    const refused = await api.post('/v1/contacts', { body: { phone: '+919811100002' }, headers: { 'Idempotency-Key': refusedKey } });
    expect(refused.status).toBe(422);
    const refusedAgain = await api.post('/v1/contacts', { body: { phone: '+919811100002' }, headers: { 'Idempotency-Key': refusedKey } });
    expect(refusedAgain.status).toBe(422);
    expect(refusedAgain.text).toBe(refused.text);
    expect(refusedAgain.headers.get('idempotent-replayed')).toBe('true');
  });

  it('the same key with a different body is 409 with a diff naming the changed field', async () => {
    const idem = `warehouse-row-42:${new Date().toISOString().slice(0, 10)}`;
    const first = await api.post('/v1/contacts', { body: { phone: '+919811100003', first_name: 'Ravi', attributes: { tier: 'gold' } }, headers: { 'Idempotency-Key': idem } });
    expect(first.status).toBe(201);
    const conflict = await api.post('/v1/contacts', { body: { phone: '+919811100003', first_name: 'Ravindra', attributes: { tier: 'gold' }, email: 'r@x.io' }, headers: { 'Idempotency-Key': idem } });
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('idempotency_key_reused');
    // pointers and this request's values only: the first request's values are never shown
    expect(conflict.body.diff).toEqual([
      { pointer: '/email', received: 'r@x.io' },
      { pointer: '/first_name', received: 'Ravindra' },
    ]);
    const otherOperation = await api.patch(`/v1/contacts/${first.body.id}`, { body: { first_name: 'Ravi' }, headers: { 'Idempotency-Key': idem } });
    expect(otherOperation.status).toBe(409);
    expect(otherOperation.body.detail).toContain('createContact');
    expect(await countByPhone('+919811100003')).toBe(1);
  });

  it('PATCH and DELETE are idempotent under a key too', async () => {
    const created = await api.post('/v1/contacts', { body: { phone: '+919811100004' } });
    const idem = randomUUID();
    const p1 = await api.patch(`/v1/contacts/${created.body.id}`, { body: { attributes: { visits: 1 } }, headers: { 'Idempotency-Key': idem } });
    const p2 = await api.patch(`/v1/contacts/${created.body.id}`, { body: { attributes: { visits: 1 } }, headers: { 'Idempotency-Key': idem } });
    expect(p2.text).toBe(p1.text);
    const delKey = randomUUID();
    const d1 = await api.delete(`/v1/contacts/${created.body.id}`, { headers: { 'Idempotency-Key': delKey } });
    const d2 = await api.delete(`/v1/contacts/${created.body.id}`, { headers: { 'Idempotency-Key': delKey } });
    expect([d1.status, d2.status]).toEqual([200, 200]);
    expect(d2.headers.get('idempotent-replayed')).toBe('true');
    const events = await sql<{ type: string }>(`select type from events where object_id = ? order by sequence`, [created.body.id]);
    expect(events.map((e) => e.type)).toEqual(['contact.created', 'contact.updated', 'contact.deleted']);
  });

  describe('with a worker that dies', () => {
    let isolated: Awaited<ReturnType<typeof privateStack>>;
    let iso: ReturnType<typeof client>;
    beforeAll(async () => {
      isolated = await privateStack('idem', { COMMAND_WAIT_MS: '2500' });
      iso = client(key, { baseUrl: isolated.apiUrl });
    });
    afterAll(() => isolated.close());

    it('replays a stored response after the worker restarts', async () => {
      const idem = randomUUID();
      const first = await iso.post('/v1/contacts', { body: { phone: '+919811100010' }, headers: { 'Idempotency-Key': idem } });
      expect(first.status).toBe(201);
      await isolated.killWorker();
      // no worker at all: the replay comes from PostgreSQL, not from Temporal
      const replay = await iso.post('/v1/contacts', { body: { phone: '+919811100010' }, headers: { 'Idempotency-Key': idem } });
      expect(replay.status).toBe(201);
      expect(replay.text).toBe(first.text);
      await isolated.startWorker();
      const afterRestart = await iso.post('/v1/contacts', { body: { phone: '+919811100010' }, headers: { 'Idempotency-Key': idem } });
      expect(afterRestart.text).toBe(first.text);
      expect(await countByPhone('+919811100010')).toBe(1);
    });

    it('answers 503 with Retry-After while the worker is down, and the retry after restart returns the contact exactly once', async () => {
      await isolated.killWorker();
      const idem = randomUUID();
      const body = { phone: '+919811100011', first_name: 'Patient' };
      const down = await iso.post('/v1/contacts', { body, headers: { 'Idempotency-Key': idem } });
      expect(down.status).toBe(503);
      expect(down.body.code).toBe('command_pending');
      expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(down.headers.get('idempotency-key')).toBe(idem);
      // a concurrent retry while the first is still pending is told to wait, not given a second contact
      const meanwhile = await iso.post('/v1/contacts', { body, headers: { 'Idempotency-Key': idem } });
      expect(meanwhile.status).toBe(409);
      expect(meanwhile.body.code).toBe('idempotency_in_progress');
      expect(await countByPhone('+919811100011')).toBe(0);

      await isolated.startWorker();
      const retried = await iso.post('/v1/contacts', { body, headers: { 'Idempotency-Key': idem } });
      expect(retried.status).toBe(201);
      expect(retried.body).toMatchObject({ phone: '+919811100011', first_name: 'Patient' });
      const again = await iso.post('/v1/contacts', { body, headers: { 'Idempotency-Key': idem } });
      expect(again.text).toBe(retried.text);
      expect(await countByPhone('+919811100011')).toBe(1);
    });
  });
});
