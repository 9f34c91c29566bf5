// Secrets shown once, encrypted at rest (issue 13): webhook endpoint, channel and flow signing secrets answer null on
// an idempotent replay, are in clear in no table, stored response or backup, and still sign and verify.
import { execFile } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Webhook } from 'standardwebhooks';
import { newId } from '../../src/ids';
import { SIGNATURE_HEADER, signBody } from '../../src/channels/signatures';
import { client, type ApiResponse } from '../support/client';
import { ROOT } from '../support/processes';
import { closeDb, db, newWorkspace, sql, stack, type TestWorkspace } from '../support/stack';
import { waitFor } from '../support/wait';
import { backupText } from '../support/backups';

const run = promisify(execFile);

let ws: TestWorkspace;
let api: ReturnType<typeof client>;
let server: Server;
let url: string;
const received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '/', headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await closeDb();
});

/** The same request twice under one Idempotency-Key: the first answer and the replay. */
async function twice(path: string, body: unknown): Promise<[ApiResponse, ApiResponse]> {
  const headers = { 'Idempotency-Key': randomUUID() };
  const first = await api.post(path, { body, headers });
  const replay = await api.post(path, { body, headers });
  expect(replay.headers.get('idempotent-replayed')).toBe('true');
  return [first, replay];
}

function verifyWebhook(secret: string, r: { headers: IncomingHttpHeaders; body: string }): unknown {
  return new Webhook(secret).verify(r.body, {
    'webhook-id': String(r.headers['webhook-id']),
    'webhook-timestamp': String(r.headers['webhook-timestamp']),
    'webhook-signature': String(r.headers['webhook-signature']),
  });
}

function providerInbound(channelId: string, secret: string) {
  const raw = JSON.stringify({ from: `+9197${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}`, text: 'hello', provider_message_id: `wamid.${randomUUID()}` });
  return client('').post(`/v1/channels/${channelId}/inbound`, { key: null, rawBody: raw, headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signBody(secret, raw) } });
}

const secrets: string[] = [];
let channel: { id: string; secret: string };

async function admin(env: Record<string, string>, ...args: string[]): Promise<any> {
  const { stdout } = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'admin.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...stack().env, LOG_LEVEL: 'warn', ...env }, timeout: 60_000 });
  return JSON.parse(stdout);
}

describe('signing secrets are shown once', () => {
  it('webhook endpoint creation and secret rotation answer secret: null on a replay; deliveries verify with both secrets', async () => {
    const [created, replay] = await twice('/v1/webhook-endpoints', { url: `${url}/hooks`, event_types: ['order.paid'] });
    expect(created.status).toBe(201);
    const [rotated, rotatedReplay] = await twice(`/v1/webhook-endpoints/${created.body.id}/rotate-secret`, { overlap_seconds: 600 });
    expect(rotated.status).toBe(200);
    const [first, second]: string[] = [created.body.secret, rotated.body.secret];
    for (const s of [first, second]) expect(s).toMatch(/^whsec_/);
    expect(second).not.toBe(first);
    secrets.push(first, second);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual({ ...created.body, secret: null });
    expect(rotatedReplay.status).toBe(200);
    expect(rotatedReplay.body).toEqual({ ...rotated.body, secret: null });

    const test = await api.post(`/v1/webhook-endpoints/${created.body.id}/test`);
    expect(test.status).toBe(202);
    const delivered = await waitFor(() => Promise.resolve(received.filter((r) => r.path === '/hooks')), (r) => r.length > 0);
    // the public library verifies with the new secret and, during the overlap, with the previous one
    expect(verifyWebhook(second, delivered[0])).toMatchObject({ type: 'webhook.test' });
    expect(verifyWebhook(first, delivered[0])).toMatchObject({ type: 'webhook.test' });
  });

  it('channel creation answers signing_secret: null on a replay; provider callbacks still authenticate with the secret', async () => {
    const [created, replay] = await twice('/v1/channels', { name: 'sandbox', provider: 'sandbox' });
    expect(created.status).toBe(201);
    const secret: string = created.body.signing_secret;
    expect(secret).toMatch(/^chsec_/);
    secrets.push(secret);
    channel = { id: created.body.id, secret };
    expect(replay.body).toEqual({ ...created.body, signing_secret: null });
    expect((await providerInbound(created.body.id, secret)).status).toBe(201);
    expect((await providerInbound(created.body.id, `chsec_${randomBytes(24).toString('base64')}`)).status).toBe(401);
  });

  it('flow creation answers signing_secret: null on a replay; http_request calls verify with the secret', async () => {
    const [created, replay] = await twice('/v1/flows', { name: 'call out', trigger: { type: 'manual' }, steps: [{ id: 'notify', type: 'http_request', url: `${url}/flow` }] });
    expect(created.status).toBe(201);
    const secret: string = created.body.signing_secret;
    expect(secret).toMatch(/^whsec_/);
    secrets.push(secret);
    expect(replay.body).toEqual({ ...created.body, signing_secret: null });
    expect((await api.post(`/v1/flows/${created.body.id}/activate`)).status).toBe(200);
    const contact = await api.post('/v1/contacts', { body: { phone: `+9196${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}` } });
    expect((await api.post(`/v1/flows/${created.body.id}/runs`, { body: { contact_id: contact.body.id } })).status).toBe(202);
    const calls = await waitFor(() => Promise.resolve(received.filter((r) => r.path === '/flow')), (r) => r.length > 0);
    expect(verifyWebhook(secret, calls[0])).toMatchObject({ flow_id: created.body.id, step_id: 'notify' });
  });
});

