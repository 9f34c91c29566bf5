// Bench-only workflows: the same command (one local activity) reached two ways from a client.
import { allHandlersFinished, condition, defineUpdate, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { BenchActivities, BenchCommandInput, BenchCommandOutcome } from './command-paths';

// the same local-activity options as src/workflows/index.ts
const { insertBenchRow } = proxyLocalActivities<BenchActivities>({
  startToCloseTimeout: '20s',
  localRetryThreshold: '10s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '10s' },
});

/** (i) client.workflow.start + handle.result(): the workflow's result is the command's outcome. */
export async function startResultCommand(input: BenchCommandInput): Promise<BenchCommandOutcome> {
  return insertBenchRow(input);
}

/** (ii) Update-with-Start: the update's result is the command's outcome. */
export const runCommandUpdate = defineUpdate<BenchCommandOutcome, [BenchCommandInput]>('runCommand');

export async function updateWithStartCommand(): Promise<void> {
  let done = false;
  setHandler(runCommandUpdate, async (input) => {
    const outcome = await insertBenchRow(input);
    done = true;
    return outcome;
  });
  // the run ends once its one update has answered
  await condition(() => done && allHandlersFinished());
}
