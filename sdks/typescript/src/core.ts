import { randomUUID } from 'node:crypto';
import { APIConnectionError, APIConnectionTimeoutError, APIError, errorFor, retryAfterMs, type ProblemDetails } from './errors.js';

export interface ClientOptions {
  /** A secret key (`sk_…`). Defaults to the `SABNODE_API_KEY` environment variable. */
  apiKey?: string;
  /** Defaults to `SABNODE_API_URL`, else `https://api.sabnode.com`. */
  baseURL?: string;
  /** `Api-Version` sent with every call; defaults to the version this SDK was generated for. */
  apiVersion?: string;
  /** Per attempt, in milliseconds (default 60 000). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** First backoff ceiling in milliseconds (default 500); it doubles per retry up to `maxRetryDelayMs`. */
  initialRetryDelayMs?: number;
  /** Backoff ceiling in milliseconds (default 8 000). */
  maxRetryDelayMs?: number;
  /** A `Retry-After` longer than this (default 60 000 ms) is not waited out: the error is thrown instead. */
  maxRetryAfterMs?: number;
  /** Headers added to every call. */
  defaultHeaders?: Record<string, string>;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  /** For POST, PATCH and DELETE: the key of this call, reused by its retries (default: a new UUID per call). */
  idempotencyKey?: string;
  apiVersion?: string;
  timeoutMs?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface StreamOptions extends Omit<RequestOptions, 'idempotencyKey'> {
  /** Resume right after this event id (sent as `Last-Event-ID`). */
  lastEventId?: string;
  /** Wait before reconnecting, in milliseconds (default: the server's `retry:` hint, else 2 000). */
  reconnectDelayMs?: number;
  /** Reconnect when nothing (not even a keep-alive) arrived for this long (default 45 000 ms). */
  idleTimeoutMs?: number;
}

/** A file to upload: bytes (or a Blob) with the name it is stored under. */
export interface Uploadable {
  data: Blob | Uint8Array | ArrayBuffer | string;
  filename: string;
  /** the part's `Content-Type` (default `application/octet-stream`: the content decides) */
  contentType?: string;
}

/** A non-JSON answer (file content): status, headers and the bytes. */
export interface BinaryResponse {
  status: number;
  headers: Headers;
  contentType: string | null;
  data: Uint8Array;
}

export interface OperationSpec {
  method: string;
  path: string;
  query?: object;
  /** query parameters sent comma-separated (`style: form, explode: false`) */
  csv?: string[];
  body?: unknown;
  bodyKind?: 'json' | 'multipart' | 'raw';
  /** the Content-Type of a raw body */
  contentType?: string;
  /** the statuses the operation answers on success */
  ok: number[];
  responseKind: 'json' | 'binary' | 'stream' | 'empty';
}

interface ListPage<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

const DEFAULT_BASE_URL = 'https://api.sabnode.com';
const MUTATING = new Set(['POST', 'PATCH', 'DELETE', 'PUT']);

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** The HTTP runtime every generated method calls: auth, versions, idempotency, retries, errors. */
export class Core {
  readonly baseURL: string;
  readonly apiVersion: string;
  private readonly apiKey: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly initialRetryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly defaultHeaders: Record<string, string>;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ClientOptions, defaultApiVersion: string) {
    const env = typeof process !== 'undefined' ? process.env : {};
    const apiKey = options.apiKey ?? env.SABNODE_API_KEY;
    if (!apiKey) throw new Error('SabNode: no API key (pass apiKey or set SABNODE_API_KEY)');
    this.apiKey = apiKey;
    this.baseURL = (options.baseURL ?? env.SABNODE_API_URL ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.apiVersion = options.apiVersion ?? defaultApiVersion;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxRetries = options.maxRetries ?? 3;
    this.initialRetryDelayMs = options.initialRetryDelayMs ?? 500;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 8_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.defaultHeaders = options.defaultHeaders ?? {};
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  async request<T>(spec: OperationSpec, options: RequestOptions = {}): Promise<T> {
    const res = await this.send(spec, options);
    if (spec.responseKind === 'binary') {
      const data = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, headers: res.headers, contentType: res.headers.get('content-type'), data } as T;
    }
    if (spec.responseKind === 'empty' || res.status === 204) {
      await res.body?.cancel();
      return undefined as T;
    }
    return (await res.json()) as T;
  }

  list<P extends ListPage<T>, T>(spec: OperationSpec, options: RequestOptions = {}): PagePromise<P, T> {
    return new PagePromise<P, T>(this, spec, options);
  }

  stream<T>(spec: OperationSpec, options: StreamOptions = {}): EventStream<T> {
    return new EventStream<T>(this, spec, options);
  }

  /** One call with its retries; resolves with a success response (body unread), throws an APIError otherwise. */
  async send(spec: OperationSpec, options: RequestOptions & { accept?: string; lastEventId?: string; keepOpen?: boolean } = {}): Promise<Response> {
    const url = this.url(spec);
    const maxRetries = options.maxRetries ?? this.maxRetries;
    const idempotencyKey = MUTATING.has(spec.method) ? (options.idempotencyKey ?? randomUUID()) : undefined;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.apiKey}`,
      'Api-Version': options.apiVersion ?? this.apiVersion,
      Accept: options.accept ?? (spec.responseKind === 'binary' ? '*/*' : 'application/json'),
      ...this.defaultHeaders,
      ...(options.headers ?? {}),
    };
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    if (options.lastEventId) headers['Last-Event-ID'] = options.lastEventId;

    for (let attempt = 0; ; attempt++) {
      const body = this.body(spec, headers);
      const timeoutMs = options.timeoutMs ?? this.timeoutMs;
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(new APIConnectionTimeoutError(`no answer within ${timeoutMs} ms`)), timeoutMs);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
      let res: Response;
      try {
        res = await this.fetchImpl(url, { method: spec.method, headers, body, signal });
        if (!options.keepOpen || !spec.ok.includes(res.status)) {
          // read the whole body under the timeout, so a stalled answer is retried too
          const bytes = await res.arrayBuffer();
          res = new Response(res.status === 204 || res.status === 304 ? null : bytes, { status: res.status, statusText: res.statusText, headers: res.headers });
        }
      } catch (err) {
        clearTimeout(timer);
        if (options.signal?.aborted) throw options.signal.reason;
        const failure = timeout.signal.aborted
          ? (timeout.signal.reason as APIConnectionTimeoutError)
          : new APIConnectionError(`connection to ${this.baseURL} failed: ${reasonOf(err)}`, { cause: err });
        if (attempt >= maxRetries) throw failure;
        await sleep(this.backoff(attempt), options.signal);
        continue;
      }
      clearTimeout(timer);
      if (spec.ok.includes(res.status)) return res;

      const problem = await problemOf(res);
      const error = errorFor(res.status, problem, res.headers);
      if (attempt >= maxRetries || !retryable(error)) throw error;
      const waitMs = retryAfterMs(res.headers);
      if (waitMs !== undefined && waitMs > this.maxRetryAfterMs) throw error;
      await sleep(waitMs ?? this.backoff(attempt), options.signal);
    }
  }

  /** Exponential backoff with full jitter. */
  backoff(attempt: number): number {
    return Math.random() * Math.min(this.maxRetryDelayMs, this.initialRetryDelayMs * 2 ** attempt);
  }

  private url(spec: OperationSpec): string {
    const url = new URL(this.baseURL + spec.path);
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) {
        if (spec.csv?.includes(name)) url.searchParams.append(name, value.map(String).join(','));
        else for (const v of value) url.searchParams.append(name, String(v));
      } else url.searchParams.append(name, String(value));
    }
    return url.toString();
  }

  private body(spec: OperationSpec, headers: Record<string, string>): string | FormData | Blob | Uint8Array | ArrayBuffer | undefined {
    if (spec.body === undefined || spec.bodyKind === undefined) {
      // a mutation without a body still says what it would send
      delete headers['Content-Type'];
      return undefined;
    }
    if (spec.bodyKind === 'json') {
      headers['Content-Type'] = 'application/json';
      return JSON.stringify(spec.body);
    }
    if (spec.bodyKind === 'raw') {
      headers['Content-Type'] = spec.contentType ?? 'application/octet-stream';
      return spec.body as string | Blob | Uint8Array | ArrayBuffer;
    }
    delete headers['Content-Type']; // fetch sets the multipart boundary
    const form = new FormData();
    for (const [name, value] of Object.entries(spec.body as Record<string, unknown>)) {
      if (value === undefined || value === null) continue;
      if (isUploadable(value)) {
        const blob = value.data instanceof Blob ? value.data : new Blob([value.data], { type: value.contentType ?? 'application/octet-stream' });
        const typed = value.contentType && blob.type !== value.contentType ? new Blob([blob], { type: value.contentType }) : blob;
        form.append(name, typed, value.filename);
      } else if (value instanceof Blob) form.append(name, value);
      else form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
    return form;
  }
}

// duck-typed: fetch's errors may come from another realm (a test runner's sandbox), where instanceof fails
function reasonOf(err: unknown): string {
  const e = err as { message?: unknown; cause?: { message?: unknown } } | undefined;
  return String(e?.cause?.message ?? e?.message ?? err);
}

function isUploadable(value: unknown): value is Uploadable {
  return typeof value === 'object' && value !== null && 'data' in value && 'filename' in value;
}

/** Retried: connection trouble, 429, 5xx, and 409 while the same idempotent call is still running. */
function retryable(error: APIError): boolean {
  return error.status === 429 || error.status >= 500 || (error.status === 409 && error.code === 'idempotency_in_progress');
}

async function problemOf(res: Response): Promise<ProblemDetails> {
  const text = await res.text();
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object') return parsed as ProblemDetails;
  } catch {
    // not JSON: a proxy's page, say
  }
  return { status: res.status, title: res.statusText, detail: text.slice(0, 500) || undefined };
}

/** One page of a list, with the way to the next. */
export type Page<P extends ListPage<T>, T> = P & {
  /** the following page, or null after the last */
  nextPage(): Promise<Page<P, T> | null>;
};

/**
 * A list call: `await` it for the first page, or `for await` over it for every item of every page.
 */
export class PagePromise<P extends ListPage<T>, T> implements PromiseLike<Page<P, T>>, AsyncIterable<T> {
  private first: Promise<Page<P, T>> | undefined;

  constructor(
    private readonly core: Core,
    private readonly spec: OperationSpec,
    private readonly options: RequestOptions,
  ) {}

  private load(cursor: string | undefined): Promise<Page<P, T>> {
    const query = { ...(this.spec.query ?? {}), ...(cursor ? { cursor } : {}) };
    return this.core.request<P>({ ...this.spec, query }, this.options).then((page) => {
      const withNext = page as Page<P, T>;
      Object.defineProperty(withNext, 'nextPage', {
        enumerable: false,
        value: () => (page.has_more && page.next_cursor ? this.load(page.next_cursor) : Promise.resolve(null)),
      });
      return withNext;
    });
  }

  private firstPage(): Promise<Page<P, T>> {
    this.first ??= this.load(undefined);
    return this.first;
  }

  then<R1 = Page<P, T>, R2 = never>(onfulfilled?: ((value: Page<P, T>) => R1 | PromiseLike<R1>) | null, onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null): Promise<R1 | R2> {
    return this.firstPage().then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<P, T> | R> {
    return this.firstPage().catch(onrejected);
  }

  /** Every page, in order. */
  async *pages(): AsyncGenerator<Page<P, T>> {
    let page: Page<P, T> | null = await this.firstPage();
    while (page) {
      yield page;
      page = await page.nextPage();
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.pages()) yield* page.data;
  }
}

interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  retry?: number;
}

/**
 * A Server-Sent Events stream of typed items: `for await (const event of stream)`. It reconnects by itself
 * when the connection ends, resuming with `Last-Event-ID`, so no event is missed or repeated.
 */
export class EventStream<T> implements AsyncIterable<T> {
  /** the id of the last event received: pass it as `lastEventId` to resume later */
  lastEventId: string | undefined;
  /** how many times the stream connected */
  connections = 0;
  private readonly abort = new AbortController();
  private retryMs: number | undefined;

  constructor(
    private readonly core: Core,
    private readonly spec: OperationSpec,
    private readonly options: StreamOptions,
  ) {
    this.lastEventId = options.lastEventId;
    if (options.signal) {
      if (options.signal.aborted) this.abort.abort(options.signal.reason);
      else options.signal.addEventListener('abort', () => this.abort.abort(options.signal!.reason), { once: true });
    }
  }

  /** Ends the stream; a `for await` over it finishes. */
  close(): void {
    this.abort.abort();
  }

  get closed(): boolean {
    return this.abort.signal.aborted;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let failures = 0;
    const maxRetries = this.options.maxRetries ?? 3;
    while (!this.closed) {
      let res: Response;
      try {
        res = await this.core.send(this.spec, {
          ...this.options,
          accept: 'text/event-stream',
          lastEventId: this.lastEventId,
          keepOpen: true,
          signal: this.abort.signal,
          maxRetries,
        });
      } catch (err) {
        if (this.closed) return;
        throw err;
      }
      this.connections++;
      let received = false;
      const messages = this.messages(res);
      try {
        for (;;) {
          let next: IteratorResult<SseMessage>;
          try {
            next = await messages.next();
          } catch {
            // the connection dropped (or went silent): reconnect below
            break;
          }
          if (next.done) break;
          const message = next.value;
          if (message.retry !== undefined) this.retryMs = message.retry;
          if (message.data === undefined) continue;
          received = true;
          if (message.id !== undefined) this.lastEventId = message.id;
          yield JSON.parse(message.data) as T;
        }
      } finally {
        await messages.return(undefined);
      }
      if (this.closed) return;
      // the connection ended: reconnect after the delay, from the last id received
      failures = received ? 0 : failures + 1;
      if (failures > maxRetries) throw new APIConnectionError('the event stream keeps closing without sending anything');
      try {
        await sleep(this.options.reconnectDelayMs ?? this.retryMs ?? 2_000, this.abort.signal);
      } catch {
        return;
      }
    }
  }

  /** Parses the `text/event-stream` body (WHATWG rules) into messages. */
  private async *messages(res: Response): AsyncGenerator<SseMessage> {
    if (!res.body) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    const idleMs = this.options.idleTimeoutMs ?? 45_000;
    let buffer = '';
    let id: string | undefined;
    let event: string | undefined;
    let data: string[] = [];
    let idle: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => void reader.cancel(new APIConnectionError('the event stream went silent')).catch(() => undefined), idleMs);
    };
    try {
      arm();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        arm();
        buffer += value;
        let at: number;
        while ((at = buffer.search(/\r\n|\r|\n/)) >= 0) {
          if (buffer[at] === '\r' && at === buffer.length - 1) break; // a \r\n may be split across chunks
          const line = buffer.slice(0, at);
          buffer = buffer.slice(at + (buffer.startsWith('\r\n', at) ? 2 : 1));
          if (line === '') {
            if (data.length) yield { id, event, data: data.join('\n') };
            else if (id !== undefined) this.lastEventId = id;
            event = undefined;
            data = [];
            continue;
          }
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let val = colon < 0 ? '' : line.slice(colon + 1);
          if (val.startsWith(' ')) val = val.slice(1);
          if (field === 'data') data.push(val);
          else if (field === 'event') event = val;
          else if (field === 'id' && !val.includes('\0')) id = val;
          else if (field === 'retry' && /^\d+$/.test(val)) yield { retry: Number(val) };
        }
      }
    } finally {
      clearTimeout(idle);
      await reader.cancel().catch(() => undefined);
    }
  }
}
