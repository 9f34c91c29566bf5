import { createServer } from 'node:http';
import { sweepExpiredPins } from '../files/file-blobs';
import { LocalFileStore } from '../files/file-store';
import { config } from '../config';
import { openOrm } from '../db/orm';
import { logger } from '../logger';
import { loggableError } from '../db/driver-errors';
import { temporalClient } from '../engine/temporal';
import { summarizeTemporalConnection } from '../engine/connection';
import { installJsonLogging } from '../engine/worker-runtime';
import { createApp } from './app';
import { startCommandsWorker } from './commands-worker';
import { countTemporalRpcs } from './temporal-rpcs';
import { createOpsApp } from './ops';
import { sweepRateLimitWindows } from './auth';
import { sweepOAuthStore } from '../oauth/store';
import { sweepExpiredIdempotencyKeys } from './commands';
import { releaseStaleClaims } from '../privacy/stale-claims';
import { EventStreams } from './events.stream';
import { PiiReadAudit } from './pii-audit';
import { ApiKeyCache } from './key-cache';
import { RateBudgets } from './rate-budgets';
import { dbQueries } from '../metrics';
import { observeDirectQueries } from '../db/direct-query';

export async function startServer(port = config.port): Promise<{ port: number; close(): Promise<void> }> {
  const orm = await openOrm();
  const { client, connection } = temporalClient();
  countTemporalRpcs(connection);
  if (config.apiEmbeddedWorker) installJsonLogging({ ownSignals: true });
  const commandsWorker = config.apiEmbeddedWorker ? startCommandsWorker(orm) : undefined;
  const eventStreams = new EventStreams(orm);
  const files = new LocalFileStore(config.filesDir);
  const piiAudit = new PiiReadAudit(orm);
  orm.em.getConnection().getKnex().on('query', () => dbQueries.inc());
  observeDirectQueries(() => dbQueries.inc());
  const keys = new ApiKeyCache(orm);
  keys.start();
  const app = createApp({ orm, client, connection, eventStreams, files, piiAudit, keys, budgets: new RateBudgets(orm), commandsWorker });
  const server = createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, config.host, resolve));
  // metrics and detailed readiness, for operators only (loopback unless OPS_HOST says otherwise)
  const ops = config.ops.port === null ? null : createServer(createOpsApp({ orm, connection }));
  if (ops) await new Promise<void>((resolve) => ops.listen(config.ops.port!, config.ops.host, resolve));
  const sweep = setInterval(() => {
    sweepRateLimitWindows(orm).catch(() => undefined);
    sweepOAuthStore(orm).catch(() => undefined);
    sweepExpiredIdempotencyKeys(orm).catch(() => undefined);
    releaseStaleClaims(orm.em.fork(), client).catch(() => undefined);
    sweepExpiredPins(orm, files).catch(() => undefined);
    files.sweepTemp().catch(() => undefined);
  }, 30_000);
  sweep.unref();
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const opsAddress = ops?.address();
  const opsPort = typeof opsAddress === 'object' && opsAddress ? opsAddress.port : undefined;
  logger.info({ port: actualPort, ops_port: opsPort, temporal: summarizeTemporalConnection(config.temporalConnection), embedded_worker: Boolean(commandsWorker) }, 'api listening');
  return {
    port: actualPort,
    async close() {
      clearInterval(sweep);
      // open event streams would keep server.close() waiting forever; their clients reconnect with Last-Event-ID
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      ops?.closeAllConnections();
      ops?.close();
      await eventStreams.close();
      // requests in flight finish; sockets that fall idle meanwhile (ended streams among them) are closed at once
      const reaper = setInterval(() => server.closeIdleConnections(), 100);
      server.closeIdleConnections();
      await closed;
      clearInterval(reaper);
      server.closeAllConnections();
      await piiAudit.close();
      // after the HTTP server: the requests it drained may have been waiting on this worker's commands
      await commandsWorker?.stop();
      await keys.close();
      await connection.close();
      await orm.close();
    },
  };
}

if (require.main === module) {
  startServer()
    .then((s) => {
      const stop = () => s.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((err: Error) => {
      logger.error({ err: loggableError(err) }, 'api failed to start');
      process.exit(1);
    });
}
