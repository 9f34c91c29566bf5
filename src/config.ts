// Process configuration, read once from the environment.
import { createHash, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isIP } from 'node:net';
import { isLoopbackAddress, normalHost } from './outbound/host';
import { projectRoot } from './project-root';
import { temporalConnectionOptions, type TemporalConnectionOptions } from './engine/connection';

const env = process.env;

const QUEUE_KINDS = ['commands', 'fanout', 'maintenance'] as const;

function workerQueues(): (typeof QUEUE_KINDS)[number][] {
  const named = (env.WORKER_TASK_QUEUES ?? QUEUE_KINDS.join(',')).split(',').map((v) => v.trim()).filter(Boolean);
  const unknown = named.filter((n) => !(QUEUE_KINDS as readonly string[]).includes(n));
  if (unknown.length || !named.length) throw new Error(`WORKER_TASK_QUEUES names ${unknown.join(', ') || 'nothing'}; use some of ${QUEUE_KINDS.join(', ')}`);
  return QUEUE_KINDS.filter((k) => named.includes(k));
}

function int(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number`);
  return n;
}

function secret(): string {
  const s = env.SABNODE_SECRET;
  if (s && s.length >= 32) return s;
  if (env.NODE_ENV === 'production') throw new Error('SABNODE_SECRET (32+ characters) is required in production');
  return 'sabnode-development-secret-do-not-use-in-production';
}

function bounded(name: string, fallback: number, min: number, max: number): number {
  const n = int(name, fallback);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}`);
  return n;
}

