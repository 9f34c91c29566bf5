// A client that behaves like our SDKs: one Idempotency-Key per logical write, reused on every retry; retries on 503,
// 429, 409 idempotency_in_progress and dropped connections, honouring Retry-After, spread over every API process
// (the next one after a failure). Every attempt and the outcome are recorded for the checks at the end.

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Attempt {
  api: number;
  /** HTTP status, or 0 for a dropped connection or a request that did not answer in time */
  status: number;
  code?: string;
  ms: number;
  /** no answer within the attempt timeout (as opposed to a connection that dropped) */
  hung?: boolean;
}

export interface WriteRecord {
  kind: string;
  key: string;
  method: string;
  path: string;
  /** the request body, the same on every attempt */
  request: unknown;
  attempts: Attempt[];
  /** last status received (0: none) */
  finalStatus: number;
  /** the id the answer returned */
  id?: string;
  body?: Record<string, unknown>;
  /** a final answer (not a retryable one) was received */
  settled: boolean;
}

const RETRYABLE_STATUS = new Set([429, 503]);

export class FaultClient {
  private next = 0;
  readonly writes: WriteRecord[] = [];

  constructor(
    private readonly apis: string[],
    private readonly key: string,
    private readonly attemptTimeoutMs = 20_000,
  ) {}

  /** One request, no retry: the raw answer (status 0 when the connection dropped or nothing came in time). */
  async once(api: number, method: string, path: string, opts: { body?: unknown; idempotencyKey?: string } = {}): Promise<{ status: number; headers: Headers | null; body: any; ms: number; hung?: boolean }> {
    const started = Date.now();
    try {
      const res = await fetch(`${this.apis[api]}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.key}`,
          ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(opts.idempotencyKey ? { 'Idempotency-Key': opts.idempotencyKey } : {}),
        },
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: AbortSignal.timeout(this.attemptTimeoutMs),
      });
      const text = await res.text();
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      return { status: res.status, headers: res.headers, body, ms: Date.now() - started };
    } catch (err) {
      return { status: 0, headers: null, body: null, ms: Date.now() - started, hung: (err as Error).name === 'TimeoutError' };
    }
  }

  /**
   * A logical write under `key`: retried until a final answer or until `deadline` (epoch ms). Resumable: calling it
   * again with the same record continues with the same key.
   */
  async write(rec: WriteRecord, deadline: number): Promise<WriteRecord> {
    const body = rec.request;
    if (!this.writes.includes(rec)) this.writes.push(rec);
    while (!rec.settled && Date.now() < deadline) {
      const api = this.next++ % this.apis.length;
      const res = await this.once(api, rec.method, rec.path, { body, idempotencyKey: rec.key });
      const code = res.body && typeof res.body === 'object' ? (res.body.code as string | undefined) : undefined;
      rec.attempts.push({ api, status: res.status, code, ms: res.ms, hung: res.hung });
      rec.finalStatus = res.status;
      const retryable = res.status === 0 || RETRYABLE_STATUS.has(res.status) || (res.status === 409 && code === 'idempotency_in_progress');
      if (!retryable) {
        rec.settled = true;
        rec.body = res.body;
        if (res.body && typeof res.body === 'object' && typeof res.body.id === 'string') rec.id = res.body.id;
        break;
      }
      // the next attempt goes to the next API process; wait as told, bounded so a run stays short
      const retryAfter = Number(res.headers?.get('retry-after') ?? '');
      const waitMs = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, 3000) : 250;
      await sleep(Math.min(waitMs, Math.max(0, deadline - Date.now())));
    }
    return rec;
  }

  record(kind: string, key: string, method: string, path: string, request?: unknown): WriteRecord {
    return { kind, key, method, path, request, attempts: [], finalStatus: 0, settled: false };
  }

  /** A read retried on dropped connections and 503/429 until `deadline`; null if it never answered 200. */
  async read(path: string, deadline: number): Promise<any | null> {
    while (Date.now() < deadline) {
      const res = await this.once(this.next++ % this.apis.length, 'GET', path);
      if (res.status === 200) return res.body;
      await sleep(500);
    }
    return null;
  }
}
