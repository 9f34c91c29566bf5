import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { freePort } from '../src/stack/embedded';
import { client } from './support/client';
import { spawnApi, spawnWorker, type Proc } from './support/processes';
import { closeDb, newWorkspace, sql, stack, type TestWorkspace } from './support/stack';
import { waitFor } from './support/wait';

// API_EMBEDDED_WORKER=1: the API process runs a worker for the commands queue, and nothing else, and starts its
// commands eagerly on it. When that process dies holding a command's first workflow task, the server gives the task
// to another worker after the workflow task timeout: the command still completes, once.

const { TaskQueueType, TaskQueueKind, EventType } = temporal.api.enums.v1;
const queue = `sabnode-embedded-${randomBytes(3).toString('hex')}`;
let ws: TestWorkspace;
let connection: Connection;
let engine: Client;
let api: Proc | null = null;
let worker: Proc | null = null;
let apiUrl: string;

const env = () => ({ ...stack().env, TEMPORAL_TASK_QUEUE: queue, API_EMBEDDED_WORKER: '1', COMMAND_WAIT_MS: '3000' });

async function startApi(name: string): Promise<Proc> {
  const port = await freePort();
  apiUrl = `http://127.0.0.1:${port}`;
  const proc = await spawnApi(name, port, env());
  await waitFor(async () => readFileSync(proc.logFile, 'utf8'), (log) => log.includes('"embedded commands worker started"'), 60_000, 200);
  return proc;
}

async function pollers(name: string, type: number): Promise<string[]> {
  const res = await connection.workflowService.describeTaskQueue({ namespace: 'default', taskQueue: { name, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL }, taskQueueType: type });
  return (res.pollers ?? []).map((p) => p.identity ?? '');
}

/** the API's Temporal client calls so far, by method (its /metrics) */
async function temporalCalls(): Promise<Map<string, number>> {
  const text = await (await fetch(`${apiUrl}/metrics`, { headers: { Authorization: `Bearer ${stack().env.OPS_TOKEN}` } })).text();
  const calls = new Map<string, number>();
  for (const m of text.matchAll(/^sabnode_temporal_rpcs_total\{[^}]*method="(\w+)"[^}]*\} (\d+)/gm)) calls.set(m[1], (calls.get(m[1]) ?? 0) + Number(m[2]));
  return calls;
}

/** identities of the workers that ran a workflow's tasks, in order */
async function taskRunners(workflowId: string): Promise<string[]> {
  const history = await engine.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED).map((e) => e.workflowTaskStartedEventAttributes?.identity ?? '');
}

beforeAll(async () => {
  ws = await newWorkspace();
  connection = await Connection.connect({ address: stack().env.TEMPORAL_ADDRESS });
  engine = new Client({ connection });
});

afterAll(async () => {
  await api?.stop(true);
  await worker?.stop();
  await connection.close();
  await closeDb();
});

describe('the commands worker inside an API process', () => {
  it('runs the API\'s commands with no worker process at all, and polls only the commands queue', async () => {
    api = await startApi('embedded-api-1');
    const before = await temporalCalls();
    const res = await client(ws.key, { baseUrl: apiUrl }).post('/v1/contacts', { body: { phone: '+919844400001', first_name: 'Eager' }, headers: { 'Idempotency-Key': `emb-${queue}-1` } });
    expect(res.status).toBe(201);
    // the worker that ran it told the waiting request: one start, and no long poll on the workflow's history
    const after = await temporalCalls();
    expect((after.get('startWorkflowExecution') ?? 0) - (before.get('startWorkflowExecution') ?? 0)).toBe(1);
    expect((after.get('getWorkflowExecutionHistory') ?? 0) - (before.get('getWorkflowExecutionHistory') ?? 0)).toBe(0);
    const [claim] = await sql<{ workflow_id: string }>(`select workflow_id from idempotency_keys where workspace_id = ? and state = 'completed'`, [ws.workspaceId]);
    expect(await taskRunners(claim.workflow_id)).toEqual([expect.stringContaining(`${api.child.pid}@`)]);

    expect((await pollers(queue, TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW)).some((id) => id.startsWith(`${api!.child.pid}@`))).toBe(true);
    for (const other of [`${queue}-fanout`, `${queue}-maintenance`]) {
      expect(await pollers(other, TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW)).toEqual([]);
      expect(await pollers(other, TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY)).toEqual([]);
    }
  });

  it('a command whose API process froze and died mid-task is finished by another worker, once', async () => {
    // freeze the API (SIGSTOP) the moment its first claims appear, so some commands are started and held by its
    // worker; a few tries, in case a loaded machine let every command finish first
    let held: { id: string; workflow_id: string }[] = [];
    let round = 0;
    for (; round < 4 && !held.length; round++) {
      api ??= await startApi(`embedded-api-${round + 2}`);
      const pid = api.child.pid!;
      const api0 = client(ws.key, { baseUrl: apiUrl });
      const since = new Date();
      const posts = Array.from({ length: 20 }, (_, i) =>
        api0.post('/v1/contacts', { body: { phone: `+9198445${String(round * 100 + i).padStart(5, '0')}`, first_name: 'Held' }, headers: { 'Idempotency-Key': `held-${queue}-${round}-${i}` } }).catch(() => null),
      );
      const pendingStarted = async () => {
        const pending = await sql<{ id: string; workflow_id: string }>(`select id, workflow_id from idempotency_keys where workspace_id = ? and state = 'pending' and created_at >= ?`, [ws.workspaceId, since]);
        const started = await Promise.all(pending.map((p) => engine.workflow.getHandle(p.workflow_id).describe().then(() => true, () => false)));
        return pending.filter((_, i) => started[i]);
      };
      // stop it once a command is started in Temporal and not yet finished
      await waitFor(pendingStarted, (rows) => rows.length > 0, 20_000, 1).catch(() => undefined);
      process.kill(pid, 'SIGSTOP');
      const proc = api;
      api = null;
      held = await pendingStarted();
      proc.child.kill('SIGKILL');
      await proc.stop(true);
      await Promise.all(posts);
    }
    expect(held.length).toBeGreaterThan(0);

    // nothing retries these requests: the server hands the held tasks to the worker process that starts now
    worker = await spawnWorker('embedded-standby-worker', env());
    const done = await waitFor(
      () => sql<{ id: string }>(`select id from idempotency_keys where id in (?) and state = 'completed'`, [held.map((h) => h.id)]),
      (rows) => rows.length === held.length,
      60_000,
      250,
    );
    expect(done).toHaveLength(held.length);
    for (const h of held) {
      const runners = await taskRunners(h.workflow_id);
      expect(runners[runners.length - 1]).toContain(`${worker.child.pid}@`);
      expect(await engine.workflow.getHandle(h.workflow_id).result()).toMatchObject({ status: 201 });
    }
    // once: one contact per finished command, and the commands that never reached Temporal wrote nothing
    const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from contacts where workspace_id = ? and first_name = 'Held'`, [ws.workspaceId]);
    const [{ c }] = await sql<{ c: number }>(`select count(*)::int as c from idempotency_keys where workspace_id = ? and operation_id = 'createContact' and state = 'completed' and request->'body'->>'first_name' = 'Held'`, [ws.workspaceId]);
    expect(n).toBe(c);
  });
});
