import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { queueName } from './engine/queues';
import { Client, Connection } from '@temporalio/client';
import { runWebhookDispatcher } from './webhooks/dispatcher';
import { runFlowTriggers } from './flows/triggers';
import { config } from './config';
import { openOrm } from './db/orm';
import { createActivities } from './activities';
import { checkCommandTable } from './commands/registry';
import { runChannelSenderSweep } from './channels/sweep';
import { ensureSearchAttributes } from './engine/temporal';
import { summarizeTemporalConnection } from './engine/connection';
import { logger } from './logger';
import { loggableError } from './db/driver-errors';
import { workerHooks, boundHeapGrowth, installJsonLogging } from './engine/worker-runtime';
import { ensureBackupSchedule } from './privacy/backup-schedule';

export async function runWorker(): Promise<void> {
  boundHeapGrowth();
  installJsonLogging();
  // the spec's mutations and the command table are one set, or nothing starts
  checkCommandTable();
  const orm = await openOrm();
  const client = await Connection.connect(config.temporalConnection);
  // a namespace where this key may not add attributes (Temporal Cloud) has them registered by its operator
  await ensureSearchAttributes(client).catch((err: Error) => logger.warn({ error: err.message }, 'could not register search attributes'));
  const dispatcherClient = new Client({ connection: client, namespace: config.temporalNamespace });
  const kinds = config.workerQueues;
  // the backup Schedule starts maintenance work: written by the workers that run it
  if (kinds.includes('maintenance')) await ensureBackupSchedule(dispatcherClient).catch((err: Error) => logger.warn({ error: err.message }, 'could not create or update the backup schedule'));
  const connection = await NativeConnection.connect(config.temporalConnection);
  const bundlePath = process.env.WORKFLOW_BUNDLE;
  // bundled once, whichever queues this process serves
  const workflowBundle = bundlePath ? { codePath: bundlePath } : await bundleWorkflowCode({ workflowsPath: require.resolve('./workflows') });
  const activities = createActivities({ orm, client: dispatcherClient });
  // one worker per task queue, each with slots of its own: fan-out and maintenance can never take what commands need
  const workers = await Promise.all(
    kinds.map((kind) =>
      Worker.create({
        connection,
        namespace: config.temporalNamespace,
        taskQueue: queueName(config.taskQueue, kind),
        workflowBundle,
        activities,
        ...workerHooks,
        ...config.workerSlots[kind],
      }),
    ),
  );
  // webhook fan-out: every fan-out worker polls; one at a time holds the read position
  const dispatching = new AbortController();
  const fanout = kinds.includes('fanout');
  const dispatcher = fanout ? runWebhookDispatcher(orm, dispatcherClient, dispatching.signal) : Promise.resolve();
  // flow triggers: the same kind of poller, with its own read position
  const triggers = fanout ? runFlowTriggers(orm, dispatcherClient, dispatching.signal) : Promise.resolve();
  // message sends whose channel sender was never woken
  const senderSweep = fanout ? runChannelSenderSweep(orm, dispatcherClient, dispatching.signal) : Promise.resolve();
  const stop = () => {
    dispatching.abort();
    for (const w of workers) w.shutdown();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  logger.info({ taskQueues: workers.map((w) => w.options.taskQueue), temporal: summarizeTemporalConnection(config.temporalConnection) }, 'worker started');
  await Promise.all(workers.map((w) => w.run()));
  dispatching.abort();
  await dispatcher;
  await triggers;
  await senderSweep;
  await client.close();
  await connection.close();
  await orm.close();
  logger.info('worker stopped');
}

if (require.main === module) {
  runWorker().catch((err) => {
    logger.error({ err: loggableError(err) }, 'worker failed');
    process.exit(1);
  });
}
