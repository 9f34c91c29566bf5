// Operators' endpoints. The public listener answers /readyz with its status only; the per-check details (error
// texts) and /metrics answer on the ops listener (OPS_PORT, bound to OPS_HOST, loopback by default) or to a caller
// presenting OPS_TOKEN as `Authorization: Bearer …`.
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Connection } from '@temporalio/client';
import { config } from '../config';
import { loggableError } from '../db/driver-errors';
import { registry } from '../metrics';
import { refreshPurgeAge } from '../privacy/purge-metrics';
import { refreshQueueDepth } from './queue-depth';

export interface OpsDeps {
  orm: MikroORM;
  connection: Connection;
}

type Checks = Record<string, { ok: boolean; error?: string }>;

async function readiness(deps: OpsDeps): Promise<{ ok: boolean; checks: Checks }> {
  const checks: Checks = {};
  // driver errors can quote the query and row values: only their kind and code leave
  const failed = (e: unknown) => ({ ok: false, error: (loggableError(e).message ?? 'failed').slice(0, 200) });
  await Promise.all([
    deps.orm.em.getConnection().execute('select 1').then(
      () => (checks.postgresql = { ok: true }),
      (e: unknown) => (checks.postgresql = failed(e)),
    ),
    deps.connection
      .withDeadline(Date.now() + 1_500, async () => {
        await deps.connection.ensureConnected();
        await deps.connection.workflowService.getSystemInfo({});
      })
      .then(
        () => (checks.temporal = { ok: true }),
        (e: unknown) => (checks.temporal = failed(e)),
      ),
  ]);
  return { ok: Object.values(checks).every((c) => c.ok), checks };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The caller presents OPS_TOKEN (compared in constant time); without a configured token, nobody does. */
export function hasOpsToken(req: Request): boolean {
  if (!config.ops.token) return false;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  return !!m && timingSafeEqual(digest(m[1]), digest(config.ops.token));
}

export function readyzHandler(deps: OpsDeps, detailed: (req: Request) => boolean) {
  return async (req: Request, res: Response): Promise<void> => {
    const { ok, checks } = await readiness(deps);
    if (!ok) res.setHeader('Retry-After', '2');
    const status = ok ? 'ready' : 'unavailable';
    res.status(ok ? 200 : 503).json(detailed(req) ? { status, checks } : { status });
  };
}

/** Prometheus text, with each task queue's depth read at scrape time. */
export function metricsHandler(deps: OpsDeps) {
  return async (_req: Request, res: Response): Promise<void> => {
    await Promise.all([refreshQueueDepth(deps), refreshPurgeAge(deps.orm)]);
    res.type(registry.contentType).send(await registry.metrics());
  };
}

/** The ops listener's app: health, detailed readiness and metrics, nothing else. */
export function createOpsApp(deps: OpsDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', readyzHandler(deps, () => true));
  app.get('/metrics', metricsHandler(deps));
  return app;
}
