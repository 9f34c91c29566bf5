import { randomUUID } from 'node:crypto';
import { client } from './support/client';
import { expectAuthRefusals, expectBodyRefusals, expectKeyReuseRefused, expectProblem, expectRateLimited, type Probe } from './support/operation-refusals';
import { closeDb, newWorkspace, sql, type TestWorkspace } from './support/stack';

let ws: TestWorkspace;
let api: ReturnType<typeof client>;
let contactId: string;

let phoneSeq = 0;
async function newContact(c = api): Promise<string> {
  const res = await c.post('/v1/contacts', { body: { external_id: `order-buyer-${Date.now()}-${phoneSeq++}` } });
  expect(res.status).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
  contactId = await newContact();
});
afterAll(closeDb);

const ITEMS = [
  { sku: 'TSHIRT-M-BLUE', name: 'T-shirt, blue, M', quantity: 2, unit_price: 49900 },
  { sku: 'CAP-RED', name: 'Red cap', quantity: 1, unit_price: 19900 },
];
const newOrder = (overrides: Record<string, unknown> = {}) => ({ contact_id: contactId, currency: 'INR', items: ITEMS, ...overrides });

async function create(overrides: Record<string, unknown> = {}) {
  const res = await api.post('/v1/orders', { body: newOrder(overrides) });
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string; [k: string]: any };
}

async function eventsOf(id: string): Promise<{ type: string; sequence: number; data: { object: any; previous_attributes?: any } }[]> {
  const res = await api.get('/v1/events?type=order.*&limit=100');
  expect(res.status).toBe(200);
  return res.body.data.filter((e: { data: { object: { id: string } } }) => e.data.object.id === id);
}

