import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import { ChannelSchema, TemplateSchema, type FollowUp, type Template, type TemplateStatus } from '../db/entities';
import { recordEvent, type CommandContext } from '../db/events';
import { toTemplateWire } from '../db/templates.queries';
import { config } from '../config';
import { holdFence } from '../privacy/fence';
import { whatsappClientFor } from '../channels/providers';
import { WhatsAppCloudError } from '../channels/whatsapp-cloud/errors';
import type { TemplateDefinition, TemplateDefinitionComponent } from '../channels/whatsapp-cloud/client';
import { placeholdersOf } from './template-body';

// A template's review (DESIGN.md, "Templates"): the sandbox's, which approves after a short delay, or the WhatsApp
// Business Account of a whatsapp_cloud channel, to which the template is submitted once stored and whose status
// notifications move it. The review of each version of a template is one workflow, `<ws>/template-review/<id>/<version>`.

/** Sandbox names that take the other paths, so an integration can try them without a WhatsApp account. */
const SANDBOX_REJECTS = 'sandbox_reject_';
const SANDBOX_KEEPS_PENDING = 'sandbox_pending_';

export interface TemplateReviewInput extends Record<string, string> {
  workspaceId: string;
  templateId: string;
  version: string;
}

export function templateReviewFollowUp(workspaceId: string, templateId: string, version: number): FollowUp {
  return {
    workflowType: 'templateReview',
    workflowId: `${workspaceId}/template-review/${templateId}/${version}`,
    args: [{ workspaceId, templateId, version: String(version) }],
  };
}

const EVENT_OF: Partial<Record<TemplateStatus, 'template.approved' | 'template.rejected' | 'template.paused' | 'template.disabled'>> = {
  approved: 'template.approved',
  rejected: 'template.rejected',
  paused: 'template.paused',
  disabled: 'template.disabled',
};

/**
 * Moves a locked template to `status` (with the reviewer's reason) and records its event, `template.<status>` (a move
 * back to pending is a `template.updated`). `n` keeps event ids apart when one command records more than one.
 * Returns false when the template is there already.
 */
export function moveTemplate(em: EntityManager, ctx: CommandContext, template: Template, status: TemplateStatus, reason: string | null, n = 0): boolean {
  const nextReason = status === 'approved' || status === 'pending' ? null : reason;
  if (template.status === status && template.statusReason === nextReason) return false;
  const previous = { status: template.status, status_reason: template.statusReason };
  template.status = status;
  template.statusReason = nextReason;
  template.version += 1;
  template.updatedAt = ctx.now;
  recordEvent(em, ctx, n, {
    type: EVENT_OF[status] ?? 'template.updated',
    objectType: 'template',
    objectId: template.id,
    sequence: template.version,
    object: toTemplateWire(template),
    previousAttributes: previous,
  });
  return true;
}

/** What the sandbox decides for a template, by its name. */
function sandboxVerdict(name: string): { status: TemplateStatus; reason: string | null } | null {
  if (name.startsWith(SANDBOX_REJECTS)) return { status: 'rejected', reason: 'INVALID_FORMAT' };
  if (name.startsWith(SANDBOX_KEEPS_PENDING)) return null;
  return { status: 'approved', reason: null };
}

/**
 * Sends a template (new, or just edited: it is `pending`) to its review. The sandbox with no delay decides at once, in
 * the command's transaction; otherwise the review workflow is the command's follow-up.
 */
export function startReview(template: Template): { status: TemplateStatus; reason: string | null } | FollowUp | null {
  if (!template.channel) {
    const verdict = sandboxVerdict(template.name);
    if (!verdict) return null;
    if (config.templates.sandboxReviewMs === 0) return verdict;
  }
  return templateReviewFollowUp(template.workspace, template.id, template.version);
}

