// Isolation benchmark (issue 14): workspace B's `POST /v1/contacts` alone, then while workspace A has an endpoint that
// answers 500 with thousands of deliveries waiting. Targets: B's p95 at most 1.5x its p95 alone, with no errors; A's
// own API calls still answer; A's whole backlog is at most 2 running workflows. The floor is B alone, in the same run
// on the same stack. Writes bench/results/isolation-latest.{md,json}. Not a test.
//
//   BENCH_ISOLATION_PENDING=5000      A's deliveries waiting (from bulk calls of 1,000)
//   BENCH_ISOLATION_SECONDS=15        each phase of B's load
//   BENCH_ISOLATION_CONNECTIONS=10    B's requests in flight at once
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { compare, scenarioOf, type BenchReport } from './report';
import { runBench, withBenchStack, writeResults } from './stack';
import { watchMachine } from './sys';

const log = (msg: string) => process.stderr.write(`[bench:isolation] ${msg}\n`);
const num = (name: string, fallback: number) => (Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback);
const PENDING = num('BENCH_ISOLATION_PENDING', 5_000);
const SECONDS = num('BENCH_ISOLATION_SECONDS', 15);
const CONNECTIONS = num('BENCH_ISOLATION_CONNECTIONS', 10);

async function main(): Promise<void> {
  const machine = watchMachine();
  let failed = 0;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      failed++;
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const address = receiver.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/fail`;
  await withBenchStack('isolation', { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' }, log, async (stack) => {
    const { ALL_SCOPES, createApiKey, createWorkspace } = await import('../src/admin');
    const workspaceA = await createWorkspace(stack.orm, { name: 'Bench isolation A', rateLimits: { default: 1_000_000 } });
    const { secret: keyA } = await createApiKey(stack.orm, { workspaceId: workspaceA, scopes: ALL_SCOPES, name: 'bench A' });
    const call = async (key: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${stack.apiUrl}${path}`, { method, headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    };
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const temporal = new Client({ connection });
    const runningOfA = async () => {
      let n = 0;
      for await (const wf of temporal.workflow.list({ query: `WorkspaceId = "${workspaceA}" AND ExecutionStatus = "Running"` })) if (!wf.workflowId.includes('/createContact/')) n++;
      return n;
    };

    // B's writes: CONNECTIONS in flight for SECONDS, each latency and each non-201 noted
    let serial = 0;
    const loadB = async (phase: string) => {
      const latencies: number[] = [];
      let errors = 0;
      const until = performance.now() + SECONDS * 1000;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (performance.now() < until) {
            const t = performance.now();
            const res = await call(stack.key, 'POST', '/v1/contacts', { external_id: `${phase}-${serial++}` }).catch(() => ({ status: 0 }));
            if (res.status === 201) latencies.push(performance.now() - t);
            else errors++;
          }
        }),
      );
      return { latencies, errors, seconds: (performance.now() - started) / 1000 };
    };

    log(`B alone: ${CONNECTIONS} connections for ${SECONDS} s`);
    const alone = await loadB('alone');

    // A: an endpoint that answers 500, and PENDING deliveries for it
    const ep = await call(keyA, 'POST', '/v1/webhook-endpoints', { url, event_types: ['contact.created'] });
    if (ep.status !== 201) throw new Error(`endpoint: ${ep.status}`);
    for (let made = 0; made < PENDING; made += 1000) {
      const n = Math.min(1000, PENDING - made);
      const res = await call(keyA, 'POST', '/v1/contacts/bulk', { items: Array.from({ length: n }, (_, i) => ({ external_id: `a-${made + i}` })) });
      if (res.status >= 300) throw new Error(`bulk: ${res.status}`);
    }
    const conn = stack.orm.em.getConnection();
    const waiting = async () => Number((await conn.execute<{ n: string }[]>(`select count(*) as n from webhook_deliveries where workspace_id = ? and status in ('pending', 'failed')`, [workspaceA]))[0].n);
    const until = Date.now() + 300_000;
    while ((await waiting()) < PENDING && Date.now() < until) await new Promise((r) => setTimeout(r, 500));
    log(`A: ${await waiting()} deliveries waiting, ${failed} attempts answered 500 so far`);

    // B again, with A's backlog failing; A's own calls and its running workflows sampled meanwhile
    let maxRunning = 0;
    let callsA = 0;
    let errorsA = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        maxRunning = Math.max(maxRunning, await runningOfA());
        const res = await call(keyA, 'GET', '/v1/contacts?limit=10').catch(() => ({ status: 0 }));
        callsA++;
        if (res.status !== 200) errorsA++;
        await new Promise((r) => setTimeout(r, 1000));
      }
    })();
    log(`B with A's backlog: ${CONNECTIONS} connections for ${SECONDS} s`);
    const withBacklog = await loadB('backlog');
    sampling = false;
    await sampler;
    const waitingAfter = await waiting();
    const deleted = await call(keyA, 'DELETE', `/v1/webhook-endpoints/${String(ep.body.id)}`);
    callsA++;
    if (deleted.status !== 200) errorsA++;
    await connection.close();
    const memory = stack.memory();

    const scenarios = [
      scenarioOf(`B: POST /v1/contacts, ${CONNECTIONS} connections, while A has ${PENDING} deliveries failing`, withBacklog.latencies, withBacklog.seconds, { unit: 'req', errors: withBacklog.errors }),
      scenarioOf(`B: POST /v1/contacts, ${CONNECTIONS} connections, alone`, alone.latencies, alone.seconds, { unit: 'req', errors: alone.errors, floor: true }),
    ];
    const ratio = (scenarios[0].p95Ms ?? Infinity) / (scenarios[1].p95Ms ?? 1);
    const report: BenchReport = {
      name: 'isolation',
      title: 'Isolation benchmark',
      at: new Date().toISOString(),
      machine: machine.end(),
      floorNote: `workspace B's same writes on the same stack before A's backlog existed.`,
      scenarios,
      comparisons: [compare(scenarios[0], scenarios[1])],
      targets: [
        { name: "B's p95 with A's backlog <= 1.5x B alone", value: `${ratio.toFixed(2)}x`, pass: ratio <= 1.5 },
        { name: "B's errors with A's backlog = 0", value: String(withBacklog.errors), pass: withBacklog.errors === 0 },
        { name: "A's own API calls answer (GETs and the DELETE of its endpoint)", value: `${callsA - errorsA}/${callsA}`, pass: errorsA === 0 },
        { name: "running workflows for A's endpoint <= 2", value: String(maxRunning), pass: maxRunning <= 2 },
      ],
      memory,
      settings: { pending: PENDING, seconds: SECONDS, connections: CONNECTIONS },
      detail: { attemptsAnswered500: failed, waitingAtStart: PENDING, waitingAfter },
    };
    writeResults(report, ['## Detail', '', `Own PostgreSQL 17, Temporal dev server, one API and one worker. A's endpoint answered 500 to ${failed} attempts during the run; ${waitingAfter} of its deliveries were still waiting at the end of B's second phase.`].join('\n'));
  }).finally(() => receiver.close());
}

runBench(main, log);
