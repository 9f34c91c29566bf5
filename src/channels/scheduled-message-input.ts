// A scheduled message is a row: `scheduled`, due at its send_at (next_attempt_at). Its channel's one sender sleeps
// until the earliest one and releases it into the queue then (src/channels/scheduled-messages.ts). The previous
// release gave each scheduled message a durable timer workflow of its own; those still running fire once and release
// their message through the same code (the workflow `scheduledMessage` stays registered). Pure, ids only.

export interface ScheduledMessageInput {
  workspaceId: string;
  messageId: string;
  /** RFC 3339: when the message is to be queued */
  sendAt: string;
}
