// The wire layer of the whatsapp_cloud channel provider, over real HTTP against a local stand-in of the Cloud API
// (test/support/whatsapp-cloud-standin.ts) and a local callback receiver built from the webhook module. Nothing here
// leaves 127.0.0.1.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { inspect } from 'node:util';
import { WhatsAppCloudClient, type TemplateDefinition } from '../src/channels/whatsapp-cloud/client';
import { WhatsAppCloudError, classifyErrorCode, type ProviderProblemCode } from '../src/channels/whatsapp-cloud/errors';
import {
  InvalidMessageError,
  listMessage,
  mediaMessage,
  replyButtonsMessage,
  templateMessage,
  textMessage,
  type OutboundMessageBody,
} from '../src/channels/whatsapp-cloud/messages';
import {
  MalformedNotificationError,
  SIGNATURE_HEADER,
  answerHandshake,
  parseNotification,
  verifySignature,
  type WhatsAppEvent,
} from '../src/channels/whatsapp-cloud/webhook';
import { notifications, start, type CloudApiFailure, type CloudApiStandIn, type RecordedRequest } from './support/whatsapp-cloud-standin';

const PHONE_NUMBER_ID = '106540352242922';
const WABA_ID = '102290129340398';
const DISPLAY_NUMBER = '15550783881';
const APP_SECRET = `appsecret-${randomBytes(16).toString('hex')}`;
const VERIFY_TOKEN = `verify-${randomBytes(12).toString('hex')}`;

let cloud: CloudApiStandIn;
let client: WhatsAppCloudClient;
let receiver: { url: string; close(): Promise<void> };

