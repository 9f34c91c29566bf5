// Media and interactive messages on whatsapp_cloud channels, end to end against the local Cloud API stand-in
// (test/support/whatsapp-cloud-standin.ts): a file goes up once per channel and its media id is reused until it
// expires (WHATSAPP_MEDIA_TTL_MS is 6 s in tests); a deleted or purged file's upload is deleted at Meta. Nothing here
// leaves 127.0.0.1.
import { createHash, randomBytes } from 'node:crypto';
import { client } from './support/client';
import { closeDb, newWorkspace, sql } from './support/stack';
import { waitFor } from './support/wait';
import { start, type CloudApiStandIn, type RecordedRequest } from './support/whatsapp-cloud-standin';

const PHONE_NUMBER_ID = '106540352242923';
const WABA_ID = '102290129340399';
const APP_SECRET = `appsecret-${randomBytes(16).toString('hex')}`;
const MiB = 1024 * 1024;

let api: ReturnType<typeof client>;
let ws: Awaited<ReturnType<typeof newWorkspace>>;
let cloud: CloudApiStandIn;
let channel: { id: string };

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
  cloud = await start();
  const made = await api.post('/v1/channels', {
    body: { name: 'WhatsApp media (stand-in)', provider: 'whatsapp_cloud', whatsapp: { phone_number_id: PHONE_NUMBER_ID, waba_id: WABA_ID, access_token: cloud.accessToken, app_secret: APP_SECRET, base_url: cloud.url } },
  });
  expect(made.status).toBe(201);
  channel = made.body;
});
afterAll(async () => {
  await cloud.close();
  await closeDb();
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF = Buffer.from('%PDF-1.7\n');
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.alloc(20)]);
const OGG = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(24)]);
const GIF = Buffer.from('GIF89a');

const bytesOf = (head: Buffer, n: number) => Buffer.concat([head, randomBytes(Math.max(0, n - head.length))]);

async function upload(bytes: Buffer, filename: string, type: string): Promise<{ id: string; content_type: string }> {
  const f = new FormData();
  f.append('file', new Blob([bytes], { type }), filename);
  const res = await api.post('/v1/files', { rawBody: f });
  expect(res.status).toBe(201);
  return res.body;
}

const phone = () => `+9197${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}`;

async function conversation(): Promise<{ id: string; to: string }> {
  const number = phone();
  const contact = await api.post('/v1/contacts', { body: { phone: number, first_name: 'Ravi' } });
  expect(contact.status).toBe(201);
  const opened = await api.post('/v1/conversations', { body: { contact_id: contact.body.id, channel_id: channel.id } });
  expect(opened.status).toBe(201);
  return { id: opened.body.id, to: number.slice(1) };
}

async function send(conversationId: string, body: object): Promise<{ id: string }> {
  const sent = await api.post(`/v1/conversations/${conversationId}/messages`, { body });
  expect(sent.status).toBe(201);
  return sent.body;
}

const settled = (id: string) => waitFor(() => api.get(`/v1/messages/${id}`), (r) => ['sent', 'failed'].includes(r.body.status), 30_000);
const uploads = (): RecordedRequest[] => cloud.requests.filter((r) => r.path === `/v21.0/${PHONE_NUMBER_ID}/media`);
const sends = (to: string): RecordedRequest[] => cloud.requests.filter((r) => r.path === `/v21.0/${PHONE_NUMBER_ID}/messages` && (r.json as { to?: string } | null)?.to === to);
const deletions = (mediaId: string): RecordedRequest[] => cloud.requests.filter((r) => r.method === 'DELETE' && r.path === `/v21.0/${mediaId}`);
const envelope = (to: string) => ({ messaging_product: 'whatsapp', recipient_type: 'individual', to });

