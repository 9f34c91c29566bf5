import { spec } from '../spec';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { ContactSchema, OrderSchema, type Order, type OrderStatus } from '../db/entities';
import { toOrderWire } from '../db/orders.queries';
import { recordEvent, type CommandContext } from '../db/events';
import { guardSubject } from '../privacy/fence';
import { ApiError } from '../errors';
import { idFromSeed } from '../ids';
import type { CommandResponse } from './types';
import type { RequestBody } from '../types/wire';

type Metadata = Order['metadata'];



/** The status machine: where an order may go from each status. */
/** Where an order may move from each status: never back to `pending`, so no event type `order.pending` exists. */
export const ORDER_TRANSITIONS: Record<OrderStatus, Exclude<OrderStatus, 'pending'>[]> = {
  pending: ['paid', 'cancelled'],
  paid: ['fulfilled', 'cancelled', 'refunded'],
  fulfilled: ['delivered', 'refunded'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
};

const STAMPS = {
  paid: 'paidAt',
  fulfilled: 'fulfilledAt',
  delivered: 'deliveredAt',
  cancelled: 'cancelledAt',
  refunded: 'refundedAt',
} as const satisfies Partial<Record<OrderStatus, keyof Order>>;

// ISO 4217 codes in circulation, as the spec lists them (bulk items reach commands without the request validator)
const CURRENCIES = new Set((spec.components as { schemas: { Currency: { enum: string[] } } }).schemas.Currency.enum);

function transitionRefusal(from: OrderStatus, to: OrderStatus): ApiError {
  const allowed = ORDER_TRANSITIONS[from];
  const next = allowed.length ? `it can move to ${allowed.map((s) => `'${s}'`).join(' or ')}` : 'that status is final';
  const detail = `An order that is '${from}' cannot become '${to}'; ${next}`;
  return new ApiError('order_invalid_transition', detail, {
    allowed_statuses: allowed,
    errors: [{ pointer: '/status', code: 'order_invalid_transition', message: detail }],
  });
}

export async function createOrder(em: EntityManager, ctx: CommandContext, _params: Record<string, string>, body: RequestBody<'createOrder'>): Promise<CommandResponse> {
  if (!CURRENCIES.has(body.currency)) {
    const message = `'${body.currency}' is not an ISO 4217 currency code in circulation`;
    throw new ApiError('invalid_request', `/currency: ${message}`, { errors: [{ pointer: '/currency', code: 'unknown_currency', message }] });
  }
  await guardSubject(em, ctx.workspaceId, { contactIds: [body.contact_id] }, '/contact_id');
  // a share lock: the contact cannot be deleted while its order is being written
  const contact = await em.findOne(ContactSchema, { id: body.contact_id, workspace: ctx.workspaceId, deletedAt: null }, { fields: ['id'], lockMode: LockMode.PESSIMISTIC_READ });
  if (!contact) {
    throw new ApiError('contact_not_found', `No contact '${body.contact_id}' in this workspace`, {
      errors: [{ pointer: '/contact_id', code: 'contact_not_found', message: 'No live contact with this id' }],
    });
  }
  const items = body.items.map((i) => ({ sku: i.sku, name: i.name, quantity: i.quantity, unit_price: i.unit_price, amount: i.quantity * i.unit_price }));
  const subtotal = items.reduce((sum, i) => sum + i.amount, 0);
  const metadata: Metadata = {};
  for (const [k, v] of Object.entries(body.metadata ?? {})) if (v !== null) metadata[k] = v;
  const order = em.create(OrderSchema, {
    id: idFromSeed('ord', ctx.seed),
    workspace: ctx.workspaceId,
    contactId: contact.id,
    status: 'pending',
    currency: body.currency,
    items,
    subtotal,
    // no tax, discounts or shipping yet
    total: subtotal,
    metadata,
    version: 1,
    paidAt: null,
    fulfilledAt: null,
    deliveredAt: null,
    cancelledAt: null,
    refundedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  const wire = toOrderWire(order);
  recordEvent(em, ctx, 0, { type: 'order.created', objectType: 'order', objectId: order.id, sequence: 1, object: wire });
  await em.flush();
  return { status: 201, body: wire };
}

export async function updateOrder(em: EntityManager, ctx: CommandContext, params: Record<string, string>, body: RequestBody<'updateOrder'>): Promise<CommandResponse> {
  // the row lock serialises concurrent transitions: two requests cannot both move an order out of one status
  const order = await em.findOne(OrderSchema, { id: params.order_id, workspace: ctx.workspaceId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!order) throw new ApiError('resource_missing', `No such order: '${params.order_id}'`);
  await guardSubject(em, ctx.workspaceId, { contactIds: [order.contactId] });
  const previous: Record<string, unknown> = {};
  // asking for the status the order already has changes nothing
  const asked = body.status !== undefined && body.status !== order.status ? body.status : undefined;
  const moveTo = asked && ORDER_TRANSITIONS[order.status].find((s) => s === asked);
  if (asked && !moveTo) throw transitionRefusal(order.status, asked);
  if (moveTo) {
    previous.status = order.status;
    order.status = moveTo;
    const stamp = STAMPS[moveTo as keyof typeof STAMPS];
    previous[`${moveTo}_at`] = null;
    order[stamp] = ctx.now;
  }
  if (body.metadata) {
    const merged: Metadata = { ...order.metadata };
    for (const [k, v] of Object.entries(body.metadata)) {
      if (v === null) delete merged[k];
      else merged[k] = v;
    }
    if (JSON.stringify(merged) !== JSON.stringify(order.metadata)) {
      previous.metadata = order.metadata;
      order.metadata = merged;
    }
  }
  if (Object.keys(previous).length > 0) {
    order.updatedAt = ctx.now;
    order.version += 1;
    // one event per change, like contact.deleted: a status change is told as order.<status>, anything else as order.updated
    recordEvent(em, ctx, 0, {
      type: moveTo ? `order.${moveTo}` : 'order.updated',
      objectType: 'order',
      objectId: order.id,
      sequence: order.version,
      object: toOrderWire(order),
      previousAttributes: previous,
    });
    await em.flush();
  }
  return { status: 200, body: toOrderWire(order) };
}
