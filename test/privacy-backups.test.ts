// Backups that can't bring back what was revoked or purged (issue 15): sealed (AES-256-GCM, a data key per backup
// under BACKUP_MASTER_KEY, files 0600), and a restore that merges, never rolls back, and re-applies every purge.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BackupIntegrityError, BackupKeyError, SealedFileWriter, sealedLines } from '../src/privacy/backup-cipher';
import { backupDataKey, backupRows, readManifest, type BackupManifest } from '../src/privacy/backups';
import { client } from './support/client';
import { backupText } from './support/backups';
import { ROOT } from './support/processes';
import { closeDb, newWorkspace, sql, stack, type TestWorkspace } from './support/stack';
import { waitFor } from './support/wait';

jest.setTimeout(180_000);

const run = promisify(execFile);

/** The operator CLI against this run's stack; `env` changes its settings. */
async function admin(env: Record<string, string>, ...args: string[]): Promise<any> {
  const { stdout } = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'admin.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...stack().env, LOG_LEVEL: 'warn', ...env },
    timeout: 90_000,
  });
  return JSON.parse(stdout);
}

/** The CLI's failure: its exit and what it printed. */
async function adminFails(env: Record<string, string>, ...args: string[]): Promise<string> {
  const err = await admin(env, ...args).then(
    () => null,
    (e: { stderr: string; code: number }) => e,
  );
  expect(err).not.toBeNull();
  expect(err!.code).toBe(1);
  return err!.stderr;
}

/** Every row of every table, as text, that names one of `needles` (case-insensitive). */
async function rowsNaming(needles: string[]): Promise<string[]> {
  const tables = await sql<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const hits: string[] = [];
  for (const { table_name } of tables) {
    const rows = await sql<{ t: string }>(`select t::text as t from "${table_name}" t`);
    for (const r of rows) if (needles.some((n) => r.t.toLowerCase().includes(n.toLowerCase()))) hits.push(`${table_name}: ${r.t.slice(0, 200)}`);
  }
  return hits;
}

async function filesUnder(dir: string): Promise<{ path: string; mode: number; dir: boolean }[]> {
  const out: { path: string; mode: number; dir: boolean }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    out.push({ path, mode: (await stat(path)).mode & 0o777, dir: entry.isDirectory() });
  }
  return out;
}

let ws: TestWorkspace;
let api: ReturnType<typeof client>;
const n = Math.floor(Math.random() * 1e8).toString().padStart(8, '0');
const phone = `+9193${n}`;
const email = `kavya.iyer.${n}@example.com`;
const keeperPhone = `+9192${n}`;
let backup: BackupManifest;
let offsite: string;
let webhookSecret: string;
let channelSecret: string;

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
  offsite = await mkdtemp(join(ROOT, '.data', 'test-offsite-backups-'));
});
afterAll(async () => {
  await rm(offsite, { recursive: true, force: true });
  await closeDb();
});

