import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { config } from '../../config';
import type { PurgeSubject } from '../types';

/** Every string in a workflow history, payload bytes decoded as UTF-8 (our payloads are JSON). */
export function historyStrings(node: unknown, out: string[] = []): string[] {
  if (node instanceof Uint8Array) out.push(Buffer.from(node).toString('utf8'));
  else if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) node.forEach((n) => historyStrings(n, out));
  else if (node && typeof node === 'object') Object.values(node).forEach((n) => historyStrings(n, out));
  return out;
}

export interface TemporalScan {
  scanned: number;
  found: number;
  deleted: number;
}

/**
 * By design no workflow of ours holds personal data (ids in, ids out). This verifies it: every workflow of the
 * workspace (by its WorkspaceId search attribute) has its history read and searched for the subject's identifiers.
 * A history that holds one is deleted (terminated first by the server when still running), and counted.
 */
export async function purgeTemporalHistories(client: Client, subject: PurgeSubject, exceptWorkflowId: string): Promise<TemporalScan> {
  const needles = [...subject.phones, ...subject.emails].map((v) => v.toLowerCase());
  const scan: TemporalScan = { scanned: 0, found: 0, deleted: 0 };
  if (!needles.length) return scan;
  for await (const wf of client.workflow.list({ query: `WorkspaceId = "${subject.workspaceId.replace(/[^a-z0-9_]/gi, '')}"` })) {
    if (wf.workflowId === exceptWorkflowId) continue;
    scan.scanned++;
    const handle = client.workflow.getHandle(wf.workflowId, wf.runId);
    // listed by visibility but already deleted (visibility lags behind): nothing left to read
    const history = await handle.fetchHistory().catch((err: unknown) => {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    });
    if (!history) continue;
    const text = historyStrings(history).join('\n').toLowerCase();
    if (!needles.some((n) => text.includes(n))) continue;
    scan.found++;
    // the server terminates a running execution and deletes it at once; a closed one is deleted asynchronously
    await client.workflowService
      .deleteWorkflowExecution({ namespace: config.temporalNamespace, workflowExecution: { workflowId: wf.workflowId, runId: wf.runId } })
      .catch((err: { code?: number }) => {
        // NOT_FOUND: deleted meanwhile
        if (err.code !== 5) throw err;
      });
    scan.deleted++;
  }
  return scan;
}