/** The callback route as the inbound handler will run it: handshake on GET, signature then parse on POST. */
async function startReceiver(): Promise<{ url: string; close(): Promise<void> }> {
  const read = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  const server: Server = createServer((req, res) => {
    const reply = (status: number, body: unknown, type = 'application/json') =>
      res.writeHead(status, { 'content-type': type }).end(typeof body === 'string' ? body : JSON.stringify(body));
    if (req.method === 'GET') {
      const answer = answerHandshake(new URL(req.url ?? '/', 'http://receiver').searchParams, VERIFY_TOKEN);
      return answer.ok ? reply(200, answer.challenge, 'text/plain') : reply(403, { reason: answer.reason });
    }
    void read(req).then((raw) => {
      const check = verifySignature(APP_SECRET, raw, req.headers[SIGNATURE_HEADER]);
      if (!check.valid) return reply(401, { reason: check.reason });
      try {
        return reply(200, { events: parseNotification(JSON.parse(raw.toString('utf8'))) });
      } catch (err) {
        if (err instanceof MalformedNotificationError) return reply(400, { pointer: err.pointer });
        return reply(400, { pointer: null });
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/whatsapp/callback`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

beforeAll(async () => {
  cloud = await start();
  client = new WhatsAppCloudClient({ baseUrl: cloud.url, phoneNumberId: PHONE_NUMBER_ID, accessToken: cloud.accessToken, timeoutMs: 3000 });
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await cloud.close();
});

const lastRequest = (): RecordedRequest => cloud.requests[cloud.requests.length - 1];

async function sendAndRecord(body: OutboundMessageBody): Promise<RecordedRequest> {
  const before = cloud.requests.length;
  const sent = await client.sendMessage(body);
  expect(cloud.requests).toHaveLength(before + 1);
  expect(sent.wamid).toMatch(/^wamid\./);
  const req = lastRequest();
  expect(req.method).toBe('POST');
  expect(req.path).toBe(`/v21.0/${PHONE_NUMBER_ID}/messages`);
  expect(req.headers.authorization).toBe(`Bearer ${cloud.accessToken}`);
  expect(req.headers['content-type']).toBe('application/json');
  return req;
}

const env = (to = '+15551234567') => ({ messaging_product: 'whatsapp', recipient_type: 'individual', to });

describe('message bodies on the wire', () => {
  it('sends a text message with preview_url, a quoted reply and callback data, with the bearer token', async () => {
    const req = await sendAndRecord(
      textMessage({ to: '+15551234567', body: 'Your order shipped: https://shop.example/track/1', previewUrl: true, replyTo: 'wamid.IN1', callbackData: 'msg_01HZX' }),
    );
    expect(req.json).toEqual({
      ...env(),
      context: { message_id: 'wamid.IN1' },
      biz_opaque_callback_data: 'msg_01HZX',
      type: 'text',
      text: { preview_url: true, body: 'Your order shipped: https://shop.example/track/1' },
    });
  });

  it('defaults preview_url to false', async () => {
    const req = await sendAndRecord(textMessage({ to: '15551234567', body: 'hi' }));
    expect(req.json).toEqual({ ...env('15551234567'), type: 'text', text: { preview_url: false, body: 'hi' } });
  });

  it('reads the wamid from messages[0].id and the wa_id from contacts[0]', async () => {
    cloud.answerNextRaw(
      200,
      JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: '+1 555 000 1111', wa_id: '15550001111' }], messages: [{ id: 'wamid.HBgLMTU1NTAwMDExMTEVAgARGBI' }] }),
      { 'content-type': 'application/json' },
    );
    await expect(client.sendMessage(textMessage({ to: '+1 555 000 1111', body: 'x' }))).resolves.toEqual({ wamid: 'wamid.HBgLMTU1NTAwMDExMTEVAgARGBI', waId: '15550001111' });
  });

  it('sends a positional template with an image header, a quick-reply payload and a URL suffix', async () => {
    const req = await sendAndRecord(
      templateMessage({
        to: '+15551234567',
        name: 'order_shipped',
        language: 'en_US',
        header: { image: { link: 'https://cdn.example/parcel.jpg' } },
        body: ['Ana', 'SN-1042'],
        buttons: [
          { kind: 'quick_reply', index: 0, payload: 'stop_updates:SN-1042' },
          { kind: 'url', index: 1, suffix: 'SN-1042' },
        ],
      }),
    );
    expect(req.json).toEqual({
      ...env(),
      type: 'template',
      template: {
        name: 'order_shipped',
        language: { code: 'en_US' },
        components: [
          { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example/parcel.jpg' } }] },
          { type: 'body', parameters: [{ type: 'text', text: 'Ana' }, { type: 'text', text: 'SN-1042' }] },
          { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'stop_updates:SN-1042' }] },
          { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'SN-1042' }] },
        ],
      },
    });
  });

  it('sends a named template with a named text header', async () => {
    const req = await sendAndRecord(
      templateMessage({ to: '+15551234567', name: 'welcome', language: 'pt_BR', header: { text: 'Ana', name: 'first_name' }, body: { first_name: 'Ana', plan: 'Pro' } }),
    );
    expect(req.json).toEqual({
      ...env(),
      type: 'template',
      template: {
        name: 'welcome',
        language: { code: 'pt_BR' },
        components: [
          { type: 'header', parameters: [{ type: 'text', parameter_name: 'first_name', text: 'Ana' }] },
          {
            type: 'body',
            parameters: [
              { type: 'text', parameter_name: 'first_name', text: 'Ana' },
              { type: 'text', parameter_name: 'plan', text: 'Pro' },
            ],
          },
        ],
      },
    });
  });

  it('sends a template with an uploaded document header and a video header', async () => {
    const doc = await sendAndRecord(templateMessage({ to: '+15551234567', name: 'invoice', language: 'en', header: { document: { id: '4490709327384033' }, filename: 'INV-7.pdf' } }));
    expect(doc.json).toEqual({
      ...env(),
      type: 'template',
      template: { name: 'invoice', language: { code: 'en' }, components: [{ type: 'header', parameters: [{ type: 'document', document: { id: '4490709327384033', filename: 'INV-7.pdf' } }] }] },
    });
    const video = await sendAndRecord(templateMessage({ to: '+15551234567', name: 'promo', language: 'en', header: { video: { link: 'https://cdn.example/v.mp4' } } }));
    expect(video.json).toEqual({
      ...env(),
      type: 'template',
      template: { name: 'promo', language: { code: 'en' }, components: [{ type: 'header', parameters: [{ type: 'video', video: { link: 'https://cdn.example/v.mp4' } }] }] },
    });
  });

  it('sends a template without parameters with no components at all', async () => {
    const req = await sendAndRecord(templateMessage({ to: '+15551234567', name: 'hello_world', language: 'en_US' }));
    expect(req.json).toEqual({ ...env(), type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });
  });

  it.each<[string, OutboundMessageBody, Record<string, unknown>]>([
    ['image by id with a caption', mediaMessage({ to: '+15551234567', kind: 'image', media: { id: '1479537139650973' }, caption: 'Your receipt' }), { type: 'image', image: { id: '1479537139650973', caption: 'Your receipt' } }],
    [
      'document by link with a filename and caption',
      mediaMessage({ to: '+15551234567', kind: 'document', media: { link: 'https://cdn.example/terms.pdf' }, filename: 'terms.pdf', caption: 'Terms' }),
      { type: 'document', document: { link: 'https://cdn.example/terms.pdf', caption: 'Terms', filename: 'terms.pdf' } },
    ],
    ['video by link', mediaMessage({ to: '+15551234567', kind: 'video', media: { link: 'https://cdn.example/demo.mp4' } }), { type: 'video', video: { link: 'https://cdn.example/demo.mp4' } }],
    ['audio by id, without caption', mediaMessage({ to: '+15551234567', kind: 'audio', media: { id: '5512' } }), { type: 'audio', audio: { id: '5512' } }],
  ])('sends %s', async (_label, body, expected) => {
    const req = await sendAndRecord(body);
    expect(req.json).toEqual({ ...env(), ...expected });
  });

  it('sends interactive reply buttons', async () => {
    const req = await sendAndRecord(
      replyButtonsMessage({
        to: '+15551234567',
        header: { text: 'Delivery slot' },
        body: 'When should we come by?',
        footer: 'Reply within 24 h',
        buttons: [
          { id: 'slot_am', title: 'Morning' },
          { id: 'slot_pm', title: 'Afternoon' },
          { id: 'slot_none', title: 'Not this week' },
        ],
      }),
    );
    expect(req.json).toEqual({
      ...env(),
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Delivery slot' },
        body: { text: 'When should we come by?' },
        footer: { text: 'Reply within 24 h' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'slot_am', title: 'Morning' } },
            { type: 'reply', reply: { id: 'slot_pm', title: 'Afternoon' } },
            { type: 'reply', reply: { id: 'slot_none', title: 'Not this week' } },
          ],
        },
      },
    });
  });

  it('sends reply buttons under an image header', async () => {
    const req = await sendAndRecord(replyButtonsMessage({ to: '+15551234567', header: { image: { link: 'https://cdn.example/p.png' } }, body: 'Keep it?', buttons: [{ id: 'y', title: 'Yes' }] }));
    expect(req.json).toEqual({
      ...env(),
      type: 'interactive',
      interactive: { type: 'button', header: { type: 'image', image: { link: 'https://cdn.example/p.png' } }, body: { text: 'Keep it?' }, action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Yes' } }] } },
    });
  });

  it('sends an interactive list', async () => {
    const req = await sendAndRecord(
      listMessage({
        to: '+15551234567',
        header: 'Our menu',
        body: 'Pick one',
        footer: 'Prices include tax',
        button: 'See options',
        sections: [
          { title: 'Pizza', rows: [{ id: 'p1', title: 'Margherita', description: 'Tomato, basil' }, { id: 'p2', title: 'Diavola' }] },
          { title: 'Drinks', rows: [{ id: 'd1', title: 'Lemonade' }] },
        ],
      }),
    );
    expect(req.json).toEqual({
      ...env(),
      type: 'interactive',
      interactive: {
        type: 'list',
        header: { type: 'text', text: 'Our menu' },
        body: { text: 'Pick one' },
        footer: { text: 'Prices include tax' },
        action: {
          button: 'See options',
          sections: [
            { title: 'Pizza', rows: [{ id: 'p1', title: 'Margherita', description: 'Tomato, basil' }, { id: 'p2', title: 'Diavola' }] },
            { title: 'Drinks', rows: [{ id: 'd1', title: 'Lemonade' }] },
          ],
        },
      },
    });
  });
});

describe('builder limits', () => {
  const to = '+15551234567';
  const rows = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${prefix}${i}` }));
  const buttons = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `b${i}`, title: `Button ${i}` }));

  it.each<[string, () => unknown, string]>([
    ['a fourth reply button', () => replyButtonsMessage({ to, body: 'x', buttons: buttons(4) }), '/interactive/action/buttons/3'],
    ['no reply button', () => replyButtonsMessage({ to, body: 'x', buttons: [] }), '/interactive/action/buttons'],
    ['a 21-character button title', () => replyButtonsMessage({ to, body: 'x', buttons: [{ id: 'a', title: 'x'.repeat(21) }] }), '/interactive/action/buttons/0/reply/title'],
    ['a 257-character button id', () => replyButtonsMessage({ to, body: 'x', buttons: [{ id: 'i'.repeat(257), title: 'ok' }] }), '/interactive/action/buttons/0/reply/id'],
    ['two buttons with one title', () => replyButtonsMessage({ to, body: 'x', buttons: [{ id: 'a', title: 'Same' }, { id: 'b', title: 'Same' }] }), '/interactive/action/buttons/1/reply/title'],
    ['a 61-character header', () => replyButtonsMessage({ to, body: 'x', header: { text: 'h'.repeat(61) }, buttons: buttons(1) }), '/interactive/header/text'],
    ['a 1025-character interactive body', () => replyButtonsMessage({ to, body: 'b'.repeat(1025), buttons: buttons(1) }), '/interactive/body/text'],
    ['an eleventh row across sections', () => listMessage({ to, body: 'x', button: 'Open', sections: [{ title: 'A', rows: rows(6, 'a') }, { title: 'B', rows: rows(5, 'b') }] }), '/interactive/action/sections/1/rows/4'],
    ['a 25-character row title', () => listMessage({ to, body: 'x', button: 'Open', sections: [{ rows: [{ id: 'r', title: 't'.repeat(25) }] }] }), '/interactive/action/sections/0/rows/0/title'],
    ['a 73-character row description', () => listMessage({ to, body: 'x', button: 'Open', sections: [{ rows: [{ id: 'r', title: 'ok', description: 'd'.repeat(73) }] }] }), '/interactive/action/sections/0/rows/0/description'],
    ['a 21-character list button', () => listMessage({ to, body: 'x', button: 'b'.repeat(21), sections: [{ rows: rows(1, 'a') }] }), '/interactive/action/button'],
    ['an untitled section among several', () => listMessage({ to, body: 'x', button: 'Open', sections: [{ title: 'A', rows: rows(1, 'a') }, { rows: rows(1, 'b') }] }), '/interactive/action/sections/1/title'],
    ['an eleventh section', () => listMessage({ to, body: 'x', button: 'Open', sections: Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: rows(1, `s${i}-`) })) }), '/interactive/action/sections/10'],
    ['a repeated row id', () => listMessage({ to, body: 'x', button: 'Open', sections: [{ title: 'A', rows: [{ id: 'r', title: 'one' }] }, { title: 'B', rows: [{ id: 'r', title: 'two' }] }] }), '/interactive/action/sections/1/rows/0/id'],
    ['an empty text', () => textMessage({ to, body: '  ' }), '/text/body'],
    ['a 4097-character text', () => textMessage({ to, body: 't'.repeat(4097) }), '/text/body'],
    ['no recipient', () => textMessage({ to: '', body: 'x' }), '/to'],
    ['a 1025-character caption', () => mediaMessage({ to, kind: 'image', media: { id: '1' }, caption: 'c'.repeat(1025) }), '/image/caption'],
    ['both an id and a link', () => mediaMessage({ to, kind: 'image', media: { id: '1', link: 'https://cdn.example/a.png' } as unknown as { id: string } }), '/image'],
    ['a link that is not http(s)', () => mediaMessage({ to, kind: 'document', media: { link: 'ftp://files.example/a.pdf' } }), '/document/link'],
    ['a named parameter that is no variable name', () => templateMessage({ to, name: 't', language: 'en', body: { 'First Name': 'Ana' } }), '/template/components/0/parameters/0/parameter_name'],
    ['an empty positional parameter', () => templateMessage({ to, name: 't', language: 'en', header: { text: 'H' }, body: ['ok', ''] }), '/template/components/1/parameters/1/text'],
    ['a template button index past 9', () => templateMessage({ to, name: 't', language: 'en', body: ['x'], buttons: [{ kind: 'url', index: 10, suffix: 's' }] }), '/template/components/1/index'],
    ['a 61-character header parameter', () => templateMessage({ to, name: 't', language: 'en', header: { text: 'h'.repeat(61) } }), '/template/components/0/parameters/0/text'],
    ['a 1025-character body parameter beside a header', () => templateMessage({ to, name: 't', language: 'en', header: { text: 'H' }, body: ['b'.repeat(1025)] }), '/template/components/1/parameters/0/text'],
    ['a 32769-character body parameter', () => templateMessage({ to, name: 't', language: 'en', body: ['b'.repeat(32_769)] }), '/template/components/0/parameters/0/text'],
    ['a template button given twice', () => templateMessage({ to, name: 't', language: 'en', buttons: [{ kind: 'quick_reply', index: 0, payload: 'a' }, { kind: 'quick_reply', index: 0, payload: 'b' }] }), '/template/components/1/index'],
    ['a 513-character callback reference', () => textMessage({ to, body: 'x', callbackData: 'c'.repeat(513) }), '/biz_opaque_callback_data'],
  ])('refuses %s, naming the field', (_label, build, pointer) => {
    let thrown: unknown;
    try {
      build();
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(InvalidMessageError);
    expect((thrown as InvalidMessageError).pointer).toBe(pointer);
    expect((thrown as InvalidMessageError).code).toBe('whatsapp_message_invalid');
    expect((thrown as InvalidMessageError).message.startsWith(`${pointer}: `)).toBe(true);
  });

  it('allows a long body parameter only when the body is the only component', () => {
    expect(templateMessage({ to, name: 't', language: 'en', body: ['b'.repeat(32_768)] }).template.components).toHaveLength(1);
  });

  it('counts characters, not UTF-16 units: 20 emoji make a title, 21 do not', () => {
    expect(replyButtonsMessage({ to, body: 'x', buttons: [{ id: 'e', title: '👍'.repeat(20) }] }).interactive.action.buttons[0].reply.title).toHaveLength(40);
    expect(() => replyButtonsMessage({ to, body: 'x', buttons: [{ id: 'e', title: '👍'.repeat(21) }] })).toThrow(InvalidMessageError);
  });

  it('accepts exactly the limits: 3 buttons of 20 characters, 10 rows across sections', () => {
    expect(replyButtonsMessage({ to, body: 'x', buttons: buttons(3).map((b, i) => ({ ...b, title: `${i}`.repeat(20) })) }).interactive.action.buttons).toHaveLength(3);
    const list = listMessage({ to, body: 'x', button: 'b'.repeat(20), sections: [{ title: 'A', rows: rows(6, 'a') }, { title: 'B', rows: rows(4, 'b') }] });
    expect(list.interactive.action.sections.flatMap((s) => s.rows)).toHaveLength(10);
  });
});

