// What every process that runs a Temporal Worker sets up the same way: the SDK's log lines, and activity failures
// that carry no personal data.
import { DefaultLogger, Runtime, type ActivityExecuteInput, type LogEntry, type WorkerInterceptors } from '@temporalio/worker';
import { withoutPersonalData } from '../db/driver-errors';
import { logger } from '../logger';
import { setFlagsFromString } from 'node:v8';
import { config } from '../config';
import { commandAnswerSinks } from './command-answers';

/**
 * The SDK's own log lines go out as JSON through the same logger as ours. `ownSignals`: the process stops its workers
 * itself on SIGINT/SIGTERM (the API, which first drains its HTTP server), so the runtime must not.
 */
export function installJsonLogging(opts: { ownSignals?: boolean } = {}): void {
  const levels = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;
  Runtime.install({
    logger: new DefaultLogger('INFO', (entry: LogEntry) => logger[levels[entry.level]]({ sdk: entry.meta }, entry.message)),
    ...(opts.ownSignals ? { shutdownSignals: [] } : {}),
  });
}

// no personal data ever reaches the worker's logs or Temporal history: an activity's failure leaves without row
// values or entity dumps, whichever activity threw it
export const activityInterceptors: WorkerInterceptors = {
  activity: [
    () => ({
      inbound: {
        execute: async (input: ActivityExecuteInput, next: (input: ActivityExecuteInput) => Promise<unknown>) => {
          try {
            return await next(input);
          } catch (err) {
            throw withoutPersonalData(err);
          }
        },
      },
    }),
  ],
};

/** What every Worker of ours is created with: the activity interceptors above and the command workflows' sink. */
export const workerHooks = { interceptors: activityInterceptors, sinks: commandAnswerSinks };

/**
 * Bounds how far the worker's heap grows past its live data (config.workerHeapGrowingPercent). V8 reads the growing
 * factor at each full collection, so setting it once at start takes effect whichever way the process was launched
 * (npm scripts, the container, tests, benchmarks); nothing else can fail for it, unlike a fixed heap limit.
 */
export function boundHeapGrowth(): void {
  if (config.workerHeapGrowingPercent > 0) setFlagsFromString(`--heap-growing-percent=${config.workerHeapGrowingPercent}`);
}
