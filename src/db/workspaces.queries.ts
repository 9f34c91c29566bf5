import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
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

// a workspace's side never changes: read once per process (bounded, as ids are unbounded)
const sides = new Map<string, boolean>();
const SIDES_MAX = 10_000;

/** Whether a workspace is a live side (false: a test side). */
export async function workspaceLivemode(orm: MikroORM, workspaceId: string): Promise<boolean> {
  const known = sides.get(workspaceId);
  if (known !== undefined) return known;
  const rows = await orm.em.getConnection().execute<{ livemode: boolean }[]>(`select livemode from workspaces where id = ?`, [workspaceId]);
  if (!rows.length) throw new Error(`no workspace ${workspaceId}`);
  if (sides.size >= SIDES_MAX) sides.clear();
  sides.set(workspaceId, rows[0].livemode);
  return rows[0].livemode;
}