describe('media upload and template creation', () => {
  it('uploads media as multipart with messaging_product, type and the file', async () => {
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(4096)]);
    const uploaded = await client.uploadMedia({ bytes, mimeType: 'image/png', filename: 'receipt.png' });
    expect(uploaded.id).toMatch(/^\d+$/);
    const req = lastRequest();
    expect(req.path).toBe(`/v21.0/${PHONE_NUMBER_ID}/media`);
    expect(req.headers.authorization).toBe(`Bearer ${cloud.accessToken}`);
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(req.form?.fields).toEqual({ messaging_product: 'whatsapp', type: 'image/png' });
    expect(req.form?.files).toHaveLength(1);
    const file = req.form!.files[0];
    expect({ field: file.field, filename: file.filename, mimeType: file.mimeType }).toEqual({ field: 'file', filename: 'receipt.png', mimeType: 'image/png' });
    expect(file.bytes.equals(bytes)).toBe(true);
  });

  it('creates a template on the WhatsApp Business Account and reads id, status and category', async () => {
    const definition: TemplateDefinition = {
      name: 'order_shipped',
      language: 'en_US',
      category: 'UTILITY',
      parameter_format: 'NAMED',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Order {{order_id}}', example: { header_text_named_params: [{ param_name: 'order_id', example: 'SN-1' }] } },
        { type: 'BODY', text: 'Hi {{first_name}}, it is on its way.', example: { body_text_named_params: [{ param_name: 'first_name', example: 'Ana' }] } },
        { type: 'FOOTER', text: 'SabNode' },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop updates' }, { type: 'URL', text: 'Track', url: 'https://shop.example/t/{{1}}', example: ['https://shop.example/t/SN-1'] }] },
      ],
    };
    const created = await client.createTemplate(WABA_ID, definition);
    expect(created).toEqual({ id: expect.stringMatching(/^\d+$/), status: 'PENDING', category: 'UTILITY' });
    const req = lastRequest();
    expect(req.path).toBe(`/v21.0/${WABA_ID}/message_templates`);
    expect(req.headers.authorization).toBe(`Bearer ${cloud.accessToken}`);
    expect(req.json).toEqual(definition);
  });
});

