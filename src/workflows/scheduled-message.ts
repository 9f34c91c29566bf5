import { proxyActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ScheduledMessageInput } from '../channels/scheduled-message-input';
import { signalOrStart } from './follow-ups';

// Retries never give up: the message was accepted, and a database outage only delays it.
const { releaseScheduledMessage } = proxyActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

/**
 * One scheduled message (`<ws>/scheduled-message/<msg_id>`): a durable timer until its send_at (a worker restart
 * resumes it), then the message enters the normal send path, queued for its channel's sender, which this wakes.
 * Cancelling the message cancels this workflow; a timer that fires anyway finds the message no longer scheduled.
 */
export async function scheduledMessage(input: ScheduledMessageInput): Promise<{ outcome: string }> {
  const wait = new Date(input.sendAt).getTime() - Date.now();
  if (wait > 0) await sleep(wait);
  const { followUps, outcome } = await releaseScheduledMessage({ workspaceId: input.workspaceId, messageId: input.messageId });
  for (const f of followUps) if (f.signal) await signalOrStart({ ...f, signal: f.signal });
  return { outcome };
}
