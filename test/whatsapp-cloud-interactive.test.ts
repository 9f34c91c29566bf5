// Interactive messages (reply buttons and lists) through the message API: validated at creation against WhatsApp's
// documented limits, shown on the message and its events, sent with the Cloud API's exact body by whatsapp_cloud
// channels (against the local stand-in), in the JSON of http channels, and by the sandbox within the service window.
// A customer's tap comes back as an inbound message naming the reply id. Nothing here leaves 127.0.0.1.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { call, client } from './support/client';
import { closeDb, newWorkspace, sql } from './support/stack';
import { waitFor } from './support/wait';
import { metaJson, notifications, start, type CloudApiStandIn } from './support/whatsapp-cloud-standin';
import { SIGNATURE_HEADER, signBody } from '../src/channels/signatures';

const PHONE_NUMBER_ID = '106540352242924';
const WABA_ID = '102290129340400';
const DISPLAY_NUMBER = '15550783882';
const APP_SECRET = `appsecret-${randomBytes(16).toString('hex')}`;

let ws: Awaited<ReturnType<typeof newWorkspace>>;
let api: ReturnType<typeof client>;
let cloud: CloudApiStandIn;
let whatsapp: { id: string };

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
  cloud = await start();
  const made = await api.post('/v1/channels', {
    body: { name: 'WhatsApp interactive (stand-in)', provider: 'whatsapp_cloud', whatsapp: { phone_number_id: PHONE_NUMBER_ID, waba_id: WABA_ID, access_token: cloud.accessToken, app_secret: APP_SECRET, base_url: cloud.url } },
  });
  expect(made.status).toBe(201);
  whatsapp = made.body;
});
afterAll(async () => {
  await cloud.close();
  await closeDb();
});

const BUTTONS = {
  type: 'button',
  header: { type: 'text', text: 'Order #42' },
  body: { text: 'Your order is ready. When should we deliver it?' },
  footer: { text: 'Reply to choose' },
  action: { buttons: [{ id: 'deliver_today', title: 'Today' }, { id: 'deliver_tomorrow', title: 'Tomorrow' }] },
};
const LIST = {
  type: 'list',
  header: { type: 'text', text: 'Delivery slots' },
  body: { text: 'Pick a time that suits you.' },
  action: {
    button: 'Choose a slot',
    sections: [
      { title: 'Tomorrow', rows: [{ id: 'slot_am', title: 'Morning', description: '9:00 to 12:00' }, { id: 'slot_pm', title: 'Afternoon' }] },
      { title: 'Friday', rows: [{ id: 'slot_fri', title: 'All day' }] },
    ],
  },
};

const phone = () => `+9196${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}`;

async function conversation(channelId: string): Promise<{ id: string; phone: string; contactId: string }> {
  const number = phone();
  const contact = await api.post('/v1/contacts', { body: { phone: number, first_name: 'Meera' } });
  expect(contact.status).toBe(201);
  const opened = await api.post('/v1/conversations', { body: { contact_id: contact.body.id, channel_id: channelId } });
  expect(opened.status).toBe(201);
  return { id: opened.body.id, phone: number, contactId: contact.body.id };
}

const create = (conversationId: string, interactive: unknown) => api.post(`/v1/conversations/${conversationId}/messages`, { body: { type: 'interactive', interactive } });
const settled = (id: string, states = ['sent', 'failed']) => waitFor(() => api.get(`/v1/messages/${id}`), (r) => states.includes(r.body.status), 30_000);
const sendsTo = (to: string) => cloud.requests.filter((r) => r.path === `/v21.0/${PHONE_NUMBER_ID}/messages` && (r.json as { to?: string } | null)?.to === to).map((r) => r.json);

/** A notification POSTed as Meta does, signed with the app secret. */
function deliver(notification: unknown) {
  const raw = metaJson(notification);
  const signature = `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`;
  return call('POST', `/v1/channels/${whatsapp.id}/whatsapp/webhook`, { rawBody: raw, headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature } });
}

