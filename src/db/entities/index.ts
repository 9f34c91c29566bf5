// Plain interfaces mapped with EntitySchema, one file per resource: no decorators, so the same types serve commands,
// queries and tests. Every module imports them from here.
export * from './workspaces';
export * from './contacts';
export * from './files';
export * from './messaging';
export * from './templates';
export * from './orders';
export * from './events';
export * from './commands';
export * from './webhooks';
export * from './flows';
export * from './bulk';
export * from './environment-promotions';
export * from './oauth-apps';
export { TextArrayType } from './columns';

import { BulkJobSchema } from './bulk';
import { EnvironmentPromotionSchema } from './environment-promotions';
import { OAuthAppSchema } from './oauth-apps';
import { IdempotencySchema } from './commands';
import { ContactAttributeSchema, ContactSchema, TagSchema } from './contacts';
import { EventSchema } from './events';
import { FileSchema } from './files';
import { FlowSchema } from './flows';
import { ChannelSchema, ConversationSchema, MessageSchema } from './messaging';
import { OrderSchema } from './orders';
import { TemplateSchema } from './templates';
import { WebhookDeliverySchema, WebhookEndpointSchema } from './webhooks';
import { ApiKeySchema, AuditLogSchema, WorkspaceSchema } from './workspaces';

/** Every entity MikroORM maps (src/db/orm.ts). */
export const ENTITIES = [
  BulkJobSchema,
  WebhookEndpointSchema,
  WebhookDeliverySchema,
  WorkspaceSchema,
  ApiKeySchema,
  AuditLogSchema,
  ContactSchema,
  TemplateSchema,
  ContactAttributeSchema,
  OrderSchema,
  TagSchema,
  FileSchema,
  EventSchema,
  IdempotencySchema,
  ChannelSchema,
  ConversationSchema,
  MessageSchema,
  FlowSchema,
  EnvironmentPromotionSchema,
  OAuthAppSchema,
];
