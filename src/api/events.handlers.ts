import type { MikroORM } from '@mikro-orm/postgresql';
import { listEvents } from '../db/events';
import type { AuthedRequest, HandlerResult } from './context';
import type { EventStreams } from './events.stream';
import { pageParams } from './list-params';

export function eventsHandlers(orm: MikroORM, streams: EventStreams) {
  return {
    async listEvents(req: AuthedRequest): Promise<HandlerResult> {
      const q = req.query as Record<string, string | undefined>;
      const page = pageParams(req, { type: q.type, created_since: q.created_since });
      return { status: 200, body: await listEvents(orm.em.fork(), req.ctx.auth.workspaceId, page) };
    },
    async streamEvents(req: AuthedRequest): Promise<HandlerResult> {
      const q = req.query as { last_event_id?: string; types?: string[] };
      // the header wins: EventSource sends it on every reconnect while the URL keeps its first query
      const lastEventId = req.get('last-event-id') ?? q.last_event_id;
      const stream = await streams.open(req.ctx.auth, { lastEventId, types: q.types ?? [] });
      return { status: 200, body: null, eventStream: stream };
    },
  };
}