describe('provider errors', () => {
  const attempt = async (): Promise<WhatsAppCloudError> => {
    const before = cloud.requests.length;
    const err = await client.sendMessage(textMessage({ to: '+15551234567', body: 'x' })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(cloud.requests).toHaveLength(before + 1);
    expect(err).toBeInstanceOf(WhatsAppCloudError);
    return err as WhatsAppCloudError;
  };

  it.each<[CloudApiFailure, ProviderProblemCode, boolean]>([
    [{ code: 130429, httpStatus: 400, message: 'Rate limit hit' }, 'provider_rate_limited', true],
    [{ code: 131056, httpStatus: 400, message: '(Business Account, Consumer Account) pair rate limit hit' }, 'provider_rate_limited', true],
    [{ code: 80007, httpStatus: 400, message: 'Rate limit issues' }, 'provider_rate_limited', true],
    [{ code: 4, httpStatus: 400, message: 'Application request limit reached' }, 'provider_rate_limited', true],
    [{ code: 613, httpStatus: 400, message: 'Calls to this api have exceeded the rate limit' }, 'provider_rate_limited', true],
    [{ code: 131047, httpStatus: 400, message: 'Re-engagement message', details: 'More than 24 hours have passed since the recipient last replied to the sender number.' }, 'outside_customer_service_window', false],
    [{ code: 100, httpStatus: 400, message: 'Invalid parameter' }, 'provider_invalid_parameter', false],
    [{ code: 131008, httpStatus: 400, message: 'Required parameter is missing' }, 'provider_invalid_parameter', false],
    [{ code: 131009, httpStatus: 400, message: 'Parameter value is not valid' }, 'provider_invalid_parameter', false],
    [{ code: 132001, httpStatus: 404, subcode: 2388040, message: 'Template name does not exist in the translation', details: 'template name (order_shipped) does not exist in en_US' }, 'template_not_found_at_provider', false],
    [{ code: 132015, httpStatus: 400, message: 'Template is Paused' }, 'template_paused', false],
    [{ code: 132016, httpStatus: 400, message: 'Template is Disabled' }, 'template_paused', false],
    [{ code: 132000, httpStatus: 400, message: 'Number of parameters does not match the expected number of params' }, 'template_invalid', false],
    [{ code: 132012, httpStatus: 400, message: 'Parameter format does not match format in the created template' }, 'template_invalid', false],
    [{ code: 131026, httpStatus: 400, message: 'Message Undeliverable' }, 'recipient_undeliverable', false],
    [{ code: 190, httpStatus: 401, message: 'Access token has expired' }, 'provider_auth_failed', false],
    [{ code: 0, httpStatus: 401, message: 'AuthException' }, 'provider_auth_failed', false],
    [{ code: 10, httpStatus: 403, message: 'Permission Denied' }, 'provider_auth_failed', false],
    [{ code: 131000, httpStatus: 500, message: 'Something went wrong' }, 'provider_unavailable', true],
    [{ code: 1, httpStatus: 400, message: 'API Unknown' }, 'provider_unavailable', true],
    [{ code: 2, httpStatus: 503, message: 'API Service' }, 'provider_unavailable', true],
    [{ code: 131016, httpStatus: 503, message: 'Service unavailable' }, 'provider_unavailable', true],
    [{ code: 368, httpStatus: 403, message: 'Temporarily blocked for policies violations' }, 'sender_restricted', false],
    [{ code: 131048, httpStatus: 400, message: 'Spam rate limit hit' }, 'sender_restricted', false],
    [{ code: 131999, httpStatus: 400, message: 'Some new refusal' }, 'provider_rejected', false],
    [{ code: 131999, httpStatus: 502, message: 'Some new outage' }, 'provider_unavailable', true],
  ])('maps error %j to %s (retryable %s)', async (failure, problemCode, retryable) => {
    cloud.failNext(failure);
    const err = await attempt();
    expect({ problemCode: err.problemCode, retryable: err.retryable, providerCode: err.providerCode, httpStatus: err.httpStatus }).toEqual({
      problemCode,
      retryable,
      providerCode: failure.code,
      httpStatus: failure.httpStatus,
    });
    expect(err.fbtraceId).toMatch(/^A[0-9a-f]{16}$/);
    expect(err.message).toContain(`(#${failure.code})`);
    // Meta's details, meant for people, are what the message carries
    expect(err.message).toContain(failure.details ?? failure.message);
    expect(err.retryAfterSeconds).toBeUndefined();
  });

  it('takes the wait from Retry-After on a throttled answer', async () => {
    cloud.failNext({ code: 130429, httpStatus: 429, message: 'Rate limit hit', headers: { 'retry-after': '17' } });
    const err = await attempt();
    expect({ problemCode: err.problemCode, retryable: err.retryable, retryAfterSeconds: err.retryAfterSeconds }).toEqual({ problemCode: 'provider_rate_limited', retryable: true, retryAfterSeconds: 17 });
  });

  it('takes the wait from the Graph usage header when there is no Retry-After', async () => {
    const usage = { [WABA_ID]: [{ type: 'whatsapp_business_management', call_count: 100, total_cputime: 12, total_time: 20, estimated_time_to_regain_access: 3 }] };
    cloud.failNext({ code: 80007, httpStatus: 400, message: 'Rate limit issues', headers: { 'x-business-use-case-usage': JSON.stringify(usage) } });
    expect((await attempt()).retryAfterSeconds).toBe(180);
  });

  it('falls back on the HTTP status when the answer is not a Cloud API error', async () => {
    cloud.answerNextRaw(502, '<html><body>Bad gateway</body></html>', { 'content-type': 'text/html' });
    let err = await attempt();
    expect({ problemCode: err.problemCode, retryable: err.retryable, providerCode: err.providerCode }).toEqual({ problemCode: 'provider_unavailable', retryable: true, providerCode: undefined });
    expect(err.message).toBe('WhatsApp Cloud API answered HTTP 502');

    cloud.answerNextRaw(429, '');
    err = await attempt();
    expect({ problemCode: err.problemCode, retryable: err.retryable }).toEqual({ problemCode: 'provider_rate_limited', retryable: true });

    cloud.answerNextRaw(404, 'Not Found');
    err = await attempt();
    expect({ problemCode: err.problemCode, retryable: err.retryable }).toEqual({ problemCode: 'provider_rejected', retryable: false });
  });

  it('never follows a redirect', async () => {
    cloud.answerNextRaw(307, '', { location: `${cloud.url}/v21.0/${PHONE_NUMBER_ID}/messages` });
    const err = await attempt(); // exactly one request reached the stand-in
    expect({ problemCode: err.problemCode, retryable: err.retryable, httpStatus: err.httpStatus }).toEqual({ problemCode: 'provider_rejected', retryable: false, httpStatus: 307 });
  });

  it('refuses a 2xx without a message id as final: a resend could deliver twice', async () => {
    cloud.answerNextRaw(200, JSON.stringify({ messaging_product: 'whatsapp', messages: [] }), { 'content-type': 'application/json' });
    const err = await attempt();
    expect({ problemCode: err.problemCode, retryable: err.retryable }).toEqual({ problemCode: 'provider_bad_response', retryable: false });
  });

  it('is refused by the stand-in with 190 on a wrong token, and never shows a token', async () => {
    const wrong = `EAAG${randomBytes(24).toString('hex')}`;
    const other = new WhatsAppCloudClient({ baseUrl: cloud.url, phoneNumberId: PHONE_NUMBER_ID, accessToken: wrong });
    const err = await other.sendMessage(textMessage({ to: '+15551234567', body: 'x' })).then(
      () => null,
      (e: unknown) => e as WhatsAppCloudError,
    );
    expect(lastRequest().headers.authorization).toBe(`Bearer ${wrong}`);
    expect({ problemCode: err?.problemCode, retryable: err?.retryable, providerCode: err?.providerCode }).toEqual({ problemCode: 'provider_auth_failed', retryable: false, providerCode: 190 });
    for (const shown of [inspect(other, { depth: 5, showHidden: true }), JSON.stringify(other), inspect(err, { depth: 5 }), JSON.stringify(err), String(err?.stack)]) {
      expect(shown).not.toContain(wrong);
      expect(shown).not.toContain(wrong.slice(4, 20));
    }
    expect(JSON.stringify(other)).toContain(PHONE_NUMBER_ID);
  });

  it('maps a refused connection to a retryable provider_unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((r) => closed.close(() => r()));
    const nowhere = new WhatsAppCloudClient({ baseUrl: `http://127.0.0.1:${port}`, phoneNumberId: PHONE_NUMBER_ID, accessToken: cloud.accessToken });
    const err = await nowhere.sendMessage(textMessage({ to: '+15551234567', body: 'x' })).then(
      () => null,
      (e: unknown) => e as WhatsAppCloudError,
    );
    expect({ problemCode: err?.problemCode, retryable: err?.retryable, httpStatus: err?.httpStatus }).toEqual({ problemCode: 'provider_unavailable', retryable: true, httpStatus: undefined });
    expect(err?.message).toBe('WhatsApp Cloud API unreachable (ECONNREFUSED)');
  });

  it('gives up after its timeout on a silent upstream, as a retryable provider_unavailable', async () => {
    const impatient = new WhatsAppCloudClient({ baseUrl: cloud.url, phoneNumberId: PHONE_NUMBER_ID, accessToken: cloud.accessToken, timeoutMs: 300 });
    cloud.silenceNext(5000);
    const started = Date.now();
    const err = await impatient.sendMessage(textMessage({ to: '+15551234567', body: 'x' })).then(
      () => null,
      (e: unknown) => e as WhatsAppCloudError,
    );
    const elapsed = Date.now() - started;
    expect({ problemCode: err?.problemCode, retryable: err?.retryable }).toEqual({ problemCode: 'provider_unavailable', retryable: true });
    expect(err?.message).toBe('WhatsApp Cloud API did not answer within 300 ms');
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(2000);
  });
});

