// Promotion: the configuration of a workspace's test side (contact attribute definitions, templates, flows, webhook
// endpoints) copied to its live side, in one command. Each item is matched by what names it (a definition's key, a
// template's or flow's name, an endpoint's URL), then created, updated (only what differs) or left as it is, through
// the same commands a REST call runs, each in a savepoint of its own: an item that is refused is reported as
// failed and the rest go on. Nothing live is ever deleted, no secret leaves the test side (a promoted endpoint gets
// a new secret, shown by rotating it, and starts disabled), and a dry run reports the same items without writing.
import type { EntityManager } from '@mikro-orm/postgresql';
import { ChannelSchema, ContactAttributeSchema, EnvironmentPromotionSchema, TemplateSchema, WebhookEndpointSchema, WorkspaceSchema, type FollowUp } from '../db/entities';
import { toContactAttributeWire } from '../db/contact-attributes.queries';
import { toTemplateWire } from '../db/templates.queries';
import { toEnvironmentPromotionWire, type PromotionItem } from '../db/environment-promotions.queries';
import type { CommandContext } from '../db/events';
import { ApiError } from '../errors';
import { idFromSeed } from '../ids';
import { sealSecret } from '../secrets/at-rest';
import { createFlow, updateFlow } from '../flows/commands';
import { exec } from '../db/exec';
import { toFlowWire, type FlowRow, type FlowStep } from '../flows/queries';
import { toEndpointWire } from '../webhooks/queries';
import { newWebhookSecret } from '../webhooks/signing';
import { createWebhookEndpoint, updateWebhookEndpoint } from '../webhooks/commands';
import { createContactAttribute, updateContactAttribute } from './contact-attributes';
import { createTemplate, updateTemplate } from './templates';
import { liveKeyRequired } from './api-keys';
import type { CommandResponse } from './types';
import type { RequestBody } from '../types/wire';

export type PromotionKind = PromotionItem['type'];
const KINDS: PromotionKind[] = ['contact_attribute', 'template', 'flow', 'webhook_endpoint'];
/** items one promotion may carry (the sides' objects are bounded per workspace; this bounds the command) */
export const PROMOTION_ITEMS_MAX = 500;

type Json = Record<string, unknown>;

/** One kind of configuration: how its objects are read on a side, matched, compared, and written. */
interface Kind {
  type: PromotionKind;
  read(em: EntityManager, workspaceId: string): Promise<{ id: string; wire: Json }[]>;
  /** what names the object across sides */
  match: (wire: Json) => string;
  /** the fields promoted, as the create body takes them (the match field included) */
  fields: string[];
  create(em: EntityManager, ctx: CommandContext, body: Json): Promise<CommandResponse>;
  update(em: EntityManager, ctx: CommandContext, id: string, body: Json): Promise<CommandResponse>;
}

const notDeleted = { deletedAt: null };

