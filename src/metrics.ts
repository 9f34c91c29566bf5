import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const requestDuration = new Histogram({
  name: 'sabnode_http_request_duration_seconds',
  help: 'HTTP request duration by operation and status',
  labelNames: ['operation', 'method', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

// PII-read audit: records per multi-row insert (group commit batches them while an insert is in flight)
export const auditBatchRecords = new Histogram({
  name: 'sabnode_pii_audit_batch_records',
  help: 'PII-read audit records written per insert',
  buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500],
  registers: [registry],
});

// API keys served from memory (hit), read from PostgreSQL (miss), and change notifications received
export const authCacheEvents = new Counter({
  name: 'sabnode_api_key_cache_events_total',
  help: 'API key cache hits, misses and change notifications',
  labelNames: ['event'] as const,
  registers: [registry],
});

// rate-limit units are leased from the shared store in chunks: one round trip per lease, not per request
export const rateLimitLeases = new Counter({
  name: 'sabnode_rate_limit_leases_total',
  help: 'Leases of rate-limit units taken from the shared store',
  registers: [registry],
});

// every statement this process sends to PostgreSQL, to count round trips per request
export const dbQueries = new Counter({
  name: 'sabnode_db_queries_total',
  help: 'Statements sent to PostgreSQL by this process',
  registers: [registry],
});
