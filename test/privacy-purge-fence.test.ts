import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { historyStrings } from '../src/privacy/stores/temporal';
import { SIGNATURE_HEADER, signBody } from '../src/channels/signatures';
import { client, type ApiResponse } from './support/client';
import { closeDb, newWorkspace, sql, stack } from './support/stack';
import { ensurePgDump } from './support/tools';
import { waitFor } from './support/wait';
import { backupText, folderText } from './support/backups';

// A purge fences its subject first, then clears the stores in passes: 20 writers racing it get their write in before
// the fence or a 409 subject_being_purged, never a 500, and afterwards nothing anywhere names the person.

jest.setTimeout(240_000);

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

let ws: Awaited<ReturnType<typeof newWorkspace>>;
let api: ReturnType<typeof client>;
let temporal: { connection: Connection; client: Client };

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

function encodings(values: string[]): string[] {
  return [...new Set(values.flatMap((v) => [v, v.toLowerCase(), JSON.stringify(v).slice(1, -1), Buffer.from(v).toString('base64').replace(/=+$/, ''), Buffer.from(v).toString('base64url')]))];
}

const findIn = (text: string, needles: string[]) => needles.filter((n) => text.toLowerCase().includes(n.toLowerCase()));

async function databaseText(): Promise<string> {
  const tables = await sql<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await sql<{ a: string; b: string }>(`select t::text as a, row_to_json(t)::text as b from "${table_name}" t`);
    for (const r of rows) parts.push(`${table_name}: ${r.a} ${r.b}`);
  }
  return parts.join('\n');
}

/** The whole database as `pg_dump` writes it (plain SQL, data and schema). */
async function pgDumpText(): Promise<string> {
  const [{ v }] = await sql<{ v: string }>(`select current_setting('server_version_num') as v`);
  const bin = await ensurePgDump(Math.floor(Number(v) / 10000));
  const { stdout } = await run(bin, ['--dbname', stack().env.DATABASE_URL, '--no-owner', '--no-privileges'], { maxBuffer: 1 << 30, timeout: 120_000 });
  return stdout;
}

