import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { ContactSchema, FlowSchema, TemplateSchema, type Flow, type FollowUp } from '../db/entities';
import { fillTemplate } from '../commands/template-body';
import { causeOf, recordEvent, type CommandContext, type EventCause } from '../db/events';
import { exec } from '../db/exec';
import { findFlow, findFlowRun, flowRunSteps, toDeletedFlowWire, toFlowRunWire, toFlowWire, type FlowRow, type FlowRunRow, type FlowStep, type FlowTrigger } from './queries';
import { guardSubject } from '../privacy/fence';
import { ApiError, type FieldError } from '../errors';
import { idFromSeed } from '../ids';
import { urlRefusal } from '../outbound/address-policy';
import { sealedSecretOf } from '../secrets/at-rest';
import type { CommandResponse } from '../commands/types';
import { RunBudgets } from './run-budgets';
import type { RequestBody } from '../types/wire';

type Params = Record<string, string>;

interface FlowDefinition {
  trigger: FlowTrigger;
  steps: FlowStep[];
}

/** What the schema cannot say about a definition: unique step ids, branch targets that exist, one of two fields. */
export function definitionProblems(steps: FlowStep[], base = '/steps'): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  steps.forEach((step, i) => {
    if (seen.has(step.id)) problems.push({ pointer: `${base}/${i}/id`, code: 'duplicate_step_id', message: `Another step already has the id '${step.id}'` });
    seen.add(step.id);
  });
  steps.forEach((step, i) => {
    const at = `${base}/${i}`;
    if (step.type === 'branch') {
      for (const target of ['then', 'else'] as const) {
        if (!seen.has(step[target])) problems.push({ pointer: `${at}/${target}`, code: 'unknown_step', message: `No step has the id '${step[target]}'` });
      }
    }
    if (step.type === 'send_message' && (step.template_id === undefined) === (step.text === undefined)) {
      problems.push({ pointer: at, code: 'one_of_template_or_text', message: 'Give exactly one of template_id and text' });
    }
    if (step.type === 'send_message' && step.parameters !== undefined && step.template_id === undefined) {
      problems.push({ pointer: `${at}/parameters`, code: 'parameters_without_template', message: 'parameters go with template_id' });
    }
    if (step.type === 'wait' && (step.duration_seconds === undefined) === (step.until === undefined)) {
      problems.push({ pointer: at, code: 'one_of_duration_or_until', message: 'Give exactly one of duration_seconds and until' });
    }
  });
  return problems;
}

function assertValid(def: FlowDefinition): void {
  const problems = definitionProblems(def.steps);
  if (problems.length) {
    // the schema states one-of fields (400 from the validator); what is left are ids the steps refer to
    const graph = problems.every((p) => p.code === 'duplicate_step_id' || p.code === 'unknown_step');
    throw new ApiError(graph ? 'invalid_flow_definition' : 'invalid_request', problems.map((p) => `${p.pointer}: ${p.message}`).join('; ').slice(0, 500), { errors: problems });
  }
  // http_request targets follow the webhook endpoints' address rules
  const refused = def.steps.flatMap((s, i) => {
    const refusal = s.type === 'http_request' ? urlRefusal(s.url) : null;
    return refusal ? [{ pointer: `/steps/${i}/url`, code: 'webhook_url_not_allowed', message: refusal }] : [];
  });
  if (refused.length) throw new ApiError('webhook_url_not_allowed', `This URL cannot receive calls: ${refused[0].message}`, { errors: refused });
}

/**
 * Event types a flow may not trigger on: a run's own events and webhook delivery outcomes are consequences of the
 * automation itself, so a flow listening to them would feed on itself.
 */
export const REFUSED_TRIGGER_FAMILIES = ['flow_run.', 'webhook_delivery.'];

export const refusedTriggerType = (eventType: string | null): boolean => !!eventType && REFUSED_TRIGGER_FAMILIES.some((f) => eventType.startsWith(f));

function assertTriggerAllowed(trigger: FlowTrigger): void {
  if (trigger.type !== 'event' || !refusedTriggerType(trigger.event_type)) return;
  const message = `${trigger.event_type} events are caused by flows and webhook deliveries themselves; they cannot trigger a flow`;
  throw new ApiError('flow_trigger_not_allowed', message, { errors: [{ pointer: '/trigger/event_type', code: 'flow_trigger_not_allowed', message }] });
}

