import type { MikroORM } from '@mikro-orm/postgresql';
import { findBroadcast, listBroadcastRecipients, listBroadcasts, retrieveBroadcast } from '../db/broadcasts.queries';
import { ApiError } from '../errors';
import type { AuthedRequest, HandlerResult } from './context';
import { pageParams } from './list-params';

export function broadcastsHandlers(orm: MikroORM) {
  return {
    async retrieveBroadcast(req: AuthedRequest): Promise<HandlerResult> {
      const id = req.params.broadcast_id as string;
      const broadcast = await retrieveBroadcast(orm.em.fork(), req.ctx.auth.workspaceId, id);
      if (!broadcast) throw new ApiError('resource_missing', `No such broadcast: '${id}'`);
      return { status: 200, body: broadcast };
    },
    async listBroadcasts(req: AuthedRequest): Promise<HandlerResult> {
      const q = req.query as Record<string, string | undefined>;
      return { status: 200, body: await listBroadcasts(orm.em.fork(), req.ctx.auth.workspaceId, pageParams(req, { status: q.status })) };
    },
    async listBroadcastRecipients(req: AuthedRequest): Promise<HandlerResult> {
      const em = orm.em.fork();
      const id = req.params.broadcast_id as string;
      if (!(await findBroadcast(em, req.ctx.auth.workspaceId, id))) throw new ApiError('resource_missing', `No such broadcast: '${id}'`);
      const q = req.query as Record<string, string | undefined>;
      return { status: 200, body: await listBroadcastRecipients(em, req.ctx.auth.workspaceId, pageParams(req, { broadcast_id: id, status: q.status })) };
    },
  };
}
