import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { queueName, type QueueKind } from '../src/engine/queues';
import { LOG_DIR, spawnWorker, type Proc } from './support/processes';
import { stack } from './support/stack';
import { waitFor } from './support/wait';

// WORKER_TASK_QUEUES: a worker process serves the queues it names and no other, so production can run (and scale) one
// worker service per queue.

let connection: Connection;
const procs: Proc[] = [];

beforeAll(async () => {
  connection = await Connection.connect({ address: stack().env.TEMPORAL_ADDRESS });
});

afterAll(async () => {
  await Promise.all(procs.map((p) => p.stop()));
  await connection.close();
});

async function pollerPids(queue: string): Promise<number[]> {
  const r = await connection.workflowService.describeTaskQueue({
    namespace: 'default',
    taskQueue: { name: queue },
    taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  return (r.pollers ?? []).map((p) => Number(/^(\d+)@/.exec(p.identity ?? '')?.[1]));
}

describe('WORKER_TASK_QUEUES', () => {
  it('a worker serves only the queues it names', async () => {
    // a queue of its own, so no other worker of the suite polls it; commands only: no poller, no backup schedule
    const base = `wq-${randomUUID().slice(0, 8)}`;
    const worker = await spawnWorker('worker-commands-only', { ...stack().env, TEMPORAL_TASK_QUEUE: base, WORKER_TASK_QUEUES: 'commands' });
    procs.push(worker);
    const pid = worker.child.pid!;
    const by = (kind: QueueKind) => pollerPids(queueName(base, kind));
    expect(await waitFor(() => by('commands'), (pids) => pids.includes(pid), 20_000)).toContain(pid);
    expect(await by('fanout')).not.toContain(pid);
    expect(await by('maintenance')).not.toContain(pid);
  }, 90_000);

  it('refuses a queue it does not know, naming the setting', async () => {
    await expect(spawnWorker('worker-bad-queues', { ...stack().env, WORKER_TASK_QUEUES: 'commands,webhooks' })).rejects.toThrow(/exited with 1/);
    const log = readFileSync(join(LOG_DIR, 'worker-bad-queues.log'), 'utf8');
    expect(log).toContain('WORKER_TASK_QUEUES names webhooks');
  }, 90_000);
});