describe('interactive messages', () => {
  it('sends reply buttons on a whatsapp_cloud channel with the exact Cloud API body, and shows them on the message and its events', async () => {
    const { id, phone: number } = await conversation(whatsapp.id);
    const created = await create(id, BUTTONS);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'interactive', text: BUTTONS.body.text, interactive: BUTTONS, interactive_reply: null, status: 'queued' });
    const sent = await settled(created.body.id);
    expect(sent.body).toMatchObject({ status: 'sent', interactive: BUTTONS });
    const to = number.slice(1);
    expect(sendsTo(to)).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to,
        type: 'interactive',
        interactive: {
          type: 'button',
          header: { type: 'text', text: 'Order #42' },
          body: { text: 'Your order is ready. When should we deliver it?' },
          footer: { text: 'Reply to choose' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: 'deliver_today', title: 'Today' } },
              { type: 'reply', reply: { id: 'deliver_tomorrow', title: 'Tomorrow' } },
            ],
          },
        },
      },
    ]);
    const events = await api.get(`/v1/events?type=message.queued`);
    const queued = events.body.data.find((e: { data: { object: { id: string } } }) => e.data.object.id === created.body.id);
    expect(queued.data.object).toMatchObject({ type: 'interactive', interactive: BUTTONS, interactive_reply: null });
  });

  it('sends a list with the exact Cloud API body', async () => {
    const { id, phone: number } = await conversation(whatsapp.id);
    const created = await create(id, LIST);
    expect(created.status).toBe(201);
    expect((await settled(created.body.id)).body.status).toBe('sent');
    const to = number.slice(1);
    expect(sendsTo(to)).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to,
        type: 'interactive',
        interactive: {
          type: 'list',
          header: { type: 'text', text: 'Delivery slots' },
          body: { text: 'Pick a time that suits you.' },
          action: {
            button: 'Choose a slot',
            sections: [
              { title: 'Tomorrow', rows: [{ id: 'slot_am', title: 'Morning', description: '9:00 to 12:00' }, { id: 'slot_pm', title: 'Afternoon' }] },
              { title: 'Friday', rows: [{ id: 'slot_fri', title: 'All day' }] },
            ],
          },
        },
      },
    ]);
  });

  it('refuses what breaks the documented limits, with the pointer of the field', async () => {
    const { id } = await conversation(whatsapp.id);
    const four = { ...BUTTONS, action: { buttons: [1, 2, 3, 4].map((n) => ({ id: `b${n}`, title: `Option ${n}` })) } };
    const tooMany = await create(id, four);
    expect(tooMany.status).toBe(400);
    expect(tooMany.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(tooMany.body.code).toBe('invalid_request');
    expect(tooMany.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/interactive/action/buttons' })]));

    const longTitle = await create(id, { ...BUTTONS, action: { buttons: [{ id: 'a', title: 'x'.repeat(21) }] } });
    expect(longTitle.status).toBe(400);
    expect(longTitle.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/interactive/action/buttons/0/title' })]));

    // rules across fields: 422 with the pointer the wire layer names
    const sameTitle = await create(id, { ...BUTTONS, action: { buttons: [{ id: 'a', title: 'Yes' }, { id: 'b', title: 'Yes' }] } });
    expect(sameTitle.status).toBe(422);
    expect(sameTitle.body).toMatchObject({ code: 'interactive_message_invalid', errors: [{ pointer: '/interactive/action/buttons/1/title', code: 'interactive_message_invalid' }] });
    const rows = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${i}` }));
    const elevenRows = await create(id, { ...LIST, action: { button: 'Pick', sections: [{ title: 'A', rows: rows(6, 'a') }, { title: 'B', rows: rows(5, 'b') }] } });
    expect(elevenRows.status).toBe(422);
    expect(elevenRows.body.errors).toEqual([{ pointer: '/interactive/action/sections/1/rows/4', code: 'interactive_message_invalid', message: expect.stringContaining('at most 10 rows') }]);
    const untitled = await create(id, { ...LIST, action: { button: 'Pick', sections: [{ rows: rows(1, 'a') }, { title: 'B', rows: rows(1, 'b') }] } });
    expect(untitled.status).toBe(422);
    expect(untitled.body.errors[0].pointer).toBe('/interactive/action/sections/0/title');
    const blank = await create(id, { ...BUTTONS, body: { text: '   ' } });
    expect(blank.status).toBe(422);
    expect(blank.body.errors[0].pointer).toBe('/interactive/body/text');
    const n = await sql<{ n: number }>(`select count(*)::int as n from messages where conversation_id = ?`, [id]);
    expect(n[0].n).toBe(0);
  });

  it('turns a tapped reply button and a picked list row into inbound messages naming the reply id', async () => {
    const from = phone().slice(1);
    const base = { from, timestamp: String(Math.floor(Date.now() / 1000)), type: 'interactive', context: { from: DISPLAY_NUMBER, id: 'wamid.ORIGINAL' } };
    const button = notifications.messages({
      wabaId: WABA_ID,
      phoneNumberId: PHONE_NUMBER_ID,
      displayPhoneNumber: DISPLAY_NUMBER,
      contacts: [{ profile: { name: 'Meera' }, wa_id: from }],
      messages: [
        { ...base, id: `wamid.${randomUUID()}`, interactive: { type: 'button_reply', button_reply: { id: 'deliver_tomorrow', title: 'Tomorrow' } } },
        { ...base, id: `wamid.${randomUUID()}`, interactive: { type: 'list_reply', list_reply: { id: 'slot_am', title: 'Morning', description: '9:00 to 12:00' } } },
      ],
    });
    const res = await deliver(button);
    expect(res.status).toBe(200);
    expect(res.body.messages_received).toHaveLength(2);
    const [tapped, picked] = await Promise.all(res.body.messages_received.map((m: string) => api.get(`/v1/messages/${m}`)));
    expect(tapped.body).toMatchObject({ direction: 'inbound', type: 'text', text: 'Tomorrow', interactive: null, interactive_reply: { type: 'button_reply', id: 'deliver_tomorrow' } });
    expect(picked.body).toMatchObject({ direction: 'inbound', text: 'Morning', interactive_reply: { type: 'list_reply', id: 'slot_am' } });
    const events = await api.get('/v1/events?type=message.received');
    const event = events.body.data.find((e: { data: { object: { id: string } } }) => e.data.object.id === tapped.body.id);
    expect(event.data.object.interactive_reply).toEqual({ type: 'button_reply', id: 'deliver_tomorrow' });
  });

  it('masks the texts of an interactive message without pii:read, keeping its shape and ids', async () => {
    const { id } = await conversation(whatsapp.id);
    const created = await create(id, BUTTONS);
    const { key } = await ws.keyWith(['messages:read']);
    const shown = await client(key).get(`/v1/messages/${created.body.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.text).toBe('[masked]');
    expect(shown.body.interactive).toEqual({
      type: 'button',
      header: { type: 'text', text: '[masked]' },
      body: { text: '[masked]' },
      footer: { text: '[masked]' },
      action: { buttons: [{ id: 'deliver_today', title: '[masked]' }, { id: 'deliver_tomorrow', title: '[masked]' }] },
    });
  });

  it('sandbox: refused outside the service window like text, sent within it; an http provider answers a tap with interactive_reply', async () => {
    const sandbox = await api.post('/v1/channels', { body: { name: 'sandbox', provider: 'sandbox' } });
    const secret = sandbox.body.signing_secret as string;
    const { id, phone: number } = await conversation(sandbox.body.id);
    const outside = await create(id, LIST);
    expect(outside.status).toBe(422);
    expect(outside.body).toMatchObject({ code: 'outside_service_window', errors: [{ pointer: '/type' }] });
    const raw = JSON.stringify({ from: number, text: 'Today', provider_message_id: `sbx-in-${randomUUID()}`, interactive_reply: { type: 'button_reply', id: 'deliver_today' } });
    const inbound = await client('', { headers: {} }).post(`/v1/channels/${sandbox.body.id}/inbound`, {
      key: null,
      rawBody: raw,
      headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signBody(secret, raw) },
    });
    expect(inbound.status).toBe(201);
    expect(inbound.body).toMatchObject({ text: 'Today', interactive_reply: { type: 'button_reply', id: 'deliver_today' } });
    const inside = await create(id, LIST);
    expect(inside.status).toBe(201);
    const delivered = await settled(inside.body.id, ['delivered', 'read']);
    expect(delivered.body).toMatchObject({ type: 'interactive', interactive: LIST, provider_message_id: `sbx_${inside.body.id}` });
  });

  it('http: the provider gets the interactive object in its JSON', async () => {
    const received: string[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(body);
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ provider_message_id: `prov-${received.length}` }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      const channel = await api.post('/v1/channels', { body: { name: 'http', provider: 'http', url: `http://127.0.0.1:${port}/messages` } });
      expect(channel.status).toBe(201);
      const { id, phone: number } = await conversation(channel.body.id);
      const created = await create(id, BUTTONS);
      expect(created.status).toBe(201);
      expect((await settled(created.body.id)).body.status).toBe('sent');
      expect(JSON.parse(received[0])).toEqual({
        id: created.body.id,
        to: number,
        type: 'interactive',
        text: BUTTONS.body.text,
        template_id: null,
        parameters: null,
        file_id: null,
        media_link: null,
        interactive: BUTTONS,
      });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
