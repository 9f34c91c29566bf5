import { spawn } from 'node:child_process';
import { ALL_SCOPES } from '../../src/admin';
import { newWorkspace, stack } from './stack';

/**
 * What an SDK's own test suite (pytest, go test, …) needs from the live stack this jest run started, as the
 * environment variables it reads. Every SDK suite gets the same names.
 */
export async function sdkEnv(): Promise<Record<string, string>> {
  const full = await newWorkspace();
  const readOnly = await full.keyWith(['contacts:read']);
  // a budget small enough that a handful of calls meets 429
  const limited = await newWorkspace({ rateLimits: { default: 2 } });
  return {
    SABNODE_API_URL: stack().apiUrl,
    SABNODE_API_KEY: full.key,
    SABNODE_READ_ONLY_API_KEY: readOnly.key,
    SABNODE_RATE_LIMITED_API_KEY: limited.key,
    SABNODE_ALL_SCOPES: ALL_SCOPES.join(','),
  };
}

/** Runs an SDK's test command to its end, echoing its output, and gives back its exit code and output. */
export function runSuite(command: string, args: string[], opts: { cwd: string; env: Record<string, string>; timeoutMs: number }): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
