import type { CommandHandler } from './types';
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
import { cancelBroadcast, createBroadcast, pauseBroadcast, resumeBroadcast, sendBroadcast } from './broadcasts';



/** Every mutation by operationId. The API starts a workflow named after the operationId; the worker runs this. */
export const COMMANDS: Record<string, CommandHandler> = {
  createContact,
  updateContact,
  deleteContact,
  mergeContacts,
  optInContact,
  optOutContact,
  createChannel,
  createConversation,
  updateConversation,
  createMessage,
  cancelMessage,
  receiveInboundMessage,
  receiveMessageStatus,
  createTemplate,
  updateTemplate,
  deleteTemplate,
  createContactAttribute,
  updateContactAttribute,
  deleteContactAttribute,
  createOrder,
  updateOrder,
  addContactTags,
  removeContactTag,
  createFile,
  deleteFile,
  createWebhookEndpoint,
  updateWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookEndpointSecret,
  testWebhookEndpoint,
  replayWebhookDelivery,
  replayWebhookEndpoint,
  createFlow,
  updateFlow,
  deleteFlow,
  activateFlow,
  deactivateFlow,
  createFlowRun,
  cancelFlowRun,
  // a bulk command's stored response, once its chunks have run (see workflows: runBulkCommand)
  bulkUpsertContacts: finishBulkJob,
  bulkTagContacts: finishBulkJob,
  bulkCreateMessages: finishBulkJob,
  // API keys and the workspace's settings (issue 8); every one audited in its transaction
  createApiKey,
  rollApiKey,
  revokeApiKey,
  updateWorkspace,
  // a purge is recorded here; its workflow (purgeSubject) clears the stores after the command has answered 202
  createPrivacyPurge,
  createBroadcast,
  sendBroadcast,
  pauseBroadcast,
  resumeBroadcast,
  cancelBroadcast,
};
