// The fault run's own stack on free ports: PostgreSQL whose data survives a restart, a Temporal dev server whose SQLite
// file does, one worker and two API processes. Every part can be killed or restarted on the same port.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, spawnHttp, spawnWorker, Teardown, type Proc } from '../../bench/stack';
import { migrate, openOrm } from '../../src/db/orm';
import { bundleWorkflowsTo, ensureTemporalBinary, freePort, startPostgres, startTemporal } from '../../src/stack/embedded';
import { SEARCH_ATTRIBUTES } from '../../src/engine/types';

export const FAULTS_DIR = join(DATA_DIR, 'faults');
/** /readyz names its failing checks only to a caller with the ops token */
export const FAULTS_OPS_TOKEN = randomBytes(16).toString('hex');

type Log = (msg: string) => void;

export interface FaultStack {
  env: Record<string, string>;
  apiUrls: string[];
  databaseUrl: string;
  teardown: Teardown;
  /** processes that exited without being told to, by name */
  crashed: string[];
  killWorker(): Promise<void>;
  startWorker(): Promise<void>;
  killApi(i: number): Promise<void>;
  startApi(i: number): Promise<void>;
  /** a restart's first half: SIGTERM, or SIGKILL with `hard` */
  stopTemporal(hard?: boolean): Promise<void>;
  startTemporal(): Promise<void>;
  /** fast shutdown, or SIGKILL with `hard` */
  stopPostgres(hard?: boolean): Promise<void>;
  startPostgres(): Promise<void>;
}

export async function startFaultStack(extraEnv: Record<string, string>, log: Log): Promise<FaultStack> {
  rmSync(FAULTS_DIR, { recursive: true, force: true });
  const teardown = new Teardown();
  const crashed: string[] = [];
  const [pgPort, temporalPort, ...apiPorts] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const bin = await ensureTemporalBinary(log);
  const pgDir = join(FAULTS_DIR, 'pg');
  const temporalDb = join(FAULTS_DIR, 'temporal.db');

  let pg: Awaited<ReturnType<typeof startPostgres>> | null = await startPostgres({ dataDir: pgDir, port: pgPort, log, persistent: true });
  teardown.add('postgres', async () => pg?.stop());
  const orm = await openOrm(pg.url);
  try {
    await migrate(orm);
  } finally {
    await orm.close();
  }
  const temporalOpts = { bin, port: temporalPort, headless: true, dbFile: temporalDb, searchAttributes: SEARCH_ATTRIBUTES, log };
  let temporal: Awaited<ReturnType<typeof startTemporal>> | null = await startTemporal(temporalOpts);
  teardown.add('temporal', async () => temporal?.stop());

  const bundleFile = await bundleWorkflowsTo(join(FAULTS_DIR, 'workflow-bundle.js'), log);
  const env = {
    DATABASE_URL: pg.url,
    TEMPORAL_ADDRESS: temporal.address,
    SABNODE_SECRET: randomBytes(32).toString('hex'),
    WORKFLOW_BUNDLE: bundleFile,
    TEMPORAL_TASK_QUEUE: 'sabnode-faults',
    // the probes read /readyz's per-check details, which answer only to the ops token
    OPS_TOKEN: FAULTS_OPS_TOKEN,
    FILES_DIR: join(FAULTS_DIR, 'files'),
    BACKUP_DIR: join(FAULTS_DIR, 'backups'),
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    DB_POOL_MAX: '10',
    // customers' URLs: only allowlisted loopback receivers are contacted, nothing else is resolved
    OUTBOUND_MODE: 'loopback',
    ...extraEnv,
  };

  // each start gets a fresh log name, so a killed process's log stays readable
  let starts = 0;
  const watch = (proc: Proc) => {
    proc.exited.then(() => {
      if (!stopping.has(proc)) {
        crashed.push(proc.name);
        log(`${proc.name} exited on its own (code ${proc.child.exitCode}, signal ${proc.child.signalCode}); see ${proc.logFile}`);
      }
    });
    return proc;
  };
  const stopping = new Set<Proc>();
  const stop = async (proc: Proc | null, hard: boolean) => {
    if (!proc) return;
    stopping.add(proc);
    await proc.stop(hard);
  };

  let worker: Proc | null = watch(await spawnWorker(`faults-worker-${++starts}`, env));
  teardown.add('worker', async () => stop(worker, false));
  const apis: (Proc | null)[] = [];
  for (let i = 0; i < apiPorts.length; i++) apis.push(watch(await spawnHttp(`faults-api${i}-${++starts}`, 'src/api/server.ts', apiPorts[i], env)));
  teardown.add('apis', async () => void (await Promise.all(apis.map((a) => stop(a, false)))));

  return {
    env,
    apiUrls: apiPorts.map((p) => `http://127.0.0.1:${p}`),
    databaseUrl: pg.url,
    teardown,
    crashed,
    async killWorker() {
      await stop(worker, true);
      worker = null;
    },
    async startWorker() {
      worker = watch(await spawnWorker(`faults-worker-${++starts}`, env));
    },
    async killApi(i) {
      await stop(apis[i], true);
      apis[i] = null;
    },
    async startApi(i) {
      apis[i] = watch(await spawnHttp(`faults-api${i}-${++starts}`, 'src/api/server.ts', apiPorts[i], env));
    },
    async stopTemporal(hard = false) {
      await temporal?.stop(hard);
      temporal = null;
    },
    async startTemporal() {
      temporal = await startTemporal(temporalOpts);
    },
    async stopPostgres(hard = false) {
      await pg?.stop(hard);
      pg = null;
    },
    async startPostgres() {
      // after a crash the old backends notice their postmaster is gone within moments; until then the new one refuses
      for (let attempt = 1; ; attempt++) {
        try {
          pg = await startPostgres({ dataDir: pgDir, port: pgPort, log, persistent: true });
          return;
        } catch (err) {
          if (attempt === 5) throw err;
          log(`postgres did not start (attempt ${attempt}); retrying: ${(err as Error).message.split('\n').slice(0, 3).join(' ')}`);
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    },
  };
}
