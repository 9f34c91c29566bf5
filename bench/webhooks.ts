// Webhook benchmark (issues 6 and 14): event to first delivery attempt (p50/p95, target p95 under 1 s) and deliveries
// per second to a local receiver (target 250/s for 2,000 events from two bulk calls). The floor, measured in the same
// run against the same receiver: the same signed POSTs (Standard Webhooks headers over the same body) sent straight from the bench process, with no outbox, dispatcher,
// Temporal workflow or delivery records. Starts its own stack; writes bench/results/webhooks-latest.{md,json}.
// Not a test.
//
//   BENCH_WEBHOOK_EVENTS=100   single events, one at a time
//   BENCH_WEBHOOK_BURST=2000   events from bulk calls of up to 1,000 each, sent together (issue 14: two calls, >= 250/s)
//   BENCH_WEBHOOK_FLOOR_IN_FLIGHT=20  floor POSTs in flight at once during its burst
import { randomUUID } from 'node:crypto';
import { createServer, request } from 'node:http';
import { newWebhookSecret, webhookHeaders } from '../src/webhooks/signing';
import { compare, scenarioOf, type BenchReport } from './report';
import { runBench, withBenchStack, writeResults } from './stack';
import { watchMachine } from './sys';

const log = (msg: string) => process.stderr.write(`[bench:webhooks] ${msg}\n`);
const num = (name: string, fallback: number) => (Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback);
const LATENCY_EVENTS = num('BENCH_WEBHOOK_EVENTS', 100);
const BURST = num('BENCH_WEBHOOK_BURST', 2_000);
const BULK_CALLS = Math.ceil(BURST / 1000);
const FLOOR_IN_FLIGHT = num('BENCH_WEBHOOK_FLOOR_IN_FLIGHT', 20);

// wall-clock milliseconds with sub-millisecond resolution (event created_at values are whole milliseconds)
const nowMs = () => performance.timeOrigin + performance.now();

