import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { client } from './support/client';
import { closeDb, newWorkspace, sql } from './support/stack';
import { waitFor } from './support/wait';
import { SIGNATURE_HEADER, signBody, verifyBodySignature } from '../src/channels/signatures';

let ws: Awaited<ReturnType<typeof newWorkspace>>;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
});
afterAll(closeDb);

/** A provider's signed call: no API key, the channel secret signs the raw body. */
function providerCall(channelId: string, secret: string, path: 'inbound' | 'status', body: object, opts: { at?: number; signature?: string } = {}) {
  const raw = JSON.stringify(body);
  return client('', { headers: {} }).post(`/v1/channels/${channelId}/${path}`, {
    key: null,
    rawBody: raw,
    headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: opts.signature ?? signBody(secret, raw, opts.at) },
  });
}


async function setup(provider: 'sandbox' | 'http', url?: string) {
  const channel = await api.post('/v1/channels', { body: { name: `${provider} channel`, provider, ...(url ? { url } : {}) } });
  expect(channel.status).toBe(201);
  expect(channel.body.signing_secret).toMatch(/^chsec_/);
  const phone = `+9198${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}`;
  const contact = await api.post('/v1/contacts', { body: { phone, first_name: 'Kiran' } });
  return { channel: channel.body, secret: channel.body.signing_secret as string, contact: contact.body, phone };
}

