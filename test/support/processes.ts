import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { waitForHttp } from '../../src/stack/embedded';

export const ROOT = join(__dirname, '..', '..');
export const LOG_DIR = join(ROOT, '.data', 'test-logs');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

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
  const child = spawn(TSX, [file], { cwd: ROOT, env: { ...process.env, ...env, SERVICE_NAME: name }, stdio: ['ignore', 'pipe', 'pipe'] });
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

export async function spawnApi(name: string, port: number, env: Record<string, string>): Promise<Proc> {
  const { child, logFile } = start(name, 'src/api/server.ts', { ...env, PORT: String(port) });
  const died = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${name} exited with ${code}; see ${logFile}`))));
  await Promise.race([waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000), died]);
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