describe('backups are sealed', () => {
  it('holds the workspace only in sealed files (0600 in 0700 folders) whose manifest carries ids, counts and the wrapped key', async () => {
    const subject = await api.post('/v1/contacts', { body: { phone, email, first_name: 'Kavya', last_name: 'Iyer', attributes: { city: 'Chennai' } } });
    expect(subject.status).toBe(201);
    expect((await api.post('/v1/contacts', { body: { phone: keeperPhone, first_name: 'Arjun' } })).status).toBe(201);
    const endpoint = await api.post('/v1/webhook-endpoints', { body: { url: 'http://127.0.0.1:9/hook' } });
    expect(endpoint.status).toBe(201);
    webhookSecret = endpoint.body.secret;
    const channel = await api.post('/v1/channels', { body: { name: 'sandbox', provider: 'sandbox' } });
    channelSecret = channel.body.signing_secret;
    expect(webhookSecret).toMatch(/^whsec_/);
    expect(channelSecret).toMatch(/^chsec_/);

    backup = await admin({}, 'backups', 'take', '--workspace', ws.workspaceId);
    expect(backup).toMatchObject({ object: 'backup', status: 'complete', format: 'sealed-jsonl/2' });
    expect(backup.encryption).toEqual({ cipher: 'AES-256-GCM', segment_bytes: 65536, data_key: { cipher: 'AES-256-GCM', master_key_id: expect.stringMatching(/^[0-9a-f]{16}$/), wrapped: expect.any(String) } });
    expect(backup.workspaces[ws.workspaceId]).toMatchObject({ contacts: 2, webhook_endpoints: 1, channels: 1 });
    const folder = join(stack().env.BACKUP_DIR, backup.id);

    // the manifest: ids and counts, the wrapped key, and no value from any row
    const manifestText = await readFile(join(folder, 'manifest.json'), 'utf8');
    for (const v of [phone, email, 'Kavya', subject.body.id, webhookSecret, channelSecret]) expect(manifestText).not.toContain(v);

    // no file's bytes name the subject or hold a secret, in any of their usual encodings
    const raw = Buffer.concat(await Promise.all((await filesUnder(folder)).filter((f) => !f.dir).map((f) => readFile(f.path)))).toString('latin1');
    const needles = [phone, phone.slice(1), email, 'Kavya', 'Chennai', subject.body.id, webhookSecret.slice(6), channelSecret.slice(6), '"phone"', 'enc1:'];
    for (const v of [...needles, ...needles.map((x) => Buffer.from(x).toString('base64').replace(/=+$/, ''))]) expect(raw).not.toContain(v);
    // yet they open under the master key, and hold the workspace
    const text = await backupText(folder);
    expect(text).toContain(phone);
    expect(text).toContain(email);

    const files = await filesUnder(folder);
    expect(files.filter((f) => !f.dir).length).toBeGreaterThan(20);
    for (const f of files) expect([f.path, f.mode]).toEqual([f.path, f.dir ? 0o700 : 0o600]);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);

    // an off-site copy, as the README asks operators to keep: purges never rewrite it
    await cp(folder, join(offsite, backup.id), { recursive: true });
  });

  it('cannot be read without the master key, and a flipped, truncated or moved segment fails authentication', async () => {
    const m = (await readManifest(offsite, backup.id))!;
    const wrong = randomBytes(32);
    expect(() => backupDataKey(m, wrong)).toThrow(BackupKeyError);
    expect(() => backupDataKey(m, wrong)).toThrow(/sealed under another BACKUP_MASTER_KEY/);
    // the key id in the manifest changed to the wrong key's: the wrapped key still does not open
    const forged = { ...m, encryption: { ...m.encryption!, data_key: { ...m.encryption!.data_key, master_key_id: (await import('../src/privacy/backup-cipher')).masterKeyId(wrong) } } };
    expect(() => backupDataKey(forged, wrong)).toThrow(/does not open under BACKUP_MASTER_KEY/);
    // the CLI says so too, and restores nothing
    const stderr = await adminFails({ BACKUP_DIR: offsite, BACKUP_MASTER_KEY: wrong.toString('hex') }, 'backups', 'restore', backup.id);
    expect(stderr).toContain(`backup ${backup.id} was sealed under another BACKUP_MASTER_KEY`);

    const key = backupDataKey(m, Buffer.from(stack().env.BACKUP_MASTER_KEY, 'hex'));
    const readAll = async (store: string) => {
      const rows: string[] = [];
      for await (const r of backupRows(store, m, key, ws.workspaceId, 'contacts')) rows.push(r);
      return rows;
    };
    expect((await readAll(offsite)).join('\n')).toContain(phone);

    const damaged = await mkdtemp(join(ROOT, '.data', 'test-damaged-backups-'));
    try {
      const file = join(damaged, backup.id, ws.workspaceId, 'contacts.jsonl');
      const fresh = async () => {
        await rm(join(damaged, backup.id), { recursive: true, force: true });
        await cp(join(offsite, backup.id), join(damaged, backup.id), { recursive: true });
        return readFile(file);
      };
      // one byte of the ciphertext flipped
      const bytes = await fresh();
      bytes[bytes.length - 20] ^= 0x01;
      await writeFile(file, bytes);
      await expect(readAll(damaged)).rejects.toThrow(BackupIntegrityError);
      await expect(readAll(damaged)).rejects.toThrow(/contacts\.jsonl fails authentication: segment 0 was altered/);
      // cut short: the last segment is gone
      const whole = await fresh();
      await truncate(file, whole.length - 1);
      await expect(readAll(damaged)).rejects.toThrow(/fails authentication: cut short/);
      // another table's file put in its place
      await fresh();
      await rename(join(damaged, backup.id, ws.workspaceId, 'channels.jsonl'), file);
      await expect(readAll(damaged)).rejects.toThrow(/segment 0 was altered, reordered or moved from another file/);
    } finally {
      await rm(damaged, { recursive: true, force: true });
    }
  });
});

