// Events: what changed, written in the transaction of the command that changed it.
import { EntitySchema } from '@mikro-orm/core';
import type { Schema } from '../../types/wire';
import { TextArrayType, ts, workspaceRef } from './columns';

export interface EventRecord {
  id: string;
  workspace: string;
  type: Schema<'Event'>['type'];
  objectType: string;
  objectId: string;
  sequence: number;
  data: Record<string, unknown>;
  previousAttributes?: Record<string, unknown> | null;
  requestId?: string | null;
  /** what wrote the event (see EventCause in db/events.ts); null for maintenance */
  causeType?: string | null;
  causeId?: string | null;
  causeDepth?: number;
  /** the flows whose runs are upstream of the event (the loop guard's input; never on the wire) */
  causeFlows?: string[];
  createdAt: Date;
}

export const EventSchema = new EntitySchema<EventRecord>({
  name: 'Event',
  tableName: 'events',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    type: { type: 'string' },
    objectType: { type: 'string' },
    objectId: { type: 'string' },
    sequence: { type: 'integer' },
    data: { type: 'json' },
    previousAttributes: { type: 'json', nullable: true },
    requestId: { type: 'string', nullable: true },
    causeType: { type: 'string', nullable: true },
    causeId: { type: 'string', nullable: true },
    causeDepth: { type: 'integer', default: 0 },
    causeFlows: { type: TextArrayType, columnType: 'text[]', defaultRaw: `'{}'` },
    createdAt: ts,
  },
});
