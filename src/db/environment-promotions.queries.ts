import type { EntityManager } from '@mikro-orm/postgresql';
import type { ListPage, PageParams } from '../pagination';
import { EnvironmentPromotionSchema, type EnvironmentPromotion } from './entities';
import { keysetList } from './keyset';
import { toDate } from './timestamps';
import type { Schema } from '../types/wire';

export type EnvironmentPromotionWire = Schema<'EnvironmentPromotion'>;
export type PromotionItem = Schema<'EnvironmentPromotionItem'>;

export function toEnvironmentPromotionWire(p: EnvironmentPromotion): EnvironmentPromotionWire {
  const count = (action: PromotionItem['action']) => p.items.filter((i) => i.action === action).length;
  return {
    id: p.id,
    object: 'environment_promotion',
    dry_run: p.dryRun,
    status: p.status,
    summary: { create: count('create'), update: count('update'), unchanged: count('unchanged'), skipped: count('skipped'), failed: count('failed') },
    items: p.items,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}

export async function retrieveEnvironmentPromotion(em: EntityManager, workspaceId: string, id: string): Promise<EnvironmentPromotion | null> {
  return em.findOne(EnvironmentPromotionSchema, { id, workspace: workspaceId });
}

export async function listEnvironmentPromotions(em: EntityManager, workspaceId: string, page: PageParams): Promise<ListPage<EnvironmentPromotionWire>> {
  return keysetList(em, {
    list: 'environment_promotions',
    table: 'environment_promotions',
    columns: `id, workspace_id as "workspace", dry_run as "dryRun", status, items, created_at as "createdAt", updated_at as "updatedAt"`,
    workspaceId,
    page,
    hydrate: (r: EnvironmentPromotion) => ({ ...r, createdAt: toDate(r.createdAt), updatedAt: toDate(r.updatedAt) }),
    toWire: toEnvironmentPromotionWire,
  });
}