describe('callback verification handshake', () => {
  it('echoes the challenge for the right token', async () => {
    const res = await cloud.verifyCallback(receiver.url, VERIFY_TOKEN, { challenge: '1158201444' });
    expect(res).toEqual({ status: 200, body: '1158201444' });
  });

  it.each<[string, string, { mode?: string; challenge?: string }, string]>([
    ['a wrong token', 'not-the-token', {}, 'wrong_token'],
    ['a token that is a prefix of the right one', VERIFY_TOKEN.slice(0, -1), {}, 'wrong_token'],
    ['another mode', VERIFY_TOKEN, { mode: 'unsubscribe' }, 'wrong_mode'],
    ['a challenge with spaces', VERIFY_TOKEN, { challenge: '12 <b>' }, 'missing_challenge'],
  ])('refuses %s', async (_label, token, opts, reason) => {
    const res = await cloud.verifyCallback(receiver.url, token, opts);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toEqual({ reason });
  });

  it('counts a repeated parameter as no parameter', () => {
    const q = new URLSearchParams([
      ['hub.mode', 'subscribe'],
      ['hub.verify_token', VERIFY_TOKEN],
      ['hub.verify_token', 'other'],
      ['hub.challenge', '1'],
    ]);
    expect(answerHandshake(q, VERIFY_TOKEN)).toEqual({ ok: false, reason: 'wrong_token' });
    expect(answerHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': [VERIFY_TOKEN], 'hub.challenge': '1' }, VERIFY_TOKEN)).toEqual({ ok: false, reason: 'wrong_token' });
    expect(answerHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' }, VERIFY_TOKEN)).toEqual({ ok: true, challenge: '1' });
  });
});

const textIn = (id: string, body: string) => ({ from: '16505551234', id, timestamp: '1717000000', type: 'text', text: { body } });

describe('notification signatures', () => {
  const notification = notifications.messages({ wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: DISPLAY_NUMBER, messages: [textIn('wamid.SIG1', 'hello')] });

  it('accepts a correctly signed notification', async () => {
    const res = await cloud.deliver(receiver.url, APP_SECRET, notification);
    expect(res.status).toBe(200);
    expect((JSON.parse(res.body) as { events: WhatsAppEvent[] }).events.map((e) => e.dedupeKey)).toEqual(['message:wamid.SIG1']);
  });

  it('refuses a body changed after signing', async () => {
    const res = await cloud.deliver(receiver.url, APP_SECRET, notification, { tamper: (raw) => Buffer.from(raw.toString('utf8').replace('hello', 'hellO')) });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual({ reason: 'mismatch' });
  });

  it('refuses a notification signed with another secret', async () => {
    const res = await cloud.deliver(receiver.url, 'someone-elses-secret', notification);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual({ reason: 'mismatch' });
  });

  it.each<[string, string | string[] | null, string]>([
    ['no header', null, 'missing'],
    ['a sha1 signature', `sha1=${'a'.repeat(40)}`, 'malformed'],
    ['a signature that is not hex', `sha256=${'z'.repeat(64)}`, 'malformed'],
    ['a short signature', `sha256=${'a'.repeat(63)}`, 'malformed'],
    ['a bare digest without the sha256= prefix', 'a'.repeat(64), 'malformed'],
    ['the header sent twice', [`sha256=${'a'.repeat(64)}`, `sha256=${'b'.repeat(64)}`], 'malformed'],
  ])('refuses %s', async (_label, signature, reason) => {
    const res = await cloud.deliver(receiver.url, APP_SECRET, notification, { signature });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual({ reason });
  });

  it('checks the raw bytes, so a re-serialised body would not pass', () => {
    const raw = Buffer.from('{"object":"whatsapp_business_account","name":"Zo\\u00eb"}');
    const header = `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`;
    expect(verifySignature(APP_SECRET, raw, header)).toEqual({ valid: true });
    expect(verifySignature(APP_SECRET, Buffer.from(JSON.stringify(JSON.parse(raw.toString())), 'utf8'), header)).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifySignature(APP_SECRET, raw, header.toUpperCase().replace('SHA256=', 'sha256='))).toEqual({ valid: true });
  });
});

async function deliverOk(notification: unknown): Promise<WhatsAppEvent[]> {
  const res = await cloud.deliver(receiver.url, APP_SECRET, notification);
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { events: WhatsAppEvent[] }).events;
}

