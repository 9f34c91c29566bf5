import { condition, continueAsNew, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { SENDER_WAKE_SIGNAL } from '../channels/names';

export const senderWakeSignal = defineSignal(SENDER_WAKE_SIGNAL);

// A batch's hand-offs are recorded as they are answered, so a dead worker's missed heartbeats hand the rest of the
// batch to another, which resends only what was not recorded (with the same idempotency keys). Retries never give up:
// the messages are accepted, and a database outage only delays them.
const { sendChannelBatch } = proxyActivities<Activities>({
  startToCloseTimeout: '5m',
  heartbeatTimeout: '10s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '10s' },
});

// a fresh run every so many batches keeps each run's history small, however long the channel stays busy
const BATCHES_PER_RUN = 100;
// a sender with nothing due waits this long for a wake before it ends; the next queued message starts it again
const IDLE = '1 minute';

export interface ChannelSenderInput {
  workspaceId: string;
  channelId: string;
  /** the channel's next free send slot (epoch ms), carried across batches and runs so the rate holds between them */
  slotAt?: number;
}

/**
 * The one sender of a channel: hands its due messages to the provider batch after batch at the channel's rate,
 * records the sandbox's simulated receipts as they fall due, sleeps until the next due one or a wake.
 */
export async function channelSender(input: ChannelSenderInput): Promise<void> {
  let woken = false;
  setHandler(senderWakeSignal, () => void (woken = true));
  let slotAt = input.slotAt ?? 0;
  for (let batches = 0; ; batches++) {
    if (batches >= BATCHES_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof channelSender>({ workspaceId: input.workspaceId, channelId: input.channelId, slotAt });
    }
    woken = false;
    const batch = await sendChannelBatch({ workspaceId: input.workspaceId, channelId: input.channelId, slotAt });
    slotAt = batch.slotAt;
    if (batch.more) continue;
    if (batch.nextDueMs !== null) {
      await condition(() => woken, Math.max(batch.nextDueMs, 1));
      continue;
    }
    // nothing left: end unless woken meanwhile (a wake that meets an ending run is still delivered to it)
    if (!(await condition(() => woken, IDLE)) && !woken) return;
  }
}