describe('whatsapp_cloud media', () => {
  it('sends image, document, video and audio by an uploaded media id, the type following the file', async () => {
    const cases = [
      { bytes: bytesOf(PNG, 2048), filename: 'receipt.png', type: 'image/png', kind: 'image', caption: 'Your receipt' },
      { bytes: bytesOf(PDF, 4096), filename: 'invoice-42.pdf', type: 'application/pdf', kind: 'document', caption: 'Invoice 42' },
      { bytes: bytesOf(MP4, 4096), filename: 'demo.mp4', type: 'video/mp4', kind: 'video', caption: 'How it works' },
      { bytes: bytesOf(OGG, 1024), filename: 'note.ogg', type: 'audio/ogg', kind: 'audio', caption: 'not sent: audio takes none' },
    ];
    for (const c of cases) {
      const file = await upload(c.bytes, c.filename, c.type);
      const { id, to } = await conversation();
      const before = uploads().length;
      const message = await send(id, { type: 'media', file_id: file.id, text: c.caption });
      const sent = await settled(message.id);
      expect(sent.body).toMatchObject({ status: 'sent', type: 'media', file_id: file.id });
      const up = uploads().slice(before);
      expect(up).toHaveLength(1);
      expect(up[0].headers.authorization).toBe(`Bearer ${cloud.accessToken}`);
      expect(up[0].form!.fields).toEqual({ messaging_product: 'whatsapp', type: c.type });
      expect(up[0].form!.files).toHaveLength(1);
      expect(up[0].form!.files[0]).toMatchObject({ field: 'file', filename: c.filename, mimeType: c.type });
      expect(createHash('sha256').update(up[0].form!.files[0].bytes).digest('hex')).toBe(createHash('sha256').update(c.bytes).digest('hex'));
      const mediaId = await cachedMediaId(file.id);
      const expected =
        c.kind === 'audio' ? { audio: { id: mediaId } }
        : c.kind === 'document' ? { document: { id: mediaId, caption: c.caption, filename: c.filename } }
        : { [c.kind]: { id: mediaId, caption: c.caption } };
      expect(sends(to).map((r) => r.json)).toEqual([{ ...envelope(to), type: c.kind, ...expected }]);
    }
  });

  it('uploads a file once for two sends on the channel, and again once the media id has expired', async () => {
    const file = await upload(bytesOf(PNG, 3000), 'once.png', 'image/png');
    const a = await conversation();
    const b = await conversation();
    const before = uploads().length;
    const [first, second] = [await send(a.id, { type: 'media', file_id: file.id }), await send(b.id, { type: 'media', file_id: file.id })];
    expect((await settled(first.id)).body.status).toBe('sent');
    expect((await settled(second.id)).body.status).toBe('sent');
    expect(uploads().length - before).toBe(1);
    const [cached] = await sql<{ media_id: string; expires_at: Date; uploaded_at: Date }>('select media_id, expires_at, uploaded_at from whatsapp_media where channel_id = ? and file_id = ?', [channel.id, file.id]);
    expect(new Date(cached.expires_at).getTime() - new Date(cached.uploaded_at).getTime()).toBe(6000);
    const ids = [...sends(a.to), ...sends(b.to)].map((r) => (r.json as { image: { id: string } }).image.id);
    expect(ids).toEqual([cached.media_id, cached.media_id]);

    // past the TTL the id is not trusted any more: the next send uploads again and the row holds the new id
    await new Promise((r) => setTimeout(r, Math.max(0, new Date(cached.expires_at).getTime() - Date.now()) + 500));
    const c = await conversation();
    const third = await send(c.id, { type: 'media', file_id: file.id });
    expect((await settled(third.id)).body.status).toBe('sent');
    expect(uploads().length - before).toBe(2);
    const [renewed] = await sql<{ media_id: string }>('select media_id from whatsapp_media where channel_id = ? and file_id = ?', [channel.id, file.id]);
    expect(renewed.media_id).not.toBe(cached.media_id);
    expect((sends(c.to)[0].json as { image: { id: string } }).image.id).toBe(renewed.media_id);

    // deleting the file drops its cached id and deletes its upload at Meta (the first, expired here, Meta drops itself)
    expect(cloud.media.has(renewed.media_id)).toBe(true);
    expect((await api.delete(`/v1/files/${file.id}`)).status).toBe(200);
    expect(await sql('select 1 from whatsapp_media where file_id = ?', [file.id])).toHaveLength(0);
    const erased = await waitFor(async () => deletions(renewed.media_id), (d) => d.length > 0, 30_000);
    expect(erased).toHaveLength(1);
    expect(erased[0].headers.authorization).toBe(`Bearer ${cloud.accessToken}`);
    expect(cloud.media.has(renewed.media_id)).toBe(false);
    await waitFor(() => sql('select 1 from whatsapp_media_erasures where channel_id = ?', [channel.id]), (rows) => rows.length === 0, 10_000);
  });

  it('gives up on an upload whose deletion WhatsApp refuses for good, and never calls for it again', async () => {
    const file = await upload(bytesOf(PNG, 1200), 'kept.png', 'image/png');
    const { id } = await conversation();
    expect((await settled((await send(id, { type: 'media', file_id: file.id })).id)).body.status).toBe('sent');
    const mediaId = await cachedMediaId(file.id);
    // the channel's token no longer works at Meta: a final refusal
    cloud.failNext({ code: 190, httpStatus: 401, message: 'Error validating access token: Session has expired' });
    expect((await api.delete(`/v1/files/${file.id}`)).status).toBe(200);
    await waitFor(async () => deletions(mediaId), (d) => d.length === 1, 30_000);
    // off the queue, so no drain or sweep tries it again: one call, and Meta's 30 days are left to drop it
    await waitFor(() => sql('select 1 from whatsapp_media_erasures where media_id = ?', [mediaId]), (rows) => rows.length === 0, 10_000);
    expect(deletions(mediaId)).toHaveLength(1);
    expect(cloud.media.has(mediaId)).toBe(true);
  });

  it('fails the message with the mapped code when the upload is refused, and retries an upload that meets throttling', async () => {
    const file = await upload(bytesOf(PNG, 1500), 'refused.png', 'image/png');
    const { id, to } = await conversation();
    cloud.failNext({ code: 131053, httpStatus: 400, message: 'Media upload error', details: 'Unsupported file' });
    const message = await send(id, { type: 'media', file_id: file.id });
    const failed = await settled(message.id);
    // an error code the mapping does not name, on a 400: a final refusal
    expect(failed.body).toMatchObject({ status: 'failed', failure_code: 'provider_rejected' });
    expect(failed.body.failure_reason).toContain('(#131053)');
    expect(sends(to)).toHaveLength(0);

    const other = await conversation();
    const before = uploads().length;
    cloud.failNext({ code: 130429, httpStatus: 400, message: 'Rate limit hit', headers: { 'Retry-After': '1' } });
    const retried = await send(other.id, { type: 'media', file_id: file.id });
    expect((await settled(retried.id)).body).toMatchObject({ status: 'sent', failure_code: null });
    expect(uploads().length - before).toBe(2);
    expect(sends(other.to)).toHaveLength(1);
  });

  it('a privacy purge that removes the file removes its cached media id', async () => {
    const file = await upload(bytesOf(PDF, 2048), 'statement.pdf', 'application/pdf');
    const { id, to } = await conversation();
    const message = await send(id, { type: 'media', file_id: file.id, text: 'Your statement' });
    expect((await settled(message.id)).body.status).toBe('sent');
    expect(await sql('select 1 from whatsapp_media where file_id = ?', [file.id])).toHaveLength(1);
    const mediaId = await cachedMediaId(file.id);
    // Meta is throttling when the purge first asks: the upload's deletion is tried again, and the purge waits for it
    cloud.failNext({ code: 4, httpStatus: 400, message: 'Application request limit reached' });
    const purge = await api.post('/v1/privacy/purges', { body: { phone: `+${to}` } });
    expect(purge.status).toBe(202);
    const done = await waitFor(() => api.get(`/v1/privacy/purges/${purge.body.id}`), (r) => r.body.status === 'completed', 90_000);
    expect(done.body.status).toBe('completed');
    expect(done.body.stages.find((s: { name: string }) => s.name === 'files')).toMatchObject({ status: 'cleared', cleared: 1, waiting_for: null });
    expect(await sql('select 1 from files where id = ?', [file.id])).toHaveLength(0);
    expect(await sql('select 1 from whatsapp_media where file_id = ?', [file.id])).toHaveLength(0);
    expect(deletions(mediaId)).toHaveLength(2);
    expect(cloud.media.has(mediaId)).toBe(false);
    expect(await sql('select 1 from whatsapp_media_erasures where media_id = ?', [mediaId])).toHaveLength(0);
  });

  it('refuses at creation a type WhatsApp does not take and a file over the limit of its type, with a pointer', async () => {
    const { id } = await conversation();
    const gif = await upload(bytesOf(GIF, 512), 'anim.gif', 'image/gif');
    const badType = await api.post(`/v1/conversations/${id}/messages`, { body: { type: 'media', file_id: gif.id } });
    expect(badType.status).toBe(422);
    expect(badType.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(badType.body).toMatchObject({ code: 'media_type_not_supported', errors: [{ pointer: '/file_id', code: 'media_type_not_supported' }] });
    expect(badType.body.detail).toContain('image/gif');

    const big = await upload(bytesOf(PNG, 5 * MiB + 1), 'huge.png', 'image/png');
    const tooLarge = await api.post(`/v1/conversations/${id}/messages`, { body: { type: 'media', file_id: big.id } });
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.body).toMatchObject({ code: 'media_too_large', errors: [{ pointer: '/file_id', code: 'media_too_large' }] });
    expect(tooLarge.body.detail).toContain('5 MB');
    const missing = await api.post(`/v1/conversations/${id}/messages`, { body: { type: 'media', file_id: `fil_${'0'.repeat(26)}` } });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ code: 'file_not_found', errors: [{ pointer: '/file_id' }] });
  });
});

