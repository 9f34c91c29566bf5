// Requests to customers' URLs (http channels, webhook endpoints, flow http_request steps) go through one guarded
// sender: a loopback listener other than the allowlisted 127.0.0.1 is never reached, whatever spelling or DNS answer
// leads there; redirects are not followed; answers are capped in size and time; and in the tests' loopback mode a
// host that is not an allowlisted loopback host is neither resolved nor contacted.
import { execFile } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { client, type ApiResponse } from '../support/client';
import { startDnsStub } from '../support/dns-stub';
import { expectProblem } from '../support/operation-refusals';
import { privateStack } from '../support/processes';
import { closeDb, newWorkspace, sql } from '../support/stack';
import { waitFor } from '../support/wait';

jest.setTimeout(120_000);

type Api = ReturnType<typeof client>;
type Listener = Awaited<ReturnType<typeof listen>>;

/** A local HTTP server that counts connections and requests; `answer` writes each response. */
async function listen(host: string, answer: (path: string, res: ServerResponse) => void) {
  const hits: string[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits.push(req.url ?? '/');
      answer(req.url ?? '/', res);
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, host, r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    hits,
    connections: () => connections,
    url: (path: string) => `http://${host}:${port}${path}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

// 64 MiB: far more than the kernel buffers between two loopback sockets hold, so an answer is written to its end
// only if the other side reads it; written with backpressure, so `written` counts what the other side let through
const BIG_BYTES = 64 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');
const big = { written: new Map<string, number>(), closed: new Set<string>() };

function writeBig(path: string, res: ServerResponse, prefix: string, suffix: string): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(prefix.length + BIG_BYTES + suffix.length) });
  res.write(prefix);
  let written = 0;
  res.on('close', () => {
    big.written.set(path, written);
    big.closed.add(path);
  });
  const pump = () => {
    while (written < BIG_BYTES && !res.destroyed) {
      written += CHUNK.length;
      if (!res.write(CHUNK)) return void res.once('drain', pump);
    }
    if (written >= BIG_BYTES) res.end(suffix);
  };
  pump();
}

let api: Api;
let trap: Listener;
let receiver: Listener;
let nextPhone = 9_700_000_000 + Math.floor(Math.random() * 90_000_000);

beforeAll(async () => {
  api = client((await newWorkspace()).key);
  // 127.0.0.2 is loopback too (Linux answers all of 127/8) but not allowlisted: nothing may ever reach it
  trap = await listen('127.0.0.2', (_path, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"id":"answer-from-the-trap"}'));
  receiver = await listen('127.0.0.1', (path, res) => {
    if (path.startsWith('/redirect')) return void res.writeHead(307, { Location: trap.url('/redirected') }).end();
    if (path.startsWith('/big-json')) return writeBig(path, res, '{"id":"from-a-big-answer","pad":"', '"}');
    if (path.startsWith('/big')) return writeBig(path, res, '', '');
    if (path.startsWith('/drip')) {
      // headers at once, then a byte every 100 ms for ever: never idle, never done
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      const drip = setInterval(() => res.write('.'), 100);
      return void res.on('close', () => clearInterval(drip));
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"id":"from-the-receiver"}');
  });
});
afterAll(async () => {
  await trap?.close();
  await receiver?.close();
  await closeDb();
});

async function httpChannel(a: Api, url: string): Promise<string> {
  const res = await a.post('/v1/channels', { body: { name: 'outbound', provider: 'http', url } });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** Sends a text on the channel; answers the message once it is no longer queued. */
async function sendOn(a: Api, channelId: string): Promise<ApiResponse> {
  const contact = await a.post('/v1/contacts', { body: { phone: `+91${nextPhone++}`, first_name: 'Ravi' } });
  const conversation = await a.post('/v1/conversations', { body: { contact_id: contact.body.id, channel_id: channelId } });
  const sent = await a.post(`/v1/conversations/${conversation.body.id}/messages`, { body: { type: 'text', text: 'Your order shipped' } });
  expect(sent.status).toBe(201);
  return waitFor(() => a.get(`/v1/messages/${sent.body.id}`), (r) => r.body.status !== 'queued', 30_000);
}

async function webhookEndpoint(a: Api, url: string): Promise<string> {
  // an event type this workspace never emits: only the explicit test sends deliver
  const res = await a.post('/v1/webhook-endpoints', { body: { url, event_types: ['order.paid'] } });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** Sends the endpoint a test event; answers the delivery once it has succeeded or has no attempt left. */
async function deliverTest(a: Api, endpointId: string): Promise<ApiResponse> {
  const sent = await a.post(`/v1/webhook-endpoints/${endpointId}/test`);
  expect(sent.status).toBe(202);
  return waitFor(() => a.get(`/v1/webhook-deliveries/${sent.body.id}`), (r) => r.body.status === 'succeeded' || r.body.status === 'dead', 30_000);
}

const flowBody = (url: string) => ({ name: 'call out', trigger: { type: 'manual' }, steps: [{ id: 'call', type: 'http_request', url }] });

async function activeFlow(a: Api, url: string): Promise<string> {
  const created = await a.post('/v1/flows', { body: flowBody(url) });
  expect(created.status).toBe(201);
  expect((await a.post(`/v1/flows/${created.body.id}/activate`)).status).toBe(200);
  return created.body.id;
}

/** Runs the flow for a new contact; answers the run once it has finished. */
async function runFlow(a: Api, flowId: string): Promise<ApiResponse> {
  const contact = await a.post('/v1/contacts', { body: { phone: `+91${nextPhone++}`, first_name: 'Meera' } });
  const started = await a.post(`/v1/flows/${flowId}/runs`, { body: { contact_id: contact.body.id } });
  expect(started.status).toBe(202);
  return waitFor(() => a.get(`/v1/flow-runs/${started.body.id}`), (r) => r.status === 200 && r.body.status !== 'running', 30_000);
}

const NOT_PUBLIC = 'the host is not a public address';
const RESOLVED_NOT_PUBLIC = 'the host name resolved to a non-public address';
const LOOPBACK_ONLY = 'only allowlisted loopback hosts are called here (OUTBOUND_MODE=loopback)';
const rebindUrl = () => `http://rebind.sabnode.test:${trap.port}/hook`; // resolves to 127.0.0.2 (OUTBOUND_RESOLVE_OVERRIDES)

describe('a loopback listener on 127.0.0.2 is never reached', () => {
  it('http channel: refused at creation; a URL forced into the database, or a name resolving there, is refused at send and nothing of it is readable', async () => {
    const created = await api.post('/v1/channels', { body: { name: 'ssrf', provider: 'http', url: trap.url('/') } });
    expectProblem(created, 422, 'channel_url_not_allowed');
    expect(created.body.errors).toEqual([{ pointer: '/url', code: 'channel_url_not_allowed', message: NOT_PUBLIC }]);

    const forced = await httpChannel(api, receiver.url('/messages'));
    await sql('update channels set url = ? where id = ?', [trap.url('/messages'), forced]);
    const rebound = await httpChannel(api, rebindUrl());
    for (const [channelId, reason] of [[forced, NOT_PUBLIC], [rebound, RESOLVED_NOT_PUBLIC]]) {
      const message = await sendOn(api, channelId);
      expect(message.body).toMatchObject({ status: 'failed', failure_reason: `refused: ${reason}`, provider_message_id: null });
      expect(message.text).not.toContain('127.0.0.2');
    }
    expect(trap.connections()).toBe(0);
  });

  it('webhook endpoint: a URL forced into the database, or a name resolving there, is refused at every attempt without naming the address', async () => {
    expectProblem(await api.post('/v1/webhook-endpoints', { body: { url: trap.url('/hook') } }), 422, 'webhook_url_not_allowed');
    const forced = await webhookEndpoint(api, receiver.url('/hook'));
    await sql('update webhook_endpoints set url = ? where id = ?', [trap.url('/hook'), forced]);
    const rebound = await webhookEndpoint(api, rebindUrl());
    for (const [endpointId, reason] of [[forced, NOT_PUBLIC], [rebound, RESOLVED_NOT_PUBLIC]]) {
      const delivery = await deliverTest(api, endpointId);
      expect(delivery.body.status).toBe('dead');
      expect(delivery.body.attempts.length).toBeGreaterThan(0);
      for (const attempt of delivery.body.attempts) {
        expect(attempt).toMatchObject({ status_code: null, response_headers: null, response_body: null, error: { code: 'address_not_allowed', message: reason } });
      }
      expect(delivery.text).not.toContain('127.0.0.2');
    }
    expect(trap.connections()).toBe(0);
  });

  it('flow http_request: refused at creation; a step URL forced into the database, or a name resolving there, fails the run without a call', async () => {
    const created = await api.post('/v1/flows', { body: flowBody(trap.url('/step')) });
    expectProblem(created, 422, 'webhook_url_not_allowed');
    expect(created.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/steps/0/url']);

    const forced = await activeFlow(api, receiver.url('/step'));
    await sql(`update flow_versions set steps = jsonb_set(steps, '{0,url}', to_jsonb(?::text)) where flow_id = ?`, [trap.url('/step'), forced]);
    const rebound = await activeFlow(api, rebindUrl());
    for (const [flowId, reason] of [[forced, NOT_PUBLIC], [rebound, RESOLVED_NOT_PUBLIC]]) {
      const run = await runFlow(api, flowId);
      expect(run.body).toMatchObject({ status: 'failed', failure_reason: 'http_request_failed' });
      expect(run.body.steps[0].outcome).toEqual({ error: { code: 'http_request_failed', message: `address_not_allowed: ${reason}` } });
      expect(run.text).not.toContain('127.0.0.2');
    }
    expect(trap.connections()).toBe(0);
  });
});

describe('every spelling of a non-public address is refused at creation', () => {
  // WHATWG URL parsing turns the IPv4 spellings into 127.0.0.2 / 10.0.0.1 (127.0.0.1 itself is allowlisted here, and
  // so is every spelling of it); the guard checks what the parser produced
  const refused = [
    'http://2130706434/', // decimal
    'http://0177.0.0.02/', // octal
    'http://0x7f.0.0.2/', // hex
    'http://0x7f000002/',
    'http://127.2/', // short
    'http://10.1/',
    'http://%31%32%37.0.0.2/', // percent-encoded
    'http://127.0.0.2.:8080/', // trailing dot
    'http://0/',
    'http://0.0.0.0/',
    'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1/',
    'http://[::1]/',
    'http://[::]/',
    'http://[::ffff:127.0.0.1]/', // IPv4-mapped
    'http://[::ffff:a00:1]/',
    'http://[0:0:0:0:0:ffff:7f00:2]/',
    'http://[::127.0.0.2]/', // IPv4-compatible ::/96
    'http://[64:ff9b::127.0.0.2]/', // NAT64
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[64:ff9b:1::a00:1]/', // local-use NAT64
    'http://[64:ff9b:1::808:808]/',
    'http://[2002:7f00:2::]/', // 6to4 carrying 127.0.0.2
    'http://[2002:a9fe:a9fe::1]/',
    'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', // Teredo
    'http://[fe80::1]/',
    'http://[fc00::1]/',
    'http://[ff02::1]/',
    'http://foo.localhost/',
    'http://LOCALHOST.localdomain./',
    'http://ip6-localhost/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://printer.local/',
    'http://intranet/', // one label: a search domain decides where it goes
    'http://user:secret@example.com/',
    'http://[fe80::1%25eth0]/', // a zone id: not a URL the parser accepts
    'http://①②⑦.0.0.2/', // full-width digits, which the parser reads as 127.0.0.2
  ];

  it.each([
    ['channel', (url: string) => api.post('/v1/channels', { body: { name: 'x', provider: 'http', url } }), 'channel_url_not_allowed', '/url'],
    ['webhook endpoint', (url: string) => api.post('/v1/webhook-endpoints', { body: { url, event_types: ['order.paid'] } }), 'webhook_url_not_allowed', '/url'],
    ['flow http_request step', (url: string) => api.post('/v1/flows', { body: flowBody(url) }), 'webhook_url_not_allowed', '/steps/0/url'],
  ] as const)('%s', async (_what, create, code, pointer) => {
    const answers: [string, number, string | undefined][] = [];
    for (const url of refused) {
      const res = await create(url);
      answers.push([url, res.status, res.body.errors?.[0]?.pointer]);
      if (res.status === 422) expectProblem(res, 422, code);
    }
    expect(answers).toEqual(refused.map((url) => [url, 422, pointer]));
    // and a public host is accepted (it is checked again, resolved, at each send)
    expect((await create('https://hooks.example.com/sabnode')).status).toBe(201);
  });
});

describe('what the sender does with an answer', () => {
  it('follows no redirect: the channel message fails and the flow run fails, and the Location is never visited', async () => {
    const message = await sendOn(api, await httpChannel(api, receiver.url('/redirect-channel')));
    expect(message.body).toMatchObject({ status: 'failed', failure_reason: 'provider answered HTTP 307; redirects are not followed', provider_message_id: null });
    const run = await runFlow(api, await activeFlow(api, receiver.url('/redirect-flow')));
    expect(run.body).toMatchObject({ status: 'failed', failure_reason: 'http_request_failed' });
    expect(run.body.steps[0].outcome.error.message).toBe('answered 307');
    expect(receiver.hits.filter((p) => p.startsWith('/redirect'))).toEqual(['/redirect-channel', '/redirect-flow']);
    expect(trap.connections()).toBe(0);
  });

  it('reads at most a few KB of an answer and closes the connection', async () => {
    const delivery = await deliverTest(api, await webhookEndpoint(api, receiver.url('/big-webhook')));
    expect(delivery.body.status).toBe('succeeded');
    expect(delivery.body.attempts[0]).toMatchObject({ status_code: 200, error: null, response_body: 'x'.repeat(4096) });
    await waitFor(async () => big.closed, (c) => c.has('/big-webhook'), 10_000);
    // the connection was closed long before the 64 MiB answer was through (what passed is what kernel buffers hold)
    expect(big.written.get('/big-webhook')).toBeLessThan(BIG_BYTES / 2);

    const message = await sendOn(api, await httpChannel(api, receiver.url('/big-json-channel')));
    // the id lies beyond what is read as a whole: the channel keeps its own id for the message
    expect(message.body).toMatchObject({ status: 'sent', provider_message_id: `http_${message.body.id}` });
    await waitFor(async () => big.closed, (c) => c.has('/big-json-channel'), 10_000);
    expect(big.written.get('/big-json-channel')).toBeLessThan(BIG_BYTES / 2);
  });

  it('bounds the whole exchange in time, not only idle time: an answer that trickles for ever is a timeout', async () => {
    const delivery = await deliverTest(api, await webhookEndpoint(api, receiver.url('/drip')));
    const [first] = delivery.body.attempts;
    // WEBHOOK_ATTEMPT_TIMEOUT_MS is 1500 in the test stack
    expect(first).toMatchObject({ status_code: null, response_body: null, error: { code: 'timeout', message: 'no complete answer within 1500 ms' } });
    expect(first.duration_ms).toBeGreaterThanOrEqual(1400);
    expect(first.duration_ms).toBeLessThan(3000);
  });
});

describe('loopback mode (OUTBOUND_MODE=loopback, set for the test, fuzz, fault and bench stacks)', () => {
  it('never resolves nor contacts a host that is not an allowlisted loopback host; allowlisted ones are resolved and reached', async () => {
    // every name the stack resolves goes to this stub; the invented public names would lead to the trap
    const dns = await startDnsStub({
      'loop.sabnode.test': ['127.0.0.1'],
      'hooks.partner-crm.example': ['127.0.0.2'],
      'sms.partner-gateway.example': ['127.0.0.2'],
      'flows.partner-automation.example': ['127.0.0.2'],
    });
    const stack = await privateStack('outbound-loopback', { OUTBOUND_DNS_SERVERS: dns.address, OUTBOUND_ALLOWED_HOSTS: '127.0.0.1,loop.sabnode.test' });
    try {
      const own = client((await newWorkspace()).key, { baseUrl: stack.apiUrl });
      const control = await deliverTest(own, await webhookEndpoint(own, `http://loop.sabnode.test:${receiver.port}/loopback-control`));
      expect(control.body.status).toBe('succeeded');
      expect(receiver.hits).toContain('/loopback-control');
      expect(dns.queries).toContain('loop.sabnode.test');

      const delivery = await deliverTest(own, await webhookEndpoint(own, `http://hooks.partner-crm.example:${trap.port}/in`));
      expect(delivery.body.attempts[0]).toMatchObject({ status_code: null, error: { code: 'address_not_allowed', message: LOOPBACK_ONLY } });
      const message = await sendOn(own, await httpChannel(own, `http://sms.partner-gateway.example:${trap.port}/send`));
      expect(message.body).toMatchObject({ status: 'failed', failure_reason: `refused: ${LOOPBACK_ONLY}` });
      const run = await runFlow(own, await activeFlow(own, `http://flows.partner-automation.example:${trap.port}/step`));
      expect(run.body.steps[0].outcome.error.message).toBe(`address_not_allowed: ${LOOPBACK_ONLY}`);

      expect(dns.queries.filter((name) => name !== 'loop.sabnode.test')).toEqual([]);
      expect(trap.connections()).toBe(0);
    } finally {
      await stack.close();
      await dns.close();
    }
  });

  it('is refused in production, and with a non-loopback address allowlisted: the process does not start', async () => {
    const run = promisify(execFile);
    const root = join(__dirname, '..', '..');
    // config.ts is read at start by the API and the worker alike
    const start = (env: Record<string, string>) =>
      run(process.execPath, ['--import', 'tsx', '-e', "const { config } = require('./src/config.ts'); console.log(JSON.stringify([...config.outbound.allowedHosts]))"], {
        cwd: root,
        env: { PATH: process.env.PATH, SABNODE_SECRET: 'p'.repeat(40), SABNODE_ENCRYPTION_KEY: 'e'.repeat(64), PURGE_HASH_SECRET: 'h'.repeat(40), BACKUP_MASTER_KEY: 'b'.repeat(64), ...env },
      });
    await expect(start({ NODE_ENV: 'production', OUTBOUND_MODE: 'public' })).resolves.toMatchObject({ stdout: '[]\n' });
    await expect(start({ NODE_ENV: 'production', OUTBOUND_MODE: 'loopback' })).rejects.toMatchObject({
      stderr: expect.stringContaining('OUTBOUND_MODE=loopback is for tests, fuzzing and benchmarks; it is refused when NODE_ENV=production'),
    });
    await expect(start({ OUTBOUND_MODE: 'loopback', OUTBOUND_ALLOWED_HOSTS: '127.0.0.1,10.0.0.1' })).rejects.toMatchObject({
      stderr: expect.stringContaining('OUTBOUND_MODE=loopback allows only loopback addresses in OUTBOUND_ALLOWED_HOSTS, not 10.0.0.1'),
    });
    // the older name is still read, in the URL parser's spelling
    await expect(start({ OUTBOUND_MODE: 'loopback', WEBHOOK_ALLOWED_HOSTS: 'LOCALHOST.,0x7f.1' })).resolves.toMatchObject({ stdout: '["localhost","127.0.0.1"]\n' });
  });
});
