// Issue 13, class "bounded input": no body, query or upload field can take the API down, on any kind of route.
// Each request here is followed by proof that the same API process (same pid) still answers.
import { request } from 'node:http';
import { client, type ApiResponse } from '../support/client';
import { createApiKey } from '../../src/admin';
import { SIGNATURE_HEADER, signBody } from '../../src/channels/signatures';
import { closeDb, db, newWorkspace, sql, stack } from '../support/stack';

let api: ReturnType<typeof client>;
let publishable: string;
let channel: { id: string; secret: string };

beforeAll(async () => {
  const ws = await newWorkspace();
  api = client(ws.key);
  publishable = (await createApiKey(await db(), { workspaceId: ws.workspaceId, type: 'publishable' })).secret;
  const created = await api.post('/v1/channels', { body: { name: 'bounded input', provider: 'sandbox' } });
  expect(created.status).toBe(201);
  channel = { id: created.body.id, secret: created.body.signing_secret };
});
afterAll(closeDb);

const deepArrays = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObjects = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
// arrays inside objects inside arrays, with a key that needs escaping in a pointer
const deepMixed = (n: number) => '{"x/y":['.repeat(n) + '1' + ']}'.repeat(n);
const json = { 'Content-Type': 'application/json' };

/** The API process that served the first test still serves: alive, same pid, answering reads. */
async function stillServing(): Promise<void> {
  const { apiPid, apiUrl } = stack();
  expect(() => process.kill(apiPid, 0)).not.toThrow();
  expect((await fetch(`${apiUrl}/healthz`)).status).toBe(200);
  expect((await api.get('/v1/contacts?limit=1')).status).toBe(200);
}

function expectLimit(res: ApiResponse, pointer: string, code: string): void {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ code: 'json_limit_exceeded', type: 'https://docs.sabnode.com/errors/json_limit_exceeded' });
  expect(res.body.errors).toEqual([expect.objectContaining({ pointer, code })]);
}

