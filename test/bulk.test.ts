import { randomUUID } from 'node:crypto';
import { client, type ApiResponse } from './support/client';
import { jobResults } from './support/contacts';
import { expectProblem } from './support/operation-refusals';
import { privateStack } from './support/processes';
import { closeDb, newWorkspace, sql } from './support/stack';
import { waitFor } from './support/wait';

afterAll(closeDb);

// a fresh block of phone numbers per call, so suites and reruns never collide
let nextPhone = 9_700_000_000 + Math.floor(Math.random() * 90_000_000);
const phones = (n: number) => Array.from({ length: n }, () => `+91${nextPhone++}`);

const countContacts = async (workspaceId: string) =>
  Number((await sql<{ n: string }>(`select count(*) as n from contacts where workspace_id = ?`, [workspaceId]))[0].n);
const countEvents = async (workspaceId: string, type: string) =>
  Number((await sql<{ n: string }>(`select count(*) as n from events where workspace_id = ? and type = ?`, [workspaceId, type]))[0].n);

type Result = { index: number; status: number; id: string | null; error: { code: string; errors?: { pointer: string }[] } | null };

/** Every result page of a job, in input order. */
const allResults = (api: ReturnType<typeof client>, jobId: string) => jobResults<Result>(api, jobId);

describe('POST /v1/contacts/bulk', () => {
  let api: ReturnType<typeof client>;
  let workspaceId: string;
  beforeAll(async () => {
    const ws = await newWorkspace();
    workspaceId = ws.workspaceId;
    api = client(ws.key);
  });

  it('applies 997 of 1,000 contacts and answers the 3 invalid ones with pointers into the request', async () => {
    const items: Record<string, unknown>[] = phones(1000).map((phone, i) => ({ phone, first_name: `Bulk${i}`, external_id: `bulk-a-${i}` }));
    items[17] = { ...items[17], phone: '12345' };
    items[500] = { ...items[500], nickname: 'x' };
    items[999] = { first_name: 'Nobody' };
    const res = await api.post('/v1/contacts/bulk', { body: { items } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'bulk_job', operation: 'bulkUpsertContacts', status: 'completed', total: 1000, processed: 1000, succeeded: 997, failed: 3 });
    const results = res.body.results as Result[];
    expect(results.map((r) => r.index)).toEqual(items.map((_, i) => i));
    expect(results.filter((r) => r.status === 201)).toHaveLength(997);
    const failed = results.filter((r) => r.status !== 201);
    expect(failed.map((r) => [r.index, r.status, r.error?.code])).toEqual([
      [17, 400, 'invalid_request'],
      [500, 400, 'invalid_request'],
      [999, 400, 'invalid_request'],
    ]);
    expect(failed[0].error!.errors!.map((e) => e.pointer)).toEqual(['/items/17/phone']);
    expect(failed[1].error!.errors!.map((e) => e.pointer)).toEqual(['/items/500/nickname']);
    expect(failed[2].error!.errors!.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/items/999/phone', '/items/999/external_id']));
    expect(failed.every((r) => r.id === null)).toBe(true);
    expect(await countContacts(workspaceId)).toBe(997);
    // the same events as 997 single creates
    expect(await countEvents(workspaceId, 'contact.created')).toBe(997);
    const one = await api.get(`/v1/contacts/${results[3].id}`);
    expect(one.body).toMatchObject({ phone: items[3].phone, first_name: 'Bulk3', external_id: 'bulk-a-3' });

    // the job and its pages say the same
    const job = await api.get(`/v1/bulk-jobs/${res.body.id}`);
    expect(job.status).toBe(200);
    const { results: _r, ...summary } = res.body;
    expect(job.body).toEqual(summary);
    expect(await allResults(api, res.body.id)).toEqual(results);
  });

  it('updates contacts matched on external_id or phone (200, contact.updated), and leaves unchanged ones without an event', async () => {
    const [p1, p2, p3, p4] = phones(4);
    const first = await api.post('/v1/contacts/bulk', { body: { items: [{ phone: p1, first_name: 'A' }, { phone: p2, external_id: 'upd-2', first_name: 'B' }] } });
    expect(first.body.results.map((r: Result) => r.status)).toEqual([201, 201]);
    const updatesBefore = await countEvents(workspaceId, 'contact.updated');
    const second = await api.post('/v1/contacts/bulk', {
      body: { items: [{ phone: p1, first_name: 'A2' }, { external_id: 'upd-2', phone: p3 }, { phone: p4, external_id: 'upd-new' }] },
    });
    expect(second.status).toBe(200);
    expect(second.body.results.map((r: Result) => r.status)).toEqual([200, 200, 201]);
    expect(second.body.results[0].id).toBe(first.body.results[0].id);
    expect(second.body.results[1].id).toBe(first.body.results[1].id);
    expect((await api.get(`/v1/contacts/${first.body.results[1].id}`)).body).toMatchObject({ phone: p3, first_name: 'B' });
    expect(await countEvents(workspaceId, 'contact.updated')).toBe(updatesBefore + 2);
    // nothing changes: 200 and no event
    const same = await api.post('/v1/contacts/bulk', { body: { items: [{ phone: p1, first_name: 'A2' }] } });
    expect(same.body.results[0]).toMatchObject({ status: 200, id: first.body.results[0].id, error: null });
    expect(await countEvents(workspaceId, 'contact.updated')).toBe(updatesBefore + 2);
  });

  it('refuses a later item repeating an earlier item’s phone or external_id as 422 duplicate_in_request', async () => {
    const [a, b, c] = phones(3);
    const res = await api.post('/v1/contacts/bulk', {
      body: { items: [{ phone: a, first_name: 'First' }, { phone: a, first_name: 'Second' }, { external_id: 'dup-1', phone: b }, { external_id: 'dup-1', phone: c }] },
    });
    expect(res.status).toBe(200);
    const results = res.body.results as Result[];
    expect(results.map((r) => r.status)).toEqual([201, 422, 201, 422]);
    expect(results[1].error).toMatchObject({ code: 'duplicate_in_request', status: 422, errors: [{ pointer: '/items/1/phone', code: 'duplicate_in_request' }] });
    expect(results[3].error).toMatchObject({ code: 'duplicate_in_request', errors: [{ pointer: '/items/3/external_id' }] });
    expect((await api.get(`/v1/contacts/${results[0].id}`)).body.first_name).toBe('First');
    const byC = await sql(`select 1 from contacts where workspace_id = ? and phone = ?`, [workspaceId, c]);
    expect(byC).toHaveLength(0);
  });

  it('answers a phone held by another contact as the single create would: 422 with existing_id', async () => {
    const [p] = phones(1);
    const held = await api.post('/v1/contacts', { body: { phone: p, external_id: 'holder-1' } });
    const res = await api.post('/v1/contacts/bulk', { body: { items: [{ external_id: 'other-1', phone: p }] } });
    expect(res.body.results[0]).toMatchObject({ index: 0, status: 422, id: held.body.id, error: { code: 'contact_phone_taken', existing_id: held.body.id, errors: [{ pointer: '/items/0/phone' }] } });
  });

  it('refuses a malformed request as a whole with 400 and touches nothing', async () => {
    const before = await countContacts(workspaceId);
    const tooMany = await api.post('/v1/contacts/bulk', { body: { items: phones(1001).map((phone) => ({ phone })) } });
    expectProblem(tooMany, 400, 'invalid_request');
    expect(tooMany.body.errors[0].pointer).toBe('/items');
    expectProblem(await api.post('/v1/contacts/bulk', { body: { items: { phone: '+919800000000' } } }), 400, 'invalid_request');
    expectProblem(await api.post('/v1/contacts/bulk', { body: [{ phone: '+919800000000' }] }), 400, 'invalid_request');
    expectProblem(await api.post('/v1/contacts/bulk', { body: { items: [] } }), 400, 'invalid_request');
    expect(await countContacts(workspaceId)).toBe(before);
    expect(await sql(`select 1 from bulk_jobs where workspace_id = ? and total > 1000`, [workspaceId])).toHaveLength(0);
  });

  it('takes `name` on each item in API version 2025-06-01, split as the single create splits it', async () => {
    const [p1, p2] = phones(2);
    const old = { 'Api-Version': '2025-06-01' };
    const res = await api.post('/v1/contacts/bulk', { body: { items: [{ phone: p1, name: 'Meera Iyer Nair' }, { phone: p2, name: 'Arjun' }] }, headers: old });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: Result) => r.status)).toEqual([201, 201]);
    const first = await api.get(`/v1/contacts/${res.body.results[0].id}`);
    expect(first.body).toMatchObject({ first_name: 'Meera', last_name: 'Iyer Nair' });
    const second = await api.get(`/v1/contacts/${res.body.results[1].id}`, { headers: old });
    expect(second.body).toMatchObject({ name: 'Arjun' });
    expect(second.body).not.toHaveProperty('first_name');
    // the new fields do not exist in the old version; the refusal points at the item
    const refused = await api.post('/v1/contacts/bulk', { body: { items: [{ phone: phones(1)[0], first_name: 'X' }] }, headers: old });
    expectProblem(refused, 400, 'invalid_request');
    expect(refused.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/items/0/first_name']);
  });

  it('replays the same result for the same key, and refuses the key for another request', async () => {
    const idem = randomUUID();
    const body = { items: phones(5).map((phone) => ({ phone })) };
    const first = await api.post('/v1/contacts/bulk', { body, headers: { 'Idempotency-Key': idem } });
    const again = await api.post('/v1/contacts/bulk', { body, headers: { 'Idempotency-Key': idem } });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);
    const other = await api.post('/v1/contacts/bulk', { body: { items: [body.items[0]] }, headers: { 'Idempotency-Key': idem } });
    expectProblem(other, 409, 'idempotency_key_reused');
  });

  it('runs two overlapping bulk jobs at once without a deadlock: each contact is created once and updated by the other', async () => {
    const ws = await newWorkspace();
    const api2 = client(ws.key);
    const shared = phones(400);
    const a = [...phones(200), ...shared].map((phone) => ({ phone, first_name: 'A' }));
    const b = [...[...shared].reverse(), ...phones(200)].map((phone) => ({ phone, first_name: 'B' }));
    const [ra, rb] = await Promise.all([api2.post('/v1/contacts/bulk', { body: { items: a } }), api2.post('/v1/contacts/bulk', { body: { items: b } })]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    expect(ra.body.failed + rb.body.failed).toBe(0);
    expect(await countContacts(ws.workspaceId)).toBe(800);
    const created = [...ra.body.results, ...rb.body.results].filter((r: Result) => r.status === 201).length;
    expect(created).toBe(800);
    expect(await countEvents(ws.workspaceId, 'contact.created')).toBe(800);
  });
});

