// Generated from openapi.yaml by scripts/sdk/typescript.ts (npm run sdk:generate:typescript). Do not edit.

import type { components, operations } from './schema.js';
import type { Core, EventStream, PagePromise, RequestOptions, StreamOptions, BinaryResponse, Uploadable } from '../core.js';

/** The API version this SDK was generated for (`info.version` of openapi.yaml); sent as `Api-Version`. */
export const API_VERSION = "2026-11-01";

/** The SDK name of every operation, by operationId. */
export const OPERATIONS = {
  listContacts: { resource: "contacts", method: "list", httpMethod: "GET", path: "/v1/contacts" },
  createContact: { resource: "contacts", method: "create", httpMethod: "POST", path: "/v1/contacts" },
  searchContacts: { resource: "contacts", method: "search", httpMethod: "POST", path: "/v1/contacts/search" },
  retrieveContact: { resource: "contacts", method: "retrieve", httpMethod: "GET", path: "/v1/contacts/{contact_id}" },
  deleteContact: { resource: "contacts", method: "delete", httpMethod: "DELETE", path: "/v1/contacts/{contact_id}" },
  updateContact: { resource: "contacts", method: "update", httpMethod: "PATCH", path: "/v1/contacts/{contact_id}" },
  bulkUpsertContacts: { resource: "contacts", method: "bulkUpsert", httpMethod: "POST", path: "/v1/contacts/bulk" },
  bulkTagContacts: { resource: "tags", method: "bulkApply", httpMethod: "POST", path: "/v1/tags/bulk" },
  bulkCreateMessages: { resource: "messages", method: "bulkCreate", httpMethod: "POST", path: "/v1/messages/bulk" },
  retrieveBulkJob: { resource: "bulkJobs", method: "retrieve", httpMethod: "GET", path: "/v1/bulk-jobs/{bulk_job_id}" },
  listBulkJobResults: { resource: "bulkJobs", method: "listResults", httpMethod: "GET", path: "/v1/bulk-jobs/{bulk_job_id}/results" },
  listTemplates: { resource: "templates", method: "list", httpMethod: "GET", path: "/v1/templates" },
  createTemplate: { resource: "templates", method: "create", httpMethod: "POST", path: "/v1/templates" },
  retrieveTemplate: { resource: "templates", method: "retrieve", httpMethod: "GET", path: "/v1/templates/{template_id}" },
  deleteTemplate: { resource: "templates", method: "delete", httpMethod: "DELETE", path: "/v1/templates/{template_id}" },
  updateTemplate: { resource: "templates", method: "update", httpMethod: "PATCH", path: "/v1/templates/{template_id}" },
  listContactAttributes: { resource: "contactAttributes", method: "list", httpMethod: "GET", path: "/v1/contact-attributes" },
  createContactAttribute: { resource: "contactAttributes", method: "create", httpMethod: "POST", path: "/v1/contact-attributes" },
  retrieveContactAttribute: { resource: "contactAttributes", method: "retrieve", httpMethod: "GET", path: "/v1/contact-attributes/{attribute_id}" },
  deleteContactAttribute: { resource: "contactAttributes", method: "delete", httpMethod: "DELETE", path: "/v1/contact-attributes/{attribute_id}" },
  updateContactAttribute: { resource: "contactAttributes", method: "update", httpMethod: "PATCH", path: "/v1/contact-attributes/{attribute_id}" },
  listOrders: { resource: "orders", method: "list", httpMethod: "GET", path: "/v1/orders" },
  createOrder: { resource: "orders", method: "create", httpMethod: "POST", path: "/v1/orders" },
  retrieveOrder: { resource: "orders", method: "retrieve", httpMethod: "GET", path: "/v1/orders/{order_id}" },
  updateOrder: { resource: "orders", method: "update", httpMethod: "PATCH", path: "/v1/orders/{order_id}" },
  listContactTimeline: { resource: "contacts", method: "timeline", httpMethod: "GET", path: "/v1/contacts/{contact_id}/timeline" },
  mergeContacts: { resource: "contacts", method: "merge", httpMethod: "POST", path: "/v1/contacts/{contact_id}/merge" },
  optInContact: { resource: "contacts", method: "optIn", httpMethod: "POST", path: "/v1/contacts/{contact_id}/opt-in" },
  optOutContact: { resource: "contacts", method: "optOut", httpMethod: "POST", path: "/v1/contacts/{contact_id}/opt-out" },
  listChannels: { resource: "channels", method: "list", httpMethod: "GET", path: "/v1/channels" },
  createChannel: { resource: "channels", method: "create", httpMethod: "POST", path: "/v1/channels" },
  retrieveChannel: { resource: "channels", method: "retrieve", httpMethod: "GET", path: "/v1/channels/{channel_id}" },
  listConversations: { resource: "conversations", method: "list", httpMethod: "GET", path: "/v1/conversations" },
  createConversation: { resource: "conversations", method: "create", httpMethod: "POST", path: "/v1/conversations" },
  retrieveConversation: { resource: "conversations", method: "retrieve", httpMethod: "GET", path: "/v1/conversations/{conversation_id}" },
  updateConversation: { resource: "conversations", method: "update", httpMethod: "PATCH", path: "/v1/conversations/{conversation_id}" },
  listConversationMessages: { resource: "messages", method: "list", httpMethod: "GET", path: "/v1/conversations/{conversation_id}/messages" },
  createMessage: { resource: "messages", method: "create", httpMethod: "POST", path: "/v1/conversations/{conversation_id}/messages" },
  listMessages: { resource: "messages", method: "listAll", httpMethod: "GET", path: "/v1/messages" },
  retrieveUsage: { resource: "usage", method: "retrieve", httpMethod: "GET", path: "/v1/usage" },
  retrieveMessage: { resource: "messages", method: "retrieve", httpMethod: "GET", path: "/v1/messages/{message_id}" },
  cancelMessage: { resource: "messages", method: "cancel", httpMethod: "POST", path: "/v1/messages/{message_id}/cancel" },
  addContactTags: { resource: "contacts", method: "addTags", httpMethod: "POST", path: "/v1/contacts/{contact_id}/tags" },
  removeContactTag: { resource: "contacts", method: "removeTag", httpMethod: "DELETE", path: "/v1/contacts/{contact_id}/tags/{tag}" },
  listTags: { resource: "tags", method: "list", httpMethod: "GET", path: "/v1/tags" },
  retrieveTag: { resource: "tags", method: "retrieve", httpMethod: "GET", path: "/v1/tags/{tag}" },
  listFiles: { resource: "files", method: "list", httpMethod: "GET", path: "/v1/files" },
  createFile: { resource: "files", method: "create", httpMethod: "POST", path: "/v1/files" },
  retrieveFile: { resource: "files", method: "retrieve", httpMethod: "GET", path: "/v1/files/{file_id}" },
  deleteFile: { resource: "files", method: "delete", httpMethod: "DELETE", path: "/v1/files/{file_id}" },
  downloadFile: { resource: "files", method: "download", httpMethod: "GET", path: "/v1/files/{file_id}/content" },
  listEvents: { resource: "events", method: "list", httpMethod: "GET", path: "/v1/events" },
  retrieveStatus: { resource: "status", method: "retrieve", httpMethod: "GET", path: "/v1/status" },
  streamEvents: { resource: "events", method: "stream", httpMethod: "GET", path: "/v1/events/stream" },
  listEventTypes: { resource: "eventTypes", method: "list", httpMethod: "GET", path: "/v1/event-types" },
  listWebhookEndpoints: { resource: "webhookEndpoints", method: "list", httpMethod: "GET", path: "/v1/webhook-endpoints" },
  createWebhookEndpoint: { resource: "webhookEndpoints", method: "create", httpMethod: "POST", path: "/v1/webhook-endpoints" },
  retrieveWebhookEndpoint: { resource: "webhookEndpoints", method: "retrieve", httpMethod: "GET", path: "/v1/webhook-endpoints/{endpoint_id}" },
  deleteWebhookEndpoint: { resource: "webhookEndpoints", method: "delete", httpMethod: "DELETE", path: "/v1/webhook-endpoints/{endpoint_id}" },
  updateWebhookEndpoint: { resource: "webhookEndpoints", method: "update", httpMethod: "PATCH", path: "/v1/webhook-endpoints/{endpoint_id}" },
  rotateWebhookEndpointSecret: { resource: "webhookEndpoints", method: "rotateSecret", httpMethod: "POST", path: "/v1/webhook-endpoints/{endpoint_id}/rotate-secret" },
  testWebhookEndpoint: { resource: "webhookEndpoints", method: "test", httpMethod: "POST", path: "/v1/webhook-endpoints/{endpoint_id}/test" },
  replayWebhookEndpoint: { resource: "webhookEndpoints", method: "replay", httpMethod: "POST", path: "/v1/webhook-endpoints/{endpoint_id}/replay" },
  listWebhookDeliveries: { resource: "webhookEndpoints", method: "listDeliveries", httpMethod: "GET", path: "/v1/webhook-endpoints/{endpoint_id}/deliveries" },
  retrieveWebhookDelivery: { resource: "webhookDeliveries", method: "retrieve", httpMethod: "GET", path: "/v1/webhook-deliveries/{delivery_id}" },
  replayWebhookDelivery: { resource: "webhookDeliveries", method: "replay", httpMethod: "POST", path: "/v1/webhook-deliveries/{delivery_id}/replay" },
  listApiKeys: { resource: "apiKeys", method: "list", httpMethod: "GET", path: "/v1/api-keys" },
  createApiKey: { resource: "apiKeys", method: "create", httpMethod: "POST", path: "/v1/api-keys" },
  retrieveApiKey: { resource: "apiKeys", method: "retrieve", httpMethod: "GET", path: "/v1/api-keys/{api_key_id}" },
  revokeApiKey: { resource: "apiKeys", method: "revoke", httpMethod: "DELETE", path: "/v1/api-keys/{api_key_id}" },
  rollApiKey: { resource: "apiKeys", method: "roll", httpMethod: "POST", path: "/v1/api-keys/{api_key_id}/roll" },
  retrieveWorkspace: { resource: "workspace", method: "retrieve", httpMethod: "GET", path: "/v1/workspace" },
  updateWorkspace: { resource: "workspace", method: "update", httpMethod: "PATCH", path: "/v1/workspace" },
  listAuditLogs: { resource: "auditLogs", method: "list", httpMethod: "GET", path: "/v1/audit-logs" },
  listFlows: { resource: "flows", method: "list", httpMethod: "GET", path: "/v1/flows" },
  createFlow: { resource: "flows", method: "create", httpMethod: "POST", path: "/v1/flows" },
  retrieveFlow: { resource: "flows", method: "retrieve", httpMethod: "GET", path: "/v1/flows/{flow_id}" },
  deleteFlow: { resource: "flows", method: "delete", httpMethod: "DELETE", path: "/v1/flows/{flow_id}" },
  updateFlow: { resource: "flows", method: "update", httpMethod: "PATCH", path: "/v1/flows/{flow_id}" },
  activateFlow: { resource: "flows", method: "activate", httpMethod: "POST", path: "/v1/flows/{flow_id}/activate" },
  deactivateFlow: { resource: "flows", method: "deactivate", httpMethod: "POST", path: "/v1/flows/{flow_id}/deactivate" },
  createFlowRun: { resource: "flowRuns", method: "create", httpMethod: "POST", path: "/v1/flows/{flow_id}/runs" },
  listFlowRuns: { resource: "flowRuns", method: "list", httpMethod: "GET", path: "/v1/flow-runs" },
  retrieveFlowRun: { resource: "flowRuns", method: "retrieve", httpMethod: "GET", path: "/v1/flow-runs/{flow_run_id}" },
  cancelFlowRun: { resource: "flowRuns", method: "cancel", httpMethod: "POST", path: "/v1/flow-runs/{flow_run_id}/cancel" },
  listPrivacyPurges: { resource: "privacyPurges", method: "list", httpMethod: "GET", path: "/v1/privacy/purges" },
  createPrivacyPurge: { resource: "privacyPurges", method: "create", httpMethod: "POST", path: "/v1/privacy/purges" },
  retrievePrivacyPurge: { resource: "privacyPurges", method: "retrieve", httpMethod: "GET", path: "/v1/privacy/purges/{purge_id}" },
  listEnvironmentPromotions: { resource: "environmentPromotions", method: "list", httpMethod: "GET", path: "/v1/environment-promotions" },
  createEnvironmentPromotion: { resource: "environmentPromotions", method: "create", httpMethod: "POST", path: "/v1/environment-promotions" },
  retrieveEnvironmentPromotion: { resource: "environmentPromotions", method: "retrieve", httpMethod: "GET", path: "/v1/environment-promotions/{promotion_id}" },
  listOAuthApps: { resource: "oauthApps", method: "list", httpMethod: "GET", path: "/v1/oauth-apps" },
  createOAuthApp: { resource: "oauthApps", method: "create", httpMethod: "POST", path: "/v1/oauth-apps" },
  retrieveOAuthApp: { resource: "oauthApps", method: "retrieve", httpMethod: "GET", path: "/v1/oauth-apps/{oauth_app_id}" },
  deleteOAuthApp: { resource: "oauthApps", method: "delete", httpMethod: "DELETE", path: "/v1/oauth-apps/{oauth_app_id}" },
  listConnectedApps: { resource: "connectedApps", method: "list", httpMethod: "GET", path: "/v1/connected-apps" },
  disconnectApp: { resource: "connectedApps", method: "disconnect", httpMethod: "DELETE", path: "/v1/connected-apps/{oauth_app_id}" },
  listBroadcasts: { resource: "broadcasts", method: "list", httpMethod: "GET", path: "/v1/broadcasts" },
  createBroadcast: { resource: "broadcasts", method: "create", httpMethod: "POST", path: "/v1/broadcasts" },
  retrieveBroadcast: { resource: "broadcasts", method: "retrieve", httpMethod: "GET", path: "/v1/broadcasts/{broadcast_id}" },
  sendBroadcast: { resource: "broadcasts", method: "send", httpMethod: "POST", path: "/v1/broadcasts/{broadcast_id}/send" },
  pauseBroadcast: { resource: "broadcasts", method: "pause", httpMethod: "POST", path: "/v1/broadcasts/{broadcast_id}/pause" },
  resumeBroadcast: { resource: "broadcasts", method: "resume", httpMethod: "POST", path: "/v1/broadcasts/{broadcast_id}/resume" },
  cancelBroadcast: { resource: "broadcasts", method: "cancel", httpMethod: "POST", path: "/v1/broadcasts/{broadcast_id}/cancel" },
  listBroadcastRecipients: { resource: "broadcasts", method: "listRecipients", httpMethod: "GET", path: "/v1/broadcasts/{broadcast_id}/recipients" },
} as const;

