import type { MikroORM } from '@mikro-orm/postgresql';
import { listEnvironmentPromotions, retrieveEnvironmentPromotion, toEnvironmentPromotionWire } from '../db/environment-promotions.queries';
import { ApiError } from '../errors';
import type { AuthedRequest, HandlerResult } from './context';
import { pageParams } from './list-params';

export function environmentPromotionsHandlers(orm: MikroORM) {
  return {
    async listEnvironmentPromotions(req: AuthedRequest): Promise<HandlerResult> {
      return { status: 200, body: await listEnvironmentPromotions(orm.em.fork(), req.ctx.auth.workspaceId, pageParams(req, {})) };
    },
    async retrieveEnvironmentPromotion(req: AuthedRequest): Promise<HandlerResult> {
      const id = req.params.promotion_id as string;
      const promotion = await retrieveEnvironmentPromotion(orm.em.fork(), req.ctx.auth.workspaceId, id);
      if (!promotion) throw new ApiError('resource_missing', `No such environment promotion: '${id}'`);
      return { status: 200, body: toEnvironmentPromotionWire(promotion) };
    },
  };
}
