import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkspaceSchema, type Workspace } from './entities';

export interface WorkspaceWire {
  id: string;
  object: 'workspace';
  name: string;
  api_version: string;
  pii_read_audit: boolean;
  allow_undefined_attributes: boolean;
  created_at: string;
  updated_at: string;
}

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
