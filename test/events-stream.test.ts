import { Client as PgClient } from 'pg';
import { revokeApiKey } from '../src/admin';
import { freePort } from '../src/stack/embedded';
import { client } from './support/client';
import { spawnApi } from './support/processes';
import { closeDb, db, newWorkspace, sql, stack, type TestWorkspace } from './support/stack';
import { connect } from './support/event-stream-client';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let ws: TestWorkspace;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
});
afterAll(closeDb);

let phoneSeq = 0;
const phone = () => `+91960000${String(++phoneSeq).padStart(4, '0')}`;

/** The workspace's event ids in stream order, after a given event (or all). */
async function streamOrder(afterId?: string): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    `select id from events where workspace_id = ? ${afterId ? 'and (txid, id) > (select txid, id from events where id = ?)' : ''} order by txid, id`,
    afterId ? [ws.workspaceId, afterId] : [ws.workspaceId],
  );
  return rows.map((r) => r.id);
}

describe('GET /v1/events/stream', () => {
  it('answers with an event stream and the usual headers, and delivers events written after connecting as GET /v1/events shows them', async () => {
    const head = await api.get('/v1/events/stream');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(head.headers.get('cache-control')).toMatch(/no-cache/);
    expect(head.headers.get('x-ratelimit-limit')).toBeTruthy();
    expect(head.headers.get('api-version')).toBe('2026-11-01');

    const s = await connect(ws.key);
    expect(s.res.status).toBe(200);
    const created = await api.post('/v1/contacts', { body: { phone: phone(), first_name: 'Stream' } });
    await api.post(`/v1/contacts/${created.body.id}/tags`, { body: { tags: ['streamed'] } });
    await s.count(3);
    expect(s.retry).toBe(2000);
    expect(s.messages.map((m) => m.event).sort()).toEqual(['contact.created', 'contact.updated', 'tag.created']);
    expect(s.messages[0].event).toBe('contact.created');
    const listed = (await api.get('/v1/events?limit=10')).body.data as { id: string }[];
    for (const m of s.messages) {
      expect(m.id).toMatch(/^evt_/);
      expect(JSON.parse(m.data)).toEqual(listed.find((e) => e.id === m.id));
    }
    expect(s.messages.map((m) => m.id)).toEqual(await streamOrder(undefined).then((ids) => ids.slice(-3)));
    await s.close();
  });

  it('resumes after Last-Event-ID with exactly the missed events, none repeated', async () => {
    const s = await connect(ws.key);
    const c = await api.post('/v1/contacts', { body: { phone: phone() } });
    await s.count(1);
    await s.close();
    const last = s.messages[s.messages.length - 1].id!;

    // written while disconnected
    await api.patch(`/v1/contacts/${c.body.id}`, { body: { first_name: 'Missed' } });
    await api.post(`/v1/contacts/${c.body.id}/tags`, { body: { tags: ['missed-1', 'missed-2'] } });
    await api.post('/v1/contacts', { body: { phone: phone() } });
    const missed = await streamOrder(last);
    expect(missed).toHaveLength(5);

    const resumed = await connect(ws.key, { headers: { 'Last-Event-ID': last } });
    await resumed.count(5);
    await sleep(1_200); // nothing more should come
    expect(resumed.messages.map((m) => m.id)).toEqual(missed);
    // and it goes on live after the catch-up
    await api.post('/v1/contacts', { body: { phone: phone() } });
    await resumed.count(6);
    expect(new Set(resumed.messages.map((m) => m.id)).size).toBe(6);
    await resumed.close();

    // the query parameter does the same for clients that cannot set headers; the header wins over it
    const byQuery = await connect(ws.key, { query: `?last_event_id=${last}` });
    await byQuery.count(6);
    expect(byQuery.messages.map((m) => m.id)).toEqual(await streamOrder(last));
    await byQuery.close();
    const both = await connect(ws.key, { query: `?last_event_id=${last}`, headers: { 'Last-Event-ID': missed[4] } });
    await both.count(1);
    await sleep(800);
    expect(both.messages).toHaveLength(1);
    await both.close();
  });

  it('loses nothing when commits land out of order, and holds later events back until earlier transactions finish', async () => {
    const c = await api.post('/v1/contacts', { body: { phone: phone() } });
    const s = await connect(ws.key);
    await sleep(600);
    // a transaction that starts first and commits last
    const pg = new PgClient({ connectionString: stack().env.DATABASE_URL });
    await pg.connect();
    try {
      await pg.query('begin');
      const wire = (await api.get(`/v1/contacts/${c.body.id}`)).body;
      const slowId = `evt_${'0'.repeat(22)}slow`;
      await pg.query(
        `insert into events (id, workspace_id, type, object_type, object_id, sequence, data, previous_attributes, request_id, created_at)
         values ($1, $2, 'contact.updated', 'contact', $3, 99, $4, $5, null, now())`,
        [slowId, ws.workspaceId, c.body.id, JSON.stringify({ object: wire }), JSON.stringify({ attributes: {} })],
      );
      // a later transaction commits first
      const fast = await api.post('/v1/contacts', { body: { phone: phone() } });
      expect(fast.status).toBe(201);
      await sleep(1_500);
      expect(s.messages).toHaveLength(0); // held back behind the open transaction, not skipped
      await pg.query('commit');
      await s.count(2);
      expect(s.messages[0].id).toBe(slowId);
      expect(JSON.parse(s.messages[1].data).data.object.id).toBe(fast.body.id);

      // a client that had only seen the slow one resumes with the fast one, once
      const resumed = await connect(ws.key, { headers: { 'Last-Event-ID': slowId } });
      await resumed.count(1);
      await sleep(600);
      expect(resumed.messages.map((m) => m.id)).toEqual([s.messages[1].id]);
      await resumed.close();
    } finally {
      await pg.query('rollback').catch(() => undefined);
      await pg.end();
      await s.close();
    }
  });

  it('sends keep-alive comments while idle', async () => {
    const s = await connect(ws.key);
    await s.heartbeat();
    expect(s.messages).toHaveLength(0);
    await s.close();
  });

  it('filters by type, with family wildcards', async () => {
    const onlyTags = await connect(ws.key, { query: '?types=tag.*' });
    const some = await connect(ws.key, { query: '?types=contact.created,tag.created' });
    const c = await api.post('/v1/contacts', { body: { phone: phone() } });
    await api.post(`/v1/contacts/${c.body.id}/tags`, { body: { tags: ['filtered'] } });
    await api.patch(`/v1/contacts/${c.body.id}`, { body: { first_name: 'Filter' } });
    await onlyTags.count(1);
    await some.count(2);
    await sleep(800);
    expect(onlyTags.messages.map((m) => m.event)).toEqual(['tag.created']);
    expect(some.messages.map((m) => m.event).sort()).toEqual(['contact.created', 'tag.created']);
    // resuming a filtered stream skips what the filter leaves out
    await api.post('/v1/contacts', { body: { phone: phone() } });
    const resumed = await connect(ws.key, { query: '?types=contact.created', headers: { 'Last-Event-ID': onlyTags.messages[0].id! } });
    await resumed.count(1);
    await sleep(600);
    expect(resumed.messages).toHaveLength(1);
    await Promise.all([onlyTags.close(), some.close(), resumed.close()]);

    const bad = await api.get('/v1/events/stream?types=contact');
    expect(bad.status).toBe(400);
  });

  it('renders events in the caller\'s API version with personal data masked', async () => {
    // contacts:read: without it an event shows only its object's {id, object} (test/security/pii-paths.test.ts)
    const { key } = await ws.keyWith(['events:read', 'contacts:read'], '2025-06-01');
    const s = await connect(key);
    const c = await api.post('/v1/contacts', { body: { phone: '+919611112222', first_name: 'Meera', last_name: 'Iyer' } });
    await s.count(1);
    const data = JSON.parse(s.messages[0].data);
    expect(data.data.object).toMatchObject({ id: c.body.id, name: 'M*** I***', phone: `+91${'*'.repeat(8)}22` });
    expect(s.messages[0].data).not.toContain('Meera');
    const listed = await client(key).get('/v1/events?limit=1');
    expect(data).toEqual(listed.body.data[0]);
    await s.close();
  });

  it('refuses without a key (401), without events:read (403) and with an unknown Last-Event-ID (400)', async () => {
    const none = await api.get('/v1/events/stream', { key: null });
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/problem\+json/);
    const { key } = await ws.keyWith(['contacts:read']);
    const forbidden = await client(key).get('/v1/events/stream');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.missing_scopes).toEqual(['events:read']);

    const other = await newWorkspace();
    const foreign = (await client(other.key).post('/v1/contacts', { body: { phone: '+919600009999' } })).body;
    const theirEvent = (await client(other.key).get('/v1/events?limit=1')).body.data[0].id;
    expect(foreign.id).toBeTruthy();
    const unknown = await api.get('/v1/events/stream', { headers: { 'Last-Event-ID': theirEvent } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('last_event_id_unknown');
    expect((await api.get('/v1/events/stream?last_event_id=nope')).status).toBe(400);
  });

  it('caps open streams per key with 429 and frees a slot when a stream closes', async () => {
    const { key } = await ws.keyWith(['events:read']);
    const open = await Promise.all(Array.from({ length: 5 }, () => connect(key)));
    expect(open.map((s) => s.res.status)).toEqual([200, 200, 200, 200, 200]);
    const sixth = await client(key).get('/v1/events/stream');
    expect(sixth.status).toBe(429);
    expect(sixth.body.code).toBe('stream_limit_reached');
    expect(sixth.headers.get('retry-after')).toBeTruthy();
    // once each has had a keep-alive, all five are still open (one attached during a lease renewal is not dropped)
    await Promise.all(open.map((s) => s.heartbeat()));
    expect(open.map((s) => s.ended)).toEqual([false, false, false, false, false]);
    // another key of the same workspace is not affected
    const others = await connect(ws.key);
    expect(others.res.status).toBe(200);
    await others.close();

    await open[0].close();
    let again = await client(key).get('/v1/events/stream');
    for (let i = 0; i < 20 && again.status === 429; i++) {
      await sleep(100);
      again = await client(key).get('/v1/events/stream');
    }
    expect(again.status).toBe(200);
    await Promise.all(open.slice(1).map((s) => s.close()));
  });

  it('ends the streams of a revoked key', async () => {
    const { key, keyId } = await ws.keyWith(['events:read']);
    const s = await connect(key);
    expect(s.res.status).toBe(200);
    await s.heartbeat();
    expect(s.ended).toBe(false);
    await revokeApiKey(await db(), keyId);
    await s.end();
  });

  it('ends open streams when the server shuts down, so it stops promptly', async () => {
    const port = await freePort();
    const proc = await spawnApi('stream-shutdown-api', port, stack().env);
    try {
      const s = await connect(ws.key, { baseUrl: `http://127.0.0.1:${port}` });
      expect(s.res.status).toBe(200);
      const started = Date.now();
      await proc.stop();
      await s.end();
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await proc.stop(true);
    }
  });
});

