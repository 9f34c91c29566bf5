// Flows: the row that is a flow. Its definition's versions are rows of flow_versions (never changed once written), and
// its runs are rows of flow_runs, which the run's workflow moves (src/flows/, SQL).
import { EntitySchema } from '@mikro-orm/core';
import { ts, workspaceRef } from './columns';

export interface Flow {
  id: string;
  workspace: string;
  name: string;
  status: 'inactive' | 'active';
  /** the flow_versions row that runs start with */
  version: number;
  /** the current version's trigger type and event type, kept here for the trigger poller's index */
  triggerType: string;
  eventType: string | null;
  /** sealed (src/secrets/at-rest.ts) */
  signingSecret: string;
  activatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export const FlowSchema = new EntitySchema<Flow>({
  name: 'Flow',
  tableName: 'flows',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    name: { type: 'string', columnType: 'text' },
    status: { type: 'string', columnType: 'text' },
    version: { type: 'integer' },
    triggerType: { type: 'string', columnType: 'text' },
    eventType: { type: 'string', columnType: 'text', nullable: true },
    signingSecret: { type: 'string', columnType: 'text' },
    activatedAt: { ...ts, nullable: true },
    createdAt: ts,
    updatedAt: ts,
    deletedAt: { ...ts, nullable: true },
  },
});