describe('sealed files', () => {
  it('read back what was written across segments; reordered, dropped or appended segments fail', async () => {
    const dir = await mkdtemp(join(ROOT, '.data', 'test-sealed-'));
    try {
      const key = randomBytes(32);
      const path = join(dir, 'rows.jsonl');
      const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ i, text: `row ${i} ${'x'.repeat(60)}` }));
      const out = await SealedFileWriter.create(path, key, 'ws/rows.jsonl');
      for (const l of lines) await out.write(`${l}\n`);
      await out.close();
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      const read = async (name = 'ws/rows.jsonl') => {
        const got: string[] = [];
        for await (const l of sealedLines(path, key, name)) got.push(l);
        return got;
      };
      expect(await read()).toEqual(lines);
      await expect(read('ws/other.jsonl')).rejects.toThrow(/segment 0 was altered, reordered or moved/);
      await expect((async () => { for await (const _ of sealedLines(path, randomBytes(32), 'ws/rows.jsonl')); })()).rejects.toThrow(BackupIntegrityError);

      // the segments' offsets: magic, then flag, length, nonce, ciphertext and tag each
      const whole = await readFile(path);
      const segments: Buffer[] = [];
      for (let at = 8; at < whole.length; ) {
        const end = at + 17 + whole.readUInt32BE(at + 1);
        segments.push(whole.subarray(at, end));
        at = end;
      }
      expect(segments.length).toBeGreaterThanOrEqual(4);
      const magic = whole.subarray(0, 8);
      await writeFile(path, Buffer.concat([magic, segments[1], segments[0], ...segments.slice(2)]));
      await expect(read()).rejects.toThrow(/segment 0 was altered, reordered or moved/);
      await writeFile(path, Buffer.concat([magic, ...segments.slice(0, -1)]));
      await expect(read()).rejects.toThrow(/cut short before its last segment/);
      await writeFile(path, Buffer.concat([magic, ...segments.slice(0, -2), segments[segments.length - 1]]));
      await expect(read()).rejects.toThrow(/segment \d+ was altered, reordered or moved/);
      await writeFile(path, Buffer.concat([whole, segments[0]]));
      await expect(read()).rejects.toThrow(/data after its last segment/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a restore merges, never rolls back', () => {
  it('leaves a revoked key revoked, a rolled key and secret rolled, newer audit records in place and purged subjects absent', async () => {
    // after the backup: a key revoked, a key rolled, the webhook secret rotated, audit records written
    const revoked = await api.post('/v1/api-keys', { body: { name: 'to revoke', scopes: ['contacts:read'] } });
    const rolled = await api.post('/v1/api-keys', { body: { name: 'to roll', scopes: ['contacts:read'] } });
    // the two keys are newer than the backup: take them into an off-site backup of their own first
    const withKeys = await admin({}, 'backups', 'take', '--workspace', ws.workspaceId);
    await cp(join(stack().env.BACKUP_DIR, withKeys.id), join(offsite, withKeys.id), { recursive: true });

    expect((await api.delete(`/v1/api-keys/${revoked.body.id}`)).status).toBe(200);
    const newKey = await api.post(`/v1/api-keys/${rolled.body.id}/roll`, { body: { overlap_seconds: 0 } });
    expect(newKey.status).toBe(200);
    const endpointId = (await sql<{ id: string }>(`select id from webhook_endpoints where workspace_id = ?`, [ws.workspaceId]))[0].id;
    const rotated = await api.post(`/v1/webhook-endpoints/${endpointId}/rotate-secret`, { body: { overlap_seconds: 0 } });
    expect(rotated.status).toBe(200);
    const stored = async () => (await sql<{ secret: string; previous_secret: string | null; hash: string }>(
      `select e.secret, e.previous_secret, (select secret_hash from api_keys where id = ?) as hash from webhook_endpoints e where e.id = ?`,
      [rolled.body.id, endpointId],
    ))[0];
    const before = await stored();
    // a row lost since (a template deleted by hand): the restore brings it back
    const template = await api.post('/v1/templates', { body: { name: `tpl_${n}`, language: 'en_US', category: 'utility', body: 'Hi {{1}}' } });
    expect(template.status).toBe(201);
    const lateBackup = await admin({}, 'backups', 'take', '--workspace', ws.workspaceId);
    await cp(join(stack().env.BACKUP_DIR, lateBackup.id), join(offsite, lateBackup.id), { recursive: true });
    await sql(`delete from templates where id = ?`, [template.body.id]);
    expect((await api.get(`/v1/templates/${template.body.id}`)).status).toBe(404);

    // a backup of the plain format taken before backups were sealed (made here from the first one's rows)
    const legacyId = `bkp_${n}${'1'.repeat(18)}`;
    const legacyDir = join(stack().env.BACKUP_DIR, legacyId);
    const sealed = (await readManifest(offsite, backup.id))!;
    const sealedKey = backupDataKey(sealed, Buffer.from(stack().env.BACKUP_MASTER_KEY, 'hex'));
    for (const [w, tables] of Object.entries(sealed.workspaces)) {
      await mkdir(join(legacyDir, w), { recursive: true });
      for (const table of Object.keys(tables)) {
        const rows: string[] = [];
        for await (const r of backupRows(offsite, sealed, sealedKey, w, table)) rows.push(`${r}\n`);
        await writeFile(join(legacyDir, w, `${table}.jsonl`), rows.join(''));
      }
    }
    const { encryption: _, ...plainManifest } = sealed;
    await writeFile(join(legacyDir, 'manifest.json'), JSON.stringify({ ...plainManifest, id: legacyId, format: 'jsonl/1' }));
    expect(await readFile(join(legacyDir, ws.workspaceId, 'contacts.jsonl'), 'utf8')).toContain(phone);

    // the subject is purged (the backups in the store are rewritten; the off-site copies are not)
    const purge = await api.post('/v1/privacy/purges', { body: { phone } });
    expect(purge.status).toBe(202);
    const done = await waitFor(() => api.get(`/v1/privacy/purges/${purge.body.id}`), (r) => r.body.status === 'completed', 90_000);
    expect(done.body.status).toBe('completed');
    const [fp] = await sql<{ f: string }>(`select hash_key_fingerprint as f from privacy_purges where id = ?`, [purge.body.id]);
    expect(fp.f).toMatch(/^[0-9a-f]{32}$/);
    expect(await backupText(join(offsite, backup.id))).toContain(phone);
    // the plain backup was sealed whole by the purge's rewrite: every workspace in it, under a data key of its own
    const legacyNow = (await readManifest(stack().env.BACKUP_DIR, legacyId))!;
    expect(legacyNow).toMatchObject({ format: 'sealed-jsonl/2', encryption: { cipher: 'AES-256-GCM' }, purges_applied: { [purge.body.id]: expect.any(String) } });
    expect(Object.keys(legacyNow.workspaces).sort()).toEqual(Object.keys(sealed.workspaces).sort());
    const legacyRaw = Buffer.concat(await Promise.all((await filesUnder(legacyDir)).filter((f) => !f.dir).map((f) => readFile(f.path)))).toString('latin1');
    for (const v of [phone, email, keeperPhone, '"phone"']) expect(legacyRaw).not.toContain(v);
    const legacyText = await backupText(legacyDir);
    expect(legacyText).not.toContain(phone);
    expect(legacyText).toContain(keeperPhone);
    expect(await rowsNaming([phone, email])).toEqual([]);
    const audits = await sql<{ id: string; action: string }>(`select id, action from audit_logs where workspace_id = ? and created_at > ? order by id`, [ws.workspaceId, backup.taken_at]);
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['api_key.revoked', 'purge.requested']));

    // under another hash key the restore refuses before it changes anything
    const refused = await adminFails({ BACKUP_DIR: offsite, PURGE_HASH_SECRET: randomBytes(32).toString('hex') }, 'backups', 'restore', backup.id, '--workspace', ws.workspaceId);
    expect(refused).toContain('purge_hash_key_mismatch');
    expect(refused).toContain(purge.body.id);
    expect((await api.get(`/v1/templates/${template.body.id}`)).status).toBe(404);

    // each off-site backup restored, oldest first
    for (const b of [backup, withKeys, lateBackup]) {
      const restored = await admin({ BACKUP_DIR: offsite }, 'backups', 'restore', b.id, '--workspace', ws.workspaceId);
      expect(restored).toEqual({ workspaces: [ws.workspaceId], rowsInserted: expect.any(Number), purgesApplied: 1 });
    }

    // what was lost is back; what was revoked, rolled or purged since is not
    expect((await api.get(`/v1/templates/${template.body.id}`)).status).toBe(200);
    const revokedNow = await client(revoked.body.secret).get('/v1/contacts?limit=1');
    expect(revokedNow.status).toBe(401);
    expect(revokedNow.body.code).toBe('api_key_revoked');
    expect((await client(rolled.body.secret).get('/v1/contacts?limit=1')).status).toBe(401);
    expect((await client(newKey.body.secret).get('/v1/contacts?limit=1')).status).toBe(200);
    expect(await stored()).toEqual(before);
    const auditsAfter = await sql<{ id: string }>(`select id from audit_logs where workspace_id = ? and created_at > ? order by id`, [ws.workspaceId, backup.taken_at]);
    expect(auditsAfter.map((a) => a.id)).toEqual(expect.arrayContaining(audits.map((a) => a.id)));
    expect(await rowsNaming([phone, email, 'Chennai'])).toEqual([]);
    const keeper = (await api.get(`/v1/contacts?limit=100`)).body.data.map((c: { phone: string | null }) => c.phone);
    expect(keeper).toContain(keeperPhone);
  });
});