// Named types for every schema of the spec.
export type Livemode = components['schemas']["Livemode"];
export type WebhookEndpointIdValue = components['schemas']["WebhookEndpointIdValue"];
export type WebhookDeliveryIdValue = components['schemas']["WebhookDeliveryIdValue"];
export type WebhookEventTypeFilter = components['schemas']["WebhookEventTypeFilter"];
export type WebhookEndpointCreate = components['schemas']["WebhookEndpointCreate"];
export type WebhookMaxConcurrency = components['schemas']["WebhookMaxConcurrency"];
export type WebhookEndpointUpdate = components['schemas']["WebhookEndpointUpdate"];
export type WebhookEndpoint = components['schemas']["WebhookEndpoint"];
export type WebhookEndpointWithSecret = components['schemas']["WebhookEndpointWithSecret"];
export type DeletedWebhookEndpoint = components['schemas']["DeletedWebhookEndpoint"];
export type WebhookEndpointList = components['schemas']["WebhookEndpointList"];
export type WebhookSecretRotate = components['schemas']["WebhookSecretRotate"];
export type WebhookDeliveryStatus = components['schemas']["WebhookDeliveryStatus"];
export type WebhookAttempt = components['schemas']["WebhookAttempt"];
export type WebhookDelivery = components['schemas']["WebhookDelivery"];
export type WebhookDeliveryList = components['schemas']["WebhookDeliveryList"];
export type WebhookReplayRequest = components['schemas']["WebhookReplayRequest"];
export type WebhookPayload = components['schemas']["WebhookPayload"];
export type EventTypeList = components['schemas']["EventTypeList"];
export type EventTypeInfo = components['schemas']["EventTypeInfo"];
export type WebhookTestObject = components['schemas']["WebhookTestObject"];
export type WebhookReplay = components['schemas']["WebhookReplay"];
export type Timestamp = components['schemas']["Timestamp"];
export type Phone = components['schemas']["Phone"];
export type PhoneInput = components['schemas']["PhoneInput"];
export type Email = components['schemas']["Email"];
export type ExternalId = components['schemas']["ExternalId"];
export type PersonName = components['schemas']["PersonName"];
export type ContactIdValue = components['schemas']["ContactIdValue"];
export type Attributes = components['schemas']["Attributes"];
export type AttributesPatch = components['schemas']["AttributesPatch"];
export type Contact = components['schemas']["Contact"];
export type TagNameValue = components['schemas']["TagNameValue"];
export type TagNameInput = components['schemas']["TagNameInput"];
export type Tag = components['schemas']["Tag"];
export type ContactTagsAdd = components['schemas']["ContactTagsAdd"];
export type TagList = components['schemas']["TagList"];
export type ContactCreate = components['schemas']["ContactCreate"];
export type ContactUpdate = components['schemas']["ContactUpdate"];
export type ContactMerge = components['schemas']["ContactMerge"];
export type DeletedContact = components['schemas']["DeletedContact"];
export type TemplateIdValue = components['schemas']["TemplateIdValue"];
export type TemplateName = components['schemas']["TemplateName"];
export type TemplateLanguage = components['schemas']["TemplateLanguage"];
export type TemplateCategory = components['schemas']["TemplateCategory"];
export type TemplateStatus = components['schemas']["TemplateStatus"];
export type TemplateParameterFormat = components['schemas']["TemplateParameterFormat"];
export type TemplateHeader = components['schemas']["TemplateHeader"];
export type TemplateButton = components['schemas']["TemplateButton"];
export type TemplateFooter = components['schemas']["TemplateFooter"];
export type TemplateBody = components['schemas']["TemplateBody"];
export type Template = components['schemas']["Template"];
export type TemplateCreate = components['schemas']["TemplateCreate"];
export type TemplateUpdate = components['schemas']["TemplateUpdate"];
export type DeletedTemplate = components['schemas']["DeletedTemplate"];
export type TemplateList = components['schemas']["TemplateList"];
export type ContactAttributeIdValue = components['schemas']["ContactAttributeIdValue"];
export type ContactAttributeKey = components['schemas']["ContactAttributeKey"];
export type ContactAttributeType = components['schemas']["ContactAttributeType"];
export type ContactAttributeOptions = components['schemas']["ContactAttributeOptions"];
export type ContactAttributeDescription = components['schemas']["ContactAttributeDescription"];
export type ContactAttribute = components['schemas']["ContactAttribute"];
export type ContactAttributeCreate = components['schemas']["ContactAttributeCreate"];
export type ContactAttributeUpdate = components['schemas']["ContactAttributeUpdate"];
export type DeletedContactAttribute = components['schemas']["DeletedContactAttribute"];
export type ContactAttributeList = components['schemas']["ContactAttributeList"];
export type OrderIdValue = components['schemas']["OrderIdValue"];
export type OrderStatus = components['schemas']["OrderStatus"];
export type Currency = components['schemas']["Currency"];
export type MinorUnits = components['schemas']["MinorUnits"];
export type OrderItemCreate = components['schemas']["OrderItemCreate"];
export type OrderItem = components['schemas']["OrderItem"];
export type Order = components['schemas']["Order"];
export type OrderCreate = components['schemas']["OrderCreate"];
export type OrderUpdate = components['schemas']["OrderUpdate"];
export type OrderList = components['schemas']["OrderList"];
export type Status = components['schemas']["Status"];
export type FileIdValue = components['schemas']["FileIdValue"];
export type Sha256 = components['schemas']["Sha256"];
export type FilePurpose = components['schemas']["FilePurpose"];
export type FileUpload = components['schemas']["FileUpload"];
export type File = components['schemas']["File"];
export type DeletedFile = components['schemas']["DeletedFile"];
export type FileList = components['schemas']["FileList"];
export type ContactUpsertItem = components['schemas']["ContactUpsertItem"];
export type ConsentSource = components['schemas']["ConsentSource"];
export type ContactsBulkUpsert = components['schemas']["ContactsBulkUpsert"];
export type ContactTagsBulkItem = components['schemas']["ContactTagsBulkItem"];
export type ContactTagsBulk = components['schemas']["ContactTagsBulk"];
export type MessagesBulkItem = components['schemas']["MessagesBulkItem"];
export type MessagesBulkCreate = components['schemas']["MessagesBulkCreate"];
export type BulkJobFields = components['schemas']["BulkJobFields"];
export type BulkJob = components['schemas']["BulkJob"];
export type BulkItemResult = components['schemas']["BulkItemResult"];
export type BulkJobWithResults = components['schemas']["BulkJobWithResults"];
export type BulkItemResultList = components['schemas']["BulkItemResultList"];
export type ListEnvelope = components['schemas']["ListEnvelope"];
export type ContactSearch = components['schemas']["ContactSearch"];
export type ContactSearchGroup = components['schemas']["ContactSearchGroup"];
export type ContactSearchFilter = components['schemas']["ContactSearchFilter"];
export type ContactList = components['schemas']["ContactList"];
export type Event = components['schemas']["Event"];
export type EventCause = components['schemas']["EventCause"];
export type FlowRunThrottle = components['schemas']["FlowRunThrottle"];
export type EventObjectStub = components['schemas']["EventObjectStub"];
export type ChannelIdValue = components['schemas']["ChannelIdValue"];
export type ConversationIdValue = components['schemas']["ConversationIdValue"];
export type MessageIdValue = components['schemas']["MessageIdValue"];
export type ChannelCreate = components['schemas']["ChannelCreate"];
export type WhatsAppChannelCreate = components['schemas']["WhatsAppChannelCreate"];
export type Channel = components['schemas']["Channel"];
export type ChannelWithSecret = components['schemas']["ChannelWithSecret"];
export type WhatsAppChannelSettings = components['schemas']["WhatsAppChannelSettings"];
export type WhatsAppNotification = components['schemas']["WhatsAppNotification"];
export type WhatsAppNotificationReceipt = components['schemas']["WhatsAppNotificationReceipt"];
export type UsageCounts = components['schemas']["UsageCounts"];
export type Usage = components['schemas']["Usage"];
export type UsageDay = components['schemas']["UsageDay"];
export type ChannelList = components['schemas']["ChannelList"];
export type ConversationCreate = components['schemas']["ConversationCreate"];
export type ConversationUpdate = components['schemas']["ConversationUpdate"];
export type Conversation = components['schemas']["Conversation"];
export type ConversationList = components['schemas']["ConversationList"];
export type MessageCreate = components['schemas']["MessageCreate"];
export type TemplateNamedParameters = components['schemas']["TemplateNamedParameters"];
export type TemplateHeaderParameter = components['schemas']["TemplateHeaderParameter"];
export type TemplateHeaderFileId = components['schemas']["TemplateHeaderFileId"];
export type TemplateButtonParameters = components['schemas']["TemplateButtonParameters"];
export type Interactive = components['schemas']["Interactive"];
export type InteractiveText = components['schemas']["InteractiveText"];
export type InteractiveHeader = components['schemas']["InteractiveHeader"];
export type InteractiveBody = components['schemas']["InteractiveBody"];
export type InteractiveReplyButtons = components['schemas']["InteractiveReplyButtons"];
export type InteractiveList = components['schemas']["InteractiveList"];
export type InteractiveReply = components['schemas']["InteractiveReply"];
export type SendAt = components['schemas']["SendAt"];
export type Message = components['schemas']["Message"];
export type MessageList = components['schemas']["MessageList"];
export type Timeline = components['schemas']["Timeline"];
export type OptInRequest = components['schemas']["OptInRequest"];
export type InboundMessage = components['schemas']["InboundMessage"];
export type MessageStatusCallback = components['schemas']["MessageStatusCallback"];
export type EventIdValue = components['schemas']["EventIdValue"];
export type EventList = components['schemas']["EventList"];
export type FieldError = components['schemas']["FieldError"];
export type IdempotencyDiffEntry = components['schemas']["IdempotencyDiffEntry"];
export type Problem = components['schemas']["Problem"];
export type BroadcastIdValue = components['schemas']["BroadcastIdValue"];
export type BroadcastStatus = components['schemas']["BroadcastStatus"];
export type BroadcastRecipientStatus = components['schemas']["BroadcastRecipientStatus"];
export type BroadcastAudienceFilter = components['schemas']["BroadcastAudienceFilter"];
export type BroadcastAudience = components['schemas']["BroadcastAudience"];
export type TemplateArguments = components['schemas']["TemplateArguments"];
export type BroadcastCreate = components['schemas']["BroadcastCreate"];
export type BroadcastCounts = components['schemas']["BroadcastCounts"];
export type Broadcast = components['schemas']["Broadcast"];
export type OAuthAppCreate = components['schemas']["OAuthAppCreate"];
export type OAuthApp = components['schemas']["OAuthApp"];
export type OAuthAppWithSecret = components['schemas']["OAuthAppWithSecret"];
export type DeletedOAuthApp = components['schemas']["DeletedOAuthApp"];
export type OAuthAppList = components['schemas']["OAuthAppList"];
export type ConnectedApp = components['schemas']["ConnectedApp"];
export type DisconnectedApp = components['schemas']["DisconnectedApp"];
export type ConnectedAppList = components['schemas']["ConnectedAppList"];
export type EnvironmentPromotionCreate = components['schemas']["EnvironmentPromotionCreate"];
export type EnvironmentPromotionItem = components['schemas']["EnvironmentPromotionItem"];
export type EnvironmentPromotion = components['schemas']["EnvironmentPromotion"];
export type EnvironmentPromotionList = components['schemas']["EnvironmentPromotionList"];
export type BroadcastList = components['schemas']["BroadcastList"];
export type BroadcastRecipient = components['schemas']["BroadcastRecipient"];
export type BroadcastRecipientList = components['schemas']["BroadcastRecipientList"];
export type PrivacyPurgeCreate = components['schemas']["PrivacyPurgeCreate"];
export type PrivacyPurgeStage = components['schemas']["PrivacyPurgeStage"];
export type PrivacyPurgePass = components['schemas']["PrivacyPurgePass"];
export type PrivacyPurgeBackup = components['schemas']["PrivacyPurgeBackup"];
export type PrivacyPurge = components['schemas']["PrivacyPurge"];
export type PrivacyPurgeList = components['schemas']["PrivacyPurgeList"];
export type FlowIdValue = components['schemas']["FlowIdValue"];
export type FlowRunIdValue = components['schemas']["FlowRunIdValue"];
export type FlowStatus = components['schemas']["FlowStatus"];
export type FlowRunStatus = components['schemas']["FlowRunStatus"];
export type FlowName = components['schemas']["FlowName"];
export type FlowStepId = components['schemas']["FlowStepId"];
export type FlowTrigger = components['schemas']["FlowTrigger"];
export type FlowTriggerManual = components['schemas']["FlowTriggerManual"];
export type FlowTriggerEvent = components['schemas']["FlowTriggerEvent"];
export type FlowEventFilter = components['schemas']["FlowEventFilter"];
export type FlowTriggerInboundMessage = components['schemas']["FlowTriggerInboundMessage"];
export type FlowStep = components['schemas']["FlowStep"];
export type FlowStepSendMessage = components['schemas']["FlowStepSendMessage"];
export type FlowStepWait = components['schemas']["FlowStepWait"];
export type FlowStepAddTag = components['schemas']["FlowStepAddTag"];
export type FlowStepRemoveTag = components['schemas']["FlowStepRemoveTag"];
export type FlowStepUpdateContact = components['schemas']["FlowStepUpdateContact"];
export type FlowStepHttpRequest = components['schemas']["FlowStepHttpRequest"];
export type FlowStepBranch = components['schemas']["FlowStepBranch"];
export type FlowCondition = components['schemas']["FlowCondition"];
export type FlowStepEnd = components['schemas']["FlowStepEnd"];
export type FlowSteps = components['schemas']["FlowSteps"];
export type FlowCreate = components['schemas']["FlowCreate"];
export type FlowUpdate = components['schemas']["FlowUpdate"];
export type Flow = components['schemas']["Flow"];
export type FlowWithSecret = components['schemas']["FlowWithSecret"];
export type DeletedFlow = components['schemas']["DeletedFlow"];
export type FlowList = components['schemas']["FlowList"];
export type FlowRunCreate = components['schemas']["FlowRunCreate"];
export type FlowRunStep = components['schemas']["FlowRunStep"];
export type FlowRun = components['schemas']["FlowRun"];
export type FlowRunList = components['schemas']["FlowRunList"];
export type ApiKeyIdValue = components['schemas']["ApiKeyIdValue"];
export type Scope = components['schemas']["Scope"];
export type Cidr = components['schemas']["Cidr"];
export type ApiKeyCreate = components['schemas']["ApiKeyCreate"];
export type ApiKeyRoll = components['schemas']["ApiKeyRoll"];
export type ApiKey = components['schemas']["ApiKey"];
export type ApiKeyWithSecret = components['schemas']["ApiKeyWithSecret"];
export type DeletedApiKey = components['schemas']["DeletedApiKey"];
export type ApiKeyList = components['schemas']["ApiKeyList"];
export type Workspace = components['schemas']["Workspace"];
export type WorkspaceUpdate = components['schemas']["WorkspaceUpdate"];
export type AuditLog = components['schemas']["AuditLog"];
export type AuditLogList = components['schemas']["AuditLogList"];

