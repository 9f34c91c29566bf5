import type { MikroORM } from '@mikro-orm/postgresql';
import { ApiError } from '../errors';
import { listPurges, retrievePurge, toPurgeWire } from '../privacy/purges';
import { sealedPurgeRequest } from '../privacy/subject-hash';
import type { RunCommand } from './commands';
import type { AuthedRequest, HandlerResult } from './context';
import { pageParams } from './list-params';

export function privacyHandlers(orm: MikroORM, runCommand: RunCommand) {
  return {
    createPrivacyPurge(req: AuthedRequest): Promise<HandlerResult> {
      const body = (req.body ?? {}) as Record<string, unknown>;
      return runCommand(req, { fingerprintBody: sealedPurgeRequest(req.ctx.auth.workspaceId, body) });
    },
    async retrievePrivacyPurge(req: AuthedRequest): Promise<HandlerResult> {
      const id = req.params.purge_id as string;
      const purge = await retrievePurge(orm.em.fork(), req.ctx.auth.workspaceId, id);
      if (!purge) throw new ApiError('resource_missing', `No such purge: '${id}'`);
      return { status: 200, body: toPurgeWire(purge) };
    },
    async listPrivacyPurges(req: AuthedRequest): Promise<HandlerResult> {
      return { status: 200, body: await listPurges(orm.em.fork(), req.ctx.auth.workspaceId, pageParams(req, {})) };
    },
  };
}
