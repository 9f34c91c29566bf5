// The HTTP benchmark (`npm run bench -- http`): brings up its own PostgreSQL, Temporal dev server, worker and API on
// free ports, seeds 100,000 contacts, and measures list and create against a bare Express + pg floor, then compares
// ways of running a command through Temporal (start + result, update-with-start, eager start on an in-process worker,
// the stored answer through LISTEN/NOTIFY) with the API's own POST, Temporal client round trips counted on each.
// Temporal runs as `npm run dev` starts it: a SQLite file (WAL, synchronous=normal), eager start allowed; the API
// runs its embedded commands worker (API_EMBEDDED_WORKER=1) and a second API without one is measured beside it. Writes bench/results/http-latest.{md,json}. Not a test: it asserts
// nothing, it reports PASS/MISS against the targets.
//
//   BENCH_DURATION=10          seconds per HTTP measurement (after a warm-up)
//   BENCH_WARMUP=3             seconds of warm-up before each HTTP measurement
//   BENCH_TEMPORAL_CALLS=300   sequential calls per Temporal command path
//   BENCH_TEMPORAL_DURATION=8  seconds of 20-in-flight calls per Temporal command path
//   BENCH_CPU_PROF=1           run API, worker and floor under `node --cpu-prof` and summarise where their CPU went
//                              (results go to http-cpuprof-latest.{md,json}: profiling slows the processes down)
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Client as PgClient, Pool } from 'pg';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { ALL_SCOPES, createApiKey, createWorkspace } from '../src/admin';
import { migrate, openOrm } from '../src/db/orm';
import { ensureTemporalBinary, freePort, startPostgres, startTemporal } from '../src/stack/embedded';
import { searchKeys } from '../src/engine/temporal';
import { SEARCH_ATTRIBUTES } from '../src/engine/types';
import { countTemporalRpcs } from '../src/api/temporal-rpcs';
import { BENCH_DONE_CHANNEL, BENCH_TABLE_DDL, createBenchActivities, type BenchCommandOutcome } from './command-paths';
import { runCommandUpdate, startResultCommand, updateWithStartCommand } from './command-paths.workflows';
import { closedLoop, latencyStats, runHttp, sequential, stopLoad, type HttpLoad, type HttpRun, type LatencyStats, type LoopRun } from './load';
import { profilesIn, summarizeProfile, type ProfileSummary, type Window } from './profile';
import { type BenchReport, type ScenarioResult } from './report';
import { DATA_DIR, LOG_DIR, poll, spawnHttp, spawnNode, Teardown, untilReady, writeResults, type Proc } from './stack';
import {
  alive,
  apiServerSide,
  BENCH_OPS_TOKEN,
  cmdline,
  cpuSnapshot,
  cpuUsage,
  descendants,
  NOISE_CORES,
  psLeftovers,
  samplePgActivity,
  scrapeMetrics,
  type ApiServerSide,
  type CpuGroup,
  type CpuUsage,
  type PgActivity,
  watchMachine,
} from './sys';

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const DURATION_S = num('BENCH_DURATION', 10);
const WARMUP_S = num('BENCH_WARMUP', 3);
const TEMPORAL_CALLS = Math.round(num('BENCH_TEMPORAL_CALLS', 300));
const TEMPORAL_CONC_S = num('BENCH_TEMPORAL_DURATION', 8);
const CPU_PROF = process.env.BENCH_CPU_PROF === '1';
const CONTACTS = 100_000;
const READ_CONNECTIONS = 50;
const WRITE_CONNECTIONS = 20;
const TEMPORAL_IN_FLIGHT = 20;
// the API at one connection: what a request costs when nothing queues
const UNLOADED_S = Math.min(5, DURATION_S);
const TASK_QUEUE = 'sabnode-bench';
const PATHS_QUEUE = 'sabnode-bench-command-paths';
const TARGETS = { readP95Ms: 120, readP95VsFloor: 2, postP95Ms: 150, commandRps: 100, commandP95Ms: 400, commandVsBestPath: 0.8 };
const READ_TARGETS = { throughputVsFloor: 0.5, queriesPerRequest: 1.1 };
// the whole run is bounded: past this, tear down and fail
const MAX_RUN_MS = num('BENCH_MAX_SECONDS', 600) * 1000;