const kinds: Record<PromotionKind, Kind> = {
  contact_attribute: {
    type: 'contact_attribute',
    read: async (em, ws) => (await em.find(ContactAttributeSchema, { workspace: ws, ...notDeleted }, { orderBy: { createdAt: 'asc' }, limit: PROMOTION_ITEMS_MAX + 1 })).map((a) => ({ id: a.id, wire: toContactAttributeWire(a) as Json })),
    match: (w) => String(w.key),
    fields: ['key', 'type', 'options', 'personal', 'description'],
    create: (em, ctx, body) => createContactAttribute(em, ctx, {}, body as RequestBody<'createContactAttribute'>),
    update: (em, ctx, id, body) => updateContactAttribute(em, ctx, { attribute_id: id }, body as RequestBody<'updateContactAttribute'>),
  },
  template: {
    type: 'template',
    read: async (em, ws) => (await em.find(TemplateSchema, { workspace: ws, ...notDeleted }, { orderBy: { createdAt: 'asc' }, limit: PROMOTION_ITEMS_MAX + 1 })).map((t) => ({ id: t.id, wire: toTemplateWire(t) as Json })),
    match: (w) => String(w.name),
    // a live copy goes to its own review (its reviewer is the sandbox: the test side has no whatsapp_cloud channel)
    fields: ['name', 'language', 'category', 'body', 'parameter_format', 'header', 'footer', 'buttons'],
    create: (em, ctx, body) => createTemplate(em, ctx, {}, body as RequestBody<'createTemplate'>),
    update: (em, ctx, id, body) => updateTemplate(em, ctx, { template_id: id }, body as RequestBody<'updateTemplate'>),
  },
  flow: {
    type: 'flow',
    read: async (em, ws) =>
      (
        await exec<FlowRow>(
          em,
          `select f.id, f.name, f.status, f.version, v.trigger, v.steps, f.created_at as "createdAt", f.updated_at as "updatedAt"
           from flows f join flow_versions v on v.flow_id = f.id and v.version = f.version
           where f.workspace_id = ? and f.deleted_at is null order by f.created_at limit ?`,
          [ws, PROMOTION_ITEMS_MAX + 1],
        )
      ).map((f) => ({ id: f.id, wire: toFlowWire({ ...f, createdAt: new Date(f.createdAt), updatedAt: new Date(f.updatedAt) }) as Json })),
    match: (w) => String(w.name),
    fields: ['name', 'trigger', 'steps'],
    // a promoted flow gets a signing secret of its own (the test side's stays there); it starts inactive
    create: (em, ctx, body) => createFlow(em, { ...ctx, derived: { sealedSecret: sealSecret(newWebhookSecret()) } }, {}, body as RequestBody<'createFlow'>),
    update: (em, ctx, id, body) => updateFlow(em, ctx, { flow_id: id }, body as RequestBody<'updateFlow'>),
  },
  webhook_endpoint: {
    type: 'webhook_endpoint',
    read: async (em, ws) => (await em.find(WebhookEndpointSchema, { workspace: ws, ...notDeleted }, { orderBy: { createdAt: 'asc' }, limit: PROMOTION_ITEMS_MAX + 1 })).map((e) => ({ id: e.id, wire: toEndpointWire(e) as Json })),
    match: (w) => String(w.url),
    fields: ['url', 'event_types', 'description', 'max_concurrency', 'api_version'],
    // a new secret nobody has seen: the endpoint starts disabled, and rotating its secret shows one
    create: (em, ctx, body) =>
      createWebhookEndpoint(em, { ...ctx, derived: { sealedSecret: sealSecret(newWebhookSecret()) } }, {}, { ...body, enabled: false } as RequestBody<'createWebhookEndpoint'>),
    update: (em, ctx, id, body) => updateWebhookEndpoint(em, ctx, { endpoint_id: id }, body as RequestBody<'updateWebhookEndpoint'>),
  },
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A test flow's steps with the test side's template and channel ids replaced by the live side's (by name). */
function liveSteps(steps: FlowStep[], templates: Map<string, string>, channels: Map<string, string>): { steps: FlowStep[] } | { missing: string } {
  const out: FlowStep[] = [];
  for (const step of steps) {
    if (step.type !== 'send_message') {
      out.push(step);
      continue;
    }
    const channel = channels.get(step.channel_id);
    if (!channel) return { missing: `its step '${step.id}' sends on a channel that has no live channel of the same name` };
    const template = step.template_id === undefined ? undefined : templates.get(step.template_id);
    if (step.template_id !== undefined && !template) return { missing: `its step '${step.id}' sends a template that is not promoted` };
    out.push({ ...step, channel_id: channel, ...(template ? { template_id: template } : {}) } as FlowStep);
  }
  return { steps: out };
}

/** test id → live id of the channels (by name; channels are not promoted, the test side has sandbox ones only) */
async function channelMap(em: EntityManager, testId: string, liveId: string): Promise<Map<string, string>> {
  const [test, live] = await Promise.all([em.find(ChannelSchema, { workspace: testId }, { fields: ['id', 'name'] }), em.find(ChannelSchema, { workspace: liveId }, { fields: ['id', 'name'] })]);
  const liveByName = new Map(live.map((c) => [c.name, c.id]));
  return new Map(test.flatMap((c) => (liveByName.has(c.name) ? [[c.id, liveByName.get(c.name)!] as [string, string]] : [])));
}

export async function createEnvironmentPromotion(em: EntityManager, ctx: CommandContext, _p: Record<string, string>, body: RequestBody<'createEnvironmentPromotion'>): Promise<CommandResponse> {
  const live = await em.findOneOrFail(WorkspaceSchema, { id: ctx.workspaceId });
  // promotion writes to the live side: a live key asks for it
  if (!live.livemode) throw liveKeyRequired();
  const test = await em.findOneOrFail(WorkspaceSchema, { liveWorkspaceId: live.id });
  const dryRun = body.dry_run ?? false;
  const include = new Set<PromotionKind>((body.include as PromotionKind[] | undefined) ?? KINDS);
  const items: PromotionItem[] = [];
  const followUps: FollowUp[] = [];
  // test id → live id of what this promotion matched or made, for the flows' steps
  const templateIds = new Map<string, string>();
  const channels = await channelMap(em, test.id, live.id);
  let n = 0;
  for (const type of KINDS) {
    const kind = kinds[type];
    const [ours, theirs] = await Promise.all([kind.read(em, test.id), kind.read(em, live.id)]);
    if (ours.length + items.length > PROMOTION_ITEMS_MAX) {
      throw new ApiError('promotion_too_large', `A promotion carries at most ${PROMOTION_ITEMS_MAX} items; promote fewer kinds at once with \`include\``);
    }
    const liveByName = new Map(theirs.map((o) => [kind.match(o.wire), o]));
    for (const source of ours) {
      const name = kind.match(source.wire);
      const target = liveByName.get(name) ?? null;
      if (type === 'template' && target) templateIds.set(source.id, target.id);
      if (!include.has(type)) continue;
      const item: PromotionItem = { type, name, test_id: source.id, live_id: target?.id ?? null, action: 'unchanged', changed: [], reason: null, error: null };
      items.push(item);
      // a field the test object leaves empty is not sent to a create (the live default applies), but an update sets it
      let wanted: Json = Object.fromEntries(kind.fields.filter((f) => source.wire[f] !== undefined && (target || source.wire[f] !== null)).map((f) => [f, source.wire[f]]));
      if (type === 'flow') {
        const mapped = liveSteps(source.wire.steps as FlowStep[], templateIds, channels);
        if ('missing' in mapped) {
          item.action = 'skipped';
          item.reason = mapped.missing;
          continue;
        }
        wanted = { ...wanted, steps: mapped.steps };
      }
      const changed = target ? kind.fields.filter((f) => f !== kind.fields[0] && wanted[f] !== undefined && !same(wanted[f], target.wire[f])) : kind.fields.filter((f) => wanted[f] !== undefined);
      item.changed = changed;
      item.action = !target ? 'create' : changed.length ? 'update' : 'unchanged';
      if (dryRun || item.action === 'unchanged') continue;
      // each item in a savepoint, under ids and events of its own: a refused item leaves nothing behind
      const itemCtx: CommandContext = { ...ctx, seed: `${ctx.seed}:promote:${n++}` };
      try {
        const res = await em.transactional((tx) =>
          target ? kind.update(tx, itemCtx, target.id, Object.fromEntries(changed.map((f) => [f, wanted[f]]))) : kind.create(tx, itemCtx, wanted),
        );
        item.live_id = (res.body as { id: string }).id;
        followUps.push(...(res.followUps ?? []));
        if (type === 'template') templateIds.set(source.id, item.live_id);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        item.action = 'failed';
        item.error = { code: err.code, detail: err.detail ?? null };
      }
    }
  }
  const promotion = em.create(EnvironmentPromotionSchema, {
    id: idFromSeed('epr', ctx.seed),
    workspace: live.id,
    dryRun,
    status: dryRun ? 'previewed' : items.some((i) => i.action === 'failed') ? 'completed_with_failures' : 'completed',
    items,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await em.flush();
  return { status: 201, body: toEnvironmentPromotionWire(promotion), followUps };
}
