import { randomUUID } from 'node:crypto';
import { SIGNATURE_HEADER, signBody } from '../src/channels/signatures';
import { client, type ApiResponse } from './support/client';
import { phones } from './support/contacts';
import { expectProblem } from './support/operation-refusals';
import { privateStack } from './support/processes';
import { closeDb, db, newWorkspace, sql } from './support/stack';
import { waitFor } from './support/wait';

// POST /v1/contacts/{id}/merge: one command, one transaction, one contact.merged event.

jest.setTimeout(240_000);

let ws: Awaited<ReturnType<typeof newWorkspace>>;
let api: ReturnType<typeof client>;
let channel: { id: string; signing_secret: string };

const ITEMS = [{ sku: 'TEA', name: 'Tea', quantity: 1, unit_price: 100 }];

function inbound(from: string, text: string): Promise<ApiResponse> {
  const raw = JSON.stringify({ from, text, provider_message_id: `wamid.${randomUUID()}` });
  return client('').post(`/v1/channels/${channel.id}/inbound`, {
    key: null,
    rawBody: raw,
    headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signBody(channel.signing_secret, raw) },
  });
}

async function contact(body: Record<string, unknown>, tags: string[] = []): Promise<{ id: string; [k: string]: any }> {
  const res = await api.post('/v1/contacts', { body });
  expect(res.status).toBe(201);
  if (tags.length) expect((await api.post(`/v1/contacts/${res.body.id}/tags`, { body: { tags } })).status).toBe(200);
  return res.body;
}

async function order(contactId: string, metadata: Record<string, string> = {}): Promise<string> {
  const res = await api.post('/v1/orders', { body: { contact_id: contactId, currency: 'INR', items: ITEMS, metadata } });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function mergedEvents(survivorId: string): Promise<any[]> {
  const res = await api.get('/v1/events?type=contact.merged&limit=100');
  expect(res.status).toBe(200);
  return res.body.data.filter((e: { data: { object: { id: string } } }) => e.data.object.id === survivorId);
}

const count = async (query: string, params: unknown[]) => Number((await sql<{ n: string }>(query, params))[0].n);
const tagCount = async (name: string) => (await api.get(`/v1/tags/${name}`)).body.contact_count as number;

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
  const ch = await api.post('/v1/channels', { body: { name: 'sandbox', provider: 'sandbox' } });
  expect(ch.status).toBe(201);
  channel = ch.body;
});
afterAll(closeDb);

