import { client, type ApiResponse } from './support/client';
import { closeDb, newWorkspace, sql, type TestWorkspace } from './support/stack';
import { newId } from '../src/ids';

// POST /v1/contacts/search against a brute-force filter over the same contacts in JS. The contacts are written
// straight into PostgreSQL (the search reads only the contacts table), so 5,000 of them take a second.

type Scalar = string | number | boolean;
interface Row {
  id: string;
  phone: string | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  external_id: string | null;
  attributes: Record<string, Scalar>;
  tags: string[];
  opted_in_at: string | null;
  opted_out_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
interface Filter {
  field: string;
  operator: string;
  value?: Scalar;
  values?: Scalar[];
}
type Groups = { filters: Filter[] }[];

// a seeded generator: a failing tree can be replayed
let seed = 16_024;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const chance = (p: number) => rand() < p;

const FIRST = ['Asha', 'ashok', 'Ravi', 'Ravindra', 'Anil', 'Bela', "O'Neil", '50%_off', 'Zoë', 'Chitra'];
const LAST = ['Rao', 'Rathore', 'Iyer', 'Iyengar', 'Khan', 'Das', 'D_s'];
const TAGS = ['vip', 'churn', 'region:south', 'beta', 'stuck-shipment'];
const PLANS = ['free', 'pro', 'enterprise'];
const NOW = Date.parse('2026-11-20T00:00:00.000Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

function makeRows(n: number, tag: string): Row[] {
  const rows: Row[] = [];
  // a few shared creation instants, so the id tie-break of the keyset is exercised
  const shared = Array.from({ length: 5 }, () => Math.floor(NOW - rand() * 365 * DAY));
  for (let i = 0; i < n; i++) {
    const created = chance(0.05) ? pick(shared) : Math.floor(NOW - rand() * 365 * DAY);
    const attributes: Record<string, Scalar> = {};
    if (chance(0.7)) attributes.plan = pick(PLANS);
    if (chance(0.6)) attributes.score = Math.floor(rand() * 100);
    if (chance(0.3)) attributes.active = chance(0.5);
    if (chance(0.2)) attributes.code = pick(['5', 'A-1', 'a%b', 'stuck', 'ok']);
    if (chance(0.1)) attributes.code = 5;
    if (chance(0.3)) attributes.shipment_status = pick(['stuck', 'shipped', 'delivered']);
    const optIn = chance(0.5) ? created + Math.floor(rand() * 30 * DAY) : null;
    const optOut = chance(0.3) ? created + Math.floor(rand() * 30 * DAY) : null;
    rows.push({
      id: newId('ctc'),
      phone: chance(0.8) ? `+9198${String(10_000_000 + i).padStart(8, '0')}` : null,
      email: chance(0.8) ? `user${i}.${tag}@ex${i % 5}.com` : null,
      first_name: chance(0.85) ? pick(FIRST) : null,
      last_name: chance(0.7) ? pick(LAST) : null,
      external_id: chance(0.7) ? `${pick(['crm-', 'erp-', 'a%'])}${i}` : null,
      attributes,
      tags: TAGS.filter(() => chance(0.25)).sort(),
      opted_in_at: optIn === null ? null : iso(optIn),
      opted_out_at: optOut === null ? null : iso(optOut),
      created_at: iso(created),
      updated_at: iso(created + Math.floor(rand() * 60 * DAY)),
      deleted_at: chance(0.05) ? iso(NOW) : null,
    });
  }
  return rows;
}

async function insertRows(workspaceId: string, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await sql(
      `insert into contacts (id, workspace_id, phone, email, first_name, last_name, external_id, attributes, tags, opted_in_at, opted_out_at, created_at, updated_at, deleted_at)
       select id, ?, phone, email, first_name, last_name, external_id, attributes, array(select jsonb_array_elements_text(tags)), opted_in_at, opted_out_at, created_at, updated_at, deleted_at
       from jsonb_to_recordset(cast(? as jsonb)) as x(id text, phone text, email text, first_name text, last_name text, external_id text, attributes jsonb, tags jsonb,
         opted_in_at timestamptz, opted_out_at timestamptz, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz)`,
      [workspaceId, JSON.stringify(rows.slice(i, i + 1000))],
    );
  }
}

// ---- the brute force: the documented semantics, written out plainly
const ms = (v: Scalar | null) => (v === null ? null : Date.parse(String(v)));
function status(r: Row): string {
  const i = ms(r.opted_in_at);
  const o = ms(r.opted_out_at);
  if (i !== null && (o === null || o <= i)) return 'opted_in';
  if (o !== null && (i === null || o > i)) return 'opted_out';
  return 'none';
}
const normalisePhone = (v: string) => v.replace(/^00/, '+').replace(/[ ().-]/g, '');
function cmp(a: number | null, op: string, b: number): boolean {
  if (a === null) return false;
  return op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : a <= b;
}

function matchesFilter(r: Row, f: Filter): boolean {
  const vals = f.operator === 'in' ? f.values! : [f.value!];
  if (f.field.startsWith('attributes.')) {
    const key = f.field.slice('attributes.'.length);
    const has = Object.hasOwn(r.attributes, key);
    const a = r.attributes[key];
    switch (f.operator) {
      case 'exists': return has;
      case 'not_exists': return !has;
      case 'eq': return has && a === f.value;
      case 'neq': return !(has && a === f.value);
      case 'in': return has && vals.includes(a!);
      case 'prefix': return typeof a === 'string' && a.startsWith(String(f.value));
      default: return typeof a === 'number' && cmp(a, f.operator, f.value as number);
    }
  }
  switch (f.field) {
    case 'phone':
    case 'email':
    case 'external_id':
    case 'first_name':
    case 'last_name': {
      const raw = r[f.field];
      const folded = (v: string) => (f.field === 'phone' ? normalisePhone(v) : f.field === 'external_id' ? v : v.toLowerCase());
      const eq = (v: Scalar) => raw !== null && folded(raw) === folded(String(v));
      switch (f.operator) {
        case 'exists': return raw !== null;
        case 'not_exists': return raw === null;
        case 'eq': return eq(f.value!);
        case 'neq': return !eq(f.value!);
        case 'in': return vals.some(eq);
        case 'prefix': return raw !== null && folded(raw).startsWith(folded(String(f.value)));
      }
      break;
    }
    case 'tags':
      switch (f.operator) {
        case 'exists': return r.tags.length > 0;
        case 'not_exists': return r.tags.length === 0;
        case 'contains': return r.tags.includes(String(f.value).toLowerCase());
        case 'not_contains': return !r.tags.includes(String(f.value).toLowerCase());
        case 'in': return vals.some((v) => r.tags.includes(String(v).toLowerCase()));
      }
      break;
    case 'created_at':
    case 'updated_at':
    case 'opted_in_at':
    case 'opted_out_at':
      if (f.operator === 'exists') return r[f.field] !== null;
      if (f.operator === 'not_exists') return r[f.field] === null;
      return cmp(ms(r[f.field]), f.operator, ms(f.value!)!);
    case 'opt_in_status':
      return f.operator === 'neq' ? status(r) !== f.value : vals.includes(status(r));
  }
  throw new Error(`no brute force for ${JSON.stringify(f)}`);
}
const bruteForce = (rows: Row[], groups: Groups) => rows.filter((r) => r.deleted_at === null && groups.some((g) => g.filters.every((f) => matchesFilter(r, f))));

// ---- random filters, their values drawn from the data so that they match something
function randomFilter(rows: Row[]): Filter {
  const r = pick(rows);
  const someTime = (field: keyof Row) => (r[field] as string | null) ?? iso(NOW - Math.floor(rand() * 365 * DAY));
  switch (Math.floor(rand() * 14)) {
    case 0:
      return chance(0.5) ? { field: 'phone', operator: 'eq', value: r.phone ? r.phone.replace(/^\+91/, '+91 ') : '+919800000000' } : { field: 'phone', operator: pick(['exists', 'not_exists']) };
    case 1:
      return chance(0.5)
        ? { field: 'email', operator: 'in', values: [pick(rows).email ?? 'x@y.com', (pick(rows).email ?? 'z@y.com').toUpperCase()] }
        : { field: 'email', operator: pick(['neq', 'eq']), value: r.email ?? 'nobody@example.com' };
    case 2:
      return pick<Filter>([
        { field: 'external_id', operator: 'prefix', value: pick(['crm-1', 'a%', 'erp-', 'a%1', 'A%']) },
        { field: 'external_id', operator: 'eq', value: r.external_id ?? 'crm-0' },
        { field: 'external_id', operator: pick(['exists', 'not_exists']) },
      ]);
    case 3:
    case 4: {
      const field = pick(['first_name', 'last_name']);
      return pick<Filter>([
        { field, operator: 'prefix', value: pick(['as', 'A', 'Rav', 'ravi', "o'", '50%', '5', 'Iy', 'd_', 'ZO']) },
        { field, operator: pick(['eq', 'neq']), value: pick([...FIRST, ...LAST]).toUpperCase() },
        { field, operator: pick(['exists', 'not_exists']) },
      ]);
    }
    case 5:
    case 6:
      return pick<Filter>([
        { field: 'tags', operator: pick(['contains', 'not_contains']), value: pick(TAGS).toUpperCase() },
        { field: 'tags', operator: 'in', values: [pick(TAGS), pick(TAGS)] },
        { field: 'tags', operator: pick(['exists', 'not_exists']) },
      ]);
    case 7: {
      const field = pick(['created_at', 'updated_at']);
      return { field, operator: pick(['gt', 'gte', 'lt', 'lte']), value: someTime(field as keyof Row) };
    }
    case 8: {
      const field = pick(['opted_in_at', 'opted_out_at']);
      return chance(0.7) ? { field, operator: pick(['gt', 'gte', 'lt', 'lte']), value: someTime(field as keyof Row) } : { field, operator: pick(['exists', 'not_exists']) };
    }
    case 9:
      return chance(0.5) ? { field: 'opt_in_status', operator: pick(['eq', 'neq']), value: pick(['opted_in', 'opted_out', 'none']) } : { field: 'opt_in_status', operator: 'in', values: ['opted_out', 'none'] };
    case 10:
      return pick<Filter>([
        { field: 'attributes.plan', operator: pick(['eq', 'neq']), value: pick(PLANS) },
        { field: 'attributes.plan', operator: 'in', values: [pick(PLANS), pick(PLANS)] },
        { field: 'attributes.shipment_status', operator: 'eq', value: 'stuck' },
      ]);
    case 11:
      return { field: 'attributes.score', operator: pick(['gt', 'gte', 'lt', 'lte', 'eq']), value: Math.floor(rand() * 100) };
    case 12:
      return pick<Filter>([
        { field: 'attributes.code', operator: 'eq', value: pick<Scalar>(['5', 5]) },
        { field: 'attributes.code', operator: 'prefix', value: pick(['a%', 'A', 's']) },
        { field: 'attributes.active', operator: 'eq', value: chance(0.5) },
        { field: 'attributes.active', operator: pick(['exists', 'not_exists']) },
      ]);
    default:
      return { field: 'attributes.score', operator: 'in', values: [1, 2, 3, 50, 99].filter(() => chance(0.6)).concat([7]) };
  }
}

function randomGroups(rows: Row[]): Groups {
  return Array.from({ length: 1 + Math.floor(rand() * 3) }, () => ({ filters: Array.from({ length: 1 + Math.floor(rand() * 3) }, () => randomFilter(rows)) }));
}

type Page = { data: { id: string; created_at: string; updated_at: string }[]; has_more: boolean; next_cursor: string | null };
type Api = ReturnType<typeof client>;

const search = (api: Api, groups: Groups, query = '') => api.post(`/v1/contacts/search${query}`, { body: { filter_groups: groups } }) as Promise<ApiResponse<Page>>;

/** Every page of a search: the ids in order, and the number of pages. */
async function searchAll(api: Api, groups: Groups, limit: number, sort: string): Promise<{ ids: string[]; items: Page['data']; pages: number }> {
  const items: Page['data'] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: ApiResponse<Page> = await search(api, groups, `?limit=${limit}&sort=${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
    expect(res.body.data.length).toBeLessThanOrEqual(limit);
    expect(res.body.has_more).toBe(res.body.next_cursor !== null);
    items.push(...res.body.data);
    cursor = res.body.next_cursor;
    pages++;
  } while (cursor);
  return { ids: items.map((c) => c.id), items, pages };
}

const problem = (res: ApiResponse) => res.body as { code: string; errors?: { pointer: string; code: string }[] };
const pointers = (res: ApiResponse) => (problem(res).errors ?? []).map((e) => e.pointer);

let ws: TestWorkspace;
let api: Api;
let rows: Row[];

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
  rows = makeRows(5000, 'a');
  await insertRows(ws.workspaceId, rows);
  await sql('analyze contacts');
});
afterAll(closeDb);

describe('contact search', () => {
  it('finds exactly what a brute-force filter finds, over 5,000 random contacts and random filter trees, in sort order, with no miss and no duplicate across pages', async () => {
    let nonEmpty = 0;
    for (let t = 0; t < 40; t++) {
      const groups = randomGroups(rows);
      const sort = pick(['created_at', 'updated_at']);
      const expected = bruteForce(rows, groups)
        .sort((a, b) => Date.parse(b[sort as 'created_at']) - Date.parse(a[sort as 'created_at']) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .map((r) => r.id);
      // broad trees page with large pages, to keep the run short; narrow ones with small pages
      const limit = expected.length > 1500 ? 100 : pick([7, 25, 60]);
      const got = await searchAll(api, groups, limit, sort);
      if (got.ids.join() !== expected.join()) {
        const missing = expected.filter((id) => !got.ids.includes(id)).slice(0, 3);
        const extra = got.ids.filter((id) => !expected.includes(id)).slice(0, 3);
        throw new Error(`tree ${t} (${sort}): ${JSON.stringify(groups)}\nexpected ${expected.length}, got ${got.ids.length}; missing ${JSON.stringify(rows.filter((r) => missing.includes(r.id)))}; extra ${JSON.stringify(rows.filter((r) => extra.includes(r.id)))}`);
      }
      expect(new Set(got.ids).size).toBe(got.ids.length);
      expect(got.pages).toBe(Math.max(1, Math.ceil(expected.length / limit)));
      if (expected.length) nonEmpty++;
    }
    // the trees are drawn from the data: most of them match something
    expect(nonEmpty).toBeGreaterThan(20);
  });

  it('answers the documented examples, and pages a search that matches every live contact without a cap', async () => {
    const stuck: Groups = [{ filters: [{ field: 'attributes.shipment_status', operator: 'eq', value: 'stuck' }, { field: 'tags', operator: 'contains', value: 'VIP' }, { field: 'opt_in_status', operator: 'eq', value: 'opted_in' }] }];
    expect((await searchAll(api, stuck, 100, 'created_at')).ids.sort()).toEqual(bruteForce(rows, stuck).map((r) => r.id).sort());
    const all: Groups = [{ filters: [{ field: 'created_at', operator: 'lte', value: iso(NOW) }] }];
    const live = rows.filter((r) => r.deleted_at === null).length;
    const got = await searchAll(api, all, 100, 'created_at');
    expect(got.ids.length).toBe(live);
    expect(live).toBeGreaterThan(4000);
  });

  it('is a read: no command, no Idempotency-Key, nothing claimed', async () => {
    const claimed = async () => Number((await sql<{ n: string }>('select count(*) as n from idempotency_keys where workspace_id = ?', [ws.workspaceId]))[0]!.n);
    const before = await claimed();
    const res = await search(api, [{ filters: [{ field: 'tags', operator: 'contains', value: 'vip' }] }]);
    expect(res.status).toBe(200);
    expect(res.headers.get('idempotency-key')).toBeNull();
    // an Idempotency-Key sent anyway (the SDKs send one on every POST) changes nothing: two calls, two answers
    const again = await api.post('/v1/contacts/search?limit=1', { body: { filter_groups: [{ filters: [{ field: 'tags', operator: 'exists' }] }] }, headers: { 'Idempotency-Key': 'search-1' } });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(await claimed()).toBe(before);
  });

  it('needs pii:read to compare personal fields, and masks results without it as the list does', async () => {
    const { key } = await ws.keyWith(['contacts:read']);
    const reader = client(key);
    for (const f of [
      { field: 'phone', operator: 'eq', value: rows[0]!.phone ?? '+919800000000' },
      { field: 'email', operator: 'in', values: ['a@b.com'] },
      { field: 'first_name', operator: 'prefix', value: 'as' },
      { field: 'last_name', operator: 'neq', value: 'rao' },
      { field: 'external_id', operator: 'eq', value: 'crm-1' },
      { field: 'attributes.plan', operator: 'eq', value: 'pro' },
    ]) {
      const res = await search(reader, [{ filters: [{ field: 'tags', operator: 'exists' }] }, { filters: [f] }]);
      expect(res.status).toBe(403);
      expect(problem(res).code).toBe('insufficient_scope');
    }
    // exists / not_exists show only what masked results show
    const groups: Groups = [{ filters: [{ field: 'phone', operator: 'exists' }, { field: 'attributes.plan', operator: 'exists' }, { field: 'tags', operator: 'contains', value: 'vip' }] }];
    const masked = await search(reader, groups, '?limit=100');
    expect(masked.status).toBe(200);
    const clear = await search(api, groups, '?limit=100');
    expect(masked.body.data.map((c) => c.id)).toEqual(clear.body.data.map((c) => c.id));
    const listed = await reader.get('/v1/contacts?tag=vip&limit=100');
    const byId = new Map((listed.body.data as { id: string }[]).map((c) => [c.id, c]));
    expect(masked.body.data.length).toBeGreaterThan(0);
    for (const c of masked.body.data as unknown as Record<string, unknown>[]) {
      const row = rows.find((r) => r.id === c.id)!;
      expect(c.phone).not.toBe(row.phone);
      expect(Object.values(c.attributes as object)).toEqual(Object.values(row.attributes).map(() => '[masked]'));
      const inList = byId.get(c.id as string);
      if (inList) expect(c).toEqual(inList);
    }
  });

  it('refuses what is past a bound or off the fields, with a pointer per problem', async () => {
    const tag = { field: 'tags', operator: 'exists' };
    const cases: [body: unknown, pointer: string][] = [
      [{ filter_groups: Array.from({ length: 6 }, () => ({ filters: [tag] })) }, '/filter_groups'],
      [{ filter_groups: [] }, '/filter_groups'],
      [{ filter_groups: [{ filters: Array.from({ length: 11 }, () => tag) }] }, '/filter_groups/0/filters'],
      [{ filter_groups: [{ filters: [tag, { field: 'tags', operator: 'in', values: Array.from({ length: 101 }, (_, i) => `t${i}`) }] }] }, '/filter_groups/0/filters/1/values'],
      [{ filter_groups: [{ filters: [{ field: 'attributes.plan', operator: 'eq', value: 'x'.repeat(501) }] }] }, '/filter_groups/0/filters/0/value'],
      [{ filter_groups: [{ filters: [{ field: 'password', operator: 'eq', value: 'x' }] }] }, '/filter_groups/0/filters/0/field'],
      [{ filter_groups: [{ filters: [{ field: 'attributes.a-b', operator: 'eq', value: 'x' }] }] }, '/filter_groups/0/filters/0/field'],
      [{ filter_groups: [{ filters: [{ field: 'tags', operator: 'like', value: 'x' }] }] }, '/filter_groups/0/filters/0/operator'],
      [{ filter_groups: [{ filters: [tag], extra: 1 }] }, '/filter_groups/0'],
    ];
    for (const [body, pointer] of cases) {
      const res = await api.post('/v1/contacts/search', { body });
      expect(res.status).toBe(400);
      expect(problem(res).code).toBe('invalid_request');
      expect(pointers(res).some((p) => p === pointer || p.startsWith(`${pointer}/`))).toBe(true);
    }
    // what depends on the field: every problem of the body at once
    const res = await search(api, [
      { filters: [{ field: 'created_at', operator: 'prefix', value: '2026' }, { field: 'created_at', operator: 'gt', value: 'yesterday' }] },
      { filters: [{ field: 'tags', operator: 'in', value: 'vip' }, { field: 'phone', operator: 'exists', value: '+919800000000' }] },
      { filters: [{ field: 'attributes.score', operator: 'gt', value: '5' }, { field: 'opt_in_status', operator: 'eq', value: 'maybe' }, { field: 'phone', operator: 'in', values: ['+919800000000', 'not a phone'] }] },
      { filters: [{ field: 'tags', operator: 'contains' }] },
    ]);
    // schema-valid, so not a 400: the filters do not fit their fields
    expect(res.status).toBe(422);
    expect(problem(res).code).toBe('invalid_search_filter');
    const errors = problem(res).errors!;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/filter_groups/0/filters/0/operator', code: 'invalid_operator' }),
        expect.objectContaining({ pointer: '/filter_groups/0/filters/1/value', code: 'invalid_value' }),
        expect.objectContaining({ pointer: '/filter_groups/1/filters/0/value', code: 'unexpected_value' }),
        expect.objectContaining({ pointer: '/filter_groups/1/filters/1/value', code: 'unexpected_value' }),
        expect.objectContaining({ pointer: '/filter_groups/2/filters/0/value', code: 'invalid_value' }),
        expect.objectContaining({ pointer: '/filter_groups/2/filters/1/value', code: 'invalid_value' }),
        expect.objectContaining({ pointer: '/filter_groups/2/filters/2/values/1', code: 'invalid_value' }),
        expect.objectContaining({ pointer: '/filter_groups/3/filters/0/value', code: 'required' }),
      ]),
    );
  });

  it('keeps workspaces apart, and refuses tampered, foreign and other-filter cursors with 400', async () => {
    const other = await newWorkspace();
    const otherApi = client(other.key);
    const theirs = makeRows(50, 'b').map((r) => ({ ...r, deleted_at: null, attributes: { plan: 'pro' }, tags: ['vip'] }));
    await insertRows(other.workspaceId, theirs);
    const groups: Groups = [{ filters: [{ field: 'attributes.plan', operator: 'eq', value: 'pro' }, { field: 'tags', operator: 'contains', value: 'vip' }] }];
    const mine = await searchAll(api, groups, 100, 'created_at');
    expect(mine.ids.some((id) => theirs.some((r) => r.id === id))).toBe(false);
    expect((await searchAll(otherApi, groups, 100, 'created_at')).ids.sort()).toEqual(theirs.map((r) => r.id).sort());

    const first = await search(api, groups, '?limit=2');
    const cursor = first.body.next_cursor!;
    expect(cursor).toBeTruthy();
    const expectInvalid = async (res: ApiResponse) => {
      expect(res.status).toBe(400);
      expect(problem(res).code).toBe('invalid_cursor');
    };
    const [body, sig] = cursor.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString());
    payload.k[1] = 'ctc_00000000000000000000000000';
    await expectInvalid(await search(api, groups, `?limit=2&cursor=${encodeURIComponent(`${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${sig}`)}`));
    await expectInvalid(await search(otherApi, groups, `?limit=2&cursor=${encodeURIComponent(cursor)}`));
    const narrower: Groups = [{ filters: [...groups[0]!.filters, { field: 'opt_in_status', operator: 'eq', value: 'opted_in' }] }];
    await expectInvalid(await search(api, narrower, `?limit=2&cursor=${encodeURIComponent(cursor)}`));
    await expectInvalid(await search(api, groups, `?limit=2&sort=updated_at&cursor=${encodeURIComponent(cursor)}`));
    // a list cursor does not continue a search, nor a search cursor a list
    const listCursor = (await api.get('/v1/contacts?limit=1')).body.next_cursor as string;
    await expectInvalid(await search(api, groups, `?limit=2&cursor=${encodeURIComponent(listCursor)}`));
    await expectInvalid(await api.get(`/v1/contacts?limit=2&cursor=${encodeURIComponent(cursor)}`));
    // the same filters written differently (a tag's case) continue the same search
    const sameSearch: Groups = [{ filters: [{ field: 'attributes.plan', operator: 'eq', value: 'pro' }, { field: 'tags', operator: 'contains', value: 'VIP' }] }];
    const next = await search(api, sameSearch, `?limit=2&cursor=${encodeURIComponent(cursor)}`);
    expect(next.status).toBe(200);
    expect(next.body.data.map((c) => c.id)).toEqual(mine.ids.slice(2, 4));
  });
});
