import type { MikroORM } from '@mikro-orm/postgresql';
import { listTags, normaliseTagName, retrieveTag, toTagWire } from '../db/tags.queries';
import { ApiError } from '../errors';
import type { AuthedRequest, HandlerResult } from './context';
import { pageParams } from './list-params';

export function tagsHandlers(orm: MikroORM) {
  return {
    async listTags(req: AuthedRequest): Promise<HandlerResult> {
      return { status: 200, body: await listTags(orm.em.fork(), req.ctx.auth.workspaceId, pageParams(req, {})) };
    },
    async retrieveTag(req: AuthedRequest): Promise<HandlerResult> {
      const name = normaliseTagName(req.params.tag as string);
      const tag = await retrieveTag(orm.em.fork(), req.ctx.auth.workspaceId, name);
      if (!tag) throw new ApiError('resource_missing', `No such tag: '${name}'`);
      return { status: 200, body: toTagWire(tag) };
    },
  };
}