/** The template as the Cloud API's review takes it: components in WhatsApp's order, with sample values it asks for. */
export function templateDefinition(t: Template): TemplateDefinition {
  const named = t.parameterFormat === 'named';
  const components: TemplateDefinitionComponent[] = [];
  if (t.header) {
    if (t.header.format === 'text') {
      const ph = placeholdersOf(t.header.text, t.parameterFormat, '/header/text');
      const example = ph.count === 0 ? undefined : named ? { header_text_named_params: ph.names.map((n) => ({ param_name: n, example: sample(n) })) } : { header_text: [sample('1')] };
      components.push({ type: 'HEADER', format: 'TEXT', text: t.header.text, ...(example ? { example } : {}) });
    } else {
      components.push({ type: 'HEADER', format: t.header.format.toUpperCase() as 'IMAGE' | 'VIDEO' | 'DOCUMENT' });
    }
  }
  const body = placeholdersOf(t.body, t.parameterFormat);
  const bodyExample =
    body.count === 0
      ? undefined
      : named
        ? { body_text_named_params: body.names.map((n) => ({ param_name: n, example: sample(n) })) }
        : { body_text: [Array.from({ length: body.count }, (_, i) => sample(String(i + 1)))] };
  components.push({ type: 'BODY', text: t.body, ...(bodyExample ? { example: bodyExample } : {}) });
  if (t.footer) components.push({ type: 'FOOTER', text: t.footer });
  if (t.buttons.length) {
    components.push({
      type: 'BUTTONS',
      buttons: t.buttons.map((b) => {
        if (b.type === 'quick_reply') return { type: 'QUICK_REPLY' as const, text: b.text };
        if (b.type === 'phone_number') return { type: 'PHONE_NUMBER' as const, text: b.text, phone_number: b.phone_number };
        return { type: 'URL' as const, text: b.text, url: b.url, ...(b.url.endsWith('{{1}}') ? { example: [b.url.replace('{{1}}', 'sample')] } : {}) };
      }),
    });
  }
  return {
    name: t.name,
    language: t.language,
    category: t.category.toUpperCase() as TemplateDefinition['category'],
    ...(named ? { parameter_format: 'NAMED' as const } : {}),
    components,
  };
}

// the review asks for a sample of each placeholder; the template's own words are not known, so a neutral one
const sample = (name: string) => `sample ${name}`;

type ReviewStep = { kind: 'sandbox'; delayMs: number; status: TemplateStatus; reason: string | null } | { kind: 'submitted' } | { kind: 'refused'; reason: string } | { kind: 'stale' };

/** The template of this review, locked, while it is still the version under review and pending. */
async function underReview(tx: EntityManager, input: TemplateReviewInput): Promise<Template | null> {
  const t = await tx.findOne(TemplateSchema, { id: input.templateId, workspace: input.workspaceId, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  return t && t.version === Number(input.version) && t.status === 'pending' ? t : null;
}

export function createTemplateReviewActivities(orm: MikroORM) {
  return {
    /**
     * The review's first step: what the sandbox will decide (the workflow waits its delay), or the submission to the
     * WhatsApp Business Account, its template id recorded. A refusal by the Cloud API is the review's answer
     * (rejected, with its reason); throttling and outages are retried by the workflow.
     */
    async submitTemplateForReview(input: TemplateReviewInput): Promise<ReviewStep> {
      const em = orm.em.fork();
      const template = await em.findOne(TemplateSchema, { id: input.templateId, workspace: input.workspaceId, deletedAt: null });
      if (!template || template.version !== Number(input.version) || template.status !== 'pending') return { kind: 'stale' };
      if (!template.channel) {
        const verdict = sandboxVerdict(template.name);
        return verdict ? { kind: 'sandbox', delayMs: config.templates.sandboxReviewMs, ...verdict } : { kind: 'stale' };
      }
      const channel = await em.findOne(ChannelSchema, { id: template.channel, workspace: input.workspaceId });
      if (!channel || channel.provider !== 'whatsapp_cloud') return { kind: 'refused', reason: 'channel_gone' };
      const client = whatsappClientFor(channel);
      const definition = templateDefinition(template);
      let providerId = template.providerTemplateId;
      try {
        if (providerId) await client.editTemplate(providerId, { category: definition.category, components: definition.components });
        else providerId = (await client.createTemplate(channel.whatsappWabaId ?? '', definition)).id;
      } catch (err) {
        if (!(err instanceof WhatsAppCloudError)) throw err;
        if (err.retryable) throw ApplicationFailure.create({ message: err.message, type: err.problemCode, nextRetryDelay: err.retryAfterSeconds ? `${err.retryAfterSeconds}s` : undefined });
        return { kind: 'refused', reason: err.problemCode };
      }
      const recorded = providerId;
      await orm.em.fork().transactional(async (tx) => {
        await holdFence(tx, input.workspaceId);
        const t = await tx.findOne(TemplateSchema, { id: input.templateId, workspace: input.workspaceId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        // the id is kept even when the template moved on: a status notification for it must still find it
        if (t && !t.providerTemplateId) t.providerTemplateId = recorded;
        await tx.flush();
      });
      return { kind: 'submitted' };
    },

    /** The reviewer's answer for this version of the template, unless it has moved on. */
    async applyTemplateVerdict(input: TemplateReviewInput & { status: TemplateStatus; reason: string }): Promise<boolean> {
      return orm.em.fork().transactional(async (tx) => {
        await holdFence(tx, input.workspaceId);
        const template = await underReview(tx, input);
        if (!template) return false;
        const ctx: CommandContext = { workspaceId: input.workspaceId, requestId: null, seed: `${input.templateId}:${input.version}:review`, now: new Date() };
        moveTemplate(tx, ctx, template, input.status, input.reason || null);
        await tx.flush();
        return true;
      });
    },
  };
}