function outboundConfig() {
  const mode = env.OUTBOUND_MODE || 'public';
  if (mode !== 'public' && mode !== 'loopback') throw new Error(`OUTBOUND_MODE is public or loopback, not '${mode}'`);
  const production = env.NODE_ENV === 'production';
  if (mode === 'loopback' && production) throw new Error('OUTBOUND_MODE=loopback is for tests, fuzzing and benchmarks; it is refused when NODE_ENV=production');
  // the older WEBHOOK_* names are still read when the OUTBOUND_* ones are not set
  const list = (name: string, old: string) => (env[name] ?? env[old] ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  const allowedHosts = new Set(list('OUTBOUND_ALLOWED_HOSTS', 'WEBHOOK_ALLOWED_HOSTS').map(normalHost));
  if (mode === 'loopback') {
    const outside = [...allowedHosts].find((h) => isIP(h) && !isLoopbackAddress(h));
    if (outside) throw new Error(`OUTBOUND_MODE=loopback allows only loopback addresses in OUTBOUND_ALLOWED_HOSTS, not ${outside}`);
  }
  const resolveOverrides = new Map(
    production ? [] : list('OUTBOUND_RESOLVE_OVERRIDES', 'WEBHOOK_RESOLVE_OVERRIDES').map((pair) => {
      const [host, address = ''] = pair.split('=').map((v) => v.trim());
      if (!isIP(address)) throw new Error(`OUTBOUND_RESOLVE_OVERRIDES takes host=address pairs, not '${pair}'`);
      return [normalHost(host), address] as const;
    }),
  );
  return {
    // public: customers' URLs reach public addresses only; loopback (tests, fuzzing, benchmarks): only the allowlisted
    // loopback hosts are ever contacted, and every other URL is refused before any DNS lookup
    mode: mode as 'public' | 'loopback',
    // plain http is refused in production
    httpsOnly: production,
    // hosts (exact names or literal addresses) exempt from the https and public-address rules, for development and tests
    allowedHosts,
    // fixed DNS answers (host=address), never in production: tests show refusals of resolved addresses without real DNS
    resolveOverrides,
    // DNS servers (host:port) to resolve customers' host names with, instead of the system resolver
    dnsServers: (env.OUTBOUND_DNS_SERVERS ?? '').split(',').map((v) => v.trim()).filter(Boolean),
  };
}

/** A 32-byte AES key: 64 hex characters or the standard base64 of 32 bytes. */
function aesKey(name: string, text: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes: 64 hex characters (openssl rand -hex 32) or their base64`);
  return key;
}

// encrypts signing secrets at rest (src/secrets/at-rest.ts); older keys still decrypt what they sealed
function encryptionKeys(): { current: Buffer; previous: Buffer[] } {
  const current = env.SABNODE_ENCRYPTION_KEY;
  const previous = (env.SABNODE_ENCRYPTION_PREVIOUS_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean).map((k) => aesKey('SABNODE_ENCRYPTION_PREVIOUS_KEYS', k));
  if (current) return { current: aesKey('SABNODE_ENCRYPTION_KEY', current), previous };
  if (env.NODE_ENV === 'production') throw new Error('SABNODE_ENCRYPTION_KEY (32 bytes, e.g. openssl rand -hex 32) is required in production');
  return { current: createHash('sha256').update('sabnode-development-encryption-key-do-not-use-in-production').digest(), previous };
}

/**
 * A development or test secret: random, kept in `.data/<file>` (0600) from its first use, so restarts of the stack
 * keep recognising what was made with it. Created once even when several processes start together (linked into
 * place, never overwritten).
 */
function persistedDevSecret(file: string): string {
  const path = join(projectRoot(), '.data', file);
  const read = () => readFileSync(path, 'utf8').trim();
  try {
    return read();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(tmp);
  }
  return read();
}

/**
 * A secret that production must be given; elsewhere it defaults to a persisted random value, made on first use
 * (processes that never need it write nothing).
 */
function requiredSecret<T>(name: string, hint: string, parse: (text: string) => T, devFile: string): () => T {
  const given = env[name];
  if (given) {
    const value = parse(given);
    return () => value;
  }
  if (env.NODE_ENV === 'production') throw new Error(`${name} (${hint}) is required in production`);
  let value: T | undefined;
  return () => (value ??= parse(persistedDevSecret(devFile)));
}

// keys the hashes a purge keeps: its own setting, never SABNODE_SECRET (rotating that must not blind restores)
const purgeHashSecret = requiredSecret(
  'PURGE_HASH_SECRET',
  '32+ characters, e.g. openssl rand -hex 32; never changed once purges exist',
  (text) => {
    if (text.length < 32) throw new Error('PURGE_HASH_SECRET must be 32 characters or more');
    return text;
  },
  'purge-hash-secret',
);

// wraps each backup's data key (src/privacy/backup-cipher.ts)
const backupMasterKey = requiredSecret('BACKUP_MASTER_KEY', '32 bytes, e.g. openssl rand -hex 32', (text) => aesKey('BACKUP_MASTER_KEY', text), 'backup-master-key');

// How far ahead a message may be scheduled. The lower bound is one minute; tests may lower it
// (SCHEDULED_MESSAGE_MIN_LEAD_MS, refused when NODE_ENV=production) so a send at send_at fits in a test.
function scheduledMessagesConfig() {
  const minLeadMs = int('SCHEDULED_MESSAGE_MIN_LEAD_MS', 60_000);
  if (!Number.isInteger(minLeadMs) || minLeadMs < 0 || minLeadMs > 60_000) throw new Error('SCHEDULED_MESSAGE_MIN_LEAD_MS must be an integer from 0 to 60000');
  if (minLeadMs !== 60_000 && env.NODE_ENV === 'production') throw new Error('SCHEDULED_MESSAGE_MIN_LEAD_MS is for tests; it is refused when NODE_ENV=production');
  return {
    minLeadMs,
    maxLeadMs: 35 * 24 * 3600 * 1000,
    // scheduled messages waiting per workspace: past it a new one is refused (422 scheduled_message_limit_reached)
    perWorkspaceMax: bounded('SCHEDULED_MESSAGES_PER_WORKSPACE', 10_000, 1, 1_000_000),
  };
}

let temporalConnection: TemporalConnectionOptions | undefined;

export const config = {
  port: int('PORT', 3000),
  // the API's origin as integrators reach it: the OAuth issuer, and the resource its tokens are for
  // OAuth 2 apps a workspace may register (not deleted): past it `422 oauth_app_limit_reached`
  oauthAppsMax: int('OAUTH_APPS_MAX', 50),
  publicUrl: (env.SABNODE_PUBLIC_URL ?? `http://localhost:${int('PORT', 3000)}`).replace(/\/+$/, ''),
  host: env.HOST ?? '127.0.0.1',
  databaseUrl: env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5433/sabnode',
  dbPoolMax: int('DB_POOL_MAX', 20),
  temporalAddress: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
  temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
  // TLS, mTLS and API-key options shared by the client and the worker (TEMPORAL_TLS*, TEMPORAL_API_KEY); read on
  // first use, which the API and the worker make at start (a missing certificate stops them before they serve), and
  // which processes that never reach Temporal (migrations) never make
  get temporalConnection(): TemporalConnectionOptions {
    return (temporalConnection ??= temporalConnectionOptions(env));
  },
  taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'sabnode-commands',
  // which of the three queues this worker process serves (WORKER_TASK_QUEUES=commands,fanout,maintenance by default):
  // production runs one worker service per queue and scales each on its own
  get workerQueues() {
    return workerQueues();
  },
  // API_EMBEDDED_WORKER=1: each API process also runs a worker for the commands queue and starts its commands eagerly
  // on it (src/api/commands-worker.ts); `npm run dev` turns it on
  apiEmbeddedWorker: env.API_EMBEDDED_WORKER === '1',
  // a worker's heap grows to (1 + this/100) × what survived its last full collection before it collects again, instead
  // of V8's default (up to 4×, toward a limit of a quarter of the machine's memory): a fan-out burst's garbage is
  // collected rather than kept as resident memory. 0 keeps V8's default.
  workerHeapGrowingPercent: int('WORKER_HEAP_GROWING_PERCENT', 40),
  // slots per task queue of each worker process (`<queue>-fanout` and `<queue>-maintenance` beside the commands queue)
  workerSlots: {
    commands: { maxConcurrentWorkflowTaskExecutions: 100, maxConcurrentActivityTaskExecutions: 100, maxConcurrentLocalActivityExecutions: 100 },
    fanout: {
      maxConcurrentWorkflowTaskExecutions: int('WORKER_FANOUT_SLOTS', 50),
      maxConcurrentActivityTaskExecutions: int('WORKER_FANOUT_SLOTS', 50),
      maxConcurrentLocalActivityExecutions: int('WORKER_FANOUT_SLOTS', 50),
    },
    maintenance: { maxConcurrentWorkflowTaskExecutions: 10, maxConcurrentActivityTaskExecutions: 10, maxConcurrentLocalActivityExecutions: 10 },
  },
  // signs cursors; every API process of a deployment must share it
  secret: secret(),
  encryptionKeys: encryptionKeys(),
  // how long a request waits for its command before answering 503 (first request) or 409 (a concurrent retry)
  commandWaitMs: int('COMMAND_WAIT_MS', 10_000),
  // a privacy purge leaves a finished command's stored response this long for the API to read and answer it
  commandAnswerGraceMs: int('COMMAND_ANSWER_GRACE_MS', 60_000),
  // a bulk call answers 200 with every item's result if its job finishes within this bound, else 202 with the job
  bulkSyncWaitMs: int('BULK_SYNC_WAIT_MS', 10_000),
  // items per chunk transaction of a bulk job (read by the worker when it creates a job; each job keeps its own)
  bulkChunkSize: int('BULK_CHUNK_SIZE', 250),
  // recipients per broadcast batch at most (a batch is one transaction; batches are paced to the broadcast's rate)
  broadcastBatchMax: int('BROADCAST_BATCH_MAX', 200),
  // the rolling window of a whatsapp_cloud channel's daily recipient budget (src/channels/number-health.ts); tests scale it down
  whatsappBudgetWindowMs: int('WHATSAPP_BUDGET_WINDOW_MS', 86_400_000),
  temporalRpcTimeoutMs: int('TEMPORAL_RPC_TIMEOUT_MS', 3_000),
  defaultRateLimit: int('RATE_LIMIT_DEFAULT', 100),
  anonymousRateLimit: int('RATE_LIMIT_ANONYMOUS', 20),
  // a publishable key lives in browsers: each client address (/64 for IPv6) gets this much of it per second, so one
  // address cannot spend the key's whole budget for every other visitor
  publishableKeyAddressRateLimit: int('RATE_LIMIT_PUBLISHABLE_PER_ADDRESS', 20),
  providerCallbackRateLimit: int('RATE_LIMIT_PROVIDER_CALLBACKS', 500),
  // GET /v1/events/stream: how often each API process looks for new events, the keep-alive comment interval
  // (a stream's lease lapses after three missed ones, at least 30 s) and how many streams one key may hold open
  eventStreamPollMs: int('EVENT_STREAM_POLL_MS', 500),
  eventStreamHeartbeatMs: int('EVENT_STREAM_HEARTBEAT_MS', 15_000),
  eventStreamsPerKey: int('EVENT_STREAMS_PER_KEY', 5),
  eventStreamsPerWorkspace: int('EVENT_STREAMS_PER_WORKSPACE', 50),
  idempotencyTtlHours: 24,
  // proxies (CIDRs) whose X-Forwarded-For is believed; none by default, so the peer address is the client address
  trustedProxies: (env.TRUSTED_PROXIES ?? '').split(',').map((c) => c.trim()).filter(Boolean),
  // a key's last use is written at most this often (per key, across every API process)
  keyLastUsedEveryMs: int('KEY_LAST_USED_EVERY_MS', 60_000),
  // API keys held in each API process's memory; changes reach every process by NOTIFY, the TTL is a backstop (0: no cache)
  apiKeyCache: { ttlMs: int('API_KEY_CACHE_TTL_MS', 10_000), maxEntries: int('API_KEY_CACHE_MAX', 10_000) },
  // PII-read audit records: written in batches of at most this many, one multi-row insert per batch
  auditBatchMax: int('AUDIT_BATCH_MAX', 500),
  // Untrusted input is bounded before any work (checked without recursion, src/api/json-limits.ts). The depth bound
  // is what keeps every recursive walker of a request body (version transforms, canonical JSON, diffs, masking) far
  // from the stack's limit, so it may be lowered but not raised past 128.
  limits: {
    bodyBytes: int('LIMIT_BODY_BYTES', 1024 * 1024),
    jsonDepth: bounded('LIMIT_JSON_DEPTH', 32, 1, 128),
    jsonObjectKeys: int('LIMIT_JSON_OBJECT_KEYS', 1_000),
    // broadcasts take up to 10,000 contact ids
    jsonArrayItems: int('LIMIT_JSON_ARRAY_ITEMS', 10_000),
    jsonStringChars: int('LIMIT_JSON_STRING_CHARS', 65_536),
    // callers without a usable key (or signature): an in-memory budget per client address (/64 for IPv6) in each
    // API process, so refusing a stranger costs no database write; the map forgets the oldest addresses past this size
    strangerAddresses: int('LIMIT_STRANGER_ADDRESSES', 100_000),
  },
  // content-addressed file blobs; every API and worker process of a deployment must see the same folder
  filesDir: env.FILES_DIR || join(projectRoot(), '.data', 'files'),
  maxFileBytes: 25 * 1024 * 1024,
  logLevel: env.LOG_LEVEL ?? 'info',
  // /metrics and the detailed /readyz: on this listener only (unset: none), or on the public one with this token
  ops: {
    port: env.OPS_PORT ? int('OPS_PORT', 0) : null,
    host: env.OPS_HOST ?? '127.0.0.1',
    token: env.OPS_TOKEN || null,
  },
  // privacy purges and the product's own logical backups
  backups: {
    dir: env.BACKUP_DIR || join(projectRoot(), '.data', 'backups'),
    // the Temporal Schedule that takes them (created or updated at worker start)
    intervalMs: int('BACKUP_INTERVAL_MS', 24 * 3600 * 1000),
    retentionDays: int('BACKUP_RETENTION_DAYS', 30),
    // AES-256 key wrapping every backup's own data key; without it no backup can be read
    get masterKey(): Buffer {
      return backupMasterKey();
    },
  },
  purges: {
    // keys the hashes a purge keeps; must never change once purges exist (a restore recognises subjects by them, and
    // refuses to run under another key)
    get hashSecret(): string {
      return purgeHashSecret();
    },
    // how often a purge looks again at a backup it could not clean yet (one being written, an unreachable store)
    backupRecheckMs: int('PURGE_BACKUP_RECHECK_MS', 3600 * 1000),
    // the server deletes a closed workflow execution asynchronously (tens of seconds): the purge scans again until it is gone
    temporalRecheckMs: int('PURGE_TEMPORAL_RECHECK_MS', 15_000),
    // a purge reaches every backup within this bound (or the backup expires first)
    backupDeadlineMs: int('PURGE_BACKUP_DEADLINE_MS', 90 * 24 * 3600 * 1000),
    // a pending idempotency claim this old whose workflow never started (or ended without an answer) is released
    staleClaimMs: int('STALE_CLAIM_MS', 5 * 60 * 1000),
    // workflow histories the Temporal stage reads per page (one heartbeat, with its resume token, per page)
    temporalPageSize: int('PURGE_TEMPORAL_PAGE_SIZE', 100),
  },
  webhooks: {
    // delay before each attempt, from the event: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h
    retryScheduleMs: (env.WEBHOOK_RETRY_SCHEDULE_MS || '0,5000,300000,1800000,7200000,18000000,36000000,36000000').split(',').map((v) => Number(v.trim())),
    attemptTimeoutMs: int('WEBHOOK_ATTEMPT_TIMEOUT_MS', 5_000),
    retryAfterMaxMs: int('WEBHOOK_RETRY_AFTER_MAX_MS', 36_000_000),
    disableAfterFailingMs: int('WEBHOOK_DISABLE_AFTER_FAILING_MS', 5 * 24 * 3600 * 1000),
    dispatchPollMs: int('WEBHOOK_DISPATCH_POLL_MS', 500),
    // abuse bounds per workspace: live endpoints, and deliveries replayed per hour (fixed hourly window)
    endpointsMax: int('WEBHOOK_ENDPOINTS_MAX', 20),
    replaysPerHour: int('WEBHOOK_REPLAYS_PER_HOUR', 5_000),
    // deliveries waiting (pending or failed) per workspace: past it new ones are recorded dead, replays and tests refused
    pendingMax: int('WEBHOOK_PENDING_MAX', 100_000),
    // one endpoint's dispatcher: deliveries claimed per batch, and how long it lingers idle before it ends
    batchSize: int('WEBHOOK_BATCH_SIZE', 100),
  },
  // every request to a customer's URL (webhooks, http channels, flow http_request): src/outbound/
  outbound: outboundConfig(),
  scheduledMessages: scheduledMessagesConfig(),
  // the worker's sweep for channel senders that lost their wake: messages this overdue, looked for this often
  channelSweep: {
    overdueMs: bounded('CHANNEL_SWEEP_OVERDUE_MS', 60_000, 1_000, 3_600_000),
    everyMs: bounded('CHANNEL_SWEEP_EVERY_MS', 60_000, 500, 3_600_000),
  },
  templates: {
    // how long the sandbox's review of a template takes before it approves it; 0 approves at creation
    sandboxReviewMs: bounded('SANDBOX_TEMPLATE_REVIEW_MS', 2_000, 0, 3_600_000),
  },
  whatsapp: {
    // a media id is reused this long after its upload; Meta keeps uploads 30 days, the default leaves a day's margin
    mediaTtlMs: bounded('WHATSAPP_MEDIA_TTL_MS', 29 * 24 * 3600 * 1000, 1000, 30 * 24 * 3600 * 1000),
  },
  flows: {
    // multiplies every wait of a flow run; tests scale waits down (0.001 turns seconds into milliseconds)
    waitScale: Number(env.FLOW_WAIT_SCALE || 1),
    triggerPollMs: int('FLOW_TRIGGER_POLL_MS', 500),
    httpTimeoutMs: int('FLOW_HTTP_TIMEOUT_MS', 10_000),
    // an event this deep in a chain of runs (0: an integrator's request; each run adds one) triggers no flow
    maxTriggerDepth: int('FLOW_TRIGGER_MAX_DEPTH', 3),
    // past these, triggers record flow_run.throttled instead of starting a run, and manual runs are refused
    budgets: {
      runningPerFlow: int('FLOW_RUNS_RUNNING_PER_FLOW', 1_000),
      runningPerWorkspace: int('FLOW_RUNS_RUNNING_PER_WORKSPACE', 5_000),
      startsPerMinutePerFlow: int('FLOW_RUNS_PER_MINUTE_PER_FLOW', 600),
      startsPerMinutePerWorkspace: int('FLOW_RUNS_PER_MINUTE_PER_WORKSPACE', 2_000),
    },
  },
};