describe('contact merge', () => {
  it('moves conversations, messages, orders, tags and attributes to the survivor, whose values win, and leaves tombstones with merged_into', async () => {
    const [ps, p1] = phones(2);
    const n = randomUUID().slice(0, 8);
    const since = new Date(Date.now() - 1000).toISOString();
    const survivor = await contact({ phone: ps, first_name: 'Asha', attributes: { plan: 'pro', city: 'Pune' } }, ['vip']);
    const m1 = await contact({ phone: p1, email: `asha.${n}@example.com`, first_name: 'A.', last_name: 'Rao', external_id: `crm-${n}`, attributes: { plan: 'free', seats: 3 } }, ['vip', 'lead']);
    const m2 = await contact({ email: `rao.${n}@example.com`, attributes: { lang: 'hi', city: 'Mumbai' } }, ['beta']);
    expect((await api.post(`/v1/contacts/${m1.id}/opt-out`)).status).toBe(200);
    const channelB = (await api.post('/v1/channels', { body: { name: 'second', provider: 'sandbox' } })).body;

    // open conversations on one channel for the survivor and m1 (one must close), and m2's alone on another
    expect((await inbound(ps, 'hello from the survivor')).status).toBe(201);
    expect((await inbound(p1, 'hello from the duplicate')).status).toBe(201);
    expect((await inbound(p1, 'and again')).status).toBe(201);
    const m2Conversation = await api.post('/v1/conversations', { body: { contact_id: m2.id, channel_id: channelB.id } });
    expect(m2Conversation.status).toBe(201);
    const orders = [await order(m1.id, { note: 'first' }), await order(m2.id), await order(survivor.id)];
    const m1Conversation = (await api.get(`/v1/conversations?contact_id=${m1.id}`)).body.data[0];
    expect(m1Conversation.status).toBe('open');
    expect([await tagCount('vip'), await tagCount('lead'), await tagCount('beta')]).toEqual([2, 1, 1]);

    const res = await api.post(`/v1/contacts/${survivor.id}/merge`, { body: { from: [m1.id, m2.id] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: survivor.id,
      object: 'contact',
      phone: ps,
      // empty fields filled from the first contact of `from` that has them
      email: `asha.${n}@example.com`,
      first_name: 'Asha',
      last_name: 'Rao',
      external_id: `crm-${n}`,
      // the survivor's values win, then the earlier contact of `from`
      attributes: { plan: 'pro', city: 'Pune', seats: 3, lang: 'hi' },
      tags: ['beta', 'lead', 'vip'],
    });
    // an opt-out recorded on a merged contact still holds
    expect(res.body.opted_out_at).not.toBeNull();
    expect((await api.get(`/v1/contacts/${survivor.id}`)).body).toEqual(res.body);
    expect([await tagCount('vip'), await tagCount('lead'), await tagCount('beta')]).toEqual([1, 1, 1]);

    // everything of the merged contacts is the survivor's now
    for (const table of ['conversations', 'messages', 'orders', 'flow_runs']) {
      expect({ table, n: await count(`select count(*) as n from ${table} where workspace_id = ? and contact_id in (?, ?)`, [ws.workspaceId, m1.id, m2.id]) }).toEqual({ table, n: 0 });
    }
    const conversations = (await api.get(`/v1/conversations?contact_id=${survivor.id}&limit=100`)).body.data as { id: string; channel_id: string; status: string }[];
    expect(conversations).toHaveLength(3);
    const onA = conversations.filter((c) => c.channel_id === channel.id);
    expect(onA.filter((c) => c.status === 'open')).toHaveLength(1);
    expect(onA.find((c) => c.id === m1Conversation.id)!.status).toBe('closed');
    expect(conversations.find((c) => c.id === m2Conversation.body.id)!.status).toBe('open');
    const messages = await api.get(`/v1/messages?contact_id=${survivor.id}&limit=100`);
    expect(messages.body.data).toHaveLength(3);
    for (const id of orders) expect((await api.get(`/v1/orders/${id}`)).body.contact_id).toBe(survivor.id);
    const timeline = await api.get(`/v1/contacts/${survivor.id}/timeline?limit=100`);
    expect(timeline.status).toBe(200);

    // the merged contacts answer like deleted ones, naming the survivor
    for (const id of [m1.id, m2.id]) {
      const gone = await api.get(`/v1/contacts/${id}`);
      expectProblem(gone, 404, 'resource_missing');
      expect(gone.body.merged_into).toBe(survivor.id);
      expectProblem(await api.patch(`/v1/contacts/${id}`, { body: { first_name: 'X' } }), 404, 'resource_missing');
    }
    const sync = await api.get(`/v1/contacts?updated_since=${encodeURIComponent(since)}&sort=updated_at&limit=100`);
    expect(sync.status).toBe(200);
    const tombstones = sync.body.data.filter((c: { id: string }) => c.id === m1.id || c.id === m2.id);
    expect(tombstones).toHaveLength(2);
    for (const t of tombstones) expect(Object.keys(t).sort()).toEqual(['created_at', 'deleted', 'id', 'livemode', 'merged_into', 'object', 'updated_at']);
    expect(tombstones.every((t: { merged_into: string; deleted: boolean }) => t.merged_into === survivor.id && t.deleted)).toBe(true);
    // without updated_since a list shows live contacts only
    const live = await api.get('/v1/contacts?limit=100');
    expect(live.body.data.map((c: { id: string }) => c.id)).not.toContain(m1.id);

    // a tombstone keeps its phone and email (for purges) and nothing else personal
    const [row] = await sql<Record<string, unknown>>(
      `select phone, email, first_name, last_name, external_id, attributes, tags, opted_in_at, opted_out_at, consent_source, merged_into, deleted_at from contacts where id = ?`,
      [m1.id],
    );
    expect(row).toMatchObject({ phone: p1, email: `asha.${n}@example.com`, first_name: null, last_name: null, external_id: null, attributes: {}, tags: [], opted_out_at: null, merged_into: survivor.id });
    expect(row.deleted_at).not.toBeNull();

    // exactly one event, on the survivor, naming what was merged and what changed
    const events = await mergedEvents(survivor.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'contact.merged', request_id: res.headers.get('request-id'), data: { merged_from: [m1.id, m2.id], object: { id: survivor.id, tags: ['beta', 'lead', 'vip'] } } });
    expect(events[0].data.previous_attributes).toMatchObject({ email: null, last_name: null, external_id: null, tags: ['vip'], attributes: { plan: 'pro', city: 'Pune' } });
    expect(await count(`select count(*) as n from events where workspace_id = ? and object_id in (?, ?) and created_at >= ?`, [ws.workspaceId, m1.id, m2.id, new Date(Date.parse(res.body.updated_at))])).toBe(0);
  });

  it('keeps the newest contact\'s attribute values with attributes: newest', async () => {
    const survivor = await contact({ phone: phones(1)[0], attributes: { plan: 'pro', city: 'Pune' } });
    const older = await contact({ phone: phones(1)[0], attributes: { plan: 'basic', seats: 1 } });
    const newer = await contact({ phone: phones(1)[0], attributes: { plan: 'enterprise' } });
    const res = await api.post(`/v1/contacts/${survivor.id}/merge`, { body: { from: [newer.id, older.id], attributes: 'newest' } });
    expect(res.status).toBe(200);
    expect(res.body.attributes).toEqual({ plan: 'enterprise', city: 'Pune', seats: 1 });
    expect(res.body.phone).toBe(survivor.phone);
  });

  it('refuses bad requests with pointers: bounds, self, unknown, deleted and already merged contacts, other workspaces', async () => {
    const survivor = await contact({ phone: phones(1)[0] });
    const other = await contact({ phone: phones(1)[0] });
    const path = `/v1/contacts/${survivor.id}/merge`;
    const many = Array.from({ length: 11 }, (_, i) => `ctc_${String(i).padStart(26, '0')}`);
    for (const body of [{}, { from: [] }, { from: many }, { from: [other.id, other.id] }, { from: ['not-an-id'] }, { from: [other.id], attributes: 'oldest' }, { from: [other.id], extra: 1 }]) {
      const res = await api.post(path, { body });
      expectProblem(res, 400, 'invalid_request');
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
    const self = await api.post(path, { body: { from: [other.id, survivor.id] } });
    expectProblem(self, 422, 'contact_merge_into_self');
    expect(self.body.errors).toEqual([expect.objectContaining({ pointer: '/from/1', code: 'contact_merge_into_self' })]);

    const deleted = await contact({ phone: phones(1)[0] });
    expect((await api.delete(`/v1/contacts/${deleted.id}`)).status).toBe(200);
    const merged = await contact({ phone: phones(1)[0] });
    const into = await contact({ phone: phones(1)[0] });
    expect((await api.post(`/v1/contacts/${into.id}/merge`, { body: { from: [merged.id] } })).status).toBe(200);
    const foreignWs = await newWorkspace();
    const foreign = (await client(foreignWs.key).post('/v1/contacts', { body: { phone: phones(1)[0], first_name: 'Theirs' } })).body;
    const unknown = 'ctc_00000000000000000000000000';

    const missing = await api.post(path, { body: { from: [other.id, unknown, deleted.id, merged.id, foreign.id] } });
    expectProblem(missing, 422, 'contact_not_found');
    expect(missing.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/from/1', '/from/2', '/from/3', '/from/4']);
    expect(missing.body.errors[2].message).toContain(into.id);
    // nothing was written: the other contact is live and untouched, the foreign one too
    expect((await api.get(`/v1/contacts/${other.id}`)).body).toEqual(other);
    expect((await client(foreignWs.key).get(`/v1/contacts/${foreign.id}`)).body).toEqual(foreign);

    // the survivor must be a live contact of this workspace
    expectProblem(await api.post(`/v1/contacts/${unknown}/merge`, { body: { from: [other.id] } }), 404, 'resource_missing');
    expectProblem(await api.post(`/v1/contacts/${foreign.id}/merge`, { body: { from: [other.id] } }), 404, 'resource_missing');
    expectProblem(await client(foreignWs.key).post(`/v1/contacts/${foreign.id}/merge`, { body: { from: [other.id] } }), 422, 'contact_not_found');
    const intoMerged = await api.post(`/v1/contacts/${merged.id}/merge`, { body: { from: [other.id] } });
    expectProblem(intoMerged, 404, 'resource_missing');
    expect(intoMerged.body.merged_into).toBe(into.id);
    expect((await api.get(`/v1/contacts/${other.id}`)).body).toEqual(other);

    // a key without contacts:write
    const reader = await ws.keyWith(['contacts:read']);
    expectProblem(await client(reader.key).post(path, { body: { from: [other.id] } }), 403, 'insufficient_scope');
  });

  it('replays a merge under its Idempotency-Key and refuses the key for another merge', async () => {
    const survivor = await contact({ phone: phones(1)[0] }, ['replay']);
    const a = await contact({ phone: phones(1)[0], first_name: 'Ana' }, ['replay']);
    const b = await contact({ phone: phones(1)[0] });
    const key = randomUUID();
    const first = await api.post(`/v1/contacts/${survivor.id}/merge`, { body: { from: [a.id] }, headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(200);
    const again = await api.post(`/v1/contacts/${survivor.id}/merge`, { body: { from: [a.id] }, headers: { 'Idempotency-Key': key } });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);
    const reused = await api.post(`/v1/contacts/${survivor.id}/merge`, { body: { from: [b.id] }, headers: { 'Idempotency-Key': key } });
    expectProblem(reused, 409, 'idempotency_key_reused');
    expect(reused.body.diff.map((d: { pointer: string }) => d.pointer)).toContain('/from');
    expect(await mergedEvents(survivor.id)).toHaveLength(1);
    expect(await tagCount('replay')).toBe(1);
    expect((await api.get(`/v1/contacts/${b.id}`)).status).toBe(200);
    // a second merge with a new key is a new request: the merged contact is gone
    const twice = await api.post(`/v1/contacts/${survivor.id}/merge`, { body: { from: [a.id] } });
    expectProblem(twice, 422, 'contact_not_found');
  });

  it('refuses a merge that names a person being purged (409 subject_being_purged), either side', async () => {
    const fenced = phones(1)[0];
    // a purge of a phone no contact carries completes at once and keeps the phone's keyed hash
    const purge = await api.post('/v1/privacy/purges', { body: { phone: fenced } });
    expect(purge.status).toBe(202);
    const done = await waitFor(() => api.get(`/v1/privacy/purges/${purge.body.id}`), (r) => r.body.status !== 'running', 120_000);
    expect(done.body.status).not.toBe('failed');
    const person = await contact({ phone: fenced, first_name: 'Fenced' });
    const survivor = await contact({ phone: phones(1)[0] });
    // the same subject being purged again: its fence, as a running purge holds it
    const fenceId = `prg_merge_fence_${randomUUID().slice(0, 8)}`;
    await sql(`insert into privacy_fences (workspace_id, subject_hash, purge_id, created_at) select workspace_id, unnest(subject_hashes), ?, now() from privacy_purges where id = ?`, [fenceId, purge.body.id]);
    try {
      expectProblem(await api.post(`/v1/contacts/${survivor.id}/merge`, { body: { from: [person.id] } }), 409, 'subject_being_purged');
      expectProblem(await api.post(`/v1/contacts/${person.id}/merge`, { body: { from: [survivor.id] } }), 409, 'subject_being_purged');
    } finally {
      await sql(`delete from privacy_fences where purge_id = ?`, [fenceId]);
    }
    expect((await api.get(`/v1/contacts/${person.id}`)).body).toEqual(person);
    expect((await api.get(`/v1/contacts/${survivor.id}`)).body).toEqual(survivor);
    expect(await mergedEvents(survivor.id)).toHaveLength(0);
  });

  it('purges follow merges: a purge of the survivor covers the tombstones, one naming a merged contact\'s old phone finds the survivor', async () => {
    const n = randomUUID().slice(0, 8);
    // the survivor named by id
    {
      const [ps, pm] = phones(2);
      const survivor = await contact({ phone: ps, first_name: 'Meera' });
      const merged = await contact({ phone: pm, email: `meera.${n}@example.com`, last_name: 'Iyer' });
      expect((await inbound(pm, `call me on ${pm}`)).status).toBe(201);
      expect((await api.post(`/v1/contacts/${survivor.id}/merge`, { body: { from: [merged.id] } })).status).toBe(200);
      const purge = await api.post('/v1/privacy/purges', { body: { contact_id: survivor.id } });
      expect(purge.status).toBe(202);
      const done = await waitFor(() => api.get(`/v1/privacy/purges/${purge.body.id}`), (r) => r.body.status !== 'running', 120_000);
      expect(done.body.status).not.toBe('failed');
      const rows = await sql<Record<string, unknown>>(`select id, phone, email, first_name, last_name, deleted_at from contacts where id in (?, ?) order by id`, [survivor.id, merged.id]);
      expect(rows).toHaveLength(2);
      for (const r of rows) expect(r).toMatchObject({ phone: null, email: null, first_name: null, last_name: null });
      expect(await count(`select count(*) as n from messages where workspace_id = ? and (contact_id in (?, ?) or text like ?)`, [ws.workspaceId, survivor.id, merged.id, `%${pm}%`])).toBe(0);
      expect(await count(`select count(*) as n from events where workspace_id = ? and (data::text like ? or data::text like ?)`, [ws.workspaceId, `%${pm}%`, `%meera.${n}%`])).toBe(0);
    }
    // a merged contact's old phone, which the survivor never carried
    {
      const [ps, pm] = phones(2);
      const survivor = await contact({ phone: ps, email: `ravi.${n}@example.com`, first_name: 'Ravi' });
      const merged = await contact({ phone: pm });
      expect((await inbound(pm, 'from the old number')).status).toBe(201);
      const orderId = await order(merged.id, { ship_to: '12 MG Road' });
      expect((await api.post(`/v1/contacts/${survivor.id}/merge`, { body: { from: [merged.id] } })).status).toBe(200);
      expect((await api.get(`/v1/contacts/${survivor.id}`)).body.phone).toBe(ps);
      const purge = await api.post('/v1/privacy/purges', { body: { phone: pm } });
      expect(purge.status).toBe(202);
      const done = await waitFor(() => api.get(`/v1/privacy/purges/${purge.body.id}`), (r) => r.body.status !== 'running', 120_000);
      expect(done.body.status).not.toBe('failed');
      expect((await api.get(`/v1/contacts/${survivor.id}`)).status).toBe(404);
      const rows = await sql<Record<string, unknown>>(`select phone, email, first_name from contacts where id in (?, ?)`, [survivor.id, merged.id]);
      for (const r of rows) expect(r).toEqual({ phone: null, email: null, first_name: null });
      expect(await count(`select count(*) as n from messages where workspace_id = ? and contact_id = ?`, [ws.workspaceId, survivor.id])).toBe(0);
      expect((await api.get(`/v1/orders/${orderId}`)).body.metadata).toEqual({});
    }
  });

  describe('under a worker SIGKILL', () => {
    let isolated: Awaited<ReturnType<typeof privateStack>>;
    beforeAll(async () => {
      isolated = await privateStack('merge', { COMMAND_WAIT_MS: '2500' });
    });
    afterAll(() => isolated?.close());

    it('merges exactly once when the worker dies inside the merge\'s transaction', async () => {
      const iso = client(ws.key, { baseUrl: isolated.apiUrl });
      const survivor = await contact({ phone: phones(1)[0] }, ['crash']);
      const merged = await contact({ phone: phones(1)[0], first_name: 'Kiran' }, ['crash']);
      expect((await inbound(merged.phone, 'before the crash')).status).toBe(201);
      const orderId = await order(merged.id);

      // a lock on the merged contact holds the merge inside its transaction (it holds its command's row by then)
      const orm = await db();
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let holderPid = 0;
      const holding = orm.em.fork().transactional(async (em) => {
        holderPid = (await em.execute<{ pid: number }[]>('select pg_backend_pid() as pid'))[0].pid;
        await em.execute('select 1 from contacts where id = ? for update', [merged.id]);
        await released;
      });
      await waitFor(async () => holderPid, (pid) => pid > 0, 10_000, 20);

      const key = randomUUID();
      const body = { from: [merged.id] };
      const pending = iso.post(`/v1/contacts/${survivor.id}/merge`, { body, headers: { 'Idempotency-Key': key } });
      const blocked = await waitFor(
        () => count(`select count(*) as n from pg_stat_activity where ? = any(pg_blocking_pids(pid))`, [holderPid]),
        (n) => n > 0,
        60_000,
        50,
      );
      expect(blocked).toBeGreaterThan(0);
      await isolated.killWorker();
      const during = await pending;
      expect([409, 503]).toContain(during.status);
      release();
      await holding;

      // nothing of the merge committed
      expect((await api.get(`/v1/contacts/${merged.id}`)).status).toBe(200);
      expect(await mergedEvents(survivor.id)).toHaveLength(0);

      await isolated.startWorker();
      const done = await waitFor(() => iso.post(`/v1/contacts/${survivor.id}/merge`, { body, headers: { 'Idempotency-Key': key } }), (r) => r.status === 200, 120_000, 500);
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ id: survivor.id, first_name: 'Kiran', tags: ['crash'] });
      expect(await mergedEvents(survivor.id)).toHaveLength(1);
      expect(await tagCount('crash')).toBe(1);
      expect(await count(`select count(*) as n from messages where workspace_id = ? and contact_id = ?`, [ws.workspaceId, survivor.id])).toBe(1);
      expect(await count(`select count(*) as n from messages where workspace_id = ? and contact_id = ?`, [ws.workspaceId, merged.id])).toBe(0);
      expect((await api.get(`/v1/orders/${orderId}`)).body.contact_id).toBe(survivor.id);
      const gone = await api.get(`/v1/contacts/${merged.id}`);
      expect(gone.body.merged_into).toBe(survivor.id);
      const replay = await iso.post(`/v1/contacts/${survivor.id}/merge`, { body, headers: { 'Idempotency-Key': key } });
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.text).toBe(done.text);
      expect(await mergedEvents(survivor.id)).toHaveLength(1);
    });
  });
});
