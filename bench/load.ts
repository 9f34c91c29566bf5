// Load generation: autocannon for HTTP (latencies recorded per response, so p95 is exact) and a closed loop
// for in-process calls.
import autocannon from 'autocannon';

export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export function latencyStats(values: number[]): LatencyStats {
  const sorted = [...values].sort((a, b) => a - b);
  const pct = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN);
  return {
    count: sorted.length,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN,
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

export interface HttpRun extends LatencyStats {
  connections: number;
  durationS: number;
  rps: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** a few non-2xx bodies, for the warning */
  sampleErrors: string[];
}

export interface HttpLoad {
  url: string;
  connections: number;
  durationS: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** per-request headers and body (unique ids, Idempotency-Key) */
  nextRequest?: () => { headers: Record<string, string>; body: string };
}

let current: autocannon.Instance | undefined;
/** Stops a running autocannon (SIGINT). */
export function stopLoad(): void {
  current?.stop();
}

export function runHttp(load: HttpLoad): Promise<HttpRun> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statusCodes: Record<string, number> = {};
    const sampleErrors: string[] = [];
    const u = new URL(load.url);
    const requests: autocannon.Request[] | undefined = load.nextRequest
      ? [
          {
            method: load.method ?? 'POST',
            path: u.pathname + u.search,
            setupRequest: (req) => {
              const next = load.nextRequest!();
              return { ...req, headers: { ...load.headers, ...next.headers }, body: next.body };
            },
            onResponse: (status, body) => {
              if ((status < 200 || status > 299) && sampleErrors.length < 3) sampleErrors.push(`${status} ${body.slice(0, 300)}`);
            },
          },
        ]
      : [
          {
            method: load.method ?? 'GET',
            path: u.pathname + u.search,
            onResponse: (status, body) => {
              if ((status < 200 || status > 299) && sampleErrors.length < 3) sampleErrors.push(`${status} ${body.slice(0, 300)}`);
            },
          },
        ];
    const instance = autocannon(
      {
        url: `${u.protocol}//${u.host}`,
        connections: load.connections,
        duration: load.durationS,
        timeout: 10,
        headers: load.headers,
        requests,
      },
      (err, result) => {
        current = undefined;
        if (err) return reject(err);
        const stats = latencyStats(latencies);
        resolve({
          ...stats,
          connections: load.connections,
          durationS: result.duration,
          rps: stats.count / result.duration,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          statusCodes,
          sampleErrors,
        });
      },
    );
    current = instance;
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
}

export interface LoopRun extends LatencyStats {
  concurrency: number;
  durationS: number;
  opsPerSec: number;
  errors: number;
  firstError?: string;
}

/** `concurrency` callers, each calling `fn` back to back until `durationS` has passed. */
export async function closedLoop(concurrency: number, durationS: number, fn: (i: number) => Promise<void>, shouldStop: () => boolean = () => false): Promise<LoopRun> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let n = 0;
  const started = performance.now();
  const deadline = started + durationS * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && !shouldStop()) {
        const t0 = performance.now();
        try {
          await fn(n++);
          latencies.push(performance.now() - t0);
        } catch (err) {
          errors++;
          firstError ??= (err as Error).message;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { ...latencyStats(latencies), concurrency, durationS: elapsed, opsPerSec: latencies.length / elapsed, errors, firstError };
}

/** `count` calls one after another. */
export async function sequential(count: number, fn: (i: number) => Promise<void>, shouldStop: () => boolean = () => false): Promise<{ latencies: number[]; errors: number; firstError?: string }> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  for (let i = 0; i < count && !shouldStop(); i++) {
    const t0 = performance.now();
    try {
      await fn(i);
      latencies.push(performance.now() - t0);
    } catch (err) {
      errors++;
      firstError ??= (err as Error).message;
    }
  }
  return { latencies, errors, firstError };
}
