import { createContact, deleteContact, updateContact } from './contacts';
import { mergeContacts } from './contacts-merge';
import {
  cancelMessage,
  createChannel,
  createConversation,
  createMessage,
  optInContact,
  optOutContact,
  receiveInboundMessage,
  receiveMessageStatus,
  receiveWhatsAppNotification,
  updateConversation,
} from './messaging';
import { createOrder, updateOrder } from './orders';
import { createTemplate, deleteTemplate, updateTemplate } from './templates';
import { createContactAttribute, deleteContactAttribute, updateContactAttribute } from './contact-attributes';
import { addContactTags, removeContactTag } from './tags';
import { createFile, deleteFile } from './files';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  replayWebhookDelivery,
  replayWebhookEndpoint,
  rotateWebhookEndpointSecret,
  testWebhookEndpoint,
  updateWebhookEndpoint,
} from '../webhooks/commands';
import { finishBulkJob } from './bulk';
import { createApiKey, revokeApiKey, rollApiKey, updateWorkspace } from './api-keys';
import { activateFlow, cancelFlowRun, createFlow, createFlowRun, deactivateFlow, deleteFlow, updateFlow } from '../flows/commands';
import { createPrivacyPurge } from './privacy';
import { createOAuthApp, deleteOAuthApp, disconnectApp } from './oauth-apps';
import { createEnvironmentPromotion } from './environment-promotions';
import { cancelBroadcast, createBroadcast, pauseBroadcast, resumeBroadcast, sendBroadcast } from './broadcasts';
import type { CommandEntry, CommandHandler, CommandTable } from './types';
import { OPERATIONS } from '../spec';

const single = <Body>(run: CommandHandler<Body>) => ({ run, workflow: 'command' as const });
const bulk = <Body>(run: CommandHandler<Body>) => ({ run, workflow: 'bulkCommand' as const });

/**
 * Every mutation, by the operationId of its POST, PATCH or DELETE in openapi.yaml, with the command that runs it in its
 * transaction and the kind of workflow that orchestrates it. The spec's mutations and this table are one set
 * (checkCommandTable, at the API's and the worker's start); the API starts `workflow` with the operationId as the
 * OperationId search attribute, and the worker runs `run`.
 */
const TABLE = {
  createContact: single(createContact),
  updateContact: single(updateContact),
  deleteContact: single(deleteContact),
  mergeContacts: single(mergeContacts),
  optInContact: single(optInContact),
  optOutContact: single(optOutContact),
  createChannel: single(createChannel),
  createConversation: single(createConversation),
  updateConversation: single(updateConversation),
  createMessage: single(createMessage),
  cancelMessage: single(cancelMessage),
  receiveInboundMessage: single(receiveInboundMessage),
  receiveMessageStatus: single(receiveMessageStatus),
  receiveWhatsAppNotification: single(receiveWhatsAppNotification),
  createEnvironmentPromotion: single(createEnvironmentPromotion),
  createTemplate: single(createTemplate),
  updateTemplate: single(updateTemplate),
  deleteTemplate: single(deleteTemplate),
  createContactAttribute: single(createContactAttribute),
  updateContactAttribute: single(updateContactAttribute),
  deleteContactAttribute: single(deleteContactAttribute),
  createOrder: single(createOrder),
  updateOrder: single(updateOrder),
  addContactTags: single(addContactTags),
  removeContactTag: single(removeContactTag),
  createFile: single(createFile),
  deleteFile: { run: deleteFile, workflow: 'deleteFileCommand' as const },
  createWebhookEndpoint: single(createWebhookEndpoint),
  updateWebhookEndpoint: single(updateWebhookEndpoint),
  deleteWebhookEndpoint: single(deleteWebhookEndpoint),
  rotateWebhookEndpointSecret: single(rotateWebhookEndpointSecret),
  testWebhookEndpoint: { run: testWebhookEndpoint, workflow: 'webhookTestCommand' as const },
  replayWebhookDelivery: single(replayWebhookDelivery),
  replayWebhookEndpoint: single(replayWebhookEndpoint),
  createFlow: single(createFlow),
  updateFlow: single(updateFlow),
  deleteFlow: single(deleteFlow),
  activateFlow: single(activateFlow),
  deactivateFlow: single(deactivateFlow),
  createFlowRun: single(createFlowRun),
  cancelFlowRun: single(cancelFlowRun),
  // a bulk command's stored response, once its chunks have run (see workflows: runBulkCommand)
  bulkUpsertContacts: bulk(finishBulkJob),
  bulkTagContacts: bulk(finishBulkJob),
  bulkCreateMessages: bulk(finishBulkJob),
  // API keys and the workspace's settings (issue 8); every one audited in its transaction
  createApiKey: single(createApiKey),
  rollApiKey: single(rollApiKey),
  revokeApiKey: single(revokeApiKey),
  updateWorkspace: single(updateWorkspace),
  createOAuthApp: single(createOAuthApp),
  deleteOAuthApp: single(deleteOAuthApp),
  disconnectApp: single(disconnectApp),
  // a purge is recorded here; its workflow (purgeSubject) clears the stores after the command has answered 202
  createPrivacyPurge: single(createPrivacyPurge),
  createBroadcast: single(createBroadcast),
  sendBroadcast: single(sendBroadcast),
  pauseBroadcast: single(pauseBroadcast),
  resumeBroadcast: single(resumeBroadcast),
  cancelBroadcast: single(cancelBroadcast),
} satisfies CommandTable;

/**
 * The table as the worker looks a stored command up, by the operationId its request stored. A command's body is the
 * one its operation's request stored (see StoredBody), which `satisfies CommandTable` above holds each command to.
 */
export const COMMANDS: Readonly<Record<string, CommandEntry>> = TABLE as Readonly<Record<string, CommandEntry>>;

/** The spec's mutations: every operation that is not a read (a GET, or a POST marked x-read). */
export function specMutations(): string[] {
  return OPERATIONS.filter((op) => !op.read).map((op) => op.operationId);
}

/** Throws unless the spec's mutations and the command table are the same set (each one a command, and no other). */
export function checkCommandTable(mutationIds: string[] = specMutations(), table: Record<string, CommandEntry> = COMMANDS): void {
  const mutations = new Set(mutationIds);
  const missing = [...mutations].filter((id) => !table[id]);
  const extra = Object.keys(table).filter((id) => !mutations.has(id));
  if (missing.length) throw new Error(`openapi.yaml names mutations without a command in src/commands/registry.ts: ${missing.join(', ')}`);
  if (extra.length) throw new Error(`src/commands/registry.ts names commands that are no mutation in openapi.yaml: ${extra.join(', ')}`);
}

/** The workflow type that runs a mutation (see CommandEntry.workflow). */
export function commandWorkflowOf(operationId: string): CommandEntry['workflow'] {
  const entry = COMMANDS[operationId];
  if (!entry) throw new Error(`no command named ${operationId}`);
  return entry.workflow;
}
