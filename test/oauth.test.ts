// OAuth 2 apps end to end over real HTTP: registration through the API, the authorization code flow with PKCE and
// the consent page, tokens that call the API as a key with what the owner granted (scopes, masking, audit, budget),
// rotating refresh tokens whose reuse revokes the chain, revocation (RFC 7009), metadata (RFC 8414, RFC 9728) and
// MCP over a token issued for it.
import { randomUUID } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ALL_SCOPES, createApiKey, testSideOf } from '../src/admin';
import { call, client, type ApiResponse } from './support/client';
import { expectProblem } from './support/operation-refusals';
import { authorizeUrl, Browser, connect, consent, pkcePair, revoke, token, type App } from './support/oauth-flow';
import { closeDb, db, newWorkspace, stack, type TestWorkspace } from './support/stack';
import { consoleMessages, renderedDom } from './support/chromium';
import { ensureDebianTool } from './support/tools';

afterAll(closeDb);

const REDIRECT = 'http://127.0.0.1:9/callback';
const issuer = () => `http://localhost:${new URL(stack().apiUrl).port}`;

/**
 * A refused credential spends the address's budget for strangers, which the browser steps of this suite spend too:
 * a 429 is waited out as its Retry-After says, and the call made again.
 */
async function patiently(call: () => Promise<ApiResponse>): Promise<ApiResponse> {
  let res = await call();
  for (let tries = 0; res.status === 429 && tries < 5; tries++) {
    await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
    res = await call();
  }
  return res;
}

async function register(dev: TestWorkspace, scopes: string[], key = dev.key): Promise<App & { body: Record<string, any> }> {
  const res = await call('POST', '/v1/oauth-apps', { key, body: { name: 'Acme <CRM> connector', redirect_uris: [REDIRECT], scopes }, headers: { 'Idempotency-Key': randomUUID() } });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
  return { id: res.body.id, secret: res.body.client_secret, redirectUri: REDIRECT, body: res.body };
}

