// The steps of a flow run, one activity call each. A step is keyed by (run id, its place in the run): its effect and
// its log row commit together, so a retried step finds the row and answers as the first time without a second write.
import { ApplicationFailure } from '@temporalio/common';
import { DriverException, LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { ChannelSchema, ContactSchema, type Contact, type FollowUp } from '../db/entities';
import { recordEvent, type CommandContext } from '../db/events';
import { exec } from '../db/exec';
import { findFlowRun, lockFlowRun, toFlowRunWire, type FlowRunRow, type FlowRunStepRow, type FlowStep } from './queries';
import { normaliseTagName } from '../db/tags.queries';
import { guardSubject, holdFence } from '../privacy/fence';
import { ApiError } from '../errors';
import { webhookHeaders } from '../webhooks/signing';
import { assertAttributesFit, changeContact } from '../commands/contacts';
import { withoutRowData } from '../db/driver-errors';
import { newConversation, openConversationOf, queueMessage, type MessageInput } from '../commands/messaging';
import { channelSenderFollowUp } from '../channels/names';
import { runCause } from './commands';
import { retagContact } from '../commands/tags';
import { callOutbound, type SendOutcome } from '../outbound/sender';
import { openSecret } from '../secrets/at-rest';

/** Steps one run may execute (branches may loop); past it the run fails. */
export const MAX_STEPS_PER_RUN = 200;

export interface FlowStepResult {
  /** the index (in the version's steps) of the step to run next; null: the run is over */
  next: number | null;
  /** a wait: sleep this long (a durable timer), then call finishFlowWait */
  waitMs?: number;
  /** workflows to start (a message's delivery) */
  followUps?: FollowUp[];
}

export interface FlowStepInput {
  runId: string;
  /** the step's place in this run: 0, 1, 2, … */
  n: number;
  /** which step of the version to run */
  index: number;
}

type Outcome = Record<string, unknown>;

/** A step that could not do its work (an http_request answered with an error); the run fails with `code`. */
class StepFailed extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

async function versionSteps(em: EntityManager, run: FlowRunRow): Promise<FlowStep[]> {
  const [v] = await exec<{ steps: FlowStep[] }>(em, 'select steps from flow_versions where flow_id = ? and version = ?', [run.flowId, run.flowVersion]);
  return v.steps;
}

async function stepRow(em: EntityManager, runId: string, n: number): Promise<FlowRunStepRow | null> {
  const [row] = await exec<FlowRunStepRow>(em, 'select idx, step_id as "stepId", type, status, outcome, next_idx as "nextIdx" from flow_run_steps where run_id = ? and idx = ?', [runId, n]);
  return row ?? null;
}

function writeStep(em: EntityManager, runId: string, n: number, step: FlowStep, status: string, outcome: Outcome | null, next: number | null, startedAt: Date, finishedAt: Date | null) {
  return exec(em, 'insert into flow_run_steps (run_id, idx, step_id, type, status, outcome, next_idx, started_at, finished_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    runId, n, step.id, step.type, status, outcome ? JSON.stringify(outcome) : null, next, startedAt, finishedAt,
  ]);
}

/** Ends a run: its status and its one closing event, in the caller's transaction. */
async function finishRun(em: EntityManager, run: FlowRunRow, status: 'completed' | 'failed', reason: string | null): Promise<void> {
  const now = new Date();
  await exec(em, 'update flow_runs set status = ?, failure_reason = ?, finished_at = ?, updated_at = ? where id = ?', [status, reason, now, now, run.id]);
  const done = (await findFlowRun(em, run.workspace, run.id))!;
  const ctx: CommandContext = { workspaceId: run.workspace, requestId: null, seed: `${run.id}:finished`, now, cause: runCause(run) };
  recordEvent(em, ctx, 0, { type: `flow_run.${status}`, objectType: 'flow_run', objectId: run.id, sequence: 2, object: toFlowRunWire(done) });
  await em.flush();
}

function waitMs(step: Extract<FlowStep, { type: 'wait' }>, now: Date): number {
  const ms = step.duration_seconds !== undefined ? step.duration_seconds * 1000 : Math.max(0, Date.parse(step.until!) - now.getTime());
  return Math.round(ms * config.flows.waitScale);
}

