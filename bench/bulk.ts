// Bulk benchmark (issue 5): a 1,000-contact POST /v1/contacts/bulk (p50 of sequential calls), and 50,000 contacts
// through 50 bulk calls a few at a time. The floor, measured in the same run against the same PostgreSQL: the same
// upserts as one SQL transaction per 1,000-item chunk (lock the matching rows, insert the contacts and their
// contact.created events), with no HTTP, validation, idempotency, Temporal or per-item results.
// Starts its own PostgreSQL, Temporal, worker and API; writes bench/results/bulk-latest.{md,json}. Not a test.
//
//   BENCH_BULK_RUNS=9          sequential 1,000-contact calls (and as many floor transactions, interleaved)
//   BENCH_BULK_CALLS=50        calls of 1,000 in the throughput phase
//   BENCH_BULK_CONCURRENCY=4   calls (and floor transactions) in flight at once
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { newId } from '../src/ids';
import { compare, scenarioOf, type BenchReport } from './report';
import { runBench, withBenchStack, writeResults } from './stack';
import { watchMachine } from './sys';

const log = (msg: string) => process.stderr.write(`[bench:bulk] ${msg}\n`);
const num = (name: string, fallback: number) => (Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback);
const LATENCY_RUNS = num('BENCH_BULK_RUNS', 9);
const THROUGHPUT_CALLS = num('BENCH_BULK_CALLS', 50);
const THROUGHPUT_CONCURRENCY = num('BENCH_BULK_CONCURRENCY', 4);
const ITEMS = 1_000;

interface Item {
  phone: string;
  first_name: string;
  external_id: string;
  attributes: Record<string, string>;
}
let nextPhone = 9_100_000_000;
const batch = (tag: string): Item[] => Array.from({ length: ITEMS }, (_, i) => ({ phone: `+91${nextPhone++}`, first_name: `Bench${i}`, external_id: `${tag}-${i}`, attributes: { plan: 'pro' } }));

// the floor's chunk: the rows a bulk upsert of new contacts writes, in one transaction
const LOCK_SQL = `select id from contacts where workspace_id = $1 and deleted_at is null
  and (phone = any($2::text[]) or external_id = any($3::text[])) order by id for update`;
const INSERT_CONTACTS_SQL = `insert into contacts (id, workspace_id, phone, email, first_name, last_name, external_id, attributes, version, created_at, updated_at)
  select r.id, $1, r.phone, null, r.first_name, null, r.external_id, r.attributes, 1, $3, $3
  from jsonb_to_recordset($2::jsonb) as r(id text, phone text, first_name text, external_id text, attributes jsonb)`;
const INSERT_EVENTS_SQL = `insert into events (id, workspace_id, type, object_type, object_id, sequence, data, request_id, created_at)
  select r.id, $1, 'contact.created', 'contact', r.object_id, 1, r.data, $3, $4
  from jsonb_to_recordset($2::jsonb) as r(id text, object_id text, data jsonb)`;