describe('OAuth 2 apps', () => {
  let dev: TestWorkspace;
  let owner: TestWorkspace;
  let app: App;
  let contactId: string;

  beforeAll(async () => {
    dev = await newWorkspace();
    owner = await newWorkspace();
    app = await register(dev, ['contacts:read', 'contacts:write', 'pii:read', 'templates:read']);
    const made = await client(owner.key).post('/v1/contacts', { body: { phone: '+14155550123', first_name: 'Ada' } });
    expect(made.status).toBe(201);
    contactId = made.body.id;
  });

  it('registers an app with a secret shown once, and refuses what no app may have', async () => {
    const key = randomUUID();
    const body = { name: 'Once', redirect_uris: ['https://crm.example.com/cb'], scopes: ['contacts:read'] };
    const first = await call('POST', '/v1/oauth-apps', { key: dev.key, body, headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    expect(first.body.client_secret).toMatch(/^sno_[A-Za-z0-9_-]{43}$/);
    expect(first.body.client_id).toBe(first.body.id);
    expect(first.body.client_secret_hint).toBe(`sno_…${first.body.client_secret.slice(-4)}`);
    const replay = await call('POST', '/v1/oauth-apps', { key: dev.key, body, headers: { 'Idempotency-Key': key } });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual({ ...first.body, client_secret: null });
    const listed = await call('GET', '/v1/oauth-apps', { key: dev.key });
    expect(listed.body.data.map((a: { id: string }) => a.id)).toContain(first.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(first.body.client_secret);
    // a secret is stored as its hash only
    const [row] = await (await db()).em.getConnection().execute(`select secret_hash from oauth_apps where id = ?`, [first.body.id]);
    expect(row.secret_hash).not.toContain(first.body.client_secret);

    const keysWrite = await call('POST', '/v1/oauth-apps', { key: dev.key, body: { ...body, scopes: ['contacts:read', 'keys:write'] }, headers: { 'Idempotency-Key': randomUUID() } });
    expectProblem(keysWrite, 422, 'scope_not_for_apps');
    expect(keysWrite.body.errors).toEqual([expect.objectContaining({ pointer: '/scopes/1' })]);
    for (const uri of ['http://crm.example.com/cb', 'https://crm.example.com/cb#frag', 'ftp://x/cb']) {
      const bad = await call('POST', '/v1/oauth-apps', { key: dev.key, body: { ...body, redirect_uris: [uri] }, headers: { 'Idempotency-Key': randomUUID() } });
      expectProblem(bad, 422, 'invalid_redirect_uri');
    }
  });

  it('bounds the apps a workspace registers', async () => {
    const busy = await newWorkspace();
    for (let i = 0; i < 50; i++) await register(busy, ['contacts:read']);
    const over = await call('POST', '/v1/oauth-apps', { key: busy.key, body: { name: 'one too many', redirect_uris: [REDIRECT], scopes: ['contacts:read'] }, headers: { 'Idempotency-Key': randomUUID() } });
    expectProblem(over, 422, 'oauth_app_limit_reached');
    // a deleted app frees its place
    const first = (await call('GET', '/v1/oauth-apps?limit=1', { key: busy.key })).body.data[0].id;
    expect((await call('DELETE', `/v1/oauth-apps/${first}`, { key: busy.key, headers: { 'Idempotency-Key': randomUUID() } })).status).toBe(200);
    await register(busy, ['contacts:read']);
  }, 120_000);

  it('publishes its metadata (RFC 8414) and the MCP endpoint\'s (RFC 9728)', async () => {
    const meta = (await (await fetch(`${stack().apiUrl}/.well-known/oauth-authorization-server`)).json()) as Record<string, any>;
    expect(meta).toMatchObject({
      issuer: issuer(),
      authorization_endpoint: `${stack().apiUrl}/oauth/auth`,
      token_endpoint: `${stack().apiUrl}/oauth/token`,
      revocation_endpoint: `${stack().apiUrl}/oauth/token/revocation`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
      grant_types_supported: expect.arrayContaining(['authorization_code', 'refresh_token']),
      token_endpoint_auth_methods_supported: ['client_secret_basic'],
    });
    const prm = (await (await fetch(`${stack().apiUrl}/.well-known/oauth-protected-resource/mcp`)).json()) as Record<string, any>;
    expect(prm).toMatchObject({ resource: `${issuer()}/mcp`, authorization_servers: [issuer()], bearer_methods_supported: ['header'] });
    expect(prm.scopes_supported).toContain('contacts:read');
    expect(prm.scopes_supported).not.toContain('keys:write');
    // an unauthenticated MCP request says where to look
    const res = await fetch(`${stack().apiUrl}/mcp`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain(`resource_metadata="${issuer()}/.well-known/oauth-protected-resource/mcp"`);
  });

  it('gives a token what the owner granted, no more: scopes, masking, budget and audit as a key', async () => {
    const t = await connect(app, owner.key, 'contacts:read contacts:write pii:read templates:write', ['contacts:read', 'contacts:write']);
    expect(t).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'contacts:read contacts:write' });
    expect(t.refresh_token).toEqual(expect.any(String));
    const api = client(t.access_token);
    const read = await api.get(`/v1/contacts/${contactId}`);
    expect(read.status).toBe(200);
    expect(read.body.livemode).toBe(true);
    // pii:read was asked for and left unticked: the phone is masked, as for a key without it
    expect(read.body.phone).not.toBe('+14155550123');
    expect(read.headers.get('x-ratelimit-limit')).toEqual(expect.any(String));
    // templates:write was asked for but the app was never registered with it; templates:read was never asked for
    const templates = await api.get('/v1/templates');
    expectProblem(templates, 403, 'insufficient_scope');
    expect(templates.headers.get('www-authenticate')).toMatch(/error="insufficient_scope"/);
    const made = await api.post('/v1/contacts', { body: { external_id: `oauth-${randomUUID()}` }, headers: { 'Idempotency-Key': randomUUID() } });
    expect(made.status).toBe(201);
    // the workspace's own objects only
    expect((await client(dev.key).get(`/v1/contacts/${made.body.id}`)).status).toBe(404);
    // the app cannot mint keys, whatever it asks
    expectProblem(await api.post('/v1/api-keys', { body: { name: 'x', scopes: ['contacts:read'] }, headers: { 'Idempotency-Key': randomUUID() } }), 403, 'insufficient_scope');
    // audited: the consent (by the owner's key) and the app's write (by the app)
    const audit = await client(owner.key).get('/v1/audit-logs?action=oauth_app.authorized');
    expect(audit.body.data[0]).toMatchObject({ key_id: owner.keyId, object_ids: [app.id], details: { scopes: ['contacts:read', 'contacts:write'], refused_scopes: ['pii:read'] } });
  });

  it('shows personal data to a token granted pii:read, audited as the app where the workspace audits reads', async () => {
    const audited = await newWorkspace();
    expect((await client(audited.key).patch('/v1/workspace', { body: { pii_read_audit: true } })).status).toBe(200);
    const person = await client(audited.key).post('/v1/contacts', { body: { phone: '+14155550188' } });
    const t = await connect(app, audited.key, 'contacts:read pii:read', ['contacts:read', 'pii:read']);
    const read = await client(t.access_token).get(`/v1/contacts/${person.body.id}`);
    expect(read.body.phone).toBe('+14155550188');
    const audit = await client(audited.key).get(`/v1/audit-logs?action=pii.read&key_id=${app.id}`);
    expect(audit.body.data).toEqual([expect.objectContaining({ key_id: app.id, object_ids: [person.body.id] })]);
  });

  it('grants no more than the signing-in key holds, and only an owner key connects', async () => {
    const narrow = await owner.keyWith(['keys:write', 'contacts:read']);
    const t = await connect(app, narrow.key, 'contacts:read contacts:write', ['contacts:read', 'contacts:write']);
    expect(t.scope).toBe('contacts:read');
    const noOwner = await owner.keyWith(['contacts:read', 'contacts:write']);
    const { challenge } = pkcePair();
    const refused = await consent(new Browser(), authorizeUrl(app, { scope: 'contacts:read', challenge }), { key: noOwner.key, scopes: ['contacts:read'] });
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('keys:write');
    const wrong = await consent(new Browser(), authorizeUrl(app, { scope: 'contacts:read', challenge }), { key: 'sk_live_notakeynotakeynotakeynotakey00', scopes: ['contacts:read'] });
    expect(wrong.status).toBe(401);
    // a test key cannot connect a live app
    const testKey = (await createApiKey(await db(), { workspaceId: await testSideOf(await db(), owner.workspaceId), scopes: ALL_SCOPES })).secret;
    const crossMode = await consent(new Browser(), authorizeUrl(app, { scope: 'contacts:read', challenge }), { key: testKey, scopes: ['contacts:read'] });
    expect(crossMode.status).toBe(403);
    expect(crossMode.html).toContain('live app');
  });

  it('connects a test app with a test key, and its tokens see the test side only', async () => {
    const devTest = (await createApiKey(await db(), { workspaceId: await testSideOf(await db(), dev.workspaceId), scopes: ALL_SCOPES })).secret;
    const testApp = await register(dev, ['contacts:read', 'keys:read'], devTest);
    expect(testApp.body.livemode).toBe(false);
    const ownerTest = (await createApiKey(await db(), { workspaceId: await testSideOf(await db(), owner.workspaceId), scopes: ALL_SCOPES })).secret;
    const { challenge } = pkcePair();
    const liveKey = await consent(new Browser(), authorizeUrl(testApp, { scope: 'contacts:read', challenge }), { key: owner.key, scopes: ['contacts:read'] });
    expect(liveKey.status).toBe(403);
    const t = await connect(testApp, ownerTest, 'contacts:read', ['contacts:read']);
    const mine = await client(ownerTest).post('/v1/contacts', { body: { external_id: `test-side-${randomUUID()}` } });
    const list = await client(t.access_token).get('/v1/contacts');
    expect(list.status).toBe(200);
    expect(list.body.data.map((c: { id: string; livemode: boolean }) => [c.id, c.livemode])).toContainEqual([mine.body.id, false]);
    expect(list.body.data.map((c: { id: string }) => c.id)).not.toContain(contactId);
    expectProblem(await client(t.access_token).get(`/v1/contacts/${contactId}`), 404, 'resource_missing');
  });

  it('sends a denial back to the app', async () => {
    const { challenge } = pkcePair();
    const denied = await consent(new Browser(), authorizeUrl(app, { scope: 'contacts:read', challenge, state: 'st8' }), { key: owner.key, scopes: [], decision: 'deny' });
    expect(denied.redirect?.origin + denied.redirect!.pathname).toBe(REDIRECT);
    expect(denied.redirect?.searchParams.get('error')).toBe('access_denied');
    expect(denied.redirect?.searchParams.get('state')).toBe('st8');
    expect(denied.redirect?.searchParams.get('iss')).toBe(issuer());
  });

  it('bounds the unauthenticated browser steps per address before they write', async () => {
    const { challenge } = pkcePair();
    const url = `${stack().apiUrl}${authorizeUrl(app, { scope: 'contacts:read', challenge })}`;
    const before = await (await db()).em.getConnection().execute(`select count(*)::int as n from oauth_store where kind = 'Interaction'`);
    const statuses = await Promise.all(Array.from({ length: 60 }, () => fetch(url, { redirect: 'manual' }).then(async (r) => (await r.body?.cancel(), r.status))));
    const after = await (await db()).em.getConnection().execute(`select count(*)::int as n from oauth_store where kind = 'Interaction'`);
    const refused = statuses.filter((s) => s === 429).length;
    expect(refused).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 429).every((s) => s === 303)).toBe(true);
    // a refused request wrote nothing
    expect(after[0].n - before[0].n).toBe(60 - refused);
    await new Promise((r) => setTimeout(r, 1100));
  });

  it('requires PKCE (S256) and the matching verifier', async () => {
    const browser = new Browser();
    const none = await browser.follow(authorizeUrl(app, { scope: 'contacts:read' }));
    expect(new URL(none.url).searchParams.get('error')).toBe('invalid_request');
    const plain = await browser.follow(authorizeUrl(app, { scope: 'contacts:read', challenge: 'x'.repeat(43), method: 'plain' }));
    expect(new URL(plain.url).searchParams.get('error')).toBe('invalid_request');

    const { challenge } = pkcePair();
    const { redirect } = await consent(new Browser(), authorizeUrl(app, { scope: 'contacts:read', challenge }), { key: owner.key, scopes: ['contacts:read'] });
    const code = redirect!.searchParams.get('code')!;
    const wrong = await token(app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: pkcePair().verifier });
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    // a wrong client secret is no client
    const badSecret = await token(app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: pkcePair().verifier }, `sno_${'A'.repeat(43)}`);
    expect(badSecret).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('rotates refresh tokens, and a reused one revokes the whole chain', async () => {
    const first = await connect(app, owner.key, 'contacts:read', ['contacts:read']);
    const second = await token(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(second.body.access_token).not.toBe(first.access_token);
    expect(second.body.scope).toBe('contacts:read');
    expect((await client(second.body.access_token).get(`/v1/contacts/${contactId}`)).status).toBe(200);
    // the old refresh token again: refused, and every token of the grant with it
    const reused = await token(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reused).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const after = await patiently(() => client(second.body.access_token).get(`/v1/contacts/${contactId}`));
    expectProblem(after, 401, 'invalid_token');
    expect(after.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    expect(await token(app, { grant_type: 'refresh_token', refresh_token: second.body.refresh_token })).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('revokes a token and its grant (RFC 7009), and deleting the app ends every token', async () => {
    const t = await connect(app, owner.key, 'contacts:read', ['contacts:read']);
    expect((await client(t.access_token).get('/v1/contacts')).status).toBe(200);
    expect(await revoke(app, t.access_token, 'access_token')).toBe(200);
    expectProblem(await patiently(() => client(t.access_token).get('/v1/contacts')), 401, 'invalid_token');
    expect(await token(app, { grant_type: 'refresh_token', refresh_token: t.refresh_token })).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    // an unknown token is answered 200 too (RFC 7009 §2.2)
    expect(await revoke(app, 'A'.repeat(43))).toBe(200);

    const other = await register(dev, ['contacts:read']);
    const live = await connect(other, owner.key, 'contacts:read', ['contacts:read']);
    expect((await client(live.access_token).get('/v1/contacts')).status).toBe(200);
    const deleted = await call('DELETE', `/v1/oauth-apps/${other.id}`, { key: dev.key, headers: { 'Idempotency-Key': randomUUID() } });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: other.id, deleted: true });
    expectProblem(await patiently(() => client(live.access_token).get('/v1/contacts')), 401, 'invalid_token');
    expect(await token(other, { grant_type: 'refresh_token', refresh_token: live.refresh_token })).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    // only the registering workspace sees and deletes its apps
    expect((await call('GET', `/v1/oauth-apps/${app.id}`, { key: owner.key })).status).toBe(404);
  });

  it('lets the owner see and disconnect the apps connected to the workspace', async () => {
    const other = await newWorkspace();
    const connected = await register(dev, ['contacts:read', 'orders:read']);
    const a = await connect(connected, other.key, 'contacts:read', ['contacts:read']);
    const b = await connect(connected, other.key, 'orders:read', ['orders:read']);
    const listed = await client(other.key).get('/v1/connected-apps');
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([expect.objectContaining({ id: connected.id, object: 'connected_app', livemode: true, name: 'Acme <CRM> connector', scopes: ['contacts:read', 'orders:read'] })]);
    // another workspace's connections are not this one's
    expect((await client(dev.key).get('/v1/connected-apps')).body.data.map((c: { id: string }) => c.id)).not.toContain(connected.id);
    expectProblem(await client(dev.key).delete(`/v1/connected-apps/${connected.id}`, { headers: { 'Idempotency-Key': randomUUID() } }), 404, 'resource_missing');

    const gone = await client(other.key).delete(`/v1/connected-apps/${connected.id}`, { headers: { 'Idempotency-Key': randomUUID() } });
    expect(gone.status).toBe(200);
    expect(gone.body).toEqual({ id: connected.id, object: 'connected_app', livemode: true, deleted: true });
    for (const t of [a, b]) expectProblem(await patiently(() => client(t.access_token).get('/v1/contacts')), 401, 'invalid_token');
    expect(await token(connected, { grant_type: 'refresh_token', refresh_token: a.refresh_token })).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await client(other.key).get('/v1/connected-apps')).body.data).toEqual([]);
    // the app still works for the workspaces that keep it
    const still = await connect(connected, owner.key, 'contacts:read', ['contacts:read']);
    expect((await client(still.access_token).get('/v1/contacts')).status).toBe(200);
    const audit = await client(other.key).get('/v1/audit-logs?action=oauth_app.disconnected');
    expect(audit.body.data[0]).toMatchObject({ key_id: other.keyId, object_ids: [connected.id] });
  });

  it('serves MCP to a token issued for /mcp, and only to such a token', async () => {
    const apiToken = await connect(app, owner.key, 'contacts:read', ['contacts:read']);
    const refused = await patiently(() => call('POST', '/mcp', { key: apiToken.access_token, body: {}, headers: { accept: 'application/json, text/event-stream' }, unchecked: true }));
    expectProblem(refused, 401, 'invalid_token');

    const mcpToken = await connect(app, owner.key, 'contacts:read', ['contacts:read'], `${issuer()}/mcp`);
    const mcp = new Client({ name: 'oauth-test', version: '1.0.0' });
    await mcp.connect(new StreamableHTTPClientTransport(new URL(`${stack().apiUrl}/mcp`), { requestInit: { headers: { authorization: `Bearer ${mcpToken.access_token}` } } }));
    try {
      const tools = (await mcp.listTools()).tools.map((t) => t.name);
      expect(tools).toContain('get_contact');
      expect(tools).not.toContain('create_broadcast');
      const got = (await mcp.callTool({ name: 'get_contact', arguments: { contact_id: contactId } })) as { structuredContent?: Record<string, any>; isError?: boolean };
      expect(got.isError).toBeFalsy();
      expect(got.structuredContent).toMatchObject({ id: contactId });
      const audit = await client(owner.key).get(`/v1/audit-logs?action=mcp.tool_called&key_id=${app.id}`);
      expect(audit.body.data[0]).toMatchObject({ key_id: app.id, details: expect.objectContaining({ tool: 'get_contact' }) });
    } finally {
      await mcp.close();
    }
  });
});

