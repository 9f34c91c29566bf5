// Webhook benchmark (issue 6): event to first delivery attempt (p50/p95, target p95 under 1 s) and deliveries per
// second to a local receiver. Starts its own stack; writes bench/results/webhooks-latest.{md,json}. Not a test.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import os from 'node:os';
import { latencyStats } from './load';
import { startBenchStack, writeResults, type BenchStack } from './stack';

const log = (msg: string) => process.stderr.write(`[bench:webhooks] ${msg}\n`);
const LATENCY_EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 100);
const THROUGHPUT_EVENTS = 1_000;

async function main(): Promise<void> {
  // the receiver notes when each delivery first arrived, against the event's own created_at
  const firstSeen = new Map<string, { at: number; createdAt: number }>();
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      if (!firstSeen.has(id)) firstSeen.set(id, { at: Date.now(), createdAt: Date.parse((JSON.parse(body) as { created_at: string }).created_at) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const address = receiver.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hooks`;
  let stack: BenchStack | undefined;
  process.once('SIGINT', () => void stack?.teardown.run(log).finally(() => process.exit(130)));
  try {
    stack = await startBenchStack('webhooks', { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' }, log);
    const { apiUrl, key } = stack;
    const call = async (method: string, path: string, body: unknown) => {
      const res = await fetch(`${apiUrl}${path}`, { method, headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: JSON.stringify(body) });
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    await call('POST', '/v1/webhook-endpoints', { url, event_types: ['contact.*'] });
    const waitFor = async (n: number, timeoutMs: number) => {
      const until = Date.now() + timeoutMs;
      while (firstSeen.size < n && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      if (firstSeen.size < n) throw new Error(`only ${firstSeen.size} of ${n} deliveries arrived`);
    };

    // one event at a time, spaced out, so each latency is the pipeline's and not a queue's
    for (let i = 0; i < LATENCY_EVENTS; i++) {
      await call('POST', '/v1/contacts', { external_id: `lat-${i}` });
      await waitFor(i + 1, 30_000);
    }
    const latencies = [...firstSeen.values()].map((d) => d.at - d.createdAt);
    const lat = latencyStats(latencies);
    log(`event → first attempt: p50 ${lat.p50.toFixed(0)} ms, p95 ${lat.p95.toFixed(0)} ms`);

    // a burst: 1,000 events in one bulk call, then deliveries per second until all arrived
    firstSeen.clear();
    const started = Date.now();
    await call('POST', '/v1/contacts/bulk', { items: Array.from({ length: THROUGHPUT_EVENTS }, (_, i) => ({ external_id: `burst-${i}` })) });
    await waitFor(THROUGHPUT_EVENTS, 300_000);
    const seconds = (Math.max(...[...firstSeen.values()].map((d) => d.at)) - started) / 1000;
    const perSecond = THROUGHPUT_EVENTS / seconds;
    log(`${THROUGHPUT_EVENTS} deliveries in ${seconds.toFixed(1)} s (${perSecond.toFixed(0)}/s)`);

    const result = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version },
      eventToFirstAttempt: { events: LATENCY_EVENTS, p50Ms: +lat.p50.toFixed(0), p95Ms: +lat.p95.toFixed(0), p99Ms: +lat.p99.toFixed(0), targetP95Ms: 1000 },
      burst: { deliveries: THROUGHPUT_EVENTS, seconds: +seconds.toFixed(1), perSecond: +perSecond.toFixed(0) },
    };
    const md = [
      '# Webhook benchmark',
      '',
      `${result.at}; ${result.machine.cpus} cores (${result.machine.cpuModel}), node ${result.machine.node}; own PostgreSQL 17, Temporal dev server, one API and one worker; the receiver answers 204 on 127.0.0.1.`,
      '',
      '| measure | result | target |',
      '|---|---|---|',
      `| event committed → first delivery attempt received, ${LATENCY_EVENTS} single events | p50 ${result.eventToFirstAttempt.p50Ms} ms, p95 ${result.eventToFirstAttempt.p95Ms} ms, p99 ${result.eventToFirstAttempt.p99Ms} ms | p95 < 1,000 ms |`,
      `| ${THROUGHPUT_EVENTS} events from one bulk call, all delivered | ${result.burst.seconds} s (${result.burst.perSecond} deliveries/s) | — |`,
      '',
      `${lat.p95 < 1000 ? 'PASS' : 'MISS'}: event to first attempt p95 < 1 s`,
      '',
    ].join('\n');
    writeResults('webhooks', result, md);
  } finally {
    await stack?.teardown.run(log);
    receiver.close();
  }
}

main().catch((err: Error) => {
  log(`failed: ${err.stack ?? err.message}`);
  process.exitCode = 1;
});