// Request and response types of every operation.
export type ListContactsQuery = NonNullable<operations["listContacts"]['parameters']['query']>;
export type ListContactsResponse = operations["listContacts"]['responses'][200]['content']['application/json'];
export type ListContactsItem = ListContactsResponse['data'][number];
export type CreateContactBody = NonNullable<operations["createContact"]['requestBody']>['content']["application/json"];
export type CreateContactResponse = operations["createContact"]['responses'][201]['content']['application/json'];
export type SearchContactsBody = NonNullable<operations["searchContacts"]['requestBody']>['content']["application/json"];
export type SearchContactsQuery = NonNullable<operations["searchContacts"]['parameters']['query']>;
export type SearchContactsResponse = operations["searchContacts"]['responses'][200]['content']['application/json'];
export type SearchContactsItem = SearchContactsResponse['data'][number];
export type RetrieveContactResponse = operations["retrieveContact"]['responses'][200]['content']['application/json'];
export type DeleteContactResponse = operations["deleteContact"]['responses'][200]['content']['application/json'];
export type UpdateContactBody = NonNullable<operations["updateContact"]['requestBody']>['content']["application/json"];
export type UpdateContactResponse = operations["updateContact"]['responses'][200]['content']['application/json'];
export type BulkUpsertContactsBody = NonNullable<operations["bulkUpsertContacts"]['requestBody']>['content']["application/json"];
export type BulkUpsertContactsResponse = operations["bulkUpsertContacts"]['responses'][200]['content']['application/json'] | operations["bulkUpsertContacts"]['responses'][202]['content']['application/json'];
export type BulkTagContactsBody = NonNullable<operations["bulkTagContacts"]['requestBody']>['content']["application/json"];
export type BulkTagContactsResponse = operations["bulkTagContacts"]['responses'][200]['content']['application/json'] | operations["bulkTagContacts"]['responses'][202]['content']['application/json'];
export type BulkCreateMessagesBody = NonNullable<operations["bulkCreateMessages"]['requestBody']>['content']["application/json"];
export type BulkCreateMessagesResponse = operations["bulkCreateMessages"]['responses'][200]['content']['application/json'] | operations["bulkCreateMessages"]['responses'][202]['content']['application/json'];
export type RetrieveBulkJobResponse = operations["retrieveBulkJob"]['responses'][200]['content']['application/json'];
export type ListBulkJobResultsQuery = NonNullable<operations["listBulkJobResults"]['parameters']['query']>;
export type ListBulkJobResultsResponse = operations["listBulkJobResults"]['responses'][200]['content']['application/json'];
export type ListBulkJobResultsItem = ListBulkJobResultsResponse['data'][number];
export type ListTemplatesQuery = NonNullable<operations["listTemplates"]['parameters']['query']>;
export type ListTemplatesResponse = operations["listTemplates"]['responses'][200]['content']['application/json'];
export type ListTemplatesItem = ListTemplatesResponse['data'][number];
export type CreateTemplateBody = NonNullable<operations["createTemplate"]['requestBody']>['content']["application/json"];
export type CreateTemplateResponse = operations["createTemplate"]['responses'][201]['content']['application/json'];
export type RetrieveTemplateResponse = operations["retrieveTemplate"]['responses'][200]['content']['application/json'];
export type DeleteTemplateResponse = operations["deleteTemplate"]['responses'][200]['content']['application/json'];
export type UpdateTemplateBody = NonNullable<operations["updateTemplate"]['requestBody']>['content']["application/json"];
export type UpdateTemplateResponse = operations["updateTemplate"]['responses'][200]['content']['application/json'];
export type ListContactAttributesQuery = NonNullable<operations["listContactAttributes"]['parameters']['query']>;
export type ListContactAttributesResponse = operations["listContactAttributes"]['responses'][200]['content']['application/json'];
export type ListContactAttributesItem = ListContactAttributesResponse['data'][number];
export type CreateContactAttributeBody = NonNullable<operations["createContactAttribute"]['requestBody']>['content']["application/json"];
export type CreateContactAttributeResponse = operations["createContactAttribute"]['responses'][201]['content']['application/json'];
export type RetrieveContactAttributeResponse = operations["retrieveContactAttribute"]['responses'][200]['content']['application/json'];
export type DeleteContactAttributeResponse = operations["deleteContactAttribute"]['responses'][200]['content']['application/json'];
export type UpdateContactAttributeBody = NonNullable<operations["updateContactAttribute"]['requestBody']>['content']["application/json"];
export type UpdateContactAttributeResponse = operations["updateContactAttribute"]['responses'][200]['content']['application/json'];
export type ListOrdersQuery = NonNullable<operations["listOrders"]['parameters']['query']>;
export type ListOrdersResponse = operations["listOrders"]['responses'][200]['content']['application/json'];
export type ListOrdersItem = ListOrdersResponse['data'][number];
export type CreateOrderBody = NonNullable<operations["createOrder"]['requestBody']>['content']["application/json"];
export type CreateOrderResponse = operations["createOrder"]['responses'][201]['content']['application/json'];
export type RetrieveOrderResponse = operations["retrieveOrder"]['responses'][200]['content']['application/json'];
export type UpdateOrderBody = NonNullable<operations["updateOrder"]['requestBody']>['content']["application/json"];
export type UpdateOrderResponse = operations["updateOrder"]['responses'][200]['content']['application/json'];
export type ListContactTimelineQuery = NonNullable<operations["listContactTimeline"]['parameters']['query']>;
export type ListContactTimelineResponse = operations["listContactTimeline"]['responses'][200]['content']['application/json'];
export type ListContactTimelineItem = ListContactTimelineResponse['data'][number];
export type MergeContactsBody = NonNullable<operations["mergeContacts"]['requestBody']>['content']["application/json"];
export type MergeContactsResponse = operations["mergeContacts"]['responses'][200]['content']['application/json'];
export type OptInContactBody = NonNullable<operations["optInContact"]['requestBody']>['content']["application/json"];
export type OptInContactResponse = operations["optInContact"]['responses'][200]['content']['application/json'];
export type OptOutContactResponse = operations["optOutContact"]['responses'][200]['content']['application/json'];
export type ListChannelsQuery = NonNullable<operations["listChannels"]['parameters']['query']>;
export type ListChannelsResponse = operations["listChannels"]['responses'][200]['content']['application/json'];
export type ListChannelsItem = ListChannelsResponse['data'][number];
export type CreateChannelBody = NonNullable<operations["createChannel"]['requestBody']>['content']["application/json"];
export type CreateChannelResponse = operations["createChannel"]['responses'][201]['content']['application/json'];
export type RetrieveChannelResponse = operations["retrieveChannel"]['responses'][200]['content']['application/json'];
export type ListConversationsQuery = NonNullable<operations["listConversations"]['parameters']['query']>;
export type ListConversationsResponse = operations["listConversations"]['responses'][200]['content']['application/json'];
export type ListConversationsItem = ListConversationsResponse['data'][number];
export type CreateConversationBody = NonNullable<operations["createConversation"]['requestBody']>['content']["application/json"];
export type CreateConversationResponse = operations["createConversation"]['responses'][201]['content']['application/json'];
export type RetrieveConversationResponse = operations["retrieveConversation"]['responses'][200]['content']['application/json'];
export type UpdateConversationBody = NonNullable<operations["updateConversation"]['requestBody']>['content']["application/json"];
export type UpdateConversationResponse = operations["updateConversation"]['responses'][200]['content']['application/json'];
export type ListConversationMessagesQuery = NonNullable<operations["listConversationMessages"]['parameters']['query']>;
export type ListConversationMessagesResponse = operations["listConversationMessages"]['responses'][200]['content']['application/json'];
export type ListConversationMessagesItem = ListConversationMessagesResponse['data'][number];
export type CreateMessageBody = NonNullable<operations["createMessage"]['requestBody']>['content']["application/json"];
export type CreateMessageResponse = operations["createMessage"]['responses'][201]['content']['application/json'];
export type ListMessagesQuery = NonNullable<operations["listMessages"]['parameters']['query']>;
export type ListMessagesResponse = operations["listMessages"]['responses'][200]['content']['application/json'];
export type ListMessagesItem = ListMessagesResponse['data'][number];
export type RetrieveUsageQuery = NonNullable<operations["retrieveUsage"]['parameters']['query']>;
export type RetrieveUsageResponse = operations["retrieveUsage"]['responses'][200]['content']['application/json'];
export type RetrieveMessageResponse = operations["retrieveMessage"]['responses'][200]['content']['application/json'];
export type CancelMessageResponse = operations["cancelMessage"]['responses'][200]['content']['application/json'];
export type AddContactTagsBody = NonNullable<operations["addContactTags"]['requestBody']>['content']["application/json"];
export type AddContactTagsResponse = operations["addContactTags"]['responses'][200]['content']['application/json'];
export type RemoveContactTagResponse = operations["removeContactTag"]['responses'][200]['content']['application/json'];
export type ListTagsQuery = NonNullable<operations["listTags"]['parameters']['query']>;
export type ListTagsResponse = operations["listTags"]['responses'][200]['content']['application/json'];
export type ListTagsItem = ListTagsResponse['data'][number];
export type RetrieveTagResponse = operations["retrieveTag"]['responses'][200]['content']['application/json'];
export type ListFilesQuery = NonNullable<operations["listFiles"]['parameters']['query']>;
export type ListFilesResponse = operations["listFiles"]['responses'][200]['content']['application/json'];
export type ListFilesItem = ListFilesResponse['data'][number];
export type CreateFileBody = Omit<NonNullable<operations["createFile"]['requestBody']>['content']["multipart/form-data"], "file"> & { file: Uploadable };
export type CreateFileResponse = operations["createFile"]['responses'][201]['content']['application/json'];
export type RetrieveFileResponse = operations["retrieveFile"]['responses'][200]['content']['application/json'];
export type DeleteFileResponse = operations["deleteFile"]['responses'][200]['content']['application/json'];
export type ListEventsQuery = NonNullable<operations["listEvents"]['parameters']['query']>;
export type ListEventsResponse = operations["listEvents"]['responses'][200]['content']['application/json'];
export type ListEventsItem = ListEventsResponse['data'][number];
export type RetrieveStatusResponse = operations["retrieveStatus"]['responses'][200]['content']['application/json'];
export type StreamEventsQuery = NonNullable<operations["streamEvents"]['parameters']['query']>;
export type StreamEventsItem = ListEventsItem;
export type ListEventTypesResponse = operations["listEventTypes"]['responses'][200]['content']['application/json'];
export type ListWebhookEndpointsQuery = NonNullable<operations["listWebhookEndpoints"]['parameters']['query']>;
export type ListWebhookEndpointsResponse = operations["listWebhookEndpoints"]['responses'][200]['content']['application/json'];
export type ListWebhookEndpointsItem = ListWebhookEndpointsResponse['data'][number];
export type CreateWebhookEndpointBody = NonNullable<operations["createWebhookEndpoint"]['requestBody']>['content']["application/json"];
export type CreateWebhookEndpointResponse = operations["createWebhookEndpoint"]['responses'][201]['content']['application/json'];
export type RetrieveWebhookEndpointResponse = operations["retrieveWebhookEndpoint"]['responses'][200]['content']['application/json'];
export type DeleteWebhookEndpointResponse = operations["deleteWebhookEndpoint"]['responses'][200]['content']['application/json'];
export type UpdateWebhookEndpointBody = NonNullable<operations["updateWebhookEndpoint"]['requestBody']>['content']["application/json"];
export type UpdateWebhookEndpointResponse = operations["updateWebhookEndpoint"]['responses'][200]['content']['application/json'];
export type RotateWebhookEndpointSecretBody = NonNullable<operations["rotateWebhookEndpointSecret"]['requestBody']>['content']["application/json"];
export type RotateWebhookEndpointSecretResponse = operations["rotateWebhookEndpointSecret"]['responses'][200]['content']['application/json'];
export type TestWebhookEndpointResponse = operations["testWebhookEndpoint"]['responses'][202]['content']['application/json'];
export type ReplayWebhookEndpointBody = NonNullable<operations["replayWebhookEndpoint"]['requestBody']>['content']["application/json"];
export type ReplayWebhookEndpointResponse = operations["replayWebhookEndpoint"]['responses'][200]['content']['application/json'] | operations["replayWebhookEndpoint"]['responses'][202]['content']['application/json'];
export type ListWebhookDeliveriesQuery = NonNullable<operations["listWebhookDeliveries"]['parameters']['query']>;
export type ListWebhookDeliveriesResponse = operations["listWebhookDeliveries"]['responses'][200]['content']['application/json'];
export type ListWebhookDeliveriesItem = ListWebhookDeliveriesResponse['data'][number];
export type RetrieveWebhookDeliveryResponse = operations["retrieveWebhookDelivery"]['responses'][200]['content']['application/json'];
export type ReplayWebhookDeliveryResponse = operations["replayWebhookDelivery"]['responses'][202]['content']['application/json'];
export type ListApiKeysQuery = NonNullable<operations["listApiKeys"]['parameters']['query']>;
export type ListApiKeysResponse = operations["listApiKeys"]['responses'][200]['content']['application/json'];
export type ListApiKeysItem = ListApiKeysResponse['data'][number];
export type CreateApiKeyBody = NonNullable<operations["createApiKey"]['requestBody']>['content']["application/json"];
export type CreateApiKeyResponse = operations["createApiKey"]['responses'][201]['content']['application/json'];
export type RetrieveApiKeyResponse = operations["retrieveApiKey"]['responses'][200]['content']['application/json'];
export type RevokeApiKeyResponse = operations["revokeApiKey"]['responses'][200]['content']['application/json'];
export type RollApiKeyBody = NonNullable<operations["rollApiKey"]['requestBody']>['content']["application/json"];
export type RollApiKeyResponse = operations["rollApiKey"]['responses'][200]['content']['application/json'];
export type RetrieveWorkspaceResponse = operations["retrieveWorkspace"]['responses'][200]['content']['application/json'];
export type UpdateWorkspaceBody = NonNullable<operations["updateWorkspace"]['requestBody']>['content']["application/json"];
export type UpdateWorkspaceResponse = operations["updateWorkspace"]['responses'][200]['content']['application/json'];
export type ListAuditLogsQuery = NonNullable<operations["listAuditLogs"]['parameters']['query']>;
export type ListAuditLogsResponse = operations["listAuditLogs"]['responses'][200]['content']['application/json'];
export type ListAuditLogsItem = ListAuditLogsResponse['data'][number];
export type ListFlowsQuery = NonNullable<operations["listFlows"]['parameters']['query']>;
export type ListFlowsResponse = operations["listFlows"]['responses'][200]['content']['application/json'];
export type ListFlowsItem = ListFlowsResponse['data'][number];
export type CreateFlowBody = NonNullable<operations["createFlow"]['requestBody']>['content']["application/json"];
export type CreateFlowResponse = operations["createFlow"]['responses'][201]['content']['application/json'];
export type RetrieveFlowResponse = operations["retrieveFlow"]['responses'][200]['content']['application/json'];
export type DeleteFlowResponse = operations["deleteFlow"]['responses'][200]['content']['application/json'];
export type UpdateFlowBody = NonNullable<operations["updateFlow"]['requestBody']>['content']["application/json"];
export type UpdateFlowResponse = operations["updateFlow"]['responses'][200]['content']['application/json'];
export type ActivateFlowResponse = operations["activateFlow"]['responses'][200]['content']['application/json'];
export type DeactivateFlowResponse = operations["deactivateFlow"]['responses'][200]['content']['application/json'];
export type CreateFlowRunBody = NonNullable<operations["createFlowRun"]['requestBody']>['content']["application/json"];
export type CreateFlowRunResponse = operations["createFlowRun"]['responses'][202]['content']['application/json'];
export type ListFlowRunsQuery = NonNullable<operations["listFlowRuns"]['parameters']['query']>;
export type ListFlowRunsResponse = operations["listFlowRuns"]['responses'][200]['content']['application/json'];
export type ListFlowRunsItem = ListFlowRunsResponse['data'][number];
export type RetrieveFlowRunResponse = operations["retrieveFlowRun"]['responses'][200]['content']['application/json'];
export type CancelFlowRunResponse = operations["cancelFlowRun"]['responses'][200]['content']['application/json'];
export type ListPrivacyPurgesQuery = NonNullable<operations["listPrivacyPurges"]['parameters']['query']>;
export type ListPrivacyPurgesResponse = operations["listPrivacyPurges"]['responses'][200]['content']['application/json'];
export type ListPrivacyPurgesItem = ListPrivacyPurgesResponse['data'][number];
export type CreatePrivacyPurgeBody = NonNullable<operations["createPrivacyPurge"]['requestBody']>['content']["application/json"];
export type CreatePrivacyPurgeResponse = operations["createPrivacyPurge"]['responses'][202]['content']['application/json'];
export type RetrievePrivacyPurgeResponse = operations["retrievePrivacyPurge"]['responses'][200]['content']['application/json'];
export type ListEnvironmentPromotionsQuery = NonNullable<operations["listEnvironmentPromotions"]['parameters']['query']>;
export type ListEnvironmentPromotionsResponse = operations["listEnvironmentPromotions"]['responses'][200]['content']['application/json'];
export type ListEnvironmentPromotionsItem = ListEnvironmentPromotionsResponse['data'][number];
export type CreateEnvironmentPromotionBody = NonNullable<operations["createEnvironmentPromotion"]['requestBody']>['content']["application/json"];
export type CreateEnvironmentPromotionResponse = operations["createEnvironmentPromotion"]['responses'][201]['content']['application/json'];
export type RetrieveEnvironmentPromotionResponse = operations["retrieveEnvironmentPromotion"]['responses'][200]['content']['application/json'];
export type ListOAuthAppsQuery = NonNullable<operations["listOAuthApps"]['parameters']['query']>;
export type ListOAuthAppsResponse = operations["listOAuthApps"]['responses'][200]['content']['application/json'];
export type ListOAuthAppsItem = ListOAuthAppsResponse['data'][number];
export type CreateOAuthAppBody = NonNullable<operations["createOAuthApp"]['requestBody']>['content']["application/json"];
export type CreateOAuthAppResponse = operations["createOAuthApp"]['responses'][201]['content']['application/json'];
export type RetrieveOAuthAppResponse = operations["retrieveOAuthApp"]['responses'][200]['content']['application/json'];
export type DeleteOAuthAppResponse = operations["deleteOAuthApp"]['responses'][200]['content']['application/json'];
export type ListConnectedAppsQuery = NonNullable<operations["listConnectedApps"]['parameters']['query']>;
export type ListConnectedAppsResponse = operations["listConnectedApps"]['responses'][200]['content']['application/json'];
export type ListConnectedAppsItem = ListConnectedAppsResponse['data'][number];
export type DisconnectAppResponse = operations["disconnectApp"]['responses'][200]['content']['application/json'];
export type ListBroadcastsQuery = NonNullable<operations["listBroadcasts"]['parameters']['query']>;
export type ListBroadcastsResponse = operations["listBroadcasts"]['responses'][200]['content']['application/json'];
export type ListBroadcastsItem = ListBroadcastsResponse['data'][number];
export type CreateBroadcastBody = NonNullable<operations["createBroadcast"]['requestBody']>['content']["application/json"];
export type CreateBroadcastResponse = operations["createBroadcast"]['responses'][201]['content']['application/json'];
export type RetrieveBroadcastResponse = operations["retrieveBroadcast"]['responses'][200]['content']['application/json'];
export type SendBroadcastResponse = operations["sendBroadcast"]['responses'][202]['content']['application/json'];
export type PauseBroadcastResponse = operations["pauseBroadcast"]['responses'][200]['content']['application/json'];
export type ResumeBroadcastResponse = operations["resumeBroadcast"]['responses'][200]['content']['application/json'];
export type CancelBroadcastResponse = operations["cancelBroadcast"]['responses'][200]['content']['application/json'];
export type ListBroadcastRecipientsQuery = NonNullable<operations["listBroadcastRecipients"]['parameters']['query']>;
export type ListBroadcastRecipientsResponse = operations["listBroadcastRecipients"]['responses'][200]['content']['application/json'];
export type ListBroadcastRecipientsItem = ListBroadcastRecipientsResponse['data'][number];

