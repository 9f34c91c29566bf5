import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { TemplateSchema, type Template } from '../db/entities';
import { toDeletedTemplateWire, toTemplateWire } from '../db/templates.queries';
import { recordEvent, type CommandContext } from '../db/events';
import { ApiError } from '../errors';
import { idFromSeed } from '../ids';
import { countTemplateParameters } from './template-body';
import type { CommandResponse } from './types';
import type { RequestBody } from '../types/wire';


const FIELD_MAP = [
  ['name', 'name'],
  ['language', 'language'],
  ['category', 'category'],
  ['body', 'body'],
] as const;

async function assertNameFree(em: EntityManager, workspaceId: string, name: string | undefined, selfId?: string): Promise<void> {
  if (name === undefined) return;
  const holder = await em.findOne(TemplateSchema, { workspace: workspaceId, name, deletedAt: null }, { fields: ['id'] });
  if (holder && holder.id !== selfId) {
    throw new ApiError('template_name_taken', `Template ${holder.id} already has the name '${name}'`, {
      existing_id: holder.id,
      errors: [{ pointer: '/name', code: 'template_name_taken', message: `Already used by template ${holder.id}` }],
    });
  }
}

async function findLive(em: EntityManager, workspaceId: string, id: string): Promise<Template> {
  // the row lock serialises concurrent commands on one template, so event sequences never collide
  const template = await em.findOne(TemplateSchema, { id, workspace: workspaceId, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!template) throw new ApiError('resource_missing', `No such template: '${id}'`);
  return template;
}

export async function createTemplate(em: EntityManager, ctx: CommandContext, _params: Record<string, string>, body: RequestBody<'createTemplate'>): Promise<CommandResponse> {
  const parametersCount = countTemplateParameters(body.body);
  await assertNameFree(em, ctx.workspaceId, body.name);
  const template = em.create(TemplateSchema, {
    id: idFromSeed('tpl', ctx.seed),
    workspace: ctx.workspaceId,
    name: body.name,
    language: body.language,
    category: body.category,
    body: body.body,
    parametersCount,
    // no review step yet: a template is usable as soon as it exists
    status: 'approved',
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    deletedAt: null,
  });
  const wire = toTemplateWire(template);
  recordEvent(em, ctx, 0, { type: 'template.created', objectType: 'template', objectId: template.id, sequence: 1, object: wire });
  await em.flush();
  return { status: 201, body: wire };
}

export async function updateTemplate(em: EntityManager, ctx: CommandContext, params: Record<string, string>, body: RequestBody<'updateTemplate'>): Promise<CommandResponse> {
  const template = await findLive(em, ctx.workspaceId, params.template_id);
  const parametersCount = body.body === undefined ? template.parametersCount : countTemplateParameters(body.body);
  await assertNameFree(em, ctx.workspaceId, body.name, template.id);
  const previous: Record<string, unknown> = {};
  for (const [wireName, prop] of FIELD_MAP) {
    const next = body[wireName];
    if (next === undefined || next === template[prop]) continue;
    previous[wireName] = template[prop];
    (template as Record<typeof prop, string>)[prop] = next;
  }
  if (parametersCount !== template.parametersCount) {
    previous.parameters_count = template.parametersCount;
    template.parametersCount = parametersCount;
  }
  if (Object.keys(previous).length > 0) {
    template.version += 1;
    template.updatedAt = ctx.now;
    recordEvent(em, ctx, 0, {
      type: 'template.updated',
      objectType: 'template',
      objectId: template.id,
      sequence: template.version,
      object: toTemplateWire(template),
      previousAttributes: previous,
    });
    await em.flush();
  }
  return { status: 200, body: toTemplateWire(template) };
}

export async function deleteTemplate(em: EntityManager, ctx: CommandContext, params: Record<string, string>): Promise<CommandResponse> {
  const template = await findLive(em, ctx.workspaceId, params.template_id);
  template.deletedAt = ctx.now;
  template.updatedAt = ctx.now;
  template.version += 1;
  const tombstone = toDeletedTemplateWire(template);
  recordEvent(em, ctx, 0, { type: 'template.deleted', objectType: 'template', objectId: template.id, sequence: template.version, object: tombstone });
  await em.flush();
  return { status: 200, body: tombstone };
}
