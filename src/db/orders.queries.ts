import type { EntityManager } from '@mikro-orm/postgresql';
import type { Order } from './entities';
import { toDate } from './timestamps';
import type { ListPage, PageParams } from '../pagination';
import { keysetList, rowsByIds } from './keyset';
import type { Schema } from '../types/wire';

export type OrderWire = Schema<'Order'>;

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export function toOrderWire(o: Order): OrderWire {
  return {
    id: o.id,
    object: 'order',
    contact_id: o.contactId,
    status: o.status,
    currency: o.currency,
    // rebuilt field by field: jsonb does not keep the key order of the stored items
    items: o.items.map((i) => ({ sku: i.sku, name: i.name, quantity: i.quantity, unit_price: i.unit_price, amount: i.amount })),
    subtotal: o.subtotal,
    total: o.total,
    metadata: o.metadata,
    paid_at: iso(o.paidAt),
    fulfilled_at: iso(o.fulfilledAt),
    delivered_at: iso(o.deliveredAt),
    cancelled_at: iso(o.cancelledAt),
    refunded_at: iso(o.refundedAt),
    created_at: o.createdAt.toISOString(),
    updated_at: o.updatedAt.toISOString(),
  };
}

const COLUMNS = `id, workspace_id as "workspace", contact_id as "contactId", status, currency, items, subtotal, total, metadata, version,
  paid_at as "paidAt", fulfilled_at as "fulfilledAt", delivered_at as "deliveredAt", cancelled_at as "cancelledAt",
  refunded_at as "refundedAt", created_at as "createdAt", updated_at as "updatedAt"`;

// raw rows carry bigint as text and timestamptz as text
function hydrate(row: Order): Order {
  return {
    ...row,
    subtotal: Number(row.subtotal),
    total: Number(row.total),
    paidAt: toDate(row.paidAt),
    fulfilledAt: toDate(row.fulfilledAt),
    deliveredAt: toDate(row.deliveredAt),
    cancelledAt: toDate(row.cancelledAt),
    refundedAt: toDate(row.refundedAt),
    createdAt: toDate(row.createdAt),
    updatedAt: toDate(row.updatedAt),
  };
}

export async function retrieveOrder(em: EntityManager, workspaceId: string, id: string): Promise<Order | null> {
  const rows = await em.getConnection().execute<Order[]>(`select ${COLUMNS} from orders where workspace_id = ? and id = ?`, [workspaceId, id]);
  return rows[0] ? hydrate(rows[0]) : null;
}

export interface OrderFilters {
  contact_id?: string;
  status?: string;
  updated_since?: string;
}

export async function listOrders(em: EntityManager, workspaceId: string, page: PageParams & { filters: OrderFilters }): Promise<ListPage<OrderWire>> {
  const f = page.filters;
  const where: [string, ...unknown[]][] = [];
  if (f.contact_id) where.push(['contact_id = ?', f.contact_id]);
  if (f.status) where.push(['status = ?', f.status]);
  return keysetList(em, { list: 'orders', table: 'orders', columns: COLUMNS, workspaceId, page, where, hydrate, toWire: toOrderWire });
}

export function ordersByIds(em: EntityManager, workspaceId: string, ids: string[]): Promise<Order[]> {
  return rowsByIds(em, 'orders', COLUMNS, workspaceId, ids, hydrate);
}
