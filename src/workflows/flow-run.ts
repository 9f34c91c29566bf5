import { proxyActivities, sleep, upsertSearchAttributes } from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { Activities } from '../activities';
import { startFollowUps } from './follow-ups';

// Flow steps: scheduled activities that retry until the database answers; a refused step fails the run instead.
const flowSteps = proxyActivities<Activities>({
  startToCloseTimeout: '1m',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s', nonRetryableErrorTypes: ['flow_run_missing', 'flow_step_missing'] },
});
const flowIdKey = defineSearchAttributeKey('FlowId', SearchAttributeType.KEYWORD);

/**
 * One run of a flow version for one contact. Each step is one activity keyed by (run, its place in the run); a wait is
 * a durable timer, so a worker restart during it resumes the run. Cancellation (recorded by cancelFlowRun) ends it.
 */
export async function flowRun(input: { runId: string }): Promise<void> {
  const { flowId } = await flowSteps.beginFlowRun(input);
  upsertSearchAttributes([{ key: flowIdKey, value: flowId }]);
  // a cancellation (recorded in the run by cancelFlowRun, which then cancels this workflow) ends the loop wherever it
  // is; the step activities also refuse to run for a run that is no longer running
  let index: number | null = 0;
  for (let n = 0; index !== null; n++) {
    const step: Awaited<ReturnType<Activities['runFlowStep']>> = await flowSteps.runFlowStep({ runId: input.runId, n, index });
    await startFollowUps(step.followUps ?? []);
    index = step.next;
    if (step.waitMs !== undefined) {
      // a wait until a time already past waits no time
      if (step.waitMs > 0) await sleep(step.waitMs);
      index = (await flowSteps.finishFlowWait({ runId: input.runId, n })).next;
    }
  }
}
