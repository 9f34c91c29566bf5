// A scheduled message waits in one durable timer workflow (src/workflows/scheduled-message.ts), then enters the normal
// send path: queued for its channel's sender. Shared by commands, activities and workflow code: pure, ids only.

export const SCHEDULED_MESSAGE_WORKFLOW = 'scheduledMessage';

/** Deterministic from the message: a retried command, the sweep and a cancel all name the same workflow. */
export const scheduledMessageWorkflowId = (workspaceId: string, messageId: string) => `${workspaceId}/scheduled-message/${messageId}`;

export interface ScheduledMessageInput {
  workspaceId: string;
  messageId: string;
  /** RFC 3339: when the message is to be queued */
  sendAt: string;
}

/** Starts the message's timer once the command that scheduled it has committed. */
export function scheduledMessageFollowUp(input: ScheduledMessageInput) {
  return {
    workflowType: SCHEDULED_MESSAGE_WORKFLOW,
    workflowId: scheduledMessageWorkflowId(input.workspaceId, input.messageId),
    args: [{ ...input }],
  };
}

/** Ends the message's timer once its cancellation has committed. */
export function cancelScheduledMessageFollowUp(workspaceId: string, messageId: string) {
  return { workflowType: SCHEDULED_MESSAGE_WORKFLOW, workflowId: scheduledMessageWorkflowId(workspaceId, messageId), args: [], cancel: true };
}
