import type { MikroORM } from '@mikro-orm/postgresql';
import { listTemplates, retrieveTemplate, toTemplateWire } from '../db/templates.queries';
import { ApiError } from '../errors';
import type { AuthedRequest, HandlerResult } from './context';
import { pageParams } from './list-params';

export function templatesHandlers(orm: MikroORM) {
  return {
    async listTemplates(req: AuthedRequest): Promise<HandlerResult> {
      const q = req.query as Record<string, string | undefined>;
      const page = pageParams(req, { name: q.name, language: q.language, category: q.category, status: q.status, updated_since: q.updated_since });
      return { status: 200, body: await listTemplates(orm.em.fork(), req.ctx.auth.workspaceId, page) };
    },
    async retrieveTemplate(req: AuthedRequest): Promise<HandlerResult> {
      const id = req.params.template_id as string;
      const template = await retrieveTemplate(orm.em.fork(), req.ctx.auth.workspaceId, id);
      if (!template) throw new ApiError('resource_missing', `No such template: '${id}'`);
      return { status: 200, body: toTemplateWire(template) };
    },
  };
}
