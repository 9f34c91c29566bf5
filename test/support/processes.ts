import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { waitForHttp } from '../../src/stack/embedded';

export const ROOT = join(__dirname, '..', '..');
export const LOG_DIR = join(ROOT, '.data', 'test-logs');

export interface Proc {
  child: ChildProcess;
  logFile: string;
  /** SIGTERM and wait, or SIGKILL with `hard` */
  stop(hard?: boolean): Promise<void>;
}

function start(name: string, file: string, env: Record<string, string>): { child: ChildProcess; logFile: string } {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${name}.log`);
  const out = createWriteStream(logFile, { flags: 'a' });
  // node itself (not the tsx wrapper, which forks) so that a SIGKILL reaches the real process
  const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, env: { ...process.env, ...env, SERVICE_NAME: name }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  return { child, logFile };
}

function stopper(child: ChildProcess) {
  return (hard = false) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(hard ? 'SIGKILL' : 'SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
}

export async function spawnApi(name: string, port: number, env: Record<string, string>, host = '127.0.0.1'): Promise<Proc> {
  const { child, logFile } = start(name, 'src/api/server.ts', { ...env, PORT: String(port), HOST: host });
  const died = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${name} exited with ${code}; see ${logFile}`))));
  await Promise.race([waitForHttp(`http://${host}:${port}/healthz`, 60_000), died]);
  return { child, logFile, stop: stopper(child) };
}

export async function spawnWorker(name: string, env: Record<string, string>): Promise<Proc> {
  const { child, logFile } = start(name, 'src/worker.ts', env);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s; see ${logFile}`)), 60_000);
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('"worker started"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}; see ${logFile}`));
    });
  });
  return { child, logFile, stop: stopper(child) };
}

/** An API and a worker of their own (own task queue), for suites that kill processes. */
export async function privateStack(name: string, extraEnv: Record<string, string> = {}) {
  const { stack } = await import('./stack');
  const { freePort } = await import('../../src/stack/embedded');
  const env = { ...stack().env, TEMPORAL_TASK_QUEUE: `sabnode-${name}`, ...extraEnv };
  const port = await freePort();
  let worker: Proc | null = await spawnWorker(`${name}-worker`, env);
  const api = await spawnApi(`${name}-api`, port, env);
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    env,
    api,
    async killWorker(): Promise<void> {
      await worker?.stop(true);
      worker = null;
    },
    async startWorker(): Promise<void> {
      worker = await spawnWorker(`${name}-worker`, env);
    },
    async close(): Promise<void> {
      await api.stop();
      await worker?.stop();
    },
  };
}