describe('POST /v1/tags/bulk', () => {
  it('adds and removes tags by contact id, external_id or phone, one change and the single operations’ events per item', async () => {
    const ws = await newWorkspace();
    const api = client(ws.key);
    const [p0, p1, p2, unknown] = phones(4);
    const made = await api.post('/v1/contacts/bulk', { body: { items: [{ phone: p0 }, { phone: p1, external_id: 'tag-ext-1' }, { phone: p2 }] } });
    const [id0, id1, id2] = made.body.results.map((r: Result) => r.id);
    const res = await api.post('/v1/tags/bulk', {
      body: {
        items: [
          { contact_id: id0, add: ['VIP', 'gold'] },
          { external_id: 'tag-ext-1', add: ['vip'] },
          { phone: p2, remove: ['vip'] },
          { phone: unknown, add: ['x'] },
          { contact_id: id0, add: ['more'] },
          { external_id: 'tag-ext-1', phone: p1, add: ['y'] },
        ],
      },
    });
    expect(res.status).toBe(200);
    const results = res.body.results as Result[];
    expect(results.map((r) => [r.status, r.error?.code ?? null])).toEqual([
      [200, null],
      [200, null],
      [404, 'tag_not_on_contact'],
      [404, 'resource_missing'],
      [422, 'duplicate_in_request'],
      [400, 'invalid_request'],
    ]);
    expect(results[2].error!.errors![0].pointer).toBe('/items/2/remove');
    expect(results[3].error!.errors![0].pointer).toBe('/items/3/phone');
    expect(results[4].error!.errors![0].pointer).toBe('/items/4/contact_id');
    expect((await api.get(`/v1/contacts/${id0}`)).body.tags).toEqual(['gold', 'vip']);
    expect((await api.get(`/v1/contacts/${id1}`)).body.tags).toEqual(['vip']);
    expect((await api.get(`/v1/contacts/${id2}`)).body.tags).toEqual([]);
    expect((await api.get('/v1/tags/vip')).body.contact_count).toBe(2);
    expect(await countEvents(ws.workspaceId, 'tag.created')).toBe(2);
    expect(await countEvents(ws.workspaceId, 'contact.updated')).toBe(2);

    const again = await api.post('/v1/tags/bulk', { body: { items: [{ contact_id: id0, remove: ['vip'], add: ['silver'] }] } });
    expect(again.body.results[0]).toMatchObject({ status: 200, id: id0 });
    expect((await api.get(`/v1/contacts/${id0}`)).body.tags).toEqual(['gold', 'silver']);
    expect((await api.get('/v1/tags/vip')).body.contact_count).toBe(1);
    expect(await countEvents(ws.workspaceId, 'contact.updated')).toBe(3);
  });

  it('runs two bulk tag jobs over the same contacts and tags at once without a deadlock', async () => {
    const ws = await newWorkspace();
    const api = client(ws.key);
    const made = await api.post('/v1/contacts/bulk', { body: { items: phones(300).map((phone) => ({ phone })) } });
    const ids: string[] = made.body.results.map((r: Result) => r.id);
    const a = ids.map((contact_id, i) => ({ contact_id, add: [`t${i % 7}`, `u${i % 5}`] }));
    const b = [...ids].reverse().map((contact_id, i) => ({ contact_id, add: [`u${i % 5}`, `t${i % 3}`] }));
    const [ra, rb] = await Promise.all([api.post('/v1/tags/bulk', { body: { items: a } }), api.post('/v1/tags/bulk', { body: { items: b } })]);
    expect([ra.status, rb.status, ra.body.failed, rb.body.failed]).toEqual([200, 200, 0, 0]);
    const counts = await sql<{ name: string; contact_count: number }>(`select name, contact_count from tags where workspace_id = ?`, [ws.workspaceId]);
    const live = await sql<{ name: string; n: string }>(`select t as name, count(*) as n from contacts, unnest(tags) t where workspace_id = ? group by t`, [ws.workspaceId]);
    expect(Object.fromEntries(counts.map((c) => [c.name, Number(c.contact_count)]))).toEqual(Object.fromEntries(live.map((l) => [l.name, Number(l.n)])));
  });
});