describe('whatsapp_cloud media by link', () => {
  it('sends image, document, video and audio by link as the type given, uploading nothing', async () => {
    const cases = [
      { media_type: 'image', media_url: 'https://cdn.example.com/p/receipt-42.png', text: 'Your receipt', sent: { image: { link: 'https://cdn.example.com/p/receipt-42.png', caption: 'Your receipt' } } },
      {
        media_type: 'document',
        media_url: 'https://files.example.org/invoices/42.pdf?sig=abc',
        filename: 'Invoice 42.pdf',
        text: 'Invoice 42',
        sent: { document: { link: 'https://files.example.org/invoices/42.pdf?sig=abc', caption: 'Invoice 42', filename: 'Invoice 42.pdf' } },
      },
      { media_type: 'video', media_url: 'https://cdn.example.com/demo.mp4', sent: { video: { link: 'https://cdn.example.com/demo.mp4' } } },
      // audio takes no caption at WhatsApp: the message keeps its text, the send leaves it out
      { media_type: 'audio', media_url: 'https://cdn.example.com/note.ogg', text: 'kept, not sent', sent: { audio: { link: 'https://cdn.example.com/note.ogg' } } },
    ];
    const before = uploads().length;
    for (const c of cases) {
      const { id, to } = await conversation();
      const { sent, ...body } = c;
      const created = await send(id, { type: 'media', ...body });
      expect(created).toMatchObject({ type: 'media', file_id: null, text: c.text ?? null, media_link: { url: c.media_url, type: c.media_type, filename: c.filename ?? null } });
      expect((await settled(created.id)).body.status).toBe('sent');
      expect(sends(to).map((r) => r.json)).toEqual([{ ...envelope(to), type: c.media_type, ...sent }]);
    }
    expect(uploads().length).toBe(before);
  });

  it('refuses a link that is not a public https URL, a filename for anything but a document, and a file and a link at once', async () => {
    const { id } = await conversation();
    const post = (body: object) => api.post(`/v1/conversations/${id}/messages`, { body: { type: 'media', ...body } });
    for (const media_url of ['https://10.0.0.7/a.png', 'https://[::1]/a.png', 'https://0x7f.1/a.png', 'https://localhost/a.png', 'https://user:pw@cdn.example.com/a.png', 'https://cdn.example.com/a.png#x', 'https://intranet/a.png']) {
      const refused = await post({ media_url, media_type: 'image' });
      expect([media_url, refused.status]).toEqual([media_url, 422]);
      expect(refused.body).toMatchObject({ code: 'media_url_invalid', errors: [{ pointer: '/media_url', code: 'media_url_invalid' }] });
    }
    for (const body of [{ media_url: 'http://cdn.example.com/a.png', media_type: 'image' }, { media_url: 'https://cdn.example.com/a.png' }, { media_url: 'https://cdn.example.com/a.gif', media_type: 'gif' }, { media_url: 'https://cdn.example.com/a.png', media_type: 'image', file_id: `fil_${'0'.repeat(26)}` }]) {
      const refused = await post(body);
      expect([body, refused.status]).toEqual([body, 400]);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const named = await post({ media_url: 'https://cdn.example.com/a.png', media_type: 'image', filename: 'a.png' });
    expect(named.status).toBe(422);
    expect(named.body).toMatchObject({ code: 'media_link_invalid', errors: [{ pointer: '/filename', code: 'media_link_invalid' }] });
    const messages = await sql('select 1 from messages where conversation_id = ?', [id]);
    expect(messages).toHaveLength(0);
  });

  it("masks a link's URL and filename without pii:read, keeping its type", async () => {
    const { id } = await conversation();
    const created = await send(id, { type: 'media', media_url: 'https://files.example.org/asha-passport.pdf', media_type: 'document', filename: 'asha-passport.pdf' });
    const { key } = await ws.keyWith(['messages:read']);
    const shown = await client(key).get(`/v1/messages/${created.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.media_link).toEqual({ url: '[masked]', type: 'document', filename: '[masked]' });
    expect(JSON.stringify(shown.body)).not.toContain('asha');
  });
});

/** The media id the stand-in answered for the upload of this file on the channel, as cached. */
async function cachedMediaId(fileId: string): Promise<string> {
  const rows = await sql<{ media_id: string }>('select media_id from whatsapp_media where channel_id = ? and file_id = ?', [channel.id, fileId]);
  expect(rows).toHaveLength(1);
  return rows[0].media_id;
}
