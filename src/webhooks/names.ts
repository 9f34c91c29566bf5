// Shared by the workflow and the code that wakes it (the fan-out poller, commands): pure, no workflow imports.

/** The signal that wakes an endpoint's dispatcher: something may be due sooner than it thinks. */
export const WAKE_WEBHOOK_ENDPOINT = 'wakeWebhookEndpoint';

/** One dispatcher per endpoint; ids only. */
export function webhookEndpointWorkflowId(workspaceId: string, endpointId: string): string {
  return `${workspaceId}/webhookEndpoint/${endpointId}`;
}