// from process start, so the module loading (tsx compiling, Temporal and MikroORM imports) is counted too
const t0 = Date.now() - Math.round(process.uptime() * 1000);
const log = (msg: string) => process.stderr.write(`[bench +${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);
const monoUs = () => Number(process.hrtime.bigint() / 1000n);

const teardown = new Teardown();
let interrupted = false;
const checkInterrupted = () => {
  if (interrupted) throw new Error('interrupted');
};

interface HttpScenario extends HttpRun {
  name: string;
  target: 'api' | 'floor';
  cpu: CpuUsage;
  pgActivity: PgActivity;
  /** CPU milliseconds per completed request, by process group */
  cpuMsPerRequest: Record<string, number>;
  apiServerSide?: ApiServerSide;
  /** commands: the API's Temporal client calls per command started, and the share started eagerly (from its /metrics) */
  temporal?: CommandRpcs;
}

interface CommandRpcs {
  commands: number;
  rpcsPerCommand: number;
  byMethod: Record<string, number>;
  eagerShare: number;
}

/** Temporal client calls per command between two scrapes of an API's /metrics (sabnode_temporal_rpcs_total). */
function commandRpcs(m0: Map<string, number>, m1: Map<string, number>): CommandRpcs | undefined {
  const delta = (prefix: string) => {
    const out: Record<string, number> = {};
    for (const [k, v] of m1) if (k.startsWith(prefix)) out[k.slice(prefix.length).replace(/"?}$/, '')] = v - (m0.get(k) ?? 0);
    return out;
  };
  const starts = delta('sabnode_command_starts_total{eager="');
  const commands = (starts.true ?? 0) + (starts.false ?? 0);
  if (!commands) return undefined;
  const byMethod = Object.fromEntries(Object.entries(delta('sabnode_temporal_rpcs_total{method="')).filter(([, v]) => v > 0).map(([k, v]) => [k, +(v / commands).toFixed(2)]));
  return { commands, rpcsPerCommand: +Object.values(byMethod).reduce((a, b) => a + b, 0).toFixed(2), byMethod, eagerShare: +((starts.true ?? 0) / commands).toFixed(2) };
}

interface TemporalPath {
  name: string;
  description: string;
  /** WorkflowService calls the client made per call at 20 in flight (counted on the client's connection) */
  clientRpcsPerCall: number;
  clientRpcs: Record<string, number>;
  /** share of starts whose first workflow task came back with the start (eager) */
  eagerShare?: number;
  /** the worker's own calls per command, from the sample history: a poll per workflow task not handed over eagerly, a completion per task */
  workerRpcsPerCall: number;
  sequential: LatencyStats & { errors: number; firstError?: string };
  /** start + result only: the `workflow.start` RPC alone, sequential */
  sequentialStartRpc?: LatencyStats;
  concurrent: LoopRun;
  cpuConcurrent: CpuUsage;
  history: string[];
}

interface PostBreakdown {
  scenario: string;
  n: number;
  /** idempotency claim committed -> command activity opened its transaction (Temporal start + task dispatch + local activity) */
  claimToActivityP50: number;
  claimToActivityP95: number;
  /** activity transaction: contact + event + stored response */
  activityP50: number;
  activityP95: number;
  /** claim -> stored response */
  claimToDoneP50: number;
  claimToDoneP95: number;
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    log(`run exceeded ${MAX_RUN_MS / 1000} s; tearing down`);
    interrupted = true;
    stopLoad();
    const tracked = descendants();
    void teardown
      .run(log)
      .then(() => verifyNoLeftovers(tracked))
      .finally(() => process.exit(1));
  }, MAX_RUN_MS);
  watchdog.unref();

  const machineWatch = watchMachine();
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const runId = randomBytes(4).toString('hex');
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAvgAtStart: os.loadavg().map((l) => +l.toFixed(2)),
  };
  log(`machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, node ${machine.node}, load ${machine.loadAvgAtStart.join(' ')}`);
  if (machine.loadAvgAtStart[0] > machine.cpus * 0.5) log(`WARNING: the machine is already busy (1-min load ${machine.loadAvgAtStart[0]}); numbers will be noisy`);

  // each child's log is truncated when it starts; the folder is shared with the other benches (bench/bulk.ts)
  mkdirSync(LOG_DIR, { recursive: true });
  const profDir = join(DATA_DIR, 'bench-prof');
  if (CPU_PROF) rmSync(profDir, { recursive: true, force: true });
  const timings: Record<string, number> = {};
  const mark = (name: string, since: number) => (timings[name] = +((Date.now() - since) / 1000).toFixed(1));

  // ---- 1. the stack ------------------------------------------------------------------------------------------
  let since = Date.now();
  const [pgPort, temporalPort, apiPort, floorPort, apiPlainPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const bin = await ensureTemporalBinary(log);
  const quiet = { trace() {}, debug() {}, info() {}, warn: log, error: log, log() {} } as never;
  const pgDir = join(DATA_DIR, 'bench-pg');
  // after a Ctrl-C the terminal's SIGINT reaches PostgreSQL too, and its shutdown FATALs are noise
  const pgLog = (msg: string) => (interrupted ? undefined : log(msg));
  const pgStarted = startPostgres({ dataDir: pgDir, port: pgPort, log: pgLog, persistent: false });
  // a SQLite file, as `npm run dev` runs it (startTemporal adds the WAL pragmas and allows eager starts)
  const temporalDb = join(DATA_DIR, `bench-temporal-${runId}.db`);
  teardown.add('temporal db file', async () => ['', '-wal', '-shm'].forEach((x) => rmSync(temporalDb + x, { force: true })));
  const temporalStarted = startTemporal({ bin, port: temporalPort, headless: true, dbFile: temporalDb, searchAttributes: SEARCH_ATTRIBUTES, log });
  // register stops as soon as each is up, so a failure of the other still cleans it
  pgStarted.then((pg) => teardown.add('postgres', pg.stop), () => undefined);
  temporalStarted.then((t) => teardown.add('temporal', t.stop), () => undefined);
  const [pg, temporalServer, appBundle, pathsBundle] = await Promise.all([
    pgStarted,
    temporalStarted,
    bundleWorkflowCode({ workflowsPath: require.resolve('../src/workflows'), logger: quiet }),
    bundleWorkflowCode({ workflowsPath: require.resolve('./command-paths.workflows'), logger: quiet }),
  ]);
  checkInterrupted();
  log(`postgres :${pgPort}, temporal ${temporalServer.address} up; workflows bundled`);

  const orm = await openOrm(pg.url);
  teardown.add('orm', () => orm.close());
  await migrate(orm);
  const pool = new Pool({ connectionString: pg.url, max: 25 });
  // an idle client's connection can drop (PostgreSQL stopping): without a listener the Pool would crash the bench
  pool.on('error', (err) => log(`bench pg pool: ${err.message}`));
  teardown.add('bench pg pool', () => pool.end());
  const monitor = new PgClient({ connectionString: pg.url });
  monitor.on('error', (err) => log(`pg monitor: ${err.message}`));
  await monitor.connect();
  teardown.add('pg monitor', () => monitor.end());
  await pool.query(BENCH_TABLE_DDL);

  const workspaceId = await createWorkspace(orm, { name: 'Bench', rateLimits: { default: 1_000_000 } });
  const { secret: apiKey } = await createApiKey(orm, { workspaceId, scopes: ALL_SCOPES, name: 'bench' });

  const bundleFile = join(DATA_DIR, 'bench-workflow-bundle.js');
  writeFileSync(bundleFile, appBundle.code);
  const env = {
    DATABASE_URL: pg.url,
    TEMPORAL_ADDRESS: temporalServer.address,
    SABNODE_SECRET: randomBytes(32).toString('hex'),
    WORKFLOW_BUNDLE: bundleFile,
    TEMPORAL_TASK_QUEUE: TASK_QUEUE,
    OPS_TOKEN: BENCH_OPS_TOKEN,
    TEMPORAL_NAMESPACE: 'default',
    LOG_LEVEL: 'warn',
    // pinned rather than inherited from the caller's environment: loopback only, the same pool size everywhere
    HOST: '127.0.0.1',
    DB_POOL_MAX: '20',
    // as `npm run dev`: the API starts its commands eagerly on its own commands worker
    API_EMBEDDED_WORKER: '1',
  };
  const profArgs = (name: string) => (CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', join(profDir, name)] : []);

  const connection = await Connection.connect({ address: temporalServer.address });
  teardown.add('temporal client', () => connection.close());
  const client = new Client({ connection, namespace: 'default' });

  // seed while the worker, API and floor start (they compile TypeScript on start-up)
  const seeded = (async () => {
    const s = Date.now();
    await seedContacts(pool, workspaceId);
    await pool.query('analyze');
    mark('seed', s);
    log(`seeded ${CONTACTS.toLocaleString('en')} contacts in ${timings.seed} s`);
  })();
  const startWorker = async (): Promise<Proc> => {
    const proc = spawnNode('worker', 'src/worker.ts', env, profArgs('worker'));
    teardown.add('worker', () => proc.stop());
    // the worker logs "worker started" at info, which LOG_LEVEL=warn hides: wait for its pollers instead
    await untilReady(proc, poll('worker pollers', async () => (await taskQueuePollers(connection, TASK_QUEUE)) > 0, 90_000), 90_000);
    return proc;
  };
  const startApi = async (): Promise<Proc> => {
    const proc = await spawnHttp('api', 'src/api/server.ts', apiPort, env, profArgs('api'));
    teardown.add('api', () => proc.stop());
    return proc;
  };
  // the same API without an embedded worker: today's start + result through the task queue, for comparison
  const startApiPlain = async (): Promise<Proc> => {
    const proc = await spawnHttp('api-plain', 'src/api/server.ts', apiPlainPort, { ...env, API_EMBEDDED_WORKER: '0' }, profArgs('api-plain'));
    teardown.add('api without embedded worker', () => proc.stop());
    return proc;
  };
  const startFloor = async (): Promise<Proc> => {
    const proc = await spawnHttp('floor', 'bench/floor-server.ts', floorPort, { DATABASE_URL: pg.url, BENCH_WORKSPACE_ID: workspaceId, DB_POOL_MAX: '20' }, profArgs('floor'));
    teardown.add('floor', () => proc.stop());
    return proc;
  };
  const apiStarting = Date.now();
  const [worker, api, floor, apiPlain] = await Promise.all([startWorker(), startApi(), startFloor(), startApiPlain(), seeded]);
  checkInterrupted();
  // the embedded worker starts after the API listens: wait until it polls the commands queue
  await poll('embedded commands worker', async () => (await taskQueuePollerIds(connection, TASK_QUEUE)).some((id) => id.startsWith(`${api.pid}@`)), 90_000);
  mark('apiEmbeddedWorkerReady', apiStarting);
  mark('startup', since);
  log(`worker pid ${worker.pid}, api pid ${api.pid} (:${apiPort}), floor pid ${floor.pid} (:${floorPort}); stack up in ${timings.startup} s`);

  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const floorUrl = `http://127.0.0.1:${floorPort}`;
  const auth = { Authorization: `Bearer ${apiKey}` };
  const temporalPid = descendants().find((pid) => cmdline(pid).includes('start-dev') && cmdline(pid).includes(`--port ${temporalPort}`));
  const postmasterPid = Number.parseInt(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0], 10);
  const groups: CpuGroup[] = [
    { name: 'api', root: api.pid, tree: true },
    { name: 'api-plain', root: apiPlain.pid, tree: true },
    { name: 'worker', root: worker.pid, tree: true },
    { name: 'floor', root: floor.pid, tree: true },
    { name: 'postgres', root: postmasterPid, tree: true },
    ...(temporalPid ? [{ name: 'temporal', root: temporalPid, tree: true }] : []),
    { name: 'bench', root: process.pid, tree: false },
  ];

  // unique phones / external ids / keys for every POST: seeded phones are +9198 0000 0001 .. 0010 0000
  let apiSeq = 0;
  let floorSeq = 0;
  const contactBody = (n: number, prefix: string) => {
    const phone = `+9198${String(n).padStart(8, '0')}`;
    return JSON.stringify({ phone, email: `bench.${prefix}${n}@example.in`, first_name: 'Bench', last_name: `User ${n}`, external_id: `bench-${runId}-${prefix}-${n}`, attributes: { plan: 'pro', source: 'bench' } });
  };
  const nextApiPost = () => {
    const n = 20_000_000 + apiSeq++;
    return { headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': `bench-${runId}-${n}` }, body: contactBody(n, 'a') };
  };
  const nextFloorPost = () => {
    const n = 30_000_000 + floorSeq++;
    return { headers: { 'Content-Type': 'application/json' }, body: contactBody(n, 'f') };
  };

  await sanityChecks(apiUrl, floorUrl, auth, nextApiPost(), nextFloorPost());
  checkInterrupted();

  // ---- 3. HTTP measurements ----------------------------------------------------------------------------------
  const windows: Window[] = [];
  const measureHttp = async (name: string, target: 'api' | 'floor', load: HttpLoad, operation?: string, warmupS = WARMUP_S, metricsUrl = apiUrl): Promise<HttpScenario> => {
    log(`${name}: warm-up ${warmupS} s`);
    await runHttp({ ...load, durationS: warmupS });
    checkInterrupted();
    log(`${name}: ${load.durationS} s at ${load.connections} connections`);
    const m0 = operation ? await scrapeMetrics(metricsUrl) : undefined;
    const sampler = samplePgActivity(monitor);
    const c0 = cpuSnapshot(groups);
    const w0 = monoUs();
    const run = await runHttp(load);
    const w1 = monoUs();
    const c1 = cpuSnapshot(groups);
    const pgActivity = await sampler.stop();
    const m1 = operation ? await scrapeMetrics(metricsUrl) : undefined;
    checkInterrupted();
    windows.push({ name, startUs: w0, endUs: w1 });
    const cpu = cpuUsage(c0, c1);
    const cpuMsPerRequest = Object.fromEntries(Object.entries(cpu.seconds).map(([k, v]) => [k, run.count ? (1000 * v) / run.count : 0]));
    const scenario: HttpScenario = { name, target, ...run, cpu, pgActivity, cpuMsPerRequest, apiServerSide: m0 && m1 && operation ? apiServerSide(m0, m1, operation) : undefined, temporal: m0 && m1 ? commandRpcs(m0, m1) : undefined };
    log(`${name}: ${run.rps.toFixed(0)} req/s, p50 ${run.p50.toFixed(1)} ms, p95 ${run.p95.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms, non-2xx ${run.non2xx}, errors ${run.errors}`);
    if (cpu.cores.other > NOISE_CORES) log(`WARNING: other processes used ${cpu.cores.other.toFixed(2)} cores during ${name}; its numbers are disturbed (${cpu.topOthers.map((o) => `${o.pid} ${o.cores} cores: ${o.cmd}`).join('; ')})`);
    if (run.non2xx || run.errors || run.timeouts) {
      log(`!!!!!!!! WARNING: ${name} had ${run.non2xx} non-2xx responses, ${run.errors} errors, ${run.timeouts} timeouts: ${JSON.stringify(run.statusCodes)}`);
      for (const e of run.sampleErrors) log(`!!!!!!!!   ${e}`);
    }
    return scenario;
  };

  since = Date.now();
  const listPath = '/v1/contacts?limit=50';
  const getApi = await measureHttp('GET /v1/contacts?limit=50 (API)', 'api', { url: apiUrl + listPath, connections: READ_CONNECTIONS, durationS: DURATION_S, headers: auth }, 'listContacts');
  const getFloor = await measureHttp('GET /v1/contacts?limit=50 (floor)', 'floor', { url: floorUrl + listPath, connections: READ_CONNECTIONS, durationS: DURATION_S });
  const getApi1 = await measureHttp('GET /v1/contacts?limit=50 (API, 1 connection)', 'api', { url: apiUrl + listPath, connections: 1, durationS: UNLOADED_S, headers: auth }, 'listContacts', 1);
  let t = new Date();
  const postApi = await measureHttp('POST /v1/contacts (API)', 'api', { url: `${apiUrl}/v1/contacts`, connections: WRITE_CONNECTIONS, durationS: DURATION_S, method: 'POST', nextRequest: nextApiPost }, 'createContact');
  const postWindow = { from: t, to: new Date() };
  const postFloor = await measureHttp('POST /v1/contacts (floor)', 'floor', { url: `${floorUrl}/v1/contacts`, connections: WRITE_CONNECTIONS, durationS: DURATION_S, method: 'POST', nextRequest: nextFloorPost });
  const apiPlainUrl = `http://127.0.0.1:${apiPlainPort}`;
  const postApiPlain = await measureHttp('POST /v1/contacts (API without embedded worker)', 'api', { url: `${apiPlainUrl}/v1/contacts`, connections: WRITE_CONNECTIONS, durationS: DURATION_S, method: 'POST', nextRequest: nextApiPost }, 'createContact', WARMUP_S, apiPlainUrl);
  t = new Date();
  const postApi1 = await measureHttp('POST /v1/contacts (API, 1 connection)', 'api', { url: `${apiUrl}/v1/contacts`, connections: 1, durationS: UNLOADED_S, method: 'POST', nextRequest: nextApiPost }, 'createContact', 1);
  const post1Window = { from: t, to: new Date() };
  mark('http', since);
  const postBreakdown = [
    await breakdownPosts(pool, workspaceId, postApi.name, postWindow.from, postWindow.to),
    await breakdownPosts(pool, workspaceId, postApi1.name, post1Window.from, post1Window.to),
  ].filter((b): b is PostBreakdown => !!b);
  const apiCreateHistory = await sampleApiHistory(client, pool, workspaceId);

  // ---- 4. Temporal command paths, in-process -----------------------------------------------------------------
  since = Date.now();
  const paths = await measureCommandPaths({ client, connection, address: temporalServer.address, pgUrl: pg.url, pathsBundle: pathsBundle.code, workspaceId, runId, groups, windows });
  mark('temporal', since);

  // ---- 5. stop the stack (profiles are written on exit), then report -----------------------------------------
  since = Date.now();
  const tracked = [...descendants(), ...groups.map((g) => g.root).filter((pid) => pid !== process.pid)];
  await teardown.run(log);
  const leftovers = await verifyNoLeftovers(tracked);
  mark('teardown', since);
  timings.total = +((Date.now() - t0) / 1000).toFixed(1);

  const profiles: ProfileSummary[] = [];
  if (CPU_PROF) {
    for (const name of ['api', 'worker', 'floor']) {
      for (const file of profilesIn(join(profDir, name))) profiles.push(...summarizeProfile(file, windows));
    }
  }

  const http = { getApi, getFloor, getApi1, postApi, postFloor, postApiPlain, postApi1 };
  const ratios = {
    get: { p50: getApi.p50 / getFloor.p50, p95: getApi.p95 / getFloor.p95, throughput: getApi.rps / getFloor.rps },
    post: { p50: postApi.p50 / postFloor.p50, p95: postApi.p95 / postFloor.p95, throughput: postApi.rps / postFloor.rps },
  };
  const targets = [
    { name: `read p95 < ${TARGETS.readP95Ms} ms`, value: `${getApi.p95.toFixed(1)} ms`, pass: getApi.p95 < TARGETS.readP95Ms },
    { name: `read throughput at least ${READ_TARGETS.throughputVsFloor}x the floor's`, value: `${ratios.get.throughput.toFixed(2)}x (${getApi.rps.toFixed(0)} against ${getFloor.rps.toFixed(0)} req/s)`, pass: ratios.get.throughput >= READ_TARGETS.throughputVsFloor },
    // the list query itself; keys come from memory and rate-limit units from leases (one per second here). The
    // margin: requests still in flight when the load stops have sent their query but never finish (up to 50)
    { name: `read: at most ${READ_TARGETS.queriesPerRequest} PostgreSQL statements per request`, value: `${(getApi.apiServerSide?.dbQueriesPerRequest ?? NaN).toFixed(3)}`, pass: (getApi.apiServerSide?.dbQueriesPerRequest ?? Infinity) <= READ_TARGETS.queriesPerRequest },
    { name: `read p95 within ${TARGETS.readP95VsFloor}x the floor's p95`, value: `${ratios.get.p95.toFixed(2)}x (floor ${getFloor.p95.toFixed(1)} ms)`, pass: ratios.get.p95 <= TARGETS.readP95VsFloor },
    { name: `POST p95 < ${TARGETS.postP95Ms} ms`, value: `${postApi.p95.toFixed(1)} ms`, pass: postApi.p95 < TARGETS.postP95Ms },
    ...commandTargets(postApi, paths),
  ];
  const allOk = Object.values(http).every((s) => !s.non2xx && !s.errors && !s.timeouts);
  const result = {
    date: new Date().toISOString(),
    machine,
    settings: { contacts: CONTACTS, durationS: DURATION_S, warmupS: WARMUP_S, readConnections: READ_CONNECTIONS, writeConnections: WRITE_CONNECTIONS, temporalCalls: TEMPORAL_CALLS, temporalInFlight: TEMPORAL_IN_FLIGHT, temporalConcurrentS: TEMPORAL_CONC_S, cpuProfiling: CPU_PROF, dbPoolMax: 20 },
    timings,
    http,
    ratios,
    targets,
    allResponses2xx: allOk,
    postBreakdown,
    apiCreateHistory,
    temporalPaths: paths,
    profiles,
    teardown: { leftovers },
    logs: LOG_DIR,
  };
  const httpScenario = (x: HttpScenario): ScenarioResult => ({
    name: x.name,
    n: x.count,
    errors: x.non2xx + x.errors + x.timeouts,
    p50Ms: +x.p50.toFixed(1),
    p95Ms: +x.p95.toFixed(1),
    p99Ms: +x.p99.toFixed(1),
    throughput: +x.rps.toFixed(1),
    unit: 'req',
    ...(x.target === 'floor' ? { floor: true } : {}),
  });
  const pathScenarios = paths.flatMap((p): ScenarioResult[] => [
    { name: `Temporal command path ${p.name}, sequential`, n: p.sequential.count, errors: p.sequential.errors, p50Ms: +p.sequential.p50.toFixed(1), p95Ms: +p.sequential.p95.toFixed(1), p99Ms: +p.sequential.p99.toFixed(1), throughput: null, unit: 'calls' },
    { name: `Temporal command path ${p.name}, ${TEMPORAL_IN_FLIGHT} in flight`, n: p.concurrent.count, errors: p.concurrent.errors, p50Ms: +p.concurrent.p50.toFixed(1), p95Ms: +p.concurrent.p95.toFixed(1), p99Ms: +p.concurrent.p99.toFixed(1), throughput: +p.concurrent.opsPerSec.toFixed(1), unit: 'calls' },
  ]);
  const ratio = (a: number, b: number) => +(a / b).toFixed(2);
  const report: BenchReport<typeof result> = {
    name: CPU_PROF ? 'http-cpuprof' : 'http',
    title: `HTTP read and write benchmark${CPU_PROF ? ' (CPU profiling on: slower than normal)' : ''}`,
    at: result.date,
    machine: machineWatch.end(),
    floorNote: `a bare Express + pg server (bench/floor-server.ts) doing the same SQL as the API's list and create (contact + contact.created event in one transaction), with no auth, rate limit, validation, ORM, idempotency or Temporal; same PostgreSQL, same pool size, same connections. The Temporal command paths are five client paths to the same one-insert command (a worker in the bench process), compared with each other and with the API's POST (no floor).`,
    scenarios: [...[getApi, getFloor, getApi1, postApi, postFloor, postApiPlain, postApi1].map(httpScenario), ...pathScenarios],
    comparisons: [
      { scenario: getApi.name, floor: getFloor.name, ratios: { p50: ratio(getApi.p50, getFloor.p50), p95: ratio(getApi.p95, getFloor.p95), throughput: ratio(getApi.rps, getFloor.rps) } },
      { scenario: postApi.name, floor: postFloor.name, ratios: { p50: ratio(postApi.p50, postFloor.p50), p95: ratio(postApi.p95, postFloor.p95), throughput: ratio(postApi.rps, postFloor.rps) } },
    ],
    targets,
    memory: { api: api.memory(), apiWithoutEmbeddedWorker: apiPlain.memory(), worker: worker.memory(), floor: floor.memory() },
    settings: result.settings,
    detail: result,
  };
  writeResults(report, renderMarkdown(result));
  log(`wrote bench/results/${report.name}-latest.md and .json at ${new Date().toISOString()}; total ${timings.total} s`);
  if (!allOk) log('!!!!!!!! WARNING: some responses were not 2xx; see the table');
  clearTimeout(watchdog);
}

