import { randomUUID } from 'node:crypto';
import { client } from './support/client';
import { closeDb, newWorkspace, sql } from './support/stack';
import { waitFor } from './support/wait';

jest.setTimeout(180_000);

let ws: Awaited<ReturnType<typeof newWorkspace>>;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
});
afterAll(closeDb);


const phoneOf = () => `+9193${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}`;
const stage = (purge: { stages: { name: string; status: string }[] }, name: string) => purge.stages.find((s) => s.name === name)?.status;

// Found by fuzzing: a command about a contact finished, a purge of the same contact deleted its stored response, and
// the API, reading it a moment later to answer, had nothing to answer with (500).
describe('a privacy purge beside commands about its subject', () => {
  it('leaves a finished command its stored response until the API has answered with it', async () => {
    const phone = phoneOf();
    const contact = await api.post('/v1/contacts', { body: { phone, first_name: 'Meera' } });
    expect(contact.status).toBe(201);
    const key = randomUUID();
    const tagged = await api.post('/v1/tags/bulk', { body: { items: [{ phone, add: ['vip'] }] }, headers: { 'Idempotency-Key': key } });
    expect(tagged.status).toBe(200);
    const [row] = await sql<{ id: string; answered: boolean }>(
      `select id, answered_at is not null as answered from idempotency_keys where workspace_id = ? and operation_id = 'bulkTagContacts' and state = 'completed' order by created_at desc limit 1`,
      [ws.workspaceId],
    );
    expect(row.answered).toBe(true);
    // the moment between the command's commit and the API's read of its response
    await sql(`update idempotency_keys set answered_at = null, completed_at = now() where id = ?`, [row.id]);

    const purge = await api.post('/v1/privacy/purges', { body: { phone } });
    expect(purge.status).toBe(202);
    await new Promise((r) => setTimeout(r, 4_000));
    const waiting = await api.get(`/v1/privacy/purges/${purge.body.id}`);
    expect(waiting.body.status).toBe('running');
    expect(stage(waiting.body, 'idempotency_keys')).not.toBe('cleared');
    expect(await sql(`select 1 from idempotency_keys where id = ?`, [row.id])).toHaveLength(1);

    // what the API does when it reads the response to answer
    await sql(`update idempotency_keys set answered_at = now() where id = ?`, [row.id]);
    const done = await waitFor(() => api.get(`/v1/privacy/purges/${purge.body.id}`), (r) => r.body.status === 'completed', 90_000);
    expect(done.body.status).toBe('completed');
    expect(stage(done.body, 'idempotency_keys')).toBe('cleared');
    expect(await sql(`select 1 from idempotency_keys where id = ?`, [row.id])).toHaveLength(0);
  });

  it('answers every concurrent command about the subject with its own result, never a 500, and the purge completes', async () => {
    const phone = phoneOf();
    const contact = await api.post('/v1/contacts', { body: { phone, first_name: 'Kabir' } });
    expect(contact.status).toBe(201);
    const statuses: number[] = [];
    let purgeId = '';
    const commands = Array.from({ length: 24 }, (_, i) =>
      (async () => {
        await new Promise((r) => setTimeout(r, i * 40));
        if (i === 8) {
          const purge = await api.post('/v1/privacy/purges', { body: { phone } });
          expect(purge.status).toBe(202);
          purgeId = purge.body.id;
          return;
        }
        const res = await api.post('/v1/tags/bulk', { body: { items: [{ phone, add: [`t${i}`] }] } });
        statuses.push(res.status);
        // applied before the fence, refused by it (409 subject_being_purged), or the contact is already a tombstone (404)
        if (res.status === 200) {
          const item = res.body.results[0];
          expect([200, 404, 409]).toContain(item.status);
          if (item.status === 409) expect(item.error.code).toBe('subject_being_purged');
        }
      })(),
    );
    await Promise.all(commands);
    expect(statuses).toHaveLength(23);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const done = await waitFor(() => api.get(`/v1/privacy/purges/${purgeId}`), (r) => r.body.status === 'completed', 90_000);
    expect(done.body.status).toBe('completed');
  });
});
