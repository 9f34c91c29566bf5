// `npm run test:faults`: a bounded write load on 127.0.0.1 while the worker, an API process, the Temporal dev server and
// PostgreSQL fail one at a time and then together; afterwards the invariants are checked in PostgreSQL and at the
// receivers, printed as a table, and the run ends with `N passed, M failed` (exit code 1 on any failure).
import { randomUUID } from 'node:crypto';
import { ALL_SCOPES, createApiKey, createWorkspace } from '../../src/admin';
import { config } from '../../src/config';
import { openOrm } from '../../src/db/orm';
import { FaultClient, type WriteRecord } from './client';
import { probeOutage, waitReady } from './probes';
import { hangCheck, summarizeWrites, table } from './report';
import { startProvider, startWebhookReceiver } from './receivers';
import { startFaultStack, type FaultStack } from './stack';
import { verify, type Check } from './verify';
import { startFailingReceiver, verifyFailingBacklog, type FaultWindow } from './webhook-backlog';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const log = (msg: string) => process.stderr.write(`[faults +${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}\n`);
// what PostgreSQL says while this run stops and starts it on purpose
const EXPECTED_PG = /FATAL:\s+(terminating (connection|autovacuum process) due to administrator command|terminating connection due to unexpected postmaster exit|the database system is (shutting down|starting up|not yet accepting connections))/;
const stackLog = (msg: string) => EXPECTED_PG.test(msg) || log(msg);

// scaled so the whole run stays within a few minutes on two shared cores
const COMMAND_WAIT_MS = 4_000;
const TEMPORAL_RPC_TIMEOUT_MS = 2_000;
// "does not hang": an outage is answered within the longest wait a request may take, plus slack for a loaded machine
const PROBE_BOUND_MS = COMMAND_WAIT_MS + TEMPORAL_RPC_TIMEOUT_MS + 4_000;
const SINGLE_CLIENTS = 8;
const MAX_SINGLES = 600;
const SINGLE_PAUSE_MS = 300;
const BULK_ITEMS = 1_000;
const BROADCAST_RECIPIENTS = 200;
const BROADCAST_RATE = 10;
const OUTAGE_MS = 4_000;
const WEBHOOK_EVENT = 'order.created';
const STEADY_MS = 4_000;
const SETTLE_MS = 100_000;
// a request with no answer by then counts as hung
const ATTEMPT_TIMEOUT_MS = 20_000;
// the whole run, a last resort: everything stops by itself
const RUN_LIMIT_MS = (Number(process.env.FAULTS_RUN_LIMIT_S) || 300) * 1000;

const env = {
  COMMAND_WAIT_MS: String(COMMAND_WAIT_MS),
  TEMPORAL_RPC_TIMEOUT_MS: String(TEMPORAL_RPC_TIMEOUT_MS),
  BULK_SYNC_WAIT_MS: '3000',
  OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
  WEBHOOK_RETRY_SCHEDULE_MS: '0,1000,2000,4000,8000,15000,30000',
  WEBHOOK_DISPATCH_POLL_MS: '250',
  // the run's template is sent as soon as it exists: the sandbox approves it at creation
  SANDBOX_TEMPLATE_REVIEW_MS: '0',
  // the API processes start their commands eagerly on their own commands worker, as `npm run dev` runs them
  API_EMBEDDED_WORKER: process.env.API_EMBEDDED_WORKER ?? '1',
};

