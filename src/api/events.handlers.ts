import type { MikroORM } from '@mikro-orm/postgresql';
import { listEvents } from '../db/events';
import type { AuthedRequest, HandlerResult } from './context';
import { pageParams } from './list-params';

export function eventsHandlers(orm: MikroORM) {
  return {
    async listEvents(req: AuthedRequest): Promise<HandlerResult> {
      const q = req.query as Record<string, string | undefined>;
      const page = pageParams(req, { type: q.type, created_since: q.created_since });
      return { status: 200, body: await listEvents(orm.em.fork(), req.ctx.auth.workspaceId, page) };
    },
  };
}
