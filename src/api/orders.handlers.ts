import type { MikroORM } from '@mikro-orm/postgresql';
import { listOrders, retrieveOrder, toOrderWire } from '../db/orders.queries';
import { ApiError } from '../errors';
import type { AuthedRequest, HandlerResult } from './context';
import { pageParams } from './list-params';

export function ordersHandlers(orm: MikroORM) {
  return {
    async listOrders(req: AuthedRequest): Promise<HandlerResult> {
      const q = req.query as Record<string, string | undefined>;
      const page = pageParams(req, { contact_id: q.contact_id, status: q.status, updated_since: q.updated_since });
      return { status: 200, body: await listOrders(orm.em.fork(), req.ctx.auth.workspaceId, page) };
    },
    async retrieveOrder(req: AuthedRequest): Promise<HandlerResult> {
      const id = req.params.order_id as string;
      const order = await retrieveOrder(orm.em.fork(), req.ctx.auth.workspaceId, id);
      if (!order) throw new ApiError('resource_missing', `No such order: '${id}'`);
      return { status: 200, body: toOrderWire(order) };
    },
  };
}