async function floorChunk(pool: Pool, workspaceId: string, items: Item[]): Promise<number> {
  const t = performance.now();
  const now = new Date();
  const rows = items.map((i) => ({ id: newId('ctc'), ...i }));
  const events = rows.map((r) => ({
    id: newId('evt'),
    object_id: r.id,
    data: { object: { id: r.id, object: 'contact', phone: r.phone, email: null, first_name: r.first_name, last_name: null, external_id: r.external_id, attributes: r.attributes, tags: [], created_at: now.toISOString(), updated_at: now.toISOString() } },
  }));
  const client = await pool.connect();
  try {
    await client.query('begin');
    const locked = await client.query(LOCK_SQL, [workspaceId, rows.map((r) => r.phone), rows.map((r) => r.external_id)]);
    if (locked.rowCount) throw new Error(`floor chunk: ${locked.rowCount} contacts already exist`);
    await client.query(INSERT_CONTACTS_SQL, [workspaceId, JSON.stringify(rows), now]);
    await client.query(INSERT_EVENTS_SQL, [workspaceId, JSON.stringify(events), `req_${randomUUID().replace(/-/g, '')}`, now]);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return performance.now() - t;
}

/** `calls` jobs, `concurrency` at a time; per-job latencies (ms) and the wall time (s). */
async function inParallel(calls: number, concurrency: number, job: (n: number) => Promise<number>): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < calls) latencies.push(await job(next++));
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const machine = watchMachine();
  await withBenchStack('bulk', { BULK_SYNC_WAIT_MS: '60000' }, log, async (stack) => {
    const { apiUrl, key, workspaceId, orm } = stack;
    const pool = new Pool({ connectionString: stack.databaseUrl, max: 20 });
    pool.on('error', (err) => log(`floor pool: ${err.message}`));
    stack.teardown.add('floor pool', () => pool.end());
    const post = async (items: Item[], what: string): Promise<number> => {
      const t = performance.now();
      const res = await fetch(`${apiUrl}/v1/contacts/bulk`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({ items }),
      });
      const body = (await res.json()) as { failed?: number };
      const ms = performance.now() - t;
      if (res.status !== 200 || body.failed !== 0) throw new Error(`${what}: status ${res.status}, failed ${body.failed}`);
      return ms;
    };

    // warm-up: compiles, connection pools, the first workflow task
    await post(batch('warm'), 'warm-up');
    await floorChunk(pool, workspaceId, batch('floor-warm'));
    // sequential, API and floor interleaved so both see the same conditions
    const lat = { api: [] as number[], floor: [] as number[] };
    const latSeconds = { api: 0, floor: 0 };
    for (let i = 0; i < LATENCY_RUNS; i++) {
      const a = await post(batch(`lat${i}`), `latency run ${i}`);
      const f = await floorChunk(pool, workspaceId, batch(`floor-lat${i}`));
      lat.api.push(a);
      lat.floor.push(f);
      latSeconds.api += a / 1000;
      latSeconds.floor += f / 1000;
      log(`1,000 contacts: API ${a.toFixed(0)} ms, floor ${f.toFixed(0)} ms`);
    }
    const tpApi = await inParallel(THROUGHPUT_CALLS, THROUGHPUT_CONCURRENCY, (n) => post(batch(`tp${n}`), `throughput call ${n}`));
    log(`${THROUGHPUT_CALLS} x 1,000 through the API: ${tpApi.seconds.toFixed(1)} s`);
    const tpFloor = await inParallel(THROUGHPUT_CALLS, THROUGHPUT_CONCURRENCY, (n) => floorChunk(pool, workspaceId, batch(`floor-tp${n}`)));
    log(`${THROUGHPUT_CALLS} x 1,000 as SQL transactions: ${tpFloor.seconds.toFixed(1)} s`);

    const [{ n }] = await orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from contacts where workspace_id = ?', [workspaceId]);
    const expected = 2 * ITEMS * (1 + LATENCY_RUNS + THROUGHPUT_CALLS);
    if (Number(n) !== expected) throw new Error(`expected ${expected} contacts in the workspace, found ${n}`);
    const memory = stack.memory();

    const total = THROUGHPUT_CALLS * ITEMS;
    const scenarios = [
      scenarioOf('POST /v1/contacts/bulk, 1,000 contacts, sequential', lat.api, latSeconds.api, { unit: 'contacts', unitsPerOp: ITEMS }),
      scenarioOf('1,000 upserts in one SQL transaction, sequential', lat.floor, latSeconds.floor, { unit: 'contacts', unitsPerOp: ITEMS, floor: true }),
      scenarioOf(`${total.toLocaleString('en')} contacts: ${THROUGHPUT_CALLS} bulk calls, ${THROUGHPUT_CONCURRENCY} at a time`, tpApi.latencies, tpApi.seconds, { unit: 'contacts', unitsPerOp: ITEMS }),
      scenarioOf(`${total.toLocaleString('en')} contacts: ${THROUGHPUT_CALLS} SQL transactions, ${THROUGHPUT_CONCURRENCY} at a time`, tpFloor.latencies, tpFloor.seconds, { unit: 'contacts', unitsPerOp: ITEMS, floor: true }),
    ];
    const p50 = scenarios[0].p50Ms ?? Infinity;
    const report: BenchReport = {
      name: 'bulk',
      title: 'Bulk benchmark',
      at: new Date().toISOString(),
      machine: machine.end(),
      floorNote: 'the same 1,000-contact chunks written straight to PostgreSQL, one transaction each (lock matching rows, insert the contacts and their contact.created events), from the bench process; no HTTP, validation, idempotency, Temporal or per-item results.',
      scenarios,
      comparisons: [compare(scenarios[0], scenarios[1]), compare(scenarios[2], scenarios[3])],
      targets: [
        { name: '1,000-contact upsert p50 < 1,500 ms', value: `${p50.toFixed(0)} ms`, pass: p50 < 1500 },
        // the target is 50,000 in 30 s; a scaled-down run is held to the same rate
        { name: `${total.toLocaleString('en')} contacts < ${(30 * total) / 50_000} s${total === 50_000 ? '' : ' (50,000 in 30 s, scaled)'}`, value: `${tpApi.seconds.toFixed(1)} s`, pass: tpApi.seconds < (30 * total) / 50_000 },
      ],
      memory,
      settings: { latencyRuns: LATENCY_RUNS, throughputCalls: THROUGHPUT_CALLS, concurrency: THROUGHPUT_CONCURRENCY, itemsPerCall: ITEMS },
      detail: { contactsInWorkspace: Number(n), throughputSeconds: { api: +tpApi.seconds.toFixed(1), floor: +tpFloor.seconds.toFixed(1) } },
    };
    writeResults(report, ['## Detail', '', `Own PostgreSQL 17, Temporal dev server, one API and one worker. ${LATENCY_RUNS} sequential 1,000-contact calls interleaved with as many floor transactions; then ${THROUGHPUT_CALLS} calls ${THROUGHPUT_CONCURRENCY} at a time (API ${tpApi.seconds.toFixed(1)} s, floor ${tpFloor.seconds.toFixed(1)} s). ${Number(n).toLocaleString('en')} contacts in the workspace afterwards, as expected.`].join('\n'));
  });
}

runBench(main, log);
