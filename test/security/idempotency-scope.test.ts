import { createHash, randomUUID } from 'node:crypto';
import { SIGNATURE_HEADER, signBody } from '../../src/channels/signatures';
import { client } from '../support/client';
import { expectProblem } from '../support/operation-refusals';
import { closeDb, newWorkspace, sql, type TestWorkspace } from '../support/stack';

// Idempotency records belong to the key that made them (a provider callback's to its channel): another caller's
// equal Idempotency-Key is a request of its own, and a 409 never shows what another request sent.

let ws: TestWorkspace;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
});
afterAll(closeDb);

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const phone = () => `+9193${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}`;

interface ClaimRow {
  owner_id: string;
  workflow_id: string;
  operation_id: string;
}
const claimsOf = (key: string) =>
  sql<ClaimRow>(`select owner_id, workflow_id, operation_id from idempotency_keys where workspace_id = ? and key_hash = ? order by created_at`, [ws.workspaceId, sha256(key)]);

describe('idempotency keys are scoped to the caller', () => {
  it("another key reusing an Idempotency-Key gets its own result, never the first request's values", async () => {
    const idem = `shared-${randomUUID()}`;
    const p = phone();
    const first = await api.post('/v1/contacts', { body: { phone: p, first_name: 'Sunita', last_name: 'Deshmukh', email: 'sunita.d@example.com' }, headers: { 'Idempotency-Key': idem } });
    expect(first.status).toBe(201);

    // a key that may only tag, sending the same Idempotency-Key (guessed, or a predictable one such as a row id)
    const tagger = await ws.keyWith(['tags:write']);
    const tagged = await client(tagger.key).post(`/v1/contacts/${first.body.id}/tags`, { body: { tags: ['vip'] }, headers: { 'Idempotency-Key': idem } });
    expect(tagged.status).toBe(200);
    expect(tagged.headers.get('idempotent-replayed')).toBeNull();
    for (const secret of [p, 'Sunita', 'Deshmukh', 'sunita.d@example.com']) expect(tagged.text).not.toContain(secret);
    expect((await api.get(`/v1/contacts/${first.body.id}`)).body.tags).toEqual(['vip']);

    // its own reuse of its own key is a 409 that names pointers and what it sent now, nothing stored
    const changed = await client(tagger.key).post(`/v1/contacts/${first.body.id}/tags`, { body: { tags: ['gold'] }, headers: { 'Idempotency-Key': idem } });
    expectProblem(changed, 409, 'idempotency_key_reused');
    expect(changed.body.diff).toEqual([{ pointer: '/tags', received: ['gold'] }]);
    for (const secret of [p, 'Sunita', 'Deshmukh', 'sunita.d@example.com', 'vip']) expect(changed.text).not.toContain(secret);

    // the first caller's replay is untouched
    const replay = await api.post('/v1/contacts', { body: { phone: p, first_name: 'Sunita', last_name: 'Deshmukh', email: 'sunita.d@example.com' }, headers: { 'Idempotency-Key': idem } });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(first.text);
  });

  it('a second key sending the same Idempotency-Key runs its own command in its own workflow', async () => {
    const idem = `row-${randomUUID()}`;
    const body = { phone: phone(), first_name: 'Arjun' };
    const first = await api.post('/v1/contacts', { body, headers: { 'Idempotency-Key': idem } });
    expect(first.status).toBe(201);
    const writer = await ws.keyWith(['contacts:write', 'pii:read']);
    const writerApi = client(writer.key);

    // the same request from another key is not a replay of the first key's answer: it runs, and the phone is taken
    const same = await writerApi.post('/v1/contacts', { body, headers: { 'Idempotency-Key': idem } });
    expectProblem(same, 422, 'contact_phone_taken');
    expect(same.headers.get('idempotent-replayed')).toBeNull();

    // and a different request under that key is not a conflict with another key's request
    const other = { phone: phone(), first_name: 'Kavya' };
    const mine = await client((await ws.keyWith(['contacts:write', 'pii:read'])).key).post('/v1/contacts', { body: other, headers: { 'Idempotency-Key': idem } });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ phone: other.phone, first_name: 'Kavya' });
    expect(mine.body.id).not.toBe(first.body.id);

    const claims = await claimsOf(idem);
    expect(claims).toHaveLength(3);
    expect(new Set(claims.map((c) => c.owner_id)).size).toBe(3);
    expect(claims[0].owner_id).toBe(ws.keyId);
    expect(claims[1].owner_id).toBe(writer.keyId);
    // three workflows, none named by the raw key
    expect(new Set(claims.map((c) => c.workflow_id)).size).toBe(3);
    for (const c of claims) {
      expect(c.workflow_id).toMatch(new RegExp(`^${ws.workspaceId}/createContact/[0-9a-f]{64}$`));
      expect(c.workflow_id).not.toContain(idem);
      expect(c.workflow_id).not.toContain(sha256(idem));
    }
    // the writer's retry replays its own refusal
    const retried = await writerApi.post('/v1/contacts', { body, headers: { 'Idempotency-Key': idem } });
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.text).toBe(same.text);
  });

  it('a 409 diff names the pointers and what this request sent, never the first request\'s values', async () => {
    const idem = randomUUID();
    const p = phone();
    const first = await api.post('/v1/contacts', { body: { phone: p, first_name: 'Gopal', email: 'gopal@example.com', attributes: { tier: 'gold' } }, headers: { 'Idempotency-Key': idem } });
    expect(first.status).toBe(201);
    const conflict = await api.post('/v1/contacts', { body: { phone: p, first_name: 'Mohan', attributes: { tier: 'silver' } }, headers: { 'Idempotency-Key': idem } });
    expectProblem(conflict, 409, 'idempotency_key_reused');
    expect(conflict.body.diff).toEqual([
      { pointer: '/attributes/tier', received: 'silver' },
      { pointer: '/email' },
      { pointer: '/first_name', received: 'Mohan' },
    ]);
    for (const value of ['Gopal', 'gopal@example.com', '"gold"']) expect(conflict.text).not.toContain(value);
    const path = await api.patch(`/v1/contacts/${first.body.id}`, { body: { first_name: 'Mohan' }, headers: { 'Idempotency-Key': idem } });
    expectProblem(path, 409, 'idempotency_key_reused');
    expect(path.body.detail).toContain('createContact');
    expect(path.text).not.toContain('Gopal');
  });

  it("provider callbacks' keys belong to their channel: equal provider message ids on two channels are two messages", async () => {
    const channels = await Promise.all(['one', 'two'].map((n) => api.post('/v1/channels', { body: { name: `channel ${n}`, provider: 'sandbox' } })));
    expect(channels.map((c) => c.status)).toEqual([201, 201]);
    const providerMessageId = `wamid.${randomUUID()}`;
    const send = (channel: { id: string; signing_secret: string }, from: string, text: string) => {
      const raw = JSON.stringify({ from, text, provider_message_id: providerMessageId });
      return client('').post(`/v1/channels/${channel.id}/inbound`, { key: null, rawBody: raw, headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signBody(channel.signing_secret, raw) } });
    };
    const [p1, p2] = [phone(), phone()];
    const a = await send(channels[0].body, p1, 'my address is 12 MG Road');
    expect(a.status).toBe(201);
    const b = await send(channels[1].body, p2, 'hello');
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(b.body).toMatchObject({ channel_id: channels[1].body.id, text: 'hello' });
    expect(b.body.id).not.toBe(a.body.id);
    for (const value of [p1, 'MG Road']) expect(b.text).not.toContain(value);
    const owners = await sql<{ owner_id: string }>(`select owner_id from idempotency_keys where workspace_id = ? and key_hash = ? order by owner_id`, [
      ws.workspaceId,
      sha256(`inbound:${providerMessageId}`),
    ]);
    expect(owners.map((o) => o.owner_id)).toEqual([channels[0].body.id, channels[1].body.id].sort());
  });
});
