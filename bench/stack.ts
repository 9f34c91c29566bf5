// Child processes and teardown for the bench: the same approach as test/support/processes.ts, written
// separately so the bench does not depend on test code.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForHttp } from '../src/stack/embedded';
import type { BenchReport, ProcessMemory } from './report';
import { renderSummary } from './report';
import { BENCH_OPS_TOKEN, procMemoryKiB } from './sys';

export const ROOT = join(__dirname, '..');
export const DATA_DIR = join(ROOT, '.data');
export const LOG_DIR = join(DATA_DIR, 'bench-logs');

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Proc {
  name: string;
  child: ChildProcess;
  pid: number;
  logFile: string;
  exited: Promise<void>;
  /** SIGTERM and wait (SIGKILL after 10 s), or SIGKILL straight away with `hard` */
  stop(hard?: boolean): Promise<void>;
  /** last lines of its log, for error messages */
  logTail(lines?: number): string;
  /** peak RSS (VmHWM) now, or as read just before it was stopped; RSS sampled every second while it ran */
  memory(): ProcessMemory;
}

const MEMORY_SAMPLE_MS = 1000;
const toMiB = (kib: number) => +(kib / 1024).toFixed(1);

const live = new Set<Proc>();
// a last resort if the bench dies without its teardown: nothing started here may outlive it
process.on('exit', () => {
  for (const p of live) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
});