/** One signed POST, as the delivery activity sends it (content type, length, user agent, the three webhook headers). */
function postSigned(url: string, secret: string, id: string, body: string): Promise<number> {
  const headers = webhookHeaders([secret], id, Math.floor(Date.now() / 1000), body);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'SabNode-Webhooks/1', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const machine = watchMachine();
  // the receiver notes when each delivery first arrived, against the event's own created_at
  const firstSeen = new Map<string, { at: number; createdAt: number }>();
  let sampleBody = '';
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      sampleBody ||= body;
      if (!firstSeen.has(id)) firstSeen.set(id, { at: nowMs(), createdAt: Date.parse((JSON.parse(body) as { created_at: string }).created_at) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const address = receiver.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hooks`;
  await withBenchStack('webhooks', { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' }, log, async (stack) => {
    const { apiUrl, key } = stack;
    const call = async (method: string, path: string, body: unknown) => {
      const res = await fetch(`${apiUrl}${path}`, { method, headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: JSON.stringify(body) });
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    // as many attempts in flight as the floor sends POSTs: the same concurrency on both sides
    await call('POST', '/v1/webhook-endpoints', { url, event_types: ['contact.*'], max_concurrency: FLOOR_IN_FLIGHT });
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
    const latApi = [...firstSeen.values()].map((d) => d.at - d.createdAt);
    const latApiSeconds = (Math.max(...[...firstSeen.values()].map((d) => d.at)) - Math.min(...[...firstSeen.values()].map((d) => d.createdAt))) / 1000;

    // floor, one at a time: the same body (a real delivery's), signed and POSTed when the "event" exists
    const secret = newWebhookSecret();
    const floorLat: number[] = [];
    const floorLatStart = performance.now();
    for (let i = 0; i < LATENCY_EVENTS; i++) {
      const id = `msg_floor_lat_${i}`;
      const t = nowMs();
      const status = await postSigned(url, secret, id, sampleBody);
      if (status !== 204) throw new Error(`floor POST: ${status}`);
      floorLat.push(firstSeen.get(id)!.at - t);
    }
    const floorLatSeconds = (performance.now() - floorLatStart) / 1000;

    // a burst: events from bulk calls sent together, then every delivery's arrival counted from the calls' start
    firstSeen.clear();
    const started = nowMs();
    await Promise.all(
      Array.from({ length: BULK_CALLS }, (_, c) => {
        const items = Array.from({ length: Math.min(1000, BURST - c * 1000) }, (_, i) => ({ external_id: `burst-${c}-${i}` }));
        return call('POST', '/v1/contacts/bulk', { items });
      }),
    );
    const callsDone = nowMs() - started;
    await waitFor(BURST, 600_000);
    const burstApi = [...firstSeen.values()].map((d) => d.at - started);
    const burstApiSeconds = Math.max(...burstApi) / 1000;
    // where the time went: the bulk calls, the wait for the first delivery, then the dispatchers' own rate
    const arrivals = [...burstApi].sort((a, b) => a - b);
    const phases = {
      bulkCallsS: +(callsDone / 1000).toFixed(2),
      firstDeliveryS: +(arrivals[0] / 1000).toFixed(2),
      deliveringS: +((arrivals[arrivals.length - 1] - arrivals[0]) / 1000).toFixed(2),
      deliveringPerS: Math.round((arrivals.length - 1) / Math.max(0.001, (arrivals[arrivals.length - 1] - arrivals[0]) / 1000)),
    };
    log(`${BURST} deliveries in ${burstApiSeconds.toFixed(1)} s: ${JSON.stringify(phases)}`);

    // floor burst: the same number of signed POSTs, FLOOR_IN_FLIGHT at a time
    firstSeen.clear();
    const floorStarted = nowMs();
    let next = 0;
    await Promise.all(
      Array.from({ length: FLOOR_IN_FLIGHT }, async () => {
        while (next < BURST) {
          const status = await postSigned(url, secret, `msg_floor_burst_${next++}`, sampleBody);
          if (status !== 204) throw new Error(`floor POST: ${status}`);
        }
      }),
    );
    const burstFloor = [...firstSeen.values()].map((d) => d.at - floorStarted);
    const burstFloorSeconds = Math.max(...burstFloor) / 1000;
    log(`floor: ${BURST} signed POSTs in ${burstFloorSeconds.toFixed(1)} s`);
    const memory = stack.memory();

    const scenarios = [
      scenarioOf(`event committed → first attempt received, ${LATENCY_EVENTS} single events`, latApi, latApiSeconds, { unit: 'deliveries' }),
      scenarioOf(`signed POST → received, ${LATENCY_EVENTS} one at a time`, floorLat, floorLatSeconds, { unit: 'deliveries', floor: true }),
      scenarioOf(`${BURST} events from ${BULK_CALLS} bulk calls: calls' start → each delivery received`, burstApi, burstApiSeconds, { unit: 'deliveries' }),
      scenarioOf(`${BURST} signed POSTs, ${FLOOR_IN_FLIGHT} in flight: start → each received`, burstFloor, burstFloorSeconds, { unit: 'deliveries', floor: true }),
    ];
    const p95 = scenarios[0].p95Ms ?? Infinity;
    const perSecond = BURST / burstApiSeconds;
    const report: BenchReport = {
      name: 'webhooks',
      title: 'Webhook benchmark',
      at: new Date().toISOString(),
      machine: machine.end(),
      floorNote: `the same signed POSTs (Standard Webhooks headers over a real delivery's body) sent straight from the bench process to the same receiver, one at a time and then ${FLOOR_IN_FLIGHT} in flight; no outbox, dispatcher, Temporal workflow or delivery records.`,
      scenarios,
      comparisons: [compare(scenarios[0], scenarios[1]), compare(scenarios[2], scenarios[3])],
      targets: [
        { name: 'event to first attempt p95 < 1,000 ms', value: `${p95.toFixed(0)} ms`, pass: p95 < 1000 },
        { name: `${BURST} events from ${BULK_CALLS} bulk calls delivered at >= 250/s`, value: `${perSecond.toFixed(0)}/s`, pass: perSecond >= 250 },
      ],
      memory,
      settings: { latencyEvents: LATENCY_EVENTS, burst: BURST, floorInFlight: FLOOR_IN_FLIGHT },
      detail: { burstSeconds: { api: +burstApiSeconds.toFixed(1), floor: +burstFloorSeconds.toFixed(1) }, burstPhases: phases },
    };
    writeResults(report, ['## Detail', '', `Own PostgreSQL 17, Temporal dev server, one API and one worker; the receiver answers 204 on 127.0.0.1. ${BURST} deliveries from ${BULK_CALLS} bulk calls took ${burstApiSeconds.toFixed(1)} s (the bulk calls answered after ${phases.bulkCallsS} s, the first delivery arrived at ${phases.firstDeliveryS} s, then ${phases.deliveringPerS} deliveries/s for ${phases.deliveringS} s); the floor's ${BURST} signed POSTs ${burstFloorSeconds.toFixed(1)} s.`].join('\n'));
  }).finally(() => receiver.close());
}

runBench(main, log);
