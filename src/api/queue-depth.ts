// Queue depth on /metrics: what waits on each task queue (Temporal's own backlog, per queue and task type) and what
// waits in PostgreSQL for the fan-out (webhook deliveries due or retrying, messages not yet handed to a provider).
// Read when /metrics is scraped, at most once a second, each read bounded; a failed read leaves the gauge absent
// rather than showing a stale number as if it were current.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Gauge } from 'prom-client';
import { config } from '../config';
import { queueName, type QueueKind } from '../engine/queues';
import { registry } from '../metrics';

const KINDS: QueueKind[] = ['commands', 'fanout', 'maintenance'];
const TYPES = [
  ['workflow', temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW],
  ['activity', temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY],
] as const;

const backlog = new Gauge({
  name: 'sabnode_task_queue_backlog',
  help: "Tasks waiting for a worker on each task queue (Temporal's approximate backlog), by queue and task type",
  labelNames: ['queue', 'type'] as const,
  registers: [registry],
});
const backlogAge = new Gauge({
  name: 'sabnode_task_queue_backlog_age_seconds',
  help: 'How long the oldest waiting task of each task queue has waited, by queue and task type',
  labelNames: ['queue', 'type'] as const,
  registers: [registry],
});
const pollers = new Gauge({
  name: 'sabnode_task_queue_pollers',
  help: 'Workers polling each task queue, by queue and task type',
  labelNames: ['queue', 'type'] as const,
  registers: [registry],
});
const rowsWaiting = new Gauge({
  name: 'sabnode_fanout_rows_waiting',
  help: 'Fan-out work waiting in PostgreSQL: webhook deliveries not yet finished, messages not yet handed to a provider (counted up to 1,000,000)',
  labelNames: ['kind'] as const,
  registers: [registry],
});

// a count past this says "very many"; counting further would make a scrape cost as much as the backlog
const COUNT_CAP = 1_000_000;
const RPC_BOUND_MS = 1_500;

let readAt = 0;
let reading: Promise<void> | null = null;

async function readTemporal(connection: Connection): Promise<void> {
  await Promise.all(
    KINDS.flatMap((kind) =>
      TYPES.map(async ([type, taskQueueType]) => {
        const queue = queueName(config.taskQueue, kind);
        const labels = { queue, type };
        try {
          const r = await connection.withDeadline(Date.now() + RPC_BOUND_MS, () =>
            connection.workflowService.describeTaskQueue({ namespace: config.temporalNamespace, taskQueue: { name: queue }, taskQueueType, reportStats: true }),
          );
          backlog.set(labels, Number(r.stats?.approximateBacklogCount ?? 0));
          const age = r.stats?.approximateBacklogAge;
          backlogAge.set(labels, Number(age?.seconds ?? 0) + (age?.nanos ?? 0) / 1e9);
          pollers.set(labels, r.pollers?.length ?? 0);
        } catch {
          backlog.remove(labels);
          backlogAge.remove(labels);
          pollers.remove(labels);
        }
      }),
    ),
  );
}

async function readRows(orm: MikroORM): Promise<void> {
  const counts: [string, string][] = [
    ['webhook_deliveries', `select count(*)::int as n from (select 1 from webhook_deliveries where status in ('pending', 'failed') limit ${COUNT_CAP}) w`],
    ['messages', `select count(*)::int as n from (select 1 from messages where status = 'queued' limit ${COUNT_CAP}) m`],
  ];
  await Promise.all(
    counts.map(async ([kind, sql]) => {
      try {
        const [{ n }] = await orm.em.getConnection().execute<{ n: number }[]>(sql);
        rowsWaiting.set({ kind }, n);
      } catch {
        rowsWaiting.remove({ kind });
      }
    }),
  );
}

/** Refreshes the gauges before a scrape; concurrent scrapes share one read, and a read is reused for a second. */
export async function refreshQueueDepth(deps: { orm: MikroORM; connection: Connection }): Promise<void> {
  if (Date.now() - readAt < 1_000) return reading ?? undefined;
  readAt = Date.now();
  reading = Promise.all([readTemporal(deps.connection), readRows(deps.orm)]).then(() => undefined);
  try {
    await reading;
  } finally {
    reading = null;
  }
}
