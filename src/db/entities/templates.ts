// Message templates.
import { EntitySchema } from '@mikro-orm/core';
import { ts, workspaceRef } from './columns';

export type TemplateCategory = 'marketing' | 'utility' | 'authentication';
export type TemplateStatus = 'pending' | 'approved' | 'rejected';

export interface Template {
  id: string;
  workspace: string;
  name: string;
  language: string;
  category: TemplateCategory;
  body: string;
  parametersCount: number;
  status: TemplateStatus;
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
    version: { type: 'integer' },
    createdAt: ts,
    updatedAt: ts,
    deletedAt: { ...ts, nullable: true },
  },
});