describe('PURGE_HASH_SECRET and BACKUP_MASTER_KEY', () => {
  const probe = `const { config } = require('./src/config'); const { hashKeyFingerprint } = require('./src/privacy/subject-hash');
    const { masterKeyId } = require('./src/privacy/backup-cipher');
    console.log(JSON.stringify({ hash: hashKeyFingerprint(), master: masterKeyId(config.backups.masterKey) }));`;
  const base = { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp' };
  const runProbe = (env: Record<string, string>) => run(join(ROOT, 'node_modules', '.bin', 'tsx'), ['-e', probe], { cwd: ROOT, env: { ...base, ...env } });

  it('are required in production, with no fallback to SABNODE_SECRET', async () => {
    const prod = { NODE_ENV: 'production', SABNODE_SECRET: randomBytes(32).toString('hex'), SABNODE_ENCRYPTION_KEY: randomBytes(32).toString('hex') };
    await expect(runProbe({ ...prod, BACKUP_MASTER_KEY: randomBytes(32).toString('hex') })).rejects.toMatchObject({ stderr: expect.stringContaining('PURGE_HASH_SECRET (32+ characters') });
    await expect(runProbe({ ...prod, PURGE_HASH_SECRET: randomBytes(32).toString('hex') })).rejects.toMatchObject({ stderr: expect.stringContaining('BACKUP_MASTER_KEY (32 bytes') });
    const both = { ...prod, PURGE_HASH_SECRET: randomBytes(32).toString('hex'), BACKUP_MASTER_KEY: randomBytes(32).toString('hex') };
    const a = JSON.parse((await runProbe(both)).stdout);
    // another SABNODE_SECRET leaves the purge hash key as it was
    const b = JSON.parse((await runProbe({ ...both, SABNODE_SECRET: randomBytes(32).toString('hex') })).stdout);
    expect(b).toEqual(a);
  });

  it('default, outside production, to random values kept 0600 under .data/ across restarts', async () => {
    const first = JSON.parse((await runProbe({})).stdout);
    const again = JSON.parse((await runProbe({ SABNODE_SECRET: randomBytes(32).toString('hex') })).stdout);
    expect(again).toEqual(first);
    for (const f of ['purge-hash-secret', 'backup-master-key']) {
      const s = await stat(join(ROOT, '.data', f));
      expect(s.mode & 0o777).toBe(0o600);
      expect((await readFile(join(ROOT, '.data', f), 'utf8')).trim()).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
