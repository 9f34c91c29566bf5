import { DefaultLogger, NativeConnection, Runtime, Worker, type LogEntry } from '@temporalio/worker';
import { Connection } from '@temporalio/client';
import { config } from './config';
import { openOrm } from './db/orm';
import { createActivities } from './activities';
import { ensureSearchAttributes } from './temporal';
import { logger } from './logger';

// the SDK's own log lines go out as JSON through the same logger as ours
function installJsonLogging(): void {
  const levels = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;
  Runtime.install({
    logger: new DefaultLogger('INFO', (entry: LogEntry) => logger[levels[entry.level]]({ sdk: entry.meta }, entry.message)),
  });
}

export async function runWorker(): Promise<void> {
  installJsonLogging();
  const orm = await openOrm();
  const client = await Connection.connect({ address: config.temporalAddress });
  // a namespace where this key may not add attributes (Temporal Cloud) has them registered by its operator
  await ensureSearchAttributes(client).catch((err: Error) => logger.warn({ error: err.message }, 'could not register search attributes'));
  await client.close();
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const bundlePath = process.env.WORKFLOW_BUNDLE;
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath: require.resolve('./workflows') }),
    activities: createActivities({ orm }),
    maxConcurrentLocalActivityExecutions: 100,
    maxConcurrentWorkflowTaskExecutions: 100,
    // no personal data ever reaches the worker's logs: only ids
  });
  const stop = () => worker.shutdown();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  logger.info({ taskQueue: config.taskQueue }, 'worker started');
  await worker.run();
  await connection.close();
  await orm.close();
  logger.info('worker stopped');
}

if (require.main === module) {
  runWorker().catch((err) => {
    logger.error({ err: { message: (err as Error).message, stack: (err as Error).stack } }, 'worker failed');
    process.exit(1);
  });
}
