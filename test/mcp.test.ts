// The MCP server, through the SDK's own client: over streamable HTTP at /mcp on the running API, and over stdio
// (`npm run mcp`'s entry) against the same API. Tools come from the spec's x-mcp operations; a call is the operation
// itself with the caller's key, so scopes, masking, idempotency, IP allowlists and audit hold as on REST.
import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { spec } from '../src/spec';
import { call, client } from './support/client';
import { expectProblem } from './support/operation-refusals';
import { closeDb, newWorkspace, sql, stack, type TestWorkspace } from './support/stack';

afterAll(closeDb);

type Api = ReturnType<typeof client>;
type ToolResult = { content: { type: string; text: string }[]; structuredContent?: Record<string, any>; isError?: boolean };

// every operation the spec marks x-mcp, by tool name
const MARKED = Object.values(spec.paths).flatMap((item) =>
  Object.values(item as Record<string, { operationId?: string; 'x-mcp'?: { tool: string } }>)
    .filter((op) => typeof op === 'object' && op?.['x-mcp'])
    .map((op) => ({ tool: op['x-mcp']!.tool, operationId: op.operationId! })),
);

/** fetch over node:http from a chosen local address, so that the API sees the caller at 127.0.0.2 */
function fetchFrom(localAddress: string) {
  return (url: string | URL, init?: RequestInit): Promise<Response> =>
    new Promise((resolve, reject) => {
      const headers = Object.fromEntries(new Headers(init?.headers).entries());
      const req = httpRequest(String(url), { method: init?.method ?? 'GET', headers, localAddress }, (res) => {
        const out = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(', ') : v);
        resolve(new Response(res.statusCode === 202 || res.statusCode === 204 ? null : (Readable.toWeb(res) as ReadableStream), { status: res.statusCode, headers: out }));
      });
      req.on('error', reject);
      req.end(typeof init?.body === 'string' ? init.body : undefined);
    });
}

async function connectHttp(key: string, localAddress?: string): Promise<Client> {
  const mcp = new Client({ name: 'sabnode-tests', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`${stack().apiUrl}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${key}` } },
    ...(localAddress ? { fetch: fetchFrom(localAddress) } : {}),
  });
  await mcp.connect(transport);
  return mcp;
}

const callTool = async (mcp: Client, name: string, args: Record<string, unknown>) => (await mcp.callTool({ name, arguments: args })) as ToolResult;

