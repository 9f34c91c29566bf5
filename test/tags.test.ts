import { client } from './support/client';
import { closeDb, newWorkspace, sql, type TestWorkspace } from './support/stack';

let ws: TestWorkspace;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
});
afterAll(closeDb);

let phoneSeq = 0;
async function newContact(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await api.post('/v1/contacts', { body: { phone: `+91970000${String(++phoneSeq).padStart(4, '0')}`, ...extra } });
  expect(res.status).toBe(201);
  expect(res.body.tags).toEqual([]);
  return res.body.id;
}

async function count(name: string): Promise<number> {
  const res = await api.get(`/v1/tags/${name}`);
  expect(res.status).toBe(200);
  return res.body.contact_count;
}

type Evt = { id: string; type: string; sequence: number; data: { object: Record<string, any>; previous_attributes?: Record<string, unknown> } };
async function eventsOf(objectId: string): Promise<Evt[]> {
  const res = await api.get('/v1/events?limit=100');
  return (res.body.data as Evt[]).filter((e) => e.data.object.id === objectId);
}

describe('tags', () => {
  it('adds, removes and lists tags with live-contact counts; adding a carried tag changes nothing', async () => {
    const a = await newContact();
    const b = await newContact();

    const added = await api.post(`/v1/contacts/${a}/tags`, { body: { tags: ['VIP', 'stuck-shipment', 'vip'] } });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ id: a, object: 'contact', tags: ['stuck-shipment', 'vip'] });
    expect((await api.post(`/v1/contacts/${b}/tags`, { body: { tags: ['vip'] } })).body.tags).toEqual(['vip']);

    expect(await count('vip')).toBe(2);
    expect(await count('VIP')).toBe(2); // names are case-insensitive on the way in
    expect(await count('stuck-shipment')).toBe(1);
    const vip = await api.get('/v1/tags/vip');
    expect(vip.body).toMatchObject({ object: 'tag', name: 'vip', contact_count: 2 });
    expect(vip.body.id).toMatch(/^tag_/);
    expect((await api.get('/v1/tags/nope')).status).toBe(404);

    const list = await api.get('/v1/tags?limit=100');
    expect(list.status).toBe(200);
    const byName = Object.fromEntries(list.body.data.map((t: { name: string; contact_count: number }) => [t.name, t.contact_count]));
    expect(byName).toMatchObject({ vip: 2, 'stuck-shipment': 1 });

    // a tag the contact already carries: same contact, no new version, no event
    const before = await api.get(`/v1/contacts/${a}`);
    const again = await api.post(`/v1/contacts/${a}/tags`, { body: { tags: ['vip'] } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(before.body);
    expect(await count('vip')).toBe(2);

    const removed = await api.delete(`/v1/contacts/${a}/tags/VIP`);
    expect(removed.status).toBe(200);
    expect(removed.body.tags).toEqual(['stuck-shipment']);
    expect(await count('vip')).toBe(1);
    const gone = await api.delete(`/v1/contacts/${a}/tags/vip`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('tag_not_on_contact');
    expect((await api.get(`/v1/contacts/${a}`)).body.tags).toEqual(['stuck-shipment']);

    // counts cover live contacts only; a tag-filtered sync still sees the delete as a tombstone
    const since = new Date(Date.now() - 1000).toISOString();
    expect((await api.delete(`/v1/contacts/${b}`)).status).toBe(200);
    expect(await count('vip')).toBe(0);
    expect((await api.get('/v1/contacts?tag=vip')).body.data).toEqual([]);
    const sync = await api.get(`/v1/contacts?tag=vip&sort=updated_at&updated_since=${encodeURIComponent(since)}`);
    expect(sync.body.data).toEqual([expect.objectContaining({ id: b, deleted: true })]);
    expect((await api.get('/v1/tags?limit=100')).body.data.find((t: { name: string }) => t.name === 'vip')).toMatchObject({ contact_count: 0 });
    const rows = await sql<{ n: number }>(`select contact_count as n from tags where workspace_id = ? and name = 'stuck-shipment'`, [ws.workspaceId]);
    expect(rows[0].n).toBe(1);
  });

  it('sorts tags newest first, by created_at or by updated_at (last use)', async () => {
    const c = await newContact();
    await api.post(`/v1/contacts/${c}/tags`, { body: { tags: ['sort-a'] } });
    await api.post(`/v1/contacts/${c}/tags`, { body: { tags: ['sort-b'] } });
    const d = await newContact();
    await api.post(`/v1/contacts/${d}/tags`, { body: { tags: ['sort-a'] } });
    const names = async (q: string) =>
      ((await api.get(`/v1/tags?limit=100${q}`)).body.data as { name: string }[]).map((t) => t.name).filter((n) => n.startsWith('sort-'));
    expect(await names('')).toEqual(['sort-b', 'sort-a']);
    expect(await names('&sort=updated_at')).toEqual(['sort-a', 'sort-b']);
  });

  it('filters contacts by tag, across cursor pages, and binds the cursor to the filter', async () => {
    const tagged: string[] = [];
    for (let i = 0; i < 7; i++) {
      const id = await newContact();
      if (i % 3 !== 1) {
        expect((await api.post(`/v1/contacts/${id}/tags`, { body: { tags: ['paging'] } })).status).toBe(200);
        tagged.push(id);
      }
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let first: string | null = null;
    do {
      const res: { status: number; body: { data: { id: string; tags: string[] }[]; next_cursor: string | null } } = await api.get(
        `/v1/contacts?tag=Paging&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      for (const c of res.body.data) expect(c.tags).toContain('paging');
      seen.push(...res.body.data.map((c) => c.id));
      cursor = res.body.next_cursor;
      first ??= cursor;
    } while (cursor);
    expect(seen).toEqual([...tagged].reverse());

    const unfiltered = await api.get(`/v1/contacts?limit=2&cursor=${encodeURIComponent(first!)}`);
    expect(unfiltered.status).toBe(400);
    expect(unfiltered.body.code).toBe('invalid_cursor');
    const otherTag = await api.get(`/v1/contacts?tag=other&limit=2&cursor=${encodeURIComponent(first!)}`);
    expect(otherTag.status).toBe(400);
    expect((await api.get('/v1/contacts?tag=never-used')).body.data).toEqual([]);
  });

  it('answers 404 for another workspace\'s contact and leaves it untouched', async () => {
    const other = await newWorkspace();
    const theirs = await client(other.key).post('/v1/contacts', { body: { phone: '+919700009999' } });
    const add = await api.post(`/v1/contacts/${theirs.body.id}/tags`, { body: { tags: ['vip'] } });
    expect(add.status).toBe(404);
    expect(add.body.code).toBe('resource_missing');
    expect((await api.delete(`/v1/contacts/${theirs.body.id}/tags/vip`)).status).toBe(404);
    expect((await client(other.key).get(`/v1/contacts/${theirs.body.id}`)).body.tags).toEqual([]);
    expect((await client(other.key).get('/v1/tags')).body.data).toEqual([]);
  });

  it('replays a retried add under the same Idempotency-Key without counting twice', async () => {
    const c = await newContact();
    const headers = { 'Idempotency-Key': `tags-${Date.now()}` };
    const first = await api.post(`/v1/contacts/${c}/tags`, { body: { tags: ['replayed'] }, headers });
    const replay = await api.post(`/v1/contacts/${c}/tags`, { body: { tags: ['replayed'] }, headers });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await count('replayed')).toBe(1);
    const reused = await api.post(`/v1/contacts/${c}/tags`, { body: { tags: ['other'] }, headers });
    expect(reused.status).toBe(409);
    // the pointer and what this request sent; the first request's values are never shown
    expect(reused.body.diff).toEqual([{ pointer: '/tags', received: ['other'] }]);

    const delHeaders = { 'Idempotency-Key': `untag-${Date.now()}` };
    expect((await api.delete(`/v1/contacts/${c}/tags/replayed`, { headers: delHeaders })).status).toBe(200);
    const delReplay = await api.delete(`/v1/contacts/${c}/tags/replayed`, { headers: delHeaders });
    expect(delReplay.status).toBe(200);
    expect(delReplay.headers.get('idempotent-replayed')).toBe('true');
    expect(await count('replayed')).toBe(0);
  });

  it('emits contact.updated with previous tags and tag.created once per new tag', async () => {
    const c = await newContact();
    const first = await api.post(`/v1/contacts/${c}/tags`, { body: { tags: ['evt-one', 'evt-two'] } });
    const other = await newContact();
    await api.post(`/v1/contacts/${other}/tags`, { body: { tags: ['evt-one'] } });
    await api.delete(`/v1/contacts/${c}/tags/evt-two`);

    const mine = await eventsOf(c);
    expect(mine.map((e) => `${e.type}#${e.sequence}`)).toEqual(['contact.updated#3', 'contact.updated#2', 'contact.created#1']);
    expect(mine[1].data.previous_attributes).toEqual({ tags: [] });
    expect(mine[1].data.object.tags).toEqual(['evt-one', 'evt-two']);
    expect(mine[0].data.previous_attributes).toEqual({ tags: ['evt-one', 'evt-two'] });
    expect(mine[0].data.object.tags).toEqual(['evt-one']);
    expect(mine[1].data.object.updated_at).toBe(first.body.updated_at);

    const created = ((await api.get('/v1/events?type=tag.created&limit=100')).body.data as Evt[]).filter((e) => e.data.object.name.startsWith('evt-'));
    expect(created.map((e) => e.data.object.name).sort()).toEqual(['evt-one', 'evt-two']);
    expect(created[0]).toMatchObject({ sequence: 1, request_id: first.headers.get('request-id') });
    expect(created[0].data.object).toMatchObject({ object: 'tag', contact_count: 1 });
    const tagWildcard = await api.get('/v1/events?type=tag.*&limit=100');
    expect(tagWildcard.body.data.every((e: Evt) => e.type === 'tag.created')).toBe(true);
  });

  it('creates a tag once when many contacts get it at the same moment', async () => {
    const ids = await Promise.all(Array.from({ length: 8 }, () => newContact()));
    const results = await Promise.all(ids.map((id) => api.post(`/v1/contacts/${id}/tags`, { body: { tags: ['burst-b', 'burst-a'] } })));
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
    expect(await count('burst-a')).toBe(8);
    expect(await count('burst-b')).toBe(8);
    const created = (await api.get('/v1/events?type=tag.created&limit=100')).body.data.filter((e: Evt) => e.data.object.name.startsWith('burst-'));
    expect(created).toHaveLength(2);
  });

  it('validates names, keeps odd but valid ones intact, and caps a contact at 100 tags', async () => {
    const c = await newContact();
    for (const bad of [[], ['-lead'], ['has space'], ['x'.repeat(65)], Array.from({ length: 51 }, (_, i) => `t${i}`)]) {
      const res = await api.post(`/v1/contacts/${c}/tags`, { body: { tags: bad } });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].pointer).toMatch(/^\/tags/);
    }
    expect((await api.post(`/v1/contacts/${c}/tags`, { body: { tag: ['vip'] } })).status).toBe(400);
    expect((await api.delete(`/v1/contacts/${c}/tags/${encodeURIComponent('bad tag')}`)).status).toBe(400);

    const odd = ['null', 'region:south', 'a.b_c-d', 'x'.repeat(64)];
    const res = await api.post(`/v1/contacts/${c}/tags`, { body: { tags: odd } });
    expect(res.status).toBe(200);
    expect(res.body.tags).toEqual([...odd].sort());
    expect((await api.get(`/v1/contacts/${c}`)).body.tags).toEqual([...odd].sort());
    expect((await api.get('/v1/contacts?tag=null')).body.data.map((x: { id: string }) => x.id)).toEqual([c]);
    expect((await api.delete(`/v1/contacts/${c}/tags/region:south`)).body.tags).toEqual(['a.b_c-d', 'null', 'x'.repeat(64)]);
    expect((await api.get('/v1/tags/A.B_C-D')).body).toMatchObject({ name: 'a.b_c-d', contact_count: 1 });
    expect((await api.delete(`/v1/contacts/${c}/tags/a.b_c-d`)).body.tags).toEqual(['null', 'x'.repeat(64)]);

    const full = await newContact();
    expect((await api.post(`/v1/contacts/${full}/tags`, { body: { tags: Array.from({ length: 50 }, (_, i) => `cap-${i}`) } })).status).toBe(200);
    expect((await api.post(`/v1/contacts/${full}/tags`, { body: { tags: Array.from({ length: 50 }, (_, i) => `cap-${i + 50}`) } })).status).toBe(200);
    const over = await api.post(`/v1/contacts/${full}/tags`, { body: { tags: ['cap-100', 'cap-0'] } });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'contact_tag_limit', errors: [{ pointer: '/tags' }] });
    expect((await api.get('/v1/tags/cap-100')).status).toBe(404); // the refusal left nothing behind
  });

  it('needs tags:write to tag and tags:read to list, while contacts:read may filter by tag', async () => {
    const c = await newContact();
    const { key } = await ws.keyWith(['contacts:read', 'contacts:write']);
    const limited = client(key);
    const res = await limited.post(`/v1/contacts/${c}/tags`, { body: { tags: ['vip'] } });
    expect(res.status).toBe(403);
    expect(res.body.missing_scopes).toEqual(['tags:write']);
    expect((await limited.get('/v1/tags')).status).toBe(403);
    expect((await limited.get('/v1/contacts?tag=vip')).status).toBe(200);
  });

  it('shows tags in the old API version, next to the single name', async () => {
    const old = client(ws.key, { headers: { 'Api-Version': '2025-06-01' } });
    const created = await old.post('/v1/contacts', { body: { phone: '+919700008888', name: 'Asha Rao' } });
    expect(created.body.tags).toEqual([]);
    const tagged = await old.post(`/v1/contacts/${created.body.id}/tags`, { body: { tags: ['legacy'] } });
    expect(tagged.status).toBe(200);
    expect(tagged.body).toMatchObject({ name: 'Asha Rao', tags: ['legacy'] });
    expect(tagged.body).not.toHaveProperty('first_name');
    const listed = await old.get('/v1/contacts?tag=legacy');
    expect(listed.body.data).toEqual([tagged.body]);
    const events = (await old.get('/v1/events?type=contact.updated&limit=100')).body.data as Evt[];
    const evt = events.find((e) => e.data.object.id === created.body.id)!;
    expect(evt.data.object).toMatchObject({ name: 'Asha Rao', tags: ['legacy'] });
    expect(evt.data.previous_attributes).toEqual({ tags: [] });
  });
});
