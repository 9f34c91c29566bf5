// Run budgets: how many runs may be running, and how many may start per minute, per flow and per workspace. The
// trigger poller and manual runs ask the same question; past a budget a trigger records flow_run.throttled and a manual
// run is refused, so no automation queues work without bound. Counts are read under a per-workspace advisory lock
// (taken by both), so two writers cannot both take the last place.
import type { EntityManager } from '@mikro-orm/postgresql';
import { config } from '../config';
import { exec } from '../db/exec';

export type BudgetReason = 'flow_running_limit' | 'flow_start_rate_limit' | 'workspace_running_limit' | 'workspace_start_rate_limit';

export interface BudgetRefusal {
  reason: BudgetReason;
  limit: number;
  message: string;
}

interface Counts {
  running: number;
  lastMinute: number;
}

const COUNTS = (scope: 'workspace_id' | 'flow_id') => `
  select count(*) filter (where status = 'running')::int as running,
         count(*) filter (where created_at > now() - interval '1 minute')::int as "lastMinute"
  from flow_runs where ${scope} = ? and (status = 'running' or created_at > now() - interval '1 minute')`;

/** Counts read once per workspace and flow in a transaction, then kept up to date as that transaction starts runs. */
export class RunBudgets {
  private readonly workspaces = new Map<string, Counts>();
  private readonly flows = new Map<string, Counts>();

  constructor(private readonly em: EntityManager) {}

  private async workspace(workspaceId: string): Promise<Counts> {
    let counts = this.workspaces.get(workspaceId);
    if (!counts) {
      await exec(this.em, `select pg_advisory_xact_lock(hashtextextended('flow_runs:' || ?, 0))`, [workspaceId]);
      [counts] = await exec<Counts>(this.em, COUNTS('workspace_id'), [workspaceId]);
      this.workspaces.set(workspaceId, counts);
    }
    return counts;
  }

  private async flow(flowId: string): Promise<Counts> {
    let counts = this.flows.get(flowId);
    if (!counts) {
      [counts] = await exec<Counts>(this.em, COUNTS('flow_id'), [flowId]);
      this.flows.set(flowId, counts);
    }
    return counts;
  }

  async refusal(workspaceId: string, flowId: string): Promise<BudgetRefusal | null> {
    const ws = await this.workspace(workspaceId);
    const flow = await this.flow(flowId);
    const b = config.flows.budgets;
    if (flow.running >= b.runningPerFlow) return { reason: 'flow_running_limit', limit: b.runningPerFlow, message: `Flow ${flowId} has ${b.runningPerFlow} runs running, its limit` };
    if (flow.lastMinute >= b.startsPerMinutePerFlow) {
      return { reason: 'flow_start_rate_limit', limit: b.startsPerMinutePerFlow, message: `Flow ${flowId} started ${b.startsPerMinutePerFlow} runs in the last minute, its limit` };
    }
    if (ws.running >= b.runningPerWorkspace) return { reason: 'workspace_running_limit', limit: b.runningPerWorkspace, message: `The workspace has ${b.runningPerWorkspace} flow runs running, its limit` };
    if (ws.lastMinute >= b.startsPerMinutePerWorkspace) {
      return { reason: 'workspace_start_rate_limit', limit: b.startsPerMinutePerWorkspace, message: `The workspace started ${b.startsPerMinutePerWorkspace} flow runs in the last minute, its limit` };
    }
    return null;
  }

  /** A run was inserted: it counts against both budgets from now on. */
  started(workspaceId: string, flowId: string): void {
    for (const counts of [this.workspaces.get(workspaceId), this.flows.get(flowId)]) {
      if (!counts) continue;
      counts.running += 1;
      counts.lastMinute += 1;
    }
  }
}
