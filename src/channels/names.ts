// One sender workflow per channel hands its queued messages to the provider in batches (src/workflows/channel-sender.ts).
// Shared by commands, activities and workflow code: pure, ids only.

/** The signal that tells a channel's sender that messages were queued for it. */
export const SENDER_WAKE_SIGNAL = 'wake';

export const channelSenderWorkflowId = (workspaceId: string, channelId: string) => `${workspaceId}/channel-sender/${channelId}`;

/** Wakes the channel's sender, starting it when it is not running: a batch of queued messages needs one wake, not one workflow each. */
export function channelSenderFollowUp(workspaceId: string, channelId: string) {
  return {
    workflowType: 'channelSender',
    workflowId: channelSenderWorkflowId(workspaceId, channelId),
    args: [{ workspaceId, channelId }],
    signal: SENDER_WAKE_SIGNAL,
  };
}