export class ContactsResource {
  constructor(private readonly core: Core) {}

  /** List contacts. `GET /v1/contacts` (listContacts) */
  list(query?: ListContactsQuery, options?: RequestOptions): PagePromise<ListContactsResponse, ListContactsItem> {
    return this.core.list({ method: "GET", path: `/v1/contacts`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Create a contact. `POST /v1/contacts` (createContact) */
  create(body: CreateContactBody, options?: RequestOptions): Promise<CreateContactResponse> {
    return this.core.request({ method: "POST", path: `/v1/contacts`, body, bodyKind: "json", ok: [201], responseKind: "json" }, options);
  }

  /** Search contacts. `POST /v1/contacts/search` (searchContacts) */
  search(body: SearchContactsBody, query?: SearchContactsQuery, options?: RequestOptions): PagePromise<SearchContactsResponse, SearchContactsItem> {
    return this.core.list({ method: "POST", path: `/v1/contacts/search`, query, body, bodyKind: "json", ok: [200], responseKind: "json" }, options);
  }

  /** Retrieve a contact. `GET /v1/contacts/{contact_id}` (retrieveContact) */
  retrieve(contactId: string, options?: RequestOptions): Promise<RetrieveContactResponse> {
    return this.core.request({ method: "GET", path: `/v1/contacts/${encodeURIComponent(contactId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Delete a contact. `DELETE /v1/contacts/{contact_id}` (deleteContact) */
  delete(contactId: string, options?: RequestOptions): Promise<DeleteContactResponse> {
    return this.core.request({ method: "DELETE", path: `/v1/contacts/${encodeURIComponent(contactId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Update a contact. `PATCH /v1/contacts/{contact_id}` (updateContact) */
  update(contactId: string, body: UpdateContactBody, options?: RequestOptions): Promise<UpdateContactResponse> {
    return this.core.request({ method: "PATCH", path: `/v1/contacts/${encodeURIComponent(contactId)}`, body, bodyKind: "json", ok: [200], responseKind: "json" }, options);
  }

  /** Create or update up to 1,000 contacts. `POST /v1/contacts/bulk` (bulkUpsertContacts) */
  bulkUpsert(body: BulkUpsertContactsBody, options?: RequestOptions): Promise<BulkUpsertContactsResponse> {
    return this.core.request({ method: "POST", path: `/v1/contacts/bulk`, body, bodyKind: "json", ok: [200, 202], responseKind: "json" }, options);
  }

  /** A contact's timeline. `GET /v1/contacts/{contact_id}/timeline` (listContactTimeline) */
  timeline(contactId: string, query?: ListContactTimelineQuery, options?: RequestOptions): PagePromise<ListContactTimelineResponse, ListContactTimelineItem> {
    return this.core.list({ method: "GET", path: `/v1/contacts/${encodeURIComponent(contactId)}/timeline`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Merge contacts into this one. `POST /v1/contacts/{contact_id}/merge` (mergeContacts) */
  merge(contactId: string, body: MergeContactsBody, options?: RequestOptions): Promise<MergeContactsResponse> {
    return this.core.request({ method: "POST", path: `/v1/contacts/${encodeURIComponent(contactId)}/merge`, body, bodyKind: "json", ok: [200], responseKind: "json" }, options);
  }

  /** Record a contact's opt-in to messages. `POST /v1/contacts/{contact_id}/opt-in` (optInContact) */
  optIn(contactId: string, body?: OptInContactBody, options?: RequestOptions): Promise<OptInContactResponse> {
    return this.core.request({ method: "POST", path: `/v1/contacts/${encodeURIComponent(contactId)}/opt-in`, body, bodyKind: "json", ok: [200], responseKind: "json" }, options);
  }

  /** Record a contact's opt-out from messages. `POST /v1/contacts/{contact_id}/opt-out` (optOutContact) */
  optOut(contactId: string, options?: RequestOptions): Promise<OptOutContactResponse> {
    return this.core.request({ method: "POST", path: `/v1/contacts/${encodeURIComponent(contactId)}/opt-out`, ok: [200], responseKind: "json" }, options);
  }

  /** Add tags to a contact. `POST /v1/contacts/{contact_id}/tags` (addContactTags) */
  addTags(contactId: string, body: AddContactTagsBody, options?: RequestOptions): Promise<AddContactTagsResponse> {
    return this.core.request({ method: "POST", path: `/v1/contacts/${encodeURIComponent(contactId)}/tags`, body, bodyKind: "json", ok: [200], responseKind: "json" }, options);
  }

  /** Remove a tag from a contact. `DELETE /v1/contacts/{contact_id}/tags/{tag}` (removeContactTag) */
  removeTag(contactId: string, tag: string, options?: RequestOptions): Promise<RemoveContactTagResponse> {
    return this.core.request({ method: "DELETE", path: `/v1/contacts/${encodeURIComponent(contactId)}/tags/${encodeURIComponent(tag)}`, ok: [200], responseKind: "json" }, options);
  }
}

export class TagsResource {
  constructor(private readonly core: Core) {}

  /** Add or remove tags on up to 1,000 contacts. `POST /v1/tags/bulk` (bulkTagContacts) */
  bulkApply(body: BulkTagContactsBody, options?: RequestOptions): Promise<BulkTagContactsResponse> {
    return this.core.request({ method: "POST", path: `/v1/tags/bulk`, body, bodyKind: "json", ok: [200, 202], responseKind: "json" }, options);
  }

  /** List tags. `GET /v1/tags` (listTags) */
  list(query?: ListTagsQuery, options?: RequestOptions): PagePromise<ListTagsResponse, ListTagsItem> {
    return this.core.list({ method: "GET", path: `/v1/tags`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Retrieve a tag by name. `GET /v1/tags/{tag}` (retrieveTag) */
  retrieve(tag: string, options?: RequestOptions): Promise<RetrieveTagResponse> {
    return this.core.request({ method: "GET", path: `/v1/tags/${encodeURIComponent(tag)}`, ok: [200], responseKind: "json" }, options);
  }
}

export class MessagesResource {
  constructor(private readonly core: Core) {}

  /** Send a template message to up to 1,000 contacts. `POST /v1/messages/bulk` (bulkCreateMessages) */
  bulkCreate(body: BulkCreateMessagesBody, options?: RequestOptions): Promise<BulkCreateMessagesResponse> {
    return this.core.request({ method: "POST", path: `/v1/messages/bulk`, body, bodyKind: "json", ok: [200, 202], responseKind: "json" }, options);
  }

  /** List a conversation's messages. `GET /v1/conversations/{conversation_id}/messages` (listConversationMessages) */
  list(conversationId: string, query?: ListConversationMessagesQuery, options?: RequestOptions): PagePromise<ListConversationMessagesResponse, ListConversationMessagesItem> {
    return this.core.list({ method: "GET", path: `/v1/conversations/${encodeURIComponent(conversationId)}/messages`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Send a message. `POST /v1/conversations/{conversation_id}/messages` (createMessage) */
  create(conversationId: string, body: CreateMessageBody, options?: RequestOptions): Promise<CreateMessageResponse> {
    return this.core.request({ method: "POST", path: `/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body, bodyKind: "json", ok: [201], responseKind: "json" }, options);
  }

  /** List the workspace's messages. `GET /v1/messages` (listMessages) */
  listAll(query?: ListMessagesQuery, options?: RequestOptions): PagePromise<ListMessagesResponse, ListMessagesItem> {
    return this.core.list({ method: "GET", path: `/v1/messages`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Retrieve a message. `GET /v1/messages/{message_id}` (retrieveMessage) */
  retrieve(messageId: string, options?: RequestOptions): Promise<RetrieveMessageResponse> {
    return this.core.request({ method: "GET", path: `/v1/messages/${encodeURIComponent(messageId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Cancel a scheduled message. `POST /v1/messages/{message_id}/cancel` (cancelMessage) */
  cancel(messageId: string, options?: RequestOptions): Promise<CancelMessageResponse> {
    return this.core.request({ method: "POST", path: `/v1/messages/${encodeURIComponent(messageId)}/cancel`, ok: [200], responseKind: "json" }, options);
  }
}

export class BulkJobsResource {
  constructor(private readonly core: Core) {}

  /** Retrieve a bulk job. `GET /v1/bulk-jobs/{bulk_job_id}` (retrieveBulkJob) */
  retrieve(bulkJobId: string, options?: RequestOptions): Promise<RetrieveBulkJobResponse> {
    return this.core.request({ method: "GET", path: `/v1/bulk-jobs/${encodeURIComponent(bulkJobId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** List a bulk job's per-item results. `GET /v1/bulk-jobs/{bulk_job_id}/results` (listBulkJobResults) */
  listResults(bulkJobId: string, query?: ListBulkJobResultsQuery, options?: RequestOptions): PagePromise<ListBulkJobResultsResponse, ListBulkJobResultsItem> {
    return this.core.list({ method: "GET", path: `/v1/bulk-jobs/${encodeURIComponent(bulkJobId)}/results`, query, ok: [200], responseKind: "json" }, options);
  }
}

export class TemplatesResource {
  constructor(private readonly core: Core) {}

  /** List templates. `GET /v1/templates` (listTemplates) */
  list(query?: ListTemplatesQuery, options?: RequestOptions): PagePromise<ListTemplatesResponse, ListTemplatesItem> {
    return this.core.list({ method: "GET", path: `/v1/templates`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Create a template. `POST /v1/templates` (createTemplate) */
  create(body: CreateTemplateBody, options?: RequestOptions): Promise<CreateTemplateResponse> {
    return this.core.request({ method: "POST", path: `/v1/templates`, body, bodyKind: "json", ok: [201], responseKind: "json" }, options);
  }

  /** Retrieve a template. `GET /v1/templates/{template_id}` (retrieveTemplate) */
  retrieve(templateId: string, options?: RequestOptions): Promise<RetrieveTemplateResponse> {
    return this.core.request({ method: "GET", path: `/v1/templates/${encodeURIComponent(templateId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Delete a template. `DELETE /v1/templates/{template_id}` (deleteTemplate) */
  delete(templateId: string, options?: RequestOptions): Promise<DeleteTemplateResponse> {
    return this.core.request({ method: "DELETE", path: `/v1/templates/${encodeURIComponent(templateId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Update a template. `PATCH /v1/templates/{template_id}` (updateTemplate) */
  update(templateId: string, body: UpdateTemplateBody, options?: RequestOptions): Promise<UpdateTemplateResponse> {
    return this.core.request({ method: "PATCH", path: `/v1/templates/${encodeURIComponent(templateId)}`, body, bodyKind: "json", ok: [200], responseKind: "json" }, options);
  }
}

export class ContactAttributesResource {
  constructor(private readonly core: Core) {}

  /** List contact attribute definitions. `GET /v1/contact-attributes` (listContactAttributes) */
  list(query?: ListContactAttributesQuery, options?: RequestOptions): PagePromise<ListContactAttributesResponse, ListContactAttributesItem> {
    return this.core.list({ method: "GET", path: `/v1/contact-attributes`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Define a contact attribute. `POST /v1/contact-attributes` (createContactAttribute) */
  create(body: CreateContactAttributeBody, options?: RequestOptions): Promise<CreateContactAttributeResponse> {
    return this.core.request({ method: "POST", path: `/v1/contact-attributes`, body, bodyKind: "json", ok: [201], responseKind: "json" }, options);
  }

  /** Retrieve a contact attribute definition. `GET /v1/contact-attributes/{attribute_id}` (retrieveContactAttribute) */
  retrieve(attributeId: string, options?: RequestOptions): Promise<RetrieveContactAttributeResponse> {
    return this.core.request({ method: "GET", path: `/v1/contact-attributes/${encodeURIComponent(attributeId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Delete a contact attribute definition. `DELETE /v1/contact-attributes/{attribute_id}` (deleteContactAttribute) */
  delete(attributeId: string, options?: RequestOptions): Promise<DeleteContactAttributeResponse> {
    return this.core.request({ method: "DELETE", path: `/v1/contact-attributes/${encodeURIComponent(attributeId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Update a contact attribute definition. `PATCH /v1/contact-attributes/{attribute_id}` (updateContactAttribute) */
  update(attributeId: string, body: UpdateContactAttributeBody, options?: RequestOptions): Promise<UpdateContactAttributeResponse> {
    return this.core.request({ method: "PATCH", path: `/v1/contact-attributes/${encodeURIComponent(attributeId)}`, body, bodyKind: "json", ok: [200], responseKind: "json" }, options);
  }
}

export class OrdersResource {
  constructor(private readonly core: Core) {}

  /** List orders. `GET /v1/orders` (listOrders) */
  list(query?: ListOrdersQuery, options?: RequestOptions): PagePromise<ListOrdersResponse, ListOrdersItem> {
    return this.core.list({ method: "GET", path: `/v1/orders`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Create an order. `POST /v1/orders` (createOrder) */
  create(body: CreateOrderBody, options?: RequestOptions): Promise<CreateOrderResponse> {
    return this.core.request({ method: "POST", path: `/v1/orders`, body, bodyKind: "json", ok: [201], responseKind: "json" }, options);
  }

  /** Retrieve an order. `GET /v1/orders/{order_id}` (retrieveOrder) */
  retrieve(orderId: string, options?: RequestOptions): Promise<RetrieveOrderResponse> {
    return this.core.request({ method: "GET", path: `/v1/orders/${encodeURIComponent(orderId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Update an order. `PATCH /v1/orders/{order_id}` (updateOrder) */
  update(orderId: string, body: UpdateOrderBody, options?: RequestOptions): Promise<UpdateOrderResponse> {
    return this.core.request({ method: "PATCH", path: `/v1/orders/${encodeURIComponent(orderId)}`, body, bodyKind: "json", ok: [200], responseKind: "json" }, options);
  }
}

export class ChannelsResource {
  constructor(private readonly core: Core) {}

  /** List channels. `GET /v1/channels` (listChannels) */
  list(query?: ListChannelsQuery, options?: RequestOptions): PagePromise<ListChannelsResponse, ListChannelsItem> {
    return this.core.list({ method: "GET", path: `/v1/channels`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Create a channel. `POST /v1/channels` (createChannel) */
  create(body: CreateChannelBody, options?: RequestOptions): Promise<CreateChannelResponse> {
    return this.core.request({ method: "POST", path: `/v1/channels`, body, bodyKind: "json", ok: [201], responseKind: "json" }, options);
  }

  /** Retrieve a channel. `GET /v1/channels/{channel_id}` (retrieveChannel) */
  retrieve(channelId: string, options?: RequestOptions): Promise<RetrieveChannelResponse> {
    return this.core.request({ method: "GET", path: `/v1/channels/${encodeURIComponent(channelId)}`, ok: [200], responseKind: "json" }, options);
  }
}

export class ConversationsResource {
  constructor(private readonly core: Core) {}

  /** List conversations. `GET /v1/conversations` (listConversations) */
  list(query?: ListConversationsQuery, options?: RequestOptions): PagePromise<ListConversationsResponse, ListConversationsItem> {
    return this.core.list({ method: "GET", path: `/v1/conversations`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Open a conversation. `POST /v1/conversations` (createConversation) */
  create(body: CreateConversationBody, options?: RequestOptions): Promise<CreateConversationResponse> {
    return this.core.request({ method: "POST", path: `/v1/conversations`, body, bodyKind: "json", ok: [201], responseKind: "json" }, options);
  }

  /** Retrieve a conversation. `GET /v1/conversations/{conversation_id}` (retrieveConversation) */
  retrieve(conversationId: string, options?: RequestOptions): Promise<RetrieveConversationResponse> {
    return this.core.request({ method: "GET", path: `/v1/conversations/${encodeURIComponent(conversationId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Update a conversation. `PATCH /v1/conversations/{conversation_id}` (updateConversation) */
  update(conversationId: string, body: UpdateConversationBody, options?: RequestOptions): Promise<UpdateConversationResponse> {
    return this.core.request({ method: "PATCH", path: `/v1/conversations/${encodeURIComponent(conversationId)}`, body, bodyKind: "json", ok: [200], responseKind: "json" }, options);
  }
}

export class UsageResource {
  constructor(private readonly core: Core) {}

  /** Retrieve message usage and costs. `GET /v1/usage` (retrieveUsage) */
  retrieve(query?: RetrieveUsageQuery, options?: RequestOptions): Promise<RetrieveUsageResponse> {
    return this.core.request({ method: "GET", path: `/v1/usage`, query, ok: [200], responseKind: "json" }, options);
  }
}

export class FilesResource {
  constructor(private readonly core: Core) {}

  /** List files. `GET /v1/files` (listFiles) */
  list(query?: ListFilesQuery, options?: RequestOptions): PagePromise<ListFilesResponse, ListFilesItem> {
    return this.core.list({ method: "GET", path: `/v1/files`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Upload a file. `POST /v1/files` (createFile) */
  create(body: CreateFileBody, options?: RequestOptions): Promise<CreateFileResponse> {
    return this.core.request({ method: "POST", path: `/v1/files`, body, bodyKind: "multipart", ok: [201], responseKind: "json" }, options);
  }

  /** Retrieve a file's metadata. `GET /v1/files/{file_id}` (retrieveFile) */
  retrieve(fileId: string, options?: RequestOptions): Promise<RetrieveFileResponse> {
    return this.core.request({ method: "GET", path: `/v1/files/${encodeURIComponent(fileId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Delete a file. `DELETE /v1/files/{file_id}` (deleteFile) */
  delete(fileId: string, options?: RequestOptions): Promise<DeleteFileResponse> {
    return this.core.request({ method: "DELETE", path: `/v1/files/${encodeURIComponent(fileId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Download a file's content. `GET /v1/files/{file_id}/content` (downloadFile) */
  download(fileId: string, options?: RequestOptions): Promise<BinaryResponse> {
    return this.core.request({ method: "GET", path: `/v1/files/${encodeURIComponent(fileId)}/content`, ok: [200, 206, 304], responseKind: "binary" }, options);
  }
}

export class EventsResource {
  constructor(private readonly core: Core) {}

  /** List events. `GET /v1/events` (listEvents) */
  list(query?: ListEventsQuery, options?: RequestOptions): PagePromise<ListEventsResponse, ListEventsItem> {
    return this.core.list({ method: "GET", path: `/v1/events`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Stream events (Server-Sent Events). `GET /v1/events/stream` (streamEvents) */
  stream(query?: StreamEventsQuery, options?: StreamOptions): EventStream<StreamEventsItem> {
    return this.core.stream({ method: "GET", path: `/v1/events/stream`, query, csv: ["types"], ok: [200], responseKind: "stream" }, options);
  }
}

export class StatusResource {
  constructor(private readonly core: Core) {}

  /** Check the API. `GET /v1/status` (retrieveStatus) */
  retrieve(options?: RequestOptions): Promise<RetrieveStatusResponse> {
    return this.core.request({ method: "GET", path: `/v1/status`, ok: [200], responseKind: "json" }, options);
  }
}

export class EventTypesResource {
  constructor(private readonly core: Core) {}

  /** List event types. `GET /v1/event-types` (listEventTypes) */
  list(options?: RequestOptions): Promise<ListEventTypesResponse> {
    return this.core.request({ method: "GET", path: `/v1/event-types`, ok: [200], responseKind: "json" }, options);
  }
}

export class WebhookEndpointsResource {
  constructor(private readonly core: Core) {}

  /** List webhook endpoints. `GET /v1/webhook-endpoints` (listWebhookEndpoints) */
  list(query?: ListWebhookEndpointsQuery, options?: RequestOptions): PagePromise<ListWebhookEndpointsResponse, ListWebhookEndpointsItem> {
    return this.core.list({ method: "GET", path: `/v1/webhook-endpoints`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Create a webhook endpoint. `POST /v1/webhook-endpoints` (createWebhookEndpoint) */
  create(body: CreateWebhookEndpointBody, options?: RequestOptions): Promise<CreateWebhookEndpointResponse> {
    return this.core.request({ method: "POST", path: `/v1/webhook-endpoints`, body, bodyKind: "json", ok: [201], responseKind: "json" }, options);
  }

  /** Retrieve a webhook endpoint. `GET /v1/webhook-endpoints/{endpoint_id}` (retrieveWebhookEndpoint) */
  retrieve(endpointId: string, options?: RequestOptions): Promise<RetrieveWebhookEndpointResponse> {
    return this.core.request({ method: "GET", path: `/v1/webhook-endpoints/${encodeURIComponent(endpointId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Delete a webhook endpoint. `DELETE /v1/webhook-endpoints/{endpoint_id}` (deleteWebhookEndpoint) */
  delete(endpointId: string, options?: RequestOptions): Promise<DeleteWebhookEndpointResponse> {
    return this.core.request({ method: "DELETE", path: `/v1/webhook-endpoints/${encodeURIComponent(endpointId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Update a webhook endpoint. `PATCH /v1/webhook-endpoints/{endpoint_id}` (updateWebhookEndpoint) */
  update(endpointId: string, body: UpdateWebhookEndpointBody, options?: RequestOptions): Promise<UpdateWebhookEndpointResponse> {
    return this.core.request({ method: "PATCH", path: `/v1/webhook-endpoints/${encodeURIComponent(endpointId)}`, body, bodyKind: "json", ok: [200], responseKind: "json" }, options);
  }

  /** Rotate the signing secret. `POST /v1/webhook-endpoints/{endpoint_id}/rotate-secret` (rotateWebhookEndpointSecret) */
  rotateSecret(endpointId: string, body?: RotateWebhookEndpointSecretBody, options?: RequestOptions): Promise<RotateWebhookEndpointSecretResponse> {
    return this.core.request({ method: "POST", path: `/v1/webhook-endpoints/${encodeURIComponent(endpointId)}/rotate-secret`, body, bodyKind: "json", ok: [200], responseKind: "json" }, options);
  }

  /** Send a test event. `POST /v1/webhook-endpoints/{endpoint_id}/test` (testWebhookEndpoint) */
  test(endpointId: string, options?: RequestOptions): Promise<TestWebhookEndpointResponse> {
    return this.core.request({ method: "POST", path: `/v1/webhook-endpoints/${encodeURIComponent(endpointId)}/test`, ok: [202], responseKind: "json" }, options);
  }

  /** Redeliver past deliveries. `POST /v1/webhook-endpoints/{endpoint_id}/replay` (replayWebhookEndpoint) */
  replay(endpointId: string, body: ReplayWebhookEndpointBody, options?: RequestOptions): Promise<ReplayWebhookEndpointResponse> {
    return this.core.request({ method: "POST", path: `/v1/webhook-endpoints/${encodeURIComponent(endpointId)}/replay`, body, bodyKind: "json", ok: [200, 202], responseKind: "json" }, options);
  }

  /** List an endpoint's deliveries. `GET /v1/webhook-endpoints/{endpoint_id}/deliveries` (listWebhookDeliveries) */
  listDeliveries(endpointId: string, query?: ListWebhookDeliveriesQuery, options?: RequestOptions): PagePromise<ListWebhookDeliveriesResponse, ListWebhookDeliveriesItem> {
    return this.core.list({ method: "GET", path: `/v1/webhook-endpoints/${encodeURIComponent(endpointId)}/deliveries`, query, ok: [200], responseKind: "json" }, options);
  }
}

export class WebhookDeliveriesResource {
  constructor(private readonly core: Core) {}

  /** Retrieve a delivery with its attempts. `GET /v1/webhook-deliveries/{delivery_id}` (retrieveWebhookDelivery) */
  retrieve(deliveryId: string, options?: RequestOptions): Promise<RetrieveWebhookDeliveryResponse> {
    return this.core.request({ method: "GET", path: `/v1/webhook-deliveries/${encodeURIComponent(deliveryId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Redeliver one delivery. `POST /v1/webhook-deliveries/{delivery_id}/replay` (replayWebhookDelivery) */
  replay(deliveryId: string, options?: RequestOptions): Promise<ReplayWebhookDeliveryResponse> {
    return this.core.request({ method: "POST", path: `/v1/webhook-deliveries/${encodeURIComponent(deliveryId)}/replay`, ok: [202], responseKind: "json" }, options);
  }
}

export class ApiKeysResource {
  constructor(private readonly core: Core) {}

  /** List API keys. `GET /v1/api-keys` (listApiKeys) */
  list(query?: ListApiKeysQuery, options?: RequestOptions): PagePromise<ListApiKeysResponse, ListApiKeysItem> {
    return this.core.list({ method: "GET", path: `/v1/api-keys`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Create an API key. `POST /v1/api-keys` (createApiKey) */
  create(body: CreateApiKeyBody, options?: RequestOptions): Promise<CreateApiKeyResponse> {
    return this.core.request({ method: "POST", path: `/v1/api-keys`, body, bodyKind: "json", ok: [201], responseKind: "json" }, options);
  }

  /** Retrieve an API key. `GET /v1/api-keys/{api_key_id}` (retrieveApiKey) */
  retrieve(apiKeyId: string, options?: RequestOptions): Promise<RetrieveApiKeyResponse> {
    return this.core.request({ method: "GET", path: `/v1/api-keys/${encodeURIComponent(apiKeyId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Revoke an API key. `DELETE /v1/api-keys/{api_key_id}` (revokeApiKey) */
  revoke(apiKeyId: string, options?: RequestOptions): Promise<RevokeApiKeyResponse> {
    return this.core.request({ method: "DELETE", path: `/v1/api-keys/${encodeURIComponent(apiKeyId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Roll an API key's secret. `POST /v1/api-keys/{api_key_id}/roll` (rollApiKey) */
  roll(apiKeyId: string, body?: RollApiKeyBody, options?: RequestOptions): Promise<RollApiKeyResponse> {
    return this.core.request({ method: "POST", path: `/v1/api-keys/${encodeURIComponent(apiKeyId)}/roll`, body, bodyKind: "json", ok: [200], responseKind: "json" }, options);
  }
}

export class WorkspaceResource {
  constructor(private readonly core: Core) {}

  /** Retrieve the workspace's settings. `GET /v1/workspace` (retrieveWorkspace) */
  retrieve(options?: RequestOptions): Promise<RetrieveWorkspaceResponse> {
    return this.core.request({ method: "GET", path: `/v1/workspace`, ok: [200], responseKind: "json" }, options);
  }

  /** Update the workspace's settings. `PATCH /v1/workspace` (updateWorkspace) */
  update(body: UpdateWorkspaceBody, options?: RequestOptions): Promise<UpdateWorkspaceResponse> {
    return this.core.request({ method: "PATCH", path: `/v1/workspace`, body, bodyKind: "json", ok: [200], responseKind: "json" }, options);
  }
}

export class AuditLogsResource {
  constructor(private readonly core: Core) {}

  /** List audit records. `GET /v1/audit-logs` (listAuditLogs) */
  list(query?: ListAuditLogsQuery, options?: RequestOptions): PagePromise<ListAuditLogsResponse, ListAuditLogsItem> {
    return this.core.list({ method: "GET", path: `/v1/audit-logs`, query, ok: [200], responseKind: "json" }, options);
  }
}

export class FlowsResource {
  constructor(private readonly core: Core) {}

  /** List flows. `GET /v1/flows` (listFlows) */
  list(query?: ListFlowsQuery, options?: RequestOptions): PagePromise<ListFlowsResponse, ListFlowsItem> {
    return this.core.list({ method: "GET", path: `/v1/flows`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Create a flow. `POST /v1/flows` (createFlow) */
  create(body: CreateFlowBody, options?: RequestOptions): Promise<CreateFlowResponse> {
    return this.core.request({ method: "POST", path: `/v1/flows`, body, bodyKind: "json", ok: [201], responseKind: "json" }, options);
  }

  /** Retrieve a flow. `GET /v1/flows/{flow_id}` (retrieveFlow) */
  retrieve(flowId: string, options?: RequestOptions): Promise<RetrieveFlowResponse> {
    return this.core.request({ method: "GET", path: `/v1/flows/${encodeURIComponent(flowId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Delete a flow. `DELETE /v1/flows/{flow_id}` (deleteFlow) */
  delete(flowId: string, options?: RequestOptions): Promise<DeleteFlowResponse> {
    return this.core.request({ method: "DELETE", path: `/v1/flows/${encodeURIComponent(flowId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Update a flow. `PATCH /v1/flows/{flow_id}` (updateFlow) */
  update(flowId: string, body: UpdateFlowBody, options?: RequestOptions): Promise<UpdateFlowResponse> {
    return this.core.request({ method: "PATCH", path: `/v1/flows/${encodeURIComponent(flowId)}`, body, bodyKind: "json", ok: [200], responseKind: "json" }, options);
  }

  /** Activate a flow. `POST /v1/flows/{flow_id}/activate` (activateFlow) */
  activate(flowId: string, options?: RequestOptions): Promise<ActivateFlowResponse> {
    return this.core.request({ method: "POST", path: `/v1/flows/${encodeURIComponent(flowId)}/activate`, ok: [200], responseKind: "json" }, options);
  }

  /** Deactivate a flow. `POST /v1/flows/{flow_id}/deactivate` (deactivateFlow) */
  deactivate(flowId: string, options?: RequestOptions): Promise<DeactivateFlowResponse> {
    return this.core.request({ method: "POST", path: `/v1/flows/${encodeURIComponent(flowId)}/deactivate`, ok: [200], responseKind: "json" }, options);
  }
}

export class FlowRunsResource {
  constructor(private readonly core: Core) {}

  /** Start a run of a flow. `POST /v1/flows/{flow_id}/runs` (createFlowRun) */
  create(flowId: string, body: CreateFlowRunBody, options?: RequestOptions): Promise<CreateFlowRunResponse> {
    return this.core.request({ method: "POST", path: `/v1/flows/${encodeURIComponent(flowId)}/runs`, body, bodyKind: "json", ok: [202], responseKind: "json" }, options);
  }

  /** List flow runs. `GET /v1/flow-runs` (listFlowRuns) */
  list(query?: ListFlowRunsQuery, options?: RequestOptions): PagePromise<ListFlowRunsResponse, ListFlowRunsItem> {
    return this.core.list({ method: "GET", path: `/v1/flow-runs`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Retrieve a flow run. `GET /v1/flow-runs/{flow_run_id}` (retrieveFlowRun) */
  retrieve(flowRunId: string, options?: RequestOptions): Promise<RetrieveFlowRunResponse> {
    return this.core.request({ method: "GET", path: `/v1/flow-runs/${encodeURIComponent(flowRunId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Cancel a flow run. `POST /v1/flow-runs/{flow_run_id}/cancel` (cancelFlowRun) */
  cancel(flowRunId: string, options?: RequestOptions): Promise<CancelFlowRunResponse> {
    return this.core.request({ method: "POST", path: `/v1/flow-runs/${encodeURIComponent(flowRunId)}/cancel`, ok: [200], responseKind: "json" }, options);
  }
}

export class PrivacyPurgesResource {
  constructor(private readonly core: Core) {}

  /** List purges. `GET /v1/privacy/purges` (listPrivacyPurges) */
  list(query?: ListPrivacyPurgesQuery, options?: RequestOptions): PagePromise<ListPrivacyPurgesResponse, ListPrivacyPurgesItem> {
    return this.core.list({ method: "GET", path: `/v1/privacy/purges`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Purge a person's personal data. `POST /v1/privacy/purges` (createPrivacyPurge) */
  create(body: CreatePrivacyPurgeBody, options?: RequestOptions): Promise<CreatePrivacyPurgeResponse> {
    return this.core.request({ method: "POST", path: `/v1/privacy/purges`, body, bodyKind: "json", ok: [202], responseKind: "json" }, options);
  }

  /** Retrieve a purge (its certificate). `GET /v1/privacy/purges/{purge_id}` (retrievePrivacyPurge) */
  retrieve(purgeId: string, options?: RequestOptions): Promise<RetrievePrivacyPurgeResponse> {
    return this.core.request({ method: "GET", path: `/v1/privacy/purges/${encodeURIComponent(purgeId)}`, ok: [200], responseKind: "json" }, options);
  }
}

export class EnvironmentPromotionsResource {
  constructor(private readonly core: Core) {}

  /** List environment promotions. `GET /v1/environment-promotions` (listEnvironmentPromotions) */
  list(query?: ListEnvironmentPromotionsQuery, options?: RequestOptions): PagePromise<ListEnvironmentPromotionsResponse, ListEnvironmentPromotionsItem> {
    return this.core.list({ method: "GET", path: `/v1/environment-promotions`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Promote configuration from test to live. `POST /v1/environment-promotions` (createEnvironmentPromotion) */
  create(body: CreateEnvironmentPromotionBody, options?: RequestOptions): Promise<CreateEnvironmentPromotionResponse> {
    return this.core.request({ method: "POST", path: `/v1/environment-promotions`, body, bodyKind: "json", ok: [201], responseKind: "json" }, options);
  }

  /** Retrieve an environment promotion. `GET /v1/environment-promotions/{promotion_id}` (retrieveEnvironmentPromotion) */
  retrieve(promotionId: string, options?: RequestOptions): Promise<RetrieveEnvironmentPromotionResponse> {
    return this.core.request({ method: "GET", path: `/v1/environment-promotions/${encodeURIComponent(promotionId)}`, ok: [200], responseKind: "json" }, options);
  }
}

export class OauthAppsResource {
  constructor(private readonly core: Core) {}

  /** List OAuth 2 apps. `GET /v1/oauth-apps` (listOAuthApps) */
  list(query?: ListOAuthAppsQuery, options?: RequestOptions): PagePromise<ListOAuthAppsResponse, ListOAuthAppsItem> {
    return this.core.list({ method: "GET", path: `/v1/oauth-apps`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Register an OAuth 2 app. `POST /v1/oauth-apps` (createOAuthApp) */
  create(body: CreateOAuthAppBody, options?: RequestOptions): Promise<CreateOAuthAppResponse> {
    return this.core.request({ method: "POST", path: `/v1/oauth-apps`, body, bodyKind: "json", ok: [201], responseKind: "json" }, options);
  }

  /** Retrieve an OAuth 2 app. `GET /v1/oauth-apps/{oauth_app_id}` (retrieveOAuthApp) */
  retrieve(oauthAppId: string, options?: RequestOptions): Promise<RetrieveOAuthAppResponse> {
    return this.core.request({ method: "GET", path: `/v1/oauth-apps/${encodeURIComponent(oauthAppId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Delete an OAuth 2 app. `DELETE /v1/oauth-apps/{oauth_app_id}` (deleteOAuthApp) */
  delete(oauthAppId: string, options?: RequestOptions): Promise<DeleteOAuthAppResponse> {
    return this.core.request({ method: "DELETE", path: `/v1/oauth-apps/${encodeURIComponent(oauthAppId)}`, ok: [200], responseKind: "json" }, options);
  }
}

export class ConnectedAppsResource {
  constructor(private readonly core: Core) {}

  /** List the apps connected to this workspace. `GET /v1/connected-apps` (listConnectedApps) */
  list(query?: ListConnectedAppsQuery, options?: RequestOptions): PagePromise<ListConnectedAppsResponse, ListConnectedAppsItem> {
    return this.core.list({ method: "GET", path: `/v1/connected-apps`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Disconnect an app from this workspace. `DELETE /v1/connected-apps/{oauth_app_id}` (disconnectApp) */
  disconnect(oauthAppId: string, options?: RequestOptions): Promise<DisconnectAppResponse> {
    return this.core.request({ method: "DELETE", path: `/v1/connected-apps/${encodeURIComponent(oauthAppId)}`, ok: [200], responseKind: "json" }, options);
  }
}

export class BroadcastsResource {
  constructor(private readonly core: Core) {}

  /** List broadcasts. `GET /v1/broadcasts` (listBroadcasts) */
  list(query?: ListBroadcastsQuery, options?: RequestOptions): PagePromise<ListBroadcastsResponse, ListBroadcastsItem> {
    return this.core.list({ method: "GET", path: `/v1/broadcasts`, query, ok: [200], responseKind: "json" }, options);
  }

  /** Create a broadcast. `POST /v1/broadcasts` (createBroadcast) */
  create(body: CreateBroadcastBody, options?: RequestOptions): Promise<CreateBroadcastResponse> {
    return this.core.request({ method: "POST", path: `/v1/broadcasts`, body, bodyKind: "json", ok: [201], responseKind: "json" }, options);
  }

  /** Retrieve a broadcast. `GET /v1/broadcasts/{broadcast_id}` (retrieveBroadcast) */
  retrieve(broadcastId: string, options?: RequestOptions): Promise<RetrieveBroadcastResponse> {
    return this.core.request({ method: "GET", path: `/v1/broadcasts/${encodeURIComponent(broadcastId)}`, ok: [200], responseKind: "json" }, options);
  }

  /** Send a broadcast. `POST /v1/broadcasts/{broadcast_id}/send` (sendBroadcast) */
  send(broadcastId: string, options?: RequestOptions): Promise<SendBroadcastResponse> {
    return this.core.request({ method: "POST", path: `/v1/broadcasts/${encodeURIComponent(broadcastId)}/send`, ok: [202], responseKind: "json" }, options);
  }

  /** Pause a broadcast. `POST /v1/broadcasts/{broadcast_id}/pause` (pauseBroadcast) */
  pause(broadcastId: string, options?: RequestOptions): Promise<PauseBroadcastResponse> {
    return this.core.request({ method: "POST", path: `/v1/broadcasts/${encodeURIComponent(broadcastId)}/pause`, ok: [200], responseKind: "json" }, options);
  }

  /** Resume a paused broadcast. `POST /v1/broadcasts/{broadcast_id}/resume` (resumeBroadcast) */
  resume(broadcastId: string, options?: RequestOptions): Promise<ResumeBroadcastResponse> {
    return this.core.request({ method: "POST", path: `/v1/broadcasts/${encodeURIComponent(broadcastId)}/resume`, ok: [200], responseKind: "json" }, options);
  }

  /** Cancel a broadcast. `POST /v1/broadcasts/{broadcast_id}/cancel` (cancelBroadcast) */
  cancel(broadcastId: string, options?: RequestOptions): Promise<CancelBroadcastResponse> {
    return this.core.request({ method: "POST", path: `/v1/broadcasts/${encodeURIComponent(broadcastId)}/cancel`, ok: [200], responseKind: "json" }, options);
  }

  /** List a broadcast's recipients. `GET /v1/broadcasts/{broadcast_id}/recipients` (listBroadcastRecipients) */
  listRecipients(broadcastId: string, query?: ListBroadcastRecipientsQuery, options?: RequestOptions): PagePromise<ListBroadcastRecipientsResponse, ListBroadcastRecipientsItem> {
    return this.core.list({ method: "GET", path: `/v1/broadcasts/${encodeURIComponent(broadcastId)}/recipients`, query, ok: [200], responseKind: "json" }, options);
  }
}

/** Every resource of the API, as properties. */
export class Resources {
  readonly contacts: ContactsResource;
  readonly tags: TagsResource;
  readonly messages: MessagesResource;
  readonly bulkJobs: BulkJobsResource;
  readonly templates: TemplatesResource;
  readonly contactAttributes: ContactAttributesResource;
  readonly orders: OrdersResource;
  readonly channels: ChannelsResource;
  readonly conversations: ConversationsResource;
  readonly usage: UsageResource;
  readonly files: FilesResource;
  readonly events: EventsResource;
  readonly status: StatusResource;
  readonly eventTypes: EventTypesResource;
  readonly webhookEndpoints: WebhookEndpointsResource;
  readonly webhookDeliveries: WebhookDeliveriesResource;
  readonly apiKeys: ApiKeysResource;
  readonly workspace: WorkspaceResource;
  readonly auditLogs: AuditLogsResource;
  readonly flows: FlowsResource;
  readonly flowRuns: FlowRunsResource;
  readonly privacyPurges: PrivacyPurgesResource;
  readonly environmentPromotions: EnvironmentPromotionsResource;
  readonly oauthApps: OauthAppsResource;
  readonly connectedApps: ConnectedAppsResource;
  readonly broadcasts: BroadcastsResource;
  constructor(core: Core) {
    this.contacts = new ContactsResource(core);
    this.tags = new TagsResource(core);
    this.messages = new MessagesResource(core);
    this.bulkJobs = new BulkJobsResource(core);
    this.templates = new TemplatesResource(core);
    this.contactAttributes = new ContactAttributesResource(core);
    this.orders = new OrdersResource(core);
    this.channels = new ChannelsResource(core);
    this.conversations = new ConversationsResource(core);
    this.usage = new UsageResource(core);
    this.files = new FilesResource(core);
    this.events = new EventsResource(core);
    this.status = new StatusResource(core);
    this.eventTypes = new EventTypesResource(core);
    this.webhookEndpoints = new WebhookEndpointsResource(core);
    this.webhookDeliveries = new WebhookDeliveriesResource(core);
    this.apiKeys = new ApiKeysResource(core);
    this.workspace = new WorkspaceResource(core);
    this.auditLogs = new AuditLogsResource(core);
    this.flows = new FlowsResource(core);
    this.flowRuns = new FlowRunsResource(core);
    this.privacyPurges = new PrivacyPurgesResource(core);
    this.environmentPromotions = new EnvironmentPromotionsResource(core);
    this.oauthApps = new OauthAppsResource(core);
    this.connectedApps = new ConnectedAppsResource(core);
    this.broadcasts = new BroadcastsResource(core);
  }
}
