import { randomUUID } from 'node:crypto';
import { client, type ApiResponse } from './support/client';
import { expectProblem } from './support/operation-refusals';
import { closeDb, db, newWorkspace, sql } from './support/stack';
import { waitFor } from './support/wait';
import { Receiver } from './support/webhook-receiver';
import { signBody, SIGNATURE_HEADER } from '../src/channels/signatures';

type Api = ReturnType<typeof client>;
interface Item {
  id: string;
  updated_at: string;
  deleted?: boolean;
  [k: string]: unknown;
}

const enc = encodeURIComponent;
const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** A point in time strictly between the writes before it and the writes after it. */
async function mark(): Promise<string> {
  await pause(5);
  const at = new Date().toISOString();
  await pause(5);
  return at;
}

let ws: Awaited<ReturnType<typeof newWorkspace>>;
let api: Api;
let receiver: Receiver;
let nextPhone = 9_700_000_000 + Math.floor(Math.random() * 90_000_000);

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
  receiver = await new Receiver().start();
});
afterAll(async () => {
  await receiver.close();
  await closeDb();
});

/**
 * One `updated_since` sync walk to its end (sort=updated_at, pages of `limit`), with `between` run after each page.
 * Within a walk every object comes once, newest first, none older than `since`.
 */
async function walk(path: string, since: string, limit = 100, between?: () => Promise<void>, by: Api = api): Promise<Item[]> {
  const sep = path.includes('?') ? '&' : '?';
  const seen: Item[] = [];
  let cursor: string | null = null;
  do {
    const res: ApiResponse = await by.get(`${path}${sep}sort=updated_at&updated_since=${enc(since)}&limit=${limit}${cursor ? `&cursor=${enc(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    seen.push(...res.body.data);
    cursor = res.body.next_cursor;
    expect(res.body.has_more).toBe(cursor !== null);
    if (between && cursor) await between();
  } while (cursor);
  expect(new Set(seen.map((i) => i.id)).size).toBe(seen.length);
  const times = seen.map((i) => Date.parse(i.updated_at));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  for (const t of times) expect(t).toBeGreaterThanOrEqual(Date.parse(since));
  return seen;
}

function expectSync(items: Item[], want: { live?: string[]; deleted?: string[]; absent?: string[] }): void {
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const id of want.live ?? []) {
    expect(byId.get(id)).toBeDefined();
    expect(byId.get(id)!.deleted).toBeUndefined();
  }
  for (const id of want.deleted ?? []) expect(byId.get(id)).toEqual(expect.objectContaining({ id, deleted: true }));
  for (const id of want.absent ?? []) expect(byId.has(id)).toBe(false);
}

// ---- fixtures, each through the API ----

async function newContact(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await api.post('/v1/contacts', { body: { phone: `+91${nextPhone++}`, first_name: 'Asha', ...extra } });
  expect(res.status).toBe(201);
  return res.body.id;
}
async function newChannel(name = 'sync'): Promise<{ id: string; secret: string }> {
  const res = await api.post('/v1/channels', { body: { name, provider: 'sandbox' } });
  expect(res.status).toBe(201);
  return { id: res.body.id, secret: res.body.signing_secret };
}
async function newConversation(channelId: string, contactId?: string): Promise<string> {
  const res = await api.post('/v1/conversations', { body: { contact_id: contactId ?? (await newContact()), channel_id: channelId } });
  expect(res.status).toBe(201);
  return res.body.id;
}
/** An inbound message from a (new or given) phone on the channel, as the provider's signed callback. */
async function inbound(channel: { id: string; secret: string }, phone = `+91${nextPhone++}`, text = 'Where is my order?'): Promise<ApiResponse> {
  const raw = JSON.stringify({ from: phone, text, provider_message_id: `wamid.${randomUUID()}` });
  const res = await client('').post(`/v1/channels/${channel.id}/inbound`, {
    key: null,
    rawBody: raw,
    headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signBody(channel.secret, raw) },
  });
  expect(res.status).toBe(201);
  return res;
}
async function newFlow(name = 'sync flow', activate = false): Promise<string> {
  const res = await api.post('/v1/flows', { body: { name, trigger: { type: 'manual' }, steps: [{ id: 'w', type: 'wait', duration_seconds: 3600 }] } });
  expect(res.status).toBe(201);
  if (activate) expect((await api.post(`/v1/flows/${res.body.id}/activate`)).status).toBe(200);
  return res.body.id;
}
async function newEndpoint(description = 'sync'): Promise<string> {
  const res = await api.post('/v1/webhook-endpoints', { body: { url: receiver.url('/sync'), event_types: ['order.refunded'], description } });
  expect(res.status).toBe(201);
  return res.body.id;
}
async function newKey(name = 'sync'): Promise<string> {
  const res = await api.post('/v1/api-keys', { body: { name, scopes: ['contacts:read'] } });
  expect(res.status).toBe(201);
  return res.body.id;
}
let broadcastBase: { channel_id: string; template_id: string; parameters: string[] } | null = null;
async function newBroadcast(name = 'sync'): Promise<string> {
  if (!broadcastBase) {
    const channel = await newChannel('broadcasts');
    const template = await api.post('/v1/templates', { body: { name: `sync_${randomUUID().slice(0, 8)}`, language: 'en', category: 'marketing', body: 'Sale: {{1}} off' } });
    expect(template.status).toBe(201);
    broadcastBase = { channel_id: channel.id, template_id: template.body.id, parameters: ['20%'] };
  }
  const res = await api.post('/v1/broadcasts', { body: { ...broadcastBase, name, audience: { contact_ids: [await newContact()] } } });
  expect(res.status).toBe(201);
  return res.body.id;
}

describe('every list syncs: updated_since sees creates, updates and deletes', () => {
  it('channels: creates (channels cannot be deleted or changed)', async () => {
    const before = await newChannel('before');
    const since = await mark();
    const after = await newChannel('after');
    expectSync(await walk('/v1/channels', since), { live: [after.id], absent: [before.id] });
  });

  it('conversations: creates and updates, never a tombstone', async () => {
    const channel = await newChannel();
    const [untouched, touched] = [await newConversation(channel.id), await newConversation(channel.id)];
    const since = await mark();
    const created = await newConversation(channel.id);
    expect((await api.patch(`/v1/conversations/${touched}`, { body: { status: 'closed' } })).status).toBe(200);
    const items = await walk('/v1/conversations', since);
    expectSync(items, { live: [created, touched], absent: [untouched] });
    expect(items.find((c) => c.id === touched)).toMatchObject({ status: 'closed' });
    // the filters still apply to a sync
    const closed = await walk('/v1/conversations?status=closed', since);
    expect(closed.map((c) => c.id)).toEqual([touched]);
  });

  it("a conversation's messages and the workspace's messages: creates and status updates", async () => {
    const channel = await newChannel();
    const phone = `+91${nextPhone++}`;
    const old = await inbound(channel, phone, 'first');
    const since = await mark();
    const fresh = await inbound(channel, phone, 'second');
    const conversation = fresh.body.conversation_id as string;
    expect(old.body.conversation_id).toBe(conversation);
    const sent = await api.post(`/v1/conversations/${conversation}/messages`, { body: { type: 'text', text: 'On its way' } });
    expect(sent.status).toBe(201);
    await waitFor(() => api.get(`/v1/messages/${sent.body.id}`), (r) => r.body.status === 'read');
    for (const path of [`/v1/conversations/${conversation}/messages`, '/v1/messages']) {
      const items = await walk(path, since);
      expectSync(items, { live: [fresh.body.id, sent.body.id], absent: [old.body.id] });
      // the receipts moved updated_at: the sync sees the message as it is now
      expect(items.find((m) => m.id === sent.body.id)).toMatchObject({ status: 'read' });
    }
  });

  it('tags: creates and contact-count updates, a tag left by its last contact stays with a count of 0', async () => {
    const contact = await newContact();
    expect((await api.post(`/v1/contacts/${contact}/tags`, { body: { tags: ['sync-old', 'sync-leaving'] } })).status).toBe(200);
    const since = await mark();
    expect((await api.post(`/v1/contacts/${contact}/tags`, { body: { tags: ['sync-new'] } })).status).toBe(200);
    expect((await api.delete(`/v1/contacts/${contact}/tags/sync-leaving`)).status).toBe(200);
    const items = await walk('/v1/tags', since);
    const names = new Map(items.map((t) => [t.name as string, t]));
    expect(names.get('sync-new')).toMatchObject({ contact_count: 1 });
    expect(names.get('sync-leaving')).toMatchObject({ contact_count: 0 });
    expect(names.has('sync-old')).toBe(false);
  });

  it('broadcasts: creates and status changes (a cancelled broadcast stays)', async () => {
    const [untouched, cancelled] = [await newBroadcast('untouched'), await newBroadcast('cancelled')];
    const since = await mark();
    const created = await newBroadcast('created');
    expect((await api.post(`/v1/broadcasts/${cancelled}/cancel`)).status).toBe(200);
    const items = await walk('/v1/broadcasts', since);
    expectSync(items, { live: [created, cancelled], absent: [untouched] });
    expect(items.find((b) => b.id === cancelled)).toMatchObject({ status: 'cancelled' });
  });

  it('flows: creates, updates and deletes as tombstones; plain lists leave deleted flows out', async () => {
    const [untouched, renamed, removed] = [await newFlow('untouched'), await newFlow('renamed'), await newFlow('removed')];
    const since = await mark();
    const created = await newFlow('created');
    expect((await api.patch(`/v1/flows/${renamed}`, { body: { name: 'renamed again' } })).status).toBe(200);
    const deleted = await api.delete(`/v1/flows/${removed}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: removed, object: 'flow', deleted: true });
    const items = await walk('/v1/flows', since);
    expectSync(items, { live: [created, renamed], deleted: [removed], absent: [untouched] });
    expect(items.find((f) => f.id === removed)!.updated_at).toBe(deleted.body.updated_at);
    const plain = await api.get('/v1/flows?limit=100');
    expect(plain.body.data.map((f: Item) => f.id)).not.toContain(removed);
  });

  it('flow runs: creates and cancellations (runs are never deleted)', async () => {
    const flow = await newFlow('runs', true);
    const start = async () => {
      const res = await api.post(`/v1/flows/${flow}/runs`, { body: { contact_id: await newContact() } });
      expect(res.status).toBe(202);
      return res.body.id as string;
    };
    const [untouched, cancelled] = [await start(), await start()];
    const since = await mark();
    const created = await start();
    expect((await api.post(`/v1/flow-runs/${cancelled}/cancel`)).status).toBe(200);
    const items = await walk(`/v1/flow-runs?flow_id=${flow}`, since);
    expectSync(items, { live: [created, cancelled], absent: [untouched] });
    expect(items.find((r) => r.id === cancelled)).toMatchObject({ status: 'cancelled' });
  });

  it('webhook endpoints: creates, updates and deletes as tombstones', async () => {
    const [untouched, patched, removed] = [await newEndpoint(), await newEndpoint(), await newEndpoint()];
    const since = await mark();
    const created = await newEndpoint();
    expect((await api.patch(`/v1/webhook-endpoints/${patched}`, { body: { description: 'patched' } })).status).toBe(200);
    const deleted = await api.delete(`/v1/webhook-endpoints/${removed}`);
    expect(deleted.status).toBe(200);
    const items = await walk('/v1/webhook-endpoints', since);
    expectSync(items, { live: [created, patched], deleted: [removed], absent: [untouched] });
    expect(items.find((e) => e.id === removed)).toEqual(deleted.body);
    expect((await api.get('/v1/webhook-endpoints?limit=100')).body.data.map((e: Item) => e.id)).not.toContain(removed);
  });

  it('API keys: creates, rolls and revocations as tombstones', async () => {
    const [untouched, rolled, revoked] = [await newKey(), await newKey(), await newKey()];
    const since = await mark();
    const created = await newKey();
    expect((await api.post(`/v1/api-keys/${rolled}/roll`, { body: {} })).status).toBe(200);
    const gone = await api.delete(`/v1/api-keys/${revoked}`);
    expect(gone.status).toBe(200);
    const items = await walk('/v1/api-keys', since);
    expectSync(items, { live: [created, rolled], deleted: [revoked], absent: [untouched] });
    expect(items.find((k) => k.id === revoked)).toEqual(gone.body);
    expect((await api.get('/v1/api-keys?limit=100')).body.data.map((k: Item) => k.id)).not.toContain(revoked);
  });

  it('refuses a cursor of a walk with another updated_since, and a malformed updated_since', async () => {
    await newChannel('a');
    await newChannel('b');
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const first = await api.get(`/v1/channels?sort=updated_at&updated_since=${enc(since)}&limit=1`);
    expect(first.body.next_cursor).toBeTruthy();
    const other = new Date(Date.now() - 7_200_000).toISOString();
    expectProblem(await api.get(`/v1/channels?sort=updated_at&updated_since=${enc(other)}&limit=1&cursor=${enc(first.body.next_cursor)}`), 400, 'invalid_cursor');
    expectProblem(await api.get('/v1/flows?updated_since=yesterday'), 400, 'invalid_request');
  });
});

// ---- syncs under concurrent writes ----

interface SyncTarget {
  path: string;
  table: string;
  /** the SQL of "this row is deleted", for lists with tombstones */
  deletedSql?: string;
  /** one write: a create, an update or a delete */
  write: (i: number) => Promise<void>;
  /** waits for changes the writes set off on their own (message receipts) before the second walk */
  settle?: () => Promise<void>;
  /** writers running at once (each write waits for its answer); 1 unless the writes are independent */
  writers?: number;
}

/**
 * Writers run while a paginated `updated_since` walk proceeds page by page; then a second walk starts from the
 * largest `updated_at` the first one saw. Together they must give every object's last state (no miss), each walk
 * lists an object once, and an object comes in both walks only if it changed in between (or sits exactly on the
 * boundary, the same version).
 */
async function syncUnderWrites(t: SyncTarget): Promise<{ during: number }> {
  const since = await mark();
  let i = 0;
  for (; i < 8; i++) await t.write(i); // enough for several pages
  let stop = false;
  let during = 0;
  let failed = false;
  const writer = Promise.all(
    Array.from({ length: t.writers ?? 1 }, async () => {
      while (!stop) {
        await t.write(i++);
        during++;
      }
    }),
  ).catch((err) => {
    failed = true;
    throw err;
  });
  let first: Item[];
  let duringWalk: number;
  try {
    // small pages, and between two pages at least one more write lands (while the next is already under way)
    first = await walk(t.path, since, 2, async () => {
      const target = during + 1;
      while (during < target && !failed) await pause(10);
    });
    duringWalk = during;
  } finally {
    stop = true;
    await writer;
  }
  expect(duringWalk).toBeGreaterThan(0);
  await t.settle?.();
  const boundary = first.reduce((max, item) => (item.updated_at > max ? item.updated_at : max), since);
  const second = await walk(t.path, boundary);

  const firstById = new Map(first.map((x) => [x.id, x]));
  for (const x of second) {
    const earlier = firstById.get(x.id);
    if (earlier) expect(earlier.updated_at === boundary || earlier.updated_at !== x.updated_at).toBe(true);
  }
  const latest = new Map<string, Item>();
  for (const x of [...first, ...second]) {
    const had = latest.get(x.id);
    if (!had || x.updated_at > had.updated_at) latest.set(x.id, x);
  }
  const truth = await sql<{ id: string; updated_at: Date; deleted: boolean }>(
    `select id, updated_at, ${t.deletedSql ?? 'false'} as deleted from ${t.table} where workspace_id = ? and updated_at >= ?`,
    [ws.workspaceId, new Date(since)],
  );
  const got = [...latest.values()].map((x) => ({ id: x.id, updated_at: x.updated_at, deleted: x.deleted === true })).sort((a, b) => a.id.localeCompare(b.id));
  const want = truth.map((r) => ({ id: r.id, updated_at: new Date(r.updated_at).toISOString(), deleted: r.deleted })).sort((a, b) => a.id.localeCompare(b.id));
  expect(got).toEqual(want);
  return { during: duringWalk };
}

/** Every outbound message of the workspace has had its last receipt (the sandbox reads them all). */
async function receiptsDone(): Promise<void> {
  await waitFor(
    () => sql<{ n: string }>(`select count(*) as n from messages where workspace_id = ? and direction = 'outbound' and status <> 'read'`, [ws.workspaceId]),
    (rows) => Number(rows[0].n) === 0,
    120_000,
  );
}

const pick = <T>(xs: T[], i: number): T => xs[(i * 7) % xs.length];

describe('syncs under concurrent writes miss nothing and duplicate nothing', () => {
  jest.setTimeout(300_000);

  it('conversations (opened and closed)', async () => {
    const channel = await newChannel();
    const open: string[] = [];
    await syncUnderWrites({
      path: '/v1/conversations',
      table: 'conversations',
      write: async (i) => {
        if (i % 3 === 2 && open.length) {
          const id = open.splice((i * 7) % open.length, 1)[0];
          expect((await api.patch(`/v1/conversations/${id}`, { body: { status: 'closed' } })).status).toBe(200);
        } else open.push(await newConversation(channel.id));
      },
    });
  });

  it('messages, workspace-wide (inbound, outbound and their receipts)', async () => {
    const channel = await newChannel();
    const conversations: string[] = [];
    await syncUnderWrites({
      path: '/v1/messages',
      table: 'messages',
      settle: receiptsDone,
      writers: 2,
      write: async (i) => {
        if (i % 2 === 1 && conversations.length) {
          const res = await api.post(`/v1/conversations/${pick(conversations, i)}/messages`, { body: { type: 'text', text: `reply ${i}` } });
          expect(res.status).toBe(201);
        } else conversations.push((await inbound(channel)).body.conversation_id);
      },
    });
  });

  it("a conversation's messages", async () => {
    const channel = await newChannel();
    const phone = `+91${nextPhone++}`;
    const conversation = (await inbound(channel, phone)).body.conversation_id as string;
    await syncUnderWrites({
      path: `/v1/conversations/${conversation}/messages`,
      table: `(select * from messages where conversation_id = '${conversation}') as m`,
      settle: receiptsDone,
      write: async (i) => {
        if (i % 2) expect((await api.post(`/v1/conversations/${conversation}/messages`, { body: { type: 'text', text: `reply ${i}` } })).status).toBe(201);
        else await inbound(channel, phone, `question ${i}`);
      },
    });
  });

  it('channels', async () => {
    await syncUnderWrites({ path: '/v1/channels', table: 'channels', writers: 3, write: async (i) => void (await newChannel(`c${i}`)) });
  });

  it('tags (added and removed)', async () => {
    const contacts = [await newContact(), await newContact(), await newContact()];
    await syncUnderWrites({
      path: '/v1/tags',
      table: 'tags',
      write: async (i) => {
        const contact = pick(contacts, i);
        if (i % 3 === 2) expect((await api.delete(`/v1/contacts/${contact}/tags/t${i % 5}`)).status).toBeLessThan(500);
        else expect((await api.post(`/v1/contacts/${contact}/tags`, { body: { tags: [`t${i % 5}`] } })).status).toBe(200);
      },
    });
  });

  it('broadcasts (created and cancelled)', async () => {
    const drafts: string[] = [];
    await syncUnderWrites({
      path: '/v1/broadcasts',
      table: 'broadcasts',
      write: async (i) => {
        if (i % 3 === 2 && drafts.length) expect((await api.post(`/v1/broadcasts/${drafts.shift()}/cancel`)).status).toBe(200);
        else drafts.push(await newBroadcast(`b${i}`));
      },
    });
  });

  it('flows (created, renamed and deleted)', async () => {
    const live: string[] = [];
    await syncUnderWrites({
      path: '/v1/flows',
      table: 'flows',
      deletedSql: 'deleted_at is not null',
      write: async (i) => {
        if (i % 4 === 3 && live.length) expect((await api.delete(`/v1/flows/${live.shift()}`)).status).toBe(200);
        else if (i % 4 === 2 && live.length) expect((await api.patch(`/v1/flows/${pick(live, i)}`, { body: { name: `f${i}` } })).status).toBe(200);
        else live.push(await newFlow(`f${i}`));
      },
    });
  });

  it('flow runs (started and cancelled)', async () => {
    const flow = await newFlow('concurrent runs', true);
    const running: string[] = [];
    await syncUnderWrites({
      path: `/v1/flow-runs?flow_id=${flow}`,
      table: `(select * from flow_runs where flow_id = '${flow}') as r`,
      write: async (i) => {
        if (i % 3 === 2 && running.length) expect((await api.post(`/v1/flow-runs/${running.shift()}/cancel`)).status).toBe(200);
        else {
          const res = await api.post(`/v1/flows/${flow}/runs`, { body: { contact_id: await newContact() } });
          expect(res.status).toBe(202);
          running.push(res.body.id);
        }
      },
    });
  });

  it('webhook endpoints (created, updated and deleted)', async () => {
    const live: string[] = [];
    await syncUnderWrites({
      path: '/v1/webhook-endpoints',
      table: 'webhook_endpoints',
      deletedSql: 'deleted_at is not null',
      write: async (i) => {
        if (i % 4 === 3 && live.length) expect((await api.delete(`/v1/webhook-endpoints/${live.shift()}`)).status).toBe(200);
        else if (i % 4 === 2 && live.length) expect((await api.patch(`/v1/webhook-endpoints/${pick(live, i)}`, { body: { description: `e${i}` } })).status).toBe(200);
        else live.push(await newEndpoint(`e${i}`));
      },
    });
  });

  it('API keys (created, rolled and revoked)', async () => {
    const live: string[] = [];
    await syncUnderWrites({
      path: '/v1/api-keys',
      table: 'api_keys',
      deletedSql: 'revoked_at is not null',
      write: async (i) => {
        if (i % 4 === 3 && live.length) expect((await api.delete(`/v1/api-keys/${live.shift()}`)).status).toBe(200);
        else if (i % 4 === 2 && live.length) expect((await api.post(`/v1/api-keys/${pick(live, i)}/roll`, { body: {} })).status).toBe(200);
        else live.push(await newKey(`k${i}`));
      },
    });
  });
});

// ---- GET /v1/messages ----

describe('GET /v1/messages', () => {
  jest.setTimeout(300_000);
  let channels: { id: string; secret: string }[];
  let all: Item[];
  let createdSince: string;

  beforeAll(async () => {
    channels = [await newChannel('m1'), await newChannel('m2')];
    const phones = [`+91${nextPhone++}`, `+91${nextPhone++}`];
    for (const [c, channel] of channels.entries()) {
      for (const phone of phones) {
        const received = await inbound(channel, phone, `hello ${c}`);
        if (c === 1) createdSince = createdSince ?? received.body.created_at;
        const sent = await api.post(`/v1/conversations/${received.body.conversation_id}/messages`, { body: { type: 'text', text: `reply to ${phone}` } });
        expect(sent.status).toBe(201);
      }
    }
    // every outbound message settles, so the filters below see a still list
    await receiptsDone();
    all = [];
    let cursor: string | null = null;
    do {
      const page: ApiResponse = await api.get(`/v1/messages?limit=100${cursor ? `&cursor=${enc(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      all.push(...page.body.data);
      cursor = page.body.next_cursor;
    } while (cursor);
    const rows = await sql<{ n: string }>(`select count(*) as n from messages where workspace_id = ?`, [ws.workspaceId]);
    expect(all.length).toBe(Number(rows[0].n));
  });

  /** Every page of a filtered list, walked `limit` at a time with its cursors. */
  async function everyPage(query: string, limit: number, by: Api = api): Promise<Item[]> {
    const out: Item[] = [];
    let cursor: string | null = null;
    do {
      const page: ApiResponse = await by.get(`/v1/messages?${query}&limit=${limit}${cursor ? `&cursor=${enc(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      out.push(...page.body.data);
      cursor = page.body.next_cursor;
    } while (cursor);
    return out;
  }

  it('filters by conversation, contact, channel, status, direction and created_since, alone and together, with cursors that survive', async () => {
    const one = all.find((m) => m.direction === 'outbound')!;
    const cases: [string, (m: Item) => boolean][] = [
      [`conversation_id=${one.conversation_id}`, (m) => m.conversation_id === one.conversation_id],
      [`contact_id=${one.contact_id}`, (m) => m.contact_id === one.contact_id],
      [`channel_id=${channels[1].id}`, (m) => m.channel_id === channels[1].id],
      ['status=read', (m) => m.status === 'read'],
      ['status=received', (m) => m.status === 'received'],
      ['direction=inbound', (m) => m.direction === 'inbound'],
      ['direction=outbound', (m) => m.direction === 'outbound'],
      [`created_since=${enc(createdSince)}`, (m) => (m.created_at as string) >= createdSince],
      [`contact_id=${one.contact_id}&channel_id=${channels[0].id}&direction=outbound`, (m) => m.contact_id === one.contact_id && m.channel_id === channels[0].id && m.direction === 'outbound'],
    ];
    for (const [query, holds] of cases) {
      const want = all.filter(holds).map((m) => m.id);
      expect(want.length).toBeGreaterThan(0);
      expect(want.length).toBeLessThan(all.length);
      // one page at a time through the cursors: the same list, in the same order
      expect((await everyPage(query, 1)).map((m) => m.id)).toEqual(want);
      expect((await everyPage(query, 100)).map((m) => m.id)).toEqual(want);
    }
    // sort=updated_at pages the same set
    const byUpdate = await everyPage('sort=updated_at&direction=outbound', 2);
    expect(byUpdate.map((m) => m.id).sort()).toEqual(all.filter((m) => m.direction === 'outbound').map((m) => m.id).sort());
  });

  it('binds cursors to their filters, sort and workspace', async () => {
    const first = await api.get(`/v1/messages?channel_id=${channels[0].id}&limit=1`);
    const cursor = first.body.next_cursor as string;
    expect(cursor).toBeTruthy();
    expectProblem(await api.get(`/v1/messages?channel_id=${channels[1].id}&limit=1&cursor=${enc(cursor)}`), 400, 'invalid_cursor');
    expectProblem(await api.get(`/v1/messages?limit=1&cursor=${enc(cursor)}`), 400, 'invalid_cursor');
    expectProblem(await api.get(`/v1/messages?channel_id=${channels[0].id}&sort=updated_at&limit=1&cursor=${enc(cursor)}`), 400, 'invalid_cursor');
    // a cursor of the per-conversation list is not one of this list
    const conv = await api.get(`/v1/conversations/${all[0].conversation_id}/messages?limit=1`);
    expectProblem(await api.get(`/v1/messages?limit=1&cursor=${enc(conv.body.next_cursor)}`), 400, 'invalid_cursor');
    expect((await api.get(`/v1/messages?channel_id=${channels[0].id}&limit=1&cursor=${enc(cursor)}`)).status).toBe(200);
  });

  it('holds across workspaces: another workspace sees none of these messages and cannot use their cursors', async () => {
    const other = await newWorkspace();
    const otherApi = client(other.key);
    const theirs = await otherApi.get('/v1/messages?limit=100');
    expect(theirs.status).toBe(200);
    expect(theirs.body.data).toEqual([]);
    for (const query of [`conversation_id=${all[0].conversation_id}`, `contact_id=${all[0].contact_id}`, `channel_id=${channels[0].id}`]) {
      expect((await otherApi.get(`/v1/messages?${query}`)).body.data).toEqual([]);
    }
    const cursor = (await api.get('/v1/messages?limit=1')).body.next_cursor as string;
    expectProblem(await otherApi.get(`/v1/messages?limit=1&cursor=${enc(cursor)}`), 400, 'invalid_cursor');
  });

  it('masks text and parameters without pii:read, and needs messages:read', async () => {
    const noPii = client((await ws.keyWith(['messages:read'])).key);
    const masked = await everyPage('direction=inbound', 100, noPii);
    expect(masked.map((m) => m.id)).toEqual(all.filter((m) => m.direction === 'inbound').map((m) => m.id));
    for (const m of masked) expect(m.text).toBe('[masked]');
    const clear = all.filter((m) => m.direction === 'inbound');
    expect(clear.every((m) => typeof m.text === 'string' && m.text !== '[masked]')).toBe(true);
    const sync = await walk('/v1/messages', new Date(Date.now() - 3_600_000).toISOString(), 100, undefined, noPii);
    expect(sync.length).toBe(all.length);
    for (const m of sync) expect(m.text).toBe('[masked]');
    const noScope = client((await ws.keyWith(['contacts:read'])).key);
    expectProblem(await noScope.get('/v1/messages'), 403, 'insufficient_scope');
  });
});

// ---- GET /v1/messages: each page is an index scan ----

describe('GET /v1/messages pages are index scans', () => {
  jest.setTimeout(300_000);

  interface PlanNode {
    'Node Type': string;
    'Index Name'?: string;
    'Relation Name'?: string;
    'Actual Rows'?: number;
    'Rows Removed by Filter'?: number;
    Plans?: PlanNode[];
  }
  const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

  it('reads a bounded number of rows per page for every filter and both sorts, on 40,000 messages', async () => {
    const own = await newWorkspace();
    const mine = client(own.key);
    const channelsOf: { id: string; secret: string }[] = [];
    for (const name of ['p1', 'p2']) {
      const res = await mine.post('/v1/channels', { body: { name, provider: 'sandbox' } });
      channelsOf.push({ id: res.body.id, secret: res.body.signing_secret });
    }
    const conversations: { id: string; contact_id: string; channel_id: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const raw = JSON.stringify({ from: `+91${nextPhone++}`, text: 'hi', provider_message_id: `wamid.${randomUUID()}` });
      const channel = channelsOf[i % 2];
      const res = await client('').post(`/v1/channels/${channel.id}/inbound`, {
        key: null,
        rawBody: raw,
        headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signBody(channel.secret, raw) },
      });
      expect(res.status).toBe(201);
      conversations.push({ id: res.body.conversation_id, contact_id: res.body.contact_id, channel_id: channel.id });
    }
    const prefix = randomUUID().replace(/-/g, '').slice(0, 6);
    for (const [n, c] of conversations.entries()) {
      await sql(
        `insert into messages (id, workspace_id, conversation_id, contact_id, channel_id, direction, type, text, status, created_at, updated_at)
         select 'msg_' || ? || lpad((g * 8 + ?)::text, 20, '0'), ?, ?, ?, ?,
                case when g % 2 = 0 then 'inbound' else 'outbound' end, 'text', 'seed',
                case when g % 2 = 0 then 'received' else (array['queued', 'sent', 'delivered', 'read', 'read', 'read', 'failed'])[1 + (g / 2) % 7] end,
                now() - make_interval(secs => g * 8 + ?), now() - make_interval(secs => (g * 8 + ?) / 3.0)
         from generate_series(1, 5000) g`,
        [prefix, n, own.workspaceId, c.id, c.contact_id, c.channel_id, n, n],
      );
    }
    await sql('analyze messages');

    const { workspaceMessagesList } = await import('../src/db/messaging.queries');
    const { keysetQuery } = await import('../src/db/keyset');
    const { plannerPreamble } = await import('../src/db/direct-query');
    const { encodeCursor } = await import('../src/pagination');
    const c = conversations[3];
    const cases: Record<string, unknown>[] = [
      {},
      { conversation_id: c.id },
      { contact_id: c.contact_id },
      { channel_id: c.channel_id },
      { status: 'failed' },
      { status: 'received' },
      { direction: 'outbound' },
      { created_since: new Date(Date.now() - 3_600_000).toISOString() },
      { updated_since: new Date(Date.now() - 3_600_000).toISOString() },
      { contact_id: c.contact_id, channel_id: c.channel_id, direction: 'outbound', status: 'read' },
    ];
    const report: string[] = [];
    for (const filters of cases) {
      for (const sort of ['created_at', 'updated_at'] as const) {
        for (const deep of [false, true]) {
          const page = { limit: 100, sort, filters, cursor: undefined as string | undefined };
          // a page deep in the list: its cursor sits 5,000 seconds back
          if (deep) page.cursor = encodeCursor('workspace_messages', own.workspaceId, page, { at: new Date(Date.now() - 5_000_000), id: 'msg_z' });
          const { sql: text, params, planner } = keysetQuery(workspaceMessagesList(own.workspaceId, page as never));
          // explained as the API runs it: in a transaction with the list's planner settings
          const [row] = await (await db()).em.fork().transactional(async (tx) => {
            for (const statement of plannerPreamble(planner ?? {})) await tx.execute(statement);
            return tx.execute<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(`explain (analyze, format json) ${text}`, params);
          });
          const plan = nodes(row['QUERY PLAN'][0].Plan);
          const scans = plan.filter((n) => n['Relation Name'] === 'messages');
          const where = `${JSON.stringify(filters)} sort=${sort}${deep ? ' (deep page)' : ''}`;
          expect({ where, types: plan.map((n) => n['Node Type']) }).toEqual({ where, types: ['Limit', 'Index Scan'] });
          const read = scans.reduce((sum, n) => sum + (n['Actual Rows'] ?? 0) + (n['Rows Removed by Filter'] ?? 0), 0);
          // a page of 100 (+1) reads at most a few hundred index entries, never the workspace's 40,000 messages
          expect({ where, bounded: read <= 1_000 }).toEqual({ where, bounded: true });
          report.push(`${where}: ${scans.map((n) => n['Index Name']).join(', ')}, ${read} rows read`);
        }
      }
    }
    console.log(`GET /v1/messages plans on 40,000 messages:\n${report.join('\n')}`);
  });
});
