// Event triggers: reads committed events (the shared event consumer, its own position) and starts one run per
// (event, flow) whose trigger matches. The run's id derives from (event, flow) and a unique index on
// (flow_id, trigger_event_id) holds it, so a re-read after a crash, or two pollers, never start a second run.
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import { config } from '../config';
import type { EventRecord } from '../db/entities';
import { exec } from '../db/exec';
import { type FlowEventFilter, type FlowTrigger } from './queries';
import { normaliseTagName } from '../db/tags.queries';
import { toDate } from '../db/timestamps';
import { idFromSeed } from '../ids';
import { recordEvent, type CommandContext } from '../db/events';
import { flowRunFollowUp, insertFlowRun, refusedTriggerType } from './commands';
import { RunBudgets, type BudgetRefusal } from './run-budgets';
import { consumeEvents, pollEvents } from '../event-consumer';
import { searchKeys, startFollowUp } from '../engine/temporal';
import { inLanes, roundRobinByWorkspace } from './round-robin';

const BATCH = 500;

interface TriggeredFlow {
  id: string;
  workspace_id: string;
  version: number;
  trigger: FlowTrigger;
  activated_at: string | Date;
}

type EventObject = Record<string, unknown> & { object?: string; id?: string; contact_id?: string; tags?: string[]; text?: string | null; direction?: string };

/** The contact an event is about: a contact's own events, or an object that names its contact. */
export function contactOf(event: Pick<EventRecord, 'data'>): string | null {
  const o = (event.data as { object?: EventObject }).object;
  if (!o) return null;
  if (o.object === 'contact') return (o as { deleted?: boolean }).deleted ? null : o.id ?? null;
  return typeof o.contact_id === 'string' ? o.contact_id : null;
}

function valueAt(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), object);
}

/** The filter language of `event` triggers (documented on createFlow): every condition given must hold. */
export function filterMatches(filter: FlowEventFilter | undefined, event: Pick<EventRecord, 'data' | 'previousAttributes'>): boolean {
  if (!filter) return true;
  const object = (event.data as { object?: EventObject }).object ?? {};
  const tagsNow = Array.isArray(object.tags) ? object.tags : [];
  const tagsBefore = (event.previousAttributes as { tags?: string[] } | null)?.tags;
  if (filter.tag_added !== undefined) {
    const tag = normaliseTagName(filter.tag_added);
    if (!Array.isArray(tagsBefore) || tagsBefore.includes(tag) || !tagsNow.includes(tag)) return false;
  }
  if (filter.tag_removed !== undefined) {
    const tag = normaliseTagName(filter.tag_removed);
    if (!Array.isArray(tagsBefore) || !tagsBefore.includes(tag) || tagsNow.includes(tag)) return false;
  }
  for (const [path, expected] of Object.entries(filter.fields ?? {})) {
    const actual = valueAt(object, path);
    if ((actual === undefined ? null : actual) !== expected) return false;
  }
  return true;
}

export function triggerMatches(trigger: FlowTrigger, event: Pick<EventRecord, 'type' | 'data' | 'previousAttributes'>): boolean {
  if (trigger.type === 'event') return trigger.event_type === event.type && filterMatches(trigger.filter, event);
  if (trigger.type === 'inbound_message') {
    if (event.type !== 'message.received') return false;
    const text = ((event.data as { object?: EventObject }).object?.text ?? '').trim().toLowerCase();
    const keyword = trigger.keyword.trim().toLowerCase();
    return (trigger.match ?? 'exact') === 'exact' ? text === keyword : text.includes(keyword);
  }
  return false;
}

export interface StartedRun {
  workspaceId: string;
  runId: string;
  flowId: string;
}

/**
 * The loop guard: what an event may trigger, by its cause alone. A flow step's own change triggers nothing (as
 * documented on createFlow); an event deep in a chain of runs triggers nothing; and no flow triggers on an event its
 * own runs caused, however indirectly (a receipt of a message it sent, a delivery of its events).
 */
export function causeAllows(e: Pick<EventRecord, 'requestId' | 'causeType' | 'causeDepth' | 'causeFlows'>, flowId: string): boolean {
  // (events written before causes were recorded name the run as their request id)
  if (e.causeType === 'flow_run' || e.requestId?.startsWith('frn_')) return false;
  if ((e.causeDepth ?? 0) >= config.flows.maxTriggerDepth) return false;
  return !(e.causeFlows ?? []).includes(flowId);
}

const throttledSeed = (runId: string) => `${runId}:throttled`;

async function handledBefore(em: EntityManager, runId: string): Promise<boolean> {
  const rows = await exec(em, 'select 1 from flow_runs where id = ? union all select 1 from events where id = ?', [runId, idFromSeed('evt', throttledSeed(runId), 0)]);
  return rows.length > 0;
}

