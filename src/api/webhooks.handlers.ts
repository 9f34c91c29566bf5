import type { MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { findEndpoint, listDeliveries, listEndpoints, replayLimitReached, retrieveDelivery, spentReplayWindow, toEndpointWire } from '../webhooks/queries';
import { sha256Hex } from '../ids';
import { ApiError } from '../errors';
import type { RunCommand } from './commands';
import type { AuthedRequest, HandlerResult } from './context';
import { pageParams } from './list-params';
import { withOneTimeSigningSecret } from './one-time-secret';
import { newWebhookSecret } from '../webhooks/signing';

export function webhooksHandlers(orm: MikroORM, runCommand: RunCommand) {
  const ws = (req: AuthedRequest) => req.ctx.auth.workspaceId;
  const missingEndpoint = (id: string) => new ApiError('resource_missing', `No such webhook endpoint: '${id}'`);
  // refused before the command is claimed, so the 429 carries Retry-After and a retry with the same key can succeed
  const replay = async (req: AuthedRequest): Promise<HandlerResult> => {
    if (!(req.body as { dry_run?: boolean } | undefined)?.dry_run) {
      const key = req.get('idempotency-key');
      const spent = await spentReplayWindow(orm.em.fork(), ws(req), req.ctx.auth.keyId, key ? sha256Hex(key) : null, config.webhooks.replaysPerHour);
      if (spent) throw replayLimitReached(spent);
    }
    return runCommand(req);
  };
  return {
    createWebhookEndpoint: (req: AuthedRequest) => withOneTimeSigningSecret(req, runCommand, newWebhookSecret(), 'secret'),
    rotateWebhookEndpointSecret: (req: AuthedRequest) => withOneTimeSigningSecret(req, runCommand, newWebhookSecret(), 'secret'),
    // its workflow sends the first attempt before the command answers: the wait has room for the attempt's bound
    testWebhookEndpoint: (req: AuthedRequest) => runCommand(req, { waitMs: config.commandWaitMs + config.webhooks.attemptTimeoutMs }),
    replayWebhookEndpoint: replay,
    replayWebhookDelivery: replay,
    async listWebhookEndpoints(req: AuthedRequest): Promise<HandlerResult> {
      return { status: 200, body: await listEndpoints(orm.em.fork(), ws(req), pageParams(req, {})) };
    },
    async retrieveWebhookEndpoint(req: AuthedRequest): Promise<HandlerResult> {
      const endpoint = await findEndpoint(orm.em.fork(), ws(req), String(req.params.endpoint_id));
      if (!endpoint) throw missingEndpoint(String(req.params.endpoint_id));
      return { status: 200, body: toEndpointWire(endpoint) };
    },
    async listWebhookDeliveries(req: AuthedRequest): Promise<HandlerResult> {
      const em = orm.em.fork();
      const endpointId = String(req.params.endpoint_id);
      if (!(await findEndpoint(em, ws(req), endpointId))) throw missingEndpoint(endpointId);
      const q = req.query as Record<string, string | undefined>;
      const filters = { endpoint_id: endpointId, status: q.status, event_type: q.event_type, created_since: q.created_since, created_until: q.created_until };
      return { status: 200, body: await listDeliveries(em, ws(req), pageParams(req, filters)) };
    },
    async retrieveWebhookDelivery(req: AuthedRequest): Promise<HandlerResult> {
      const delivery = await retrieveDelivery(orm.em.fork(), ws(req), String(req.params.delivery_id));
      if (!delivery) throw new ApiError('resource_missing', `No such webhook delivery: '${req.params.delivery_id}'`);
      return { status: 200, body: delivery };
    },
  };
}
