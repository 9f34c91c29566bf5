// Temporal round trips the API makes, by RPC: what a command costs the engine, on /metrics
// (sabnode_temporal_rpcs_total), and how many commands started eagerly on this process's own worker.
import { Counter } from 'prom-client';
import { registry } from '../metrics';

export const temporalRpcs = new Counter({
  name: 'sabnode_temporal_rpcs_total',
  help: 'Temporal WorkflowService calls made by this API process, by method',
  labelNames: ['method'] as const,
  registers: [registry],
});

export const commandStarts = new Counter({
  name: 'sabnode_command_starts_total',
  help: 'Command workflow starts, by whether the server handed the first workflow task to this process (eager)',
  labelNames: ['eager'] as const,
  registers: [registry],
});

const NOT_RPCS = new Set(['rpcImpl', 'requestDelimited', 'responseDelimited', 'on', 'off', 'emit', 'end']);

/** Counts every call made through a connection's WorkflowService (the SDK's own retries of one call count once). */
export function countTemporalRpcs<T extends { workflowService: object }>(connection: T, count: (method: string) => void = (m) => temporalRpcs.inc({ method: m })): T {
  const service = connection.workflowService as Record<string, unknown>;
  for (const [name, fn] of Object.entries(service)) {
    if (typeof fn !== 'function' || NOT_RPCS.has(name) || name.startsWith('_')) continue;
    service[name] = function (this: unknown, ...args: unknown[]) {
      count(name);
      return (fn as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  return connection;
}
