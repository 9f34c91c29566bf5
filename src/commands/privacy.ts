import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../db/audit';
import type { CommandContext } from '../db/events';
import { insertPurge, purgeWorkflowId, toPurgeWire, type PurgeRequest } from '../privacy/purges';
import type { CommandResponse } from './types';

/** Records the purge and answers 202; the purge itself is the follow-up workflow `<ws>/purge/<prg_id>`. */
export async function createPrivacyPurge(em: EntityManager, ctx: CommandContext, _params: Record<string, string>, body: PurgeRequest): Promise<CommandResponse> {
  const purge = await insertPurge(em, ctx, body);
  // always audited, in the purge's transaction; the record names the purge and how the subject was given, never who
  recordAudit(em, ctx, 0, { action: 'purge.requested', objectIds: [purge.id], details: { by: Object.keys(body).sort() } });
  await em.flush();
  return {
    status: 202,
    body: toPurgeWire(purge),
    followUps: [{ workflowType: 'purgeSubject', workflowId: purgeWorkflowId(ctx.workspaceId, purge.id), args: [{ purgeId: purge.id }] }],
  };
}