describe('MCP server', () => {
  let ws: TestWorkspace;
  let api: Api;
  let mcp: Client;
  let contact: { id: string; phone: string };
  let channelId: string;
  let templateId: string;
  beforeAll(async () => {
    ws = await newWorkspace();
    api = client(ws.key);
    mcp = await connectHttp(ws.key);
    const phone = `+9198${String(Date.now()).slice(-8)}`;
    const made = await api.post('/v1/contacts', { body: { phone, first_name: 'Asha', external_id: 'mcp-asha' } });
    const channel = await api.post('/v1/channels', { body: { name: 'mcp', provider: 'sandbox' } });
    const template = await api.post('/v1/templates', { body: { name: `mcp_${Date.now()}`, language: 'en', category: 'marketing', body: 'Sale: {{1}} off' } });
    expect([made.status, channel.status, template.status]).toEqual([201, 201, 201]);
    contact = { id: made.body.id, phone };
    channelId = channel.body.id;
    templateId = template.body.id;
  });
  afterAll(async () => {
    await mcp?.close();
  });

  it('lists one tool per x-mcp operation, with input schemas taken from the spec', async () => {
    const { tools } = await mcp.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(MARKED.map((m) => m.tool).sort());
    expect(MARKED.map((m) => m.tool).sort()).toEqual(
      ['create_broadcast', 'get_contact', 'get_conversation', 'list_conversation_messages', 'search_contacts', 'send_broadcast', 'send_template_message', 'start_purge'].sort(),
    );
    for (const t of tools) {
      expect(t.inputSchema.type).toBe('object');
      // inlined: a tool's schema stands on its own
      expect(JSON.stringify(t.inputSchema)).not.toContain('$ref');
    }
    const byName = new Map(tools.map((t) => [t.name, t]));
    // a read takes no idempotency key; every write requires one
    expect(byName.get('get_contact')!.inputSchema.required).toEqual(['contact_id']);
    expect(byName.get('get_contact')!.annotations?.readOnlyHint).toBe(true);
    for (const write of ['create_broadcast', 'send_broadcast', 'send_template_message', 'start_purge']) {
      expect(byName.get(write)!.inputSchema.required).toContain('idempotency_key');
      expect(byName.get(write)!.annotations?.readOnlyHint).toBe(false);
    }
    expect(byName.get('start_purge')!.annotations?.destructiveHint).toBe(true);
    // the spec's own constraints come along: the template branch of MessageCreate, without its fixed `type`
    const send = byName.get('send_template_message')!.inputSchema as { properties: Record<string, any>; required: string[] };
    expect(send.required.sort()).toEqual(['conversation_id', 'idempotency_key', 'template_id']);
    expect(send.properties.type).toBeUndefined();
    expect(send.properties.template_id.pattern).toBe('^tpl_[0-9a-z]{26}$');
    expect(send.properties.parameters.maxItems).toBe(20);
    // exactly one of contact_id, phone, email, as the body says
    expect((byName.get('start_purge')!.inputSchema as { oneOf?: unknown[] }).oneOf).toHaveLength(3);
  });

  it('lists only the tools a key\'s scopes allow', async () => {
    const narrow = await ws.keyWith(['contacts:read']);
    const reader = await connectHttp(narrow.key);
    try {
      expect((await reader.listTools()).tools.map((t) => t.name).sort()).toEqual(['get_contact', 'search_contacts']);
      const refused = await callTool(reader, 'create_broadcast', { name: 'x', channel_id: channelId, template_id: templateId, audience: { tag: 'x' }, idempotency_key: 'k' });
      expect(refused.isError).toBe(true);
      expect(refused.content[0].text).toContain('No tool create_broadcast');
    } finally {
      await reader.close();
    }
  });

  it('reads through the API: personal data in clear with pii:read, masked without it', async () => {
    const full = await callTool(mcp, 'get_contact', { contact_id: contact.id });
    expect(full.isError).toBeFalsy();
    expect(full.structuredContent).toMatchObject({ id: contact.id, object: 'contact', phone: contact.phone, first_name: 'Asha' });
    expect(full.content[0].text).toMatch(/^200 GET \/v1\/contacts\/\{contact_id\} \(Request-Id req_/);

    const narrow = await ws.keyWith(['contacts:read']);
    const reader = await connectHttp(narrow.key);
    try {
      const masked = await callTool(reader, 'get_contact', { contact_id: contact.id });
      expect(masked.isError).toBeFalsy();
      expect(masked.structuredContent!.id).toBe(contact.id);
      expect(masked.structuredContent!.phone).not.toBe(contact.phone);
      expect(JSON.stringify(masked)).not.toContain(contact.phone.slice(3));
      expect(JSON.stringify(masked)).not.toContain('Asha');
    } finally {
      await reader.close();
    }

    const found = await callTool(mcp, 'search_contacts', { filter_groups: [{ filters: [{ field: 'external_id', operator: 'eq', value: 'mcp-asha' }] }] });
    expect(found.isError).toBeFalsy();
    expect(found.structuredContent!.data.map((c: { id: string }) => c.id)).toEqual([contact.id]);
  });

  it('answers a refusal as an error result carrying the problem', async () => {
    const missing = await callTool(mcp, 'get_contact', { contact_id: 'ctc_00000000000000000000000000' });
    expect(missing.isError).toBe(true);
    expect(missing.structuredContent).toMatchObject({ status: 404, code: 'resource_missing' });
    const invalid = await callTool(mcp, 'create_broadcast', { name: '', channel_id: channelId, template_id: templateId, audience: { tag: 'vip' }, idempotency_key: `bad-${Date.now()}` });
    expect(invalid.isError).toBe(true);
    expect(invalid.structuredContent).toMatchObject({ status: 400, code: 'invalid_request' });
  });

  it('a write called twice with one idempotency key takes effect once', async () => {
    const name = `mcp-once-${Date.now()}`;
    const input = { name, channel_id: channelId, template_id: templateId, parameters: ['10%'], audience: { contact_ids: [contact.id] }, idempotency_key: `bc-${name}` };
    const first = await callTool(mcp, 'create_broadcast', input);
    const second = await callTool(mcp, 'create_broadcast', input);
    expect([first.isError, second.isError]).toEqual([undefined, undefined]);
    expect(second.structuredContent!.id).toBe(first.structuredContent!.id);
    const rows = await sql<{ n: string }>(`select count(*) as n from broadcasts where workspace_id = ? and name = ?`, [ws.workspaceId, name]);
    expect(Number(rows[0].n)).toBe(1);

    const conversation = await api.post('/v1/conversations', { body: { contact_id: contact.id, channel_id: channelId } });
    expect(conversation.status).toBe(201);
    const message = { conversation_id: conversation.body.id, template_id: templateId, parameters: ['5%'], idempotency_key: `msg-${name}` };
    const sent = await callTool(mcp, 'send_template_message', message);
    const again = await callTool(mcp, 'send_template_message', message);
    expect(sent.isError).toBeFalsy();
    expect(sent.structuredContent).toMatchObject({ type: 'template', template_id: templateId, text: 'Sale: 5% off' });
    expect(again.structuredContent!.id).toBe(sent.structuredContent!.id);
    const messages = await sql<{ n: string }>(`select count(*) as n from messages where conversation_id = ?`, [conversation.body.id]);
    expect(Number(messages[0].n)).toBe(1);
    // the same key with another input is the API's own refusal
    const reused = await callTool(mcp, 'send_template_message', { ...message, parameters: ['6%'] });
    expect(reused.isError).toBe(true);
    expect(reused.structuredContent).toMatchObject({ status: 409, code: 'idempotency_key_reused' });

    const listed = await callTool(mcp, 'list_conversation_messages', { conversation_id: conversation.body.id });
    expect(listed.structuredContent!.data.map((m: { id: string }) => m.id)).toEqual([sent.structuredContent!.id]);
  });

  it('audits every call with the caller\'s key and address; an IP allowlist holds for the caller, not for the server', async () => {
    const minted = await api.post('/v1/api-keys', { body: { name: 'agent at .2', scopes: ['contacts:read', 'pii:read'], allowed_ips: ['127.0.0.2/32'] } });
    expect(minted.status).toBe(201);
    const agent = await connectHttp(minted.body.secret, '127.0.0.2');
    try {
      const read = await callTool(agent, 'get_contact', { contact_id: contact.id });
      expect(read.isError).toBeFalsy();
      expect(read.structuredContent!.phone).toBe(contact.phone);
    } finally {
      await agent.close();
    }
    // from 127.0.0.1 the same key is refused at /mcp itself
    const elsewhere = await call('POST', '/mcp', { key: minted.body.secret, body: { jsonrpc: '2.0', id: 1, method: 'tools/list' }, headers: { accept: 'application/json, text/event-stream' }, unchecked: true });
    expectProblem(elsewhere, 403, 'ip_not_allowed');

    const audit = await api.get(`/v1/audit-logs?action=mcp.tool_called&key_id=${minted.body.id}`);
    expect(audit.status).toBe(200);
    expect(audit.body.data).toHaveLength(1);
    expect(audit.body.data[0]).toMatchObject({ action: 'mcp.tool_called', key_id: minted.body.id, operation_id: 'retrieveContact', client_ip: '127.0.0.2', details: { tool: 'get_contact' } });
    expect(audit.body.data[0].request_id).toMatch(/^req_/);
    // the workspace's own calls above are there too, one per call that reached the API
    const own = await api.get(`/v1/audit-logs?action=mcp.tool_called&key_id=${ws.keyId}&limit=100`);
    expect(own.body.data.map((a: { details: { tool: string } }) => a.details.tool).sort()).toEqual([
      ...Array(3).fill('create_broadcast'),
      ...Array(2).fill('get_contact'),
      'list_conversation_messages',
      'search_contacts',
      ...Array(3).fill('send_template_message'),
    ]);
    expect(JSON.stringify(own.body.data)).not.toContain(contact.phone);
  });

  it('believes a forwarded client address only from this process', async () => {
    const minted = await api.post('/v1/api-keys', { body: { name: 'office', scopes: ['contacts:read'], allowed_ips: ['10.1.2.3/32'] } });
    const forged = await call('GET', `/v1/contacts/${contact.id}`, { key: minted.body.secret, headers: { 'sabnode-on-behalf-of': '10.1.2.3', 'sabnode-on-behalf-token': 'A'.repeat(43) } });
    expectProblem(forged, 403, 'ip_not_allowed');
  });

  it('refuses a request that names another operation\'s tool, and callers without a key', async () => {
    const mismatch = await api.get(`/v1/contacts/${contact.id}`, { headers: { 'sabnode-mcp-tool': 'start_purge' } });
    expectProblem(mismatch, 400, 'invalid_request');
    const anonymous = await call('POST', '/mcp', { key: null, body: { jsonrpc: '2.0', id: 1, method: 'tools/list' }, unchecked: true });
    expectProblem(anonymous, 401, 'missing_api_key');
    const get = await call('GET', '/mcp', { key: ws.key, unchecked: true });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('serves the same tools over stdio (npm run mcp)', async () => {
    const narrow = await ws.keyWith(['contacts:read', 'conversations:read', 'messages:read', 'broadcasts:write', 'messages:write', 'privacy:write']);
    const stdio = new Client({ name: 'sabnode-tests-stdio', version: '1.0.0' });
    const root = join(__dirname, '..');
    await stdio.connect(
      // exactly as an agent host would start it: npm's banner lines on stdout are skipped by the client
      new StdioClientTransport({
        command: 'npm',
        args: ['run', 'mcp'],
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? root, SABNODE_API_KEY: narrow.key, SABNODE_API_URL: stack().apiUrl },
        stderr: 'pipe',
      }),
    );
    try {
      expect((await stdio.listTools()).tools.map((t) => t.name).sort()).toEqual(MARKED.map((m) => m.tool).sort());
      const read = await callTool(stdio, 'get_contact', { contact_id: contact.id });
      expect(read.isError).toBeFalsy();
      // this key has no pii:read: masked as on REST
      expect(read.structuredContent!.id).toBe(contact.id);
      expect(read.structuredContent!.phone).not.toBe(contact.phone);
      const audit = await api.get(`/v1/audit-logs?action=mcp.tool_called&key_id=${narrow.keyId}`);
      expect(audit.body.data.map((a: { details: { tool: string } }) => a.details.tool)).toEqual(['get_contact']);
    } finally {
      await stdio.close();
    }
  });
});
