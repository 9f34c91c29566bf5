import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import { adminAudit } from '../admin';
import { searchKeys, startFollowUp } from '../engine/temporal';
import { insertPurge, purgeWorkflowId, retrievePurge, toPurgeWire, type PurgeRequest, type PurgeWire } from './purges';

/**
 * A purge started by an operator (compliance team) rather than over the API: the same record and the same
 * workflow and audit record, without an API key or an idempotency key (the record names actor `admin_cli` and the
 * OS user instead).
 */
export async function startPurge(orm: MikroORM, client: Client, workspaceId: string, request: PurgeRequest): Promise<PurgeWire> {
  const purge = await orm.em.fork().transactional(async (em) => {
    const p = await insertPurge(em, { workspaceId, seed: randomUUID(), now: new Date() }, request);
    // audited like an API purge, in its transaction: the purge and how the subject was given, never who
    adminAudit(em, workspaceId, 'purge.requested', p.id, { by: Object.keys(request).sort() });
    return p;
  });
  await startFollowUp(client, { workflowType: 'purgeSubject', workflowId: purgeWorkflowId(workspaceId, purge.id), args: [{ purgeId: purge.id }] }, [
    { key: searchKeys.workspaceId, value: workspaceId },
    { key: searchKeys.operationId, value: 'createPrivacyPurge' },
  ]);
  return toPurgeWire(purge);
}

export async function purgeStatus(orm: MikroORM, purgeId: string): Promise<PurgeWire | null> {
  const [row] = await orm.em.fork().execute<{ workspace_id: string }[]>(`select workspace_id from privacy_purges where id = ?`, [purgeId]);
  if (!row) return null;
  const purge = await retrievePurge(orm.em.fork(), row.workspace_id, purgeId);
  return purge && toPurgeWire(purge);
}