async function liveContact(em: EntityManager, run: FlowRunRow): Promise<Contact> {
  // a 409 like any refusal: the step and the run fail with reason subject_being_purged (no retry, no loop)
  await guardSubject(em, run.workspace, { contactIds: [run.contactId] });
  const contact = await em.findOne(ContactSchema, { id: run.contactId, workspace: run.workspace, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!contact) throw new ApiError('contact_not_found', `Contact ${run.contactId} was deleted`);
  return contact;
}

/** A step's effect, through the same functions the API's commands use, so it writes the same rows and events. */
async function applyStep(
  em: EntityManager,
  ctx: CommandContext,
  run: FlowRunRow,
  steps: FlowStep[],
  index: number,
  http: SendOutcome | undefined,
): Promise<{ outcome: Outcome; next: number | null; followUps?: FollowUp[] }> {
  const step = steps[index];
  const next = index + 1 < steps.length ? index + 1 : null;
  switch (step.type) {
    case 'send_message': {
      const contact = await liveContact(em, run);
      const channel = await em.findOne(ChannelSchema, { id: step.channel_id, workspace: run.workspace });
      if (!channel) throw new ApiError('channel_not_found', `No such channel: '${step.channel_id}'`);
      const conversation = (await openConversationOf(em, contact.id, channel.id)) ?? newConversation(em, ctx, 0, contact.id, channel.id);
      await em.flush();
      // a step names a template or a text, exactly one (the flow's schema): a template, else its text
      const { template_id: templateId, parameters, named_parameters, header_parameter, header_file_id, button_parameters } = step;
      const input: MessageInput = templateId
        ? { type: 'template', template_id: templateId, parameters, named_parameters, header_parameter, header_file_id, button_parameters }
        : { type: 'text', text: step.text ?? '' };
      const { message, followUp } = await queueMessage(em, ctx, 0, conversation, contact, input);
      await em.flush();
      return { outcome: { message_id: message.id }, next, followUps: [followUp] };
    }
    case 'add_tag': {
      const contact = await liveContact(em, run);
      const changed = await retagContact(em, ctx, contact, { add: step.tags }, { add: `/steps/${index}/tags` });
      await em.flush();
      return { outcome: { changed }, next };
    }
    case 'remove_tag': {
      const contact = await liveContact(em, run);
      const carried = contact.tags.includes(normaliseTagName(step.tag));
      if (carried) await retagContact(em, ctx, contact, { remove: [step.tag] }, { add: `/steps/${index}/tag` });
      await em.flush();
      return { outcome: { changed: carried }, next };
    }
    case 'update_contact': {
      const contact = await liveContact(em, run);
      // the values a flow sets are held to the workspace's definitions as an API write is; a misfit fails the run
      await assertAttributesFit(em, run.workspace, step.attributes, `/steps/${index}/attributes`);
      const changed = changeContact(em, ctx, contact, { attributes: step.attributes });
      await em.flush();
      return { outcome: { changed }, next };
    }
    case 'branch': {
      const contact = await liveContact(em, run);
      const c = step.condition;
      const holds = 'tag' in c ? contact.tags.includes(normaliseTagName(c.tag)) : contact.attributes[c.attribute] === c.equals;
      const target = holds ? step.then : step.else;
      return { outcome: { condition_met: holds, next_step_id: target }, next: steps.findIndex((s) => s.id === target) };
    }
    case 'http_request': {
      if (!http) throw new Error('http_request step without its call');
      const ok = http.statusCode !== null && http.statusCode >= 200 && http.statusCode < 300;
      if (!ok) throw new StepFailed('http_request_failed', http.error ? `${http.error.code}: ${http.error.message}` : `answered ${http.statusCode}`);
      return { outcome: { status_code: http.statusCode }, next };
    }
    case 'end':
      return { outcome: {}, next: null };
    case 'wait':
      throw new Error('wait steps are not applied');
  }
}

/** The signed POST of an http_request step: Standard Webhooks headers, keyed by the flow's secret; the id is stable per step. */
async function callOut(em: EntityManager, run: FlowRunRow, step: Extract<FlowStep, { type: 'http_request' }>, n: number): Promise<SendOutcome> {
  const [flow] = await exec<{ signing_secret: string }>(em, 'select signing_secret from flows where workspace_id = ? and id = ?', [run.workspace, run.flowId]);
  const body = JSON.stringify({ flow_id: run.flowId, flow_run_id: run.id, step_id: step.id, contact_id: run.contactId, data: step.body ?? {} });
  const headers = webhookHeaders([openSecret(flow.signing_secret)], `${run.id}.${n}`, Math.floor(Date.now() / 1000), body);
  return callOutbound(step.url, { headers: { 'user-agent': 'SabNode-Webhooks/1', ...headers }, body, timeoutMs: config.flows.httpTimeoutMs, maxResponseBytes: 4096 });
}

async function replay(em: EntityManager, row: FlowRunStepRow, workspaceId: string, now: Date): Promise<FlowStepResult> {
  if (row.type === 'wait' && row.status === 'running') {
    const resumeAt = Date.parse(String(row.outcome?.resume_at));
    return { next: null, waitMs: Math.max(0, resumeAt - now.getTime()) };
  }
  const messageId = row.outcome?.message_id;
  const [message] = typeof messageId === 'string' ? await exec<{ channel_id: string }>(em, 'select channel_id from messages where workspace_id = ? and id = ?', [workspaceId, messageId]) : [];
  return { next: row.status === 'completed' ? row.nextIdx : null, followUps: message ? [channelSenderFollowUp(workspaceId, message.channel_id)] : [] };
}

export function createFlowActivities(orm: MikroORM) {
  return {
    /** Marks the run's workflow as started (the trigger poller restarts runs that never got this far). */
    async beginFlowRun(input: { runId: string }): Promise<{ flowId: string }> {
      const rows = await orm.em
        .fork()
        .getConnection()
        .execute<{ flow_id: string }[]>('update flow_runs set workflow_started_at = coalesce(workflow_started_at, now()) where id = ? returning flow_id', [input.runId]);
      if (!rows.length) throw ApplicationFailure.nonRetryable(`no flow run ${input.runId}`, 'flow_run_missing');
      return { flowId: rows[0].flow_id };
    },

    async runFlowStep(input: FlowStepInput): Promise<FlowStepResult> {
      try {
        return await runStep(orm, input);
      } catch (err) {
        // failures go to Temporal history: no row data
        throw err instanceof DriverException ? withoutRowData(err) : err;
      }
    },

    /** After a wait's timer: the wait is done, and the run goes on (or ends, when it was the last step). */
    async finishFlowWait(input: { runId: string; n: number }): Promise<FlowStepResult> {
      return orm.em.fork().transactional(async (tx) => {
        const run = await lockFlowRun(tx, input.runId);
        if (!run || run.status !== 'running') return { next: null };
        const row = await stepRow(tx, input.runId, input.n);
        if (!row) throw ApplicationFailure.nonRetryable(`flow run ${input.runId} has no step ${input.n}`, 'flow_step_missing');
        if (row.status === 'running') {
          await exec(tx, "update flow_run_steps set status = 'completed', finished_at = ? where run_id = ? and idx = ?", [new Date(), input.runId, input.n]);
          if (row.nextIdx === null) await finishRun(tx, run, 'completed', null);
        }
        return { next: row.nextIdx };
      });
    },
  };
}

async function findFlowRunById(em: EntityManager, runId: string): Promise<FlowRunRow | null> {
  const [row] = await exec<{ workspace_id: string }>(em, 'select workspace_id from flow_runs where id = ?', [runId]);
  return row ? findFlowRun(em, row.workspace_id, runId) : null;
}

async function runStep(orm: MikroORM, { runId, n, index }: FlowStepInput): Promise<FlowStepResult> {
  // an http_request calls out before its transaction; a crash before the commit calls again with the same webhook-id
  let http: SendOutcome | undefined;
  {
    const em = orm.em.fork();
    const run = await findFlowRunById(em, runId);
    if (run?.status === 'running' && !(await stepRow(em, runId, n))) {
      const step = (await versionSteps(em, run))[index];
      if (step?.type === 'http_request' && n < MAX_STEPS_PER_RUN) http = await callOut(em, run, step, n);
    }
  }
  return orm.em.fork().transactional(async (tx) => {
    // the purge fence's shared lock before the run's row lock, as commands take it before theirs
    const [owner] = await exec<{ workspace_id: string }>(tx, 'select workspace_id from flow_runs where id = ?', [runId]);
    if (owner) await holdFence(tx, owner.workspace_id);
    const run = await lockFlowRun(tx, runId);
    if (!run) throw ApplicationFailure.nonRetryable(`no flow run ${runId}`, 'flow_run_missing');
    // cancelled (or otherwise ended): no further step
    if (run.status !== 'running') return { next: null };
    const now = new Date();
    const existing = await stepRow(tx, runId, n);
    if (existing) return replay(tx, existing, run.workspace, now);
    const steps = await versionSteps(tx, run);
    const step = steps[index];
    if (n >= MAX_STEPS_PER_RUN) {
      await finishRun(tx, run, 'failed', 'step_limit_reached');
      return { next: null };
    }
    if (step.type === 'wait') {
      const ms = waitMs(step, now);
      await writeStep(tx, runId, n, step, 'running', { resume_at: new Date(now.getTime() + ms).toISOString() }, index + 1 < steps.length ? index + 1 : null, now, null);
      return { next: null, waitMs: ms };
    }
    // the run stands where a request would: its id marks the events its steps cause, and its cause (the run, its depth
    // and the flows upstream) goes with them and with the messages it queues, for the loop guard
    const ctx: CommandContext = { workspaceId: run.workspace, requestId: runId, seed: `${runId}:${n}`, now, cause: runCause(run) };
    try {
      // a savepoint: a refused step leaves no partial write, and its refusal is recorded like any outcome
      const done = await tx.transactional((sp) => applyStep(sp, ctx, run, steps, index, http));
      await writeStep(tx, runId, n, step, 'completed', done.outcome, done.next, now, new Date());
      if (done.next === null) await finishRun(tx, run, 'completed', null);
      return { next: done.next, followUps: done.followUps ?? [] };
    } catch (err) {
      const refused = err instanceof StepFailed || (err instanceof ApiError && err.status < 500);
      if (!refused) throw err;
      const reason = err.code;
      await writeStep(tx, runId, n, step, 'failed', { error: { code: reason, message: err.message } }, null, now, new Date());
      await finishRun(tx, run, 'failed', reason);
      return { next: null };
    }
  });
}
