import type { MikroORM } from '@mikro-orm/postgresql';
import { findFlow, findFlowRun, flowRunSteps, listFlowRuns, listFlows, toFlowRunWire, toFlowWire } from '../flows/queries';
import { ApiError } from '../errors';
import type { RunCommand } from './commands';
import type { AuthedRequest, HandlerResult } from './context';
import { pageParams } from './list-params';
import { withOneTimeSigningSecret } from './one-time-secret';
import { newWebhookSecret } from '../webhooks/signing';

export function flowsHandlers(orm: MikroORM, runCommand: RunCommand) {
  return {
    createFlow: (req: AuthedRequest) => withOneTimeSigningSecret(req, runCommand, newWebhookSecret(), 'signing_secret'),
    async createFlowRun(req: AuthedRequest): Promise<HandlerResult> {
      const result = await runCommand(req);
      const run = result.body as { id?: string; object?: string };
      if (result.status !== 202 || run.object !== 'flow_run') return result;
      return { ...result, headers: { ...result.headers, Location: `/v1/flow-runs/${run.id}` } };
    },
    async listFlows(req: AuthedRequest): Promise<HandlerResult> {
      const q = req.query as Record<string, string | undefined>;
      return { status: 200, body: await listFlows(orm.em.fork(), req.ctx.auth.workspaceId, pageParams(req, { status: q.status })) };
    },
    async retrieveFlow(req: AuthedRequest): Promise<HandlerResult> {
      const id = req.params.flow_id as string;
      const flow = await findFlow(orm.em.fork(), req.ctx.auth.workspaceId, id);
      if (!flow) throw new ApiError('resource_missing', `No such flow: '${id}'`);
      return { status: 200, body: toFlowWire(flow) };
    },
    async listFlowRuns(req: AuthedRequest): Promise<HandlerResult> {
      const q = req.query as Record<string, string | undefined>;
      const page = pageParams(req, { flow_id: q.flow_id, contact_id: q.contact_id, status: q.status });
      return { status: 200, body: await listFlowRuns(orm.em.fork(), req.ctx.auth.workspaceId, page) };
    },
    async retrieveFlowRun(req: AuthedRequest): Promise<HandlerResult> {
      const id = req.params.flow_run_id as string;
      const em = orm.em.fork();
      const run = await findFlowRun(em, req.ctx.auth.workspaceId, id);
      if (!run) throw new ApiError('resource_missing', `No such flow run: '${id}'`);
      return { status: 200, body: toFlowRunWire(run, await flowRunSteps(em, run.id)) };
    },
  };
}
