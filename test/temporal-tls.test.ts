import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { freePort } from '../src/stack/embedded';
import { summarizeTemporalConnection, temporalConnectionOptions } from '../src/engine/connection';
import { client } from './support/client';
import { startGrpcTlsProxy, type GrpcTlsProxy } from './support/grpc-tls-proxy';
import { ROOT, spawnApi, spawnWorker, type Proc } from './support/processes';
import { closeDb, newWorkspace, stack } from './support/stack';

// TLS, mTLS and API keys to Temporal, for real: certificates made by openssl, a TLS-terminating gRPC proxy in front
// of the test stack's Temporal (test/support/grpc-tls-proxy.ts) and the client's Connection, the worker's
// NativeConnection and whole API and worker processes configured only through the environment.

const SERVER_NAME = 'temporal.sabnode.test';
const API_KEY = 'tmprl-test-key-5f0c1d2e3a4b';
mkdirSync(join(ROOT, '.data'), { recursive: true });
const dir = mkdtempSync(join(ROOT, '.data', 'temporal-tls-'));
const file = (name: string) => join(dir, name);

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function makeCa(name: string): void {
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', `/CN=${name}`,
    '-keyout', file(`${name}.key`), '-out', file(`${name}.pem`), '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
}

function makeLeaf(name: string, ca: string, ext: string): void {
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', `/CN=${name}`, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`)]);
  writeFileSync(file(`${name}.ext`), ext);
  openssl(['x509', '-req', '-in', file(`${name}.csr`), '-CA', file(`${ca}.pem`), '-CAkey', file(`${ca}.key`), '-CAcreateserial', '-days', '2', '-extfile', file(`${name}.ext`), '-out', file(`${name}.pem`)]);
}

const tlsEnv = (address: string, extra: Record<string, string> = {}) => ({
  TEMPORAL_ADDRESS: address,
  TEMPORAL_TLS_CA_PATH: file('ca.pem'),
  TEMPORAL_TLS_SERVER_NAME: SERVER_NAME,
  ...extra,
});
const mtls = { TEMPORAL_TLS_CERT_PATH: file('client.pem'), TEMPORAL_TLS_KEY_PATH: file('client.key') };

async function connectClient(env: Record<string, string>): Promise<void> {
  // lazy, so a connection whose first call fails is still closed (gRPC would keep reconnecting in the background)
  const connection = Connection.lazy({ ...temporalConnectionOptions(env), connectTimeout: 2_000 });
  try {
    await connection.ensureConnected();
    await connection.workflowService.getSystemInfo({});
  } finally {
    await connection.close();
  }
}

async function connectNative(env: Record<string, string>): Promise<void> {
  const connection = await NativeConnection.connect(temporalConnectionOptions(env));
  await connection.close();
}

const temporalUpstream = () => stack().env.TEMPORAL_ADDRESS;

