// Shared by the API (client side) and workflows: ids and small DTOs only, never personal data.
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

export const SEARCH_ATTRIBUTES = {
  WorkspaceId: 'Keyword',
  OperationId: 'Keyword',
  RequestId: 'Keyword',
  FlowId: 'Keyword',
  BroadcastId: 'Keyword',
} as const;
