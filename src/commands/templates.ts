import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { ChannelSchema, TemplateSchema, type FollowUp, type Template } from '../db/entities';
import { toDeletedTemplateWire, toTemplateWire } from '../db/templates.queries';
import { recordEvent, type CommandContext } from '../db/events';
import { ApiError } from '../errors';
import { idFromSeed } from '../ids';
import { checkComponents, countTemplateParameters } from './template-body';
import { startReview } from './template-review';
import type { CommandResponse } from './types';
import type { RequestBody } from '../types/wire';


const FIELD_MAP = [
  ['name', 'name'],
  ['language', 'language'],
  ['category', 'category'],
  ['body', 'body'],
  ['parameter_format', 'parameterFormat'],
] as const;

// what the template says; a change to any of them sends it back to review (a rename alone does not)
const REVIEWED = ['language', 'category', 'body', 'parameter_format', 'header', 'footer', 'buttons'];

/** The reviewing channel: a whatsapp_cloud channel of the workspace. */
async function reviewingChannel(em: EntityManager, workspaceId: string, channelId: string): Promise<string> {
  const channel = await em.findOne(ChannelSchema, { id: channelId, workspace: workspaceId }, { fields: ['id', 'provider'] });
  if (!channel) throw new ApiError('channel_not_found', `No such channel: '${channelId}'`, { errors: [{ pointer: '/channel_id', code: 'channel_not_found', message: 'No such channel' }] });
  if (channel.provider !== 'whatsapp_cloud') {
    throw new ApiError('channel_cannot_review', `Channel ${channelId} is a ${channel.provider} channel; only a whatsapp_cloud channel's business account reviews templates (omit channel_id for the sandbox review)`, {
      errors: [{ pointer: '/channel_id', code: 'channel_cannot_review', message: 'not a whatsapp_cloud channel' }],
    });
  }
  return channel.id;
}


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
  const parameterFormat = body.parameter_format ?? 'positional';
  const parametersCount = countTemplateParameters(body.body, '/body', parameterFormat);
  const components = { parameterFormat, header: body.header ?? null, footer: body.footer ?? null, buttons: body.buttons ?? [] } as Pick<Template, 'parameterFormat' | 'header' | 'footer' | 'buttons'>;
  checkComponents(components);
  const channel = body.channel_id === undefined ? null : await reviewingChannel(em, ctx.workspaceId, body.channel_id);
  await assertNameFree(em, ctx.workspaceId, body.name);
  const template = em.create(TemplateSchema, {
    id: idFromSeed('tpl', ctx.seed),
    workspace: ctx.workspaceId,
    name: body.name,
    language: body.language,
    category: body.category,
    body: body.body,
    parametersCount,
    status: 'pending',
    statusReason: null,
    channel,
    providerTemplateId: null,
    ...components,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    deletedAt: null,
  });
  // the sandbox without delay decides at once: the template is created as it decided, in one event
  const next = startReview(template);
  const followUps = next && 'workflowType' in next ? [next] : [];
  if (next && !('workflowType' in next)) {
    template.status = next.status;
    template.statusReason = next.reason;
  }
  const wire = toTemplateWire(template);
  recordEvent(em, ctx, 0, { type: 'template.created', objectType: 'template', objectId: template.id, sequence: 1, object: wire });
  await em.flush();
  return { status: 201, body: wire, followUps };
}

export async function updateTemplate(em: EntityManager, ctx: CommandContext, params: Record<string, string>, body: RequestBody<'updateTemplate'>): Promise<CommandResponse> {
  const template = await findLive(em, ctx.workspaceId, params.template_id);
  if (template.status === 'disabled') {
    throw new ApiError('template_not_editable', `Template ${template.id} was disabled by WhatsApp and cannot be edited; create another`);
  }
  if (template.channel) {
    // a business account's template keeps its name and language there
    for (const field of ['name', 'language'] as const) {
      if (body[field] !== undefined && body[field] !== template[field]) {
        throw new ApiError('template_not_editable', `A template reviewed by a WhatsApp Business Account keeps its ${field}; create another template instead`, {
          errors: [{ pointer: `/${field}`, code: 'template_not_editable', message: `cannot change on a whatsapp_cloud template` }],
        });
      }
    }
  }
  const format = body.parameter_format ?? template.parameterFormat;
  const text = body.body ?? template.body;
  const parametersCount = countTemplateParameters(text, '/body', format);
  const components = {
    parameterFormat: format,
    header: body.header === undefined ? template.header : body.header,
    footer: body.footer === undefined ? template.footer : body.footer,
    buttons: body.buttons ?? template.buttons,
  } as Pick<Template, 'parameterFormat' | 'header' | 'footer' | 'buttons'>;
  checkComponents(components);
  await assertNameFree(em, ctx.workspaceId, body.name, template.id);
  const previous: Record<string, unknown> = {};
  for (const [wireName, prop] of FIELD_MAP) {
    const next = body[wireName];
    if (next === undefined || next === template[prop]) continue;
    previous[wireName] = template[prop];
    (template as Record<typeof prop, string>)[prop] = next;
  }
  for (const key of ['header', 'footer', 'buttons'] as const) {
    if (body[key] === undefined || JSON.stringify(body[key]) === JSON.stringify(template[key])) continue;
    previous[key] = template[key];
    (template as Record<typeof key, unknown>)[key] = components[key];
  }
  if (parametersCount !== template.parametersCount) {
    previous.parameters_count = template.parametersCount;
    template.parametersCount = parametersCount;
  }
  let followUps: FollowUp[] = [];
  if (Object.keys(previous).length > 0) {
    template.version += 1;
    if (Object.keys(previous).some((k) => REVIEWED.includes(k))) {
      // back to review: the sandbox without delay decides at once, in this one event; any other review follows
      const next = startReview(template);
      const verdict = next && !('workflowType' in next) ? next : { status: 'pending' as const, reason: null };
      if (next && 'workflowType' in next) followUps = [next];
      if (template.status !== verdict.status || template.statusReason !== verdict.reason) {
        previous.status = template.status;
        previous.status_reason = template.statusReason;
        template.status = verdict.status;
        template.statusReason = verdict.reason;
      }
    }
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
  return { status: 200, body: toTemplateWire(template), followUps };
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
