import {
  getExternalWorkflowHandle,
  proxyActivities,
  proxyLocalActivities,
  sleep,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../activities';
import type { CommandInput, CommandOutcome } from './types';
import { distinctFollowUps, signalOrStart, startDetached } from './follow-ups';
import { channelSenderFollowUp } from '../channel-senders';

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

/**
 * Work a command (or a flow step) asked for after its commit, such as waking a channel's sender: it outlives this
 * workflow. Started together (a bulk call's deliveries can be many); a long-lived workflow is woken once however many ask.
 */
async function startFollowUps(followUps: NonNullable<CommandOutcome['followUps']>): Promise<void> {
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

const messageChannels = proxyActivities<Activities>({
  startToCloseTimeout: '10s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

/**
 * The per-message workflow of earlier releases, kept for follow-ups stored with their commands' responses: it only
 * wakes the message's channel sender (src/workflows/channel-sender.ts), which hands over every queued message.
 */
export async function sendMessage(input: { messageId: string }): Promise<void> {
  const channel = await messageChannels.channelOfMessage(input);
  if (channel) await signalOrStart(channelSenderFollowUp(channel.workspaceId, channel.channelId));
}

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

// One workflow type per operation, so the Web UI lists them by name.
export const createContact = runCommand;
export const updateContact = runCommand;
export const deleteContact = runCommand;
export const mergeContacts = runCommand;
export const optInContact = runCommand;
export const optOutContact = runCommand;
export const createChannel = runCommand;
export const createConversation = runCommand;
export const updateConversation = runCommand;
export const createMessage = runCommand;
export const cancelMessage = runCommand;
export const receiveInboundMessage = runCommand;
export const receiveMessageStatus = runCommand;
export const createTemplate = runCommand;
export const updateTemplate = runCommand;
export const deleteTemplate = runCommand;
export const createContactAttribute = runCommand;
export const updateContactAttribute = runCommand;
export const deleteContactAttribute = runCommand;
export const createOrder = runCommand;
export const updateOrder = runCommand;
export const addContactTags = runCommand;
export const removeContactTag = runCommand;
export const createFile = runCommand;
export const createWebhookEndpoint = runCommand;
export const updateWebhookEndpoint = runCommand;
export const deleteWebhookEndpoint = runCommand;
export const rotateWebhookEndpointSecret = runCommand;
export const testWebhookEndpoint = runWebhookTestCommand;
export const replayWebhookDelivery = runCommand;
export const replayWebhookEndpoint = runCommand;
export const createFlow = runCommand;
export const updateFlow = runCommand;
export const deleteFlow = runCommand;
export const activateFlow = runCommand;
export const deactivateFlow = runCommand;
export const createFlowRun = runCommand;
export const cancelFlowRun = runCommand;
export const bulkUpsertContacts = runBulkCommand;
export const bulkTagContacts = runBulkCommand;
export const bulkCreateMessages = runBulkCommand;
export const createApiKey = runCommand;
export const rollApiKey = runCommand;
export const revokeApiKey = runCommand;
export const updateWorkspace = runCommand;
export const createBroadcast = runCommand;
export const sendBroadcast = runCommand;
export const pauseBroadcast = runCommand;
export const resumeBroadcast = runCommand;
export const cancelBroadcast = runCommand;
export { runBroadcast, wakeBroadcast } from './broadcasts';
export { webhookEndpoint } from './webhook-endpoint';
export { channelSender } from './channel-sender';
export { scheduledMessage } from './scheduled-message';

export async function deleteFile(input: Pick<CommandInput, 'commandId'>): Promise<CommandOutcome> {
  const outcome = await runCommand(input);
  // only after the tombstone has committed; a refused delete (404) leaves the blob alone
  if (outcome.status === 200) await releaseFileBlob({ commandId: input.commandId });
  return outcome;
}

// privacy purges and the backups they reach
export const createPrivacyPurge = runCommand;
export { purgeSubject, takeBackup } from './privacy';
