import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { config } from '../config';

// Claims looked at per call: the sweep runs every 30 s, so a backlog drains over a few rounds.
const BATCH = 200;
const MAX_CURSORS = 1_000;
const cursors = new Map<string, string>();

/**
 * Releases pending idempotency claims left by a 503 or a crash between claim and start: older than
 * STALE_CLAIM_MS and with no workflow behind them in Temporal (never started, or closed without storing an answer,
 * which nothing can give it any more). A claim whose workflow runs is kept, however old: it still writes.
 * A retry with a released key runs as a new request. Returns how many claims were released.
 */
export async function releaseStaleClaims(em: EntityManager, client: Client, opts: { workspaceId?: string } = {}): Promise<number> {
  // each call goes on after the last claim the previous one looked at (wrapping round), so old claims whose
  // workflows still run (long bulk jobs) never hide the ones behind them
  const scope = opts.workspaceId ?? '*';
  const after = cursors.get(scope) ?? '';
  const rows = await em.execute<{ id: string; workflow_id: string }[]>(
    `select id, workflow_id from idempotency_keys where state = 'pending' and created_at < now() - make_interval(secs => ?)
       ${opts.workspaceId ? 'and workspace_id = ?' : ''} and id::text > ? order by id::text limit ${BATCH}`,
    [config.purges.staleClaimMs / 1000, ...(opts.workspaceId ? [opts.workspaceId] : []), after],
  );
  if (cursors.size >= MAX_CURSORS) cursors.clear();
  if (rows.length < BATCH) cursors.delete(scope);
  else cursors.set(scope, rows[rows.length - 1].id);
  let released = 0;
  for (const row of rows) {
    if (await workflowRuns(client, row.workflow_id)) continue;
    // still pending: a workflow that finished meanwhile has stored its answer and keeps its claim
    const deleted = await em.execute<unknown[]>(`delete from idempotency_keys where id = ? and state = 'pending' returning 1`, [row.id]);
    released += Array.isArray(deleted) ? deleted.length : 0;
  }
  return released;
}

async function workflowRuns(client: Client, workflowId: string): Promise<boolean> {
  try {
    const description = await client.workflow.getHandle(workflowId).describe();
    return description.status.name === 'RUNNING';
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}
