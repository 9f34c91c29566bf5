import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { Migration20261202000021_normalised_identifiers } from '../src/db/migrations/Migration20261202000021_normalised_identifiers';
import { purgeTemporalHistories, type TemporalCheckpoint } from '../src/privacy/stores/temporal';
import { SIGNATURE_HEADER, signBody } from '../src/channels/signatures';
import { searchKeys } from '../src/engine/temporal';
import { client } from './support/client';
import { closeDb, db, newWorkspace, sql, stack } from './support/stack';
import { waitFor } from './support/wait';

jest.setTimeout(180_000);

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

let temporal: { connection: Connection; client: Client };

async function admin(...args: string[]): Promise<any> {
  const { stdout } = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'admin.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...stack().env, LOG_LEVEL: 'warn' },
    timeout: 60_000,
  });
  return JSON.parse(stdout);
}

async function metric(name: string): Promise<number | undefined> {
  const res = await fetch(`${stack().apiUrl}/metrics`, { headers: { Authorization: `Bearer ${stack().env.OPS_TOKEN}` } });
  const line = (await res.text()).split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
}

/** A claim as a 503 (or a crash between claim and start) leaves it: pending, for a workflow that never started. */
async function pendingClaim(workspaceId: string, keyId: string, contactId: string, phone: string, ageSeconds: number): Promise<string> {
  const id = randomUUID();
  await sql(
    `insert into idempotency_keys (id, workspace_id, owner_id, key_hash, operation_id, fingerprint, request, state, workflow_id, created_at, expires_at)
     values (?, ?, ?, ?, 'updateContact', ?, ?::jsonb, 'pending', ?, now() - make_interval(secs => ?), now() + interval '1 day')`,
    [id, workspaceId, keyId, randomUUID(), randomUUID(), JSON.stringify({ params: { contact_id: contactId }, body: { phone }, keyId }), `${workspaceId}/updateContact/${randomUUID()}`, ageSeconds],
  );
  return id;
}

const randomDigits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

beforeAll(async () => {
  const connection = await Connection.connect({ address: stack().env.TEMPORAL_ADDRESS });
  temporal = { connection, client: new Client({ connection }) };
});

afterAll(async () => {
  await temporal?.connection.close();
  await closeDb();
});

