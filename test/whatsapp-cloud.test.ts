// The whatsapp_cloud channel provider end to end: the API and the worker send through a local stand-in of the Cloud
// API (test/support/whatsapp-cloud-standin.ts), and the channel's webhook takes notifications signed the way Meta
// signs them. Nothing here leaves 127.0.0.1.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { ALL_SCOPES, createApiKey, testSideOf } from '../src/admin';
import { call, client } from './support/client';
import { closeDb, db, newWorkspace, sql, stack } from './support/stack';
import { waitFor } from './support/wait';
import { metaJson, notifications, start, type CloudApiStandIn, type RecordedRequest } from './support/whatsapp-cloud-standin';

const PHONE_NUMBER_ID = '106540352242922';
const WABA_ID = '102290129340398';
const DISPLAY_NUMBER = '15550783881';
const APP_SECRET = `appsecret-${randomBytes(16).toString('hex')}`;

let ws: Awaited<ReturnType<typeof newWorkspace>>;
let api: ReturnType<typeof client>;
let cloud: CloudApiStandIn;
let channel: { id: string; verify_token: string };

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
  cloud = await start();
  const made = await createChannel();
  expect(made.status).toBe(201);
  channel = made.body;
});
afterAll(async () => {
  await cloud.close();
  await closeDb();
});

function createChannel(whatsapp: Record<string, unknown> = {}, opts: { key?: string; idempotencyKey?: string } = {}) {
  return api.post('/v1/channels', {
    ...(opts.key ? { key: opts.key } : {}),
    headers: opts.idempotencyKey ? { 'Idempotency-Key': opts.idempotencyKey } : {},
    body: {
      name: 'WhatsApp (stand-in)',
      provider: 'whatsapp_cloud',
      whatsapp: { phone_number_id: PHONE_NUMBER_ID, waba_id: WABA_ID, access_token: cloud.accessToken, app_secret: APP_SECRET, base_url: cloud.url, ...whatsapp },
    },
  });
}

const phone = () => `+9198${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}`;
const wamid = () => `wamid.${Buffer.from(randomUUID()).toString('base64')}`;
const webhook = (channelId = channel.id) => `/v1/channels/${channelId}/whatsapp/webhook`;

async function conversation(): Promise<{ id: string; phone: string }> {
  const number = phone();
  const contact = await api.post('/v1/contacts', { body: { phone: number, first_name: 'Asha' } });
  expect(contact.status).toBe(201);
  const opened = await api.post('/v1/conversations', { body: { contact_id: contact.body.id, channel_id: channel.id } });
  expect(opened.status).toBe(201);
  return { id: opened.body.id, phone: number };
}

async function send(conversationId: string, body: object) {
  const sent = await api.post(`/v1/conversations/${conversationId}/messages`, { body });
  expect(sent.status).toBe(201);
  return sent.body as { id: string };
}

const settled = (id: string) => waitFor(() => api.get(`/v1/messages/${id}`), (r) => ['sent', 'failed'].includes(r.body.status), 30_000);
const messageRequests = (to: string): RecordedRequest[] => cloud.requests.filter((r) => r.path === `/v21.0/${PHONE_NUMBER_ID}/messages` && (r.json as { to?: string } | null)?.to === to);

/** A notification POSTed as Meta does (non-ASCII escaped, signed over those bytes), through the spec-checking client. */
function deliver(notification: unknown, opts: { channelId?: string; tamper?: (raw: string) => string; signature?: string | null; secret?: string } = {}) {
  const raw = metaJson(notification);
  const signature = `sha256=${createHmac('sha256', opts.secret ?? APP_SECRET).update(raw).digest('hex')}`;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (opts.signature !== null) headers['X-Hub-Signature-256'] = opts.signature ?? signature;
  return call('POST', webhook(opts.channelId), { rawBody: opts.tamper ? opts.tamper(raw) : raw, headers });
}