describe('orders', () => {
  it('creates an order with server-computed amounts, and retrieves and lists it', async () => {
    const created = await api.post('/v1/orders', { body: newOrder({ metadata: { channel: 'whatsapp', campaign: 7 } }) });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^ord_/),
      object: 'order',
      livemode: true,
      contact_id: contactId,
      status: 'pending',
      currency: 'INR',
      items: [
        { sku: 'TSHIRT-M-BLUE', name: 'T-shirt, blue, M', quantity: 2, unit_price: 49900, amount: 99800 },
        { sku: 'CAP-RED', name: 'Red cap', quantity: 1, unit_price: 19900, amount: 19900 },
      ],
      subtotal: 119700,
      total: 119700,
      metadata: { channel: 'whatsapp', campaign: 7 },
      paid_at: null,
      fulfilled_at: null,
      delivered_at: null,
      cancelled_at: null,
      refunded_at: null,
      created_at: expect.any(String),
      updated_at: created.body.created_at,
    });
    const got = await api.get(`/v1/orders/${created.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);
    const listed = await api.get(`/v1/orders?limit=1`);
    expect(listed.body.data).toEqual([created.body]);

    const events = await eventsOf(created.body.id);
    expect(events.map((e) => `${e.type}#${e.sequence}`)).toEqual(['order.created#1']);
    expect(events[0].data.object).toEqual(created.body);
  });

  it('keeps large totals exact', async () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ sku: `BULK-${i}`, name: `Bulk item ${i}`, quantity: 10000, unit_price: 1_000_000_000 }));
    const big = await create({ items, currency: 'JPY' });
    expect(big.items).toHaveLength(100);
    expect(big.items[99]).toEqual({ sku: 'BULK-99', name: 'Bulk item 99', quantity: 10000, unit_price: 1_000_000_000, amount: 10_000_000_000_000 });
    expect(big.subtotal).toBe(1_000_000_000_000_000);
    expect(big.total).toBe(1_000_000_000_000_000);
    expect((await api.get(`/v1/orders/${big.id}`)).body).toEqual(big);
    const free = await create({ items: [{ sku: 'GIFT', name: 'Gift', quantity: 3, unit_price: 0 }] });
    expect(free).toMatchObject({ subtotal: 0, total: 0, items: [{ amount: 0 }] });
  });

  it('walks pending → paid → fulfilled → delivered → refunded, stamping each step and emitting one status event per step', async () => {
    const order = await create();
    const stamps: Record<string, string> = {};
    for (const status of ['paid', 'fulfilled', 'delivered', 'refunded']) {
      const res = await api.patch(`/v1/orders/${order.id}`, { body: { status } });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(status);
      stamps[status] = res.body[`${status}_at`];
      expect(stamps[status]).toBe(res.body.updated_at);
      // earlier stamps stay as they were
      for (const [s, at] of Object.entries(stamps)) expect(res.body[`${s}_at`]).toBe(at);
    }
    const final = (await api.get(`/v1/orders/${order.id}`)).body;
    expect(final.cancelled_at).toBeNull();

    const events = await eventsOf(order.id);
    expect(events.map((e) => `${e.type}#${e.sequence}`)).toEqual(['order.refunded#5', 'order.delivered#4', 'order.fulfilled#3', 'order.paid#2', 'order.created#1']);
    expect(events[3].data.previous_attributes).toEqual({ status: 'pending', paid_at: null });
    expect(events[3].data.object).toMatchObject({ status: 'paid', paid_at: stamps.paid, fulfilled_at: null });
    expect(events[0].data.previous_attributes).toEqual({ status: 'delivered', refunded_at: null });
    expect(events[0].data.object).toEqual(final);
  });

  it('cancels from pending or paid, and treats the current status as no change', async () => {
    const a = await create();
    const cancelled = await api.patch(`/v1/orders/${a.id}`, { body: { status: 'cancelled' } });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelled_at: expect.any(String), paid_at: null });
    const b = await create();
    await api.patch(`/v1/orders/${b.id}`, { body: { status: 'paid' } });
    const paidThenCancelled = await api.patch(`/v1/orders/${b.id}`, { body: { status: 'cancelled' } });
    expect(paidThenCancelled.body).toMatchObject({ status: 'cancelled', paid_at: expect.any(String), cancelled_at: expect.any(String) });

    const c = await create();
    const same = await api.patch(`/v1/orders/${c.id}`, { body: { status: 'pending' } });
    expect(same.status).toBe(200);
    expect(same.body).toEqual(c);
    expect((await eventsOf(c.id)).map((e) => e.type)).toEqual(['order.created']);
  });

  it('refuses an illegal transition with 422 naming the allowed statuses', async () => {
    const order = await create();
    const skip = await api.patch(`/v1/orders/${order.id}`, { body: { status: 'delivered' } });
    expectProblem(skip, 422, 'order_invalid_transition');
    expect(skip.body.allowed_statuses).toEqual(['paid', 'cancelled']);
    expect(skip.body.detail).toBe("An order that is 'pending' cannot become 'delivered'; it can move to 'paid' or 'cancelled'");
    expect(skip.body.errors).toEqual([expect.objectContaining({ pointer: '/status', code: 'order_invalid_transition' })]);

    await api.patch(`/v1/orders/${order.id}`, { body: { status: 'paid' } });
    await api.patch(`/v1/orders/${order.id}`, { body: { status: 'fulfilled' } });
    const back = await api.patch(`/v1/orders/${order.id}`, { body: { status: 'paid' } });
    expectProblem(back, 422, 'order_invalid_transition');
    expect(back.body.allowed_statuses).toEqual(['delivered', 'refunded']);
    const lateCancel = await api.patch(`/v1/orders/${order.id}`, { body: { status: 'cancelled', metadata: { reason: 'late' } } });
    expectProblem(lateCancel, 422, 'order_invalid_transition');

    await api.patch(`/v1/orders/${order.id}`, { body: { status: 'refunded' } });
    const afterFinal = await api.patch(`/v1/orders/${order.id}`, { body: { status: 'delivered' } });
    expectProblem(afterFinal, 422, 'order_invalid_transition');
    expect(afterFinal.body.allowed_statuses).toEqual([]);
    expect(afterFinal.body.detail).toContain('final');

    const cancelled = await create();
    await api.patch(`/v1/orders/${cancelled.id}`, { body: { status: 'cancelled' } });
    const revive = await api.patch(`/v1/orders/${cancelled.id}`, { body: { status: 'paid' } });
    expectProblem(revive, 422, 'order_invalid_transition');
    expect(revive.body.allowed_statuses).toEqual([]);

    // refusals leave the order and its events untouched, metadata included
    const now = (await api.get(`/v1/orders/${order.id}`)).body;
    expect(now).toMatchObject({ status: 'refunded', metadata: {} });
    expect((await eventsOf(order.id)).map((e) => e.type)).toEqual(['order.refunded', 'order.fulfilled', 'order.paid', 'order.created']);
  });

  it('serialises concurrent moves: of fulfilling and cancelling a paid order, exactly one wins', async () => {
    const order = await create();
    await api.patch(`/v1/orders/${order.id}`, { body: { status: 'paid' } });
    const [fulfil, cancel] = await Promise.all([
      api.patch(`/v1/orders/${order.id}`, { body: { status: 'fulfilled' } }),
      api.patch(`/v1/orders/${order.id}`, { body: { status: 'cancelled' } }),
    ]);
    expect([fulfil.status, cancel.status].sort()).toEqual([200, 422]);
    const winner = fulfil.status === 200 ? fulfil : cancel;
    const loser = fulfil.status === 200 ? cancel : fulfil;
    expect(loser.body.code).toBe('order_invalid_transition');
    expect((await api.get(`/v1/orders/${order.id}`)).body).toEqual(winner.body);
    expect((await eventsOf(order.id)).map((e) => e.sequence)).toEqual([3, 2, 1]);
  });

  it('merges metadata key by key, emitting order.updated, or the status event when the status moves too', async () => {
    const order = await create({ metadata: { channel: 'web', coupon: 'X1' } });
    const res = await api.patch(`/v1/orders/${order.id}`, { body: { metadata: { coupon: null, note: 'gift wrap' } } });
    expect(res.status).toBe(200);
    expect(res.body.metadata).toEqual({ channel: 'web', note: 'gift wrap' });
    expect(res.body.status).toBe('pending');
    const events = await eventsOf(order.id);
    expect(events.map((e) => `${e.type}#${e.sequence}`)).toEqual(['order.updated#2', 'order.created#1']);
    expect(events[0].data.previous_attributes).toEqual({ metadata: { channel: 'web', coupon: 'X1' } });

    const both = await api.patch(`/v1/orders/${order.id}`, { body: { status: 'paid', metadata: { paid_via: 'upi' } } });
    expect(both.body).toMatchObject({ status: 'paid', metadata: { channel: 'web', note: 'gift wrap', paid_via: 'upi' } });
    const after = await eventsOf(order.id);
    expect(after.map((e) => `${e.type}#${e.sequence}`)).toEqual(['order.paid#3', 'order.updated#2', 'order.created#1']);
    expect(after[0].data.previous_attributes).toEqual({ status: 'pending', paid_at: null, metadata: { channel: 'web', note: 'gift wrap' } });
    expect(after[0].data.object).toEqual(both.body);
  });

  it('filters by contact and status, sorts by updated_at, and pages with a cursor', async () => {
    const buyer = await newContact();
    const since = new Date(Date.now() - 1000).toISOString();
    const o1 = await create({ contact_id: buyer });
    const o2 = await create({ contact_id: buyer });
    const o3 = await create({ contact_id: buyer });
    await api.patch(`/v1/orders/${o1.id}`, { body: { status: 'paid' } });

    const mine = await api.get(`/v1/orders?contact_id=${buyer}`);
    expect(mine.body.data.map((o: { id: string }) => o.id)).toEqual([o3.id, o2.id, o1.id]);
    const paid = await api.get(`/v1/orders?contact_id=${buyer}&status=paid`);
    expect(paid.body.data.map((o: { id: string }) => o.id)).toEqual([o1.id]);
    const byUpdate = await api.get(`/v1/orders?contact_id=${buyer}&sort=updated_at&updated_since=${encodeURIComponent(since)}`);
    expect(byUpdate.body.data.map((o: { id: string }) => o.id)).toEqual([o1.id, o3.id, o2.id]);
    const future = await api.get(`/v1/orders?updated_since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.body.data).toEqual([]);

    const page1 = await api.get(`/v1/orders?contact_id=${buyer}&limit=2`);
    expect(page1.body.has_more).toBe(true);
    const page2 = await api.get(`/v1/orders?contact_id=${buyer}&limit=2&cursor=${encodeURIComponent(page1.body.next_cursor)}`);
    expect([...page1.body.data, ...page2.body.data].map((o: { id: string }) => o.id)).toEqual([o3.id, o2.id, o1.id]);
    expect(page2.body).toMatchObject({ has_more: false, next_cursor: null });
    expectProblem(await api.get(`/v1/orders?status=paid&limit=2&cursor=${encodeURIComponent(page1.body.next_cursor)}`), 400, 'invalid_cursor');
  });

  it('refuses an order for a contact that is missing, deleted or in another workspace with 422 contact_not_found', async () => {
    const other = await newWorkspace();
    const foreign = await newContact(client(other.key));
    const gone = await newContact();
    expect((await api.delete(`/v1/contacts/${gone}`)).status).toBe(200);
    for (const id of ['ctc_00000000000000000000000000', gone, foreign]) {
      const res = await api.post('/v1/orders', { body: newOrder({ contact_id: id }) });
      expectProblem(res, 422, 'contact_not_found');
      expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/contact_id' })]);
    }
    const rows = await sql(`select id from orders where contact_id in (?, ?)`, [gone, foreign]);
    expect(rows).toHaveLength(0);
  });

  it('refuses invalid input with 400 naming the field', async () => {
    const item = ITEMS[0];
    const cases: [Record<string, unknown>, string][] = [
      [newOrder({ items: [] }), '/items'],
      [newOrder({ items: Array.from({ length: 101 }, () => item) }), '/items'],
      [newOrder({ items: [{ ...item, quantity: 0 }] }), '/items/0/quantity'],
      [newOrder({ items: [{ ...item, quantity: 10001 }] }), '/items/0/quantity'],
      [newOrder({ items: [{ ...item, quantity: 1.5 }] }), '/items/0/quantity'],
      [newOrder({ items: [item, { ...item, unit_price: -1 }] }), '/items/1/unit_price'],
      [newOrder({ items: [{ ...item, unit_price: 9.99 }] }), '/items/0/unit_price'],
      [newOrder({ items: [{ ...item, unit_price: 1_000_000_001 }] }), '/items/0/unit_price'],
      [newOrder({ items: [{ ...item, amount: 5 }] }), '/items/0/amount'],
      [newOrder({ items: [{ sku: 'A', quantity: 1, unit_price: 1 }] }), '/items/0/name'],
      [newOrder({ currency: 'inr' }), '/currency'],
      [newOrder({ currency: 'RUPEES' }), '/currency'],
      [newOrder({ total: 1 }), '/total'],
      [newOrder({ status: 'paid' }), '/status'],
      [newOrder({ contact_id: 'ord_00000000000000000000000000' }), '/contact_id'],
      [newOrder({ metadata: { 'bad key': 1 } }), '/metadata'],
      [{ currency: 'INR', items: ITEMS }, '/contact_id'],
    ];
    for (const [body, pointer] of cases) {
      const res = await api.post('/v1/orders', { body });
      expectProblem(res, 400, 'invalid_request');
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer).some((p: string) => p.startsWith(pointer))).toBe(true);
    }
    const unknownCurrency = await api.post('/v1/orders', { body: newOrder({ currency: 'ABC' }) });
    expectProblem(unknownCurrency, 400, 'invalid_request');
    // the spec lists the currencies (found by fuzzing: its pattern allowed codes the server refused)
    expect(unknownCurrency.body.errors).toEqual([{ pointer: '/currency', code: 'enum', message: expect.stringContaining('INR') }]);

    const order = await create();
    for (const body of [{}, { status: 'shipped' }, { items: ITEMS }, { currency: 'USD' }, { metadata: { k: { nested: true } } }]) {
      expectProblem(await api.patch(`/v1/orders/${order.id}`, { body }), 400, 'invalid_request');
    }
    expectProblem(await api.get('/v1/orders/ord_x'), 400, 'invalid_request');
    expectProblem(await api.patch(`/v1/orders/${contactId}`, { body: { status: 'paid' } }), 400, 'invalid_request');
    expectProblem(await api.get('/v1/orders?status=shipped'), 400, 'invalid_request');
    expectProblem(await api.get('/v1/orders?contact_id=abc'), 400, 'invalid_request');
    expectProblem(await api.get('/v1/orders?updated_since=yesterday'), 400, 'invalid_request');
    expect((await api.get(`/v1/orders/${order.id}`)).body).toEqual(order);
  });

  it("answers 404 for another workspace's order, and for none at all", async () => {
    const other = await newWorkspace();
    const theirApi = client(other.key);
    const buyer = await newContact(theirApi);
    const theirs = await theirApi.post('/v1/orders', { body: newOrder({ contact_id: buyer }) });
    expect(theirs.status).toBe(201);
    expectProblem(await api.get(`/v1/orders/${theirs.body.id}`), 404, 'resource_missing');
    expectProblem(await api.patch(`/v1/orders/${theirs.body.id}`, { body: { status: 'paid' } }), 404, 'resource_missing');
    expect((await api.get(`/v1/orders?contact_id=${buyer}`)).body.data).toEqual([]);
    expect((await theirApi.get(`/v1/orders/${theirs.body.id}`)).body.status).toBe('pending');
    expectProblem(await api.get('/v1/orders/ord_00000000000000000000000000'), 404, 'resource_missing');
    expectProblem(await api.patch('/v1/orders/ord_00000000000000000000000000', { body: { status: 'paid' } }), 404, 'resource_missing');
  });

  it('replays create and update under the same Idempotency-Key, refusals included, and refuses the key for another request', async () => {
    const idem = randomUUID();
    const body = newOrder({ metadata: { ref: 'idem-1' } });
    const first = await api.post('/v1/orders', { body, headers: { 'Idempotency-Key': idem } });
    const again = await api.post('/v1/orders', { body, headers: { 'Idempotency-Key': idem } });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const stored = await sql(`select id from orders where workspace_id = ? and metadata->>'ref' = 'idem-1'`, [ws.workspaceId]);
    expect(stored).toHaveLength(1);
    await expectKeyReuseRefused(ws.key, idem, { method: 'POST', path: '/v1/orders', body: { ...body, currency: 'USD' }, scope: 'orders:write', family: 'orders_write' }, '/currency');

    const id = first.body.id;
    const payKey = randomUUID();
    const p1 = await api.patch(`/v1/orders/${id}`, { body: { status: 'paid' }, headers: { 'Idempotency-Key': payKey } });
    const p2 = await api.patch(`/v1/orders/${id}`, { body: { status: 'paid' }, headers: { 'Idempotency-Key': payKey } });
    expect(p1.status).toBe(200);
    expect(p2.text).toBe(p1.text);
    expect(p2.headers.get('idempotent-replayed')).toBe('true');
    await expectKeyReuseRefused(ws.key, payKey, { method: 'PATCH', path: `/v1/orders/${id}`, body: { status: 'fulfilled' }, scope: 'orders:write', family: 'orders_write' }, '/status');

    const badKey = randomUUID();
    const r1 = await api.patch(`/v1/orders/${id}`, { body: { status: 'pending' }, headers: { 'Idempotency-Key': badKey } });
    expectProblem(r1, 422, 'order_invalid_transition');
    const r2 = await api.patch(`/v1/orders/${id}`, { body: { status: 'pending' }, headers: { 'Idempotency-Key': badKey } });
    expect(r2.status).toBe(422);
    expect(r2.text).toBe(r1.text);
    expect(r2.headers.get('idempotent-replayed')).toBe('true');

    expect((await eventsOf(id)).map((e) => e.type)).toEqual(['order.paid', 'order.created']);
  });

  it('lets an orders:read key read but not write', async () => {
    const order = await create();
    const { key } = await ws.keyWith(['orders:read']);
    const reader = client(key);
    expect((await reader.get(`/v1/orders/${order.id}`)).body).toEqual(order);
    const refused = await reader.patch(`/v1/orders/${order.id}`, { body: { status: 'paid' } });
    expectProblem(refused, 403, 'insufficient_scope');
    expect(refused.body.missing_scopes).toEqual(['orders:write']);
    expect((await api.get(`/v1/orders/${order.id}`)).body.status).toBe('pending');
  });

  describe('refusals every operation shares', () => {
    let probes: Probe[];
    beforeAll(async () => {
      const { id } = await create();
      probes = [
        { method: 'POST', path: '/v1/orders', body: newOrder(), scope: 'orders:write', family: 'orders_write' },
        { method: 'GET', path: '/v1/orders', scope: 'orders:read', family: 'orders_read' },
        { method: 'GET', path: `/v1/orders/${id}`, scope: 'orders:read', family: 'orders_read' },
        { method: 'PATCH', path: `/v1/orders/${id}`, body: { status: 'paid' }, scope: 'orders:write', family: 'orders_write' },
      ];
    });

    it('401 without a valid key, 403 without the scope or with a publishable key', async () => {
      for (const p of probes) await expectAuthRefusals(ws, p);
    });

    it('413 for a body over 1 MB, 415 for a body that is not JSON', async () => {
      for (const p of probes.filter((x) => x.body !== undefined)) await expectBodyRefusals(ws.key, p);
    });

    it('429 once the family budget is spent', async () => {
      for (const p of probes) await expectRateLimited(p);
    });
  });
});
