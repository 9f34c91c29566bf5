import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { sha256Hex } from '../src/ids';
import { client } from './support/client';
import { spawnApi } from './support/processes';
import { closeDb, newWorkspace, stack } from './support/stack';
import { freePort } from '../src/stack/embedded';

let ws: Awaited<ReturnType<typeof newWorkspace>>;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
});
afterAll(closeDb);

/** Every byte string inside a history, decoded: where personal data would hide. */
function payloadText(node: unknown, out: string[] = []): string[] {
  if (node instanceof Uint8Array) out.push(Buffer.from(node).toString('utf8'));
  else if (Array.isArray(node)) node.forEach((n) => payloadText(n, out));
  else if (node && typeof node === 'object') Object.values(node).forEach((n) => payloadText(n, out));
  else if (typeof node === 'string') out.push(node);
  return out;
}

describe('operability', () => {
  it('serves health, readiness, metrics, the spec and the reference docs without a CDN', async () => {
    const base = stack().apiUrl;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ops = { headers: { Authorization: `Bearer ${stack().env.OPS_TOKEN}` } };
    // the public answer is the status alone; the checks answer to the ops token (or on the ops listener)
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const detailed = await fetch(`${base}/readyz`, ops);
    expect(await detailed.json()).toEqual({ status: 'ready', checks: { postgresql: { ok: true }, temporal: { ok: true } } });

    await api.get('/v1/contacts?limit=1');
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { headers: { Authorization: 'Bearer not-the-ops-token' } })).status).toBe(404);
    const metrics = await (await fetch(`${base}/metrics`, ops)).text();
    expect(metrics).toMatch(/sabnode_http_request_duration_seconds_bucket\{[^}]*operation="listContacts"[^}]*status="200"/);
    // each task queue's depth, read from Temporal at scrape time: the stack's worker polls all three
    const queue = stack().env.TEMPORAL_TASK_QUEUE ?? 'sabnode-commands';
    for (const name of [queue, `${queue}-fanout`, `${queue}-maintenance`]) {
      for (const type of ['workflow', 'activity']) {
        expect(metrics).toMatch(new RegExp(`sabnode_task_queue_backlog\\{queue="${name}",type="${type}"\\} \\d+`));
        const polling = new RegExp(`sabnode_task_queue_pollers\\{queue="${name}",type="${type}"\\} (\\d+)`).exec(metrics);
        expect(Number(polling?.[1])).toBeGreaterThanOrEqual(1);
      }
    }
    expect(metrics).toMatch(/sabnode_fanout_rows_waiting\{kind="webhook_deliveries"\} \d+/);
    expect(metrics).toMatch(/sabnode_fanout_rows_waiting\{kind="messages"\} \d+/);

    const json = (await (await fetch(`${base}/openapi.json`)).json()) as any;
    expect(json.openapi).toBe('3.1.0');
    expect(json.paths['/v1/contacts'].post.operationId).toBe('createContact');
    const yaml = await (await fetch(`${base}/openapi.yaml`)).text();
    expect(yaml).toContain('operationId: createContact');

    const docs = await (await fetch(`${base}/docs`)).text();
    // the page renders the current version's document with the changelog as its last section
    expect(docs).toContain('<redoc spec-url="/docs/reference.json">');
    const reference = (await (await fetch(`${base}/docs/reference.json`)).json()) as any;
    expect(reference.paths).toEqual(json.paths);
    expect(reference.info.description.startsWith(json.info.description)).toBe(true);
    expect(reference.info.description).toContain('# Changelog');
    expect(docs).not.toMatch(/src="https?:/);
    const bundle = await fetch(`${base}/docs/redoc.standalone.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
  });

  it('lets an operator find the workflow behind a request by search attributes, with no personal data in Temporal', async () => {
    const phone = '+919833300001';
    const email = 'operator-check@example.com';
    const idem = `op-${Date.now()}`;
    const res = await api.post('/v1/contacts', { body: { phone, email, first_name: 'Hidden' }, headers: { 'Idempotency-Key': idem } });
    expect(res.status).toBe(201);
    const requestId = res.headers.get('request-id')!;

    const connection = await Connection.connect({ address: stack().env.TEMPORAL_ADDRESS });
    try {
      const temporal = new Client({ connection });
      const query = `WorkspaceId = "${ws.workspaceId}" AND OperationId = "createContact" AND RequestId = "${requestId}"`;
      let found: { workflowId: string; type: string }[] = [];
      for (let i = 0; i < 50 && !found.length; i++) {
        found = [];
        for await (const wf of temporal.workflow.list({ query })) found.push({ workflowId: wf.workflowId, type: wf.type });
        if (!found.length) await new Promise((r) => setTimeout(r, 200));
      }
      // the key that sent the request owns its Idempotency-Key: both are hashed into the id, neither appears in it;
      // every single command runs as the `command` workflow, the operation named by the id and the OperationId above
      expect(found).toEqual([{ workflowId: `${ws.workspaceId}/createContact/${sha256Hex(`${ws.keyId}\n${idem}`)}`, type: 'command' }]);
      expect(found[0].workflowId).not.toContain(idem);

      const history = await temporal.workflow.getHandle(found[0].workflowId).fetchHistory();
      const text = payloadText(history).join('\n');
      expect(text).toContain('commandId');
      for (const secret of [phone, phone.slice(3), email, 'Hidden', idem, ws.key]) expect(text).not.toContain(secret);
    } finally {
      await connection.close();
    }
  });

  it('logs JSON lines with the request id and never a secret or personal data', async () => {
    const phone = '+919833300002';
    const res = await api.post('/v1/contacts', { body: { phone, email: 'log-check@example.com', last_name: 'Secretive' } });
    await api.get(`/v1/contacts?phone=${encodeURIComponent(phone)}`);
    await new Promise((r) => setTimeout(r, 300));
    const lines = readFileSync(stack().apiLog, 'utf8').split('\n').filter((l) => l.startsWith('{'));
    const mine = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.request_id === res.headers.get('request-id'));
    expect(mine).toEqual([expect.objectContaining({ operation: 'createContact', status: 201, workspace_id: ws.workspaceId })]);
    const all = lines.join('\n');
    for (const secret of [phone, phone.slice(1), 'log-check@example.com', 'Secretive', ws.key]) expect(all).not.toContain(secret);
  });

  it('answers 503 with Retry-After promptly when Temporal is unreachable, keeps serving reads, and /readyz says why on the ops listener', async () => {
    const [port, opsPort] = [await freePort(), await freePort()];
    const deadTemporal = `127.0.0.1:${await freePort()}`;
    const { OPS_TOKEN: _token, ...env } = stack().env;
    const lonely = await spawnApi('api-no-temporal', port, { ...env, TEMPORAL_ADDRESS: deadTemporal, TEMPORAL_RPC_TIMEOUT_MS: '1500', OPS_PORT: String(opsPort) });
    try {
      const base = `http://127.0.0.1:${port}`;
      const iso = client(ws.key, { baseUrl: base });
      const started = Date.now();
      const res = await iso.post('/v1/contacts', { body: { phone: '+919833300003' } });
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('temporal_unavailable');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((await iso.get('/v1/contacts?limit=1')).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toBe('2');
      expect(await ready.json()).toEqual({ status: 'unavailable' });
      const opsReady = await fetch(`http://127.0.0.1:${opsPort}/readyz`);
      expect(opsReady.status).toBe(503);
      expect(opsReady.headers.get('retry-after')).toBe('2');
      const body = (await opsReady.json()) as any;
      expect(body.checks.postgresql.ok).toBe(true);
      expect(body.checks.temporal.ok).toBe(false);
      expect(await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text()).toMatch(/sabnode_http_request_duration_seconds/);
    } finally {
      await lonely.stop();
    }
  });
});