describe('signing secrets are encrypted at rest', () => {
  it('no table, stored response or backup holds one in clear; the tables hold them sealed', async () => {
    expect(secrets).toHaveLength(4);
    const rows = await sql<{ v: string }>(
      `select secret as v from webhook_endpoints where workspace_id = ? union all select previous_secret from webhook_endpoints where workspace_id = ?
       union all select signing_secret from channels where workspace_id = ? union all select signing_secret from flows where workspace_id = ?`,
      [ws.workspaceId, ws.workspaceId, ws.workspaceId, ws.workspaceId],
    );
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.v).toMatch(/^enc1:[0-9a-f]{8}:[A-Za-z0-9_-]+$/);

    const tables = ['webhook_endpoints', 'channels', 'flows', 'idempotency_keys', 'events', 'audit_logs'];
    const dump = (await Promise.all(tables.map((t) => sql<{ t: string }>(`select x::text as t from ${t} x where workspace_id = ?`, [ws.workspaceId])))).flat().map((r) => r.t).join('\n');
    expect(dump).toContain('enc1:');
    for (const s of secrets) {
      expect(dump).not.toContain(s);
      // nor the key bytes alone (the part Standard Webhooks signs with)
      expect(dump).not.toContain(s.replace(/^(whsec|chsec)_/, ''));
    }

    const backup = (await admin({}, 'backups', 'take', '--workspace', ws.workspaceId)) as { id: string; status: string };
    expect(backup.status).toBe('complete');
    const text = await backupText(join(stack().env.BACKUP_DIR, backup.id));
    expect(text).toContain(rows[0].v);
    for (const s of secrets) expect(text).not.toContain(s.replace(/^(whsec|chsec)_/, ''));
  });

  it('rows written in clear before the migration keep working, and the migration seals them and the stored responses', async () => {
    const legacy = `chsec_${randomBytes(24).toString('base64')}`;
    const channelId = newId('chn');
    await sql(`insert into channels (id, workspace_id, name, provider, url, signing_secret, created_at, updated_at) values (?, ?, 'legacy', 'sandbox', null, ?, now(), now())`, [channelId, ws.workspaceId, legacy]);
    const commandId = randomUUID();
    await sql(
      `insert into idempotency_keys (id, workspace_id, key_hash, operation_id, fingerprint, request, state, response_status, response_body, workflow_id, completed_at, expires_at)
       values (?, ?, ?, 'createChannel', 'legacy', '{}'::jsonb, 'completed', 201, ?::json, 'legacy', now(), now() + interval '1 hour')`,
      [commandId, ws.workspaceId, randomUUID(), JSON.stringify({ id: channelId, object: 'channel', signing_secret: legacy })],
    );
    expect((await providerInbound(channelId, legacy)).status).toBe(201);

    // the migration as migrate runs it, on this database (its schema change is idempotent)
    const { Migration20261202000015_secrets_at_rest: SecretsAtRest } = await import('../../src/db/migrations/Migration20261202000015_secrets_at_rest');
    const orm = await db();
    await new SecretsAtRest(orm.em.getDriver(), orm.config).up();

    const [row] = await sql<{ signing_secret: string }>('select signing_secret from channels where id = ?', [channelId]);
    expect(row.signing_secret).toMatch(/^enc1:/);
    const [stored] = await sql<{ t: string }>('select response_body::text as t from idempotency_keys where id = ?', [commandId]);
    expect(stored.t).not.toContain(legacy);
    expect(JSON.parse(stored.t)).toEqual({ id: channelId, object: 'channel', signing_secret: null });
    expect((await providerInbound(channelId, legacy)).status).toBe(201);
  });

  it('the encryption key rotates: admin secrets reseal moves a workspace to a new key, the previous key still opening the old values', async () => {
    // the test stack runs on the development fallback key (no SABNODE_ENCRYPTION_KEY), written out here
    const devKey = createHash('sha256').update('sabnode-development-encryption-key-do-not-use-in-production').digest('hex');
    const newKey = randomBytes(32).toString('hex');
    const idOf = (hex: string) => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex').slice(0, 8);
    const keyIds = async () =>
      (await sql<{ v: string }>(`select secret as v from webhook_endpoints where workspace_id = ? union all select signing_secret from channels where workspace_id = ? union all select signing_secret from flows where workspace_id = ?`, [ws.workspaceId, ws.workspaceId, ws.workspaceId]))
        .map((r) => r.v.split(':')[1]);
    expect(new Set(await keyIds())).toEqual(new Set([idOf(devKey)]));

    const moved = await admin({ SABNODE_ENCRYPTION_KEY: newKey, SABNODE_ENCRYPTION_PREVIOUS_KEYS: devKey }, 'secrets', 'reseal', '--workspace', ws.workspaceId);
    expect(moved.resealed).toBeGreaterThanOrEqual(4);
    expect(new Set(await keyIds())).toEqual(new Set([idOf(newKey)]));

    const back = await admin({ SABNODE_ENCRYPTION_KEY: devKey, SABNODE_ENCRYPTION_PREVIOUS_KEYS: newKey }, 'secrets', 'reseal', '--workspace', ws.workspaceId);
    expect(back.resealed).toBe(moved.resealed);
    expect(new Set(await keyIds())).toEqual(new Set([idOf(devKey)]));
    expect((await providerInbound(channel.id, channel.secret)).status).toBe(201);
  });
});