describe('a purge is never stuck', () => {
  it('waits on a fresh pending claim (and says so), and completes once the claim is past the bound with no workflow behind it', async () => {
    const ws = await newWorkspace();
    const api = client(ws.key);
    const phone = `+9198${randomDigits(8)}`;
    const contact = await api.post('/v1/contacts', { body: { phone, first_name: 'Stale' } });
    expect(contact.status).toBe(201);
    const stale = await pendingClaim(ws.workspaceId, ws.keyId, contact.body.id, phone, 3600);
    const fresh = await pendingClaim(ws.workspaceId, ws.keyId, contact.body.id, phone, 0);

    const started = await api.post('/v1/privacy/purges', { body: { phone } });
    expect(started.status).toBe(202);
    // the fresh claim might still be a command about to start: the stage waits, and the resource says on what
    const waiting = await waitFor(
      () => api.get(`/v1/privacy/purges/${started.body.id}`),
      (r) => r.body.stages.find((s: { name: string }) => s.name === 'idempotency_keys')?.status === 'waiting',
      60_000,
    );
    expect(waiting.body.status).toBe('running');
    expect(waiting.body.stages.find((s: { name: string }) => s.name === 'idempotency_keys').waiting_for).toBe(
      'commands about the subject still running or not yet answered: 1',
    );
    // the stale one is already released (its workflow never started); the fresh one is kept within the bound
    expect(await sql(`select id from idempotency_keys where id in (?, ?)`, [stale, fresh])).toEqual([{ id: fresh }]);
    expect(await metric('sabnode_privacy_purge_oldest_running_seconds')).toBeGreaterThan(0);

    // time passes beyond STALE_CLAIM_MS and still no workflow: the next retry releases it and the purge completes
    await sql(`update idempotency_keys set created_at = now() - interval '1 hour' where id = ?`, [fresh]);
    const done = await waitFor(() => api.get(`/v1/privacy/purges/${started.body.id}`), (r) => r.body.status === 'completed', 120_000);
    expect(done.body.status).toBe('completed');
    for (const stage of done.body.stages) expect(stage).toMatchObject({ status: 'cleared', waiting_for: null });
    expect(await sql(`select id from idempotency_keys where id = ?`, [fresh])).toEqual([]);
    expect((await api.get(`/v1/contacts/${contact.body.id}`)).status).toBe(404);
  });

  it('keeps an old pending claim whose workflow is running', async () => {
    const ws = await newWorkspace();
    const phone = `+9198${randomDigits(8)}`;
    const claim = await pendingClaim(ws.workspaceId, ws.keyId, 'ctc_none', phone, 3600);
    const [row] = await sql<{ workflow_id: string }>(`select workflow_id from idempotency_keys where id = ?`, [claim]);
    // a workflow nobody polls for stays running
    await temporal.client.workflow.start('updateContact', {
      workflowId: row.workflow_id,
      taskQueue: 'never-stuck-unpolled',
      args: [{ commandId: claim }],
      typedSearchAttributes: new TypedSearchAttributes([{ key: searchKeys.workspaceId, value: ws.workspaceId }]),
    });
    try {
      const { releaseStaleClaims } = await import('../src/privacy/stale-claims');
      expect(await releaseStaleClaims((await db()).em.fork(), temporal.client, { workspaceId: ws.workspaceId })).toBe(0);
      expect(await sql(`select id from idempotency_keys where id = ?`, [claim])).toEqual([{ id: claim }]);
      await temporal.client.workflow.getHandle(row.workflow_id).terminate('test over');
      // ended without an answer: nothing will ever complete the claim
      expect(await releaseStaleClaims((await db()).em.fork(), temporal.client, { workspaceId: ws.workspaceId })).toBe(1);
      expect(await sql(`select id from idempotency_keys where id = ?`, [claim])).toEqual([]);
    } finally {
      await temporal.client.workflow.getHandle(row.workflow_id).terminate('test over').catch(() => undefined);
    }
  });

  it('reads workflow histories page by page and resumes from its checkpoint after a failure', async () => {
    const ws = await newWorkspace();
    const api = client(ws.key);
    for (let i = 0; i < 5; i++) expect((await api.post('/v1/contacts', { body: { external_id: `paged-${i}` } })).status).toBe(201);
    const phone = `+9198${randomDigits(8)}`;
    const leakyId = `${ws.workspaceId}/ad-hoc-import/${randomUUID()}`;
    await temporal.client.workflow.start('adHocImport', {
      workflowId: leakyId,
      taskQueue: 'never-stuck-unpolled',
      args: [{ rows: [{ phone }] }],
      typedSearchAttributes: new TypedSearchAttributes([{ key: searchKeys.workspaceId, value: ws.workspaceId }]),
    });
    const listed = async () => {
      let n = 0;
      for await (const _ of temporal.client.workflow.list({ query: `WorkspaceId = "${ws.workspaceId}"` })) n++;
      return n;
    };
    await waitFor(listed, (n) => n >= 6, 30_000);
    const subject = { workspaceId: ws.workspaceId, contactIds: [], phones: [phone], emails: [] };

    // the activity dies once it has heartbeated the end of its second page: that is where the retry starts
    const checkpoints: TemporalCheckpoint[] = [];
    const dying = purgeTemporalHistories(temporal.client, subject, 'none', {
      pageSize: 2,
      checkpoint: (at) => {
        checkpoints.push(at);
        if (at.scanned >= 4) throw new Error('worker lost');
      },
    });
    await expect(dying).rejects.toThrow('worker lost');
    const last = checkpoints[checkpoints.length - 1];
    expect(last).toMatchObject({ scanned: 4, done: false });
    expect(last.pageToken).not.toBeNull();

    const resumed: TemporalCheckpoint[] = [];
    const scan = await purgeTemporalHistories(temporal.client, subject, 'none', { pageSize: 2, from: last, checkpoint: (at) => void resumed.push(at) });
    // every history read once in all (the first four before the failure), the leaky one found and deleted
    expect(scan).toEqual({ scanned: 6, found: 1, deleted: 1 });
    expect(resumed[0].scanned).toBe(4);
    expect(resumed[resumed.length - 1]).toMatchObject({ scanned: 6, done: true, pageToken: null });
    await waitFor(
      () => temporal.client.workflow.getHandle(leakyId).describe().then(() => null, (err: unknown) => err),
      (err) => err !== null,
      30_000,
    );
  });
});

