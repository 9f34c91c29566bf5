import { Client, Connection } from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributeType, TypedSearchAttributes, WorkflowExecutionAlreadyStartedError, type SearchAttributePair } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { config } from '../config';
import { SEARCH_ATTRIBUTES } from './types';
import { taskQueueFor } from './queues';

export const searchKeys = {
  workspaceId: defineSearchAttributeKey('WorkspaceId', SearchAttributeType.KEYWORD),
  operationId: defineSearchAttributeKey('OperationId', SearchAttributeType.KEYWORD),
  requestId: defineSearchAttributeKey('RequestId', SearchAttributeType.KEYWORD),
  flowId: defineSearchAttributeKey('FlowId', SearchAttributeType.KEYWORD),
  broadcastId: defineSearchAttributeKey('BroadcastId', SearchAttributeType.KEYWORD),
};

/** A lazy connection: the API starts (and serves reads) while Temporal is down, and reconnects when it is back. */
export function temporalClient(): { client: Client; connection: Connection } {
  const connection = Connection.lazy(config.temporalConnection);
  const client = new Client({ connection, namespace: config.temporalNamespace });
  return { client, connection };
}

/** Registers the search attributes operators filter on; harmless when they exist. */
export async function ensureSearchAttributes(connection: Connection): Promise<void> {
  const keyword = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
  const existing = await connection.operatorService.listSearchAttributes({ namespace: config.temporalNamespace });
  const custom = existing.customAttributes ?? {};
  const missing = Object.keys(SEARCH_ATTRIBUTES).filter((name) => !(name in custom));
  if (!missing.length) return;
  await connection.operatorService.addSearchAttributes({
    namespace: config.temporalNamespace,
    searchAttributes: Object.fromEntries(missing.map((name) => [name, keyword])),
  });
}

/**
 * Starts a follow-up workflow from outside a workflow (a poller, an activity, the admin CLI). Starting one that is
 * running is a no-op; with `once`, one that has already finished is not run again either.
 */
export async function startFollowUp(
  client: Client,
  f: { workflowType: string; workflowId: string; args: Record<string, string>[] },
  searchAttributes: SearchAttributePair[],
  opts: { once?: boolean } = {},
): Promise<void> {
  try {
    await client.workflow.start(f.workflowType, {
      workflowId: f.workflowId,
      taskQueue: taskQueueFor(f.workflowType, config.taskQueue),
      args: f.args,
      workflowIdConflictPolicy: 'USE_EXISTING',
      ...(opts.once ? { workflowIdReusePolicy: 'REJECT_DUPLICATE' as const } : {}),
      typedSearchAttributes: new TypedSearchAttributes(searchAttributes),
    });
  } catch (err) {
    if (!(opts.once && err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/**
 * Wakes a long-lived workflow (an endpoint's dispatcher, a channel's sender) from outside workflow code: signal-with-
 * start, so one that is not running starts. It carries its workspace (and its own type) as search attributes only.
 */
export async function wakeFollowUp(client: Client, f: { workflowType: string; workflowId: string; args: Record<string, string>[]; signal: string }, workspaceId: string): Promise<void> {
  await client.workflow.signalWithStart(f.workflowType, {
    workflowId: f.workflowId,
    taskQueue: taskQueueFor(f.workflowType, config.taskQueue),
    args: f.args,
    signal: f.signal,
    signalArgs: [],
    typedSearchAttributes: new TypedSearchAttributes([
      { key: searchKeys.workspaceId, value: workspaceId },
      { key: searchKeys.operationId, value: f.workflowType },
    ]),
  });
}
