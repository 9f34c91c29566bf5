import type { EntityManager } from '@mikro-orm/postgresql';
import { exec } from '../db/exec';
import type { ListPage, PageParams } from '../pagination';
import { keysetList } from '../db/keyset';
import { toDate } from '../db/timestamps';
import type { Schema } from '../types/wire';

// The flow definition as the spec describes it; validated by the spec before it gets here.
export type FlowTrigger = Schema<'FlowCreate'>['trigger'];
export type FlowEventFilter = Schema<'FlowEventFilter'>;
export type FlowCondition = Schema<'FlowCondition'>;
export type FlowStep = Schema<'FlowCreate'>['steps'][number];

export interface FlowRow {
  id: string;
  workspace: string;
  name: string;
  status: 'inactive' | 'active';
  version: number;
  trigger: FlowTrigger;
  steps: FlowStep[];
  signingSecret: string;
  activatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** read by lists only (a deleted flow is otherwise never found) */
  deletedAt?: Date | null;
}

export type FlowRunStatus = 'running' | 'completed' | 'failed' | 'cancelled';

export interface FlowRunRow {
  id: string;
  workspace: string;
  flowId: string;
  flowVersion: number;
  contactId: string;
  status: FlowRunStatus;
  triggerEventId: string | null;
  failureReason: string | null;
  /** the run's depth (its trigger's + 1) and the flows upstream of it, itself included: what its events carry */
  causeDepth: number;
  causeFlows: string[];
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export interface FlowRunStepRow {
  idx: number;
  stepId: string;
  type: FlowStep['type'];
  status: FlowRunStatus;
  outcome: Record<string, unknown> | null;
  nextIdx: number | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export function toFlowWire(f: FlowRow) {
  return {
    id: f.id,
    object: 'flow' as const,
    name: f.name,
    status: f.status,
    version: f.version,
    trigger: f.trigger,
    steps: f.steps,
    created_at: f.createdAt.toISOString(),
    updated_at: f.updatedAt.toISOString(),
  };
}

/** A deleted flow: the answer to its delete, and its tombstone in `updated_since` lists. */
export function toDeletedFlowWire(f: Pick<FlowRow, 'id' | 'createdAt' | 'updatedAt'>) {
  return { id: f.id, object: 'flow' as const, deleted: true as const, created_at: f.createdAt.toISOString(), updated_at: f.updatedAt.toISOString() };
}

export function toFlowRunWire(r: FlowRunRow, steps?: FlowRunStepRow[]) {
  return {
    id: r.id,
    object: 'flow_run' as const,
    flow_id: r.flowId,
    flow_version: r.flowVersion,
    contact_id: r.contactId,
    status: r.status,
    trigger_event_id: r.triggerEventId,
    failure_reason: r.failureReason,
    ...(steps
      ? {
          steps: steps.map((s) => ({
            step_id: s.stepId,
            type: s.type,
            status: s.status,
            started_at: s.startedAt.toISOString(),
            finished_at: s.finishedAt?.toISOString() ?? null,
            outcome: s.outcome,
          })),
        }
      : {}),
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
    finished_at: r.finishedAt?.toISOString() ?? null,
  };
}

const FLOW_COLUMNS = `f.id, f.workspace_id as "workspace", f.name, f.status, f.version, v.trigger, v.steps, f.signing_secret as "signingSecret",
  f.activated_at as "activatedAt", f.created_at as "createdAt", f.updated_at as "updatedAt"`;
const FLOW_FROM = `flows f join flow_versions v on v.flow_id = f.id and v.version = f.version`;

function hydrateFlow(r: FlowRow): FlowRow {
  return { ...r, activatedAt: r.activatedAt ? toDate(r.activatedAt) : null, createdAt: toDate(r.createdAt), updatedAt: toDate(r.updatedAt), deletedAt: toDate(r.deletedAt ?? null) };
}

/** A live flow with its current version; `lock` takes the row lock that serialises changes to it. */
export async function findFlow(em: EntityManager, workspaceId: string, id: string): Promise<FlowRow | null> {
  const rows = await exec<FlowRow>(em, `select ${FLOW_COLUMNS} from ${FLOW_FROM} where f.workspace_id = ? and f.id = ? and f.deleted_at is null`, [workspaceId, id]);
  return rows[0] ? hydrateFlow(rows[0]) : null;
}

export async function listFlows(
  em: EntityManager,
  workspaceId: string,
  page: PageParams & { filters: { status?: string } },
): Promise<ListPage<ReturnType<typeof toFlowWire> | ReturnType<typeof toDeletedFlowWire>>> {
  const where: [string, ...unknown[]][] = [];
  if (page.filters.status) where.push(['status = ?', page.filters.status]);
  // keysetList reads one table: the current version's definition is joined in a subselect
  const table = `(select f.*, v.trigger, v.steps from ${FLOW_FROM}) as flows`;
  const columns = `id, workspace_id as "workspace", name, status, version, trigger, steps, activated_at as "activatedAt", created_at as "createdAt", updated_at as "updatedAt", deleted_at as "deletedAt"`;
  return keysetList(em, { list: 'flows', table, columns, workspaceId, page, where, softDelete: true, hydrate: hydrateFlow, toWire: (f) => (f.deletedAt ? toDeletedFlowWire(f) : toFlowWire(f)) });
}

const RUN_COLUMNS = `id, workspace_id as "workspace", flow_id as "flowId", flow_version as "flowVersion", contact_id as "contactId", status,
  trigger_event_id as "triggerEventId", failure_reason as "failureReason", cause_depth as "causeDepth", cause_flows as "causeFlows", created_at as "createdAt", updated_at as "updatedAt", finished_at as "finishedAt"`;

function hydrateRun(r: FlowRunRow): FlowRunRow {
  return { ...r, createdAt: toDate(r.createdAt), updatedAt: toDate(r.updatedAt), finishedAt: r.finishedAt ? toDate(r.finishedAt) : null };
}

export async function findFlowRun(em: EntityManager, workspaceId: string, id: string, lock = false): Promise<FlowRunRow | null> {
  const rows = await exec<FlowRunRow>(em, `select ${RUN_COLUMNS} from flow_runs where workspace_id = ? and id = ?${lock ? ' for update' : ''}`, [workspaceId, id]);
  return rows[0] ? hydrateRun(rows[0]) : null;
}

/** A run by id alone: the worker's step activities know only the run id. */
export async function lockFlowRun(em: EntityManager, id: string): Promise<FlowRunRow | null> {
  const rows = await exec<FlowRunRow>(em, `select ${RUN_COLUMNS} from flow_runs where id = ? for update`, [id]);
  return rows[0] ? hydrateRun(rows[0]) : null;
}

export async function flowRunSteps(em: EntityManager, runId: string): Promise<FlowRunStepRow[]> {
  const rows = await exec<FlowRunStepRow>(
    em,
    `select idx, step_id as "stepId", type, status, outcome, next_idx as "nextIdx", started_at as "startedAt", finished_at as "finishedAt"
     from flow_run_steps where run_id = ? order by idx`,
    [runId],
  );
  return rows.map((s) => ({ ...s, startedAt: toDate(s.startedAt), finishedAt: s.finishedAt ? toDate(s.finishedAt) : null }));
}

export async function listFlowRuns(
  em: EntityManager,
  workspaceId: string,
  page: PageParams & { filters: { flow_id?: string; contact_id?: string; status?: string } },
): Promise<ListPage<ReturnType<typeof toFlowRunWire>>> {
  const f = page.filters;
  const where: [string, ...unknown[]][] = [];
  if (f.flow_id) where.push(['flow_id = ?', f.flow_id]);
  if (f.contact_id) where.push(['contact_id = ?', f.contact_id]);
  if (f.status) where.push(['status = ?', f.status]);
  return keysetList(em, { list: 'flow_runs', table: 'flow_runs', columns: RUN_COLUMNS, workspaceId, page, where, hydrate: hydrateRun, toWire: (r) => toFlowRunWire(r) });
}