describe('identifiers are normalised', () => {
  it('stores a phone in E.164 and an email case-folded, and finds the contact by either written form', async () => {
    const ws = await newWorkspace();
    const api = client(ws.key);
    const created = await api.post('/v1/contacts', { body: { phone: '+91 98765-43210', email: 'Asha.Rao@Example.COM' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ phone: '+919876543210', email: 'asha.rao@example.com' });
    const [row] = await sql<{ phone: string; email: string }>(`select phone, email from contacts where id = ?`, [created.body.id]);
    expect(row).toEqual({ phone: '+919876543210', email: 'asha.rao@example.com' });
    for (const form of ['+919876543210', '+91 98765 43210', '0091 98765-43210']) {
      const found = await api.get(`/v1/contacts?phone=${encodeURIComponent(form)}`);
      expect(found.status).toBe(200);
      expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    }
    // the same number written another way is the same contact: taken on create, matched by a bulk upsert
    const duplicate = await api.post('/v1/contacts', { body: { phone: '+91 (98765) 43210' } });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.code).toBe('contact_phone_taken');
    const bulk = await api.post('/v1/contacts/bulk', { body: { items: [{ phone: '+91-98765-43210', first_name: 'Asha' }] } });
    expect(bulk.status).toBe(200);
    expect(bulk.body.results[0]).toMatchObject({ status: 200, id: created.body.id });
    expect((await api.get(`/v1/contacts/${created.body.id}`)).body).toMatchObject({ phone: '+919876543210', first_name: 'Asha' });
    const patched = await api.patch(`/v1/contacts/${created.body.id}`, { body: { phone: '+91 98765 43219' } });
    expect(patched.body.phone).toBe('+919876543219');
    // a value that reads as no phone number is refused with its pointer
    const bad = await api.post('/v1/contacts', { body: { phone: '+91 12' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe('/phone');
  });

  it('purges a subject named in another format, and redacts the number written any common way in message text', async () => {
    const ws = await newWorkspace();
    const api = client(ws.key);
    const national = `9${randomDigits(9)}`;
    const phone = `+91${national}`;
    const spaced = `+91 ${national.slice(0, 5)} ${national.slice(5)}`;
    const dashed = `${national.slice(0, 5)}-${national.slice(5)}`;
    const subject = await api.post('/v1/contacts', { body: { phone: spaced, first_name: 'Asha' } });
    expect(subject.body.phone).toBe(phone);
    const channel = await api.post('/v1/channels', { body: { name: 'sandbox', provider: 'sandbox' } });
    const secret = channel.body.signing_secret as string;
    // another person's messages name the subject's number in three written forms, and another number
    const otherPhone = `+9197${randomDigits(8)}`;
    const texts = [`call my friend on ${spaced} tonight`, `or 91${national}, or ${dashed}.`, `not ${otherPhone}, nor ${national}1`];
    for (const text of texts) {
      const raw = JSON.stringify({ from: otherPhone, text, provider_message_id: `wamid.${randomUUID()}` });
      const res = await client('').post(`/v1/channels/${channel.body.id}/inbound`, {
        key: null,
        rawBody: raw,
        headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signBody(secret, raw) },
      });
      expect(res.status).toBe(201);
    }
    // and a reply to that person names it in what was sent beside the text: a link's URL
    const [open] = await sql<{ id: string }>('select id from conversations where workspace_id = ?', [ws.workspaceId]);
    const link = await api.post(`/v1/conversations/${open.id}/messages`, { body: { type: 'media', media_url: `https://cdn.example.com/calls/${national}.ogg`, media_type: 'audio', text: 'voice note' } });
    expect(link.status).toBe(201);

    const before = await api.get('/v1/messages?sort=updated_at&limit=100');
    expect(before.status).toBe(200);
    const syncedAt = before.body.data[0].updated_at as string;
    const started = await api.post('/v1/privacy/purges', { body: { phone: `00${phone.slice(1, 3)} ${dashed}` } });
    expect(started.status).toBe(202);
    const done = await waitFor(() => api.get(`/v1/privacy/purges/${started.body.id}`), (r) => r.body.status === 'completed', 120_000);
    expect(done.body.status).toBe('completed');
    expect((await api.get(`/v1/contacts/${subject.body.id}`)).status).toBe(404);
    const kept = await sql<{ text: string; media_link: { url: string } | null }>(`select text, media_link from messages where workspace_id = ? order by created_at, id`, [ws.workspaceId]);
    expect(kept.map((m) => m.text)).toEqual(['call my friend on [redacted] tonight', 'or [redacted], or [redacted].', `not ${otherPhone}, nor ${national}1`, 'voice note']);
    expect(kept[3].media_link).toEqual({ url: 'https://cdn.example.com/calls/[redacted].ogg', type: 'audio', filename: null });
    // a sync of the messages sees the redactions as updates, and only them
    const synced = await api.get(`/v1/messages?sort=updated_at&limit=100&updated_since=${encodeURIComponent(new Date(Date.parse(syncedAt) + 1).toISOString())}`);
    expect(synced.status).toBe(200);
    expect(synced.body.data.map((m: { text: string }) => m.text).sort()).toEqual(['call my friend on [redacted] tonight', 'or [redacted], or [redacted].', 'voice note']);
  });

  it('migration 21 brings stored rows to the normal form and leaves a collision as it was', async () => {
    const ws = await newWorkspace();
    const n = randomDigits(8);
    const rows = [
      ['ctc_mig_a', `+91 98 ${n}`, 'MiXed@Example.com', null],
      ['ctc_mig_b', `+9197${n}`, null, null],
      ['ctc_mig_c', `+91 97-${n}`, null, null],
      ['ctc_mig_d', `+91 97 ${n}`, null, 'now()'],
    ].map(([id, phone, email, deleted]) => [`${id}_${n}`, phone, email, deleted] as const);
    for (const [id, phone, email, deleted] of rows) {
      await sql(
        `insert into contacts (id, workspace_id, phone, email, attributes, tags, version, created_at, updated_at, deleted_at)
         values (?, ?, ?, ?, '{}', '{}', 1, now(), now(), ${deleted ?? 'null'})`,
        [id, ws.workspaceId, phone, email],
      );
    }
    const orm = await db();
    await new Migration20261202000021_normalised_identifiers(orm.em.getDriver(), orm.config).up();
    const after = await sql<{ id: string; phone: string; email: string | null }>(`select id, phone, email from contacts where workspace_id = ? order by id`, [ws.workspaceId]);
    expect(after.map((r) => [r.id, r.phone, r.email])).toEqual([
      [rows[0][0], `+9198${n}`, 'mixed@example.com'],
      [rows[1][0], `+9197${n}`, null],
      // a live contact already holds its E.164 form: left as written, and still found by a purge
      [rows[2][0], `+91 97-${n}`, null],
      // a tombstone holds no number uniquely
      [rows[3][0], `+9197${n}`, null],
    ]);
  });
});

describe('CLI purges', () => {
  it('are audited with actor admin_cli and the OS user', async () => {
    const ws = await newWorkspace();
    const api = client(ws.key);
    const email = `Cli.${randomDigits(6)}@Example.com`;
    const contact = await api.post('/v1/contacts', { body: { email } });
    expect(contact.body.email).toBe(email.toLowerCase());
    const started = await admin('privacy', 'purge', '--workspace', ws.workspaceId, '--email', email);
    expect(started).toMatchObject({ object: 'privacy_purge', match: 'email' });
    const log = await api.get('/v1/audit-logs?action=purge.requested');
    expect(log.status).toBe(200);
    expect(log.body.data).toHaveLength(1);
    expect(log.body.data[0]).toMatchObject({
      action: 'purge.requested',
      operation_id: 'admin',
      key_id: null,
      object_ids: [started.id],
      details: { by: ['email'], actor: 'admin_cli', os_user: userInfo().username },
    });
    const done = await waitFor(() => api.get(`/v1/privacy/purges/${started.id}`), (r) => r.body.status === 'completed', 120_000);
    expect(done.body.status).toBe('completed');
    expect((await api.get(`/v1/contacts/${contact.body.id}`)).status).toBe(404);
  });
});