describe('POST /v1/messages/bulk', () => {
  it('queues each item as a single send would, refuses per item, delivers each message once, and replays without sending twice', async () => {
    const ws = await newWorkspace();
    const api = client(ws.key);
    const channel = await api.post('/v1/channels', { body: { name: 'broadcast', provider: 'sandbox' } });
    expect(channel.status).toBe(201);
    const template = await api.post('/v1/templates', { body: { name: `otp_${Date.now().toString(36)}`, language: 'en', category: 'utility', body: 'Hi {{1}}, your code is {{2}}.' } });
    expect(template.status).toBe(201);
    const [pOpen, pNew, pById, pOut, pShort, pNobody] = phones(6);
    const contact = async (phone: string) => (await api.post('/v1/contacts', { body: { phone, first_name: 'Bulk' } })).body.id as string;
    const [cOpen, cNew, cById, cOut, cShort] = [await contact(pOpen), await contact(pNew), await contact(pById), await contact(pOut), await contact(pShort)];
    const conversation = await api.post('/v1/conversations', { body: { contact_id: cOpen, channel_id: channel.body.id } });
    expect(conversation.status).toBe(201);
    expect((await api.post(`/v1/contacts/${cOut}/opt-out`, {})).status).toBe(200);

    const send = { channel_id: channel.body.id, template_id: template.body.id };
    const items = [
      { contact_id: cOpen, ...send, parameters: ['Asha', '1'] },
      { phone: pNew, ...send, parameters: ['Ravi', '2'] },
      { phone: pNobody, ...send, parameters: ['Nobody', '3'] },
      { contact_id: cShort, ...send, parameters: ['Short'] },
      { contact_id: cOut, ...send, parameters: ['Out', '5'] },
      { contact_id: cById, ...send, parameters: ['Kiran', '6'] },
      { contact_id: cOpen, ...send, parameters: ['Again', '7'] },
      { contact_id: cById, channel_id: channel.body.id, text: 'free-form' },
    ];
    const idem = randomUUID();
    const res = await api.post('/v1/messages/bulk', { body: { items }, headers: { 'Idempotency-Key': idem } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'bulk_job', operation: 'bulkCreateMessages', status: 'completed', total: 8, succeeded: 3, failed: 5 });
    const results = res.body.results as Result[];
    expect(results.map((r) => [r.index, r.status, r.error?.code ?? null])).toEqual([
      [0, 201, null],
      [1, 201, null],
      [2, 422, 'contact_not_found'],
      [3, 422, 'template_parameters_mismatch'],
      [4, 422, 'contact_opted_out'],
      [5, 201, null],
      [6, 422, 'duplicate_in_request'],
      [7, 400, 'invalid_request'],
    ]);
    expect(results[2].error!.errors!.map((e) => e.pointer)).toEqual(['/items/2/phone']);
    expect(results[6].error!.errors!.map((e) => e.pointer)).toEqual(['/items/6/contact_id']);
    const queued = [results[0], results[1], results[5]].map((r) => r.id!);
    expect(queued.every((id) => /^msg_/.test(id))).toBe(true);

    // the open conversation is reused, the others are opened; a refused item opens none
    const first = await api.get(`/v1/messages/${queued[0]}`);
    expect(first.body).toMatchObject({ conversation_id: conversation.body.id, type: 'template', text: 'Hi Asha, your code is 1.' });
    const opened = await sql<{ contact_id: string }>(`select contact_id from conversations where workspace_id = ? order by contact_id`, [ws.workspaceId]);
    expect(opened.map((c) => c.contact_id).sort()).toEqual([cOpen, cNew, cById].sort());
    expect(await countEvents(ws.workspaceId, 'conversation.created')).toBe(3);
    expect(await countEvents(ws.workspaceId, 'message.queued')).toBe(3);

    for (const id of queued) {
      const read = await waitFor(() => api.get(`/v1/messages/${id}`), (r) => r.body.status === 'read');
      expect(read.body.status).toBe('read');
    }
    const sentPer = async () =>
      sql<{ object_id: string; n: string }>(`select object_id, count(*) as n from events where workspace_id = ? and type = 'message.sent' group by object_id order by object_id`, [ws.workspaceId]);
    expect((await sentPer()).map((r) => [r.object_id, Number(r.n)])).toEqual([...queued].sort().map((id) => [id, 1]));

    const again = await api.post('/v1/messages/bulk', { body: { items }, headers: { 'Idempotency-Key': idem } });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(res.text);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await sentPer()).map((r) => [r.object_id, Number(r.n)])).toEqual([...queued].sort().map((id) => [id, 1]));
    expect(await countEvents(ws.workspaceId, 'message.queued')).toBe(3);
  });
});

