import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type * as SdkModule from '../sdks/typescript/src/index';
import { assertMatchesSpec } from './support/client';
import { sdkEnv } from './support/sdk-fixture';
import { closeDb } from './support/stack';

// The TypeScript SDK against the live stack: built as a package would be (ESM + CJS + .d.ts under strict), then
// loaded from its CommonJS build and driven through its generated methods.

const ROOT = join(__dirname, '..');
const SDK_DIR = join(ROOT, 'sdks', 'typescript');
const CONSUMER_DIR = join(ROOT, '.data', 'sdk-ts-consumer');

let sdk: typeof SdkModule;
let env: Record<string, string>;

interface Seen {
  method: string;
  path: string;
  status: number;
  at: number;
  headers: Headers;
  requestHeaders: Headers;
}

/** A fetch that checks every answer against openapi.yaml and records what was sent and received. */
function recordingFetch(seen: Seen[] = []): { fetch: typeof fetch; seen: Seen[] } {
  const wrapped: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const res = await fetch(input, init);
    seen.push({ method, path: url.pathname, status: res.status, at: Date.now(), headers: res.headers, requestHeaders: new Headers(init?.headers) });
    const type = res.headers.get('content-type') ?? '';
    if (/json/.test(type)) {
      const text = await res.clone().text();
      assertMatchesSpec(method, url.pathname, { status: res.status, headers: res.headers, body: JSON.parse(text), text });
    } else assertMatchesSpec(method, url.pathname, { status: res.status, headers: res.headers, body: null, text: '' });
    return res;
  };
  return { fetch: wrapped, seen };
}

function client(opts: Partial<SdkModule.ClientOptions> = {}): SdkModule.SabNode {
  return new sdk.SabNode({ baseURL: env.SABNODE_API_URL, apiKey: env.SABNODE_API_KEY, initialRetryDelayMs: 50, ...opts });
}

