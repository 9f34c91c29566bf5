import { condition, continueAsNew, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';

import { WAKE_WEBHOOK_ENDPOINT } from '../webhooks/names';

/** Something may be due sooner than the dispatcher thinks: new deliveries, a replay, the endpoint changed. */
export const wakeWebhookEndpoint = defineSignal(WAKE_WEBHOOK_ENDPOINT);

// one batch at a time per endpoint: the fan-out queue never holds more than one of its activities, so a workspace's
// backlog waits behind its own batches and not in front of other workspaces'
const { sendDueWebhookDeliveries } = proxyActivities<Activities>({
  // a batch of 100 at 5 s per attempt, 10 at a time, is about 50 s; heartbeats notice a dead worker sooner
  startToCloseTimeout: '5m',
  heartbeatTimeout: '5s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s' },
});

// a run keeps its history small: about 7 events a batch
const BATCHES_PER_RUN = 200;
// with nothing waiting it lingers for new deliveries, then ends; the next delivery starts it again
const IDLE_MS = 60_000;

/**
 * One endpoint's delivery loop: sends what is due, then sleeps until the earliest retry or a wake. A failing endpoint
 * with any backlog is this one sleeping workflow. Every run starts by looking at the rows, so a wake lost across a
 * continue-as-new costs nothing.
 */
export async function webhookEndpoint(input: { workspaceId: string; endpointId: string }): Promise<void> {
  let woken = false;
  setHandler(wakeWebhookEndpoint, () => void (woken = true));
  for (let batch = 0; batch < BATCHES_PER_RUN; batch++) {
    woken = false;
    const { nextDueInMs, gone } = await sendDueWebhookDeliveries(input);
    if (nextDueInMs === null) {
      if (gone) return;
      // a wake that lands with the idle timer (in the task that would have ended the run) is read here, not lost
      if (!(await condition(() => woken, IDLE_MS)) && !woken) return;
    } else if (nextDueInMs > 0) {
      await condition(() => woken, nextDueInMs);
    }
  }
  await continueAsNew<typeof webhookEndpoint>(input);
}