/** A trigger past a run budget: recorded as flow_run.throttled (which itself triggers nothing), and no run. */
function recordThrottled(em: EntityManager, e: EventRecord, flow: TriggeredFlow, runId: string, contactId: string, refusal: BudgetRefusal, now: Date): void {
  const ctx: CommandContext = {
    workspaceId: e.workspace,
    requestId: null,
    seed: throttledSeed(runId),
    now,
    cause: { type: 'event', id: e.id, depth: (e.causeDepth ?? 0) + 1, flows: [...new Set([...(e.causeFlows ?? []), flow.id])] },
  };
  const object = {
    id: runId,
    object: 'flow_run_throttle',
    flow_id: flow.id,
    flow_version: flow.version,
    contact_id: contactId,
    trigger_event_id: e.id,
    reason: refusal.reason,
    limit: refusal.limit,
    created_at: now.toISOString(),
  };
  recordEvent(em, ctx, 0, { type: 'flow_run.throttled', objectType: 'flow_run_throttle', objectId: runId, sequence: 1, object });
}

/** The runs that these events start, written with their flow_run.started events in the consumer's transaction. */
async function startRunsFor(em: EntityManager, events: EventRecord[]): Promise<StartedRun[]> {
  const workspaces = [...new Set(events.map((e) => e.workspace))];
  // a run's own events and delivery outcomes never trigger (refused at create, and skipped here for older flows)
  const types = [...new Set(events.map((e) => e.type))].filter((t) => !refusedTriggerType(t));
  if (!types.length) return [];
  const list = (xs: string[]) => xs.map(() => '?').join(', ');
  // flows.event_type: the one event type a trigger listens to (message.received for keyword triggers)
  const flows = await exec<TriggeredFlow>(
    em,
    `select f.id, f.workspace_id, f.version, v.trigger, f.activated_at from flows f join flow_versions v on v.flow_id = f.id and v.version = f.version
     where f.workspace_id in (${list(workspaces)}) and f.event_type in (${list(types)}) and f.status = 'active' and f.deleted_at is null`,
    [...workspaces, ...types],
  );
  if (!flows.length) return [];
  const started: StartedRun[] = [];
  const budgets = new RunBudgets(em);
  const now = new Date();
  for (const e of events) {
    for (const flow of flows) {
      // only events committed after the flow was activated
      if (flow.workspace_id !== e.workspace || e.createdAt <= toDate(flow.activated_at)) continue;
      if (!causeAllows(e, flow.id)) continue;
      if (!triggerMatches(flow.trigger, e)) continue;
      const contactId = contactOf(e);
      if (!contactId) continue;
      const runId = idFromSeed('frn', `${e.id}:${flow.id}`);
      const refusal = await budgets.refusal(e.workspace, flow.id);
      if (refusal) {
        // an event read again (a position set back) that already started its run, or was already throttled, is done
        if (!(await handledBefore(em, runId))) recordThrottled(em, e, flow, runId, contactId, refusal, now);
        continue;
      }
      const ctx = { workspaceId: e.workspace, requestId: null, seed: runId, now };
      if (await insertFlowRun(em, ctx, runId, flow, contactId, e.id, { depth: e.causeDepth ?? 0, flows: e.causeFlows ?? [] })) {
        budgets.started(e.workspace, flow.id);
        started.push({ workspaceId: e.workspace, runId, flowId: flow.id });
      }
    }
  }
  await em.flush();
  return started;
}

export async function triggerFlows(orm: MikroORM): Promise<{ read: number; started: StartedRun[] }> {
  const step = await consumeEvents(orm, 'flow_trigger_position', BATCH, startRunsFor);
  return { read: step.read, started: step.result ?? [] };
}

/** Runs written but whose workflow never began (Temporal down right after the commit): started again, harmlessly. */
async function unstartedRuns(orm: MikroORM): Promise<StartedRun[]> {
  const rows = await orm.em.getConnection().execute<{ id: string; workspace_id: string; flow_id: string }[]>(
    `select id, workspace_id, flow_id from flow_runs where workflow_started_at is null and status = 'running' and created_at < now() - interval '30 seconds' limit 100`,
  );
  return rows.map((r) => ({ workspaceId: r.workspace_id, runId: r.id, flowId: r.flow_id }));
}

// workflow starts in flight at once: one at a time, a batch of 500 runs waited on 500 round trips
const START_CONCURRENCY = 20;

/** Starts runs interleaved by workspace, so one workspace's burst of triggers does not start ahead of everyone else's. */
export async function startFlowRuns(client: Client, runs: StartedRun[]): Promise<void> {
  await inLanes(roundRobinByWorkspace(runs), START_CONCURRENCY, async (run) => {
    const f = flowRunFollowUp(run.workspaceId, run.runId);
    // a run that has finished is never run again
    await startFollowUp(
      client,
      f,
      [
        { key: searchKeys.workspaceId, value: run.workspaceId },
        { key: searchKeys.operationId, value: 'flowRun' },
        { key: searchKeys.flowId, value: run.flowId },
      ],
      { once: true },
    );
  });
}

/** The worker's trigger loop; stops when `signal` aborts. */
export async function runFlowTriggers(orm: MikroORM, client: Client, signal: AbortSignal): Promise<void> {
  let sweepAt = 0;
  await pollEvents('flow-triggers', signal, config.flows.triggerPollMs, async () => {
    const step = await triggerFlows(orm);
    await startFlowRuns(client, step.started);
    if (Date.now() > sweepAt) {
      sweepAt = Date.now() + 30_000;
      await startFlowRuns(client, await unstartedRuns(orm));
    }
    return { full: step.read === BATCH };
  });
}
