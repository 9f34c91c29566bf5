// Bulk jobs and their items.
import { EntitySchema } from '@mikro-orm/core';
import type { Schema } from '../../types/wire';
import { ts, workspaceRef } from './columns';

/** A bulk command's job: its items live in bulk_job_items (read and written with SQL, keyed by job and index). */
export interface BulkJob {
  id: string;
  workspace: string;
  /** idempotency_keys.id of the bulk command */
  commandId: string;
  operationId: string;
  status: 'running' | 'completed';
  total: number;
  chunkSize: number;
  createdAt: Date;
  updatedAt: Date;
  completedAt?: Date | null;
}

export interface BulkJobItem {
  jobId: string;
  idx: number;
  input: Record<string, unknown>;
  /** null until the item's chunk has applied it */
  status: number | null;
  resultId: string | null;
  error: Schema<'BulkItemResult'>['error'];
}

export const BulkJobSchema = new EntitySchema<BulkJob>({
  name: 'BulkJob',
  tableName: 'bulk_jobs',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    commandId: { type: 'uuid' },
    operationId: { type: 'string' },
    status: { type: 'string' },
    total: { type: 'integer' },
    chunkSize: { type: 'integer' },
    createdAt: ts,
    updatedAt: ts,
    completedAt: { ...ts, nullable: true },
  },
});
