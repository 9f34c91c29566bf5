import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { config } from '../../config';
import type { PurgeSubject } from '../types';
import { searchForms } from './match';

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

/** Where a scan stands: the counts so far and the page to read next (base64 token; null: the first page). */
export interface TemporalCheckpoint extends TemporalScan {
  pageToken: string | null;
  done: boolean;
}

export const freshCheckpoint = (): TemporalCheckpoint => ({ scanned: 0, found: 0, deleted: 0, pageToken: null, done: false });

/**
 * By design no workflow of ours holds personal data (ids in, ids out). This verifies it: every workflow of the
 * workspace (by its WorkspaceId search attribute) has its history read and searched for the subject's identifiers.
 * A history that holds one is deleted (terminated first by the server when still running), and counted.
 * Workflows are listed a page at a time; after each page `checkpoint` is called with the resume token, and a scan
 * handed that checkpoint goes on from there (a page cut off midway is read again: deleting twice is harmless).
 */
export async function purgeTemporalHistories(
  client: Client,
  subject: PurgeSubject,
  exceptWorkflowId: string,
  opts: { from?: TemporalCheckpoint; pageSize?: number; checkpoint?: (at: TemporalCheckpoint) => void | Promise<void> } = {},
): Promise<TemporalScan> {
  const needles = searchForms(subject);
  const at: TemporalCheckpoint = { ...(opts.from ?? freshCheckpoint()) };
  if (!needles.length || at.done) return { scanned: at.scanned, found: at.found, deleted: at.deleted };
  const query = `WorkspaceId = "${subject.workspaceId.replace(/[^a-z0-9_]/gi, '')}"`;
  for (;;) {
    const page = await client.workflowService.listWorkflowExecutions({
      namespace: config.temporalNamespace,
      query,
      pageSize: opts.pageSize ?? config.purges.temporalPageSize,
      nextPageToken: at.pageToken ? Buffer.from(at.pageToken, 'base64') : undefined,
    });
    const pageStart = { ...at };
    for (const wf of page.executions ?? []) {
      // keeps the activity alive on a slow page; a retry would read this page again, from its start
      await opts.checkpoint?.(pageStart);
      const workflowId = wf.execution?.workflowId ?? '';
      const runId = wf.execution?.runId ?? undefined;
      if (!workflowId || workflowId === exceptWorkflowId) continue;
      at.scanned++;
      if (!(await holdsSubject(client, workflowId, runId, needles))) continue;
      at.found++;
      // the server terminates a running execution and deletes it at once; a closed one is deleted asynchronously
      await client.workflowService
        .deleteWorkflowExecution({ namespace: config.temporalNamespace, workflowExecution: { workflowId, runId } })
        .catch((err: { code?: number }) => {
          // NOT_FOUND: deleted meanwhile
          if (err.code !== 5) throw err;
        });
      at.deleted++;
    }
    const token = page.nextPageToken?.length ? Buffer.from(page.nextPageToken).toString('base64') : null;
    at.pageToken = token;
    at.done = !token;
    await opts.checkpoint?.({ ...at });
    if (at.done) return { scanned: at.scanned, found: at.found, deleted: at.deleted };
  }
}

async function holdsSubject(client: Client, workflowId: string, runId: string | undefined, needles: string[]): Promise<boolean> {
  // listed by visibility but already deleted (visibility lags behind): nothing left to read
  const history = await client.workflow
    .getHandle(workflowId, runId)
    .fetchHistory()
    .catch((err: unknown) => {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    });
  if (!history) return false;
  const text = historyStrings(history).join('\n').toLowerCase();
  return needles.some((n) => text.includes(n));
}
