// The commands worker inside an API process (API_EMBEDDED_WORKER=1). It shares one NativeConnection with a client,
// so a command's start can ask for its first workflow task eagerly: the server hands that task back in the start's
// answer and this process runs it at once, with no matching through the task queue. It serves only the commands
// queue; fan-out and maintenance stay with the worker processes. Nothing depends on it being there: a command whose
// eager task this process cannot finish (it died) is retried by the server on the task queue after the workflow
// task timeout, where any worker takes it.
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities';
import { config } from '../config';
import { logger } from '../logger';
import { workerHooks } from '../engine/worker-runtime';
import { queueName } from '../engine/queues';
import { countTemporalRpcs } from './temporal-rpcs';

export interface CommandsWorker {
  /** the client on the worker's connection while the worker runs, else null (commands then start without eagerness) */
  current(): { client: Client; connection: NativeConnection } | null;
  stop(): Promise<void>;
}

const RETRY_MS = 2_000;

export function startCommandsWorker(orm: MikroORM): CommandsWorker {
  let live: { client: Client; connection: NativeConnection } | null = null;
  let worker: Worker | null = null;
  let stopped = false;
  let wake: (() => void) | null = null;
  const pause = (ms: number) => new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    wake = () => (clearTimeout(t), resolve());
  });

  // connects, runs, and starts over when Temporal goes away or the worker fails; the API serves meanwhile
  const loop = (async () => {
    // bundled at most once per process, and not at all where the bundle was built ahead (WORKFLOW_BUNDLE)
    let workflowBundle: WorkerOptions['workflowBundle'];
    while (!stopped) {
      let connection: NativeConnection | null = null;
      try {
        connection = countTemporalRpcs(await NativeConnection.connect(config.temporalConnection));
        const client = new Client({ connection, namespace: config.temporalNamespace });
        const started = Date.now();
        const w = await Worker.create({
          connection,
          namespace: config.temporalNamespace,
          taskQueue: queueName(config.taskQueue, 'commands'),
          workflowBundle: (workflowBundle ??= await loadBundle()),
          activities: createActivities({ orm, client }),
          ...workerHooks,
          ...config.workerSlots.commands,
        });
        if (stopped) break;
        worker = w;
        const running = w.run();
        live = { client, connection };
        logger.info({ taskQueue: w.options.taskQueue, ms: Date.now() - started }, 'embedded commands worker started');
        await running;
      } catch (err) {
        if (!stopped) logger.warn({ error: (err as Error).message }, 'embedded commands worker stopped; starting it again');
      } finally {
        live = null;
        worker = null;
        await connection?.close().catch(() => undefined);
      }
      if (!stopped) await pause(RETRY_MS);
    }
  })();

  return {
    current: () => live,
    async stop() {
      stopped = true;
      live = null;
      wake?.();
      if (worker?.getState() === 'RUNNING') worker.shutdown();
      await loop;
    },
  };
}

async function loadBundle(): Promise<NonNullable<WorkerOptions['workflowBundle']>> {
  const file = process.env.WORKFLOW_BUNDLE;
  if (file) return { codePath: file };
  return { code: (await bundleWorkflowCode({ workflowsPath: require.resolve('../workflows') })).code };
}
