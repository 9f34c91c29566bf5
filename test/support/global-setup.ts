import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { migrate, openOrm } from '../../src/db/orm';
import { bundleWorkflowsTo, ensureTemporalBinary, freePort, startPostgres, startTemporal } from '../../src/stack/embedded';
import { SEARCH_ATTRIBUTES } from '../../src/engine/types';
import { LOG_DIR, ROOT, spawnApi, spawnWorker } from './processes';
import { STACK_FILE, type StackInfo } from './stack';

const log = (msg: string) => process.stderr.write(`[test-stack] ${msg}\n`);

export default async function globalSetup(): Promise<void> {
  rmSync(LOG_DIR, { recursive: true, force: true });
  mkdirSync(LOG_DIR, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  (globalThis as { __stackStops?: typeof stops }).__stackStops = stops;

  const [pgPort, temporalPort, apiPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const bin = await ensureTemporalBinary(log);
  const [pg, temporal] = await Promise.all([
    startPostgres({ dataDir: join(ROOT, '.data', `test-pg-${process.pid}`), port: pgPort, log, persistent: false }),
    startTemporal({ bin, port: temporalPort, headless: true, searchAttributes: SEARCH_ATTRIBUTES, log }),
  ]);
  stops.push(pg.stop, temporal.stop);

  const orm = await openOrm(pg.url);
  await migrate(orm);
  await orm.close();

  // bundle the workflows once; every worker the suites start loads the same file
  const bundleFile = await bundleWorkflowsTo(join(ROOT, '.data', 'test-workflow-bundle.js'), log);

  const env = {
    DATABASE_URL: pg.url,
    TEMPORAL_ADDRESS: temporal.address,
    SABNODE_SECRET: randomBytes(32).toString('hex'),
    // privacy purges' hash key and the backups' master key: this run's own (production requires both)
    PURGE_HASH_SECRET: randomBytes(32).toString('hex'),
    BACKUP_MASTER_KEY: randomBytes(32).toString('hex'),
    // /metrics and /readyz's per-check details answer only to it on the public listener
    OPS_TOKEN: randomBytes(16).toString('hex'),
    WORKFLOW_BUNDLE: bundleFile,
    TEMPORAL_TASK_QUEUE: 'sabnode-test',
    COMMAND_WAIT_MS: '8000',
    SANDBOX_DELIVERED_AFTER_MS: '300',
    SANDBOX_READ_AFTER_MS: '300',
    // the sandbox approves templates at creation, so suites that send one need not wait; test/templates.test.ts
    // exercises the review workflow through a whatsapp_cloud channel and the sandbox's named paths
    SANDBOX_TEMPLATE_REVIEW_MS: '0',
    EVENT_STREAM_HEARTBEAT_MS: '1000',
    LOG_LEVEL: 'info',
    // customers' URLs: only the tests' local receivers are ever contacted, nothing else is even resolved; a fixed DNS
    // answer for the rebinding tests
    OUTBOUND_MODE: 'loopback',
    OUTBOUND_ALLOWED_HOSTS: '127.0.0.1,localhost',
    OUTBOUND_RESOLVE_OVERRIDES: 'rebind.sabnode.test=127.0.0.2',
    // webhooks: a timetable in milliseconds
    WEBHOOK_RETRY_SCHEDULE_MS: '0,200,400,600',
    WEBHOOK_ATTEMPT_TIMEOUT_MS: '1500',
    WEBHOOK_DISPATCH_POLL_MS: '100',
    FILES_DIR: join(ROOT, '.data', `test-files-${process.pid}`),
    // flows: a wait of 1,000 s lasts 1 s
    FLOW_WAIT_SCALE: '0.001',
    FLOW_TRIGGER_POLL_MS: '100',
    // run budgets small enough for test/security/flow-loops.test.ts to reach, far above what other suites start
    FLOW_RUNS_RUNNING_PER_FLOW: '20',
    FLOW_RUNS_PER_MINUTE_PER_FLOW: '60',
    FLOW_RUNS_RUNNING_PER_WORKSPACE: '100',
    FLOW_RUNS_PER_MINUTE_PER_WORKSPACE: '200',
    // scheduled messages: send_at may be 2 s ahead instead of a minute, so a test sees one sent at its send_at
    // (tests only: the worker refuses any value but the minute when NODE_ENV=production)
    SCHEDULED_MESSAGE_MIN_LEAD_MS: '2000',
    // whatsapp_cloud media ids are reused 6 s instead of 29 days, so a test sees a file uploaded again after expiry
    WHATSAPP_MEDIA_TTL_MS: '6000',
    // a whatsapp_cloud channel's daily recipient budget over a scaled window (24 h in production)
    WHATSAPP_BUDGET_WINDOW_MS: '5000',
    // privacy purges: the backup store of this run, and a purge's backup recheck timer in milliseconds
    BACKUP_DIR: join(ROOT, '.data', `test-backups-${process.pid}`),
    PURGE_BACKUP_RECHECK_MS: '500',
    PURGE_TEMPORAL_RECHECK_MS: '1000',
  };
  stops.push(async () => rmSync(env.FILES_DIR, { recursive: true, force: true }));
  stops.push(async () => rmSync(env.BACKUP_DIR, { recursive: true, force: true }));
  const worker = await spawnWorker('worker', env);
  const api = await spawnApi('api', apiPort, env);
  stops.unshift(() => api.stop(), () => worker.stop());
  const info: StackInfo = { apiUrl: `http://127.0.0.1:${apiPort}`, env, apiLog: api.logFile, workerPid: worker.child.pid!, apiPid: api.child.pid! };
  writeFileSync(STACK_FILE, JSON.stringify(info));
  log(`ready: api ${info.apiUrl}, postgres :${pgPort}, temporal ${temporal.address}`);
}
