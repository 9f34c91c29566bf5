// Issue 13, class "dev stack": when the API dies, `npm run dev` says why and brings it back with backoff, and the
// rest of the stack keeps running; Ctrl-C still stops everything. Runs scripts/dev.ts against this run's PostgreSQL
// and Temporal (so it starts only the API and the worker), with a state folder of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/stack/embedded';
import { ROOT } from '../support/processes';
import { stack } from '../support/stack';
import { waitFor } from '../support/wait';

let dev: ChildProcess | undefined;
let output = '';
let dir: string;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** pids `[dev] <name> started (pid N)` has announced, in order */
const started = (name: string) => [...output.matchAll(new RegExp(`\\[dev\\] ${name} started \\(pid (\\d+)\\)`, 'g'))].map((m) => Number(m[1]));

afterAll(async () => {
  // after a failure midway: the dev stack's own Ctrl-C path first, then whatever it announced and left behind
  if (dev && dev.exitCode === null && dev.signalCode === null) {
    const gone = new Promise((resolve) => dev!.once('exit', resolve));
    dev.kill('SIGINT');
    await Promise.race([gone, new Promise((r) => setTimeout(r, 15_000))]);
    dev.kill('SIGKILL');
  }
  for (const pid of [...started('api'), ...started('worker')]) if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('restarts a killed API with backoff, says why, keeps the worker, and still stops everything on Ctrl-C', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sabnode-dev-'));
    const port = await freePort();
    dev = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...stack().env, TEMPORAL_TASK_QUEUE: 'sabnode-dev-restart', PORT: String(port), SABNODE_DEV_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    dev.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    expect(await waitFor(async () => output.includes('API key: sk_'), (v) => v, 90_000)).toBe(true);
    const [api] = started('api');
    const [worker] = started('worker');

    process.kill(api, 'SIGKILL');
    const back = async () => started('api').length === 2 && (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false));
    expect(await waitFor(back, (v) => v, 60_000)).toBe(true);
    expect(output).toContain('[dev] api exited (signal SIGKILL)');
    expect(output).toMatch(/api exited \(signal SIGKILL\) after \d+ s; restarting in 1 s/);
    expect(started('api')[1]).not.toBe(api);
    expect(alive(worker)).toBe(true);
    expect(dev.exitCode).toBeNull();

    // a second death within the minute waits twice as long
    process.kill(started('api')[1], 'SIGKILL');
    expect(await waitFor(async () => started('api').length === 3, (v) => v, 60_000)).toBe(true);
    expect(output).toMatch(/api exited \(signal SIGKILL\) after \d+ s; restarting in 2 s/);
    const last = started('api')[2];

    const exited = new Promise<number | null>((resolve) => dev!.once('exit', (code) => resolve(code)));
    dev.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(alive(last)).toBe(false);
    expect(alive(worker)).toBe(false);
  }, 240_000);
});
