// The command workflows, and every other workflow the workers register (re-exported).
import { proxyActivities, proxyLocalActivities, proxySinks, uuid4, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { CommandInput, CommandOutcome, CommandSinks } from '../engine/types';
import { startFollowUps } from './follow-ups';

// A local activity runs in the worker that holds the workflow task: one round trip less than a scheduled activity.
// Retries never give up: an accepted command finishes once the database is back.
const { executeCommand } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '20s',
  localRetryThreshold: '10s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '10s', nonRetryableErrorTypes: ['command_missing', 'command_unknown'] },
});

const { releaseFileBlob } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  localRetryThreshold: '10s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

const { commands } = proxySinks<CommandSinks>();

type CommandWorkflow = (input: Pick<CommandInput, 'commandId'>) => Promise<CommandOutcome>;

/**
 * A command's workflow as it is registered: once it has its outcome it tells the worker process running it, so a
 * request waiting there answers without polling the history (src/engine/command-answers.ts). Replays do not tell again.
 */
function answering(run: CommandWorkflow): CommandWorkflow {
  return async (input) => {
    const outcome = await run(input);
    commands.answered();
    return outcome;
  };
}

async function runCommand(input: Pick<CommandInput, 'commandId'>): Promise<CommandOutcome> {
  const outcome = await executeCommand({ commandId: input.commandId, seed: uuid4() });
  await startFollowUps(outcome.followUps ?? []);
  return { status: outcome.status };
}

// Chunks are scheduled activities: a worker that dies mid-chunk is noticed by its missed heartbeats and the chunk runs
// again elsewhere; its transaction never committed, or it committed with its results and the retry applies nothing.
const bulk = proxyActivities<Activities>({
  startToCloseTimeout: '2m',
  heartbeatTimeout: '5s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '5s', nonRetryableErrorTypes: ['command_missing', 'command_unknown'] },
});
const BULK_PARALLEL_CHUNKS = 4;

/** A bulk command: its items are stored in PostgreSQL, applied chunk by chunk, then its response is stored like any command's. */
async function runBulkCommand(input: Pick<CommandInput, 'commandId'>): Promise<CommandOutcome> {
  const { jobId, chunks } = await bulk.prepareBulkJob({ commandId: input.commandId });
  let next = 0;
  const lane = async () => {
    while (next < chunks) await bulk.runBulkChunk({ jobId, chunk: next++ });
  };
  await Promise.all(Array.from({ length: Math.min(BULK_PARALLEL_CHUNKS, chunks) }, lane));
  return runCommand(input);
}

// the test's first attempt: its 5 s bound (WEBHOOK_ATTEMPT_TIMEOUT_MS) and room for the guard and the commit
const webhookTest = proxyActivities<Activities>({
  startToCloseTimeout: '20s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '5s', nonRetryableErrorTypes: ['command_missing'] },
});

/**
 * A webhook test: its event and delivery committed, the first attempt sent as the endpoint's dispatcher would, then
 * the command stores the answer with that attempt's outcome. A failed first attempt is retried by the dispatcher.
 */
async function runWebhookTestCommand(input: Pick<CommandInput, 'commandId'>): Promise<CommandOutcome> {
  const prepared = await webhookTest.prepareWebhookTest({ commandId: input.commandId });
  if (prepared) await webhookTest.sendTestWebhookDelivery(prepared);
  return runCommand(input);
}

// The command workflows, one per kind that really differs (src/commands/registry.ts says which runs each mutation).
// The Web UI tells mutations apart by the OperationId search attribute and the operation in the workflow id.
export const command = answering(runCommand);
export const bulkCommand = answering(runBulkCommand);
export const webhookTestCommand = answering(runWebhookTestCommand);
export const deleteFileCommand = answering(async (input) => {
  const outcome = await runCommand(input);
  // only after the tombstone has committed; a refused delete (404) leaves the blob alone
  if (outcome.status === 200) await releaseFileBlob({ commandId: input.commandId });
  return outcome;
});

// Until 2026-12-04 each mutation started a workflow type named after its operationId. One such workflow still running
// (its worker was down across the upgrade) is served by this default workflow with the same steps; the names are a
// closed, historical list, and every other one is a single command.
const HISTORICAL_KINDS: Record<string, CommandWorkflow> = {
  bulkUpsertContacts: bulkCommand,
  bulkTagContacts: bulkCommand,
  bulkCreateMessages: bulkCommand,
  testWebhookEndpoint: webhookTestCommand,
  deleteFile: deleteFileCommand,
};
export default async function historicalCommand(input: Pick<CommandInput, 'commandId'>): Promise<CommandOutcome> {
  return (HISTORICAL_KINDS[workflowInfo().workflowType] ?? command)(input);
}

export { runBroadcast, wakeBroadcast } from './broadcasts';
export { flowRun } from './flow-run';
export { sendMessage } from './send-message';
export { webhookEndpoint } from './webhook-endpoint';
export { channelSender } from './channel-sender';
export { scheduledMessage } from './scheduled-message';
export { templateReview } from './template-review';

// privacy purges and the backups they reach
export { purgeSubject, takeBackup } from './privacy';
