import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { freePort, waitForHttp } from '../src/stack/embedded';
import { client } from './support/client';
import { ROOT } from './support/processes';
import { closeDb, newWorkspace, stack } from './support/stack';
import { buildComposeCheck, ensureDebianTool, ensureHadolint, exec } from './support/tools';

// No Docker engine runs here: the compose file is loaded by the Compose reference loader (schema and consistency),
// the Dockerfile is linted, the load balancer's configuration is checked by HAProxy itself, and each is compared
// with the source tree.

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[] | null;
  environment?: Record<string, string | null>;
  depends_on?: Record<string, { condition: string }>;
  ports?: { target: number; published?: string; host_ip?: string }[];
  expose?: string[];
  volumes?: { type: string; source: string; target: string; read_only?: boolean }[];
  deploy?: { replicas?: number };
  healthcheck?: { test: string[] };
  networks?: Record<string, { ipv4_address?: string } | null>;
}
interface Project {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const sourceOf = (distPath: string) => join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
const SECRET = 'compose-check-dummy-secret-0123456789abcdef';
const ENCRYPTION_KEY = 'ab'.repeat(32);
const PURGE_HASH_SECRET = 'compose-check-purge-hash-secret-0123456789';
const BACKUP_MASTER_KEY = 'cd'.repeat(32);
// every setting production requires, as an operator exports them
const REQUIRED = { SABNODE_SECRET: SECRET, SABNODE_ENCRYPTION_KEY: ENCRYPTION_KEY, PURGE_HASH_SECRET, BACKUP_MASTER_KEY };

/** The files a Docker build of `dir` sends as its context, by Docker's own .dockerignore matcher. */
async function buildContextFiles(dir = ROOT): Promise<string[]> {
  const { stdout } = await exec(await buildComposeCheck(), ['-context', dir], { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as string[];
}

let loaded: Promise<Project> | undefined;
/** docker-compose.yml as the Compose loader resolves it (interpolated, normalised, paths made absolute). */
function loadCompose(): Promise<Project> {
  // a clean environment: what .env or the caller's shell happens to hold must not decide the result
  loaded ??= buildComposeCheck()
    .then((bin) => exec(bin, [join(ROOT, 'docker-compose.yml')], { env: { PATH: process.env.PATH, ...REQUIRED }, maxBuffer: 16 * 1024 * 1024 }))
    .then(({ stdout }) => JSON.parse(stdout) as Project);
  return loaded;
}

// one worker service per task queue (src/engine/queues.ts), each scaled on its own
const WORKERS = ['worker-commands', 'worker-fanout', 'worker-maintenance'];

describe('docker-compose.yml', () => {
  let composeCheck: string;
  let project: Project;
  beforeAll(async () => {
    composeCheck = await buildComposeCheck();
    project = await loadCompose();
  }, 300_000);

  it('is valid for the Compose reference loader and names every part of the stack', () => {
    expect(Object.keys(project.services).sort()).toEqual(['api', 'lb', 'migrate', 'postgres', 'temporal', 'temporal-ui', ...WORKERS]);
    expect(project.services.temporal.image).toMatch(/^temporalio\/auto-setup:\d+\.\d+\.\d+$/);
    // on the same PostgreSQL, whichever names the image's setup script reads
    expect(project.services.temporal.environment).toEqual(expect.objectContaining({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres', SQL_PLUGIN: 'postgres12', SQL_HOST: 'postgres' }));
    const t = project.services.temporal.environment!;
    expect([t.POSTGRES_USER, t.SQL_USER]).toEqual(['postgres', project.services.postgres.environment?.POSTGRES_USER]);
    expect([t.POSTGRES_PWD, t.SQL_PASSWORD]).toEqual([project.services.postgres.environment?.POSTGRES_PASSWORD, project.services.postgres.environment?.POSTGRES_PASSWORD]);
    expect(project.services.temporal.depends_on?.postgres.condition).toBe('service_healthy');
    expect(project.services['temporal-ui'].environment?.TEMPORAL_ADDRESS).toBe('temporal:7233');
  });

  it('refuses to load without SABNODE_SECRET', async () => {
    await expect(exec(composeCheck, [join(ROOT, 'docker-compose.yml')], { env: { PATH: process.env.PATH } })).rejects.toMatchObject({
      stderr: expect.stringContaining('required variable SABNODE_SECRET is missing'),
    });
  });

  it('refuses to load without SABNODE_ENCRYPTION_KEY', async () => {
    await expect(exec(composeCheck, [join(ROOT, 'docker-compose.yml')], { env: { PATH: process.env.PATH, SABNODE_SECRET: SECRET } })).rejects.toMatchObject({
      stderr: expect.stringContaining('required variable SABNODE_ENCRYPTION_KEY is missing'),
    });
  });

  it('refuses to load without PURGE_HASH_SECRET or BACKUP_MASTER_KEY', async () => {
    for (const name of ['PURGE_HASH_SECRET', 'BACKUP_MASTER_KEY'] as const) {
      const env: Record<string, string | undefined> = { PATH: process.env.PATH, ...REQUIRED, [name]: undefined };
      await expect(exec(composeCheck, [join(ROOT, 'docker-compose.yml')], { env: env as NodeJS.ProcessEnv })).rejects.toMatchObject({
        stderr: expect.stringContaining(`required variable ${name} is missing`),
      });
    }
  });

  it('runs two API replicas behind one published port and no API port of their own', () => {
    const { api, lb } = project.services;
    expect(api.deploy?.replicas).toBe(2);
    expect(api.ports ?? []).toEqual([]);
    expect(api.healthcheck?.test.join(' ')).toContain('/readyz');
    expect(lb.ports).toEqual([expect.objectContaining({ target: 3000, published: '3000' })]);
    const published = Object.entries(project.services).filter(([, s]) => s.ports?.length).map(([name]) => name).sort();
    expect(published).toEqual(['lb', 'temporal-ui']);
    expect(project.services['temporal-ui'].ports).toEqual([expect.objectContaining({ host_ip: '127.0.0.1', target: 8080 })]);
    expect(lb.depends_on?.api.condition).toBe('service_healthy');
  });

  it('the API and the workers start after migrations and a healthy Temporal, with the same settings', () => {
    for (const name of ['api', ...WORKERS]) {
      const s = project.services[name];
      expect(s.depends_on?.migrate.condition).toBe('service_completed_successfully');
      expect(s.depends_on?.temporal.condition).toBe('service_healthy');
      expect(s.environment).toEqual(expect.objectContaining({ NODE_ENV: 'production', ...REQUIRED, TEMPORAL_ADDRESS: 'temporal:7233' }));
      expect(s.environment?.DATABASE_URL).toMatch(/@postgres:5432\/sabnode$/);
    }
    expect(project.services.migrate.environment?.DATABASE_URL).toBe(project.services.api.environment?.DATABASE_URL);
    // the migration seals existing signing secrets with the same key
    expect(project.services.migrate.environment?.SABNODE_ENCRYPTION_KEY).toBe(ENCRYPTION_KEY);
    // and stamps existing purges with the fingerprint of the same purge hash key
    expect(project.services.migrate.environment?.PURGE_HASH_SECRET).toBe(PURGE_HASH_SECRET);
  });

  it('forwards every Temporal connection variable the processes read to the API and the worker', () => {
    const names = [...new Set(read('src/engine/connection.ts').match(/TEMPORAL_[A-Z_]*[A-Z]/g))].sort();
    expect(names).toEqual(expect.arrayContaining(['TEMPORAL_API_KEY', 'TEMPORAL_TLS', 'TEMPORAL_TLS_CA_PATH', 'TEMPORAL_TLS_CERT_PATH', 'TEMPORAL_TLS_KEY_PATH', 'TEMPORAL_TLS_SERVER_NAME']));
    for (const name of ['api', ...WORKERS]) {
      expect(Object.keys(project.services[name].environment ?? {})).toEqual(expect.arrayContaining(names));
    }
  });

  it('runs one worker service per task queue, together serving every queue once', () => {
    const served = WORKERS.map((name) => project.services[name].environment?.WORKER_TASK_QUEUES);
    expect(served).toEqual(['commands', 'fanout', 'maintenance']);
    for (const name of WORKERS) expect(project.services[name].command).toEqual(['node', 'dist/src/worker.js']);
  });

  it('keeps state in named volumes: PostgreSQL, files shared by the API and the worker, backups', () => {
    expect(Object.keys(project.volumes).sort()).toEqual(['backups', 'files', 'pgdata']);
    const mount = (service: string, volume: string) => project.services[service].volumes?.find((v) => v.type === 'volume' && v.source === volume)?.target;
    expect(mount('postgres', 'pgdata')).toBe('/var/lib/postgresql/data');
    const filesDir = project.services.api.environment?.FILES_DIR;
    expect(mount('api', 'files')).toBe(filesDir);
    for (const worker of WORKERS) {
      expect(mount(worker, 'files')).toBe(filesDir);
      expect(project.services[worker].environment?.FILES_DIR).toBe(filesDir);
      expect(mount(worker, 'backups')).toBe(project.services[worker].environment?.BACKUP_DIR);
    }
  });

  it('every command names a file the build produces', () => {
    const commands = Object.values(project.services).flatMap((s) => s.command ?? []).filter((c) => c.startsWith('dist/'));
    const dockerCmd = /^CMD \["node", "([^"]+)"\]/m.exec(read('Dockerfile'))![1];
    for (const file of [...commands, dockerCmd]) expect(existsSync(sourceOf(file))).toBe(true);
    expect([...new Set(commands)].sort()).toEqual(['dist/scripts/migrate.js', 'dist/src/api/server.js', 'dist/src/worker.js']);
    for (const name of ['api', ...WORKERS, 'migrate']) expect(project.services[name].build).toEqual(expect.objectContaining({ context: ROOT, dockerfile: 'Dockerfile' }));
  });

  it('a broken file fails the check: schema, references and missing files', async () => {
    const compose = read('docker-compose.yml');
    const broken = [
      [compose.replace('replicas: 2', 'replicas: two'), /replicas/],
      [compose.replace('    image: haproxy:3.2-alpine', '    image: haproxy:3.2-alpine\n    restart_policy: always'), /restart_policy/],
      [compose.replace(/^  files:$/m, '  blobs:'), /undefined volume files/],
      [compose.replace('./deploy/haproxy/haproxy.cfg', './deploy/haproxy/missing.cfg'), /missing\.cfg does not exist/],
    ] as const;
    // beside the real file, so relative paths resolve the same way
    const dir = mkdtempSync(join(ROOT, '.data', 'compose-broken-'));
    try {
      for (const [text, error] of broken) {
        expect(text).not.toBe(compose);
        const file = join(dir, 'docker-compose.yml');
        writeFileSync(file, text.replaceAll('./deploy/', '../../deploy/').replace(/context: \.$/gm, 'context: ../..'));
        await expect(exec(composeCheck, [file], { env: { PATH: process.env.PATH, ...REQUIRED } })).rejects.toMatchObject({ stderr: expect.stringMatching(error) });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('load balancer (deploy/haproxy/haproxy.cfg)', () => {
  const cfg = read('deploy/haproxy/haproxy.cfg');

  it('HAProxy accepts the configuration', async () => {
    const haproxy = ensureDebianTool('haproxy', 'haproxy');
    const { stdout } = await exec(haproxy, ['-c', '-f', join(ROOT, 'deploy', 'haproxy', 'haproxy.cfg')]);
    expect(stdout).toContain('Configuration file is valid');
  }, 300_000);

  it('targets the API service on its port, checks /readyz and is the only proxy the API trusts', async () => {
    const project = await loadCompose();
    const [, host, port] = /^\s*server-template \S+ \d+ ([a-z-]+):(\d+) .*\bcheck\b.*\bresolvers docker\b/m.exec(cfg) ?? [];
    expect(host).toBe('api');
    expect(port).toBe(project.services.api.environment?.PORT);
    expect(cfg).toMatch(/option httpchk GET \/readyz/);
    const lbAddress = project.services.lb.networks?.default?.ipv4_address;
    expect(lbAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(project.services.api.environment?.TRUSTED_PROXIES).toBe(`${lbAddress}/32`);
    expect(project.services.lb.volumes).toEqual([expect.objectContaining({ type: 'bind', source: join(ROOT, 'deploy', 'haproxy', 'haproxy.cfg'), read_only: true })]);
  }, 300_000);
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('passes hadolint', async () => {
    const hadolint = await ensureHadolint();
    const { stdout } = await exec(hadolint, ['--no-color', '--failure-threshold', 'info', join(ROOT, 'Dockerfile')]);
    expect(stdout.trim()).toBe('');
  }, 300_000);

  it('hadolint fails a Dockerfile that breaks its rules', async () => {
    const hadolint = await ensureHadolint();
    const bad = dockerfile.replace('USER 1000:1000', 'USER node').replace('FROM node:20-bookworm-slim AS build', 'FROM node AS build');
    expect(bad).not.toBe(dockerfile);
    const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(hadolint, ['--no-color', '-']);
      let out = '';
      child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
      child.on('exit', (code) => resolve({ code, out }));
      child.stdin!.end(bad);
    });
    expect(result.code).not.toBe(0);
    expect(result.out).toMatch(/DL3006|DL3066/);
  }, 300_000);

  it('copies only what the build context holds after .dockerignore, and the context holds nothing else', async () => {
    const context = await buildContextFiles();
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1].trim().split(/\s+/));
    expect(sources.length).toBeGreaterThan(3);
    const inContext = (src: string) => context.some((f) => f === src || f.startsWith(`${src}/`));
    expect(sources.filter((src) => !inContext(src))).toEqual([]);
    // nothing reaches the context that no COPY takes (local state, dependencies, secrets in .env, git history)
    expect(context.filter((f) => !sources.some((src) => f === src || f.startsWith(`${src}/`)))).toEqual([]);
    // the build compiles what tsconfig.build.json includes: all of it must be copied
    const include = (JSON.parse(read('tsconfig.build.json')) as { include: string[] }).include;
    for (const dir of include) expect(sources).toContain(dir);
  });

  it('the context check follows Docker\'s .dockerignore rules (exceptions, re-exclusions)', async () => {
    const dir = mkdtempSync(join(ROOT, '.data', 'context-'));
    try {
      for (const f of ['a/keep.ts', 'a/secret.env', 'b/x.ts', 'c.txt']) {
        mkdirSync(join(dir, f, '..'), { recursive: true });
        writeFileSync(join(dir, f), '');
      }
      writeFileSync(join(dir, '.dockerignore'), '*\n!a\na/*.env\n');
      expect((await buildContextFiles(dir)).sort()).toEqual(['a/keep.ts']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs as an unprivileged numeric user that owns the volumes mount points', () => {
    expect(dockerfile).toMatch(/^USER 1000:1000$/m);
    expect(dockerfile).toMatch(/chown -R 1000:1000 \/var\/lib\/sabnode/);
  });
});

/** Every file under `dir` (relative paths). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)).map((f) => join(e.name, f)) : [e.name],
  );
}

describe('what the image runs', () => {
  // The Dockerfile's two stages, without Docker: the build stage compiles from exactly the context .dockerignore
  // lets through; the runtime stage has only dist/, package.json, openapi.yaml and node_modules. Its commands then
  // run against the test stack's PostgreSQL and Temporal in production mode.
  let work: string;
  let app: string;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    mkdirSync(join(ROOT, '.data'), { recursive: true });
    work = mkdtempSync(join(ROOT, '.data', 'image-'));
    const context = join(work, 'build');
    mkdirSync(context);
    for (const f of await buildContextFiles()) cpSync(join(ROOT, f), join(context, f), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(context, 'node_modules'));
    // RUN npm run build
    await exec(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: context });
    app = join(work, 'app');
    mkdirSync(app);
    for (const entry of ['dist', 'package.json', 'openapi.yaml']) cpSync(join(context, entry), join(app, entry), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'));
  }, 180_000);
  afterAll(async () => {
    await Promise.all(
      children.map((c) => new Promise<void>((resolve) => {
        if (c.exitCode !== null || c.signalCode !== null) return resolve();
        c.once('exit', () => resolve());
        c.kill('SIGTERM');
        setTimeout(() => c.kill('SIGKILL'), 10_000).unref();
      })),
    );
    if (work) rmSync(work, { recursive: true, force: true });
    await closeDb();
  });

  it('source files reach the build only through the context, and only production dependencies are imported', async () => {
    const built = filesUnder(join(app, 'dist'));
    expect(built).toEqual(expect.arrayContaining(['src/api/server.js', 'src/worker.js', 'scripts/migrate.js', 'scripts/admin.js']));
    // every package the runtime code imports is in the tree `npm prune --omit=dev` keeps
    const { stdout } = await exec('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }).catch((e: { stdout: string }) => e);
    const kept = new Set(stdout.split('\n').filter(Boolean).map((p) => relative(join(ROOT, 'node_modules'), p).split('/node_modules/').pop()!));
    const source = filesUnder(join(ROOT, 'src')).filter((f) => f.endsWith('.ts')).map((f) => read(join('src', f))).join('\n');
    const imported = new Set(
      [...source.matchAll(/(?:from |require(?:\.resolve)?\()'([^.'][^']*)'/g)]
        .map((m) => m[1])
        .filter((m) => !m.startsWith('node:'))
        .map((m) => (m.startsWith('@') ? m.split('/').slice(0, 2).join('/') : m.split('/')[0])),
    );
    expect(imported.size).toBeGreaterThan(10);
    expect([...imported].filter((pkg) => !kept.has(pkg))).toEqual([]);
  });

  it('migrate, the worker and the API start from dist/ in production mode and serve a mutation', async () => {
    // production refuses the test stack's OUTBOUND_MODE=loopback (and its short SCHEDULED_MESSAGE_MIN_LEAD_MS); this
    // worker shares the suites' database, so its webhook dispatcher may meet their invented host names: a closed local
    // DNS port keeps every lookup on the machine
    const env = { ...process.env, ...stack().env, NODE_ENV: 'production', SCHEDULED_MESSAGE_MIN_LEAD_MS: '60000', OUTBOUND_MODE: 'public', OUTBOUND_DNS_SERVERS: '127.0.0.1:9', SABNODE_ENCRYPTION_KEY: ENCRYPTION_KEY, TEMPORAL_TASK_QUEUE: 'sabnode-image', WORKFLOW_BUNDLE: '', LOG_LEVEL: 'info' };
    const migrate = await exec(process.execPath, ['dist/scripts/migrate.js'], { cwd: app, env });
    expect(migrate.stdout).toContain('database is up to date');
    // production never falls back to a development encryption key
    await expect(exec(process.execPath, ['dist/scripts/migrate.js'], { cwd: app, env: { ...env, SABNODE_ENCRYPTION_KEY: '' } })).rejects.toMatchObject({
      stderr: expect.stringContaining('SABNODE_ENCRYPTION_KEY'),
    });
    // nor to development purge hash or backup keys, nor to SABNODE_SECRET for the purge hash key
    for (const name of ['PURGE_HASH_SECRET', 'BACKUP_MASTER_KEY']) {
      await expect(exec(process.execPath, ['dist/scripts/migrate.js'], { cwd: app, env: { ...env, [name]: '' } })).rejects.toMatchObject({
        stderr: expect.stringContaining(`${name} (`),
      });
    }

    // the worker bundles its workflows from dist/ as it does in the image (no prebuilt bundle)
    const worker = spawn(process.execPath, ['dist/src/worker.js'], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(worker);
    let workerOut = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker from dist/ did not start:\n${workerOut.slice(-3000)}`)), 90_000);
      worker.stdout!.on('data', (c: Buffer) => {
        workerOut += c.toString();
        if (workerOut.includes('"worker started"')) {
          clearTimeout(timer);
          resolve();
        }
      });
      worker.stderr!.on('data', (c: Buffer) => (workerOut += c.toString()));
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`worker from dist/ exited with ${code}:\n${workerOut.slice(-3000)}`));
      });
    });

    const port = await freePort();
    const server = spawn(process.execPath, ['dist/src/api/server.js'], { cwd: app, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
    children.push(server);
    const apiUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(`${apiUrl}/healthz`, 60_000);
    expect((await fetch(`${apiUrl}/readyz`)).status).toBe(200);
    const docs = await fetch(`${apiUrl}/docs/redoc.standalone.js`);
    expect(docs.status).toBe(200);
    expect((await docs.text()).length).toBeGreaterThan(100_000);

    const ws = await newWorkspace();
    const created = await client(ws.key, { baseUrl: apiUrl }).post('/v1/contacts', { body: { phone: '+14155550123', first_name: 'Image' } });
    expect(created.status).toBe(201);
  }, 180_000);
});
