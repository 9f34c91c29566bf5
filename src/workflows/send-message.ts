import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { channelSenderFollowUp } from '../channels/names';
import { signalOrStart } from './follow-ups';

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