// ---- helpers -------------------------------------------------------------------------------------------------

function commandTargets(postApi: HttpScenario, paths: TemporalPath[]): { name: string; value: string; pass: boolean }[] {
  const best = paths.reduce<TemporalPath | undefined>((b, p) => (!b || p.concurrent.opsPerSec > b.concurrent.opsPerSec ? p : b), undefined);
  const vsBest = best ? postApi.rps / best.concurrent.opsPerSec : 0;
  return [
    { name: `POST /v1/contacts at ${WRITE_CONNECTIONS} connections >= ${TARGETS.commandRps} req/s`, value: `${postApi.rps.toFixed(0)} req/s`, pass: postApi.rps >= TARGETS.commandRps },
    { name: `POST /v1/contacts at ${WRITE_CONNECTIONS} connections p95 < ${TARGETS.commandP95Ms} ms`, value: `${postApi.p95.toFixed(1)} ms`, pass: postApi.p95 < TARGETS.commandP95Ms },
    {
      name: `POST /v1/contacts >= ${TARGETS.commandVsBestPath}x the best raw engine path's throughput`,
      value: best ? `${vsBest.toFixed(2)}x (${best.name}: ${best.concurrent.opsPerSec.toFixed(0)}/s)` : 'no path measured',
      pass: vsBest >= TARGETS.commandVsBestPath,
    },
  ];
}

