// Keys never widen (issue 13): a key revokes, rolls and mints only within its own scopes, allowlist and expiry.
import { randomUUID } from 'node:crypto';
import { client } from '../support/client';
import { expectProblem } from '../support/operation-refusals';
import { closeDb, newWorkspace, sql, type TestWorkspace } from '../support/stack';

let ws: TestWorkspace;
let owner: ReturnType<typeof client>;

beforeAll(async () => {
  ws = await newWorkspace();
  owner = client(ws.key);
});
afterAll(closeDb);

const mint = (by: ReturnType<typeof client>, body: Record<string, unknown>) => by.post('/v1/api-keys', { body, headers: { 'Idempotency-Key': randomUUID() } });
const live = async (id: string) => (await sql<{ revoked_at: Date | null }>('select revoked_at from api_keys where id = ?', [id]))[0].revoked_at === null;

describe('a key manages only keys no wider than itself', () => {
  it('a keys:write-only key can neither revoke nor roll the owner key: 403, and the owner key keeps working', async () => {
    const { key } = await ws.keyWith(['keys:write']);
    const narrow = client(key);

    const revoke = await narrow.delete(`/v1/api-keys/${ws.keyId}`);
    expectProblem(revoke, 403, 'scope_not_grantable');
    expect(revoke.body.missing_scopes).toEqual(expect.arrayContaining(['contacts:write', 'pii:read', 'keys:read']));
    expect(revoke.body.errors).toEqual([expect.objectContaining({ pointer: '/path/api_key_id', code: 'wider_scopes' })]);

    const roll = await narrow.post(`/v1/api-keys/${ws.keyId}/roll`, { body: { overlap_seconds: 0 } });
    expectProblem(roll, 403, 'scope_not_grantable');

    expect(await live(ws.keyId)).toBe(true);
    expect((await owner.get('/v1/contacts?limit=1')).status).toBe(200);
    expect((await owner.get('/v1/api-keys?limit=1')).status).toBe(200);
  });

  it('a key revokes a key whose scopes are a subset of its own, and itself', async () => {
    const { key, keyId } = await ws.keyWith(['keys:write', 'contacts:read']);
    const caller = client(key);
    const { body: child } = await mint(owner, { name: 'subset', scopes: ['contacts:read'] });
    expect((await caller.delete(`/v1/api-keys/${child.id}`)).status).toBe(200);
    expect(await live(child.id)).toBe(false);
    expect((await caller.delete(`/v1/api-keys/${keyId}`)).status).toBe(200);
  });

  it('a key limited by allowed_ips or expires_at cannot revoke or roll a key without those limits', async () => {
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const { body: limited } = await mint(owner, { name: 'limited', scopes: ['keys:write', 'contacts:read'], allowed_ips: ['127.0.0.0/8'], expires_at: expiresAt });
    expect(limited.secret).toEqual(expect.any(String));
    const caller = client(limited.secret);
    // the same scopes, but usable from anywhere and for ever
    const { body: free } = await mint(owner, { name: 'unlimited', scopes: ['contacts:read'] });
    const revoke = await caller.delete(`/v1/api-keys/${free.id}`);
    expectProblem(revoke, 403, 'api_key_wider_than_caller');
    expect(revoke.body.errors.map((e: { code: string }) => e.code).sort()).toEqual(['expires_later', 'wider_allowed_ips']);
    expect(revoke.body.errors.every((e: { pointer: string }) => e.pointer === '/path/api_key_id')).toBe(true);
    expectProblem(await caller.post(`/v1/api-keys/${free.id}/roll`, { body: {} }), 403, 'api_key_wider_than_caller');
    expect(await live(free.id)).toBe(true);
    expect((await client(free.secret).get('/v1/contacts?limit=1')).status).toBe(200);

    // a key within both limits is the caller's to manage
    const { body: within } = await mint(owner, { name: 'within', scopes: ['contacts:read'], allowed_ips: ['127.0.0.1'], expires_at: expiresAt });
    expect((await caller.post(`/v1/api-keys/${within.id}/roll`, { body: { overlap_seconds: 0 } })).status).toBe(200);
    expect((await caller.delete(`/v1/api-keys/${within.id}`)).status).toBe(200);
  });
});

