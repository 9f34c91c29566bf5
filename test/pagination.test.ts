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

async function seed(n: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await api.post('/v1/contacts', { body: { external_id: `${prefix}-${i}` } });
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  return ids;
}

describe('cursor pagination', () => {
  it('never duplicates and never skips a contact that existed throughout, while others are inserted and deleted between pages', async () => {
    const initial = await seed(25, 'p');
    // several contacts share a created_at millisecond, so the id tie-break is exercised too
    await sql(`update contacts set created_at = (select min(created_at) from contacts where workspace_id = ?) where id in (?, ?, ?, ?)`, [workspaceId, initial[3], initial[4], initial[5], initial[6]]);
    const deletedMidScan = new Set<string>();
    const seen: string[] = [];
    let cursor: string | null = null;
    let page = 0;
    do {
      const res: { status: number; body: { data: { id: string }[]; has_more: boolean; next_cursor: string | null } } = await api.get(`/v1/contacts?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((c) => c.id));
      cursor = res.body.next_cursor;
      expect(res.body.has_more).toBe(cursor !== null);
      // churn between pages: a new contact, and a not-yet-seen one deleted
      await api.post('/v1/contacts', { body: { external_id: `churn-${page}` } });
      const victim = initial.find((id) => !seen.includes(id) && !deletedMidScan.has(id));
      if (victim && page % 2 === 0) {
        expect((await api.delete(`/v1/contacts/${victim}`)).status).toBe(200);
        deletedMidScan.add(victim);
      }
      page++;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const survivors = initial.filter((id) => !deletedMidScan.has(id));
    for (const id of survivors) expect(seen).toContain(id);
    expect(deletedMidScan.size).toBeGreaterThan(2);
  });

  it('sorts by updated_at on request and lists deletes as tombstones for updated_since syncs', async () => {
    const [a, b] = await seed(2, 'u');
    const since = new Date(Date.now() - 1000).toISOString();
    await api.patch(`/v1/contacts/${a}`, { body: { first_name: 'Touched' } });
    await api.delete(`/v1/contacts/${b}`);
    const res = await api.get(`/v1/contacts?sort=updated_at&updated_since=${encodeURIComponent(since)}&limit=100`);
    expect(res.status).toBe(200);
    const ids = res.body.data.map((c: { id: string }) => c.id);
    expect(ids.indexOf(b)).toBeLessThan(ids.indexOf(a)); // most recently updated first
    expect(res.body.data.find((c: { id: string }) => c.id === b)).toEqual(expect.objectContaining({ id: b, deleted: true }));
    const times = res.body.data.map((c: { updated_at: string }) => Date.parse(c.updated_at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    const plain = await api.get('/v1/contacts?limit=100');
    expect(plain.body.data.some((c: { id: string }) => c.id === b)).toBe(false);
  });

  it('refuses forged, foreign-workspace and other-filter cursors with 400', async () => {
    await seed(3, 'c');
    const first = await api.get('/v1/contacts?limit=1');
    const cursor: string = first.body.next_cursor;
    expect(cursor).toBeTruthy();

    const [body, sig] = cursor.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    payload.k[1] = 'ctc_00000000000000000000000000';
    const forged = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${sig}`;
    const f = await api.get(`/v1/contacts?limit=1&cursor=${encodeURIComponent(forged)}`);
    expect(f.status).toBe(400);
    expect(f.body.code).toBe('invalid_cursor');
    expect(f.body.errors[0].pointer).toBe('/query/cursor');

    const garbage = await api.get('/v1/contacts?limit=1&cursor=not-a-cursor');
    expect(garbage.body.code).toBe('invalid_cursor');

    const other = await newWorkspace();
    const foreign = await client(other.key).get(`/v1/contacts?limit=1&cursor=${encodeURIComponent(cursor)}`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.code).toBe('invalid_cursor');

    const otherFilter = await api.get(`/v1/contacts?limit=1&external_id=c-1&cursor=${encodeURIComponent(cursor)}`);
    expect(otherFilter.status).toBe(400);
    const otherSort = await api.get(`/v1/contacts?limit=1&sort=updated_at&cursor=${encodeURIComponent(cursor)}`);
    expect(otherSort.status).toBe(400);

    const sameFilters = await api.get(`/v1/contacts?limit=2&cursor=${encodeURIComponent(cursor)}`);
    expect(sameFilters.status).toBe(200);
  });

  it('pages through events with the same guarantees', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { data: { id: string }[]; next_cursor: string | null } } = await api.get(`/v1/events?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      all.push(...res.body.data.map((e) => e.id));
      cursor = res.body.next_cursor;
    } while (cursor);
    const rows = await sql<{ n: string }>(`select count(*) as n from events where workspace_id = ?`, [workspaceId]);
    expect(all.length).toBe(Number(rows[0].n));
    expect(new Set(all).size).toBe(all.length);
  });
});