async function historiesText(workspaceId: string): Promise<string> {
  const parts: string[] = [];
  for await (const wf of temporal.client.workflow.list({ query: `WorkspaceId = "${workspaceId}"` })) {
    const history = await temporal.client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
    parts.push(wf.workflowId, ...historyStrings(history));
  }
  return parts.join('\n');
}

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
  const connection = await Connection.connect({ address: stack().env.TEMPORAL_ADDRESS });
  temporal = { connection, client: new Client({ connection }) };
});
afterAll(async () => {
  await temporal?.connection.close();
  await closeDb();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a purge fences its subject, then clears the stores in passes', () => {
  it('refuses a fenced subject on every path while the purge runs, and nothing names the subject afterwards', async () => {
    const n = Math.floor(Math.random() * 1e8).toString().padStart(8, '0');
    const phone = `+9192${n}`;
    const email = `Noor.Khan.${n}@Example.com`;
    const otherPhone = `+9191${n}`;
    const needles = encodings([phone, email, phone.slice(1)]);

    const channel = await api.post('/v1/channels', { body: { name: 'fence', provider: 'sandbox' } });
    expect(channel.status).toBe(201);
    const secret = channel.body.signing_secret as string;
    const subject = await api.post('/v1/contacts', { body: { phone, email, first_name: 'Noor', attributes: { city: 'Indore' } } });
    expect(subject.status).toBe(201);
    const contactId = subject.body.id as string;
    const other = await api.post('/v1/contacts', { body: { phone: otherPhone, first_name: 'Ravi' } });
    expect(other.status).toBe(201);
    expect((await providerCall(channel.body.id, secret, { from: phone, text: `hello, I am ${email}`, provider_message_id: `wamid.${randomUUID()}` })).status).toBe(201);

    // a backup that holds the subject: the purge rewrites it
    const backup = await admin('backups', 'take', '--workspace', ws.workspaceId);
    expect(backup).toMatchObject({ status: 'complete' });
    expect(findIn(await backupText(join(stack().env.BACKUP_DIR, backup.id)), [phone]).length).toBe(1);

    // a flow run that is waiting (4 s at the test's wait scale) when the purge comes, with writes after its wait
    const flow = await api.post('/v1/flows', {
      body: {
        name: 'fence',
        trigger: { type: 'manual' },
        steps: [
          { id: 'first', type: 'add_tag', tags: ['flow-before'] },
          { id: 'pause', type: 'wait', duration_seconds: 4000 },
          { id: 'later', type: 'add_tag', tags: ['flow-after'] },
          { id: 'note', type: 'update_contact', attributes: { stage: 'after' } },
        ],
      },
    });
    expect(flow.status).toBe(201);
    expect((await api.post(`/v1/flows/${flow.body.id}/activate`)).status).toBe(200);
    const flowRun = await api.post(`/v1/flows/${flow.body.id}/runs`, { body: { contact_id: contactId } });
    expect(flowRun.status).toBe(202);
    await sleep(1000);

    // 20 writers spread over ~1.2 s, the purge in the middle of them
    const writers: { kind: string; res: ApiResponse }[] = [];
    const kinds = ['bulk_tag', 'patch', 'inbound', 'tag', 'order'] as const;
    const write = async (kind: (typeof kinds)[number], i: number): Promise<ApiResponse> => {
      switch (kind) {
        case 'bulk_tag':
          return api.post('/v1/tags/bulk', { body: { items: [{ phone, add: [`bulk-${i}`] }, { phone: otherPhone, add: [`bulk-${i}`] }] } });
        case 'patch':
          return api.patch(`/v1/contacts/${contactId}`, { body: { attributes: { [`k${i}`]: `v${i}` } } });
        case 'inbound':
          return providerCall(channel.body.id, secret, { from: phone, text: `message ${i} from ${phone}`, provider_message_id: `wamid.${randomUUID()}` });
        case 'tag':
          return api.post(`/v1/contacts/${contactId}/tags`, { body: { tags: [`single-${i}`] } });
        case 'order':
          return api.post('/v1/orders', { body: { contact_id: contactId, currency: 'INR', items: [{ sku: 'TEA', name: 'Tea', quantity: 1, unit_price: 100 }], metadata: { phone } } });
      }
    };
    let purge: ApiResponse | undefined;
    // inbound writers go early: one that came after the fence is lifted would be a new contact, rightly
    const order = ['inbound', 'bulk_tag', 'patch', 'tag', 'order'] as const;
    const plan = Array.from({ length: 20 }, (_, i) => order[Math.min(Math.floor(i / 4), 4)]);
    plan.splice(0, 4, 'inbound', 'inbound', 'inbound', 'bulk_tag');
    await Promise.all([
      ...plan.map(async (kind, i) => {
        await sleep(i * 60);
        writers.push({ kind, res: await write(kind, i) });
      }),
      (async () => {
        await sleep(250);
        purge = await api.post('/v1/privacy/purges', { body: { phone } });
      })(),
    ]);
    expect(purge!.status).toBe(202);
    const purgeId = purge!.body.id as string;

    // the fence is up once the 202 is out: every kind of write is refused with the code, none slips in
    const fenced = await Promise.all(kinds.map((k, i) => write(k, 100 + i).then((res) => ({ kind: k, res }))));
    const early = await sql<{ status: string }>(`select status from privacy_purges where id = ?`, [purgeId]);
    if (early[0].status === 'running') {
      for (const { kind, res } of fenced) {
        if (kind === 'bulk_tag') {
          expect(res.status).toBe(200);
          expect(res.body.results[0]).toMatchObject({ status: 409, error: expect.objectContaining({ code: 'subject_being_purged' }) });
          // the rest of the bulk goes on
          expect(res.body.results[1].status).toBe(200);
        } else {
          expect({ kind, status: res.status, code: res.body.code }).toEqual({ kind, status: 409, code: 'subject_being_purged' });
        }
      }
    }

    const statuses = writers.map(({ kind, res }) => ({ kind, status: res.status, code: res.body?.code ?? null, item: res.body?.results?.[0]?.status ?? null }));
    process.stderr.write(`[measure] writers racing the purge: ${JSON.stringify(statuses.map((s) => `${s.kind}:${s.status}${s.code ? `/${s.code}` : ''}${s.item ? `/item ${s.item}` : ''}`))}\n`);
    expect(writers).toHaveLength(20);
    for (const { kind, res } of writers) {
      expect(res.status).toBeLessThan(500);
      if (res.status === 409) expect(res.body.code).toBe('subject_being_purged');
      else expect([200, 201]).toContain(res.status);
      if (kind === 'bulk_tag') {
        expect([200, 409]).toContain(res.body.results[0].status);
        if (res.body.results[0].status === 409) expect(res.body.results[0].error.code).toBe('subject_being_purged');
        expect(res.body.results[1].status).toBe(200);
      }
    }
    // both sides of the fence were seen
    const refusedCount = writers.filter(({ kind, res }) => res.status === 409 || (kind === 'bulk_tag' && res.body.results[0].status === 409)).length;
    expect(refusedCount).toBeGreaterThan(0);
    expect(refusedCount).toBeLessThan(20);

    // the running flow's write after its wait is refused: the run fails with that reason, cleanly
    const flowDone = await waitFor(() => api.get(`/v1/flow-runs/${flowRun.body.id}`), (r) => r.body.status !== 'running', 60_000);
    expect(flowDone.body).toMatchObject({ status: 'failed', failure_reason: 'subject_being_purged' });

    const done = await waitFor(() => api.get(`/v1/privacy/purges/${purgeId}`), (r) => ['completed', 'failed'].includes(r.body.status), 120_000);
    expect(done.body.status).toBe('completed');
    // the certificate: passes until one cleared nothing
    const passes = done.body.passes as { pass: number; cleared: Record<string, number>; finished_at: string | null }[];
    process.stderr.write(`[measure] purge certificate: ${JSON.stringify(done.body)}\n`);
    expect(passes.length).toBeGreaterThanOrEqual(2);
    expect(passes.map((p) => p.pass)).toEqual(passes.map((_, i) => i + 1));
    const total = (p: (typeof passes)[number]) => Object.values(p.cleared).reduce((a, b) => a + b, 0);
    expect(total(passes[0])).toBeGreaterThan(0);
    expect(total(passes[passes.length - 1])).toBe(0);
    expect(passes.slice(0, -1).every((p) => total(p) > 0)).toBe(true);
    for (const p of passes) {
      expect(Object.keys(p.cleared).sort()).toEqual(done.body.stages.filter((s: { name: string }) => !['temporal', 'backups'].includes(s.name)).map((s: { name: string }) => s.name).sort());
      expect(p.finished_at).not.toBeNull();
    }
    expect(done.body.backups).toEqual(expect.arrayContaining([expect.objectContaining({ id: backup.id, status: 'cleared' })]));
    // the fence is lifted once the live stores are clear
    expect(await sql(`select 1 from privacy_fences where purge_id = ?`, [purgeId])).toHaveLength(0);

    // nothing names the subject: every row, a real pg_dump, the file store, the backups, the workflow histories
    expect(findIn(await databaseText(), needles)).toEqual([]);
    const dump = await pgDumpText();
    expect(dump).toContain('COPY public.contacts');
    expect(dump).toContain(otherPhone);
    expect(findIn(dump, needles)).toEqual([]);
    expect(findIn(await folderText(stack().env.FILES_DIR), needles)).toEqual([]);
    expect(findIn(await backupText(stack().env.BACKUP_DIR), needles)).toEqual([]);
    expect(findIn(await historiesText(ws.workspaceId), needles)).toEqual([]);

    // the other contact kept what the bulks gave it; the subject is a tombstone
    expect((await api.get(`/v1/contacts/${other.body.id}`)).body.tags.length).toBeGreaterThan(0);
    expect((await api.get(`/v1/contacts/${contactId}`)).status).toBe(404);
  });

  it('stops after the last pass when the passes keep finding the subject, says so (failed) and stays fenced', async () => {
    const n = Math.floor(Math.random() * 1e8).toString().padStart(8, '0');
    const contact = await api.post('/v1/contacts', { body: { phone: `+9190${n}`, first_name: 'Ila' } });
    expect(contact.status).toBe(201);
    const fn = `purge_writer_${n}`;
    // a writer that gets past the fence (as a bug would): every write of the purge's record brings the name back
    await sql(`create function ${fn}() returns trigger language plpgsql as $$
      begin update contacts set first_name = 'Ila' where id = '${contact.body.id}'; return null; end $$`);
    await sql(`create trigger ${fn} after update on privacy_purges for each row when (new.workspace_id = '${ws.workspaceId}' and new.status = 'running') execute function ${fn}()`);
    try {
      const purge = await api.post('/v1/privacy/purges', { body: { contact_id: contact.body.id } });
      expect(purge.status).toBe(202);
      const done = await waitFor(() => api.get(`/v1/privacy/purges/${purge.body.id}`), (r) => r.body.status !== 'running', 120_000);
      expect(done.body.status).toBe('failed');
      expect(done.body.completed_at).toBeNull();
      const passes = done.body.passes as { pass: number; cleared: Record<string, number> }[];
      expect(passes.map((p) => p.pass)).toEqual([1, 2, 3, 4, 5]);
      expect(passes.every((p) => p.cleared.contacts === 1)).toBe(true);
      expect(done.body.stages.find((s: { name: string }) => s.name === 'temporal')).toMatchObject({ status: 'pending' });
      // still fenced: nothing more is written for the person
      const refused = await api.patch(`/v1/contacts/${contact.body.id}`, { body: { first_name: 'Ila' } });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('subject_being_purged');
    } finally {
      await sql(`drop trigger if exists ${fn} on privacy_purges`);
      await sql(`drop function if exists ${fn}()`);
    }
  });
});
