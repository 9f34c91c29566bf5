import type { MikroORM } from '@mikro-orm/postgresql';
import { contactMissing, listContacts, retrieveContact, toContactWire } from '../db/contacts.queries';
import { checkSearch, searchContacts, type SearchRequest } from '../db/contacts-search.queries';
import { contactTimeline } from '../db/timeline.queries';
import { shownAttributeKeys } from '../db/contact-attributes.queries';
import { normaliseTagName } from '../db/tags.queries';
import { ApiError } from '../errors';
import type { AuthedRequest, HandlerResult } from './context';
import { pageParams } from './list-params';

export function contactsHandlers(orm: MikroORM) {
  return {
    async listContacts(req: AuthedRequest): Promise<HandlerResult> {
      const q = req.query as Record<string, string | undefined>;
      // a filter on a personal field answers whether such a person exists, masked or not
      const personal = (['phone', 'email', 'external_id'] as const).filter((f) => q[f] !== undefined);
      if (personal.length && !req.ctx.auth.scopes.includes('pii:read')) {
        throw new ApiError('insufficient_scope', `Filtering by ${personal.join(', ')} needs the scope pii:read`, { missing_scopes: ['pii:read'] });
      }
      const page = pageParams(req, { phone: q.phone, email: q.email?.toLowerCase(), external_id: q.external_id, tag: q.tag && normaliseTagName(q.tag), updated_since: q.updated_since });
      return { status: 200, body: await listContacts(orm.em.fork(), req.ctx.auth.workspaceId, page) };
    },
    async searchContacts(req: AuthedRequest): Promise<HandlerResult> {
      const { search, problems } = checkSearch(req.body as SearchRequest);
      // the body has the schema's shape (the validator saw to that): what is left depends on each filter's field
      if (problems.length) throw new ApiError('invalid_search_filter', `${problems.length} filter problem(s); see errors`, { errors: problems });
      if (search.personalFields.length && !req.ctx.auth.scopes.includes('pii:read')) {
        // a value predicate on an attribute defined as not personal shows only what masked results show
        const shown = search.personalFields.some((f) => f.startsWith('attributes.')) ? await shownAttributeKeys(orm.em.fork(), req.ctx.auth.workspaceId) : new Set<string>();
        const personal = search.personalFields.filter((f) => !(f.startsWith('attributes.') && shown.has(f.slice('attributes.'.length))));
        if (personal.length) throw new ApiError('insufficient_scope', `Comparing ${personal.join(', ')} needs the scope pii:read`, { missing_scopes: ['pii:read'] });
      }
      const { filters: _none, ...page } = pageParams(req, {});
      return { status: 200, body: await searchContacts(orm.em.fork(), req.ctx.auth.workspaceId, search, page) };
    },
    async listContactTimeline(req: AuthedRequest): Promise<HandlerResult> {
      const em = orm.em.fork();
      const id = req.params.contact_id as string;
      if (!(await retrieveContact(em, req.ctx.auth.workspaceId, id))) throw await contactMissing(em, req.ctx.auth.workspaceId, id);
      return { status: 200, body: await contactTimeline(em, req.ctx.auth.workspaceId, id, pageParams(req, { contact_id: id })) };
    },
    async retrieveContact(req: AuthedRequest): Promise<HandlerResult> {
      const id = req.params.contact_id as string;
      const em = orm.em.fork();
      const contact = await retrieveContact(em, req.ctx.auth.workspaceId, id);
      if (!contact) throw await contactMissing(em, req.ctx.auth.workspaceId, id);
      return { status: 200, body: toContactWire(contact) };
    },
  };
}