/** The scopes a step acts with: those of the API operation that does the same (an http_request calls out like a webhook). */
const STEP_SCOPES: Record<FlowStep['type'], string[]> = {
  send_message: ['messages:write'],
  add_tag: ['tags:write'],
  remove_tag: ['tags:write'],
  update_contact: ['contacts:write'],
  branch: ['contacts:read'],
  http_request: ['webhooks:write'],
  wait: [],
  end: [],
};

/** A flow acts for the key that writes or activates it: the key must hold every scope its steps use. */
async function assertStepScopes(em: EntityManager, ctx: CommandContext, steps: FlowStep[]): Promise<void> {
  if (!ctx.actor) return;
  const [key] = await exec<{ scopes: string[] }>(em, 'select scopes from api_keys where id = ? and workspace_id = ?', [ctx.actor.keyId, ctx.workspaceId]);
  const held = new Set(key?.scopes ?? []);
  const problems = steps.flatMap((step, i) => {
    const missing = STEP_SCOPES[step.type].filter((scope) => !held.has(scope));
    return missing.length ? [{ pointer: `/steps/${i}`, code: 'insufficient_scope', message: `A ${step.type} step needs ${missing.join(', ')}`, missing }] : [];
  });
  if (!problems.length) return;
  const missing = [...new Set(problems.flatMap((p) => p.missing))].sort();
  throw new ApiError('insufficient_scope', `This flow's steps need the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, which this API key lacks`, {
    missing_scopes: missing,
    errors: problems.map(({ pointer, code, message }) => ({ pointer, code, message })),
  });
}

/**
 * Every template a send step names must exist, and the step's values fill it as a message's would, before the flow
 * may run (activation, or an edit of an active flow). A template edited later is checked again when the step runs.
 */
async function assertTemplatesExist(em: EntityManager, workspaceId: string, steps: FlowStep[]): Promise<void> {
  const named = steps.flatMap((s, i) => (s.type === 'send_message' && s.template_id ? [{ step: s, id: s.template_id, i }] : []));
  if (!named.length) return;
  const found = await em.find(TemplateSchema, { workspace: workspaceId, deletedAt: null, id: { $in: named.map((n) => n.id) } });
  const missing = named.filter((n) => !found.some((f) => f.id === n.id));
  if (missing.length) {
    throw new ApiError('template_not_found', `No such template: '${missing[0].id}'`, {
      errors: missing.map((m) => ({ pointer: `/steps/${m.i}/template_id`, code: 'template_not_found', message: `No such template: '${m.id}'` })),
    });
  }
  const unfilled: FieldError[] = [];
  for (const n of named) {
    try {
      fillTemplate(found.find((f) => f.id === n.id)!, n.step);
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== 'template_parameters_mismatch') throw err;
      for (const e of err.extras.errors ?? []) unfilled.push({ ...e, pointer: `/steps/${n.i}${e.pointer}` });
    }
  }
  if (unfilled.length) throw new ApiError('template_parameters_mismatch', `The values of step ${unfilled[0].pointer.split('/')[2]} do not fill its template: ${unfilled[0].message}`, { errors: unfilled });
}

