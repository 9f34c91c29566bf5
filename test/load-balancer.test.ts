import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../src/stack/embedded';
import { client } from './support/client';
import { startDnsStub, type DnsStub } from './support/dns-stub';
import { ROOT, spawnApi, type Proc } from './support/processes';
import { closeDb, newWorkspace, stack, type TestWorkspace } from './support/stack';
import { ensureDebianTool } from './support/tools';

// docker-compose.yml's load balancer for real: HAProxy runs deploy/haproxy/haproxy.cfg with only the three things
// Docker provides swapped for loopback ones (its DNS at 127.0.0.11, the published port, the API's port), in front of
// two API replicas on 127.0.0.2 and 127.0.0.3 that a stand-in DNS returns for `api`, as Docker's DNS does.

const REPLICAS = ['127.0.0.2', '127.0.0.3'];
let dns: DnsStub;
let haproxy: ChildProcess;
let haproxyOut = '';
let replicas: Proc[] = [];
let apiPort: number;
let lbUrl: string;
let dir: string;
let ws: TestWorkspace;

/** `listContacts` requests a replica has answered, from its own /metrics */
async function served(host: string): Promise<number> {
  const text = await (await fetch(`http://${host}:${apiPort}/metrics`, { headers: { Authorization: `Bearer ${stack().env.OPS_TOKEN}` } })).text();
  return [...text.matchAll(/^sabnode_http_request_duration_seconds_count\{operation="listContacts"[^}]*\} (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} not reached in ${timeoutMs} ms; haproxy said:\n${haproxyOut.slice(-3000)}`);
}

beforeAll(async () => {
  const bin = ensureDebianTool('haproxy', 'haproxy');
  apiPort = await freePort();
  const lbPort = await freePort();
  dns = await startDnsStub({ api: REPLICAS });
  const original = readFileSync(join(ROOT, 'deploy', 'haproxy', 'haproxy.cfg'), 'utf8');
  const swaps: [string, string][] = [
    ['nameserver dns 127.0.0.11:53', `nameserver dns ${dns.address}`],
    ['bind :3000', `bind 127.0.0.1:${lbPort}`],
    [' api:3000 ', ` api:${apiPort} `],
  ];
  let cfg = original;
  for (const [from, to] of swaps) {
    expect(cfg).toContain(from);
    cfg = cfg.replace(from, to);
  }
  dir = mkdtempSync(join(ROOT, '.data', 'lb-'));
  writeFileSync(join(dir, 'haproxy.cfg'), cfg);

  // the replicas trust X-Forwarded-For from the load balancer only, as in compose
  const env = { ...stack().env, TRUSTED_PROXIES: '127.0.0.1/32' };
  replicas = await Promise.all(REPLICAS.map((host, i) => spawnApi(`lb-api-${i + 1}`, apiPort, env, host)));
  haproxy = spawn(bin, ['-db', '-f', join(dir, 'haproxy.cfg')], { stdio: ['ignore', 'pipe', 'pipe'] });
  haproxy.stdout!.on('data', (c: Buffer) => (haproxyOut += c.toString()));
  haproxy.stderr!.on('data', (c: Buffer) => (haproxyOut += c.toString()));
  lbUrl = `http://127.0.0.1:${lbPort}`;
  ws = await newWorkspace();
  // up once DNS has filled two server slots and their /readyz checks passed: both replicas answer through it
  const start = await Promise.all(REPLICAS.map(served));
  await waitUntil('both replicas serving behind the load balancer', async () => {
    for (let i = 0; i < 4; i++) await client(ws.key, { baseUrl: lbUrl, unchecked: true }).get('/v1/contacts?limit=1');
    const now = await Promise.all(REPLICAS.map(served));
    return now.every((n, i) => n > start[i]);
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  if (haproxy && haproxy.exitCode === null) {
    const exited = new Promise((r) => haproxy.once('exit', r));
    haproxy.kill('SIGTERM');
    await exited;
  }
  await dns?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  await closeDb();
});

it('one port spreads requests over both replicas', async () => {
  const before = await Promise.all(REPLICAS.map(served));
  const api = client(ws.key, { baseUrl: lbUrl });
  for (let i = 0; i < 20; i++) expect((await api.get('/v1/contacts?limit=1')).status).toBe(200);
  const after = await Promise.all(REPLICAS.map(served));
  const delta = after.map((n, i) => n - before[i]);
  expect(delta[0] + delta[1]).toBe(20);
  expect(delta[0]).toBeGreaterThanOrEqual(5);
  expect(delta[1]).toBeGreaterThanOrEqual(5);
});

it('a mutation goes through it like any other request', async () => {
  const created = await client(ws.key, { baseUrl: lbUrl }).post('/v1/contacts', { body: { phone: '+14155550177', first_name: 'Balanced' } });
  expect(created.status).toBe(201);
});

it('the client cannot choose its address: a forged X-Forwarded-For is replaced by the peer', async () => {
  const api = client(ws.key, { baseUrl: lbUrl });
  const minted = await api.post('/v1/api-keys', { body: { name: 'office only', scopes: ['contacts:read'], allowed_ips: ['198.51.100.7/32'] } });
  expect(minted.status).toBe(201);
  const office = client(minted.body.secret as string, { baseUrl: lbUrl });
  const forged = await office.get('/v1/contacts?limit=1', { headers: { 'X-Forwarded-For': '198.51.100.7' } });
  expect(forged.status).toBe(403);
  expect(forged.body.code).toBe('ip_not_allowed');
  // the same header straight to a replica from its trusted proxy address is believed: the load balancer made the difference
  const direct = await client(minted.body.secret as string, { baseUrl: `http://${REPLICAS[0]}:${apiPort}` }).get('/v1/contacts?limit=1', { headers: { 'X-Forwarded-For': '198.51.100.7' } });
  expect(direct.status).toBe(200);
});

it('a replica that dies is routed around at once, before its health check notices', async () => {
  await replicas[0].stop(true);
  const api = client(ws.key, { baseUrl: lbUrl });
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) statuses.push((await api.get('/v1/contacts?limit=1')).status);
  expect(statuses).toEqual(Array(10).fill(200));
});
