import { proxyLocalActivities, uuid4 } from '@temporalio/workflow';
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
  return executeCommand({ commandId: input.commandId, seed: uuid4() });
}

// One workflow type per operation, so the Web UI lists them by name.
export const createContact = runCommand;
export const updateContact = runCommand;
export const deleteContact = runCommand;
export const createFile = runCommand;

export async function deleteFile(input: Pick<CommandInput, 'commandId'>): Promise<CommandOutcome> {
  const outcome = await runCommand(input);
  // only after the tombstone has committed; a refused delete (404) leaves the blob alone
  if (outcome.status === 200) await releaseFileBlob({ commandId: input.commandId });
  return outcome;
}
