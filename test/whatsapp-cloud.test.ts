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

const templateRequests = () => cloud.requests.filter((r) => r.path === `/v21.0/${WABA_ID}/message_templates`);

/** A template reviewed by the channel's business account: created, its submission seen by the stand-in, and its id. */
async function submittedTemplate(body: Record<string, unknown>): Promise<{ template: { id: string; name: string }; providerId: number; submitted: RecordedRequest }> {
  const before = templateRequests().length;
  const made = await api.post('/v1/templates', { body: { channel_id: channel.id, ...body } });
  expect(made.status).toBe(201);
  expect(made.body).toMatchObject({ status: 'pending', status_reason: null, channel_id: channel.id });
  await waitFor(async () => templateRequests().slice(before).find((r) => (r.json as { name?: string }).name === body.name), Boolean, 20_000);
  const submitted = templateRequests().slice(before).find((r) => (r.json as { name?: string }).name === body.name)!;
  // the stand-in's answer id is recorded on the template before the notification is needed; both ways are tested below
  const [row] = await waitFor(() => sql<{ provider_template_id: string | null }>('select provider_template_id from templates where id = ?', [made.body.id]), (rows) => !!rows[0]?.provider_template_id, 20_000);
  return { template: made.body, providerId: Number(row.provider_template_id), submitted };
}

const templateStatus = (t: { name: string }, providerId: number, event: string, reason = 'NONE', language = 'en') =>
  notifications.templateStatus({ wabaId: WABA_ID, time: Math.floor(Date.now() / 1000), templateId: providerId, name: t.name, language, event, reason });

async function approvedTemplate(body: Record<string, unknown>): Promise<{ id: string; name: string }> {
  const { template, providerId } = await submittedTemplate(body);
  const approved = await deliver(templateStatus(template, providerId, 'APPROVED', 'NONE', String(body.language)));
  expect(approved.body).toMatchObject({ statuses_applied: 1, ignored: 0 });
  return template;
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
    const template = await approvedTemplate({ name, language: 'en', category: 'utility', body: 'Hi {{1}}, order {{2}} ships today' });
    const { id, phone: number } = await conversation();
    const message = await send(id, { type: 'template', template_id: template.id, parameters: ['Asha', '#42'] });
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

describe('a status that comes before its send is recorded', () => {
  it('is held and applied, pricing included, when the sender records the wamid it names', async () => {
    const { id, phone: number } = await conversation();
    const early = wamid();
    const pricing = { billable: true, pricing_model: 'PMP', category: 'service', type: 'regular' };
    const held = await deliver(status(early, number.slice(1), 'delivered', { pricing }));
    expect(held.body).toMatchObject({ statuses_applied: 0, ignored: 1 });
    expect(await sql('select status from whatsapp_early_statuses where provider_message_id = ?', [early])).toEqual([{ status: 'delivered' }]);
    // the Cloud API's answer to the send names the wamid the status already did
    cloud.answerNextRaw(200, JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: number.slice(1), wa_id: number.slice(1) }], messages: [{ id: early }] }));
    const message = await send(id, { type: 'text', text: 'Early bird' });
    const shown = await waitFor(() => api.get(`/v1/messages/${message.id}`), (r) => r.body.status === 'delivered', 20_000);
    expect(shown.body).toMatchObject({ status: 'delivered', provider_message_id: early, pricing: { category: 'service', billable: true, pricing_model: 'PMP' } });
    expect(shown.body.sent_at).not.toBeNull();
    const events = await sql<{ type: string }>('select type from events where object_id = ? order by sequence', [message.id]);
    expect(events.map((e) => e.type)).toEqual(['message.queued', 'message.sent', 'message.delivered']);
    expect(await sql('select status from whatsapp_early_statuses where provider_message_id = ?', [early])).toEqual([]);
  });
});