describe('long bulk jobs', () => {
  let stackB: Awaited<ReturnType<typeof privateStack>>;
  let api: ReturnType<typeof client>;
  let workspaceId: string;
  beforeAll(async () => {
    const ws = await newWorkspace();
    workspaceId = ws.workspaceId;
    // small chunks make the job long enough to kill its worker in the middle
    stackB = await privateStack('bulk', { BULK_SYNC_WAIT_MS: '150', BULK_CHUNK_SIZE: '25' });
    api = client(ws.key, { baseUrl: stackB.apiUrl });
  });
  afterAll(() => stackB.close());

  async function untilDone(idem: string, body: unknown): Promise<ApiResponse> {
    for (let i = 0; i < 240; i++) {
      const res = await api.post('/v1/contacts/bulk', { body, headers: { 'Idempotency-Key': idem } });
      if (res.status === 200) return res;
      expect([202, 503]).toContain(res.status);
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the bulk job did not finish');
  }

  it('answers 202 with the job past the synchronous bound; the job is polled until done', async () => {
    const items = phones(1000).map((phone, i) => ({ phone, first_name: `Slow${i}` }));
    const res = await api.post('/v1/contacts/bulk', { body: { items } });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ object: 'bulk_job', status: 'running', total: 1000 });
    expect(res.headers.get('location')).toBe(`/v1/bulk-jobs/${res.body.id}`);
    let job = res.body;
    for (let i = 0; i < 200 && job.status !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await api.get(`/v1/bulk-jobs/${res.body.id}`)).body;
      expect(job.processed).toBeLessThanOrEqual(1000);
    }
    expect(job).toMatchObject({ status: 'completed', processed: 1000, succeeded: 1000, failed: 0 });
    const results = await allResults(api, res.body.id);
    expect(results.map((r) => r.status)).toEqual(Array(1000).fill(201));
    // the same key now returns the final result
    const final = await untilDone(res.headers.get('idempotency-key')!, { items });
    expect(final.body.results).toEqual(results);
  });

  it('applies each item exactly once when the worker is killed mid-job and the request is resent', async () => {
    const ws = await newWorkspace();
    const api3 = client(ws.key, { baseUrl: stackB.apiUrl });
    const idem = randomUUID();
    const items = phones(1000).map((phone, i) => ({ phone, first_name: `Kill${i}`, external_id: `kill-${i}` }));
    const first = await api3.post('/v1/contacts/bulk', { body: { items }, headers: { 'Idempotency-Key': idem } });
    expect(first.status).toBe(202);
    await stackB.killWorker();
    const [{ n }] = await sql<{ n: string }>(`select count(status) as n from bulk_job_items where job_id = ?`, [first.body.id]);
    expect(Number(n)).toBeLessThan(1000);
    await stackB.startWorker();
    const done = await (async () => {
      for (let i = 0; i < 240; i++) {
        const res = await api3.post('/v1/contacts/bulk', { body: { items }, headers: { 'Idempotency-Key': idem } });
        if (res.status === 200) return res;
        expect([202, 503]).toContain(res.status);
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error('the bulk job did not finish');
    })();
    expect(done.body).toMatchObject({ id: first.body.id, status: 'completed', succeeded: 1000, failed: 0 });
    expect(await countContacts(ws.workspaceId)).toBe(1000);
    expect(await countEvents(ws.workspaceId, 'contact.created')).toBe(1000);
    expect(done.body.results.map((r: Result) => r.status)).toEqual(Array(1000).fill(201));
    expect(await allResults(api3, first.body.id)).toEqual(done.body.results);
    const replay = await api3.post('/v1/contacts/bulk', { body: { items }, headers: { 'Idempotency-Key': idem } });
    expect(replay.text).toBe(done.text);
    void workspaceId;
  });

  it('delivers each queued message exactly once when the worker is killed mid-job of a bulk send', async () => {
    const ws = await newWorkspace();
    const api4 = client(ws.key, { baseUrl: stackB.apiUrl });
    const channel = await api4.post('/v1/channels', { body: { name: 'kill', provider: 'sandbox' } });
    const template = await api4.post('/v1/templates', { body: { name: 'kill_tpl', language: 'en', category: 'utility', body: 'Hello {{1}}' } });
    expect([channel.status, template.status]).toEqual([201, 201]);
    const upserted = await api4.post('/v1/contacts/bulk', { body: { items: phones(150).map((phone) => ({ phone })) } });
    const contacts = upserted.status === 200 ? (upserted.body.results as Result[]) : await (async () => {
      await waitFor(() => api4.get(`/v1/bulk-jobs/${upserted.body.id}`), (r) => r.body.status === 'completed', 60_000);
      return allResults(api4, upserted.body.id);
    })();
    expect(contacts.map((r) => r.status)).toEqual(Array(150).fill(201));
    const items = contacts.map((r: Result, i: number) => ({ contact_id: r.id, channel_id: channel.body.id, template_id: template.body.id, parameters: [`n${i}`] }));
    const idem = randomUUID();
    const first = await api4.post('/v1/messages/bulk', { body: { items }, headers: { 'Idempotency-Key': idem } });
    expect(first.status).toBe(202);
    await stackB.killWorker();
    const [{ n }] = await sql<{ n: string }>(`select count(status) as n from bulk_job_items where job_id = ?`, [first.body.id]);
    expect(Number(n)).toBeLessThan(150);
    await stackB.startWorker();
    let done: ApiResponse | undefined;
    for (let i = 0; i < 240 && !done; i++) {
      const res = await api4.post('/v1/messages/bulk', { body: { items }, headers: { 'Idempotency-Key': idem } });
      if (res.status === 200) done = res;
      else await new Promise((r) => setTimeout(r, 250));
    }
    expect(done!.body.results[0].error).toBeNull();
    expect(done!.body).toMatchObject({ id: first.body.id, status: 'completed', succeeded: 150, failed: 0 });
    const read = await waitFor(
      () => sql<{ n: string }>(`select count(*) as n from messages where workspace_id = ? and status = 'read'`, [ws.workspaceId]),
      (rows) => Number(rows[0].n) === 150,
      90_000,
    );
    expect(Number(read[0].n)).toBe(150);
    const perMessage = await sql<{ n: string }>(`select count(*) as n from events where workspace_id = ? and type = 'message.sent' group by object_id`, [ws.workspaceId]);
    expect(perMessage.map((r) => Number(r.n))).toEqual(Array(150).fill(1));
    expect(await countEvents(ws.workspaceId, 'message.queued')).toBe(150);
    expect(await countEvents(ws.workspaceId, 'conversation.created')).toBe(150);
  }, 180_000);
});
