// Message templates.
import { EntitySchema } from '@mikro-orm/core';
import { ts, workspaceRef } from './columns';

export type TemplateCategory = 'marketing' | 'utility' | 'authentication';
export type TemplateStatus = 'pending' | 'approved' | 'rejected' | 'paused' | 'disabled';
export type TemplateParameterFormat = 'positional' | 'named';

export type TemplateHeader = { format: 'text'; text: string } | { format: 'image' | 'video' | 'document' };

export type TemplateButton = { type: 'quick_reply'; text: string } | { type: 'url'; text: string; url: string } | { type: 'phone_number'; text: string; phone_number: string };

/** What a send gives a template beyond its positional body parameters, as the message stores and shows it. */
export interface TemplateArguments {
  named_parameters?: Record<string, string>;
  header_parameter?: string;
  header_file_id?: string;
  button_parameters?: { index: number; text: string }[];
}

export interface Template {
  id: string;
  workspace: string;
  name: string;
  language: string;
  category: TemplateCategory;
  body: string;
  parametersCount: number;
  status: TemplateStatus;
  /** why the reviewer rejected, paused or disabled it */
  statusReason: string | null;
  /** the whatsapp_cloud channel whose business account reviews it; null: the sandbox review */
  channel: string | null;
  /** the reviewer's id of it (the Cloud API's template id) once submitted */
  providerTemplateId: string | null;
  /** the time of the reviewer's last status notification applied (an older one is stale) */
  providerStatusAt?: Date | null;
  parameterFormat: TemplateParameterFormat;
  header: TemplateHeader | null;
  footer: string | null;
  buttons: TemplateButton[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt?: Date | null;
}

export const TemplateSchema = new EntitySchema<Template>({
  name: 'Template',
  tableName: 'templates',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    name: { type: 'string' },
    language: { type: 'string' },
    category: { type: 'string' },
    body: { type: 'text' },
    parametersCount: { type: 'integer' },
    status: { type: 'string' },
    statusReason: { type: 'text', nullable: true },
    channel: { type: 'string', fieldName: 'channel_id', nullable: true },
    providerTemplateId: { type: 'string', nullable: true },
    providerStatusAt: { ...ts, nullable: true },
    parameterFormat: { type: 'string' },
    header: { type: 'json', nullable: true },
    footer: { type: 'text', nullable: true },
    buttons: { type: 'json' },
    version: { type: 'integer' },
    createdAt: ts,
    updatedAt: ts,
    deletedAt: { ...ts, nullable: true },
  },
});