describe('templates reviewed by the business account', () => {
  it('submits the template with its components, refuses sends until approved, and follows every status notification', async () => {
    const name = `shipping_${randomBytes(4).toString('hex')}`;
    const { template, providerId, submitted } = await submittedTemplate({
      name,
      language: 'en_US',
      category: 'utility',
      parameter_format: 'named',
      body: 'Hi {{first_name}}, order {{order_id}} ships today',
      header: { format: 'text', text: 'Order {{order_id}}' },
      footer: 'Reply STOP to opt out',
      buttons: [
        { type: 'url', text: 'Track', url: 'https://shop.example/track/{{1}}' },
        { type: 'quick_reply', text: 'Thanks' },
        { type: 'phone_number', text: 'Call us', phone_number: '+919876543210' },
      ],
    });
    expect(submitted.headers.authorization).toBe(`Bearer ${cloud.accessToken}`);
    expect(submitted.json).toEqual({
      name,
      language: 'en_US',
      category: 'UTILITY',
      parameter_format: 'NAMED',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Order {{order_id}}', example: { header_text_named_params: [{ param_name: 'order_id', example: 'sample order_id' }] } },
        {
          type: 'BODY',
          text: 'Hi {{first_name}}, order {{order_id}} ships today',
          example: { body_text_named_params: [{ param_name: 'first_name', example: 'sample first_name' }, { param_name: 'order_id', example: 'sample order_id' }] },
        },
        { type: 'FOOTER', text: 'Reply STOP to opt out' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'URL', text: 'Track', url: 'https://shop.example/track/{{1}}', example: ['https://shop.example/track/sample'] },
            { type: 'QUICK_REPLY', text: 'Thanks' },
            { type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+919876543210' },
          ],
        },
      ],
    });

    const { id, phone: number } = await conversation();
    const values = { type: 'template', template_id: template.id, named_parameters: { first_name: 'Asha', order_id: '#42' }, button_parameters: [{ index: 0, text: 'A42' }] };
    const early = await api.post(`/v1/conversations/${id}/messages`, { body: values });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'template_not_approved', errors: [{ pointer: '/template_id', code: 'template_not_approved' }] });

    const approvedNotification = templateStatus(template, providerId, 'APPROVED', 'NONE', 'en_US');
    const approved = await deliver(approvedNotification);
    expect(approved.body).toMatchObject({ statuses_applied: 1, ignored: 0 });
    expect((await api.get(`/v1/templates/${template.id}`)).body).toMatchObject({ status: 'approved', status_reason: null });
    // Meta sends the same notification again: answered as before, and nothing moves twice (the events below)
    const again = await deliver(approvedNotification);
    expect(again.body).toEqual(approved.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    // what the template has no place for, or leaves unfilled, is refused with a pointer
    for (const [body, pointer] of [
      [{ ...values, named_parameters: { first_name: 'Asha' } }, '/named_parameters'],
      [{ ...values, named_parameters: { ...values.named_parameters, coupon: 'X' } }, '/named_parameters/coupon'],
      [{ ...values, parameters: ['Asha'] }, '/parameters'],
      [{ ...values, button_parameters: [] }, '/button_parameters'],
      [{ ...values, button_parameters: [{ index: 1, text: 'x' }] }, '/button_parameters/0/index'],
      [{ ...values, header_parameter: 'x' }, '/header_parameter'],
    ] as const) {
      const refused = await api.post(`/v1/conversations/${id}/messages`, { body });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'template_parameters_mismatch', errors: [{ pointer }] });
    }

    const message = await send(id, values);
    const sent = await settled(message.id);
    expect(sent.body).toMatchObject({ status: 'sent', text: 'Hi Asha, order #42 ships today', parameters: [], template_arguments: { named_parameters: { first_name: 'Asha', order_id: '#42' }, button_parameters: [{ index: 0, text: 'A42' }] } });
    expect(messageRequests(number.slice(1)).map((r) => r.json)).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: number.slice(1),
        type: 'template',
        template: {
          name,
          language: { code: 'en_US' },
          components: [
            { type: 'header', parameters: [{ type: 'text', text: '#42', parameter_name: 'order_id' }] },
            { type: 'body', parameters: [{ type: 'text', text: 'Asha', parameter_name: 'first_name' }] },
            { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'A42' }] },
          ],
        },
      },
    ]);

    // WhatsApp pauses it for quality: sends are refused again, until it is reinstated
    expect((await deliver(templateStatus(template, providerId, 'PAUSED', 'LOW_QUALITY', 'en_US'))).body.statuses_applied).toBe(1);
    expect((await api.get(`/v1/templates/${template.id}`)).body).toMatchObject({ status: 'paused', status_reason: 'LOW_QUALITY' });
    expect((await api.post(`/v1/conversations/${id}/messages`, { body: values })).body.code).toBe('template_not_approved');
    expect((await deliver(templateStatus(template, providerId, 'REINSTATED', 'NONE', 'en_US'))).body.statuses_applied).toBe(1);
    const events = await sql<{ type: string; previous: Record<string, unknown> | null }>('select type, previous_attributes as previous from events where object_id = ? order by sequence', [template.id]);
    expect(events.map((e) => e.type)).toEqual(['template.created', 'template.approved', 'template.paused', 'template.approved']);
    expect(events[2].previous).toEqual({ status: 'approved', status_reason: null });

    // out of order: WhatsApp pauses it again, then a retried APPROVED from an hour before arrives; the pause stands
    const now = Math.floor(Date.now() / 1000);
    const at = (time: number, event: string, reason: string) =>
      notifications.templateStatus({ wabaId: WABA_ID, time, templateId: providerId, name: template.name, language: 'en_US', event, reason });
    expect((await deliver(at(now + 60, 'PAUSED', 'LOW_QUALITY'))).body).toMatchObject({ statuses_applied: 1, ignored: 0 });
    expect((await deliver(at(now - 3600, 'APPROVED', 'NONE'))).body).toMatchObject({ statuses_applied: 0, ignored: 1 });
    expect((await api.get(`/v1/templates/${template.id}`)).body).toMatchObject({ status: 'paused', status_reason: 'LOW_QUALITY' });
    expect((await deliver(at(now + 120, 'REINSTATED', 'NONE'))).body).toMatchObject({ statuses_applied: 1, ignored: 0 });
    expect((await api.get(`/v1/templates/${template.id}`)).body).toMatchObject({ status: 'approved', status_reason: null });
  });

  it("sends a template's image header as a file uploaded once, and refuses a file of another kind", async () => {
    const name = `receipt_${randomBytes(4).toString('hex')}`;
    const template = await approvedTemplate({ name, language: 'en', category: 'utility', body: 'Your receipt for order {{1}}', header: { format: 'image' } });
    const form = new FormData();
    form.append('file', new Blob([Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200)])], { type: 'image/png' }), 'receipt.png');
    const image = await api.post('/v1/files', { rawBody: form });
    expect(image.status).toBe(201);
    const pdfForm = new FormData();
    pdfForm.append('file', new Blob([Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(200)])], { type: 'application/pdf' }), 'receipt.pdf');
    const pdf = await api.post('/v1/files', { rawBody: pdfForm });
    expect(pdf.status).toBe(201);
    const uploads = () => cloud.requests.filter((r) => r.path === `/v21.0/${PHONE_NUMBER_ID}/media`).length;
    const before = uploads();

    const { id } = await conversation();
    const wrongKind = await api.post(`/v1/conversations/${id}/messages`, { body: { type: 'template', template_id: template.id, parameters: ['#7'], header_file_id: pdf.body.id } });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body).toMatchObject({ code: 'media_type_not_supported', errors: [{ pointer: '/header_file_id' }] });

    const sends = [];
    for (const order of ['#7', '#8']) {
      const { id: conv, phone: number } = await conversation();
      const message = await send(conv, { type: 'template', template_id: template.id, parameters: [order], header_file_id: image.body.id });
      expect((await settled(message.id)).body.status).toBe('sent');
      sends.push({ number, order });
    }
    // one upload for both sends, and each carries the media id in its header component
    expect(uploads()).toBe(before + 1);
    const mediaId = (await sql<{ media_id: string }>('select media_id from whatsapp_media where file_id = ?', [image.body.id]))[0].media_id;
    for (const { number, order } of sends) {
      expect(messageRequests(number.slice(1)).map((r) => (r.json as { template: unknown }).template)).toEqual([
        {
          name,
          language: { code: 'en' },
          components: [
            { type: 'header', parameters: [{ type: 'image', image: { id: mediaId } }] },
            { type: 'body', parameters: [{ type: 'text', text: order }] },
          ],
        },
      ]);
    }
  });

  it('records a rejection with its reason and refuses the template at send; an edit submits it again, keeping its name', async () => {
    const name = `promo_${randomBytes(4).toString('hex')}`;
    const { template, providerId } = await submittedTemplate({ name, language: 'en', category: 'marketing', body: 'Sale! {{1}} off' });
    const rejected = await deliver(templateStatus(template, providerId, 'REJECTED', 'INVALID_FORMAT'));
    expect(rejected.body.statuses_applied).toBe(1);
    expect((await api.get(`/v1/templates/${template.id}`)).body).toMatchObject({ status: 'rejected', status_reason: 'INVALID_FORMAT' });
    const { id } = await conversation();
    const refused = await api.post(`/v1/conversations/${id}/messages`, { body: { type: 'template', template_id: template.id, parameters: ['20%'] } });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('template_not_approved');
    expect(refused.body.detail).toContain('INVALID_FORMAT');

    const renamed = await api.patch(`/v1/templates/${template.id}`, { body: { language: 'en_US' } });
    expect(renamed.status).toBe(422);
    expect(renamed.body).toMatchObject({ code: 'template_not_editable', errors: [{ pointer: '/language' }] });
    const edited = await api.patch(`/v1/templates/${template.id}`, { body: { body: 'Sale today: {{1}} off everything' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'pending', status_reason: null });
    const edit = await waitFor(async () => cloud.requests.find((r) => r.path === `/v21.0/${providerId}`), Boolean, 20_000);
    expect(edit!.json).toEqual({ category: 'MARKETING', components: [{ type: 'BODY', text: 'Sale today: {{1}} off everything', example: { body_text: [['sample 1']] } }] });
    expect((await deliver(templateStatus(template, providerId, 'APPROVED'))).body.statuses_applied).toBe(1);
    expect((await api.get(`/v1/templates/${template.id}`)).body.status).toBe('approved');
  });

  it('finds a template by name and language when its status comes before its id was recorded', async () => {
    const name = `early_${randomBytes(4).toString('hex')}`;
    const { template } = await submittedTemplate({ name, language: 'en', category: 'utility', body: 'Your code is ready' });
    // as if the submission had not recorded its answer yet: the notification carries WhatsApp's id, and the template takes it
    await sql('update templates set provider_template_id = null where id = ?', [template.id]);
    const approved = await deliver(templateStatus(template, 987654321, 'APPROVED'));
    expect(approved.body.statuses_applied).toBe(1);
    const [row] = await sql<{ status: string; provider_template_id: string }>('select status, provider_template_id from templates where id = ?', [template.id]);
    expect(row).toEqual({ status: 'approved', provider_template_id: '987654321' });
  });

  it('rejects a template the Cloud API refuses at submission, with its code as the reason', async () => {
    const name = `refused_${randomBytes(4).toString('hex')}`;
    const before = templateRequests().length;
    cloud.failNext({ code: 100, httpStatus: 400, message: 'Invalid parameter', details: 'Invalid button text' });
    const made = await api.post('/v1/templates', { body: { channel_id: channel.id, name, language: 'en', category: 'utility', body: 'Hello' } });
    expect(made.status).toBe(201);
    const shown = await waitFor(() => api.get(`/v1/templates/${made.body.id}`), (r) => r.body.status !== 'pending', 20_000);
    expect(shown.body).toMatchObject({ status: 'rejected', status_reason: 'provider_invalid_parameter' });
    expect(templateRequests().length).toBe(before + 1);
  });

  it('refuses a template the sandbox approved, or another provider as reviewer', async () => {
    const sandboxApproved = await api.post('/v1/templates', { body: { name: `sbx_${randomBytes(4).toString('hex')}`, language: 'en', category: 'utility', body: 'Hello' } });
    expect(sandboxApproved.body.status).toBe('approved');
    const { id } = await conversation();
    const refused = await api.post(`/v1/conversations/${id}/messages`, { body: { type: 'template', template_id: sandboxApproved.body.id } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'template_not_approved' });
    expect(refused.body.detail).toContain('Business Account');
    const sandboxChannel = await api.post('/v1/channels', { body: { name: 'sandbox', provider: 'sandbox' } });
    const wrongReviewer = await api.post('/v1/templates', { body: { channel_id: sandboxChannel.body.id, name: `x_${randomBytes(4).toString('hex')}`, language: 'en', category: 'utility', body: 'Hello' } });
    expect(wrongReviewer.status).toBe(422);
    expect(wrongReviewer.body).toMatchObject({ code: 'channel_cannot_review', errors: [{ pointer: '/channel_id' }] });
  });
});