async function main(): Promise<number> {
  const webhooks = await startWebhookReceiver();
  const provider = await startProvider();
  const failing = await startFailingReceiver();
  let stack: FaultStack | undefined;
  const watchdog = setTimeout(() => {
    log(`run exceeded ${RUN_LIMIT_MS / 1000} s; stopping`);
    process.stdout.write('0 passed, 1 failed\n');
    void (stack?.teardown.run(log) ?? Promise.resolve()).finally(() => process.exit(1));
  }, RUN_LIMIT_MS);
  watchdog.unref();
  process.once('SIGINT', () => void (stack?.teardown.run(log) ?? Promise.resolve()).finally(() => process.exit(130)));
  try {
    stack = await startFaultStack(env, stackLog);
    const s = stack;
    log(`stack up: PostgreSQL, Temporal, worker, APIs ${s.apiUrls.join(' ')}`);

    const orm = await openOrm(s.databaseUrl);
    const workspaceId = await createWorkspace(orm, { name: 'Faults', rateLimits: { default: 1_000_000 } });
    const { secret: key } = await createApiKey(orm, { workspaceId, scopes: ALL_SCOPES, name: 'faults' });
    await orm.close();
    const api = new FaultClient(s.apiUrls, key, ATTEMPT_TIMEOUT_MS);

    // setup, before any fault: an http channel to the local provider, a template, the broadcast's audience, the
    // contact the orders belong to, and last the webhook endpoint (so it sees only the load's events)
    const until = () => Date.now() + 30_000;
    const setup = async (path: string, body: unknown) => {
      const rec = await api.write(api.record('setup', randomUUID(), 'POST', path, body), until());
      if (rec.finalStatus !== 201 && rec.finalStatus !== 200) throw new Error(`setup ${path}: ${rec.finalStatus} ${JSON.stringify(rec.body)}`);
      return rec.body as Record<string, any>;
    };
    const channel = await setup('/v1/channels', { name: 'faults', provider: 'http', url: provider.url });
    provider.setSecret(channel.signing_secret);
    const template = await setup('/v1/templates', { name: 'faults_offer', language: 'en', category: 'marketing', body: 'Offer {{1}}' });
    const phones = Array.from({ length: BROADCAST_RECIPIENTS }, (_, i) => `+9197${String(10_000_000 + i).padStart(8, '0')}`);
    const audience = await setup('/v1/contacts/bulk', { items: phones.map((phone) => ({ phone })) });
    const audienceIds = (audience.results as { status: number; id: string }[]).map((r) => r.id);
    if (audienceIds.length !== BROADCAST_RECIPIENTS) throw new Error('audience not created');
    const owner = await setup('/v1/contacts', { external_id: 'order-owner' });
    // orders only: the bulk's 1,000 contact.created would be 1,000 delivery workflows, about 45 s of this machine on
    // their own (bench/results/webhooks-latest.md); the deliveries under test are the ones the faults interleave with
    const endpoint = await setup('/v1/webhook-endpoints', { url: webhooks.url, event_types: [WEBHOOK_EVENT] });
    webhooks.setSecret(endpoint.secret);
    // a backlog of deliveries that all fail, through every kill: the contacts of the load and of the bulk job
    const failingEndpoint = await setup('/v1/webhook-endpoints', { url: failing.url, event_types: ['contact.created'] });
    log('setup done; load starts');

    // the load: single POSTs from a few clients, a bulk job, a broadcast
    let loadOn = true;
    let singles = 0;
    const loadWrites: WriteRecord[] = [];
    const singleClient = async (n: number) => {
      while (loadOn && singles < MAX_SINGLES) {
        const i = singles++;
        const order = i % 2 === 1;
        const key = `faults-${order ? 'order' : 'contact'}-${i}-${randomUUID()}`;
        const body = order
          ? { contact_id: owner.id, currency: 'INR', items: [{ sku: `sku-${n}`, name: 'Item', quantity: 1, unit_price: 100 + i }], metadata: { load_key: key } }
          : { email: `load-${i}@faults.test`, attributes: { load_key: key } };
        const rec = api.record(order ? 'order' : 'contact', key, 'POST', order ? '/v1/orders' : '/v1/contacts', body);
        loadWrites.push(rec);
        await api.write(rec, Date.now() + 60_000);
        await sleep(SINGLE_PAUSE_MS);
      }
    };
    const clients = Array.from({ length: SINGLE_CLIENTS }, (_, n) => singleClient(n));

    const broadcastCreate = api.record('broadcast', `faults-broadcast-${randomUUID()}`, 'POST', '/v1/broadcasts', {
      name: 'faults', channel_id: channel.id, template_id: template.id, parameters: ['10%'], audience: { contact_ids: audienceIds }, rate_per_second: BROADCAST_RATE,
    });
    await api.write(broadcastCreate, Date.now() + 60_000);
    const broadcastId = broadcastCreate.id;
    if (!broadcastId) throw new Error(`broadcast not created: ${broadcastCreate.finalStatus}`);
    const broadcastSend = api.record('broadcast_send', `faults-send-${randomUUID()}`, 'POST', `/v1/broadcasts/${broadcastId}/send`);
    const sending = api.write(broadcastSend, Date.now() + 60_000);

    const probeChecks: Check[] = [];
    const probeWrites: WriteRecord[] = [];
    const probe = async (scenario: string, apiIndex: number, failing: ('postgresql' | 'temporal')[]) => {
      const { checks, write } = await probeOutage(api, s.apiUrls[apiIndex], apiIndex, scenario, failing, PROBE_BOUND_MS);
      probeChecks.push(...checks);
      // not finished here: the same client retries it with its key once the outage is over
      probeWrites.push(write);
    };

    const timings: Record<string, number> = {};
    const windows: string[] = [];
    const faultWindows: FaultWindow[] = [];
    const at = (ms: number) => `+${((ms - started) / 1000).toFixed(0)}`;
    const scenario = async (name: string, fn: () => Promise<void>) => {
      log(`scenario: ${name}`);
      const t0 = Date.now();
      await fn();
      await waitReady(s.apiUrls, name, 60_000);
      log(`ready again after ${name}`);
      timings[name] = Date.now() - t0;
      windows.push(`${name} ${at(t0)}..${at(Date.now())} s`);
      faultWindows.push({ from: t0, to: Date.now() });
      await sleep(STEADY_MS);
    };

    await sleep(STEADY_MS);
    // the bulk job goes in just before the worker dies, so its chunks meet the crash
    const bulkKey = `faults-bulk-${randomUUID()}`;
    const bulkRec = api.record('bulk', bulkKey, 'POST', '/v1/contacts/bulk', {
      items: Array.from({ length: BULK_ITEMS }, (_, i) => ({ external_id: `${bulkKey}-${i}`, attributes: { load_key: `${bulkKey}-${i}` } })),
    });
    const bulk = api.write(bulkRec, Date.now() + 60_000);
    await sleep(1_500);

    await scenario('worker SIGKILL', async () => {
      await s.killWorker();
      await sleep(OUTAGE_MS);
      await s.startWorker();
    });
    await scenario('API SIGKILL', async () => {
      await s.killApi(0);
      await sleep(OUTAGE_MS);
      await s.startApi(0);
    });
    await scenario('Temporal restart', async () => {
      await s.stopTemporal();
      await probe('Temporal restart', 1, ['temporal']);
      await sleep(OUTAGE_MS);
      await s.startTemporal();
    });
    await scenario('PostgreSQL restart', async () => {
      await s.stopPostgres();
      await probe('PostgreSQL restart', 0, ['postgresql']);
      await sleep(OUTAGE_MS);
      await s.startPostgres();
    });
    await scenario('all together (crash)', async () => {
      // everything crashes at once (SIGKILL), PostgreSQL and Temporal too: no shutdown checkpoint, no graceful close
      await Promise.all([s.killWorker(), s.killApi(0), s.stopTemporal(true), s.stopPostgres(true)]);
      await probe('all together (crash)', 1, ['postgresql', 'temporal']);
      await sleep(OUTAGE_MS);
      await s.startPostgres();
      await s.startTemporal();
      await Promise.all([s.startWorker(), s.startApi(0)]);
    });

    loadOn = false;
    log(`load stopped after ${singles} single writes; settling (at most ${SETTLE_MS / 1000} s)`);
    const settleStarted = Date.now();
    const settleBy = settleStarted + SETTLE_MS;
    // every client finishes its write with its own key; the probes' writes too
    await Promise.all([...clients, bulk, sending]);
    await Promise.all([...new Set([...api.writes, ...probeWrites])].filter((w) => !w.settled).map((w) => api.write(w, settleBy)));

    const verified = await verify({
      databaseUrl: s.databaseUrl,
      workspaceId,
      api,
      webhooks,
      provider,
      endpointId: endpoint.id,
      eventType: WEBHOOK_EVENT,
      broadcastId,
      audienceIds,
      phones,
      bulk: bulkRec,
      settleBy,
      log,
    });
    // the failing backlog stops (disabled), its attempts in flight end (5 s bound), then its counts are compared
    await api.write(api.record('setup', randomUUID(), 'PATCH', `/v1/webhook-endpoints/${failingEndpoint.id}`, { enabled: false }), Date.now() + 30_000);
    await sleep(7_000);
    const backlogChecks = await verifyFailingBacklog({ databaseUrl: s.databaseUrl, workspaceId, endpointId: failingEndpoint.id, receiver: failing, faults: faultWindows, attemptBoundMs: config.webhooks.attemptTimeoutMs });
    const settleMs = Date.now() - settleStarted;

    const checks: Check[] = [
      ...verified.checks,
      ...backlogChecks,
      ...probeChecks,
      { name: 'no process exited on its own (only the ones killed)', ok: s.crashed.length === 0, detail: s.crashed.join(', ') || 'none' },
      hangCheck(api.writes, ATTEMPT_TIMEOUT_MS),
    ];
    const span = (from?: string | null, to?: string | null) => (from && to ? `${at(Date.parse(from))}..${at(Date.parse(to))} s` : 'unknown');
    const out = [
      '',
      'Fault injection: load and faults',
      `  logical writes: ${summarizeWrites(api.writes, `${loadWrites.length} single POSTs, 1 bulk of ${BULK_ITEMS}, 1 broadcast of ${BROADCAST_RECIPIENTS} + its send, ${probeWrites.length} outage probes`)}`,
      `  webhook receiver: ${webhooks.calls()} verified calls for ${webhooks.byEvent.size} events, ${webhooks.refused()} refused on purpose, ${webhooks.invalid()} forged/unsigned`,
      `  provider: ${provider.calls()} signed calls for ${[...provider.messagesTo.values()].reduce((n, ids) => n + ids.size, 0)} messages, ${provider.invalid()} unsigned/forged`,
      `  timeline: faults ${windows.join(', ')}; bulk job ${span(verified.bulkJob?.created_at, verified.bulkJob?.completed_at)}; broadcast ${span(verified.broadcast?.started_at, verified.broadcast?.completed_at)}`,
      `  time to ready again: ${Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join('; ')}`,
      `  settle after the load: ${(settleMs / 1000).toFixed(1)} s; whole run ${((Date.now() - started) / 1000).toFixed(0)} s; logs in .data/bench-logs/faults-*.log`,
      '',
      ...table(checks),
    ];
    const failed = checks.filter((c) => !c.ok).length;
    process.stdout.write(`${out.join('\n')}\n`);
    return failed ? 1 : 0;
  } finally {
    await stack?.teardown.run(log);
    await webhooks.close();
    await provider.close();
    await failing.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    log(`failed: ${err.stack ?? err.message}`);
    process.stdout.write('0 passed, 1 failed\n');
    process.exit(1);
  },
);
