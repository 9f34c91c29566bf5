import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { TypedSearchAttributes } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import { config } from '../config';
import { searchKeys } from '../temporal';
import { insertPurge, purgeWorkflowId, retrievePurge, toPurgeWire, type PurgeRequest, type PurgeWire } from './purges';

/**
 * A purge started by an operator (compliance team) rather than over the API: the same record and the same
 * workflow, without an API key or an idempotency key.
 */
export async function startPurge(orm: MikroORM, client: Client, workspaceId: string, request: PurgeRequest): Promise<PurgeWire> {
  const purge = await orm.em.fork().transactional((em) => insertPurge(em, { workspaceId, seed: randomUUID(), now: new Date() }, request));
  await client.workflow.start('purgeSubject', {
    workflowId: purgeWorkflowId(workspaceId, purge.id),
    taskQueue: config.taskQueue,
    args: [{ purgeId: purge.id }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    typedSearchAttributes: new TypedSearchAttributes([
      { key: searchKeys.workspaceId, value: workspaceId },
      { key: searchKeys.operationId, value: 'createPrivacyPurge' },
    ]),
  });
  return toPurgeWire(purge);
}

export async function purgeStatus(orm: MikroORM, purgeId: string): Promise<PurgeWire | null> {
  const [row] = await orm.em.fork().execute<{ workspace_id: string }[]>(`select workspace_id from privacy_purges where id = ?`, [purgeId]);
  if (!row) return null;
  const purge = await retrievePurge(orm.em.fork(), row.workspace_id, purgeId);
  return purge && toPurgeWire(purge);
}
