import type { EntityManager } from '@mikro-orm/postgresql';
import type { Template } from './entities';
import { toDate } from './timestamps';
import type { ListPage, PageParams } from '../pagination';
import { keysetList } from './keyset';
import type { Schema } from '../types/wire';

export type TemplateWire = Schema<'Template'>;

export type DeletedTemplateWire = Schema<'DeletedTemplate'>;

export function toTemplateWire(t: Template): TemplateWire | DeletedTemplateWire {
  if (t.deletedAt) return toDeletedTemplateWire(t);
  return {
    id: t.id,
    object: 'template',
    name: t.name,
    language: t.language,
    category: t.category,
    body: t.body,
    parameters_count: t.parametersCount,
    status: t.status,
    status_reason: t.statusReason ?? null,
    channel_id: t.channel ?? null,
    parameter_format: t.parameterFormat ?? 'positional',
    header: t.header ?? null,
    footer: t.footer ?? null,
    buttons: t.buttons ?? [],
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
  };
}

export function toDeletedTemplateWire(t: Template): DeletedTemplateWire {
  return { id: t.id, object: 'template', deleted: true, created_at: t.createdAt.toISOString(), updated_at: t.updatedAt.toISOString() };
}

const COLUMNS = `id, workspace_id as "workspace", name, language, category, body, parameters_count as "parametersCount", status,
  status_reason as "statusReason", channel_id as "channel", provider_template_id as "providerTemplateId", parameter_format as "parameterFormat",
  header, footer, buttons,
  version, created_at as "createdAt", updated_at as "updatedAt", deleted_at as "deletedAt"`;

function hydrate(row: Template): Template {
  return { ...row, createdAt: toDate(row.createdAt), updatedAt: toDate(row.updatedAt), deletedAt: toDate(row.deletedAt) };
}

/** A live template of the workspace; message sending looks templates up here by id. */
export async function retrieveTemplate(em: EntityManager, workspaceId: string, id: string): Promise<Template | null> {
  const rows = await em.getConnection().execute<Template[]>(
    `select ${COLUMNS} from templates where workspace_id = ? and id = ? and deleted_at is null`,
    [workspaceId, id],
  );
  return rows[0] ? hydrate(rows[0]) : null;
}

export interface TemplateFilters {
  name?: string;
  language?: string;
  category?: string;
  status?: string;
  updated_since?: string;
}

export async function listTemplates(
  em: EntityManager,
  workspaceId: string,
  page: PageParams & { filters: TemplateFilters },
): Promise<ListPage<TemplateWire | DeletedTemplateWire>> {
  const f = page.filters;
  const where: [string, ...unknown[]][] = [];
  for (const column of ['name', 'language', 'category', 'status'] as const) {
    if (f[column] !== undefined) where.push([`${column} = ?`, f[column]]);
  }
  return keysetList(em, { list: 'templates', table: 'templates', columns: COLUMNS, workspaceId, page, where, softDelete: true, hydrate, toWire: toTemplateWire });
}
