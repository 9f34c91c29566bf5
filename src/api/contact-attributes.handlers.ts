import type { MikroORM } from '@mikro-orm/postgresql';
import { listContactAttributes, retrieveContactAttribute, toContactAttributeWire } from '../db/contact-attributes.queries';
import { ApiError } from '../errors';
import type { AuthedRequest, HandlerResult } from './context';
import { pageParams } from './list-params';

export function contactAttributesHandlers(orm: MikroORM) {
  return {
    async listContactAttributes(req: AuthedRequest): Promise<HandlerResult> {
      const q = req.query as Record<string, string | undefined>;
      const page = pageParams(req, { key: q.key, updated_since: q.updated_since });
      return { status: 200, body: await listContactAttributes(orm.em.fork(), req.ctx.auth.workspaceId, page) };
    },
    async retrieveContactAttribute(req: AuthedRequest): Promise<HandlerResult> {
      const id = req.params.attribute_id as string;
      const attribute = await retrieveContactAttribute(orm.em.fork(), req.ctx.auth.workspaceId, id);
      if (!attribute) throw new ApiError('resource_missing', `No such contact attribute: '${id}'`);
      return { status: 200, body: toContactAttributeWire(attribute) };
    },
  };
}