describe('parsing notifications', () => {
  const base = { wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: DISPLAY_NUMBER };

  it('turns inbound messages of each kind into inbound_message events', async () => {
    const events = await deliverOk(
      notifications.messages({
        wabaId: WABA_ID,
        phoneNumberId: PHONE_NUMBER_ID,
        displayPhoneNumber: DISPLAY_NUMBER,
        contacts: [{ profile: { name: 'Zoë Ångström' }, wa_id: '16505551234' }],
        messages: [
          { ...textIn('wamid.T1', 'Olá, is it in stock?'), context: { from: DISPLAY_NUMBER, id: 'wamid.OUT9' } },
          { from: '16505551234', id: 'wamid.I1', timestamp: '1717000001', type: 'image', image: { caption: 'the broken part', mime_type: 'image/jpeg', sha256: 'abc=', id: '2754859441498128' } },
          { from: '16505551234', id: 'wamid.D1', timestamp: '1717000002', type: 'document', document: { filename: 'po.pdf', mime_type: 'application/pdf', sha256: 'x', id: '99' } },
          { from: '16505551234', id: 'wamid.B1', timestamp: '1717000003', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'slot_am', title: 'Morning' } } },
          { from: '16505551234', id: 'wamid.L1', timestamp: '1717000004', type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'p1', title: 'Margherita', description: 'Tomato, basil' } } },
          { from: '16505551234', id: 'wamid.Q1', timestamp: '1717000005', type: 'button', context: { from: DISPLAY_NUMBER, id: 'wamid.TPL1' }, button: { text: 'Stop updates', payload: 'stop_updates:SN-1042' } },
          { from: '16505551234', id: 'wamid.R1', timestamp: '1717000006', type: 'reaction', reaction: { message_id: 'wamid.OUT9', emoji: '❤️' } },
          { from: '16505551234', id: 'wamid.G1', timestamp: '1717000007', type: 'location', location: { latitude: 38.7223, longitude: -9.1393, name: 'Shop', address: 'Rua Augusta 1' } },
          { from: '16505551234', id: 'wamid.U1', timestamp: '1717000008', type: 'unsupported', errors: [{ code: 131051, title: 'Message type unknown' }] },
        ],
      }),
    );
    const common = { kind: 'inbound_message', ...base, from: '16505551234', fromUserId: null, profileName: 'Zoë Ångström', username: null, contextWamid: null };
    expect(events).toEqual([
      { ...common, dedupeKey: 'message:wamid.T1', wamid: 'wamid.T1', timestamp: 1717000000, contextWamid: 'wamid.OUT9', content: { type: 'text', body: 'Olá, is it in stock?' } },
      { ...common, dedupeKey: 'message:wamid.I1', wamid: 'wamid.I1', timestamp: 1717000001, content: { type: 'image', mediaId: '2754859441498128', mimeType: 'image/jpeg', caption: 'the broken part', filename: null } },
      { ...common, dedupeKey: 'message:wamid.D1', wamid: 'wamid.D1', timestamp: 1717000002, content: { type: 'document', mediaId: '99', mimeType: 'application/pdf', caption: null, filename: 'po.pdf' } },
      { ...common, dedupeKey: 'message:wamid.B1', wamid: 'wamid.B1', timestamp: 1717000003, content: { type: 'button_reply', id: 'slot_am', title: 'Morning' } },
      { ...common, dedupeKey: 'message:wamid.L1', wamid: 'wamid.L1', timestamp: 1717000004, content: { type: 'list_reply', id: 'p1', title: 'Margherita', description: 'Tomato, basil' } },
      { ...common, dedupeKey: 'message:wamid.Q1', wamid: 'wamid.Q1', timestamp: 1717000005, contextWamid: 'wamid.TPL1', content: { type: 'button', text: 'Stop updates', payload: 'stop_updates:SN-1042' } },
      { ...common, dedupeKey: 'message:wamid.R1', wamid: 'wamid.R1', timestamp: 1717000006, content: { type: 'reaction', messageId: 'wamid.OUT9', emoji: '❤️' } },
      { ...common, dedupeKey: 'message:wamid.G1', wamid: 'wamid.G1', timestamp: 1717000007, content: { type: 'location', latitude: 38.7223, longitude: -9.1393, name: 'Shop', address: 'Rua Augusta 1' } },
      { ...common, dedupeKey: 'message:wamid.U1', wamid: 'wamid.U1', timestamp: 1717000008, content: { type: 'unsupported', originalType: 'unsupported' } },
    ]);
  });

  it('turns statuses into status events with conversation, pricing, callback data and errors', async () => {
    const events = await deliverOk(
      notifications.messages({
        wabaId: WABA_ID,
        phoneNumberId: PHONE_NUMBER_ID,
        displayPhoneNumber: DISPLAY_NUMBER,
        statuses: [
          {
            id: 'wamid.OUT1',
            status: 'sent',
            timestamp: '1717000100',
            recipient_id: '16505551234',
            biz_opaque_callback_data: 'msg_01HZX',
            conversation: { id: 'CONVERSATION_ID_1', expiration_timestamp: '1717086500', origin: { type: 'utility' } },
            pricing: { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' },
            a_field_meta_adds_later: { anything: true },
          },
          { id: 'wamid.OUT1', status: 'delivered', timestamp: '1717000101', recipient_id: '16505551234', pricing: { pricing_model: 'PMP', category: 'service', type: 'free_customer_service' } },
          { id: 'wamid.OUT1', status: 'read', timestamp: '1717000160', recipient_id: '16505551234' },
          {
            id: 'wamid.OUT2',
            status: 'failed',
            timestamp: '1717000200',
            recipient_id: '16505550000',
            errors: [{ code: 131026, title: 'Message undeliverable', message: 'Message undeliverable', error_data: { details: 'Message Undeliverable.' } }],
          },
          { id: 'wamid.OUT3', status: 'a_status_meta_adds_later', timestamp: '1717000300', recipient_id: '16505551234' },
        ],
      }),
    );
    const common = { kind: 'status', ...base, wamid: 'wamid.OUT1', recipientId: '16505551234', recipientUserId: null, callbackData: null, conversation: null, pricing: null, errors: [] };
    expect(events).toEqual([
      {
        ...common,
        dedupeKey: 'status:wamid.OUT1:sent',
        status: 'sent',
        timestamp: 1717000100,
        callbackData: 'msg_01HZX',
        conversation: { id: 'CONVERSATION_ID_1', originType: 'utility', expiresAt: 1717086500 },
        pricing: { billable: true, pricingModel: 'PMP', category: 'utility', type: 'regular' },
      },
      { ...common, dedupeKey: 'status:wamid.OUT1:delivered', status: 'delivered', timestamp: 1717000101, pricing: { billable: null, pricingModel: 'PMP', category: 'service', type: 'free_customer_service' } },
      { ...common, dedupeKey: 'status:wamid.OUT1:read', status: 'read', timestamp: 1717000160 },
      {
        ...common,
        dedupeKey: 'status:wamid.OUT2:failed',
        wamid: 'wamid.OUT2',
        recipientId: '16505550000',
        status: 'failed',
        timestamp: 1717000200,
        errors: [{ code: 131026, title: 'Message undeliverable', message: 'Message undeliverable', details: 'Message Undeliverable.' }],
      },
    ]);
    // an asynchronous failure is classified by the same table as a synchronous one
    const failed = events[3];
    expect(failed.kind === 'status' && classifyErrorCode(failed.errors[0].code)).toEqual({ problemCode: 'recipient_undeliverable', retryable: false });
  });

  it('reads a sender and a recipient known only by business-scoped user id (username adopters)', async () => {
    const events = await deliverOk(
      notifications.messages({
        wabaId: WABA_ID,
        phoneNumberId: PHONE_NUMBER_ID,
        displayPhoneNumber: DISPLAY_NUMBER,
        contacts: [{ profile: { name: 'Sheena', username: '@sheena' }, user_id: 'US.13491208655302741918' }],
        messages: [{ from_user_id: 'US.13491208655302741918', id: 'wamid.BS1', timestamp: '1717000400', type: 'text', text: { body: 'hi' } }],
        statuses: [{ id: 'wamid.BS2', status: 'delivered', timestamp: '1717000401', recipient_user_id: 'US.13491208655302741918' }],
      }),
    );
    expect(events).toMatchObject([
      { kind: 'inbound_message', from: null, fromUserId: 'US.13491208655302741918', profileName: 'Sheena', username: '@sheena' },
      { kind: 'status', recipientId: null, recipientUserId: 'US.13491208655302741918', status: 'delivered' },
    ]);
  });

  it('turns template status updates into template_status events', async () => {
    const approved = await deliverOk(notifications.templateStatus({ wabaId: WABA_ID, time: 1717001000, templateId: 1627019861106475, name: 'order_shipped', language: 'en_US', event: 'APPROVED', reason: 'NONE', category: 'UTILITY' }));
    expect(approved).toEqual([
      {
        kind: 'template_status',
        dedupeKey: 'template:1627019861106475:APPROVED:1717001000',
        wabaId: WABA_ID,
        templateId: '1627019861106475',
        templateName: 'order_shipped',
        language: 'en_US',
        event: 'APPROVED',
        reason: 'NONE',
        category: 'UTILITY',
        occurredAt: 1717001000,
      },
    ]);
    const paused = await deliverOk(notifications.templateStatus({ wabaId: WABA_ID, time: 1717002000, templateId: 1627019861106475, name: 'order_shipped', language: 'en_US', event: 'PAUSED', reason: 'NONE' }));
    expect(paused).toMatchObject([{ kind: 'template_status', event: 'PAUSED', category: null, occurredAt: 1717002000 }]);
  });

  it('turns phone number quality updates into quality events', async () => {
    const events = await deliverOk(notifications.quality({ wabaId: WABA_ID, time: 1717003000, displayPhoneNumber: DISPLAY_NUMBER, event: 'UPGRADE', oldLimit: 'TIER_1K', currentLimit: 'TIER_10K', maxDailyConversations: '10000' }));
    expect(events).toEqual([
      {
        kind: 'quality',
        dedupeKey: `quality:${DISPLAY_NUMBER}:UPGRADE:TIER_10K:1717003000`,
        wabaId: WABA_ID,
        displayPhoneNumber: DISPLAY_NUMBER,
        event: 'UPGRADE',
        currentLimit: 'TIER_10K',
        oldLimit: 'TIER_1K',
        maxDailyConversations: '10000',
        occurredAt: 1717003000,
      },
    ]);
    const flagged = await deliverOk(notifications.quality({ wabaId: WABA_ID, time: 1717004000, displayPhoneNumber: DISPLAY_NUMBER, event: 'FLAGGED', currentLimit: 'TIER_10K' }));
    expect(flagged).toMatchObject([{ kind: 'quality', event: 'FLAGGED', currentLimit: 'TIER_10K', oldLimit: null, maxDailyConversations: null }]);
  });

  it('skips change kinds it does not handle, in the same notification as ones it does', async () => {
    const n = notifications.messages({ wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: DISPLAY_NUMBER, messages: [textIn('wamid.K1', 'kept')] });
    n.entry[0].changes.unshift({ value: { phone_number: DISPLAY_NUMBER, event: 'VERIFIED_ACCOUNT' }, field: 'account_update' });
    const events = await deliverOk(n);
    expect(events.map((e) => e.dedupeKey)).toEqual(['message:wamid.K1']);
  });

  it.each<[string, unknown, string]>([
    ['another object', { object: 'page', entry: [] }, '/object'],
    ['entry that is not a list', { object: 'whatsapp_business_account', entry: {} }, '/entry'],
    ['an entry without id', { object: 'whatsapp_business_account', entry: [{ changes: [] }] }, '/entry/0/id'],
    ['a change without field', { object: 'whatsapp_business_account', entry: [{ id: WABA_ID, changes: [{ value: {} }] }] }, '/entry/0/changes/0/field'],
    ['messages without metadata', { object: 'whatsapp_business_account', entry: [{ id: WABA_ID, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', messages: [] } }] }] }, '/entry/0/changes/0/value/metadata'],
    [
      'a message without id',
      notifications.messages({ wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: DISPLAY_NUMBER, messages: [{ from: '1', timestamp: '1', type: 'text', text: { body: 'x' } }] }),
      '/entry/0/changes/0/value/messages/0/id',
    ],
    [
      'a message that names no sender',
      notifications.messages({ wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: DISPLAY_NUMBER, messages: [{ id: 'wamid.X', timestamp: '1', type: 'text', text: { body: 'x' } }] }),
      '/entry/0/changes/0/value/messages/0/from',
    ],
    [
      'a text message without body',
      notifications.messages({ wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: DISPLAY_NUMBER, messages: [{ from: '1', id: 'wamid.X', timestamp: '1', type: 'text', text: {} }] }),
      '/entry/0/changes/0/value/messages/0/text/body',
    ],
    [
      'a status with a timestamp that is no time',
      notifications.messages({ wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: DISPLAY_NUMBER, statuses: [{ id: 'wamid.X', status: 'sent', timestamp: 'yesterday', recipient_id: '1' }] }),
      '/entry/0/changes/0/value/statuses/0/timestamp',
    ],
    ['a template update without template id', notifications.templateStatus({ wabaId: WABA_ID, time: 1, templateId: -1, name: 'n', language: 'en', event: 'APPROVED', reason: 'NONE' }), '/entry/0/changes/0/value/message_template_id'],
  ])('refuses a malformed envelope: %s', async (_label, body, pointer) => {
    const res = await cloud.deliver(receiver.url, APP_SECRET, body);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ pointer });
    expect(() => parseNotification(body)).toThrow(MalformedNotificationError);
  });

  it('gives a replayed notification the same dedupe keys, and different changes different ones', async () => {
    const statuses = notifications.messages({
      wabaId: WABA_ID,
      phoneNumberId: PHONE_NUMBER_ID,
      displayPhoneNumber: DISPLAY_NUMBER,
      messages: [textIn('wamid.RP1', 'again?')],
      statuses: [
        { id: 'wamid.RP2', status: 'delivered', timestamp: '1717005000', recipient_id: '16505551234' },
        { id: 'wamid.RP2', status: 'read', timestamp: '1717005060', recipient_id: '16505551234' },
      ],
    });
    const first = (await deliverOk(statuses)).map((e) => e.dedupeKey);
    const replay = (await deliverOk(statuses)).map((e) => e.dedupeKey);
    expect(replay).toEqual(first);
    expect(first).toEqual(['message:wamid.RP1', 'status:wamid.RP2:delivered', 'status:wamid.RP2:read']);

    const template = (time: number) => notifications.templateStatus({ wabaId: WABA_ID, time, templateId: 77, name: 'n', language: 'en', event: 'APPROVED', reason: 'NONE' });
    const [once] = await deliverOk(template(1717006000));
    const [again] = await deliverOk(template(1717006000));
    const [later] = await deliverOk(template(1717009000));
    expect(again.dedupeKey).toBe(once.dedupeKey);
    expect(later.dedupeKey).not.toBe(once.dedupeKey);
  });
});
