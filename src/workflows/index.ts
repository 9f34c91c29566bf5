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

async function runCommand(input: Pick<CommandInput, 'commandId'>): Promise<CommandOutcome> {
  return executeCommand({ commandId: input.commandId, seed: uuid4() });
}

// One workflow type per operation, so the Web UI lists them by name.
export const createContact = runCommand;
export const updateContact = runCommand;
export const deleteContact = runCommand;
export const addContactTags = runCommand;
export const removeContactTag = runCommand;