describe('stream order across a power of ten', () => {
  // transaction ids are compared as numbers: 9 < 10 (as text, '10' < '9'); real ids cross 10^n as a cluster ages
  it('sends events in transaction order when their ids differ in length, in the stream and in the dispatcher\'s read', async () => {
    const own = await newWorkspace();
    const mine = client(own.key);
    const rows: [id: string, txid: number][] = [];
    for (const txid of [5, 10, 9, 100]) {
      const created = await mine.post('/v1/contacts', { body: { phone: phone() } });
      expect(created.status).toBe(201);
      const [event] = await sql<{ id: string }>(`select id from events where object_id = ? and type = 'contact.created'`, [created.body.id]);
      // as if written by transactions 5, 10, 9 and 100: ids of different lengths
      await sql('update events set txid = ?::text::xid8 where id = ?', [String(txid), event.id]);
      rows.push([event.id, txid]);
    }
    const resumed = await connect(own.key, { headers: { 'Last-Event-ID': rows[0][0] } });
    await resumed.count(3);
    await sleep(600);
    expect(resumed.messages.map((m) => m.id)).toEqual([rows[2][0], rows[1][0], rows[3][0]]);
    await resumed.close();

    // every workspace's read (webhooks, flow triggers) pages with a limit: out of order, a page would skip for good
    const { settledEventsOfAllWorkspaces, settledHorizon } = await import('../src/db/events');
    const em = (await db()).em.fork();
    const horizon = await settledHorizon(em);
    const page1 = await settledEventsOfAllWorkspaces(em, { txid: '5', id: rows[0][0] }, horizon, 2);
    expect(page1.map((e) => [e.id, e.txid])).toEqual([[rows[2][0], '9'], [rows[1][0], '10']]);
    const page2 = await settledEventsOfAllWorkspaces(em, { txid: page1[1].txid, id: page1[1].id }, horizon, 1);
    expect(page2.map((e) => [e.id, e.txid])).toEqual([[rows[3][0], '100']]);
  });
});