beforeAll(() => {
  makeCa('ca');
  makeCa('other-ca');
  makeLeaf('server', 'ca', `subjectAltName=DNS:${SERVER_NAME}\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n`);
  makeLeaf('client', 'ca', 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n');
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeDb();
});

describe('connection options from the environment', () => {
  it('is plaintext to the dev server by default', () => {
    expect(temporalConnectionOptions({})).toEqual({ address: '127.0.0.1:7233', tls: false });
    expect(temporalConnectionOptions({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_TLS: 'false' })).toEqual({ address: 'temporal:7233', tls: false });
  });

  it('turns TLS on for an API key or any TLS setting, and reads the certificate files', () => {
    expect(temporalConnectionOptions({ TEMPORAL_API_KEY: API_KEY, TEMPORAL_NAMESPACE: 'payments.a1b2c' })).toEqual({
      address: '127.0.0.1:7233',
      tls: {},
      apiKey: API_KEY,
      metadata: { 'temporal-namespace': 'payments.a1b2c' },
    });
    expect(temporalConnectionOptions({ TEMPORAL_TLS: 'true' }).tls).toEqual({});
    const o = temporalConnectionOptions(tlsEnv('ns.acct.tmprl.cloud:7233', mtls));
    expect(o.tls).toEqual({
      serverNameOverride: SERVER_NAME,
      serverRootCACertificate: readFileSync(file('ca.pem')),
      clientCertPair: { crt: readFileSync(file('client.pem')), key: readFileSync(file('client.key')) },
    });
    expect(summarizeTemporalConnection(o)).toEqual({ address: 'ns.acct.tmprl.cloud:7233', tls: true, mtls: true, customCa: true, apiKey: false });
  });

  it('refuses contradictory or incomplete settings, naming the variable and never a secret', () => {
    expect(() => temporalConnectionOptions({ TEMPORAL_API_KEY: API_KEY, TEMPORAL_TLS: 'false' })).toThrow(/TEMPORAL_TLS=false contradicts/);
    expect(() => temporalConnectionOptions({ TEMPORAL_TLS: 'yes' })).toThrow(/TEMPORAL_TLS must be true or false/);
    expect(() => temporalConnectionOptions({ TEMPORAL_TLS_CERT_PATH: file('client.pem') })).toThrow(/TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH go together/);
    expect(() => temporalConnectionOptions({ TEMPORAL_TLS_CA_PATH: file('absent.pem') })).toThrow(/TEMPORAL_TLS_CA_PATH: cannot read .*absent\.pem \(ENOENT\)/);
    const summary = JSON.stringify(summarizeTemporalConnection(temporalConnectionOptions({ TEMPORAL_API_KEY: API_KEY, ...mtls })));
    expect(summary).not.toContain(API_KEY);
    expect(summary).not.toContain('PRIVATE KEY');
  });
});

describe('through a TLS front door with client certificates and an API key', () => {
  let proxy: GrpcTlsProxy;
  beforeAll(async () => {
    proxy = await startGrpcTlsProxy({ upstream: temporalUpstream(), cert: readFileSync(file('server.pem')), key: readFileSync(file('server.key')), clientCa: readFileSync(file('ca.pem')), apiKey: API_KEY });
  });
  afterAll(() => proxy.close());

  it('the client and the worker connection get through with the CA, certificate, server name and key', async () => {
    const env = tlsEnv(proxy.address, { ...mtls, TEMPORAL_API_KEY: API_KEY });
    await connectClient(env);
    await connectNative(env);
    expect(proxy.calls.length).toBeGreaterThanOrEqual(2);
    expect(proxy.calls.every((c) => c.apiKey && c.clientCert)).toBe(true);
  });

  it('a server certificate from another CA is refused', async () => {
    const env = tlsEnv(proxy.address, { ...mtls, TEMPORAL_API_KEY: API_KEY, TEMPORAL_TLS_CA_PATH: file('other-ca.pem') });
    // the client's gRPC library retries a failed handshake until the deadline; the worker's says why at once
    await expect(connectClient(env)).rejects.toThrow(/Failed to connect before the deadline/);
    await expect(connectNative(env)).rejects.toThrow(/UnknownIssuer/);
  });

  it('a name the certificate was not issued for is refused', async () => {
    const env = tlsEnv(proxy.address, { ...mtls, TEMPORAL_API_KEY: API_KEY, TEMPORAL_TLS_SERVER_NAME: 'elsewhere.sabnode.test' });
    await expect(connectClient(env)).rejects.toThrow(/Failed to connect before the deadline/);
    await expect(connectNative(env)).rejects.toThrow(/NotValidForName/);
  });

  it('without a client certificate or without the key nothing gets through', async () => {
    const noCert = tlsEnv(proxy.address, { TEMPORAL_API_KEY: API_KEY });
    const before = proxy.calls.length;
    await expect(connectClient(noCert)).rejects.toThrow(/Failed to connect before the deadline/);
    // refused in the TLS handshake (TLS 1.3: the client sees the alert or the closed connection, whichever is first,
    // the latter as a broken pipe or, when the handshake is cancelled by the close, "connection closed")
    await expect(connectNative(noCert)).rejects.toThrow(/CertificateRequired|broken pipe|transport error|connection closed/);
    expect(proxy.calls.length).toBe(before);

    await expect(connectClient(tlsEnv(proxy.address, mtls))).rejects.toHaveProperty('cause.message', expect.stringMatching(/UNAUTHENTICATED: Request unauthorized/));
    await expect(connectNative(tlsEnv(proxy.address, mtls))).rejects.toThrow(/Request unauthorized/);
    // the keyless calls passed the handshake (client certificate) and were refused for the missing key
    const keyless = proxy.calls.slice(before);
    expect(keyless.length).toBeGreaterThan(0);
    expect(keyless.every((c) => c.clientCert && !c.apiKey)).toBe(true);
  });
});

describe('API and worker processes configured for TLS, mTLS and a key', () => {
  let apiProxy: GrpcTlsProxy;
  let workerProxy: GrpcTlsProxy;
  let procs: Proc[] = [];
  let apiUrl: string;
  beforeAll(async () => {
    const tls = { upstream: temporalUpstream(), cert: readFileSync(file('server.pem')), key: readFileSync(file('server.key')), clientCa: readFileSync(file('ca.pem')), apiKey: API_KEY };
    // one front door each, so what each process sent is known
    [apiProxy, workerProxy] = await Promise.all([startGrpcTlsProxy(tls), startGrpcTlsProxy(tls)]);
    const base = { ...stack().env, TEMPORAL_TASK_QUEUE: 'sabnode-tls', ...mtls, TEMPORAL_API_KEY: API_KEY };
    const worker = await spawnWorker('tls-worker', { ...base, ...tlsEnv(workerProxy.address) });
    procs.push(worker);
    const port = await freePort();
    procs.push(await spawnApi('tls-api', port, { ...base, ...tlsEnv(apiProxy.address) }));
    apiUrl = `http://127.0.0.1:${port}`;
  }, 120_000);
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    procs = [];
    await Promise.all([apiProxy?.close(), workerProxy?.close()]);
  });

  it('a mutation runs end to end through both connections, every call authenticated', async () => {
    const ws = await newWorkspace();
    const ready = await fetch(`${apiUrl}/readyz`);
    expect(ready.status).toBe(200);
    const res = await client(ws.key, { baseUrl: apiUrl }).post('/v1/contacts', { body: { phone: '+14155550101', first_name: 'Tls' } });
    expect(res.status).toBe(201);
    expect(apiProxy.calls.map((c) => c.method)).toContain('StartWorkflowExecution');
    expect(workerProxy.calls.map((c) => c.method)).toEqual(expect.arrayContaining(['PollWorkflowTaskQueue', 'RespondWorkflowTaskCompleted']));
    for (const call of [...apiProxy.calls, ...workerProxy.calls]) expect(call).toEqual(expect.objectContaining({ apiKey: true, clientCert: true, namespace: 'default' }));
  }, 60_000);

  it('the processes log that TLS and a key are in use, never the key', () => {
    const workerLog = readFileSync(procs[0].logFile, 'utf8');
    expect(workerLog).toMatch(/"temporal":\{"address":"127\.0\.0\.1:\d+","tls":true,"mtls":true,"customCa":true,"apiKey":true\}/);
    for (const p of procs) expect(readFileSync(p.logFile, 'utf8')).not.toContain(API_KEY);
  });
});
