import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client as PgClient } from 'pg';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { searchKeys } from '../src/engine/temporal';
import { client } from './support/client';
import { closeDb, newWorkspace, sql, stack } from './support/stack';
import { waitFor } from './support/wait';
import { backupText, folderText } from './support/backups';
import { SIGNATURE_HEADER, signBody } from '../src/channels/signatures';
import { historyStrings } from '../src/privacy/stores/temporal';

jest.setTimeout(180_000);

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

let ws: Awaited<ReturnType<typeof newWorkspace>>;
let api: ReturnType<typeof client>;
let receiver: Server;
const received: string[] = [];
let temporal: { connection: Connection; client: Client };

/** The operator CLI, as a compliance team runs it, against this run's stack. */
async function admin(...args: string[]): Promise<any> {
  const { stdout } = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'admin.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...stack().env, LOG_LEVEL: 'warn' },
    timeout: 60_000,
  });
  return JSON.parse(stdout);
}


function providerCall(channelId: string, secret: string, body: object) {
  const raw = JSON.stringify(body);
  return client('').post(`/v1/channels/${channelId}/inbound`, {
    key: null,
    rawBody: raw,
    headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signBody(secret, raw) },
  });
}

/** Every encoding the identifiers could be stored in: raw, lower case, JSON-escaped, base64 and base64url. */
function encodings(values: string[]): string[] {
  return [...new Set(values.flatMap((v) => [v, v.toLowerCase(), JSON.stringify(v).slice(1, -1), Buffer.from(v).toString('base64').replace(/=+$/, ''), Buffer.from(v).toString('base64url')]))];
}

function findIn(text: string, needles: string[]): string[] {
  const lower = text.toLowerCase();
  return needles.filter((n) => lower.includes(n.toLowerCase()));
}

/** Every row of every table in the database, as PostgreSQL's text form and as JSON (what pg_dump would hold). */
async function databaseText(): Promise<string> {
  const tables = await sql<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await sql<{ a: string; b: string }>(`select t::text as a, row_to_json(t)::text as b from "${table_name}" t`);
    for (const r of rows) parts.push(`${table_name}: ${r.a} ${r.b}`);
  }
  return parts.join('\n');
}

/** Every workflow history of the workspace: strings, payloads decoded, and payloads as base64. */
async function historiesText(workspaceId: string): Promise<{ count: number; text: string }> {
  const parts: string[] = [];
  let count = 0;
  for await (const wf of temporal.client.workflow.list({ query: `WorkspaceId = "${workspaceId}"` })) {
    count++;
    const history = await temporal.client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
    parts.push(wf.workflowId, ...historyStrings(history));
    const b64: string[] = [];
    const walk = (n: unknown): void => {
      if (n instanceof Uint8Array) b64.push(Buffer.from(n).toString('base64'));
      else if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') Object.values(n).forEach(walk);
    };
    walk(history);
    parts.push(...b64);
  }
  return { count, text: parts.join('\n') };
}

// backups other suites took before this one (the backup store is the stack's): every purge rewrites them too, and
// the assertions below are about the backups this suite takes
let earlierBackups = new Set<string>();
const ours = <T extends { id: string }>(list: T[]): T[] => list.filter((b) => !earlierBackups.has(b.id));

beforeAll(async () => {
  earlierBackups = new Set((await readdir(stack().env.BACKUP_DIR).catch(() => [] as string[])).filter((d) => d.startsWith('bkp_')));
  ws = await newWorkspace();
  api = client(ws.key);
  // a receiver that echoes each delivery in its answer, so the stored attempt holds the subject too
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(body);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ echoed: body }));
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const connection = await Connection.connect({ address: stack().env.TEMPORAL_ADDRESS });
  temporal = { connection, client: new Client({ connection }) };
});

afterAll(async () => {
  await new Promise<void>((r) => {
    receiver.close(() => r());
    receiver.closeAllConnections();
  });
  await temporal?.connection.close();
  await closeDb();
});