/** The flow's row, locked for the command, and the flow as it reads with its current version's definition. */
async function lockedFlow(em: EntityManager, workspaceId: string, id: string): Promise<{ flow: Flow; current: FlowRow }> {
  const flow = await em.findOne(FlowSchema, { id, workspace: workspaceId, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const current = flow && (await findFlow(em, workspaceId, id));
  if (!flow || !current) throw new ApiError('resource_missing', `No such flow: '${id}'`);
  return { flow, current };
}

/** The flow's wire shape once the command's changes to its row are written. */
async function flowAfter(em: EntityManager, flow: Flow): Promise<ReturnType<typeof toFlowWire>> {
  await em.flush();
  return toFlowWire((await findFlow(em, flow.workspace, flow.id))!);
}

function insertVersion(em: EntityManager, ctx: CommandContext, flowId: string, version: number, def: FlowDefinition): Promise<unknown> {
  return exec(em, 'insert into flow_versions (flow_id, version, workspace_id, trigger, steps, created_at) values (?, ?, ?, ?, ?, ?)', [
    flowId, version, ctx.workspaceId, JSON.stringify(def.trigger), JSON.stringify(def.steps), ctx.now,
  ]);
}

const eventTypeOf = (t: FlowTrigger) => (t.type === 'event' ? t.event_type : t.type === 'inbound_message' ? 'message.received' : null);

export async function createFlow(em: EntityManager, ctx: CommandContext, _p: Params, body: RequestBody<'createFlow'>): Promise<CommandResponse> {
  assertValid(body);
  await assertStepScopes(em, ctx, body.steps);
  assertTriggerAllowed(body.trigger);
  const id = idFromSeed('flw', ctx.seed);
  // generated by the API process and sealed there: the API shows it in clear in the first answer only
  const signingSecret = sealedSecretOf(ctx.derived);
  const flow = em.create(FlowSchema, {
    id,
    workspace: ctx.workspaceId,
    name: body.name,
    status: 'inactive',
    version: 1,
    triggerType: body.trigger.type,
    eventType: eventTypeOf(body.trigger),
    signingSecret,
    activatedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    deletedAt: null,
  });
  // the flow's row before its first version's, which names it
  await em.flush();
  await insertVersion(em, ctx, id, 1, body);
  return { status: 201, body: await flowAfter(em, flow) };
}

const canonical = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

export async function updateFlow(em: EntityManager, ctx: CommandContext, params: Params, body: RequestBody<'updateFlow'>): Promise<CommandResponse> {
  const { flow, current } = await lockedFlow(em, ctx.workspaceId, params.flow_id);
  const next: FlowDefinition = { trigger: body.trigger ?? current.trigger, steps: body.steps ?? current.steps };
  assertValid(next);
  // a new definition acts with this key's rights; a new name alone changes nothing a run does
  if (body.steps !== undefined || body.trigger !== undefined) await assertStepScopes(em, ctx, next.steps);
  if (body.trigger !== undefined) assertTriggerAllowed(next.trigger);
  if (flow.status === 'active') await assertTemplatesExist(em, ctx.workspaceId, next.steps);
  // versions are never changed in place: a run follows the version it started with to its end
  if (canonical(next) !== canonical({ trigger: current.trigger, steps: current.steps })) {
    await insertVersion(em, ctx, flow.id, flow.version + 1, next);
    flow.version += 1;
  }
  Object.assign(flow, { name: body.name ?? flow.name, triggerType: next.trigger.type, eventType: eventTypeOf(next.trigger), updatedAt: ctx.now });
  return { status: 200, body: await flowAfter(em, flow) };
}

export async function deleteFlow(em: EntityManager, ctx: CommandContext, params: Params): Promise<CommandResponse> {
  const { flow, current } = await lockedFlow(em, ctx.workspaceId, params.flow_id);
  Object.assign(flow, { deletedAt: ctx.now, status: 'inactive', updatedAt: ctx.now });
  await em.flush();
  return { status: 200, body: toDeletedFlowWire({ ...current, updatedAt: ctx.now }) };
}

export async function activateFlow(em: EntityManager, ctx: CommandContext, params: Params): Promise<CommandResponse> {
  const { flow, current } = await lockedFlow(em, ctx.workspaceId, params.flow_id);
  if (flow.status !== 'active') {
    await assertStepScopes(em, ctx, current.steps);
    assertTriggerAllowed(current.trigger);
    await assertTemplatesExist(em, ctx.workspaceId, current.steps);
    Object.assign(flow, { status: 'active', activatedAt: ctx.now, updatedAt: ctx.now });
  }
  return { status: 200, body: await flowAfter(em, flow) };
}

export async function deactivateFlow(em: EntityManager, ctx: CommandContext, params: Params): Promise<CommandResponse> {
  const { flow } = await lockedFlow(em, ctx.workspaceId, params.flow_id);
  if (flow.status !== 'inactive') Object.assign(flow, { status: 'inactive', updatedAt: ctx.now });
  return { status: 200, body: await flowAfter(em, flow) };
}

/** A run's workflow: one per run id, which for triggered runs derives from (event, flow). */
export function flowRunFollowUp(workspaceId: string, runId: string, cancel = false): FollowUp {
  return { workflowType: 'flowRun', workflowId: `${workspaceId}/flow-run/${runId}`, args: cancel ? [] : [{ runId }], ...(cancel ? { cancel } : {}) };
}

/** What a run's events are caused by: the run, at its depth, with the flows upstream of it and its own. */
export const runCause = (run: Pick<FlowRunRow, 'id' | 'causeDepth' | 'causeFlows'>): EventCause => ({ type: 'flow_run', id: run.id, depth: run.causeDepth, flows: run.causeFlows });

/**
 * Inserts a run of the flow's current version and its flow_run.started event (flushed by the caller). `upstream` is
 * the cause of what started it (the trigger event's, or the request's): the run is one deeper, and its flow joins the chain.
 */
export async function insertFlowRun(
  em: EntityManager,
  ctx: CommandContext,
  runId: string,
  flow: Pick<FlowRow, 'id' | 'version'>,
  contactId: string,
  triggerEventId: string | null,
  upstream: Pick<EventCause, 'depth' | 'flows'> | null,
): Promise<FlowRunRow | null> {
  const depth = (upstream?.depth ?? 0) + 1;
  // flow ids (flw_ and base32) need no quoting in an array literal
  const flows = [...new Set([...(upstream?.flows ?? []), flow.id])];
  const [row] = await exec<{ id: string }>(
    em,
    `insert into flow_runs (id, workspace_id, flow_id, flow_version, contact_id, status, trigger_event_id, cause_depth, cause_flows, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'running', ?, ?, ?::text[], ?, ?) on conflict do nothing returning id`,
    [runId, ctx.workspaceId, flow.id, flow.version, contactId, triggerEventId, depth, `{${flows.join(',')}}`, ctx.now, ctx.now],
  );
  if (!row) return null;
  const run = (await findFlowRun(em, ctx.workspaceId, runId))!;
  recordEvent(em, { ...ctx, seed: `${runId}:started`, cause: runCause(run) }, 0, { type: 'flow_run.started', objectType: 'flow_run', objectId: runId, sequence: 1, object: toFlowRunWire(run) });
  return run;
}

export async function createFlowRun(em: EntityManager, ctx: CommandContext, params: Params, body: RequestBody<'createFlowRun'>): Promise<CommandResponse> {
  const flow = await findFlow(em, ctx.workspaceId, params.flow_id);
  if (!flow) throw new ApiError('resource_missing', `No such flow: '${params.flow_id}'`);
  if (flow.status !== 'active') throw new ApiError('flow_not_active', `Flow ${flow.id} is inactive; activate it to start runs`);
  await guardSubject(em, ctx.workspaceId, { contactIds: [body.contact_id] }, '/contact_id');
  const contact = await em.findOne(ContactSchema, { id: body.contact_id, workspace: ctx.workspaceId, deletedAt: null }, { fields: ['id'] });
  if (!contact) {
    throw new ApiError('contact_not_found', `No such contact: '${body.contact_id}'`, { errors: [{ pointer: '/contact_id', code: 'contact_not_found', message: 'No such contact' }] });
  }
  const refusal = await new RunBudgets(em).refusal(ctx.workspaceId, flow.id);
  if (refusal) {
    throw new ApiError('flow_run_limit_reached', `${refusal.message}; start it again with a new Idempotency-Key once runs have finished`);
  }
  const runId = idFromSeed('frn', ctx.seed);
  const run = (await insertFlowRun(em, ctx, runId, flow, contact.id, null, causeOf(ctx)))!;
  await em.flush();
  return { status: 202, body: toFlowRunWire(run, []), followUps: [flowRunFollowUp(ctx.workspaceId, runId)] };
}

/** Records the cancellation with the run, then (after the commit) cancels its workflow, which then runs no further step. */
export async function cancelFlowRun(em: EntityManager, ctx: CommandContext, params: Params): Promise<CommandResponse> {
  const run = await findFlowRun(em, ctx.workspaceId, params.flow_run_id, true);
  if (!run) throw new ApiError('resource_missing', `No such flow run: '${params.flow_run_id}'`);
  if (run.status !== 'running') throw new ApiError('flow_run_finished', `Flow run ${run.id} is already ${run.status}`);
  await exec(em, "update flow_runs set status = 'cancelled', finished_at = ?, updated_at = ? where id = ?", [ctx.now, ctx.now, run.id]);
  await exec(em, "update flow_run_steps set status = 'cancelled', finished_at = ? where run_id = ? and status = 'running'", [ctx.now, run.id]);
  const done = (await findFlowRun(em, ctx.workspaceId, run.id))!;
  recordEvent(em, { ...ctx, seed: `${run.id}:finished` }, 0, { type: 'flow_run.cancelled', objectType: 'flow_run', objectId: run.id, sequence: 2, object: toFlowRunWire(done) });
  await em.flush();
  return { status: 200, body: toFlowRunWire(done, await flowRunSteps(em, run.id)), followUps: [flowRunFollowUp(ctx.workspaceId, run.id, true)] };
}