const inbound = (from: string, id: string, text: string) =>
  notifications.messages({
    wabaId: WABA_ID,
    phoneNumberId: PHONE_NUMBER_ID,
    displayPhoneNumber: DISPLAY_NUMBER,
    contacts: [{ profile: { name: 'Kiran' }, wa_id: from }],
    messages: [{ from, id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } }],
  });

const status = (id: string, recipient: string, state: string, extra: Record<string, unknown> = {}) =>
  notifications.messages({
    wabaId: WABA_ID,
    phoneNumberId: PHONE_NUMBER_ID,
    displayPhoneNumber: DISPLAY_NUMBER,
    statuses: [{ id, status: state, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: recipient, ...extra }],
  });

describe('whatsapp_cloud channel', () => {
  it('is created with write-only secrets: sealed at rest, kept out of the stored request, a verify token shown once', async () => {
    const key = randomUUID();
    const made = await createChannel({}, { idempotencyKey: key });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      object: 'channel',
      provider: 'whatsapp_cloud',
      whatsapp: { phone_number_id: PHONE_NUMBER_ID, waba_id: WABA_ID, api_version: 'v21.0', base_url: cloud.url, access_token_hint: cloud.accessToken.slice(-4) },
    });
    expect(made.body.whatsapp.webhook_url).toMatch(new RegExp(`/v1/channels/${made.body.id}/whatsapp/webhook$`));
    expect(made.body.verify_token).toMatch(/^wavt_[A-Za-z0-9_-]{32}$/);
    expect(made.body.signing_secret).toMatch(/^chsec_/);
    expect(made.text).not.toContain(cloud.accessToken);
    expect(made.text).not.toContain(APP_SECRET);

    const shown = await api.get(`/v1/channels/${made.body.id}`);
    expect(shown.body).not.toHaveProperty('verify_token');
    expect(shown.text).not.toContain(cloud.accessToken);
    const replay = await createChannel({}, { idempotencyKey: key });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toMatchObject({ id: made.body.id, verify_token: null, signing_secret: null });
    // another token under the same key is another request
    const other = await createChannel({ access_token: `${cloud.accessToken}x` }, { idempotencyKey: key });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(other.text).not.toContain(cloud.accessToken);

    const [row] = await sql<Record<string, string>>('select whatsapp_access_token, whatsapp_app_secret, whatsapp_verify_token from channels where id = ?', [made.body.id]);
    for (const sealed of Object.values(row)) expect(sealed).toMatch(/^enc1:/);
    expect(JSON.stringify(row)).not.toContain(cloud.accessToken);
    const stored = await sql<{ request: string }>(`select request::text as request from idempotency_keys where workspace_id = ? and operation_id = 'createChannel'`, [ws.workspaceId]);
    expect(stored.length).toBeGreaterThan(0);
    for (const r of stored) {
      expect(r.request).not.toContain(cloud.accessToken);
      expect(r.request).not.toContain(APP_SECRET);
      expect(r.request).not.toContain(made.body.verify_token);
    }

    // a verify token given is the one shown
    const given = `my-verify-${randomBytes(6).toString('hex')}`;
    const withToken = await createChannel({ verify_token: given, api_version: 'v22.0' });
    expect(withToken.body).toMatchObject({ verify_token: given, whatsapp: { api_version: 'v22.0' } });
  });

  it('refuses a base URL the guarded sender may not call, settings that are missing, and the test side', async () => {
    const privateHost = await createChannel({ base_url: 'http://10.0.0.7' });
    expect(privateHost.status).toBe(422);
    expect(privateHost.body).toMatchObject({ code: 'channel_url_not_allowed', errors: [{ pointer: '/whatsapp/base_url' }] });
    const missing = await api.post('/v1/channels', { body: { name: 'no settings', provider: 'whatsapp_cloud' } });
    expect(missing.status).toBe(400);
    const testKey = (await createApiKey(await db(), { workspaceId: await testSideOf(await db(), ws.workspaceId), scopes: ALL_SCOPES })).secret;
    const onTest = await createChannel({}, { key: testKey });
    expect(onTest.status).toBe(422);
    expect(onTest.body.code).toBe('test_mode_provider_not_allowed');
  });

  it('sends a text message with the body the builders make and stores the wamid', async () => {
    const { id, phone: number } = await conversation();
    const message = await send(id, { type: 'text', text: 'Your order ships today' });
    const sent = await settled(message.id);
    expect(sent.body.status).toBe('sent');
    expect(sent.body.provider_message_id).toMatch(/^wamid\./);
    const [request] = messageRequests(number.slice(1));
    expect(request.headers.authorization).toBe(`Bearer ${cloud.accessToken}`);
    expect(request.json).toEqual({ messaging_product: 'whatsapp', recipient_type: 'individual', to: number.slice(1), type: 'text', text: { preview_url: false, body: 'Your order ships today' } });
    // no simulated receipts: only the provider's notifications move it on
    await new Promise((r) => setTimeout(r, 1500));
    expect((await api.get(`/v1/messages/${message.id}`)).body.status).toBe('sent');
  });

  it('sends a template by its name and language with its parameters as the body parameters', async () => {
    const name = `order_update_${randomBytes(4).toString('hex')}`;
    const template = await api.post('/v1/templates', { body: { name, language: 'en', category: 'utility', body: 'Hi {{1}}, order {{2}} ships today' } });
    expect(template.status).toBe(201);
    const { id, phone: number } = await conversation();
    const message = await send(id, { type: 'template', template_id: template.body.id, parameters: ['Asha', '#42'] });
    const sent = await settled(message.id);
    expect(sent.body).toMatchObject({ status: 'sent', text: 'Hi Asha, order #42 ships today' });
    expect(sent.body.provider_message_id).toMatch(/^wamid\./);
    expect(messageRequests(number.slice(1)).map((r) => r.json)).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: number.slice(1),
        type: 'template',
        template: { name, language: { code: 'en' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Asha' }, { type: 'text', text: '#42' }] }] },
      },
    ]);
  });

  it('fails a message at once on a refusal (131047) with the mapped failure_code', async () => {
    const { id, phone: number } = await conversation();
    cloud.failNext({ code: 131047, httpStatus: 400, message: 'Re-engagement message', details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' });
    const message = await send(id, { type: 'text', text: 'Are you still there?' });
    const failed = await settled(message.id);
    expect(failed.body).toMatchObject({ status: 'failed', failure_code: 'outside_customer_service_window', provider_message_id: null });
    expect(failed.body.failure_reason).toContain('(#131047)');
    expect(messageRequests(number.slice(1))).toHaveLength(1);
    const events = await sql<{ type: string }>('select type from events where object_id = ? order by sequence', [message.id]);
    expect(events.map((e) => e.type)).toEqual(['message.queued', 'message.failed']);
  });

  it('retries throttling (130429) no sooner than its Retry-After, then sends', async () => {
    const { id, phone: number } = await conversation();
    cloud.failNext({ code: 130429, httpStatus: 400, message: 'Rate limit hit', headers: { 'Retry-After': '3' } });
    const message = await send(id, { type: 'text', text: 'Second try' });
    const sent = await settled(message.id);
    expect(sent.body).toMatchObject({ status: 'sent', failure_code: null });
    expect(messageRequests(number.slice(1))).toHaveLength(2);
    // the first backoff step is 1 s: the provider's 3 s were waited instead
    expect(Date.parse(sent.body.sent_at) - Date.parse(sent.body.queued_at)).toBeGreaterThanOrEqual(3000);
  });

  it('refuses media messages on the channel for now', async () => {
    const { id } = await conversation();
    const res = await api.post(`/v1/conversations/${id}/messages`, { body: { type: 'media', file_id: `fil_${'0'.repeat(26)}` } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('message_type_not_supported');
  });

  it('answers the verification handshake with the channel verify token only', async () => {
    const path = (token: string, mode = 'subscribe') => `${webhook()}?hub.mode=${mode}&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`;
    const ok = await call('GET', path(channel.verify_token));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(ok.text).toBe('1158201444');
    for (const refused of [await call('GET', path('wrong-token')), await call('GET', path(channel.verify_token, 'unsubscribe'))]) {
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('webhook_verification_failed');
    }
    // another provider's channel has no webhook here, alike
    const sandbox = await api.post('/v1/channels', { body: { name: 'sandbox', provider: 'sandbox' } });
    const other = await call('GET', `/v1/channels/${sandbox.body.id}/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=${channel.verify_token}&hub.challenge=1`);
    expect(other.status).toBe(403);
    // Meta's own request, from the stand-in
    const meta = await cloud.verifyCallback(`${stack().apiUrl}${webhook()}`, channel.verify_token, { challenge: '987654' });
    expect(meta).toEqual({ status: 200, body: '987654' });
  });

  it('turns a signed inbound message into a contact, a conversation and a message, once', async () => {
    const from = phone().slice(1);
    const id = wamid();
    const notification = inbound(from, id, 'Where is my order? ✨');
    const first = await deliver(notification);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ object: 'whatsapp_notification', statuses_applied: 0, ignored: 0 });
    expect(first.body.messages_received).toHaveLength(1);
    const message = await api.get(`/v1/messages/${first.body.messages_received[0]}`);
    expect(message.body).toMatchObject({ direction: 'inbound', status: 'received', text: 'Where is my order? ✨', provider_message_id: id, channel_id: channel.id });
    const contact = await api.get(`/v1/contacts/${message.body.contact_id}`);
    expect(contact.body.phone).toBe(`+${from}`);
    const convo = await api.get(`/v1/conversations/${message.body.conversation_id}`);
    expect(convo.body).toMatchObject({ status: 'open', channel_id: channel.id });
    expect(convo.body.service_window_ends_at).not.toBeNull();
    const events = await api.get('/v1/events?type=message.received');
    expect(events.body.data.map((e: { data: { object: { id: string } } }) => e.data.object.id)).toContain(message.body.id);

    // the same bytes again: the first answer, nothing new
    const replay = await deliver(notification);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    // the same message inside another notification: recognised by its wamid
    const rewrapped = inbound(from, id, 'Where is my order? ✨');
    (rewrapped.entry[0].changes[0].value as { contacts: unknown[] }).contacts.push({ profile: { name: 'Someone else' }, wa_id: '15550000000' });
    const again = await deliver(rewrapped);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(again.body.messages_received).toEqual(first.body.messages_received);
    const rows = await sql<{ n: number }>('select count(*)::int as n from messages where provider_message_id = ?', [id]);
    expect(rows[0].n).toBe(1);

    // the stand-in delivers as Meta does, to the real route
    const viaMeta = await cloud.deliver(`${stack().apiUrl}${webhook()}`, APP_SECRET, inbound(from, wamid(), 'And another thing'));
    expect(viaMeta.status).toBe(200);
    expect(JSON.parse(viaMeta.body).messages_received).toHaveLength(1);
  });

  it('refuses a tampered, unsigned or wrongly keyed notification with 401 before reading it', async () => {
    const id = wamid();
    const notification = inbound(phone().slice(1), id, 'Hello');
    const tampered = await deliver(notification, { tamper: (raw) => raw.replace('Hello', 'Hellp') });
    const unsigned = await deliver(notification, { signature: null });
    const wrongKey = await deliver(notification, { secret: 'not-the-app-secret' });
    const notJson = await call('POST', webhook(), { rawBody: '{not json', headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': 'sha256=' + '0'.repeat(64) } });
    for (const res of [tampered, unsigned, wrongKey, notJson]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('invalid_signature');
    }
    // a sandbox channel has no app secret: the same refusal
    const sandbox = await api.post('/v1/channels', { body: { name: 'sandbox', provider: 'sandbox' } });
    expect((await deliver(notification, { channelId: sandbox.body.id })).status).toBe(401);
    const rows = await sql<{ n: number }>('select count(*)::int as n from messages where provider_message_id = ?', [id]);
    expect(rows[0].n).toBe(0);
    // signed but not a notification
    const malformed = await deliver({ object: 'page', entry: [] });
    expect(malformed.status).toBe(400);
    // a change not in the documented shape is counted, and the rest of the notification still counts
    const good = inbound(phone().slice(1), id, 'Hello');
    good.entry[0].changes.unshift({ field: 'messages', value: { messaging_product: 'whatsapp', messages: [{ id: 'x' }] } as never });
    const partly = await deliver(good);
    expect(partly.status).toBe(200);
    expect(partly.body).toMatchObject({ ignored: 1, statuses_applied: 0 });
    expect(partly.body.messages_received).toHaveLength(1);
  });

  it('moves a sent message by its status notifications and stores the pricing', async () => {
    const { id, phone: number } = await conversation();
    const message = await send(id, { type: 'text', text: 'Delivered?' });
    const sent = await settled(message.id);
    const pricing = { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' };
    const delivered = await deliver(status(sent.body.provider_message_id, number.slice(1), 'delivered', { pricing, conversation: { id: 'c0ffee', origin: { type: 'utility' } } }));
    expect(delivered.status).toBe(200);
    expect(delivered.body).toEqual({ object: 'whatsapp_notification', messages_received: [], statuses_applied: 1, quality_updates_applied: 0, ignored: 0 });
    const shown = await api.get(`/v1/messages/${message.id}`);
    expect(shown.body).toMatchObject({ status: 'delivered', pricing: { category: 'utility', billable: true, pricing_model: 'PMP' } });
    const read = await deliver(status(sent.body.provider_message_id, number.slice(1), 'read'));
    expect(read.body.statuses_applied).toBe(1);
    expect((await api.get(`/v1/messages/${message.id}`)).body.status).toBe('read');
    const events = await sql<{ type: string }>('select type from events where object_id = ? order by sequence', [message.id]);
    expect(events.map((e) => e.type)).toEqual(['message.queued', 'message.sent', 'message.delivered', 'message.read']);

    // a failed status carries the Cloud API's code, mapped
    const other = await conversation();
    const second = await send(other.id, { type: 'text', text: 'Will fail later' });
    const secondSent = await settled(second.id);
    const failed = await deliver(status(secondSent.body.provider_message_id, other.phone.slice(1), 'failed', { errors: [{ code: 131026, title: 'Message undeliverable', error_data: { details: 'Receiver is incapable of receiving this message' } }] }));
    expect(failed.body.statuses_applied).toBe(1);
    const failedShown = await api.get(`/v1/messages/${second.id}`);
    expect(failedShown.body).toMatchObject({ status: 'failed', failure_code: 'recipient_undeliverable' });
    expect(failedShown.body.failure_reason).toContain('Receiver is incapable');

    // a status for a message this channel never sent, and another number's changes, change nothing
    const unknown = await deliver(status(wamid(), number.slice(1), 'delivered'));
    expect(unknown.body).toMatchObject({ statuses_applied: 0, ignored: 1 });
    const elsewhere = notifications.messages({ wabaId: WABA_ID, phoneNumberId: '999999999', displayPhoneNumber: DISPLAY_NUMBER, statuses: [{ id: sent.body.provider_message_id, status: 'failed', timestamp: '1', recipient_id: number.slice(1) }] });
    expect((await deliver(elsewhere)).body).toMatchObject({ statuses_applied: 0, ignored: 1 });
    expect((await api.get(`/v1/messages/${message.id}`)).body.status).toBe('read');
  });
});