export function spawnNode(name: string, file: string, env: Record<string, string>, nodeArgs: string[] = []): Proc {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${name}.log`);
  const out = createWriteStream(logFile, { flags: 'w' });
  // node itself (not the tsx CLI, which forks) so the pid is the real process
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', file], {
    cwd: ROOT,
    env: { ...process.env, ...env, SERVICE_NAME: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  if (!child.pid) throw new Error(`could not spawn ${name}`);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const pid = child.pid;
  let peakKiB: number | undefined;
  const rss = { max: 0, sum: 0, n: 0 };
  const sample = () => {
    const m = procMemoryKiB(pid);
    if (!m) return;
    peakKiB = m.hwm;
    rss.max = Math.max(rss.max, m.rss);
    rss.sum += m.rss;
    rss.n++;
  };
  const sampler = setInterval(sample, MEMORY_SAMPLE_MS);
  sampler.unref();
  const proc: Proc = {
    name,
    child,
    pid,
    logFile,
    exited,
    async stop(hard = false) {
      clearInterval(sampler);
      if (child.exitCode === null && child.signalCode === null) {
        sample(); // the peak, just before stopping it
        child.kill(hard ? 'SIGKILL' : 'SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      live.delete(proc);
    },
    logTail(lines = 30) {
      try {
        return readFileSync(logFile, 'utf8').split('\n').filter(Boolean).slice(-lines).join('\n');
      } catch {
        return '';
      }
    },
    memory() {
      if (child.exitCode === null && child.signalCode === null) sample();
      return {
        peakRssMiB: peakKiB === undefined ? null : toMiB(peakKiB),
        sampledMaxRssMiB: rss.n ? toMiB(rss.max) : null,
        sampledMeanRssMiB: rss.n ? toMiB(rss.sum / rss.n) : null,
        samples: rss.n,
      };
    },
  };
  live.add(proc);
  return proc;
}

/** Resolves when `ready` does; rejects if the process exits first or `timeoutMs` passes. */
export async function untilReady(proc: Proc, ready: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const died = proc.exited.then(() => {
    throw new Error(`${proc.name} exited (code ${proc.child.exitCode}, signal ${proc.child.signalCode}) during start-up:\n${proc.logTail()}`);
  });
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${proc.name} not ready after ${timeoutMs} ms:\n${proc.logTail()}`)), timeoutMs);
  });
  try {
    await Promise.race([ready, died, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function spawnHttp(name: string, file: string, port: number, env: Record<string, string>, nodeArgs: string[] = []): Promise<Proc> {
  const proc = spawnNode(name, file, { ...env, PORT: String(port) }, nodeArgs);
  await untilReady(proc, waitForHttp(`http://127.0.0.1:${port}/healthz`, 90_000), 90_000);
  return proc;
}

/** A worker process, resolved once it logs that it polls its task queue. */
export async function spawnWorker(name: string, env: Record<string, string>, timeoutMs = 90_000): Promise<Proc> {
  // a previous run's log must not pass for this one's start (the new log is truncated asynchronously)
  rmSync(join(LOG_DIR, `${name}.log`), { force: true });
  // BENCH_WORKER_CPU_PROF=1: the worker runs under `node --cpu-prof` (profiles in .data/bench-prof/<name>/)
  const profArgs = process.env.BENCH_WORKER_CPU_PROF === '1' ? ['--cpu-prof', `--cpu-prof-dir=${join('.data', 'bench-prof', name)}`] : [];
  const worker = spawnNode(name, 'src/worker.ts', env, profArgs);
  await untilReady(worker, poll('worker', async () => existsSync(worker.logFile) && readFileSync(worker.logFile, 'utf8').includes('"worker started"'), timeoutMs), timeoutMs);
  return worker;
}

/** Polls until `check` is true (or throws after `timeoutMs`). */
export async function poll(what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(everyMs);
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms ${last ? `(${last})` : ''}`);
}

/** Teardown steps, run last-added first, each bounded; safe to call more than once. */
export class Teardown {
  private steps: { name: string; fn: () => Promise<void> }[] = [];
  private running: Promise<void> | undefined;

  add(name: string, fn: () => Promise<void>): void {
    this.steps.push({ name, fn });
  }

  run(log: (msg: string) => void): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        log(`teardown: ${step.name}`);
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            log(`teardown: ${step.name} took over 30 s; moving on`);
            resolve();
          }, 30_000);
        });
        await Promise.race([step.fn().catch((err: Error) => log(`teardown: ${step.name}: ${err.message}`)), timeout]);
        clearTimeout(timer);
      }
      this.steps = [];
    })();
    return this.running;
  }
}

export interface BenchStack {
  apiUrl: string;
  key: string;
  workspaceId: string;
  /** the stack's own Temporal dev server (to list its workflows) */
  temporalAddress: string;
  orm: import('@mikro-orm/postgresql').MikroORM;
  databaseUrl: string;
  teardown: Teardown;
  api: Proc;
  worker: Proc;
  /** the API's and the worker's memory (peak RSS as of now, or as read just before each was stopped) */
  memory(): Record<string, ProcessMemory>;
}

/**
 * Its own PostgreSQL, Temporal dev server, one worker and one API, a workspace with a key that has every scope and
 * no practical rate limit. Shared by the benchmarks that need only the product itself.
 */
export async function startBenchStack(name: string, extraEnv: Record<string, string>, log: (msg: string) => void): Promise<BenchStack> {
  const { randomBytes } = await import('node:crypto');
  const { ALL_SCOPES, createApiKey, createWorkspace } = await import('../src/admin');
  const { migrate, openOrm } = await import('../src/db/orm');
  const { bundleWorkflowsTo, ensureTemporalBinary, freePort, startPostgres, startTemporal } = await import('../src/stack/embedded');
  const { SEARCH_ATTRIBUTES } = await import('../src/engine/types');
  const teardown = new Teardown();
  const [pgPort, temporalPort, apiPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const bin = await ensureTemporalBinary(log);
  const pg = await startPostgres({ dataDir: join(DATA_DIR, `bench-${name}-pg`), port: pgPort, log, persistent: false });
  teardown.add('postgres', pg.stop);
  const temporal = await startTemporal({ bin, port: temporalPort, headless: true, searchAttributes: SEARCH_ATTRIBUTES, log });
  teardown.add('temporal', temporal.stop);
  const orm = await openOrm(pg.url);
  teardown.add('orm', () => orm.close());
  await migrate(orm);
  const workspaceId = await createWorkspace(orm, { name: `Bench ${name}`, rateLimits: { default: 1_000_000 } });
  const { secret: key } = await createApiKey(orm, { workspaceId, scopes: ALL_SCOPES, name: 'bench' });
  const bundleFile = await bundleWorkflowsTo(join(DATA_DIR, `bench-${name}-workflow-bundle.js`), log);
  const env = {
    DATABASE_URL: pg.url,
    TEMPORAL_ADDRESS: temporal.address,
    SABNODE_SECRET: randomBytes(32).toString('hex'),
    WORKFLOW_BUNDLE: bundleFile,
    TEMPORAL_TASK_QUEUE: `sabnode-bench-${name}`,
    OPS_TOKEN: BENCH_OPS_TOKEN,
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    DB_POOL_MAX: '20',
    // customers' URLs: only allowlisted loopback receivers are contacted, nothing else is resolved
    OUTBOUND_MODE: 'loopback',
    ...extraEnv,
  };
  const worker = await spawnWorker(`${name}-worker`, env);
  teardown.add('worker', () => worker.stop());
  const api = await spawnHttp(`${name}-api`, 'src/api/server.ts', apiPort, { ...env, LOG_LEVEL: 'warn' });
  teardown.add('api', () => api.stop());
  return { apiUrl: `http://127.0.0.1:${apiPort}`, key, workspaceId, temporalAddress: temporal.address, orm, databaseUrl: pg.url, teardown, api, worker, memory: () => ({ api: api.memory(), worker: worker.memory() }) };
}

/**
 * Runs `body` on a stack of its own (`startBenchStack`) and tears the stack down however it ends, also on SIGINT
 * (how `bench/all.ts` stops a benchmark that runs too long).
 */
export async function withBenchStack<T>(name: string, extraEnv: Record<string, string>, log: (msg: string) => void, body: (stack: BenchStack) => Promise<T>): Promise<T> {
  let stack: BenchStack | undefined;
  const onSigint = () => void stack?.teardown.run(log).finally(() => process.exit(130));
  process.once('SIGINT', onSigint);
  try {
    stack = await startBenchStack(name, extraEnv, log);
    return await body(stack);
  } finally {
    process.off('SIGINT', onSigint);
    await stack?.teardown.run(log);
  }
}

/** A benchmark file's entry point: a failure is logged with its stack and sets exit code 1. */
export function runBench(main: () => Promise<void>, log: (msg: string) => void): void {
  main().catch((err: Error) => {
    log(`failed: ${err.stack ?? err.message}`);
    process.exitCode = 1;
  });
}

/**
 * Writes a benchmark's report as bench/results/<name>-latest.json, and its summary followed by `detailMd` as
 * <name>-latest.md, and prints the Markdown.
 */
export function writeResults(report: BenchReport, detailMd: string): void {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const md = `${renderSummary(report)}\n${detailMd.trim()}\n`;
  writeFileSync(join(dir, `${report.name}-latest.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, `${report.name}-latest.md`), md);
  process.stdout.write(md);
}