describe('privacy purges', () => {
  it('refuses bad requests and keys without privacy:write', async () => {
    const none = await api.post('/v1/privacy/purges', { body: {} });
    expect(none.status).toBe(400);
    const two = await api.post('/v1/privacy/purges', { body: { phone: '+919800000001', email: 'x@example.com' } });
    expect(two.status).toBe(400);
    const badPhone = await api.post('/v1/privacy/purges', { body: { phone: 'not a phone' } });
    expect(badPhone.status).toBe(400);
    const unknown = await api.post('/v1/privacy/purges', { body: { contact_id: 'ctc_00000000000000000000000000' } });
    expect(unknown.status).toBe(404);
    const reader = await ws.keyWith(['contacts:read']);
    const refused = await client(reader.key).post('/v1/privacy/purges', { body: { phone: '+919800000001' } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('insufficient_scope');
    const missing = await api.get('/v1/privacy/purges/prg_00000000000000000000000000');
    expect(missing.status).toBe(404);
  });

  it('removes a subject from every store, Temporal and the backups, leaves others intact, and a restore stays clean', async () => {
    const n = Math.floor(Math.random() * 1e8).toString().padStart(8, '0');
    const phone = `+9197${n}`;
    const email = `Asha.Rao.${n}@Example.com`;
    const otherPhone = `+9196${n}`;
    const otherEmail = `ravi.${n}@example.com`;
    const needles = encodings([phone, email, phone.slice(1)]);

    const endpoint = await api.post('/v1/webhook-endpoints', { body: { url: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook` } });
    expect(endpoint.status).toBe(201);
    const channel = await api.post('/v1/channels', { body: { name: 'sandbox', provider: 'sandbox' } });
    const secret = channel.body.signing_secret as string;

    const subject = await api.post('/v1/contacts', { body: { phone, email, first_name: 'Asha', last_name: 'Rao', attributes: { city: 'Pune' } } });
    expect(subject.status).toBe(201);
    const other = await api.post('/v1/contacts', { body: { phone: otherPhone, email: otherEmail, first_name: 'Ravi' } });
    expect(other.status).toBe(201);
    expect((await api.post(`/v1/contacts/${subject.body.id}/tags`, { body: { tags: ['vip'] } })).status).toBe(200);
    expect((await api.post(`/v1/contacts/${other.body.id}/tags`, { body: { tags: ['vip'] } })).status).toBe(200);

    // messages both ways, one carrying a file whose bytes name the subject
    const inbound = await providerCall(channel.body.id, secret, { from: phone, text: `hi, write to ${email}`, provider_message_id: `wamid.${randomUUID()}` });
    expect(inbound.status).toBe(201);
    const conversation = (await api.get(`/v1/conversations?contact_id=${subject.body.id}`)).body.data[0];
    const outbound = await api.post(`/v1/conversations/${conversation.id}/messages`, { body: { type: 'text', text: `Asha, we call you on ${phone}` } });
    expect(outbound.status).toBe(201);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(`%PDF-1.4\n% invoice for Asha Rao ${phone} ${email}\n`)], { type: 'application/pdf' }), 'invoice.pdf');
    const file = await api.post('/v1/files', { rawBody: form });
    expect(file.status).toBe(201);
    const media = await api.post(`/v1/conversations/${conversation.id}/messages`, { body: { type: 'media', file_id: file.body.id, text: 'Your invoice' } });
    expect(media.status).toBe(201);
    await providerCall(channel.body.id, secret, { from: otherPhone, text: 'hello from Ravi', provider_message_id: `wamid.${randomUUID()}` });

    const order = await api.post('/v1/orders', {
      body: { contact_id: subject.body.id, currency: 'INR', items: [{ sku: 'TEA', name: 'Tea', quantity: 1, unit_price: 100 }], metadata: { ship_to: '12 MG Road, Pune', recipient_phone: phone } },
    });
    expect(order.status).toBe(201);
    const otherOrder = await api.post('/v1/orders', {
      body: { contact_id: other.body.id, currency: 'INR', items: [{ sku: 'TEA', name: 'Tea', quantity: 2, unit_price: 100 }], metadata: { ship_to: '1 Park Street' } },
    });
    const bulk = await api.post('/v1/contacts/bulk', { body: { items: [{ phone, email, first_name: 'Asha' }, { phone: otherPhone, first_name: 'Ravi' }] } });
    expect(bulk.status).toBe(200);

    // the webhook deliveries have carried the subject out (and the receiver's echoes are stored)
    await waitFor(async () => received.filter((b) => b.includes(phone)).length, (c) => c >= 3);
    await waitFor(() => sql<{ n: string }>(`select count(*) as n from webhook_deliveries where workspace_id = ? and status = 'pending'`, [ws.workspaceId]), (r) => r[0].n === '0');
    const attempts = await sql<{ n: string }>(
      `select count(*) as n from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id where d.workspace_id = ? and a.response_body like ?`,
      [ws.workspaceId, `%${phone}%`],
    );
    expect(Number(attempts[0].n)).toBeGreaterThan(0);

    // a backup before the purge, which holds the subject
    let t0 = Date.now();
    const backup = await admin('backups', 'take', '--workspace', ws.workspaceId);
    process.stderr.write(`[measure] admin backups take (CLI process included): ${Date.now() - t0} ms\n`);
    expect(backup).toMatchObject({ object: 'backup', status: 'complete' });
    const backupDir = stack().env.BACKUP_DIR;
    expect(findIn(await backupText(join(backupDir, backup.id)), [phone]).length).toBe(1);
    // the searches below can find the subject: they do before the purge
    expect(findIn(await databaseText(), [phone, email])).toEqual([phone, email]);
    expect(findIn(await folderText(stack().env.FILES_DIR), [phone])).toEqual([phone]);

    // a workflow that does hold the subject (none of ours does; an operator's ad-hoc one might): the purge must find it
    const leakyId = `${ws.workspaceId}/ad-hoc-import/${randomUUID()}`;
    await temporal.client.workflow.start('adHocImport', {
      workflowId: leakyId,
      taskQueue: 'privacy-test-unpolled',
      args: [{ rows: [{ phone, email }] }],
      typedSearchAttributes: new TypedSearchAttributes([{ key: searchKeys.workspaceId, value: ws.workspaceId }]),
    });
    expect(findIn((await historiesText(ws.workspaceId)).text, [phone, email])).toEqual([phone, email]);

    const key = randomUUID();
    const started = await api.post('/v1/privacy/purges', { body: { phone }, headers: { 'Idempotency-Key': key } });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ object: 'privacy_purge', match: 'phone', status: 'running', previously_purged: false });
    expect(started.body.id).toMatch(/^prg_/);
    expect(JSON.stringify(started.body)).not.toContain(phone.slice(1));

    // the stages are shown if it does not finish (each says what it waits for)
    const done = await waitFor(() => api.get(`/v1/privacy/purges/${started.body.id}`), (r) => r.body.status === 'completed', 90_000);
    expect(done.status).toBe(200);
    expect({ status: done.body.status, stages: done.body.stages }).toMatchObject({ status: 'completed' });
    for (const stage of done.body.stages) {
      expect(stage).toMatchObject({ status: 'cleared' });
      expect(Date.parse(stage.cleared_at)).toBeGreaterThanOrEqual(Date.parse(started.body.created_at));
    }
    const cleared = Object.fromEntries(done.body.stages.map((s: { name: string; cleared: number }) => [s.name, s.cleared]));
    expect(cleared.contacts).toBe(1);
    expect(cleared.conversations_and_messages).toBe(4); // three messages, one conversation
    expect(cleared.files).toBe(1);
    expect(cleared.orders).toBe(1);
    expect(cleared.bulk_job_items).toBe(1);
    expect(cleared.events).toBeGreaterThan(5);
    expect(cleared.webhook_deliveries).toBeGreaterThan(0);
    expect(cleared.temporal).toBe(1);
    const gone = await waitFor(
      () => temporal.client.workflow.getHandle(leakyId).describe().then(() => null, (err: unknown) => err),
      (err) => err !== null,
      30_000,
    );
    expect(gone).toBeInstanceOf(WorkflowNotFoundError);
    process.stderr.write(`[measure] purge accepted → completed (live stores, Temporal, 1 backup): ${Date.parse(done.body.completed_at) - Date.parse(started.body.created_at)} ms\n`);
    expect(ours(done.body.backups)).toEqual([expect.objectContaining({ id: backup.id, status: 'cleared' })]);
    expect(done.body.backups.every((b: { status: string }) => b.status === 'cleared')).toBe(true);
    expect(done.body.pending_backups).toEqual([]);
    const listed = await api.get('/v1/privacy/purges');
    expect(listed.body.data.map((p: { id: string }) => p.id)).toContain(started.body.id);
    // a purge request is always audited, naming the purge and how the subject was given, never who
    const audited = await api.get(`/v1/audit-logs?action=purge.requested&object_id=${started.body.id}`);
    expect(audited.body.data).toEqual([expect.objectContaining({ action: 'purge.requested', object_ids: [started.body.id], details: { by: ['phone'] } })]);
    expect(JSON.stringify(audited.body)).not.toContain(phone.slice(1));
    // the same certificate for the compliance team
    expect(await admin('privacy', 'status', started.body.id)).toMatchObject({ id: started.body.id, status: 'completed' });

    // a retry with the same key replays the 202, though the stored request no longer holds the phone
    const replay = await api.post('/v1/privacy/purges', { body: { phone }, headers: { 'Idempotency-Key': key } });
    expect(replay.status).toBe(202);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(started.body.id);

    // nothing left: database, file store, backup store, workflow histories
    expect(findIn(await databaseText(), needles)).toEqual([]);
    expect(findIn(await folderText(stack().env.FILES_DIR), needles)).toEqual([]);
    expect(findIn(await backupText(backupDir), needles)).toEqual([]);
    // deletion is processed by the Temporal server in the background: wait until the listing no longer shows it
    const histories = await waitFor(() => historiesText(ws.workspaceId), (h) => !h.text.includes(leakyId), 30_000);
    expect(histories.count).toBeGreaterThan(10);
    expect(findIn(histories.text, needles)).toEqual([]);

    // the subject is a tombstone; the other contact, their order, tag and messages are intact
    expect((await api.get(`/v1/contacts/${subject.body.id}`)).status).toBe(404);
    const [tomb] = await sql<Record<string, unknown>>(`select phone, email, first_name, last_name, attributes, tags, deleted_at from contacts where id = ?`, [subject.body.id]);
    expect(tomb).toMatchObject({ phone: null, email: null, first_name: null, last_name: null, attributes: {}, tags: [] });
    expect(tomb.deleted_at).not.toBeNull();
    const intact = await api.get(`/v1/contacts/${other.body.id}`);
    expect(intact.body).toMatchObject({ phone: otherPhone, email: otherEmail, first_name: 'Ravi', tags: ['vip'] });
    expect((await api.get(`/v1/orders/${otherOrder.body.id}`)).body.metadata).toEqual({ ship_to: '1 Park Street' });
    const purgedOrder = await api.get(`/v1/orders/${order.body.id}`);
    expect(purgedOrder.body).toMatchObject({ metadata: {}, total: 100, contact_id: subject.body.id });
    expect((await api.get('/v1/tags/vip')).body.contact_count).toBe(1);
    const otherMessages = await sql<{ text: string }>(`select text from messages where contact_id = ?`, [other.body.id]);
    expect(otherMessages.map((m) => m.text)).toEqual(['hello from Ravi']);
    const otherItems = await sql<{ input: { phone?: string } }>(
      `select i.input from bulk_job_items i join bulk_jobs j on j.id = i.job_id where j.workspace_id = ? and i.result_id = ?`,
      [ws.workspaceId, other.body.id],
    );
    expect(otherItems.map((i) => i.input.phone)).toEqual([otherPhone]);
    const [otherTrail] = await sql<{ events: string; deliveries: string }>(
      `select count(distinct e.id) as events, count(d.id) as deliveries from events e left join webhook_deliveries d on d.event_id = e.id where e.workspace_id = ? and e.object_id = ?`,
      [ws.workspaceId, other.body.id],
    );
    expect(Number(otherTrail.events)).toBeGreaterThanOrEqual(2);
    expect(Number(otherTrail.deliveries)).toBeGreaterThanOrEqual(2);

    // restoring the older backup merges it into the workspace (nothing of today is overwritten), without the subject
    t0 = Date.now();
    const restored = await admin('backups', 'restore', backup.id, '--workspace', ws.workspaceId);
    process.stderr.write(`[measure] admin backups restore of one workspace with purges re-applied (CLI process included): ${Date.now() - t0} ms\n`);
    expect(restored).toEqual({ workspaces: [ws.workspaceId], rowsInserted: expect.any(Number), purgesApplied: 1 });
    expect(findIn(await databaseText(), needles)).toEqual([]);
    expect((await api.get(`/v1/contacts/${other.body.id}`)).body).toMatchObject({ phone: otherPhone, email: otherEmail });
    expect((await api.get(`/v1/contacts/${subject.body.id}`)).status).toBe(404);
    expect((await api.get(`/v1/orders/${order.body.id}`)).body.metadata).toEqual({});

    // the same person again: recognised by the kept hash, though nothing readable was kept
    const again = await api.post('/v1/privacy/purges', { body: { email: email.toLowerCase() } });
    expect(again.status).toBe(202);
    expect(again.body.previously_purged).toBe(true);
    const [kept] = await sql<{ subject: unknown; subject_hashes: string[] }>(`select subject, subject_hashes from privacy_purges where id = ?`, [started.body.id]);
    expect(kept.subject).toBeNull();
    expect(kept.subject_hashes.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });
  it('keeps the backup Schedule, and waits on a durable timer for a backup still being written (operator CLI)', async () => {
    const schedule = await temporal.client.schedule.getHandle('sabnode-backups').describe();
    expect(Number(schedule.spec.intervals?.[0]?.every)).toBe(24 * 3600 * 1000);
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'takeBackup' });

    const n = Math.floor(Math.random() * 1e8).toString().padStart(8, '0');
    const email = `meera.${n}@example.com`;
    const contact = await api.post('/v1/contacts', { body: { phone: `+9195${n}`, email, first_name: 'Meera' } });
    expect(contact.status).toBe(201);
    // a backup whose snapshot is taken but whose files are not all written yet, by a writer that is alive: it holds
    // the writer's lock as takeBackup does
    const backupId = `bkp_${n}${'0'.repeat(18)}`;
    const writer = new PgClient({ connectionString: stack().env.DATABASE_URL });
    await writer.connect();
    await writer.query('select pg_advisory_lock(hashtextextended($1, 0))', [`backup-writer:${backupId}`]);
    const manifest = { id: backupId, object: 'backup', format: 'jsonl/1', status: 'writing', taken_at: new Date(Date.now() - 1000).toISOString(), completed_at: null, workspaces: {}, purges_applied: {} };
    const path = join(stack().env.BACKUP_DIR, backupId, 'manifest.json');
    await mkdir(join(stack().env.BACKUP_DIR, backupId), { recursive: true });
    await writeFile(path, JSON.stringify(manifest));

    const started = await admin('privacy', 'purge', '--workspace', ws.workspaceId, '--email', email);
    expect(started).toMatchObject({ object: 'privacy_purge', match: 'email', status: 'running' });
    // the complete backup of the test above is rewritten at once; this one stays pending
    const onlyIt = (r: { body: { pending_backups: { id: string }[] } }) => r.body.pending_backups?.map((b) => b.id).join() === backupId;
    const waiting = await waitFor(() => api.get(`/v1/privacy/purges/${started.id}`), onlyIt, 30_000);
    expect(waiting.body.status).toBe('waiting_for_backups');
    expect(waiting.body.pending_backups.map((b: { id: string }) => b.id)).toEqual([backupId]);
    expect(ours(waiting.body.backups)).toHaveLength(2);
    expect(waiting.body.stages.find((s: { name: string }) => s.name === 'backups')).toMatchObject({ status: 'waiting', cleared_at: null });
    expect(waiting.body.stages.find((s: { name: string }) => s.name === 'contacts')).toMatchObject({ status: 'cleared', cleared: 1 });
    const due = Date.parse(waiting.body.pending_backups[0].due_at) - Date.parse(manifest.taken_at);
    expect(due).toBe(30 * 24 * 3600 * 1000);
    // several timer rounds later it is still pending; once the backup is complete the next round rewrites it
    await new Promise((r) => setTimeout(r, 1500));
    expect((await api.get(`/v1/privacy/purges/${started.id}`)).body.status).toBe('waiting_for_backups');
    await writeFile(path, JSON.stringify({ ...manifest, status: 'complete', completed_at: new Date().toISOString() }));
    await writer.end();
    const done = await waitFor(() => api.get(`/v1/privacy/purges/${started.id}`), (r) => r.body.status === 'completed', 30_000);
    expect(done.body.status).toBe('completed');
    expect(ours<{ id: string; status: string }>(done.body.backups).map((b) => b.status)).toEqual(['cleared', 'cleared']);
    expect(done.body.backups.every((b: { status: string }) => b.status === 'cleared')).toBe(true);
    expect(JSON.parse(await readFile(path, 'utf8')).purges_applied).toHaveProperty(started.id);
    const histories = await historiesText(ws.workspaceId);
    expect(findIn(histories.text, encodings([email]))).toEqual([]);
  });

  it('deletes a backup whose writer died mid-way instead of waiting on it until its due date', async () => {
    const n = Math.floor(Math.random() * 1e8).toString().padStart(8, '0');
    const email = `ira.${n}@example.com`;
    expect((await api.post('/v1/contacts', { body: { phone: `+9196${n}`, email, first_name: 'Ira' } })).status).toBe(201);
    // what a writer killed before completing leaves: a `writing` manifest, a partial file, and no one holding its lock
    const backupId = `bkp_${n}${'1'.repeat(18)}`;
    const folder = join(stack().env.BACKUP_DIR, backupId);
    await mkdir(join(folder, ws.workspaceId), { recursive: true });
    await writeFile(join(folder, 'manifest.json'), JSON.stringify({ id: backupId, object: 'backup', format: 'jsonl/1', status: 'writing', taken_at: new Date(Date.now() - 1000).toISOString(), completed_at: null, workspaces: {}, purges_applied: {} }));
    await writeFile(join(folder, ws.workspaceId, 'contacts.jsonl'), `${JSON.stringify({ email })}\n`);

    const started = await admin('privacy', 'purge', '--workspace', ws.workspaceId, '--email', email);
    const done = await waitFor(() => api.get(`/v1/privacy/purges/${started.id}`), (r) => r.body.status === 'completed', 30_000);
    expect(done.body.status).toBe('completed');
    expect(done.body.backups.find((b: { id: string }) => b.id === backupId)).toMatchObject({ status: 'discarded', cleared_at: expect.any(String) });
    expect(await readdir(stack().env.BACKUP_DIR)).not.toContain(backupId);
    expect(findIn(await folderText(stack().env.BACKUP_DIR), encodings([email]))).toEqual([]);
  });
});