/** identities (`pid@host`) of the workers polling a task queue for workflow tasks */
async function taskQueuePollerIds(connection: Connection, taskQueue: string): Promise<string[]> {
  const res = await connection.workflowService.describeTaskQueue({
    namespace: 'default',
    taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
    taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  return (res.pollers ?? []).map((p) => p.identity ?? '');
}

async function taskQueuePollers(connection: Connection, taskQueue: string): Promise<number> {
  const res = await connection.workflowService.describeTaskQueue({
    namespace: 'default',
    taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
    taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  return res.pollers?.length ?? 0;
}

/** 100,000 contacts: Indian mobile numbers, names, emails (80 %), CRM ids (a third), two years of created_at, 1 % deleted. */
async function seedContacts(pool: Pool, workspaceId: string): Promise<void> {
  await pool.query(
    `
    with v as (
      select array['Aarav','Vivaan','Aditya','Vihaan','Arjun','Sai','Reyansh','Ayaan','Krishna','Ishaan','Ananya','Diya',
                   'Saanvi','Aadhya','Pari','Anika','Navya','Myra','Priya','Kavya','Rohan','Meera','Asha','Nikhil'] as first,
             array['Sharma','Verma','Iyer','Reddy','Nair','Patel','Gupta','Rao','Singh','Das','Menon','Joshi',
                   'Kulkarni','Mehta','Chopra','Banerjee','Pillai','Bose'] as last,
             array['gmail.com','yahoo.co.in','outlook.com','rediffmail.com','example.in'] as domains,
             array['free','starter','pro','enterprise'] as plans,
             array['Mumbai','Delhi','Bengaluru','Chennai','Pune','Hyderabad','Kolkata'] as cities,
             '0123456789abcdefghjkmnpqrstvwxyz'::text as alphabet
    ), r as (
      select i, v.*,
             sha256(convert_to('bench-contact-' || i, 'UTF8')) as h,
             -- ten minutes apart (two years in all), with a few minutes of jitter
             now() - make_interval(mins => ($2::int - i) * 10) - make_interval(secs => (i * 7919) % 540) as ts
      from generate_series(1, $2::int) i, v
    )
    insert into contacts (id, workspace_id, phone, email, first_name, last_name, external_id, attributes, version, created_at, updated_at, deleted_at)
    select 'ctc_' || (select string_agg(substr(alphabet, get_byte(h, k) % 32 + 1, 1), '' order by k) from generate_series(0, 25) k),
           $1,
           '+9198' || lpad(i::text, 8, '0'),
           case when i % 5 <> 0 then lower(first[1 + (i * 7) % 24]) || '.' || lower(last[1 + (i * 13) % 18]) || i || '@' || domains[1 + i % 5] end,
           first[1 + (i * 7) % 24],
           last[1 + (i * 13) % 18],
           case when i % 3 = 0 then 'crm-' || i end,
           jsonb_build_object('plan', plans[1 + i % 4], 'city', cities[1 + i % 7]),
           case when i % 100 = 0 then 2 else 1 end,
           ts,
           case when i % 100 = 0 then ts + interval '1 hour' else ts end,
           case when i % 100 = 0 then ts + interval '1 hour' end
    from r`,
    [workspaceId, CONTACTS],
  );
  const { rows } = await pool.query<{ n: string; bad: string }>(
    `select count(*) as n, count(*) filter (where id !~ '^ctc_[0-9a-z]{26}$' or phone !~ '^\\+[1-9][0-9]{6,14}$') as bad from contacts where workspace_id = $1`,
    [workspaceId],
  );
  if (Number(rows[0].n) !== CONTACTS || Number(rows[0].bad) !== 0) throw new Error(`seed wrote ${rows[0].n} contacts, ${rows[0].bad} with a bad id or phone`);
}

async function sanityChecks(
  apiUrl: string,
  floorUrl: string,
  auth: Record<string, string>,
  apiPost: { headers: Record<string, string>; body: string },
  floorPost: { headers: Record<string, string>; body: string },
): Promise<void> {
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(15_000) });
    const body = (await res.json()) as { data?: { id: string; phone: string }[]; has_more?: boolean };
    if (res.status !== 200 || body.data?.length !== 50 || !body.has_more) throw new Error(`sanity: GET ${url} gave ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    return body.data;
  };
  const [apiRows, floorRows] = await Promise.all([get(`${apiUrl}/v1/contacts?limit=50`, auth), get(`${floorUrl}/v1/contacts?limit=50`)]);
  if (apiRows.map((r) => r.id).join() !== floorRows.map((r) => r.id).join()) throw new Error('sanity: the API and the floor list different contacts');
  if (!/^\+9198\d{8}$/.test(apiRows[0].phone)) throw new Error(`sanity: unexpected phone ${apiRows[0].phone} (masked?)`);
  for (const [url, req] of [
    [`${apiUrl}/v1/contacts`, apiPost],
    [`${floorUrl}/v1/contacts`, floorPost],
  ] as const) {
    const res = await fetch(url, { method: 'POST', headers: req.headers, body: req.body, signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`sanity: POST ${url} gave ${res.status} ${text.slice(0, 300)}`);
  }
  log('sanity checks passed (same 50 contacts from the API and the floor; both POSTs 201)');
}

/** Where a real POST's time went, from the timestamps the API and the command wrote. */
async function breakdownPosts(pool: Pool, workspaceId: string, scenario: string, from: Date, to: Date): Promise<PostBreakdown | undefined> {
  const { rows } = await pool.query<Record<string, number | string>>(
    `with t as (
       select extract(epoch from (c.created_at - i.created_at)) * 1000 as to_activity,
              extract(epoch from (i.completed_at - c.created_at)) * 1000 as activity,
              extract(epoch from (i.completed_at - i.created_at)) * 1000 as to_done
       from idempotency_keys i join contacts c on c.id = (i.response_body::jsonb ->> 'id')
       where i.workspace_id = $1 and i.state = 'completed' and i.created_at >= $2 and i.created_at < $3)
     select count(*)::int as n,
            percentile_cont(0.5) within group (order by to_activity) as a50, percentile_cont(0.95) within group (order by to_activity) as a95,
            percentile_cont(0.5) within group (order by activity) as b50, percentile_cont(0.95) within group (order by activity) as b95,
            percentile_cont(0.5) within group (order by to_done) as c50, percentile_cont(0.95) within group (order by to_done) as c95
     from t`,
    [workspaceId, from, to],
  );
  const r = rows[0];
  if (!r || !Number(r.n)) return undefined;
  return {
    scenario,
    n: Number(r.n),
    claimToActivityP50: Number(r.a50),
    claimToActivityP95: Number(r.a95),
    activityP50: Number(r.b50),
    activityP95: Number(r.b95),
    claimToDoneP50: Number(r.c50),
    claimToDoneP95: Number(r.c95),
  };
}

async function historyOf(client: Client, workflowId: string): Promise<string[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).map((e) => {
    const name = temporal.api.enums.v1.EventType[e.eventType ?? 0] ?? String(e.eventType);
    return name.replace(/^EVENT_TYPE_/, '');
  });
}

async function sampleApiHistory(client: Client, pool: Pool, workspaceId: string): Promise<string[]> {
  const { rows } = await pool.query<{ workflow_id: string }>(`select workflow_id from idempotency_keys where workspace_id = $1 and state = 'completed' limit 1`, [workspaceId]);
  return rows[0] ? historyOf(client, rows[0].workflow_id).catch((e: Error) => [`(history unavailable: ${e.message})`]) : [];
}

async function measureCommandPaths(ctx: {
  client: Client;
  connection: Connection;
  address: string;
  pgUrl: string;
  pathsBundle: string;
  workspaceId: string;
  runId: string;
  groups: CpuGroup[];
  windows: Window[];
}): Promise<TemporalPath[]> {
  const { client, connection } = ctx;
  // every WorkflowService call the bench's clients make, counted against the path being measured
  let countingFor: string | null = null;
  const rpcs = new Map<string, Record<string, number>>();
  const count = (method: string) => {
    if (!countingFor) return;
    const m = rpcs.get(countingFor) ?? {};
    m[method] = (m[method] ?? 0) + 1;
    rpcs.set(countingFor, m);
  };
  countTemporalRpcs(connection, count);
  const activityPool = new Pool({ connectionString: ctx.pgUrl, max: 20 });
  activityPool.on('error', (err) => log(`command-paths pg pool: ${err.message}`));
  // one NativeConnection shared by the worker and a client: what eager start needs (the API's embedded worker does the same)
  const native = countTemporalRpcs(await NativeConnection.connect({ address: ctx.address }), count);
  const eagerClient = new Client({ connection: native, namespace: 'default' });
  // the stored answer announced by NOTIFY, instead of the history long-poll
  const listener = new PgClient({ connectionString: ctx.pgUrl });
  listener.on('error', (err) => log(`command-paths listener: ${err.message}`));
  await listener.connect();
  const waiters = new Map<string, () => void>();
  listener.on('notification', (n) => {
    if (n.payload) waiters.get(n.payload)?.();
  });
  await listener.query(`listen ${BENCH_DONE_CHANNEL}`);
  teardown.add('command-paths listener', () => listener.end());
  const notified = (id: string, ms: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => (waiters.delete(id), reject(new Error(`no NOTIFY for ${id} in ${ms} ms`))), ms);
      waiters.set(id, () => (clearTimeout(timer), waiters.delete(id), resolve()));
    });
  const eagerStarts = new Map<string, { eager: number; all: number }>();
  const noteEager = (path: string, eager: boolean) => {
    if (countingFor !== path) return;
    const e = eagerStarts.get(path) ?? { eager: 0, all: 0 };
    e.all++;
    if (eager) e.eager++;
    eagerStarts.set(path, e);
  };
  const worker = await Worker.create({
    connection: native,
    namespace: 'default',
    taskQueue: PATHS_QUEUE,
    workflowBundle: { code: ctx.pathsBundle },
    activities: createBenchActivities(activityPool),
    // the same limits as src/worker.ts
    maxConcurrentLocalActivityExecutions: 100,
    maxConcurrentWorkflowTaskExecutions: 100,
  });
  const running = worker.run();
  teardown.add('bench command-paths worker', async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running.catch((e: Error) => log(`bench worker: ${e.message}`));
    await native.close();
    await activityPool.end();
  });
  log(`command paths: worker on ${PATHS_QUEUE} running in the bench process`);

  const attrs = (operation: string, id: string) =>
    new TypedSearchAttributes([
      { key: searchKeys.workspaceId, value: ctx.workspaceId },
      { key: searchKeys.operationId, value: operation },
      { key: searchKeys.requestId, value: id },
    ]);
  const check = (out: BenchCommandOutcome, id: string) => {
    if (out.status !== 201 || out.id !== id) throw new Error(`unexpected outcome ${JSON.stringify(out)} for ${id}`);
  };
  const ids: Record<string, string> = {};
  const startRpc: number[] = [];
  const kinds = [
    {
      name: 'start + result',
      description: '`client.workflow.start` (USE_EXISTING) then `handle.result()`; the workflow runs one local activity and returns its outcome',
      async call(label: string, n: number) {
        const id = `bench-sr-${ctx.runId}-${label}-${n}`;
        ids['start + result'] = id;
        const out = await connection.withDeadline(Date.now() + 15_000, async () => {
          const started = performance.now();
          const handle = await client.workflow.start(startResultCommand, {
            workflowId: id,
            taskQueue: PATHS_QUEUE,
            args: [{ id, path: 'start+result' }],
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'ALLOW_DUPLICATE',
            typedSearchAttributes: attrs('benchStartResult', id),
          });
          if (label === 'seq') startRpc.push(performance.now() - started);
          return handle.result();
        });
        check(out, id);
      },
    },
    {
      name: 'eager start + result',
      description: 'the same start with `requestEagerStart`, on a client sharing one `NativeConnection` with the worker in this process (the server hands the first workflow task back with the start), then `handle.result()`',
      async call(label: string, n: number) {
        const id = `bench-eg-${ctx.runId}-${label}-${n}`;
        ids['eager start + result'] = id;
        const out = await native.withDeadline(Date.now() + 15_000, async () => {
          const handle = await eagerClient.workflow.start(startResultCommand, {
            workflowId: id,
            taskQueue: PATHS_QUEUE,
            args: [{ id, path: 'eager' }],
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'ALLOW_DUPLICATE',
            requestEagerStart: true,
            typedSearchAttributes: attrs('benchEager', id),
          });
          noteEager('eager start + result', handle.eagerlyStarted);
          return handle.result();
        });
        check(out, id);
      },
    },
    {
      name: 'start + LISTEN/NOTIFY',
      description: '`client.workflow.start` as today, then the stored answer announced by PostgreSQL `NOTIFY` from the activity\'s write (no history long-poll)',
      async call(label: string, n: number) {
        const id = `bench-ln-${ctx.runId}-${label}-${n}`;
        ids['start + LISTEN/NOTIFY'] = id;
        const done = notified(id, 15_000);
        await connection.withDeadline(Date.now() + 15_000, () =>
          client.workflow.start(startResultCommand, {
            workflowId: id,
            taskQueue: PATHS_QUEUE,
            args: [{ id, path: 'listen', notify: true }],
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'ALLOW_DUPLICATE',
            typedSearchAttributes: attrs('benchListen', id),
          }),
        );
        await done;
      },
    },
    {
      name: 'eager start + LISTEN/NOTIFY',
      description: 'eager start as above, then the answer by `NOTIFY`: one client call per command',
      async call(label: string, n: number) {
        const id = `bench-el-${ctx.runId}-${label}-${n}`;
        ids['eager start + LISTEN/NOTIFY'] = id;
        const done = notified(id, 15_000);
        const handle = await native.withDeadline(Date.now() + 15_000, () =>
          eagerClient.workflow.start(startResultCommand, {
            workflowId: id,
            taskQueue: PATHS_QUEUE,
            args: [{ id, path: 'eager+listen', notify: true }],
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'ALLOW_DUPLICATE',
            requestEagerStart: true,
            typedSearchAttributes: attrs('benchEagerListen', id),
          }),
        );
        noteEager('eager start + LISTEN/NOTIFY', handle.eagerlyStarted);
        await done;
      },
    },
    {
      name: 'update-with-start',
      description: '`client.workflow.executeUpdateWithStart` with a `WithStartWorkflowOperation` (USE_EXISTING); the update handler runs the same local activity and returns its outcome',
      async call(label: string, n: number) {
        const id = `bench-uws-${ctx.runId}-${label}-${n}`;
        ids['update-with-start'] = id;
        const out = await connection.withDeadline(Date.now() + 15_000, () =>
          client.workflow.executeUpdateWithStart(runCommandUpdate, {
            updateId: id,
            args: [{ id, path: 'update-with-start' }],
            startWorkflowOperation: new WithStartWorkflowOperation(updateWithStartCommand, {
              workflowId: id,
              taskQueue: PATHS_QUEUE,
              workflowIdConflictPolicy: 'USE_EXISTING',
              workflowIdReusePolicy: 'ALLOW_DUPLICATE',
              typedSearchAttributes: attrs('benchUpdateWithStart', id),
            }),
          }),
        );
        check(out, id);
      },
    },
  ];

  // warm-up, then sequential calls interleaved (A, B, C …) so all see the same conditions
  for (let i = 0; i < 20; i++) for (const k of kinds) await k.call('warm', i);
  checkInterrupted();
  log(`command paths: ${TEMPORAL_CALLS} sequential calls each, interleaved`);
  const seq = new Map<string, { latencies: number[]; errors: number; firstError?: string }>(kinds.map((k) => [k.name, { latencies: [], errors: 0 }]));
  const ws0 = monoUs();
  await sequential(TEMPORAL_CALLS, async (i) => {
    for (const k of kinds) {
      const s = seq.get(k.name)!;
      const started = performance.now();
      try {
        await k.call('seq', i);
        s.latencies.push(performance.now() - started);
      } catch (err) {
        s.errors++;
        s.firstError ??= (err as Error).message;
      }
    }
  }, () => interrupted);
  ctx.windows.push({ name: 'temporal paths: sequential', startUs: ws0, endUs: monoUs() });
  checkInterrupted();

  const out: TemporalPath[] = [];
  for (const k of kinds) {
    log(`command paths: ${k.name}, ${TEMPORAL_IN_FLIGHT} in flight for ${TEMPORAL_CONC_S} s`);
    const c0 = cpuSnapshot(ctx.groups);
    const w0 = monoUs();
    countingFor = k.name;
    const concurrent = await closedLoop(TEMPORAL_IN_FLIGHT, TEMPORAL_CONC_S, (i) => k.call('conc', i), () => interrupted);
    countingFor = null;
    ctx.windows.push({ name: `temporal paths: ${k.name} x${TEMPORAL_IN_FLIGHT}`, startUs: w0, endUs: monoUs() });
    const cpuConcurrent = cpuUsage(c0, cpuSnapshot(ctx.groups));
    if (cpuConcurrent.cores.other > NOISE_CORES) log(`WARNING: other processes used ${cpuConcurrent.cores.other.toFixed(2)} cores during ${k.name} x${TEMPORAL_IN_FLIGHT}; its numbers are disturbed`);
    checkInterrupted();
    const s = seq.get(k.name)!;
    const history = await historyOf(client, ids[k.name]).catch((e: Error) => [`(history unavailable: ${e.message})`]);
    const calls = Math.max(1, concurrent.count + concurrent.errors);
    const clientRpcs = Object.fromEntries(Object.entries(rpcs.get(k.name) ?? {}).map(([m, v]) => [m, +(v / calls).toFixed(2)]));
    const eager = eagerStarts.get(k.name);
    const eagerShare = eager ? eager.eager / Math.max(1, eager.all) : undefined;
    const tasks = history.filter((e) => e === 'WORKFLOW_TASK_STARTED').length;
    out.push({
      name: k.name,
      description: k.description,
      clientRpcsPerCall: +Object.values(clientRpcs).reduce((a, b) => a + b, 0).toFixed(2),
      clientRpcs,
      eagerShare,
      workerRpcsPerCall: +(2 * tasks - (eagerShare ?? 0)).toFixed(2),
      sequential: { ...latencyStats(s.latencies), errors: s.errors, firstError: s.firstError },
      sequentialStartRpc: k.name === 'start + result' ? latencyStats(startRpc) : undefined,
      concurrent,
      cpuConcurrent,
      history,
    });
    const q = out[out.length - 1];
    log(`command paths: ${k.name}: sequential p50 ${q.sequential.p50.toFixed(1)} ms p95 ${q.sequential.p95.toFixed(1)} ms; x${TEMPORAL_IN_FLIGHT}: ${concurrent.opsPerSec.toFixed(0)}/s p95 ${concurrent.p95.toFixed(1)} ms, errors ${s.errors + concurrent.errors}`);
  }
  const { rows } = await activityPool.query<{ path: string; n: string }>('select path, count(*) as n from bench_command_paths group by path');
  log(`command paths: rows written ${rows.map((r) => `${r.path}=${r.n}`).join(', ')}`);
  return out;
}

async function verifyNoLeftovers(pids: number[]): Promise<string[]> {
  // tsx's esbuild service exits with the node process that started it; give everything a moment
  const ours = [...new Set(pids)].filter((pid) => pid !== process.pid && !cmdline(pid).includes('esbuild'));
  for (let i = 0; i < 40 && ours.some(alive); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  let left = psLeftovers(ours);
  if (left.length) {
    log(`!!!!!!!! teardown left ${left.length} process(es) behind; killing them by pid:\n${left.join('\n')}`);
    for (const line of left) {
      try {
        process.kill(Number(line.split(/\s+/)[0]), 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    left = psLeftovers(ours);
  }
  const stillChildren = descendants().filter((pid) => alive(pid) && !cmdline(pid).includes('esbuild'));
  log(`ps check: ${ours.length} bench process(es) tracked, ${left.length} left${stillChildren.length ? `; other children: ${stillChildren.map((p) => `${p} ${cmdline(p)}`).join('; ')}` : ''}`);
  return left;
}

// ---- report --------------------------------------------------------------------------------------------------

type Result = {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; os: string; loadAvgAtStart: number[] };
  settings: Record<string, unknown>;
  timings: Record<string, number>;
  http: Record<string, HttpScenario>;
  ratios: { get: Record<string, number>; post: Record<string, number> };
  targets: { name: string; value: string; pass: boolean }[];
  allResponses2xx: boolean;
  postBreakdown: PostBreakdown[];
  apiCreateHistory: string[];
  temporalPaths: TemporalPath[];
  profiles: ProfileSummary[];
  teardown: { leftovers: string[] };
};

const f1 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(1));
const f2 = (n: number) => n.toFixed(2);

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function renderMarkdown(r: Result): string {
  const m = r.machine;
  const s = r.settings;
  const out: string[] = [];
  out.push('## Detail');
  out.push('');
  out.push(`- date: ${r.date}`);
  out.push(`- machine: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB RAM, ${m.os}, node ${m.node}; 1/5/15-min load at start ${m.loadAvgAtStart.join(' / ')}`);
  out.push(`- everything on this one machine: PostgreSQL (embedded, fsync off), Temporal dev server (a SQLite file with WAL, as \`npm run dev\` runs it), one worker, one API with its embedded commands worker, a second API without one, the floor server and the load generator`);
  out.push(`- data: ${Number(s.contacts).toLocaleString('en')} contacts in one workspace; each HTTP figure is ${s.durationS} s after a ${s.warmupS} s warm-up; DB pool 20 in the API, the worker and the floor`);
  out.push(`- run time: ${r.timings.total} s (stack ${r.timings.startup} s incl. seeding ${r.timings.seed} s, HTTP ${r.timings.http} s, Temporal paths ${r.timings.temporal} s, teardown ${r.timings.teardown} s)`);
  out.push('');
  out.push('## HTTP');
  out.push('');
  const h = r.http;
  out.push(
    table(
      ['scenario', 'conns', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'non-2xx', 'errors/timeouts'],
      Object.values(h).map((x) => [x.name, x.connections, x.rps.toFixed(0), f1(x.p50), f1(x.p95), f1(x.p99), f1(x.max), x.non2xx ? `**${x.non2xx}** ⚠` : 0, `${x.errors}/${x.timeouts}`]),
    ),
  );
  out.push('');
  out.push(table(['real / floor', 'p50', 'p95', 'throughput'], [
    ['GET list', `${f2(r.ratios.get.p50)}x`, `${f2(r.ratios.get.p95)}x`, `${f2(r.ratios.get.throughput)}x`],
    ['POST create', `${f2(r.ratios.post.p50)}x`, `${f2(r.ratios.post.p95)}x`, `${f2(r.ratios.post.throughput)}x`],
  ]));
  if (!r.allResponses2xx) out.push('\n**⚠ WARNING: some responses were not 2xx — the numbers above are not valid.**');
  out.push('');
  out.push('## Targets');
  out.push('');
  for (const t of r.targets) out.push(`- ${t.pass ? 'PASS' : 'MISS'}: ${t.name} — ${t.value}`);
  out.push('');
  out.push('## Temporal command paths (in-process client and worker, no API)');
  out.push('');
  out.push(
    table(
      ['path', 'seq n', 'seq p50 ms', 'seq p95 ms', 'seq p99 ms', `x${s.temporalInFlight} ops/s`, `x${s.temporalInFlight} p50 ms`, `x${s.temporalInFlight} p95 ms`, 'errors', 'history events', 'client RPCs / call', 'worker RPCs / call', 'eager'],
      r.temporalPaths.map((p) => [p.name, p.sequential.count, f1(p.sequential.p50), f1(p.sequential.p95), f1(p.sequential.p99), p.concurrent.opsPerSec.toFixed(0), f1(p.concurrent.p50), f1(p.concurrent.p95), p.sequential.errors + p.concurrent.errors, p.history.length, f2(p.clientRpcsPerCall), f2(p.workerRpcsPerCall), p.eagerShare === undefined ? '–' : `${(p.eagerShare * 100).toFixed(0)} %`]),
    ),
  );
  out.push('');
  out.push('Client RPCs are counted on the client\'s connection (every WorkflowService call); worker RPCs are read from the sample history (a poll for each workflow task not handed over with the start, a completion for each).');
  out.push('');
  out.push('## Commands: the API against the raw engine paths (same run)');
  out.push('');
  const best = r.temporalPaths.reduce<TemporalPath | undefined>((b, p) => (!b || p.concurrent.opsPerSec > b.concurrent.opsPerSec ? p : b), undefined);
  const cmdRows: (string | number)[][] = [];
  for (const x of [h.postApi, h.postApiPlain].filter(Boolean)) {
    const t = x.temporal;
    cmdRows.push([x.name, x.rps.toFixed(0), f1(x.p95), t ? f2(t.rpcsPerCommand) : '–', t ? Object.entries(t.byMethod).map(([m, v]) => `${m} ${f2(v)}`).join(', ') : '–', t ? `${(t.eagerShare * 100).toFixed(0)} %` : '–', best ? `${f2(x.rps / best.concurrent.opsPerSec)}x` : '–']);
  }
  for (const p of r.temporalPaths) {
    cmdRows.push([`raw: ${p.name}`, p.concurrent.opsPerSec.toFixed(0), f1(p.concurrent.p95), f2(p.clientRpcsPerCall), Object.entries(p.clientRpcs).map(([m, v]) => `${m} ${f2(v)}`).join(', '), p.eagerShare === undefined ? '–' : `${(p.eagerShare * 100).toFixed(0)} %`, best ? `${f2(p.concurrent.opsPerSec / best.concurrent.opsPerSec)}x` : '–']);
  }
  out.push(table(['what', `x${s.writeConnections ?? 20} req/s`, 'p95 ms', 'Temporal client RPCs / command', 'by method', 'started eagerly', `vs best raw path${best ? ` (${best.name})` : ''}`], cmdRows));
  out.push('');
  for (const p of r.temporalPaths) {
    const per = (n: string) => f2((1000 * (p.cpuConcurrent.seconds[n] ?? 0)) / Math.max(1, p.concurrent.count));
    out.push(`- ${p.name}: ${p.description}. CPU per call at x${s.temporalInFlight}: temporal server ${per('temporal')} ms, bench process (client + worker + activity) ${per('bench')} ms, postgres ${per('postgres')} ms. History: ${p.history.join(', ')}`);
  }
  if (r.apiCreateHistory.length) out.push(`- the API's createContact workflow, for comparison: ${r.apiCreateHistory.join(', ')}`);
  out.push('');
  out.push('## Where the time goes');
  out.push('');
  const names = ['api', 'worker', 'floor', 'postgres', 'temporal', 'bench', 'other'];
  out.push(`CPU during each measurement, in cores busy (the machine has ${m.cpus}); 'bench' is the load generator (and the in-process worker for the Temporal paths), 'other' is everything else on the machine:`);
  out.push('');
  const cpuRows: (string | number)[][] = Object.values(h).map((x) => [x.name, ...names.map((n) => f2(x.cpu.cores[n] ?? 0)), f2(names.reduce((a, n) => a + (x.cpu.cores[n] ?? 0), 0))]);
  for (const p of r.temporalPaths) cpuRows.push([`${p.name} x${s.temporalInFlight}`, ...names.map((n) => f2(p.cpuConcurrent.cores[n] ?? 0)), f2(names.reduce((a, n) => a + (p.cpuConcurrent.cores[n] ?? 0), 0))]);
  out.push(table(['measurement', ...names, 'total'], cpuRows));
  const disturbed = [...Object.values(h).map((x) => ({ name: x.name, other: x.cpu.cores.other })), ...r.temporalPaths.map((p) => ({ name: `${p.name} x${s.temporalInFlight}`, other: p.cpuConcurrent.cores.other }))].filter((d) => d.other > NOISE_CORES);
  if (disturbed.length) {
    out.push('');
    out.push(`**⚠ Disturbed: other processes on the machine used CPU during ${disturbed.map((d) => `${d.name} (${f2(d.other)} cores)`).join(', ')}; rerun on a quiet machine before trusting those rows.**`);
    const culprits = new Map<string, number>();
    for (const x of [...Object.values(h).map((v) => v.cpu), ...r.temporalPaths.map((p) => p.cpuConcurrent)]) {
      for (const o of x.topOthers) culprits.set(o.cmd, Math.max(culprits.get(o.cmd) ?? 0, o.cores));
    }
    if (culprits.size) out.push(`Largest other processes: ${[...culprits].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([cmd, c]) => `\`${cmd}\` (up to ${f2(c)} cores)`).join(', ')}.`);
  }
  out.push('');
  out.push('CPU milliseconds per request:');
  out.push('');
  out.push(table(['scenario', 'api', 'worker', 'floor', 'postgres', 'temporal', 'bench'], Object.values(h).map((x) => [x.name, ...['api', 'worker', 'floor', 'postgres', 'temporal', 'bench'].map((n) => f2(x.cpuMsPerRequest[n] ?? 0))])));
  out.push('');
  for (const x of Object.values(h)) {
    const a = x.apiServerSide;
    if (!a) continue;
    out.push(`- ${x.name}, the API's own histogram: ${a.count} requests, mean ${f1(a.meanMs)} ms in-process; ${(a.within50ms * 100).toFixed(0)} % ≤ 50 ms, ${(a.within100ms * 100).toFixed(0)} % ≤ 100 ms, ${(a.within150ms * 100).toFixed(0)} % ≤ 150 ms; event-loop delay (includes prom-client's 10 ms sampling interval) p50 ${f1(a.eventLoopP50Ms)} / p99 ${f1(a.eventLoopP99Ms)} / max ${f1(a.eventLoopMaxMs)} ms; ${a.dbQueriesPerRequest.toFixed(3)} PostgreSQL statements per request`);
  }
  for (const b of r.postBreakdown) {
    out.push(`- ${b.scenario}, from the rows it wrote (${b.n} commands): idempotency claim → command transaction start p50 ${f1(b.claimToActivityP50)} / p95 ${f1(b.claimToActivityP95)} ms (Temporal start, workflow task, local activity dispatch); command transaction p50 ${f1(b.activityP50)} / p95 ${f1(b.activityP95)} ms; claim → stored response p50 ${f1(b.claimToDoneP50)} / p95 ${f1(b.claimToDoneP95)} ms`);
  }
  for (const p of r.temporalPaths) {
    if (p.sequentialStartRpc) out.push(`- ${p.name}, sequential: the \`workflow.start\` RPC alone p50 ${f1(p.sequentialStartRpc.p50)} / p95 ${f1(p.sequentialStartRpc.p95)} ms of the ${f1(p.sequential.p50)} / ${f1(p.sequential.p95)} ms total`);
  }
  out.push('');
  out.push('PostgreSQL, sampled every 100 ms (average number of active backends):');
  out.push('');
  for (const x of Object.values(h)) {
    const a = x.pgActivity;
    out.push(`- ${x.name}: ${f2(a.avgActiveBackends)} active; waits: ${a.byWait.map((w) => `${w.key} ${f2(w.avgBackends)}`).join(', ') || '–'}`);
    out.push(`  - queries: ${a.byQuery.slice(0, 4).map((q) => `\`${q.key.replace(/`/g, "'")}\` ${f2(q.avgBackends)}`).join('; ') || '–'}`);
  }
  if (r.profiles.length) {
    out.push('');
    out.push('## CPU profiles (self time, share of non-idle samples)');
    for (const p of r.profiles) {
      if (p.busyMs < 200) continue;
      out.push('');
      out.push(`### ${p.file} — ${p.window} (${(p.busyMs / 1000).toFixed(1)} s busy)`);
      out.push('');
      out.push(`- self time by package: ${p.topPackages.map((x) => `${x.name} ${x.pct.toFixed(1)} %`).join(', ')}`);
      out.push(`- self time by function: ${p.topFunctions.map((x) => `\`${x.name}\` ${x.pct.toFixed(1)} %`).join(', ')}`);
      out.push(`- on the stack (inclusive), by package: ${p.inclusivePackages.map((x) => `${x.name} ${x.pct.toFixed(1)} %`).join(', ')}`);
      out.push(`- on the stack (inclusive), project functions: ${p.inclusiveApp.map((x) => `\`${x.name}\` ${x.pct.toFixed(1)} %`).join(', ') || '–'}`);
    }
  }
  out.push('');
  out.push(`Teardown: ${r.teardown.leftovers.length ? `**${r.teardown.leftovers.length} process(es) were left and killed**` : 'no bench process left running (checked with ps)'}.`);
  return out.join('\n') + '\n';
}

// ---- entry ---------------------------------------------------------------------------------------------------

const onSignal = (signal: NodeJS.Signals) => {
  if (interrupted) return;
  interrupted = true;
  log(`${signal}: stopping the load and tearing down`);
  stopLoad();
  const tracked = descendants();
  void teardown
    .run(log)
    .then(() => verifyNoLeftovers(tracked))
    .finally(() => process.exit(130));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

main().then(
  () => process.exit(0),
  async (err: Error) => {
    if (interrupted) return; // the signal handler owns the exit
    log(`failed: ${err.stack ?? err.message}`);
    const tracked = descendants();
    await teardown.run(log);
    await verifyNoLeftovers(tracked);
    log(`logs: ${LOG_DIR}`);
    process.exit(1);
  },
);
