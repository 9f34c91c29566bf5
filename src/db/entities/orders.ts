// Orders.
import { EntitySchema } from '@mikro-orm/core';
import type { Schema } from '../../types/wire';
import { money, ts, workspaceRef } from './columns';

export type OrderStatus = 'pending' | 'paid' | 'fulfilled' | 'delivered' | 'cancelled' | 'refunded';

export interface OrderItem {
  sku: string;
  name: string;
  quantity: number;
  unit_price: number;
  amount: number;
}

export interface Order {
  id: string;
  workspace: string;
  contactId: string;
  status: OrderStatus;
  currency: Schema<'Order'>['currency'];
  items: OrderItem[];
  subtotal: number;
  total: number;
  metadata: Record<string, string | number | boolean>;
  /** the sequence of the order's latest event */
  version: number;
  paidAt?: Date | null;
  fulfilledAt?: Date | null;
  deliveredAt?: Date | null;
  cancelledAt?: Date | null;
  refundedAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const OrderSchema = new EntitySchema<Order>({
  name: 'Order',
  tableName: 'orders',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    contactId: { type: 'string' },
    status: { type: 'string' },
    currency: { type: 'string' },
    items: { type: 'json' },
    subtotal: money,
    total: money,
    metadata: { type: 'json' },
    version: { type: 'integer' },
    paidAt: { ...ts, nullable: true },
    fulfilledAt: { ...ts, nullable: true },
    deliveredAt: { ...ts, nullable: true },
    cancelledAt: { ...ts, nullable: true },
    refundedAt: { ...ts, nullable: true },
    createdAt: ts,
    updatedAt: ts,
  },
});