describe('the consent page in headless Chromium', () => {
  let chromium: string;
  beforeAll(() => {
    chromium = ensureDebianTool('chromium', 'chromium');
  }, 600_000);

  it('renders the app, its requested permissions and the sign-in field, without console errors', async () => {
    const dev = await newWorkspace();
    const app = await register(dev, ['contacts:read', 'messages:write']);
    const { challenge } = pkcePair();
    const { dom, stderr } = await renderedDom(chromium, `${stack().apiUrl}${authorizeUrl(app, { scope: 'contacts:read messages:write', challenge })}`);
    // the name is shown as text, never as markup
    expect(dom).toContain('<strong id="app-name">Acme &lt;CRM&gt; connector</strong>');
    expect([...dom.matchAll(/<input type="checkbox" name="scope" value="([^"]+)" checked="">/g)].map((m) => m[1])).toEqual(['contacts:read', 'messages:write']);
    expect(dom).toMatch(/<input type="password" id="key" name="key"/);
    expect(consoleMessages(stderr)).toEqual([]);
  }, 120_000);

  it('would see a console error if the page had one', async () => {
    const { stderr } = await renderedDom(chromium, `data:text/html,<script>console.error('probe-${'x'}')</script>`);
    expect(consoleMessages(stderr).join('\n')).toContain('probe-x');
  }, 120_000);
});
