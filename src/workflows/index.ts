import {
  ActivityFailure,
  ApplicationFailure,
  ParentClosePolicy,
  proxyActivities,
  proxyLocalActivities,
  sleep,
  startChild,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../activities';
import type { CommandInput, CommandOutcome } from './types';

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

async function runCommand(input: Pick<CommandInput, 'commandId'>): Promise<CommandOutcome> {
  const outcome = await executeCommand({ commandId: input.commandId, seed: uuid4() });
  // work the command asked for after its commit (a message's delivery) outlives this short workflow
  // started together: a bulk send has up to 1,000, and one at a time would cost a round trip each
  await Promise.all(
    (outcome.followUps ?? []).map(async (followUp) => {
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

const delivery = proxyActivities<Activities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m', maximumAttempts: 8, nonRetryableErrorTypes: ['provider_rejected', 'message_missing'] },
});
const statusWrites = proxyActivities<Activities>({
  startToCloseTimeout: '10s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

/** One outbound message: hand it to the provider, then follow its receipts (simulated by the sandbox). */
export async function sendMessage(input: { messageId: string }): Promise<void> {
  let receipts: Awaited<ReturnType<Activities['dispatchMessage']>>['receipts'];
  try {
    ({ receipts } = await delivery.dispatchMessage(input));
  } catch (err) {
    const cause = err instanceof ActivityFailure ? err.cause : err;
    const reason = cause instanceof ApplicationFailure || cause instanceof Error ? cause.message : 'delivery failed';
    await statusWrites.recordMessageStatus({ messageId: input.messageId, status: 'failed', reason });
    return;
  }
  if (!receipts) return;
  await sleep(receipts.deliveredAfterMs);
  await statusWrites.recordMessageStatus({ messageId: input.messageId, status: 'delivered' });
  await sleep(receipts.readAfterMs);
  await statusWrites.recordMessageStatus({ messageId: input.messageId, status: 'read' });
}

const webhookAttempts = proxyActivities<Activities>({
  // an attempt is bounded at 5 s by the sender; the rest is PostgreSQL
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m', nonRetryableErrorTypes: ['delivery_missing'] },
});

/** One webhook delivery: its attempts on the retry timetable, each signed afresh; ids only in history. */
export async function deliverWebhook(input: { deliveryId: string }): Promise<void> {
  const { firstAttempt, scheduleMs } = await webhookAttempts.beginWebhookDelivery(input);
  let retryAfterMs = 0;
  for (let i = 0; i < scheduleMs.length; i++) {
    const wait = Math.max(scheduleMs[i], retryAfterMs);
    if (wait > 0) await sleep(wait);
    const result = await webhookAttempts.attemptWebhookDelivery({
      deliveryId: input.deliveryId,
      attempt: firstAttempt + i,
      final: i === scheduleMs.length - 1,
      nextDelayMs: scheduleMs[i + 1] ?? 0,
    });
    if (result.done) return;
    retryAfterMs = result.retryAfterMs ?? 0;
  }
}

// One workflow type per operation, so the Web UI lists them by name.
export const createContact = runCommand;
export const updateContact = runCommand;
export const deleteContact = runCommand;
export const optInContact = runCommand;
export const optOutContact = runCommand;
export const createChannel = runCommand;
export const createConversation = runCommand;
export const updateConversation = runCommand;
export const createMessage = runCommand;
export const receiveInboundMessage = runCommand;
export const receiveMessageStatus = runCommand;
export const createTemplate = runCommand;
export const updateTemplate = runCommand;
export const deleteTemplate = runCommand;
export const createOrder = runCommand;
export const updateOrder = runCommand;
export const addContactTags = runCommand;
export const removeContactTag = runCommand;
export const createFile = runCommand;
export const createWebhookEndpoint = runCommand;
export const updateWebhookEndpoint = runCommand;
export const deleteWebhookEndpoint = runCommand;
export const rotateWebhookEndpointSecret = runCommand;
export const testWebhookEndpoint = runCommand;
export const replayWebhookDelivery = runCommand;
export const replayWebhookEndpoint = runCommand;
export const bulkUpsertContacts = runBulkCommand;
export const bulkTagContacts = runBulkCommand;
export const bulkCreateMessages = runBulkCommand;
export const createBroadcast = runCommand;
export const sendBroadcast = runCommand;
export const pauseBroadcast = runCommand;
export const resumeBroadcast = runCommand;
export const cancelBroadcast = runCommand;
export { runBroadcast, wakeBroadcast } from './broadcasts';

export async function deleteFile(input: Pick<CommandInput, 'commandId'>): Promise<CommandOutcome> {
  const outcome = await runCommand(input);
  // only after the tombstone has committed; a refused delete (404) leaves the blob alone
  if (outcome.status === 200) await releaseFileBlob({ commandId: input.commandId });
  return outcome;
}
