// A promotion of a workspace's test-side configuration to its live side: written once, by its command.
import { EntitySchema } from '@mikro-orm/core';
import type { Schema } from '../../types/wire';
import { ts, workspaceRef } from './columns';

export interface EnvironmentPromotion {
  id: string;
  /** the live side */
  workspace: string;
  dryRun: boolean;
  status: Schema<'EnvironmentPromotion'>['status'];
  items: Schema<'EnvironmentPromotionItem'>[];
  createdAt: Date;
  updatedAt: Date;
}

export const EnvironmentPromotionSchema = new EntitySchema<EnvironmentPromotion>({
  name: 'EnvironmentPromotion',
  tableName: 'environment_promotions',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    dryRun: { type: 'boolean', fieldName: 'dry_run' },
    status: { type: 'string', columnType: 'text' },
    items: { type: 'json' },
    createdAt: ts,
    updatedAt: ts,
  },
});
