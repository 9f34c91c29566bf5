import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PHONE_INPUT } from '../src/identifiers';
import { call, client } from './support/client';
import { closeDb, newWorkspace, sql } from './support/stack';
import { revokedByOperator } from './support/operation-refusals';

let key: string;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  const ws = await newWorkspace();
  key = ws.key;
  api = client(key);
});
afterAll(closeDb);

function expectProblem(res: { status: number; headers: Headers; body: any }, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: `https://docs.sabnode.com/errors/${code}` });
  expect(res.body.request_id).toBe(res.headers.get('request-id'));
  expect(res.headers.get('api-version')).toBeTruthy();
}

describe('bad input', () => {
  it('malformed JSON is 400, never 500', async () => {
    const res = await api.post('/v1/contacts', { rawBody: '{"phone": "+91', headers: { 'Content-Type': 'application/json' } });
    expectProblem(res, 400, 'malformed_json');
  });

  it('a NUL character anywhere in a JSON body is 400 with its pointer, never 500, and writes nothing', async () => {
    const res = await api.post('/v1/contacts', { rawBody: '{"phone": "+919800000556", "first_name": "a\\u0000b"}', headers: { 'Content-Type': 'application/json' } });
    expectProblem(res, 400, 'invalid_request');
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/first_name', code: 'nul_character' })]);
    expect(await sql(`select id from contacts where phone = ?`, ['+919800000556'])).toHaveLength(0);
    // in a key, deep inside a bulk item (found by fuzzing: the stored request failed to insert as jsonb)
    const bulk = await api.post('/v1/contacts/bulk', { rawBody: '{"items": [{"external_id": "nul-1", "attributes": {"a\\u0000/b": 1}}]}', headers: { 'Content-Type': 'application/json' } });
    expectProblem(bulk, 400, 'invalid_request');
    expect(bulk.body.errors).toEqual([expect.objectContaining({ pointer: '/items/0/attributes/a\u0000~1b', code: 'nul_character' })]);
  });

  it('a body that is not JSON is 415', async () => {
    const res = await api.post('/v1/contacts', { rawBody: 'phone=+919800000001', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('a body over 1 MB is 413 and writes nothing', async () => {
    const big = JSON.stringify({ phone: '+919800000555', attributes: { blob: 'x'.repeat(1024 * 1024) } });
    const res = await api.post('/v1/contacts', { rawBody: big, headers: { 'Content-Type': 'application/json' } });
    expectProblem(res, 413, 'payload_too_large');
    expect(await sql(`select id from contacts where phone = ?`, ['+919800000555'])).toHaveLength(0);
  });

  it('unknown fields are 400 and named', async () => {
    const res = await api.post('/v1/contacts', { body: { phone: '+919800000001', nickname: 'A', colour: 'red' } });
    expectProblem(res, 400, 'invalid_request');
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(['/colour', '/nickname']);
  });

  it('an invalid phone is 400 with pointer /phone', async () => {
    const res = await api.post('/v1/contacts', { body: { phone: '98765' } });
    expectProblem(res, 400, 'invalid_request');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/phone' })]));
  });

  it('every phone of the documented form is taken, in E.164; a value of another form is 400 at /phone', async () => {
    // the spec's PhoneInput and the server's reading are one expression, so the spec never allows what is refused
    const spec = parse(readFileSync(join(__dirname, '..', 'openapi.yaml'), 'utf8'));
    expect(spec.components.schemas.PhoneInput.pattern).toBe(PHONE_INPUT.source);
    const tail = String(Date.now()).slice(-6);
    for (const [written, stored] of [
      [`00999 ${tail.slice(0, 3)} ${tail.slice(3)}`, `+999${tail}`], // a calling code libphonenumber does not know
      [`+44 (0) 20 79${tail.slice(0, 2)} ${tail.slice(2)}`, `+442079${tail}`], // a written trunk 0
      [`+1 5-5-5 ${tail}`, `+1555${tail}`],
      [`+8 ${tail}.`, `+8${tail}`],
    ]) {
      const res = await api.post('/v1/contacts', { body: { phone: written } });
      expect([res.status, res.body.phone]).toEqual([201, stored]);
    }
    for (const written of ['+934(.89', '+1 (((((', '+0 98765 43210', `+1${'0'.repeat(15)}`]) {
      const res = await api.post('/v1/contacts', { body: { phone: written } });
      expectProblem(res, 400, 'invalid_request');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/phone' })]));
    }
  });

  it('a date or time that does not exist is 400 at its field, in a request and in a bulk item; a real leap day is taken', async () => {
    const since = (at: string) => api.get(`/v1/contacts?updated_since=${encodeURIComponent(at)}`);
    for (const at of ['2026-02-30T00:00:00Z', '2026-01-01T29:00:00Z', '2026-04-31T10:00:00Z', '2026-01-01T10:61:00Z', '2025-02-29T10:00:00+05:30']) {
      const res = await since(at);
      expectProblem(res, 400, 'invalid_request');
      expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/query/updated_since', message: expect.stringContaining('format') })]);
    }
    expect((await since('2024-02-29T23:59:59Z')).status).toBe(200);
    expect((await since('2026-03-02T00:00:00+05:30')).status).toBe(200);
    const key = await api.post('/v1/api-keys', { body: { name: 'no such day', expires_at: '2027-02-29T10:00:00Z' } });
    expectProblem(key, 400, 'invalid_request');
    expect(key.body.errors).toEqual([expect.objectContaining({ pointer: '/expires_at' })]);
    // a bulk item is judged by the same formats: this one is refused alone, its neighbour is written
    const phone = `+9197${String(Date.now()).slice(-8)}`;
    const job = await api.post('/v1/contacts/bulk', { body: { items: [{ phone, opted_in_at: '2026-02-30T10:00:00Z' }, { phone: `${phone.slice(0, -1)}${(Number(phone.slice(-1)) + 1) % 10}` }] } });
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ status: 'completed', succeeded: 1, failed: 1 });
    expect(job.body.results.map((r: { status: number; error?: { errors?: { pointer: string }[] } }) => [r.status, r.error?.errors?.map((e) => e.pointer)])).toEqual([
      [400, ['/items/0/opted_in_at']],
      [201, undefined],
    ]);
  });

  it('a query value written with literal reserved characters, or a space as +, is read as meant', async () => {
    const n = String(Date.now()).slice(-8);
    const made = await api.post('/v1/contacts', { body: { phone: `+9196${n}`, email: `ana.${n}@example.com`, external_id: `crm (eu):${n},x` } });
    expect(made.status).toBe(201);
    const found = async (query: string) => {
      const res = await api.get(`/v1/contacts?${query}`);
      expect([query, res.status]).toEqual([query, 200]);
      return (res.body.data as { id: string }[]).map((c) => c.id);
    };
    // RFC 3986 lets `:`, `@`, `(`, `)` and `,` stand in a query literally; form encoding writes a space as `+`
    expect(await found(`external_id=crm+(eu):${n},x`)).toEqual([made.body.id]);
    expect(await found(`email=ana.${n}@example.com`)).toEqual([made.body.id]);
    expect(await found(`phone=%2B91+96${n.slice(0, 4)}+${n.slice(4)}`)).toEqual([made.body.id]);
    expect(await found(`updated_since=${made.body.created_at}&email=ana.${n}@example.com`)).toEqual([made.body.id]);
    expect((await api.get('/v1/events?type=contact.*&limit=1')).status).toBe(200);
    // what breaks the spec is still refused, for what it is: a `+` written literally is a space, so no phone
    const literalPlus = await api.get(`/v1/contacts?phone=+9196${n}`);
    expectProblem(literalPlus, 400, 'invalid_request');
    expect(literalPlus.body.errors).toEqual([expect.objectContaining({ pointer: '/query/phone', message: expect.stringContaining('pattern') })]);
  });

  it('a contact with no phone, email or external id is 400', async () => {
    const res = await api.post('/v1/contacts', { body: { first_name: 'Nobody' } });
    expectProblem(res, 400, 'invalid_request');
  });

  it.each(['0', '101', 'ten'])('limit=%s is 400', async (limit) => {
    const res = await api.get(`/v1/contacts?limit=${limit}`);
    expectProblem(res, 400, 'invalid_request');
    expect(res.body.errors[0].pointer).toBe('/query/limit');
  });

  it('an unknown query parameter is 400', async () => {
    expectProblem(await api.get('/v1/contacts?colour=red'), 400, 'invalid_request');
  });

  it('a garbage Api-Version is 400', async () => {
    const res = await api.get('/v1/contacts', { headers: { 'Api-Version': 'banana' } });
    expectProblem(res, 400, 'invalid_api_version');
    expect(res.body.detail).toContain('2026-11-01');
  });

  it('a missing key is 401, an unknown key is 401', async () => {
    const none = await api.get('/v1/contacts', { key: null });
    expectProblem(none, 401, 'missing_api_key');
    expect(none.headers.get('x-ratelimit-limit')).toBeTruthy();
    expectProblem(await api.get('/v1/contacts', { key: 'sk_not_a_real_key_at_all_000000' }), 401, 'invalid_api_key');
    expectProblem(await api.get('/v1/contacts', { headers: { Authorization: 'Basic Zm9vOmJhcg==' }, key: null }), 401, 'invalid_api_key');
  });

  it('a revoked key is 401', async () => {
    const ws = await newWorkspace();
    const { key: doomed, keyId } = await ws.keyWith(['contacts:read']);
    expect((await api.get('/v1/contacts', { key: doomed })).status).toBe(200);
    expectProblem(await revokedByOperator(keyId, doomed, '/v1/contacts'), 401, 'api_key_revoked');
  });

  it('a missing scope is 403 naming it', async () => {
    const ws = await newWorkspace();
    const { key: readOnly } = await ws.keyWith(['contacts:read']);
    const res = await api.post('/v1/contacts', { key: readOnly, body: { phone: '+919800000777' } });
    expectProblem(res, 403, 'insufficient_scope');
    expect(res.body.missing_scopes).toEqual(['contacts:write']);
    expect(res.body.detail).toContain('contacts:write');
    expect(await sql(`select id from contacts where phone = ?`, ['+919800000777'])).toHaveLength(0);
  });

  it("another workspace's contact is 404 for GET, PATCH and DELETE", async () => {
    const other = await newWorkspace();
    const theirs = await client(other.key).post('/v1/contacts', { body: { phone: '+919800000888' } });
    expect(theirs.status).toBe(201);
    const id = theirs.body.id;
    expectProblem(await api.get(`/v1/contacts/${id}`), 404, 'resource_missing');
    expectProblem(await api.patch(`/v1/contacts/${id}`, { body: { first_name: 'Mallory' } }), 404, 'resource_missing');
    expectProblem(await api.delete(`/v1/contacts/${id}`), 404, 'resource_missing');
    const still = await client(other.key).get(`/v1/contacts/${id}`);
    expect(still.body.first_name).toBeNull();
  });

  it('an Idempotency-Key over 255 characters is 400', async () => {
    const res = await api.post('/v1/contacts', { body: { phone: '+919800000999' }, headers: { 'Idempotency-Key': 'k'.repeat(256) } });
    expectProblem(res, 400, 'invalid_request');
    expect(res.body.errors[0].pointer).toBe('/header/idempotency-key');
    const ok = await api.post('/v1/contacts', { body: { phone: '+919800000999' }, headers: { 'Idempotency-Key': 'k'.repeat(255) } });
    expect(ok.status).toBe(201);
  });

  it('takes a JSON body as typed: a boolean or number where a string belongs is 400, not coerced', async () => {
    // found by fuzzing: `"provider_message_id": false` and `"first_name": false` were accepted as "false"
    for (const first_name of [false, 12]) {
      const res = await call('POST', '/v1/contacts', { key, body: { phone: '+919800000997', first_name } });
      expectProblem(res, 400, 'invalid_request');
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/first_name');
    }
    // query values are strings on the wire and are still read as the spec's types
    const page = await call('GET', '/v1/contacts?limit=2', { key });
    expect(page.status).toBe(200);
    expect(page.body.data.length).toBeLessThanOrEqual(2);
  });

  it('an unknown route is 404 and a wrong method 405, both problem+json', async () => {
    const nowhere = await call('GET', '/v1/nowhere', { key, unchecked: true });
    expectProblem(nowhere, 404, 'route_not_found');
    const wrong = await call('PUT', '/v1/contacts', { key, unchecked: true });
    expectProblem(wrong, 405, 'method_not_allowed');
    expect(wrong.headers.get('allow')).toBe('GET, POST');
    // a literal path is not a templated one's parameter (found by fuzzing: PATCH /v1/contacts/bulk ran updateContact
    // on a contact id `bulk` and answered 409 under the bulk call's Idempotency-Key)
    const bulkKey = randomUUID();
    const bulk = await call('POST', '/v1/contacts/bulk', { key, body: { items: [{ phone: '+919800000998' }] }, headers: { 'Idempotency-Key': bulkKey } });
    expect(bulk.status).toBe(200);
    for (const method of ['PATCH', 'DELETE', 'GET']) {
      const res = await call(method, '/v1/contacts/bulk', { key, unchecked: true, headers: { 'Idempotency-Key': bulkKey }, ...(method === 'PATCH' ? { body: { first_name: 'x' } } : {}) });
      expectProblem(res, 405, 'method_not_allowed');
      expect(res.headers.get('allow')).toBe('POST');
    }
    const tagsBulk = await call('DELETE', '/v1/tags/bulk', { key, unchecked: true });
    expectProblem(tagsBulk, 405, 'method_not_allowed');
    // the templated path still serves what is not a literal one
    const contact = await call('GET', `/v1/contacts/${bulk.body.results[0].id}`, { key });
    expect(contact.status).toBe(200);
  });
});