describe('events stored before a field existed', () => {
  it('are shown in today\'s shape, with the value that was true of the object then', async () => {
    const contact = await api.post('/v1/contacts', { body: { phone: phone(), first_name: 'Before' } });
    const endpoint = await api.post('/v1/webhook-endpoints', { body: { url: 'http://127.0.0.1:9/old-events', event_types: ['order.paid'] } });
    const channel = await api.post('/v1/channels', { body: { name: 'before whatsapp', provider: 'sandbox' } });
    expect([contact.status, endpoint.status, channel.status]).toEqual([201, 201, 201]);
    const created = await sql<{ id: string; type: string }>(
      `select id, type from events where workspace_id = ? and object_id in (?, ?, ?) and type in ('contact.created', 'webhook_endpoint.created', 'channel.created')`,
      [ws.workspaceId, contact.body.id, endpoint.body.id, channel.body.id],
    );
    expect(created.map((e) => e.type).sort()).toEqual(['channel.created', 'contact.created', 'webhook_endpoint.created']);
    // what those events held when written before consent_source, api_version and whatsapp existed
    for (const [type, field] of [['contact.created', 'consent_source'], ['webhook_endpoint.created', 'api_version'], ['channel.created', 'whatsapp']]) {
      await sql(`update events set data = (data::jsonb #- ?::text[])::json where id = ?`, [`{object,${field}}`, created.find((e) => e.type === type)!.id]);
    }
    const listed = (await api.get('/v1/events?limit=100')).body.data as { id: string; data: { object: Record<string, unknown> } }[];
    const byId = new Map(listed.map((e) => [e.id, e]));
    const [contactEvent, endpointEvent] = ['contact.created', 'webhook_endpoint.created'].map((t) => byId.get(created.find((e) => e.type === t)!.id)!);
    // the validating client has checked both against the spec; the values are what was true of them then
    expect(contactEvent.data.object).toMatchObject({ id: contact.body.id, consent_source: null });
    expect(endpointEvent.data.object).toMatchObject({ id: endpoint.body.id, api_version: '2026-11-01' });
    const channelEvent = byId.get(created.find((e) => e.type === 'channel.created')!.id)!;
    expect(channelEvent.data.object).toMatchObject({ id: channel.body.id, whatsapp: null });
  });

  it('a message event from before interactive messages shows interactive and interactive_reply as null', async () => {
    const contact = await api.post('/v1/contacts', { body: { phone: phone(), first_name: 'Before' } });
    const channel = await api.post('/v1/channels', { body: { name: 'before interactive', provider: 'sandbox' } });
    const template = await api.post('/v1/templates', { body: { name: `before_interactive_${phoneSeq}`, language: 'en', category: 'utility', body: 'Hi {{1}}' } });
    const conversation = await api.post('/v1/conversations', { body: { contact_id: contact.body.id, channel_id: channel.body.id } });
    const message = await api.post(`/v1/conversations/${conversation.body.id}/messages`, { body: { type: 'template', template_id: template.body.id, parameters: ['Asha'] } });
    expect([contact.status, channel.status, template.status, conversation.status, message.status]).toEqual([201, 201, 201, 201, 201]);
    const [queued] = await sql<{ id: string }>(`select id from events where workspace_id = ? and object_id = ? and type = 'message.queued'`, [ws.workspaceId, message.body.id]);
    await sql(`update events set data = ((data::jsonb #- '{object,interactive}') #- '{object,interactive_reply}')::json where id = ?`, [queued.id]);
    const [stored] = await sql<{ data: { object: Record<string, unknown> } }>('select data from events where id = ?', [queued.id]);
    expect(stored.data.object).not.toHaveProperty('interactive');
    // the validating client checks the listed event against the spec
    const listed = (await api.get('/v1/events?type=message.queued&limit=100')).body.data as { id: string; data: { object: Record<string, unknown> } }[];
    const shown = listed.find((e) => e.id === queued.id)!;
    expect(shown.data.object).toMatchObject({ id: message.body.id, type: 'template', interactive: null, interactive_reply: null });
  });
});
