import { condition, continueAsNew, defineSignal, getExternalWorkflowHandle, patched, proxyActivities, setHandler, sleep, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { Activities } from '../activities';
import { IN_STEP_PAUSE_MAX_MS } from '../engine/types';

/** Pause, resume and cancel change the broadcast in PostgreSQL, then send this: the workflow re-reads it at once. */
export const wakeSignal = defineSignal('wake');

const broadcastIdKey = defineSearchAttributeKey('BroadcastId', SearchAttributeType.KEYWORD);

// A batch is one transaction that a dead worker's missed heartbeats hand to another; retries never give up,
// since the broadcast is accepted and a database outage only delays it.
const { stepBroadcast, startBroadcastDeliveries } = proxyActivities<Activities>({
  startToCloseTimeout: '2m',
  heartbeatTimeout: '10s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '10s', nonRetryableErrorTypes: ['broadcast_missing', 'worker_misconfigured'] },
});

// a fresh run every so many batches keeps each run's history small, whatever the audience size
const BATCHES_PER_RUN = 20;
// a lost wake still lets a paused broadcast notice a resume
const PAUSED_RECHECK = '5 minutes';

export interface RunBroadcastInput {
  workspaceId: string;
  broadcastId: string;
  /** the next batch's number; batches are numbered across runs */
  batch?: number;
  /** the pause the previous run handed to its next step (see StepBroadcastInput.notBefore) */
  notBefore?: number;
}

/** A sent broadcast: waits for its time, then sends batch after batch at its rate until done, paused or cancelled. */
export async function runBroadcast(input: RunBroadcastInput): Promise<void> {
  upsertSearchAttributes([{ key: broadcastIdKey, value: input.broadcastId }]);
  let woken = false;
  setHandler(wakeSignal, () => void (woken = true));
  let batch = input.batch ?? 0;
  let notBefore = input.notBefore;
  // a batch's deliveries start while the next batch is queued; one such start at a time
  let starting: Promise<unknown> = Promise.resolve();
  const ids = { workspaceId: input.workspaceId, broadcastId: input.broadcastId };
  for (let ran = 0; ; ) {
    if (ran >= BATCHES_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await starting;
      await continueAsNew<typeof runBroadcast>({ ...input, batch, notBefore });
    }
    woken = false;
    const started = Date.now();
    const step = await stepBroadcast({ ...ids, batch, ...(notBefore ? { notBefore } : {}) });
    notBefore = undefined;
    if (step.kind === 'done') return void (await starting);
    if (step.kind === 'wait') {
      await condition(() => woken, step.waitMs ?? PAUSED_RECHECK);
      continue;
    }
    if (step.messages > 0) {
      await starting;
      starting = startBroadcastDeliveries({ ...ids, batch });
    }
    batch++;
    ran++;
    // the rate: the next batch starts no sooner than this one's size allows; a short rest is waited by that batch's step
    const rest = step.intervalMs - (Date.now() - started);
    if (rest > 0 && rest <= IN_STEP_PAUSE_MAX_MS && patched('broadcast-pause-in-step')) notBefore = started + step.intervalMs;
    else if (rest > 0) await sleep(rest);
  }
}

/** Delivers a wake to a broadcast's workflow; one that has finished needs none. */
export async function wakeBroadcast(input: { workflowId: string }): Promise<void> {
  try {
    await getExternalWorkflowHandle(input.workflowId).signal(wakeSignal);
  } catch {
    // not running (finished or never started): it has nothing to notice
  }
}