const phone = () => `+9198${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

type ProxyAction = 'pass' | 'drop-response' | 'fail-503' | 'fail-503-wait-long' | 'in-progress-409' | 'hang' | 'cut-after-first-event';

/** A local HTTP proxy to the API whose answers a test can drop, fail or cut. */
class Proxy {
  private server!: Server;
  url = '';
  readonly requests: { method: string; path: string; headers: IncomingHttpHeaders }[] = [];
  constructor(
    private readonly upstream: string,
    private readonly decide: (method: string, path: string, nth: number) => ProxyAction,
  ) {}

  async start(): Promise<this> {
    const up = new URL(this.upstream);
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      this.requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
      const nth = this.requests.filter((r) => r.method === req.method && r.path.split('?')[0] === path.split('?')[0]).length;
      const action = this.decide(req.method ?? 'GET', path.split('?')[0], nth);
      if (action === 'fail-503' || action === 'fail-503-wait-long' || action === 'in-progress-409') {
        req.resume();
        const status = action === 'in-progress-409' ? 409 : 503;
        const code = action === 'in-progress-409' ? 'idempotency_in_progress' : 'service_unavailable';
        res.writeHead(status, { 'Content-Type': 'application/problem+json', 'Retry-After': action === 'fail-503-wait-long' ? '120' : '0' });
        res.end(JSON.stringify({ type: 'about:blank', title: 'Not now', status, code, request_id: 'req_proxy' }));
        return;
      }
      if (action === 'hang') {
        req.resume();
        return;
      }
      const forward = httpRequest({ host: up.hostname, port: up.port, method: req.method, path, headers: { ...req.headers, host: up.host } }, (upRes) => {
        if (action === 'drop-response') {
          // the command ran upstream; its answer never reaches the client
          upRes.resume();
          upRes.on('end', () => res.socket?.destroy());
          return;
        }
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        if (action === 'cut-after-first-event') {
          let text = '';
          upRes.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            const cut = /^data: .*\n\n/m.test(text);
            // once the first event is on the wire, the connection drops mid-stream (no end of the chunked body)
            res.write(chunk, () => {
              if (!cut) return;
              upRes.destroy();
              res.socket?.destroy();
            });
          });
          return;
        }
        upRes.pipe(res);
      });
      forward.on('error', () => res.socket?.destroy());
      req.pipe(forward);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function until<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  // the package build: ESM and CJS with declarations, under strict
  execFileSync(process.execPath, [join(SDK_DIR, 'build.mjs')], { cwd: SDK_DIR, stdio: 'inherit' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  sdk = require(join(SDK_DIR, 'dist', 'cjs', 'index.js')) as typeof SdkModule;
  env = await sdkEnv();
}, 120_000);

afterAll(async () => {
  await closeDb();
});

describe('the package', () => {
  beforeAll(() => {
    rmSync(CONSUMER_DIR, { recursive: true, force: true });
    mkdirSync(join(CONSUMER_DIR, 'node_modules', '@sabnode'), { recursive: true });
    symlinkSync(SDK_DIR, join(CONSUMER_DIR, 'node_modules', '@sabnode', 'sdk'), 'dir');
  });

  test('the generated files are what the generator makes from openapi.yaml', () => {
    execFileSync(process.execPath, [require.resolve('tsx/cli'), join(ROOT, 'scripts', 'sdk', 'typescript.ts'), '--check'], { cwd: ROOT, stdio: 'pipe' });
  });

  test('loads as CommonJS and as an ES module, by its package name, and calls the API from both', () => {
    const probe = `const c = new SabNode();
      const shape = typeof c.contacts.create === 'function' && typeof c.webhookEndpoints.rotateSecret === 'function'
        && typeof c.events.stream === 'function' && new NotFoundError(404, { code: 'resource_missing' }, new Headers()) instanceof APIError
        && c.apiVersion === API_VERSION && typeof verifyWebhook === 'function';
      c.status.retrieve().then((s) => console.log(shape ? s.status + ' ' + s.api_version : 'broken'), (e) => console.log('failed', e));`;
    // the key and URL come from the environment, as the README says
    const childEnv = { ...process.env, SABNODE_API_URL: env.SABNODE_API_URL, SABNODE_API_KEY: env.SABNODE_API_KEY };
    const expected = 'operational';
    const cjs = execFileSync(process.execPath, ['-e', `const { SabNode, NotFoundError, APIError, API_VERSION, verifyWebhook } = require('@sabnode/sdk');\n${probe}`], { cwd: CONSUMER_DIR, env: childEnv }).toString();
    expect(cjs.trim()).toBe(`${expected} ${sdk.API_VERSION}`);
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', `import { SabNode, NotFoundError, APIError, API_VERSION, verifyWebhook } from '@sabnode/sdk';\n${probe}`], { cwd: CONSUMER_DIR, env: childEnv }).toString();
    expect(esm.trim()).toBe(`${expected} ${sdk.API_VERSION}`);
  });

  test('its declarations type a consumer under strict, from ESM and from CommonJS', () => {
    const body = `
      const client = new SabNode({ apiKey: 'sk_test' });
      export async function use(): Promise<string> {
        const contact: Contact = await client.contacts.create({ phone: '+919876543210', first_name: 'Asha' });
        const first: string | null = contact.first_name;
        // @ts-expect-error: no such field on a contact create
        await client.contacts.create({ phone: '+919876543210', nickname: 'x' });
        // @ts-expect-error: a contact id is a string
        await client.contacts.retrieve(42);
        for await (const c of client.contacts.list({ limit: 10 })) if ('deleted' in c) void c.deleted; else void c.phone;
        // the workspace's messages, as a sync walks them
        for await (const m of client.messages.listAll({ sort: 'updated_at', updated_since: '2026-11-26T00:00:00Z', direction: 'outbound', channel_id: 'chn_0000000000000000000000000a' })) { const s: 'scheduled' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'cancelled' | 'received' = m.status; void s; }
        // @ts-expect-error: no such direction
        await client.messages.listAll({ direction: 'sideways' });
        for await (const f of client.flows.list({ updated_since: '2026-11-26T00:00:00Z' })) if ('deleted' in f) void f.updated_at; else void f.steps;
        const page = await client.contacts.list();
        const more: boolean = page.has_more;
        const bulk = await client.contacts.bulkUpsert({ items: [{ phone: '+919876543210' }] });
        const done = await client.waitForBulkJob(bulk);
        const status: number | undefined = done.results[0]?.status;
        for await (const event of client.events.stream({ types: ['contact.*'] })) { const t: Event['type'] = event.type; void t; break; }
        const file = await client.files.create({ file: { data: new Uint8Array([1]), filename: 'a.txt' }, purpose: 'x' });
        const bytes: Uint8Array = (await client.files.download(file.id)).data;
        try { await client.tags.retrieve('vip'); } catch (e) { if (e instanceof RateLimitError) { const s: number | undefined = e.retryAfter; void s; } }
        const hook = verifyWebhook('{}', { 'webhook-id': 'x' }, 'whsec_AAAA');
        return [first, more, status, bytes.length, hook.type].join();
      }`;
    writeFileSync(join(CONSUMER_DIR, 'esm.mts'), `import { SabNode, RateLimitError, verifyWebhook, type Contact, type Event } from '@sabnode/sdk';\n${body}`);
    writeFileSync(join(CONSUMER_DIR, 'cjs.cts'), `import { SabNode, RateLimitError, verifyWebhook, type Contact, type Event } from '@sabnode/sdk';\n${body}`);
    writeFileSync(
      join(CONSUMER_DIR, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022'], types: ['node'], skipLibCheck: false, typeRoots: [join(ROOT, 'node_modules', '@types')] },
        files: ['esm.mts', 'cjs.cts'],
      }),
    );
    let out = '';
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(CONSUMER_DIR, 'tsconfig.json')], { cwd: CONSUMER_DIR, stdio: 'pipe' });
    } catch (err) {
      out = String((err as { stdout?: Buffer }).stdout ?? err);
    }
    expect(out).toBe('');
  }, 60_000);
});

describe('contacts through the SDK', () => {
  test('create, retrieve, update, list across pages and delete, typed', async () => {
    const { fetch, seen } = recordingFetch();
    const api = client({ fetch });
    const created: SdkModule.Contact[] = [];
    for (let i = 0; i < 5; i++) created.push(await api.contacts.create({ phone: phone(), first_name: `Asha${i}`, attributes: { n: i } }));
    expect(created[0]).toMatchObject({ object: 'contact', first_name: 'Asha0', attributes: { n: 0 } });
    expect(created[0].id).toMatch(/^ctc_/);

    const got = await api.contacts.retrieve(created[0].id);
    expect(got.id).toBe(created[0].id);
    const updated = await api.contacts.update(created[0].id, { last_name: 'Rao', attributes: { plan: 'pro' } });
    expect(updated).toMatchObject({ first_name: 'Asha0', last_name: 'Rao', attributes: { n: 0, plan: 'pro' } });

    // one page, then every item of every page
    const page = await api.contacts.list({ limit: 2 });
    expect(page.data).toHaveLength(2);
    expect(page.has_more).toBe(true);
    const second = await page.nextPage();
    expect(second?.data[0].id).not.toBe(page.data[0].id);
    const before = seen.filter((s) => s.path === '/v1/contacts' && s.method === 'GET').length;
    const ids: string[] = [];
    for await (const c of api.contacts.list({ limit: 2 })) ids.push(c.id);
    const pagesRead = seen.filter((s) => s.path === '/v1/contacts' && s.method === 'GET').length - before;
    expect(pagesRead).toBeGreaterThanOrEqual(3);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of created) expect(ids).toContain(c.id);

    // a search pages like a list: every page a POST with the same filters
    const filters = { filter_groups: [{ filters: [{ field: 'phone', operator: 'in' as const, values: created.map((c) => c.phone!) }] }] };
    const searchesBefore = seen.filter((s) => s.path === '/v1/contacts/search' && s.method === 'POST').length;
    const found: string[] = [];
    for await (const c of api.contacts.search(filters, { limit: 2 })) found.push(c.id);
    expect(found.sort()).toEqual(created.map((c) => c.id).sort());
    expect(seen.filter((s) => s.path === '/v1/contacts/search' && s.method === 'POST').length - searchesBefore).toBe(3);

    const deleted = await api.contacts.delete(created[1].id);
    expect(deleted).toMatchObject({ id: created[1].id, deleted: true });
    await expect(api.contacts.retrieve(created[1].id)).rejects.toBeInstanceOf(sdk.NotFoundError);

    // every mutation carried an Idempotency-Key, a fresh one per call; reads carry none
    const posts = seen.filter((s) => s.method !== 'GET');
    expect(posts.every((s) => /^[0-9a-f-]{36}$/.test(s.requestHeaders.get('idempotency-key') ?? ''))).toBe(true);
    expect(new Set(posts.map((s) => s.requestHeaders.get('idempotency-key'))).size).toBe(posts.length);
    expect(seen.filter((s) => s.method === 'GET').every((s) => s.requestHeaders.get('idempotency-key') === null)).toBe(true);
    expect(seen.every((s) => s.requestHeaders.get('api-version') === sdk.API_VERSION)).toBe(true);
  });

  test('a POST whose answer is lost is retried with the same Idempotency-Key and creates one contact', async () => {
    const proxy = await new Proxy(env.SABNODE_API_URL, (method, path, nth) => (method === 'POST' && path === '/v1/contacts' && nth === 1 ? 'drop-response' : 'pass')).start();
    try {
      const api = client({ baseURL: proxy.url });
      const p = phone();
      const contact = await api.contacts.create({ phone: p, first_name: 'Once' });
      expect(contact.phone).toBe(p);
      const posts = proxy.requests.filter((r) => r.method === 'POST');
      expect(posts).toHaveLength(2);
      expect(posts[0].headers['idempotency-key']).toBeDefined();
      expect(posts[1].headers['idempotency-key']).toBe(posts[0].headers['idempotency-key']);
      const found = await client().contacts.list({ phone: p });
      expect(found.data.map((c) => c.id)).toEqual([contact.id]);
    } finally {
      await proxy.stop();
    }
  });

  test('a 503 and a 409 idempotency_in_progress are retried and a caller-chosen Idempotency-Key is kept', async () => {
    const proxy = await new Proxy(env.SABNODE_API_URL, (method, path, nth) => {
      if (method !== 'POST' || path !== '/v1/contacts') return 'pass';
      return nth === 1 ? 'in-progress-409' : nth === 2 || nth === 4 ? 'fail-503' : 'pass';
    }).start();
    try {
      const key = `mine-${randomUUID()}`;
      const contact = await client({ baseURL: proxy.url }).contacts.create({ phone: phone() }, { idempotencyKey: key });
      expect(contact.object).toBe('contact');
      const posts = proxy.requests.filter((r) => r.method === 'POST');
      expect(posts.map((r) => r.headers['idempotency-key'])).toEqual([key, key, key]);
      // with no retries left the typed 5xx error surfaces
      const err = await client({ baseURL: proxy.url, maxRetries: 0 })
        .contacts.create({ phone: phone() })
        .then(() => null, (e: unknown) => e);
      expect(proxy.requests.filter((r) => r.method === 'POST')).toHaveLength(4);
      expect(err).toBeInstanceOf(sdk.InternalServerError);
      expect(err).toMatchObject({ status: 503, code: 'service_unavailable', requestId: 'req_proxy' });
    } finally {
      await proxy.stop();
    }
  });

  test('a Retry-After longer than the client will wait is not cut short: the error is thrown at once', async () => {
    const proxy = await new Proxy(env.SABNODE_API_URL, () => 'fail-503-wait-long').start();
    try {
      const started = Date.now();
      const err = await client({ baseURL: proxy.url, maxRetryAfterMs: 30_000 }).contacts.list().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(sdk.InternalServerError);
      expect(proxy.requests).toHaveLength(1);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await proxy.stop();
    }
  });

  test('an answer that does not come in time is a typed timeout, retried with the same key', async () => {
    const proxy = await new Proxy(env.SABNODE_API_URL, () => 'hang').start();
    try {
      const started = Date.now();
      const err = await client({ baseURL: proxy.url, timeoutMs: 300, maxRetries: 1 })
        .contacts.create({ phone: phone() })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(sdk.APIConnectionTimeoutError);
      expect(err).toBeInstanceOf(sdk.APIConnectionError);
      expect(Date.now() - started).toBeGreaterThanOrEqual(600);
      expect(proxy.requests).toHaveLength(2);
      expect(proxy.requests[1].headers['idempotency-key']).toBe(proxy.requests[0].headers['idempotency-key']);
    } finally {
      await proxy.stop();
    }
  });

  test('a connection that cannot be made is a typed connection error after the retries', async () => {
    const api = client({ baseURL: 'http://127.0.0.1:9', maxRetries: 2 });
    const started = Date.now();
    const err = await api.contacts.retrieve('ctc_00000000000000000000000000').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(sdk.APIConnectionError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('a 429 is retried after Retry-After', async () => {
    const { fetch, seen } = recordingFetch();
    const api = client({ apiKey: env.SABNODE_RATE_LIMITED_API_KEY, fetch, maxRetries: 6 });
    const calls = await Promise.all(Array.from({ length: 6 }, (_v, i) => api.contacts.list({ limit: 1 }, { headers: { 'X-Call': String(i) } })));
    expect(calls).toHaveLength(6);
    const limited = seen.filter((s) => s.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    for (const hit of limited) {
      const retryAfter = Number(hit.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      const call = hit.requestHeaders.get('x-call');
      const next = seen.find((s) => s.requestHeaders.get('x-call') === call && s.at > hit.at);
      expect(next).toBeDefined();
      // honoured: the retry went out no sooner than the server asked (less the time the answer took to read)
      expect(next!.at - hit.at).toBeGreaterThanOrEqual(retryAfter * 1000 - 50);
    }
    // without retries the typed error carries retry_after
    const spend = client({ apiKey: env.SABNODE_RATE_LIMITED_API_KEY, maxRetries: 0 });
    const errors = await Promise.all(Array.from({ length: 4 }, () => spend.contacts.list().then(() => null, (e: unknown) => e)));
    const rateLimited = errors.find((e) => e instanceof sdk.RateLimitError) as SdkModule.RateLimitError | undefined;
    expect(rateLimited).toBeDefined();
    expect(rateLimited!.status).toBe(429);
    expect(rateLimited!.retryAfter).toBeGreaterThan(0);
    expect(rateLimited!.code).toBe('rate_limited');
  }, 60_000);

  test('typed errors for 400, 403, 404, 409 and 422, with code, detail, request id and field errors', async () => {
    const { fetch, seen } = recordingFetch();
    const api = client({ fetch });

    const bad = await api.contacts.create({ phone: '12345' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(sdk.BadRequestError);
    const badErr = bad as SdkModule.BadRequestError;
    expect(badErr).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(badErr.requestId).toMatch(/^req_/);
    expect(badErr.errors.map((e) => e.pointer)).toContain('/phone');
    expect(badErr.detail).toBeTruthy();

    const forbidden = await client({ apiKey: env.SABNODE_READ_ONLY_API_KEY }).contacts.create({ phone: phone() }).catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(sdk.PermissionDeniedError);
    expect(forbidden).toMatchObject({ status: 403, code: 'insufficient_scope' });
    expect((forbidden as SdkModule.APIError).problem.missing_scopes).toEqual(['contacts:write']);

    const missing = await api.contacts.retrieve('ctc_00000000000000000000000000').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(sdk.NotFoundError);
    expect(missing).toMatchObject({ status: 404, code: 'resource_missing' });

    const key = randomUUID();
    const first = await api.contacts.create({ phone: phone() }, { idempotencyKey: key });
    const before = seen.length;
    const reused = await api.contacts.create({ phone: phone() }, { idempotencyKey: key }).catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(sdk.ConflictError);
    expect(reused).toMatchObject({ status: 409, code: 'idempotency_key_reused' });
    expect(seen.length - before).toBe(1); // a 4xx other than idempotency_in_progress is never retried

    const taken = await api.contacts.create({ phone: first.phone! }).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(sdk.UnprocessableEntityError);
    expect(taken).toMatchObject({ status: 422, code: 'contact_phone_taken' });
    expect((taken as SdkModule.APIError).problem.existing_id).toBe(first.id);
    for (const e of [bad, forbidden, missing, reused, taken]) expect(e).toBeInstanceOf(sdk.APIError);
  });
});

describe('bulk, files and events through the SDK', () => {
  test('bulk upsert answers typed per-item results', async () => {
    const api = client();
    const p = phone();
    const job = await api.contacts.bulkUpsert({ items: [{ phone: p, first_name: 'Bulk' }, { phone: '12345' }, { phone: p }] });
    const done = await api.waitForBulkJob(job);
    expect(done.status).toBe('completed');
    expect(done.results.map((r) => r.status)).toEqual([201, 400, 422]);
    expect(done.results[1].error?.errors?.[0].pointer).toBe('/items/1/phone');
    expect(done.results[2].error?.code).toBe('duplicate_in_request');
    const results: number[] = [];
    for await (const r of api.bulkJobs.listResults(done.id, { limit: 1 })) results.push(r.index);
    expect(results).toEqual([0, 1, 2]);
  });

  test('files upload as multipart and download as bytes', async () => {
    const api = client();
    const text = `name,phone\nAsha,+919876543210\n${randomUUID()}\n`;
    const file = await api.files.create({ file: { data: new TextEncoder().encode(text), filename: 'import.csv', contentType: 'text/csv' }, purpose: 'contact_import' });
    expect(file).toMatchObject({ object: 'file', content_type: 'text/csv', purpose: 'contact_import' });
    const content = await api.files.download(file.id);
    expect(content.status).toBe(200);
    expect(new TextDecoder().decode(content.data)).toBe(text);
    const partial = await api.files.download(file.id, { headers: { Range: 'bytes=0-3' } });
    expect(partial.status).toBe(206);
    expect(new TextDecoder().decode(partial.data)).toBe('name');
  });

  test('the event stream yields typed events and resumes with Last-Event-ID after a cut', async () => {
    const proxy = await new Proxy(env.SABNODE_API_URL, (_m, path, nth) => (path === '/v1/events/stream' && nth === 1 ? 'cut-after-first-event' : 'pass')).start();
    const api = client({ baseURL: proxy.url });
    const stream = api.events.stream({ types: ['contact.created'] }, { reconnectDelayMs: 300 });
    const received: SdkModule.Event[] = [];
    const reading = (async () => {
      for await (const event of stream) {
        received.push(event);
        if (received.length >= 3) break;
      }
    })();
    try {
      await until('the stream to connect', () => stream.connections >= 1);
      const a = await api.contacts.create({ phone: phone() });
      await until('the first event', () => received.length >= 1);
      // the proxy cut the connection after that event: these happen while the stream is down or reconnecting
      const b = await api.contacts.create({ phone: phone() });
      const c = await api.contacts.create({ phone: phone() });
      await reading;
      expect(received.map((e) => e.type)).toEqual(['contact.created', 'contact.created', 'contact.created']);
      expect(received.map((e) => (e.data.object as { id: string }).id)).toEqual([a.id, b.id, c.id]);
      const streams = proxy.requests.filter((r) => r.path.startsWith('/v1/events/stream'));
      expect(streams.length).toBeGreaterThanOrEqual(2);
      expect(streams[0].headers['last-event-id']).toBeUndefined();
      expect(streams[1].headers['last-event-id']).toBe(received[0].id);
      expect(stream.lastEventId).toBe(received[2].id);
    } finally {
      stream.close();
      await reading.catch(() => undefined);
      await proxy.stop();
    }
    // resuming later from a saved id yields exactly what came after it
    const resumed = client().events.stream({ types: ['contact.created'] }, { lastEventId: received[0].id });
    const again: string[] = [];
    for await (const event of resumed) {
      again.push(event.id);
      if (again.length >= 2) break;
    }
    expect(again).toEqual([received[1].id, received[2].id]);
  }, 60_000);
});

describe('webhooks through the SDK', () => {
  test('a real delivery verifies; a tampered, stale or foreign one does not; both secrets verify during rotation', async () => {
    const deliveries: { headers: IncomingHttpHeaders; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        deliveries.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    try {
      const api = client();
      const endpoint = await api.webhookEndpoints.create({ url, event_types: ['contact.created'] });
      expect(endpoint.secret).toMatch(/^whsec_/);
      // a first answer shows the secret (a replay of its Idempotency-Key would answer null)
      const secret = String(endpoint.secret);
      const delivery = await api.webhookEndpoints.test(endpoint.id);
      expect(delivery.id).toMatch(/^whd_/);
      const got = await until('the test delivery', () => deliveries.find((d) => d.headers['webhook-id'] === delivery.id));
      const event = sdk.verifyWebhook(got.body, got.headers, secret);
      expect(event.type).toBe('webhook.test');

      const fail = (fn: () => unknown) => {
        expect(fn).toThrow(sdk.WebhookVerificationError);
      };
      fail(() => sdk.verifyWebhook(got.body.replace('webhook.test', 'webhook.tesT'), got.headers, secret));
      fail(() => sdk.verifyWebhook(got.body, { ...got.headers, 'webhook-id': 'whd_other' }, secret));
      fail(() => sdk.verifyWebhook(got.body, got.headers, `whsec_${Buffer.from(randomUUID()).toString('base64')}`));
      fail(() => sdk.verifyWebhook(got.body, got.headers, secret, { now: new Date(Date.now() + 6 * 60_000) }));
      fail(() => sdk.verifyWebhook(got.body, { ...got.headers, 'webhook-signature': undefined }, secret));

      // rotation: deliveries carry the new and the old signature for the overlap
      const rotated = await api.webhookEndpoints.rotateSecret(endpoint.id, { overlap_seconds: 3600 });
      expect(rotated.secret).toMatch(/^whsec_/);
      expect(rotated.secret).not.toBe(secret);
      const rotatedSecret = String(rotated.secret);
      const second = await api.webhookEndpoints.test(endpoint.id);
      const got2 = await until('the second delivery', () => deliveries.find((d) => d.headers['webhook-id'] === second.id));
      expect(String(got2.headers['webhook-signature']).split(' ')).toHaveLength(2);
      expect(sdk.verifyWebhook(got2.body, got2.headers, rotatedSecret).type).toBe('webhook.test');
      expect(sdk.verifyWebhook(got2.body, got2.headers, secret).type).toBe('webhook.test');
      expect(sdk.verifyWebhook(got2.body, got2.headers, [`whsec_${Buffer.from('nope').toString('base64')}`, rotatedSecret]).type).toBe('webhook.test');
      fail(() => sdk.verifyWebhook(got2.body + ' ', got2.headers, [rotatedSecret, secret]));

      // signWebhook makes what verifyWebhook accepts
      const signed = sdk.signWebhook('{"id":"x"}', rotatedSecret, 'whd_local');
      expect(sdk.verifyWebhook('{"id":"x"}', signed, rotatedSecret)).toEqual({ id: 'x' });
    } finally {
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
