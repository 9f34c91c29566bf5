import { ParentClosePolicy, startChild, workflowInfo } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { CommandOutcome } from './types';

/**
 * Starts workflows asked for after a commit (a message's delivery), which outlive the workflow that starts them.
 * Started together: a bulk send or a broadcast batch has hundreds, and one at a time would cost a round trip each.
 * Each has its own id, so starting one again (a replayed batch) starts nothing.
 */
export async function startFollowUps(followUps: NonNullable<CommandOutcome['followUps']>): Promise<void> {
  await Promise.all(
    followUps.map(async (followUp) => {
      try {
        await startChild(followUp.workflowType, {
          workflowId: followUp.workflowId,
          args: followUp.args,
          parentClosePolicy: ParentClosePolicy.ABANDON,
          typedSearchAttributes: workflowInfo().typedSearchAttributes,
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
    }),
  );
}
