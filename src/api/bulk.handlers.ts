import type { MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { findBulkJob, listBulkJobResults, retrieveBulkJob } from '../db/bulk.queries';
import { ApiError } from '../errors';
import type { RunCommand } from './commands';
import type { AuthedRequest, HandlerResult } from './context';
import { pageParams } from './list-params';

export function bulkHandlers(orm: MikroORM, runCommand: RunCommand) {
  // past the synchronous bound, the job itself: 202 while it runs, its results at /v1/bulk-jobs/{id}/results
  // (the job row appears with the workflow's first step; a worker that has not taken it yet gets a moment more, then 503)
  const whilePending = async (commandId: string): Promise<HandlerResult | null> => {
    const until = Date.now() + config.temporalRpcTimeoutMs;
    for (;;) {
      const job = await retrieveBulkJob(orm.em.fork(), { commandId });
      if (job) return { status: 202, body: job, headers: { Location: `/v1/bulk-jobs/${job.id}` } };
      if (Date.now() > until) return null;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const runBulk = (req: AuthedRequest) => runCommand(req, { waitMs: config.bulkSyncWaitMs, whilePending });
  return {
    bulkUpsertContacts: runBulk,
    bulkTagContacts: runBulk,
    bulkCreateMessages: runBulk,
    async retrieveBulkJob(req: AuthedRequest): Promise<HandlerResult> {
      const id = req.params.bulk_job_id as string;
      const job = await retrieveBulkJob(orm.em.fork(), { workspaceId: req.ctx.auth.workspaceId, id });
      if (!job) throw new ApiError('resource_missing', `No such bulk job: '${id}'`);
      return { status: 200, body: job };
    },
    async listBulkJobResults(req: AuthedRequest): Promise<HandlerResult> {
      const em = orm.em.fork();
      const id = req.params.bulk_job_id as string;
      const job = await findBulkJob(em, { workspaceId: req.ctx.auth.workspaceId, id });
      if (!job) throw new ApiError('resource_missing', `No such bulk job: '${id}'`);
      return { status: 200, body: await listBulkJobResults(em, job, pageParams(req, { bulk_job_id: id })) };
    },
  };
}
