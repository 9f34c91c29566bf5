import { randomUUID } from 'node:crypto';
import { client, type ApiResponse } from './support/client';
import { bulkResults, phones } from './support/contacts';
import { closeDb, newWorkspace, sql } from './support/stack';
import { waitFor } from './support/wait';

afterAll(closeDb);

type Api = ReturnType<typeof client>;
type Result = { index: number; status: number; id: string | null; error: { code: string; errors?: { pointer: string; code: string }[] } | null };
type Evt = { type: string; data: { object: Record<string, any>; previous_attributes?: Record<string, unknown> } };

const count = async (query: string, params: unknown[]) => Number((await sql<{ n: string }>(query, params))[0].n);
const eventsOf = async (api: Api, type: string): Promise<Evt[]> => {
  const out: Evt[] = [];
  let cursor: string | null = null;
  do {
    const page: ApiResponse = await api.get(`/v1/events?type=${type}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    out.push(...page.body.data);
    cursor = page.body.next_cursor;
  } while (cursor);
  return out;
};
const tagCount = async (api: Api, name: string) => {
  const res = await api.get(`/v1/tags/${name}`);
  return res.status === 200 ? (res.body.contact_count as number) : null;
};

/** The whole answer of an import: the sync 200, or the 202 job's results once it has finished. */
async function runImport(api: Api, items: unknown[], headers: Record<string, string> = {}): Promise<{ res: ApiResponse; results: Result[] }> {
  const res = await api.post('/v1/contacts/bulk', { body: { items }, headers });
  expect([200, 202]).toContain(res.status);
  return { res, results: await bulkResults<Result>(api, res) };
}

describe('POST /v1/contacts/bulk carrying tags, attributes and consent', () => {
  let api: Api;
  let workspaceId: string;
  beforeAll(async () => {
    const ws = await newWorkspace();
    workspaceId = ws.workspaceId;
    api = client(ws.key);
  });

  it('imports opted-in contacts with tags and attributes, readable back exactly, with one event per item', async () => {
    const [p1, p2, p3] = phones(3);
    // an existing contact, already tagged: the import merges its attributes and adds only the tags it lacks
    const existing = await api.post('/v1/contacts', { body: { phone: p3, attributes: { plan: 'free', city: 'Pune' } } });
    expect(existing.status).toBe(201);
    expect((await api.post(`/v1/contacts/${existing.body.id}/tags`, { body: { tags: ['imp-vip'] } })).status).toBe(200);
    const optedIn = '2026-11-01T09:30:00.000Z';
    const items = [
      { phone: p1, first_name: 'Asha', tags: ['Imp-VIP', 'imp-south'], attributes: { plan: 'pro', score: 7 }, opted_in_at: optedIn, consent_source: 'signup_form_2026' },
      { phone: p2, external_id: 'imp-2', tags: ['imp-vip'], attributes: { plan: 'free' }, opted_in_at: optedIn, consent_source: 'signup_form_2026' },
      { phone: p3, tags: ['imp-vip', 'imp-south'], attributes: { plan: 'pro', city: null }, opted_in_at: optedIn, consent_source: 'pos:store-12' },
    ];
    const { res, results } = await runImport(api, items);
    expect(res.status).toBe(200);
    expect(results.map((r) => [r.status, r.error])).toEqual([[201, null], [201, null], [200, null]]);
    expect(results[2].id).toBe(existing.body.id);

    const read = await Promise.all(results.map((r) => api.get(`/v1/contacts/${r.id}`)));
    expect(read.map((r) => r.body)).toEqual([
      expect.objectContaining({ phone: p1, first_name: 'Asha', tags: ['imp-south', 'imp-vip'], attributes: { plan: 'pro', score: 7 }, opted_in_at: optedIn, opted_out_at: null, consent_source: 'signup_form_2026' }),
      expect.objectContaining({ phone: p2, external_id: 'imp-2', tags: ['imp-vip'], attributes: { plan: 'free' }, opted_in_at: optedIn, consent_source: 'signup_form_2026' }),
      expect.objectContaining({ phone: p3, tags: ['imp-south', 'imp-vip'], attributes: { plan: 'pro' }, opted_in_at: optedIn, consent_source: 'pos:store-12' }),
    ]);
    // each result's body is what a read answers
    expect(await tagCount(api, 'imp-vip')).toBe(3);
    expect(await tagCount(api, 'imp-south')).toBe(2);
    expect(await count(`select count(*) as n from contacts where workspace_id = ? and 'imp-vip' = any(tags)`, [workspaceId])).toBe(3);

    const created = (await eventsOf(api, 'contact.created')).filter((e) => [results[0].id, results[1].id].includes(e.data.object.id));
    expect(created).toHaveLength(2);
    expect(created.find((e) => e.data.object.id === results[0].id)!.data.object).toEqual(read[0].body);
    const updated = (await eventsOf(api, 'contact.updated')).filter((e) => e.data.object.id === existing.body.id);
    // one for the tag call before, one for the import item
    expect(updated).toHaveLength(2);
    const byImport = updated.find((e) => e.data.object.consent_source === 'pos:store-12')!;
    expect(byImport.data.object).toEqual(read[2].body);
    expect(byImport.data.previous_attributes).toEqual({
      tags: ['imp-vip'],
      attributes: { plan: 'free', city: 'Pune' },
      opted_in_at: null,
      consent_source: null,
    });
    // imp-vip came from the tag endpoint, imp-south from the import: one tag.created each, never two
    const tagEvents = (await eventsOf(api, 'tag.created')).filter((e) => e.data.object.name.startsWith('imp-'));
    expect(tagEvents.map((e) => e.data.object.name).sort()).toEqual(['imp-south', 'imp-vip']);

    // the same import again changes nothing, and says so with 200s and no event
    const before = await count(`select count(*) as n from events where workspace_id = ?`, [workspaceId]);
    const again = await runImport(api, items.map(({ first_name: _f, ...rest }) => rest));
    expect(again.results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await count(`select count(*) as n from events where workspace_id = ?`, [workspaceId])).toBe(before);
    expect(await tagCount(api, 'imp-vip')).toBe(3);
  });

  it('records an opt-out with its source, and an opt-in through the API clears the imported source', async () => {
    const [p] = phones(1);
    const { results } = await runImport(api, [{ phone: p, opted_in_at: '2026-10-01T00:00:00.000Z', opted_out_at: '2026-11-01T00:00:00.000Z', consent_source: 'crm_unsubscribe' }]);
    const id = results[0].id!;
    expect((await api.get(`/v1/contacts/${id}`)).body).toMatchObject({ opted_out_at: '2026-11-01T00:00:00.000Z', consent_source: 'crm_unsubscribe' });
    const optIn = await api.post(`/v1/contacts/${id}/opt-in`, { body: {} });
    expect(optIn.status).toBe(200);
    expect(optIn.body.consent_source).toBeNull();
    const evt = (await eventsOf(api, 'contact.updated')).find((e) => e.data.object.id === id)!;
    expect(evt.data.previous_attributes).toEqual({ opted_in_at: '2026-10-01T00:00:00.000Z', consent_source: 'crm_unsubscribe' });
  });

  it('matches on phone, email or external_id as match_on says, and answers a clash per item', async () => {
    const [pa, pb, pc, pd] = phones(4);
    const a = (await api.post('/v1/contacts', { body: { phone: pa, email: 'Clash-A@example.com', external_id: 'm-a' } })).body;
    const b = (await api.post('/v1/contacts', { body: { phone: pb, email: 'b@example.com', external_id: 'm-b' } })).body;
    const { results } = await runImport(api, [
      // email matches A (case-folded), phone is B's: B holds the phone, so nothing is written
      { match_on: 'email', email: 'CLASH-a@example.com', phone: pb, first_name: 'Clash' },
      // external_id matches B, the item brings a new phone
      { match_on: 'external_id', external_id: 'm-b', phone: pc, first_name: 'Bee' },
      // email matches nobody: a new contact
      { match_on: 'email', email: 'new-by-email@example.com', tags: ['m-new'] },
      // phone matches A; its email becomes one B also has (emails are not unique)
      { match_on: 'phone', phone: pa, email: 'b@example.com' },
      // without match_on, external_id first: it matches nobody, and the phone belongs to nobody either
      { external_id: 'm-d', phone: pd },
    ]);
    expect(results.map((r) => [r.status, r.id, r.error?.code ?? null])).toEqual([
      [422, b.id, 'contact_phone_taken'],
      [200, b.id, null],
      [201, expect.any(String), null],
      [200, a.id, null],
      [201, expect.any(String), null],
    ]);
    expect(results[0].error!.errors!.map((e) => e.pointer)).toEqual(['/items/0/phone']);
    expect((await api.get(`/v1/contacts/${a.id}`)).body).toMatchObject({ phone: pa, email: 'b@example.com', first_name: null });
    expect((await api.get(`/v1/contacts/${b.id}`)).body).toMatchObject({ phone: pc, email: 'b@example.com', first_name: 'Bee' });
    expect((await api.get(`/v1/contacts/${results[2].id}`)).body).toMatchObject({ phone: null, email: 'new-by-email@example.com', tags: ['m-new'] });

    // now two live contacts have b@example.com: matching on it is ambiguous, per item; the rest goes on
    const second = await runImport(api, [
      { match_on: 'email', email: 'b@example.com', first_name: 'Which' },
      { match_on: 'email', email: 'new-by-email@example.com', first_name: 'Found' },
    ]);
    expect(second.results.map((r) => [r.status, r.error?.code ?? null])).toEqual([[422, 'contact_match_ambiguous'], [200, null]]);
    expect(second.results[0].error!.errors!.map((e) => e.pointer)).toEqual(['/items/0/email']);
    expect(second.results[1].id).toBe(results[2].id);
  });

  it('answers bad items with pointers and applies the others', async () => {
    const [p0, p1, p2, p3, p4, p5] = phones(6);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const { res, results } = await runImport(api, [
      { phone: p0, opted_in_at: future },
      { phone: p1, consent_source: 'nowhere' },
      { phone: p2, match_on: 'email' },
      { phone: p3, tags: ['bad tag!'] },
      { phone: p4, match_on: 'name' },
      { phone: p5, tags: ['ok-tag'], opted_out_at: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(res.body).toMatchObject({ succeeded: 1, failed: 5 });
    expect(results.map((r) => [r.status, r.error?.code ?? null])).toEqual([
      [400, 'invalid_request'],
      [400, 'invalid_request'],
      [400, 'invalid_request'],
      [400, 'invalid_request'],
      [400, 'invalid_request'],
      [201, null],
    ]);
    expect(results.slice(0, 5).map((r) => r.error!.errors!.map((e) => e.pointer))).toEqual([
      ['/items/0/opted_in_at'],
      ['/items/1/consent_source'],
      ['/items/2/email'],
      ['/items/3/tags/0'],
      ['/items/4/match_on'],
    ]);
    expect(await count(`select count(*) as n from contacts where workspace_id = ? and phone in (select jsonb_array_elements_text(?::jsonb))`, [workspaceId, JSON.stringify([p0, p1, p2, p3, p4])])).toBe(0);
    expect(await tagCount(api, 'ok-tag')).toBe(1);
  });

  it('refuses the items of a person being purged (409 subject_being_purged, also matched on email) and applies the rest', async () => {
    const [subjectPhone, freshPhone, otherPhone] = phones(3);
    const n = Math.floor(Math.random() * 1e8).toString().padStart(8, '0');
    const email = `fenced-${n}@example.com`;
    const subject = await api.post('/v1/contacts', { body: { phone: subjectPhone, email, first_name: 'Ila' } });
    expect(subject.status).toBe(201);
    const fn = `import_fence_writer_${n}`;
    // as in the purge-fence suite: a writer behind the purge's back makes every pass find the subject, so the purge
    // ends failed and stays fenced, and the import below meets the fence for certain
    await sql(`create function ${fn}() returns trigger language plpgsql as $$
      begin update contacts set first_name = 'Ila' where id = '${subject.body.id}'; return null; end $$`);
    await sql(`create trigger ${fn} after update on privacy_purges for each row when (new.workspace_id = '${workspaceId}' and new.status = 'running') execute function ${fn}()`);
    try {
      const purge = await api.post('/v1/privacy/purges', { body: { contact_id: subject.body.id } });
      expect(purge.status).toBe(202);
      const done = await waitFor(() => api.get(`/v1/privacy/purges/${purge.body.id}`), (r) => r.body.status !== 'running', 120_000);
      expect(done.body.status).toBe('failed');
      const { results } = await runImport(api, [
        { match_on: 'email', email: email.toUpperCase(), first_name: 'Back' },
        { phone: subjectPhone, tags: ['fence-tag'] },
        { match_on: 'phone', phone: freshPhone, email },
        { phone: otherPhone, tags: ['fence-tag'], opted_in_at: '2026-11-01T00:00:00.000Z' },
      ]);
      expect(results.map((r) => [r.status, r.error?.code ?? null])).toEqual([
        [409, 'subject_being_purged'],
        [409, 'subject_being_purged'],
        [409, 'subject_being_purged'],
        [201, null],
      ]);
      expect(await tagCount(api, 'fence-tag')).toBe(1);
      expect(await count(`select count(*) as n from contacts where workspace_id = ? and (email = ? or phone = ?)`, [workspaceId, email, freshPhone])).toBe(0);
    } finally {
      await sql(`drop trigger if exists ${fn} on privacy_purges`);
      await sql(`drop function if exists ${fn}()`);
    }
  }, 180_000);

  it('replays an import under the same Idempotency-Key without writing anything twice', async () => {
    const ps = phones(5);
    const items = ps.map((phone, i) => ({ phone, tags: ['replay-tag', `replay-${i}`], attributes: { n: i }, opted_in_at: '2026-11-20T00:00:00.000Z', consent_source: 'replay' }));
    const idem = randomUUID();
    const first = await runImport(api, items, { 'Idempotency-Key': idem });
    expect(first.results.every((r) => r.status === 201)).toBe(true);
    const writes = async () => ({
      contacts: await count(`select count(*) as n from contacts where workspace_id = ? and phone in (select jsonb_array_elements_text(?::jsonb))`, [workspaceId, JSON.stringify(ps)]),
      events: await count(`select count(*) as n from events where workspace_id = ?`, [workspaceId]),
      tag: await tagCount(api, 'replay-tag'),
    });
    const after = await writes();
    expect(after).toEqual({ contacts: 5, events: expect.any(Number), tag: 5 });
    const again = await api.post('/v1/contacts/bulk', { body: { items }, headers: { 'Idempotency-Key': idem } });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.results).toEqual(first.results);
    expect(await writes()).toEqual(after);
  });

  it('imports 1,000 contacts with tags, attributes and consent (and times it against a plain import)', async () => {
    const stateful = phones(1000).map((phone, i) => ({
      phone,
      external_id: `big-${i}`,
      first_name: `Big${i}`,
      tags: ['big-import', `big-group-${i % 10}`],
      attributes: { row: i, segment: i % 2 ? 'odd' : 'even' },
      opted_in_at: '2026-11-15T12:00:00.000Z',
      consent_source: 'warehouse_export',
    }));
    const plain = phones(1000).map((phone, i) => ({ phone, external_id: `plain-${i}`, first_name: `Plain${i}` }));
    let t = Date.now();
    const p = await runImport(api, plain);
    const plainMs = Date.now() - t;
    t = Date.now();
    const s = await runImport(api, stateful);
    const statefulMs = Date.now() - t;
    process.stderr.write(`[contacts-import] 1,000 plain items: ${plainMs} ms (${p.res.status}); 1,000 with tags+attributes+consent: ${statefulMs} ms (${s.res.status})\n`);
    expect(p.results.filter((r) => r.status === 201)).toHaveLength(1000);
    expect(s.results.filter((r) => r.status === 201)).toHaveLength(1000);
    expect(await tagCount(api, 'big-import')).toBe(1000);
    for (let g = 0; g < 10; g++) expect(await tagCount(api, `big-group-${g}`)).toBe(100);
    expect(
      await count(
        `select count(*) as n from contacts where workspace_id = ? and 'big-import' = any(tags) and consent_source = 'warehouse_export'
           and opted_in_at = '2026-11-15T12:00:00Z' and attributes->>'row' is not null`,
        [workspaceId],
      ),
    ).toBe(1000);
    const bigTagEvents = (await eventsOf(api, 'tag.created')).filter((e) => e.data.object.name.startsWith('big-'));
    expect(bigTagEvents).toHaveLength(11);
    const sample = await api.get(`/v1/contacts/${s.results[123].id}`);
    expect(sample.body).toMatchObject({ external_id: 'big-123', tags: ['big-group-3', 'big-import'], attributes: { row: 123, segment: 'odd' }, consent_source: 'warehouse_export' });
  }, 600_000);
});