describe('sandbox channel', () => {
  it('refuses free-form text outside the service window, opens it on an inbound message, then delivers with receipts', async () => {
    const { channel, secret, contact, phone } = await setup('sandbox');
    const shown = await api.get(`/v1/channels/${channel.id}`);
    expect(shown.body).not.toHaveProperty('signing_secret');

    const conversation = await api.post('/v1/conversations', { body: { contact_id: contact.id, channel_id: channel.id } });
    expect(conversation.status).toBe(201);
    expect(conversation.body.service_window_ends_at).toBeNull();
    const again = await api.post('/v1/conversations', { body: { contact_id: contact.id, channel_id: channel.id } });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ code: 'conversation_already_open', existing_id: conversation.body.id });

    const early = await api.post(`/v1/conversations/${conversation.body.id}/messages`, { body: { type: 'text', text: 'Hello?' } });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('outside_service_window');

    const inbound = await providerCall(channel.id, secret, 'inbound', { from: phone, text: 'Where is my order?', provider_message_id: `wamid.${randomUUID()}` });
    expect(inbound.status).toBe(201);
    expect(inbound.body).toMatchObject({ direction: 'inbound', status: 'received', conversation_id: conversation.body.id, contact_id: contact.id, text: 'Where is my order?' });
    const opened = await api.get(`/v1/conversations/${conversation.body.id}`);
    expect(Date.parse(opened.body.service_window_ends_at)).toBeGreaterThan(Date.now() + 23 * 3600 * 1000);

    const sent = await api.post(`/v1/conversations/${conversation.body.id}/messages`, { body: { type: 'text', text: 'It ships today' } });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'queued', direction: 'outbound', text: 'It ships today' });
    const read = await waitFor(() => api.get(`/v1/messages/${sent.body.id}`), (r) => r.body.status === 'read');
    expect(read.body.status).toBe('read');
    expect(Date.parse(read.body.sent_at)).toBeLessThanOrEqual(Date.parse(read.body.delivered_at));
    expect(Date.parse(read.body.delivered_at)).toBeLessThanOrEqual(Date.parse(read.body.read_at));
    expect(read.body.provider_message_id).toBe(`sbx_${sent.body.id}`);

    const events = await sql<{ type: string; sequence: number }>(`select type, sequence from events where object_id = ? order by sequence`, [sent.body.id]);
    expect(events.map((e) => `${e.type}#${e.sequence}`)).toEqual(['message.queued#1', 'message.sent#2', 'message.delivered#3', 'message.read#4']);
    const received = await api.get('/v1/events?type=message.received');
    expect(received.body.data.map((e: { data: { object: { id: string } } }) => e.data.object.id)).toContain(inbound.body.id);

    const page = await api.get(`/v1/conversations/${conversation.body.id}/messages?limit=1`);
    expect(page.body.data[0].id).toBe(sent.body.id);
    const rest = await api.get(`/v1/conversations/${conversation.body.id}/messages?limit=1&cursor=${encodeURIComponent(page.body.next_cursor)}`);
    expect(rest.body.data[0].id).toBe(inbound.body.id);
  });

  it('ignores a replayed inbound message, refuses bad and stale signatures, and creates unknown contacts', async () => {
    const { channel, secret } = await setup('sandbox');
    const newcomer = '+919700000123';
    const body = { from: newcomer, text: 'hi', provider_message_id: `wamid.${randomUUID()}` };
    const first = await providerCall(channel.id, secret, 'inbound', body);
    expect(first.status).toBe(201);
    const replay = await providerCall(channel.id, secret, 'inbound', body);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await sql(`select id from messages where provider_message_id = ?`, [body.provider_message_id])).toHaveLength(1);
    // the provider's id keys the command but is no Idempotency-Key of a caller: not echoed, so any character in it is
    // fine (found by fuzzing: a newline in it made the header invalid and the answer a 500)
    expect(first.headers.get('idempotency-key')).toBeNull();
    const oddId = `wamid.\nÎ¾${randomUUID()}`;
    const odd = await providerCall(channel.id, secret, 'inbound', { from: newcomer, text: 'hi again', provider_message_id: oddId });
    expect(odd.status).toBe(201);
    expect(odd.headers.get('idempotency-key')).toBeNull();
    const oddReplay = await providerCall(channel.id, secret, 'inbound', { from: newcomer, text: 'hi again', provider_message_id: oddId });
    expect(oddReplay.status).toBe(201);
    expect(oddReplay.body.id).toBe(odd.body.id);
    const contacts = await api.get(`/v1/contacts?phone=${encodeURIComponent(newcomer)}`);
    expect(contacts.body.data).toHaveLength(1);

    const forged = await providerCall(channel.id, 'chsec_wrong', 'inbound', { ...body, provider_message_id: 'x-1' });
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('invalid_signature');
    const stale = await providerCall(channel.id, secret, 'inbound', { ...body, provider_message_id: 'x-2' }, { at: Math.floor(Date.now() / 1000) - 3600 });
    expect(stale.status).toBe(401);
    const unsigned = await providerCall(channel.id, secret, 'inbound', { ...body, provider_message_id: 'x-3' }, { signature: '' });
    expect(unsigned.status).toBe(401);
    expect(await sql(`select id from messages where provider_message_id in ('x-1', 'x-2', 'x-3')`)).toHaveLength(0);
  });

  it('honours opt-out (by STOP or by API) and opt-in', async () => {
    const { channel, secret, contact, phone } = await setup('sandbox');
    await providerCall(channel.id, secret, 'inbound', { from: phone, text: 'hello', provider_message_id: `wamid.${randomUUID()}` });
    const conversation = (await api.get(`/v1/conversations?contact_id=${contact.id}`)).body.data[0];
    await providerCall(channel.id, secret, 'inbound', { from: phone, text: ' STOP ', provider_message_id: `wamid.${randomUUID()}` });
    const stopped = await api.get(`/v1/contacts/${contact.id}`);
    expect(stopped.body.opted_out_at).not.toBeNull();
    const refused = await api.post(`/v1/conversations/${conversation.id}/messages`, { body: { type: 'text', text: 'Sale!' } });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('contact_opted_out');
    const optIn = await api.post(`/v1/contacts/${contact.id}/opt-in`);
    expect(optIn.status).toBe(200);
    expect(Date.parse(optIn.body.opted_in_at)).toBeGreaterThan(Date.parse(optIn.body.opted_out_at));
    expect((await api.post(`/v1/conversations/${conversation.id}/messages`, { body: { type: 'text', text: 'Welcome back' } })).status).toBe(201);
    expect((await api.post(`/v1/contacts/${contact.id}/opt-out`)).status).toBe(200);
    expect((await api.post(`/v1/conversations/${conversation.id}/messages`, { body: { type: 'text', text: 'x' } })).body.code).toBe('contact_opted_out');
  });

  it('closes and reopens conversations, refuses sends to a closed one, and replays a send under its key with one delivery', async () => {
    const { channel, secret, contact, phone } = await setup('sandbox');
    await providerCall(channel.id, secret, 'inbound', { from: phone, text: 'hey', provider_message_id: `wamid.${randomUUID()}` });
    const conversation = (await api.get(`/v1/conversations?contact_id=${contact.id}&status=open`)).body.data[0];
    const idem = randomUUID();
    const a = await api.post(`/v1/conversations/${conversation.id}/messages`, { body: { type: 'text', text: 'once' }, headers: { 'Idempotency-Key': idem } });
    const b = await api.post(`/v1/conversations/${conversation.id}/messages`, { body: { type: 'text', text: 'once' }, headers: { 'Idempotency-Key': idem } });
    expect(b.body.id).toBe(a.body.id);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    await waitFor(() => api.get(`/v1/messages/${a.body.id}`), (r) => r.body.status === 'read');
    const sentEvents = await sql(`select id from events where object_id = ? and type = 'message.sent'`, [a.body.id]);
    expect(sentEvents).toHaveLength(1);

    const closed = await api.patch(`/v1/conversations/${conversation.id}`, { body: { status: 'closed', assignee: 'agent-7' } });
    expect(closed.body).toMatchObject({ status: 'closed', assignee: 'agent-7' });
    const refused = await api.post(`/v1/conversations/${conversation.id}/messages`, { body: { type: 'text', text: 'late' } });
    expect(refused.body.code).toBe('conversation_closed');
    const reopened = await api.patch(`/v1/conversations/${conversation.id}`, { body: { status: 'open' } });
    expect(reopened.body.status).toBe('open');
    const updates = await api.get('/v1/events?type=conversation.updated');
    const mine = updates.body.data.filter((e: { data: { object: { id: string } } }) => e.data.object.id === conversation.id);
    expect(mine[1].data.previous_attributes).toEqual({ status: 'open', assignee: null });
  });

  it("hides another workspace's channels, conversations and messages", async () => {
    const { channel, secret, contact, phone } = await setup('sandbox');
    const msg = await providerCall(channel.id, secret, 'inbound', { from: phone, text: 'private', provider_message_id: `wamid.${randomUUID()}` });
    const other = client((await newWorkspace()).key);
    expect((await other.get(`/v1/channels/${channel.id}`)).status).toBe(404);
    expect((await other.get(`/v1/conversations/${msg.body.conversation_id}`)).status).toBe(404);
    expect((await other.patch(`/v1/conversations/${msg.body.conversation_id}`, { body: { status: 'closed' } })).status).toBe(404);
    expect((await other.post(`/v1/conversations/${msg.body.conversation_id}/messages`, { body: { type: 'text', text: 'x' } })).status).toBe(404);
    expect((await other.get(`/v1/conversations/${msg.body.conversation_id}/messages`)).status).toBe(404);
    expect((await other.get(`/v1/messages/${msg.body.id}`)).status).toBe(404);
    const foreignConversation = await other.post('/v1/conversations', { body: { contact_id: contact.id, channel_id: channel.id } });
    expect(foreignConversation.status).toBe(422);
    expect(foreignConversation.body.code).toBe('contact_not_found');
  });

  it('masks message text for a key without pii:read', async () => {
    const { channel, secret, phone } = await setup('sandbox');
    const msg = await providerCall(channel.id, secret, 'inbound', { from: phone, text: 'my card is 4111', provider_message_id: `wamid.${randomUUID()}` });
    const { key } = await ws.keyWith(['messages:read']);
    const seen = await client(key).get(`/v1/messages/${msg.body.id}`);
    expect(seen.body.text).toBe('[masked]');
    expect(seen.text).not.toContain('4111');
  });
});

