import { getExternalWorkflowHandle, ParentClosePolicy, startChild, workflowInfo } from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType, TypedSearchAttributes, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { CommandOutcome } from '../engine/types';
import { commandsQueueOf, taskQueueFor } from '../engine/queues';

type FollowUp = NonNullable<CommandOutcome['followUps']>[number];
const operationIdKey = defineSearchAttributeKey('OperationId', SearchAttributeType.KEYWORD);

/** One wake per long-lived workflow: a bulk send of 1,000 messages on one channel wakes its sender once. */
export function distinctFollowUps(followUps: FollowUp[]): FollowUp[] {
  const seen = new Set<string>();
  return followUps.filter((f) => {
    if (!f.signal) return true;
    const key = `${f.workflowId}\n${f.signal}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Signal-with-start from workflow code (which has no such command): signal the running workflow, the common case,
 * in one round trip; start it when none runs. A start that meets one started meanwhile signals that one, so the wake
 * is never lost. A long-lived workflow carries its workspace and its own type as search attributes (as `wakeFollowUp`
 * in src/engine/temporal.ts gives it from outside workflow code), not the command that woke it.
 */
export async function signalOrStart(followUp: FollowUp & { signal: string }): Promise<void> {
  const signal = () => getExternalWorkflowHandle(followUp.workflowId).signal(followUp.signal);
  try {
    return await signal();
  } catch {
    // not running: finished (it ends when idle) or never started
  }
  try {
    await startDetached(
      followUp,
      new TypedSearchAttributes([...workflowInfo().typedSearchAttributes.getAll().filter((p) => p.key.name === 'WorkspaceId'), { key: operationIdKey, value: followUp.workflowType }]),
    );
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    await signal();
  }
}

/**
 * Starts a follow-up that outlives the workflow asking for it, on the queue its type belongs to: deliveries and sends
 * on the fan-out queue, purges on maintenance, never on the slots commands wait for.
 */
export async function startDetached(followUp: FollowUp, typedSearchAttributes: TypedSearchAttributes): Promise<void> {
  await startChild(followUp.workflowType, {
    workflowId: followUp.workflowId,
    taskQueue: taskQueueFor(followUp.workflowType, commandsQueueOf(workflowInfo().taskQueue)),
    args: followUp.args,
    parentClosePolicy: ParentClosePolicy.ABANDON,
    typedSearchAttributes,
  });
}

/**
 * Work a command (or a flow step) asked for after its commit, such as waking a channel's sender: it outlives this
 * workflow. Started together (a bulk call's deliveries can be many); a long-lived workflow is woken once however many ask.
 */
export async function startFollowUps(followUps: NonNullable<CommandOutcome['followUps']>): Promise<void> {
  await Promise.all(
    distinctFollowUps(followUps).map(async (followUp) => {
      if (followUp.signal) return signalOrStart({ ...followUp, signal: followUp.signal });
      if (followUp.cancel) {
        // a workflow that has already closed has nothing left to cancel
        await getExternalWorkflowHandle(followUp.workflowId).cancel().catch(() => undefined);
        return;
      }
      try {
        await startDetached(followUp, workflowInfo().typedSearchAttributes);
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
    }),
  );
}