describe('a child key stays within its parent', () => {
  const parentExpiry = new Date(Date.now() + 2 * 3600_000);
  let parent: ReturnType<typeof client>;

  beforeAll(async () => {
    const { body } = await mint(owner, { name: 'parent', scopes: ['keys:write', 'keys:read', 'contacts:read'], allowed_ips: ['127.0.0.0/8', '2001:db8::/32'], expires_at: parentExpiry.toISOString() });
    expect(body.allowed_ips).toEqual(['127.0.0.0/8', '2001:db8::/32']);
    parent = client(body.secret);
  });

  it('given neither, a child inherits the parent expiry and allowlist', async () => {
    for (const body of [{ name: 'child', scopes: ['contacts:read'] }, { name: 'child, nulls', scopes: ['contacts:read'], allowed_ips: null, expires_at: null }]) {
      const child = await mint(parent, body);
      expect(child.status).toBe(201);
      expect(child.body.allowed_ips).toEqual(['127.0.0.0/8', '2001:db8::/32']);
      expect(new Date(child.body.expires_at).getTime()).toBe(parentExpiry.getTime());
      const [row] = await sql<{ expires_at: string; allowed_ips: string[] }>('select expires_at, allowed_ips::text[] as allowed_ips from api_keys where id = ?', [child.body.id]);
      expect(new Date(row.expires_at).getTime()).toBe(parentExpiry.getTime());
      expect(row.allowed_ips).toEqual(['127.0.0.0/8', '2001:db8::/32']);
      expect((await client(child.body.secret).get('/v1/contacts?limit=1')).status).toBe(200);
    }
  });

  it('a child cannot outlive its parent: 422 api_key_outlives_caller at /expires_at', async () => {
    const later = await mint(parent, { name: 'later', scopes: ['contacts:read'], expires_at: new Date(parentExpiry.getTime() + 1000).toISOString() });
    expectProblem(later, 422, 'api_key_outlives_caller');
    expect(later.body.errors).toEqual([expect.objectContaining({ pointer: '/expires_at', code: 'after_caller_expiry' })]);
    const sooner = await mint(parent, { name: 'sooner', scopes: ['contacts:read'], expires_at: new Date(parentExpiry.getTime() - 60_000).toISOString() });
    expect(sooner.status).toBe(201);
    expect(sooner.body.allowed_ips).toEqual(['127.0.0.0/8', '2001:db8::/32']);
  });

  it('a child cannot leave its parent allowlist: 422 api_key_allowlist_outside_caller, a pointer per CIDR', async () => {
    const outside = await mint(parent, { name: 'outside', scopes: ['contacts:read'], allowed_ips: ['127.0.0.1', '10.0.0.0/8', '2001:db8:1::/48', '0.0.0.0/0', '2001:db0::/28'] });
    expectProblem(outside, 422, 'api_key_allowlist_outside_caller');
    expect(outside.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/allowed_ips/1', '/allowed_ips/3', '/allowed_ips/4']);
    const inside = await mint(parent, { name: 'inside', scopes: ['contacts:read'], allowed_ips: ['127.0.0.1', '2001:db8:1::/48'] });
    expect(inside.status).toBe(201);
    expect(inside.body.allowed_ips).toEqual(['127.0.0.1/32', '2001:db8:1::/48']);
    expect(new Date(inside.body.expires_at).getTime()).toBe(parentExpiry.getTime());
  });

  it('an unlimited parent still mints unlimited children', async () => {
    const child = await mint(owner, { name: 'free child', scopes: ['contacts:read'] });
    expect(child.status).toBe(201);
    expect(child.body).toMatchObject({ allowed_ips: null, expires_at: null });
  });
});