/** fetch refuses a GET with a body; a client may still send one */
function getWithBody(url: string, key: string, body: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers: { Authorization: `Bearer ${key}`, ...json, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode! }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const zeros = (n: number) => `/${Array(n).fill('0').join('/')}`;

describe('bounded input', () => {
  it('keyed routes: deep arrays, deep objects and both mixed are 400 with the pointer where the depth ran out', async () => {
    expectLimit(await api.post('/v1/contacts', { rawBody: deepArrays(60_000), headers: json }), zeros(32), 'max_depth');
    await stillServing();
    expectLimit(await api.post('/v1/contacts', { rawBody: deepObjects(60_000), headers: json }), `/${Array(32).fill('a').join('/')}`, 'max_depth');
    await stillServing();
    const mixed = await api.post('/v1/contacts/bulk', { rawBody: deepMixed(30_000), headers: json });
    expectLimit(mixed, `/${Array(16).fill('x~1y/0').join('/')}`, 'max_depth');
    // the same body wrapped in a legitimate field, and a PATCH
    const wrapped = await api.post('/v1/contacts', { rawBody: `{"phone":"+919800013001","attributes":{"deep":${deepArrays(50_000)}}}`, headers: json });
    expectLimit(wrapped, `/attributes/deep${zeros(30)}`, 'max_depth');
    const patched = await api.patch('/v1/workspace', { rawBody: deepArrays(60_000), headers: json });
    expectLimit(patched, zeros(32), 'max_depth');
    expect(await sql(`select id from contacts where phone = ?`, ['+919800013001'])).toHaveLength(0);
    await stillServing();
  });

  it('keyed routes: too many keys, too many items and too long a string are 400 with their pointer; 32 levels pass the door', async () => {
    const keys = Object.fromEntries(Array.from({ length: 1_001 }, (_, i) => [`k${i}`, i]));
    expectLimit(await api.post('/v1/contacts', { body: { phone: '+919800013002', attributes: keys } }), '/attributes', 'max_keys');
    expectLimit(await api.post('/v1/contacts/bulk', { body: { items: Array(10_001).fill(0) } }), '/items', 'max_items');
    expectLimit(await api.post('/v1/contacts', { body: { phone: '+919800013003', attributes: { note: 'x'.repeat(70_000) } } }), '/attributes/note', 'max_string_length');
    // a key is a string too
    expectLimit(await api.post('/v1/contacts', { body: { phone: '+919800013004', attributes: { ['k'.repeat(70_000)]: 1 } } }), `/attributes/${'k'.repeat(70_000)}`, 'max_string_length');
    // at the limit the body reaches the validator, which judges it as usual (not a limit error)
    const atLimit = await api.post('/v1/contacts', { rawBody: `{"phone":"+919800013005","attributes":{"deep":${deepArrays(30)}}}`, headers: json });
    expect(atLimit.status).not.toBe(500);
    expect(atLimit.body.code).not.toBe('json_limit_exceeded');
    await stillServing();
  });

  it('provider callbacks: the signature is checked over the raw bytes before any parsing; deep bodies never crash', async () => {
    const inbound = (path: string, raw: string, headers: Record<string, string> = {}) =>
      client('').post(path, { key: null, rawBody: raw, headers: { ...json, ...headers } });
    // no signature, unknown channel: refused without looking inside
    const stranger = await inbound('/v1/channels/chn_doesnotexist/inbound', deepArrays(60_000));
    expect(stranger.status).toBe(401);
    expect(stranger.body.code).toBe('invalid_signature');
    await stillServing();
    // a real channel, a wrong signature: refused before the (malformed, deep) body is parsed
    for (const raw of [deepArrays(60_000), deepObjects(60_000), '{"from": "+91', deepMixed(30_000)]) {
      const res = await inbound(`/v1/channels/${channel.id}/inbound`, raw, { [SIGNATURE_HEADER]: signBody('chsec_not_the_secret', raw) });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('invalid_signature');
    }
    await stillServing();
    // correctly signed, the body is bounded like any other
    const deep = deepArrays(60_000);
    expectLimit(await inbound(`/v1/channels/${channel.id}/inbound`, deep, { [SIGNATURE_HEADER]: signBody(channel.secret, deep) }), zeros(32), 'max_depth');
    const status = deepObjects(60_000);
    expectLimit(await inbound(`/v1/channels/${channel.id}/status`, status, { [SIGNATURE_HEADER]: signBody(channel.secret, status) }), `/${Array(32).fill('a').join('/')}`, 'max_depth');
    const malformed = '{"from": "+91';
    const bad = await inbound(`/v1/channels/${channel.id}/inbound`, malformed, { [SIGNATURE_HEADER]: signBody(channel.secret, malformed) });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('malformed_json');
    await stillServing();
  });

  it('publishable routes: deep bodies and deep query strings are never expanded', async () => {
    const pk = client(publishable);
    // a GET's body is never read, whatever it holds
    const withBody = await getWithBody(`${stack().apiUrl}/v1/templates`, publishable, deepArrays(60_000));
    expect(withBody.status).toBe(200);
    // a publishable key on an operation with a body is refused before the body is read
    const post = await pk.post('/v1/contacts', { rawBody: deepArrays(60_000), headers: json });
    expect(post.status).toBe(403);
    expect(post.body.code).toBe('publishable_key_not_allowed');
    // `a[b][c]…` stays one flat (unknown) parameter name: 400 naming it, not a nested object
    const deepQuery = `${'a'}${'[b]'.repeat(1_500)}=1`;
    const refused = await pk.get(`/v1/templates?${deepQuery}`);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('invalid_request');
    const arrays = await pk.get(`/v1/templates?${Array.from({ length: 1_000 }, (_, i) => `l[${i}]=1`).join('&')}`);
    expect(arrays.status).toBe(400);
    // and the same on a keyed route
    expect((await api.get(`/v1/contacts?${deepQuery}`)).status).toBe(400);
    expect((await pk.get('/v1/templates')).status).toBe(200);
    await stillServing();
  });

  it('upload metadata: text fields are bounded and walked like JSON bodies', async () => {
    const upload = (fields: [string, string][]) => {
      const form = new FormData();
      for (const [k, v] of fields) form.append(k, v);
      form.append('file', new Blob([Buffer.from('hello\n')], { type: 'text/plain' }), 'hello.txt');
      return api.post('/v1/files', { rawBody: form });
    };
    const deep = await upload([['purpose', deepArrays(500)]]);
    expect(deep.status).toBe(400);
    expect(deep.body.errors).toEqual([expect.objectContaining({ pointer: '/purpose' })]);
    const long = await upload([['purpose', deepArrays(60_000)]]);
    expect(long.status).toBe(400);
    expect(long.body.errors).toEqual([expect.objectContaining({ pointer: '/purpose' })]);
    const many = await upload(Array.from({ length: 50 }, (_, i) => [`f${i}`, deepObjects(100)] as [string, string]));
    expect(many.status).toBe(400);
    // the same JSON as the upload's body is not a multipart body at all
    const asJson = await api.post('/v1/files', { rawBody: deepArrays(60_000), headers: json });
    expect(asJson.status).toBe(415);
    await stillServing();
  });
});
