// The engine's vocabulary, shared by the API, the workers, the activities and the workflows: ids and small DTOs only,
// never personal data; pure, so workflow code imports it too.
import type { Sinks } from '@temporalio/workflow';

export interface CommandInput {
  /** idempotency_keys.id: the stored request the command runs */
  commandId: string;
  /** filled in by the workflow */
  seed: string;
}

export interface CommandOutcome {
  status: number;
  /** workflows the command asked for; ids only */
  followUps?: { workflowType: string; workflowId: string; args: Record<string, string>[]; cancel?: boolean; signal?: string }[];
}

/** What a command workflow tells the worker process that runs it (src/engine/command-answers.ts): only that it is done. */
export interface CommandSinks extends Sinks {
  commands: { answered(): void };
}

export const SEARCH_ATTRIBUTES = {
  WorkspaceId: 'Keyword',
  OperationId: 'Keyword',
  RequestId: 'Keyword',
  FlowId: 'Keyword',
  BroadcastId: 'Keyword',
} as const;

/** The longest pause between batches that a step waits itself; a longer one is a durable timer in the workflow. */
export const IN_STEP_PAUSE_MAX_MS = 1000;

export interface StepBroadcastInput {
  workspaceId: string;
  broadcastId: string;
  batch: number;
  /**
   * The epoch ms before which this batch may not start (the previous batch's start plus its interval at the rate).
   * The workflow hands a short pause to the step instead of a timer: an engine's timers may fire a second or more
   * late (the dev server's do), which at sub-second intervals would cap a broadcast far below its rate.
   */
  notBefore?: number;
}