describe('templates, opt-in confirmation and the contact timeline', () => {
  let templateId: string;
  beforeAll(async () => {
    const t = await api.post('/v1/templates', { body: { name: `shipped_${Date.now().toString(36)}`, language: 'en_US', category: 'utility', body: 'Hi {{1}}, order {{2}} has shipped.' } });
    expect(t.status).toBe(201);
    templateId = t.body.id;
  });

  it('sends a template outside the service window, rendered with its parameters, and refuses a wrong fit', async () => {
    const { channel, contact } = await setup('sandbox');
    const conversation = await api.post('/v1/conversations', { body: { contact_id: contact.id, channel_id: channel.id } });
    const sent = await api.post(`/v1/conversations/${conversation.body.id}/messages`, { body: { type: 'template', template_id: templateId, parameters: ['Kiran', '#42'] } });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ type: 'template', template_id: templateId, parameters: ['Kiran', '#42'], text: 'Hi Kiran, order #42 has shipped.' });
    const wrongCount = await api.post(`/v1/conversations/${conversation.body.id}/messages`, { body: { type: 'template', template_id: templateId, parameters: ['Kiran'] } });
    expect(wrongCount.status).toBe(422);
    expect(wrongCount.body.code).toBe('template_parameters_mismatch');
    const unknown = await api.post(`/v1/conversations/${conversation.body.id}/messages`, { body: { type: 'template', template_id: 'tpl_00000000000000000000000000' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('template_not_found');
    const other = client((await newWorkspace()).key);
    const theirs = await other.post('/v1/templates', { body: { name: 'foreign_tpl', language: 'en', category: 'utility', body: 'Hello' } });
    const foreign = await api.post(`/v1/conversations/${conversation.body.id}/messages`, { body: { type: 'template', template_id: theirs.body.id } });
    expect(foreign.body.code).toBe('template_not_found');
  });

  it('records an opt-in and sends its confirmation template in one command, or neither', async () => {
    const { channel, contact } = await setup('sandbox');
    await api.post(`/v1/contacts/${contact.id}/opt-out`);
    const refused = await api.post(`/v1/contacts/${contact.id}/opt-in`, { body: { channel_id: channel.id, template_id: 'tpl_00000000000000000000000000' } });
    expect(refused.status).toBe(422);
    expect((await api.get(`/v1/contacts/${contact.id}`)).body.opted_in_at).toBeNull();

    const optIn = await api.post(`/v1/contacts/${contact.id}/opt-in`, { body: { channel_id: channel.id, template_id: templateId, parameters: ['Kiran', 'confirmation'] } });
    expect(optIn.status).toBe(200);
    expect(optIn.body.opted_in_at).not.toBeNull();
    const conversation = (await api.get(`/v1/conversations?contact_id=${contact.id}`)).body.data[0];
    const messages = await api.get(`/v1/conversations/${conversation.id}/messages`);
    expect(messages.body.data).toHaveLength(1);
    expect(messages.body.data[0]).toMatchObject({ type: 'template', text: 'Hi Kiran, order confirmation has shipped.' });
    const delivered = await waitFor(() => api.get(`/v1/messages/${messages.body.data[0].id}`), (r) => r.body.status === 'read');
    expect(delivered.body.status).toBe('read');
    const needsBoth = await api.post(`/v1/contacts/${contact.id}/opt-in`, { body: { template_id: templateId } });
    expect(needsBoth.status).toBe(400);
  });

  it('sends a media message naming an uploaded file, and refuses a file it cannot see', async () => {
    const { channel, secret, contact, phone } = await setup('sandbox');
    await providerCall(channel.id, secret, 'inbound', { from: phone, text: 'send the invoice', provider_message_id: `wamid.${randomUUID()}` });
    const conversation = (await api.get(`/v1/conversations?contact_id=${contact.id}`)).body.data[0];
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%invoice\n')], { type: 'application/pdf' }), 'invoice.pdf');
    const file = await api.post('/v1/files', { rawBody: form });
    expect(file.status).toBe(201);
    const sent = await api.post(`/v1/conversations/${conversation.id}/messages`, { body: { type: 'media', file_id: file.body.id, text: 'Your invoice' } });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ type: 'media', file_id: file.body.id, text: 'Your invoice' });
    const other = client((await newWorkspace()).key);
    const theirs = new FormData();
    theirs.append('file', new Blob([Buffer.from('%PDF-1.4\n%theirs\n')], { type: 'application/pdf' }), 'theirs.pdf');
    const foreign = await other.post('/v1/files', { rawBody: theirs });
    const refused = await api.post(`/v1/conversations/${conversation.id}/messages`, { body: { type: 'media', file_id: foreign.body.id } });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('file_not_found');
    expect((await api.delete(`/v1/files/${file.body.id}`)).status).toBe(200);
    const gone = await api.post(`/v1/conversations/${conversation.id}/messages`, { body: { type: 'media', file_id: file.body.id } });
    expect(gone.body.code).toBe('file_not_found');
  });

  it('replays channel and conversation creation under their keys', async () => {
    const idem = randomUUID();
    const a = await api.post('/v1/channels', { body: { name: 'replayed', provider: 'sandbox' }, headers: { 'Idempotency-Key': idem } });
    const b = await api.post('/v1/channels', { body: { name: 'replayed', provider: 'sandbox' }, headers: { 'Idempotency-Key': idem } });
    // the same channel; its signing secret is shown once (issue 13), so the replay answers null in its place
    expect(a.body.signing_secret).toMatch(/^chsec_/);
    expect(b.text).toBe(JSON.stringify({ ...a.body, signing_secret: null }));
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    const contact = await api.post('/v1/contacts', { body: { external_id: `cnv-replay-${idem}` } });
    const key = randomUUID();
    const c1 = await api.post('/v1/conversations', { body: { contact_id: contact.body.id, channel_id: a.body.id }, headers: { 'Idempotency-Key': key } });
    const c2 = await api.post('/v1/conversations', { body: { contact_id: contact.body.id, channel_id: a.body.id }, headers: { 'Idempotency-Key': key } });
    expect([c1.status, c2.status]).toEqual([201, 201]);
    expect(c2.body.id).toBe(c1.body.id);
    expect(await sql(`select id from conversations where contact_id = ?`, [contact.body.id])).toHaveLength(1);
  });

  it('lists a contact’s orders, messages and events in one newest-first stream', async () => {
    const { channel, secret, contact, phone } = await setup('sandbox');
    await providerCall(channel.id, secret, 'inbound', { from: phone, text: 'hello', provider_message_id: `wamid.${randomUUID()}` });
    const order = await api.post('/v1/orders', { body: { contact_id: contact.id, currency: 'INR', items: [{ sku: 'A', name: 'A', quantity: 1, unit_price: 100 }] } });
    expect(order.status).toBe(201);
    await api.post(`/v1/contacts/${contact.id}/opt-out`);
    const all: { object: string; id: string; created_at: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { data: typeof all; next_cursor: string | null } } = await api.get(`/v1/contacts/${contact.id}/timeline?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      all.push(...page.body.data);
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(all.map((i) => i.object).sort()).toEqual(['event', 'event', 'message', 'order']); // contact.created, contact.updated (opt-out)
    expect(all.find((i) => i.object === 'order')!.id).toBe(order.body.id);
    const times = all.map((i) => Date.parse(i.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);

    const { key } = await ws.keyWith(['contacts:read', 'messages:read']);
    const noOrders = await client(key).get(`/v1/contacts/${contact.id}/timeline`);
    expect(noOrders.status).toBe(403);
    expect(noOrders.body.missing_scopes).toEqual(['orders:read']);
    const other = client((await newWorkspace()).key);
    expect((await other.get(`/v1/contacts/${contact.id}/timeline`)).status).toBe(404);
  });
});

describe('http channel', () => {
  let server: Server;
  let url: string;
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  let answer: (n: number) => { status: number; body: object } = () => ({ status: 200, body: {} });

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        const out = answer(received.length);
        res.writeHead(out.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(out.body));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/messages`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('POSTs each message signed, then follows the provider’s signed status callbacks', async () => {
    answer = () => ({ status: 202, body: { provider_message_id: `prov-${received.length}` } });
    const { channel, secret, contact } = await setup('http', url);
    const conversation = await api.post('/v1/conversations', { body: { contact_id: contact.id, channel_id: channel.id } });
    const sent = await api.post(`/v1/conversations/${conversation.body.id}/messages`, { body: { type: 'text', text: 'Order #42 shipped' } });
    expect(sent.status).toBe(201);
    const got = await waitFor(() => api.get(`/v1/messages/${sent.body.id}`), (r) => r.body.status === 'sent');
    expect(got.body.status).toBe('sent');
    const call = received[received.length - 1];
    expect(verifyBodySignature(secret, call.headers[SIGNATURE_HEADER.toLowerCase()] as string, Buffer.from(call.body))).toBe(true);
    expect(call.headers['idempotency-key']).toBe(sent.body.id);
    expect(JSON.parse(call.body)).toMatchObject({ id: sent.body.id, to: contact.phone, type: 'text', text: 'Order #42 shipped' });

    const pid = got.body.provider_message_id;
    expect((await providerCall(channel.id, secret, 'status', { provider_message_id: pid, status: 'read' })).body.status).toBe('read');
    const late = await providerCall(channel.id, secret, 'status', { provider_message_id: pid, status: 'delivered' });
    expect(late.body.status).toBe('read');
    const final = await api.get(`/v1/messages/${sent.body.id}`);
    expect(final.body.delivered_at).not.toBeNull();
    const unknown = await providerCall(channel.id, secret, 'status', { provider_message_id: 'nope', status: 'read' });
    expect(unknown.status).toBe(404);
  });

  it('marks a message failed with the reason when the provider refuses it', async () => {
    answer = () => ({ status: 400, body: { error: 'bad number' } });
    const { channel, contact } = await setup('http', url);
    const conversation = await api.post('/v1/conversations', { body: { contact_id: contact.id, channel_id: channel.id } });
    const sent = await api.post(`/v1/conversations/${conversation.body.id}/messages`, { body: { type: 'text', text: 'x' } });
    const failed = await waitFor(() => api.get(`/v1/messages/${sent.body.id}`), (r) => r.body.status === 'failed');
    expect(failed.body.status).toBe('failed');
    expect(failed.body.failure_reason).toContain('HTTP 400');
    const events = await sql<{ type: string }>(`select type from events where object_id = ? order by sequence`, [sent.body.id]);
    expect(events.map((e) => e.type)).toEqual(['message.queued', 'message.failed']);
  });

  it('an http channel needs a url', async () => {
    const res = await api.post('/v1/channels', { body: { name: 'no url', provider: 'http' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].pointer).toBe('/url');
    // the spec states the rule (if provider is http then url is required), so the request is refused before any
    // command runs: no stored request
    const stored = await sql(`select 1 from idempotency_keys where operation_id = 'createChannel' and request->'body'->>'name' = 'no url'`);
    expect(stored).toHaveLength(0);
  });
});
