import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkspaceSchema, type Workspace } from './entities';
import type { Schema } from '../types/wire';

export type WorkspaceWire = Schema<'Workspace'>;

export function toWorkspaceWire(w: Workspace): WorkspaceWire {
  return {
    id: w.id,
    object: 'workspace',
    name: w.name,
    api_version: w.apiVersion,
    pii_read_audit: w.piiReadAudit ?? false,
    allow_undefined_attributes: w.allowUndefinedAttributes ?? true,
    created_at: w.createdAt.toISOString(),
    updated_at: w.updatedAt.toISOString(),
  };
}

export async function retrieveWorkspace(em: EntityManager, workspaceId: string): Promise<Workspace | null> {
  return em.findOne(WorkspaceSchema, { id: workspaceId });
}
