// Bulk benchmark (issue 5): p50 of a 1,000-contact POST /v1/contacts/bulk, and 50,000 contacts through 50 bulk
// calls. Starts its own PostgreSQL, Temporal, worker and API; writes bench/results/bulk-latest.{md,json}. Not a test.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { startBenchStack, writeResults, type BenchStack } from './stack';

const log = (msg: string) => process.stderr.write(`[bench:bulk] ${msg}\n`);
const LATENCY_RUNS = Number(process.env.BENCH_BULK_RUNS ?? 9);
const THROUGHPUT_CALLS = 50;
const THROUGHPUT_CONCURRENCY = Number(process.env.BENCH_BULK_CONCURRENCY ?? 4);
const ITEMS = 1_000;

let nextPhone = 9_100_000_000;
const batch = (tag: string) => Array.from({ length: ITEMS }, (_, i) => ({ phone: `+91${nextPhone++}`, first_name: `Bench${i}`, external_id: `${tag}-${i}`, attributes: { plan: 'pro' } }));

async function main(): Promise<void> {
  let stack: BenchStack | undefined;
  process.once('SIGINT', () => void stack?.teardown.run(log).finally(() => process.exit(130)));
  try {
    stack = await startBenchStack('bulk', { BULK_SYNC_WAIT_MS: '60000' }, log);
    const { apiUrl, key, workspaceId, orm } = stack;
    const post = async (items: unknown[]): Promise<{ ms: number; status: number; failed: number }> => {
      const t = performance.now();
      const res = await fetch(`${apiUrl}/v1/contacts/bulk`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({ items }),
      });
      const body = (await res.json()) as { failed?: number };
      return { ms: performance.now() - t, status: res.status, failed: body.failed ?? -1 };
    };

    // warm-up: compiles, connection pools, the first workflow task
    await post(batch('warm'));
    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_RUNS; i++) {
      const r = await post(batch(`lat${i}`));
      if (r.status !== 200 || r.failed !== 0) throw new Error(`latency run ${i}: status ${r.status}, failed ${r.failed}`);
      latencies.push(r.ms);
      log(`1,000 contacts: ${r.ms.toFixed(0)} ms`);
    }
    latencies.sort((a, b) => a - b);
    const p50 = latencies[Math.floor(latencies.length / 2)];

    const started = performance.now();
    let next = 0;
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: THROUGHPUT_CONCURRENCY }, async () => {
        while (next < THROUGHPUT_CALLS) {
          const n = next++;
          const r = await post(batch(`tp${n}`));
          statuses.push(r.status);
          if (r.status !== 200 || r.failed !== 0) throw new Error(`throughput call ${n}: status ${r.status}, failed ${r.failed}`);
        }
      }),
    );
    const totalS = (performance.now() - started) / 1000;
    const [{ n }] = await orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from contacts where workspace_id = ?', [workspaceId]);

    const result = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version },
      upsert1000: { runs: LATENCY_RUNS, p50Ms: +p50.toFixed(0), minMs: +latencies[0].toFixed(0), maxMs: +latencies[latencies.length - 1].toFixed(0), targetMs: 1500 },
      contacts50000: { calls: THROUGHPUT_CALLS, concurrency: THROUGHPUT_CONCURRENCY, seconds: +totalS.toFixed(1), contactsPerSecond: Math.round((THROUGHPUT_CALLS * ITEMS) / totalS), targetSeconds: 30 },
      contactsInWorkspace: Number(n),
    };
    const md = [
      '# Bulk benchmark',
      '',
      `${result.at}; ${result.machine.cpus} cores (${result.machine.cpuModel}), node ${result.machine.node}; own PostgreSQL 17, Temporal dev server, one API and one worker.`,
      '',
      '| measure | result | target |',
      '|---|---|---|',
      `| 1,000-contact upsert, p50 of ${LATENCY_RUNS} (min–max) | ${result.upsert1000.p50Ms} ms (${result.upsert1000.minMs}–${result.upsert1000.maxMs}) | < 1,500 ms |`,
      `| 50,000 contacts in 50 bulk calls, ${THROUGHPUT_CONCURRENCY} at a time | ${result.contacts50000.seconds} s (${result.contacts50000.contactsPerSecond} contacts/s) | < 30 s |`,
      '',
    ].join('\n');
    writeResults('bulk', result, md);
  } finally {
    await stack?.teardown.run(log);
  }
}

main().catch((err: Error) => {
  log(`failed: ${err.stack ?? err.message}`);
  process.exitCode = 1;
});
