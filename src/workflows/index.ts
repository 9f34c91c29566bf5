// The command workflows, one type per mutation, and every other workflow the workers register (re-exported).
import { proxyActivities, proxyLocalActivities, proxySinks, uuid4 } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { CommandInput, CommandOutcome, CommandSinks } from './types';
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
 * request waiting there answers without polling the history (src/command-answers.ts). Replays do not tell again.
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

// One workflow type per operation, so the Web UI lists them by name.
const command = answering(runCommand);
const bulkCommand = answering(runBulkCommand);
export const createContact = command;
export const updateContact = command;
export const deleteContact = command;
export const mergeContacts = command;
export const optInContact = command;
export const optOutContact = command;
export const createChannel = command;
export const createConversation = command;
export const updateConversation = command;
export const createMessage = command;
export const cancelMessage = command;
export const receiveInboundMessage = command;
export const receiveMessageStatus = command;
export const createTemplate = command;
export const updateTemplate = command;
export const deleteTemplate = command;
export const createContactAttribute = command;
export const updateContactAttribute = command;
export const deleteContactAttribute = command;
export const createOrder = command;
export const updateOrder = command;
export const addContactTags = command;
export const removeContactTag = command;
export const createFile = command;
export const createWebhookEndpoint = command;
export const updateWebhookEndpoint = command;
export const deleteWebhookEndpoint = command;
export const rotateWebhookEndpointSecret = command;
export const testWebhookEndpoint = answering(runWebhookTestCommand);
export const replayWebhookDelivery = command;
export const replayWebhookEndpoint = command;
export const createFlow = command;
export const updateFlow = command;
export const deleteFlow = command;
export const activateFlow = command;
export const deactivateFlow = command;
export const createFlowRun = command;
export const cancelFlowRun = command;
export const bulkUpsertContacts = bulkCommand;
export const bulkTagContacts = bulkCommand;
export const bulkCreateMessages = bulkCommand;
export const createApiKey = command;
export const rollApiKey = command;
export const revokeApiKey = command;
export const updateWorkspace = command;
export const createBroadcast = command;
export const sendBroadcast = command;
export const pauseBroadcast = command;
export const resumeBroadcast = command;
export const cancelBroadcast = command;
export { runBroadcast, wakeBroadcast } from './broadcasts';
export { flowRun } from './flow-run';
export { sendMessage } from './send-message';
export { webhookEndpoint } from './webhook-endpoint';
export { channelSender } from './channel-sender';
export { scheduledMessage } from './scheduled-message';

export const deleteFile = answering(async (input) => {
  const outcome = await runCommand(input);
  // only after the tombstone has committed; a refused delete (404) leaves the blob alone
  if (outcome.status === 200) await releaseFileBlob({ commandId: input.commandId });
  return outcome;
});

// privacy purges and the backups they reach
export const createPrivacyPurge = command;
export { purgeSubject, takeBackup } from './privacy';
