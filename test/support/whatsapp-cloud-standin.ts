// A TEST STAND-IN for Meta's WhatsApp Cloud API (graph.facebook.com), listening on 127.0.0.1 only. It is not the real
// service and knows nothing of its rules beyond what the documentation shows: the request and answer shapes of
// `POST /{version}/{phone_number_id}/messages`, `POST /{version}/{phone_number_id}/media` (multipart) and
// `POST /{version}/{waba_id}/message_templates`, a template's edit `POST /{version}/{template_id}`, a medium's
// `DELETE /{version}/{media_id}`, the bearer token, and the Graph error body. It records every request
// for assertions, can be told how to answer the next one (a Cloud API error, a raw answer, or silence), and plays
// Meta's part towards a callback URL: the verification GET and signed notification POSTs.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import busboy from 'busboy';

export interface RecordedFile {
  field: string;
  filename: string;
  mimeType: string;
  bytes: Buffer;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** the body, when it was JSON */
  json: unknown;
  /** the fields and files, when the body was multipart/form-data */
  form: { fields: Record<string, string>; files: RecordedFile[] } | null;
  /** when it arrived (epoch ms) */
  at: number;
}

/** A Cloud API error to answer with: `code` is `error.code`, `httpStatus` the status line. */
export interface CloudApiFailure {
  code: number;
  httpStatus: number;
  subcode?: number;
  message?: string;
  details?: string;
  type?: string;
  headers?: Record<string, string>;
}

type NextAnswer = { error: CloudApiFailure } | { raw: { status: number; body: string; headers?: Record<string, string> } } | { silenceMs: number };

export interface CallbackAnswer {
  status: number;
  body: string;
}

export interface DeliverOptions {
  /** replaces the X-Hub-Signature-256 header (null: none at all; an array: the header sent twice) */
  signature?: string | string[] | null;
  /** changes the bytes after they were signed, as a tampering proxy would */
  tamper?: (raw: Buffer) => Buffer;
}

export interface CloudApiStandIn {
  /** base URL for the client (what https://graph.facebook.com is in production) */
  url: string;
  accessToken: string;
  requests: RecordedRequest[];
  /** the media ids uploaded and not deleted */
  media: Set<string>;
  /** the next request gets this Cloud API error instead of its usual answer */
  failNext(failure: CloudApiFailure): void;
  /** the next request gets exactly this answer */
  answerNextRaw(status: number, body: string, headers?: Record<string, string>): void;
  /** the next request gets no answer for this long (a hung upstream) */
  silenceNext(ms: number): void;
  /** Meta's verification GET to a callback URL */
  verifyCallback(callbackUrl: string, verifyToken: string, opts?: { mode?: string; challenge?: string }): Promise<CallbackAnswer>;
  /** a notification POSTed the way Meta does: JSON with non-ASCII escaped, signed with the app secret */
  deliver(callbackUrl: string, appSecret: string, notification: unknown, opts?: DeliverOptions): Promise<CallbackAnswer>;
  close(): Promise<void>;
}

const ROUTE = /^\/(v\d+\.\d+)\/([^/]+)\/(messages|media|message_templates)$/;
const MESSAGE_TYPES = new Set(['text', 'image', 'video', 'audio', 'document', 'sticker', 'template', 'interactive', 'location', 'contacts', 'reaction']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function errorBody(f: CloudApiFailure): string {
  return JSON.stringify({
    error: {
      message: `(#${f.code}) ${f.message ?? 'Stand-in error'}`,
      type: f.type ?? 'OAuthException',
      code: f.code,
      ...(f.subcode !== undefined ? { error_subcode: f.subcode } : {}),
      error_data: { messaging_product: 'whatsapp', details: f.details ?? f.message ?? 'Stand-in error' },
      fbtrace_id: `A${randomBytes(8).toString('hex')}`,
    },
  });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function readForm(req: IncomingMessage): Promise<{ fields: Record<string, string>; files: RecordedFile[] }> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const files: RecordedFile[] = [];
    const bb = busboy({ headers: req.headers, limits: { fileSize: 16 * 1024 * 1024 } });
    bb.on('field', (name, value) => (fields[name] = value));
    bb.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => files.push({ field, filename: info.filename ?? '', mimeType: info.mimeType, bytes: Buffer.concat(chunks) }));
    });
    bb.on('close', () => resolve({ fields, files }));
    bb.on('error', reject);
    req.pipe(bb);
  });
}

/** Meta sends notification JSON with everything past ASCII escaped as \uXXXX; the signature covers those bytes. */
export function metaJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function loopbackOnly(target: URL): void {
  if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') throw new Error(`the stand-in only calls loopback, not ${target.hostname}`);
}

function send(target: URL, method: string, headers: Record<string, string | string[]>, body?: Buffer): Promise<CallbackAnswer> {
  loopbackOnly(target);
  return new Promise((resolve, reject) => {
    const req = request(target, { method, headers }, (res) => {
      readBody(res).then((b) => resolve({ status: res.statusCode ?? 0, body: b.toString('utf8') }), reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function start(opts: { accessToken?: string } = {}): Promise<CloudApiStandIn> {
  const accessToken = opts.accessToken ?? `EAAG${randomBytes(24).toString('hex')}`;
  const requests: RecordedRequest[] = [];
  const media = new Set<string>();
  const queue: NextAnswer[] = [];
  let nextId = 1;

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void =>
    void res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body));
  const fail = (res: ServerResponse, f: CloudApiFailure): void => json(res, f.httpStatus, errorBody(f), f.headers);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const isMultipart = (req.headers['content-type'] ?? '').startsWith('multipart/form-data');
    const recorded: RecordedRequest = { method: req.method ?? '', path, headers: req.headers, json: null, form: null, at: Date.now() };
    if (isMultipart) recorded.form = await readForm(req);
    else {
      const raw = await readBody(req);
      try {
        recorded.json = raw.length ? (JSON.parse(raw.toString('utf8')) as unknown) : null;
      } catch {
        recorded.json = null;
      }
    }
    requests.push(recorded);

    if (req.headers.authorization !== `Bearer ${accessToken}`) {
      return fail(res, { code: 190, httpStatus: 401, message: 'Invalid OAuth access token - Cannot parse access token', details: 'Invalid OAuth access token' });
    }
    const next = queue.shift();
    if (next && 'error' in next) return fail(res, next.error);
    if (next && 'raw' in next) return void res.writeHead(next.raw.status, next.raw.headers ?? {}).end(next.raw.body);
    if (next && 'silenceMs' in next) {
      // silent until the time is up or the caller hangs up, whichever comes first
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, next.silenceMs);
        res.on('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (!res.destroyed) json(res, 504, { error: { message: 'stand-in woke up', code: 2 } });
      return;
    }

    // an edit of a template: POST /{version}/{template_id} with its category and components
    const edit = /^\/(v\d+\.\d+)\/([0-9]+)$/.exec(path);
    // a medium's deletion: DELETE /{version}/{media_id}; an id it does not hold is Graph's unsupported request
    if (req.method === 'DELETE' && edit) {
      if (!media.delete(edit[2])) return fail(res, { code: 100, httpStatus: 400, subcode: 33, type: 'GraphMethodException', message: 'Unsupported delete request.' });
      return json(res, 200, { success: true });
    }
    if (req.method === 'POST' && edit) {
      const body = recorded.json;
      if (!isRecord(body) || !Array.isArray(body.components)) return fail(res, { code: 100, httpStatus: 400, message: 'Invalid parameter', details: 'components are required.' });
      return json(res, 200, { success: true });
    }
    const route = ROUTE.exec(path);
    if (req.method !== 'POST' || !route) {
      return fail(res, { code: 100, httpStatus: 400, subcode: 33, type: 'GraphMethodException', message: 'Unsupported post request.' });
    }
    const edge = route[3];
    if (edge === 'messages') {
      const body = recorded.json;
      if (!isRecord(body) || body.messaging_product !== 'whatsapp') {
        return fail(res, { code: 100, httpStatus: 400, message: 'Invalid parameter', details: 'The parameter messaging_product is required.' });
      }
      const type = typeof body.type === 'string' ? body.type : 'text';
      if (typeof body.to !== 'string' || !MESSAGE_TYPES.has(type) || !isRecord(body[type])) {
        return fail(res, { code: 131008, httpStatus: 400, message: 'Required parameter is missing', details: `Parameter '${typeof body.to !== 'string' ? 'to' : type}' is required.` });
      }
      const wamid = `wamid.${Buffer.from(`stand-in-${nextId++}-${randomBytes(6).toString('hex')}`).toString('base64')}`;
      return json(res, 200, {
        messaging_product: 'whatsapp',
        contacts: [{ input: body.to, wa_id: body.to.replace(/\D/g, '') }],
        messages: [{ id: wamid, ...(type === 'template' ? { message_status: 'accepted' } : {}) }],
      });
    }
    if (edge === 'media') {
      const form = recorded.form;
      if (!form || form.fields.messaging_product !== 'whatsapp' || !form.fields.type || form.files.length !== 1) {
        return fail(res, { code: 100, httpStatus: 400, message: 'Invalid parameter', details: 'messaging_product, type and one file are required.' });
      }
      const id = String(1_000_000_000_000_000 + nextId++);
      media.add(id);
      return json(res, 200, { id });
    }
    const body = recorded.json;
    if (!isRecord(body) || typeof body.name !== 'string' || typeof body.language !== 'string' || typeof body.category !== 'string' || !Array.isArray(body.components)) {
      return fail(res, { code: 100, httpStatus: 400, message: 'Invalid parameter', details: 'name, language, category and components are required.' });
    }
    return json(res, 200, { id: String(2_000_000_000_000_000 + nextId++), status: 'PENDING', category: body.category });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    url: `http://127.0.0.1:${port}`,
    accessToken,
    requests,
    media,
    failNext: (failure) => void queue.push({ error: failure }),
    answerNextRaw: (status, body, headers) => void queue.push({ raw: { status, body, headers } }),
    silenceNext: (ms) => void queue.push({ silenceMs: ms }),
    verifyCallback(callbackUrl, verifyToken, o = {}) {
      const target = new URL(callbackUrl);
      target.searchParams.set('hub.mode', o.mode ?? 'subscribe');
      target.searchParams.set('hub.challenge', o.challenge ?? String(1_000_000 + Math.floor(Math.random() * 1_000_000_000)));
      target.searchParams.set('hub.verify_token', verifyToken);
      return send(target, 'GET', {});
    },
    deliver(callbackUrl, appSecret, notification, o = {}) {
      const signed = Buffer.from(metaJson(notification), 'utf8');
      const header = `sha256=${createHmac('sha256', appSecret).update(signed).digest('hex')}`;
      const body = o.tamper ? o.tamper(signed) : signed;
      const headers: Record<string, string | string[]> = { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' };
      const signature = o.signature === undefined ? header : o.signature;
      if (signature !== null) headers['x-hub-signature-256'] = signature;
      return send(new URL(callbackUrl), 'POST', headers, body);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Notification envelopes as the webhook references show them; the items inside are given in the same wire shape. */
export const notifications = {
  messages(input: { wabaId: string; phoneNumberId: string; displayPhoneNumber: string; contacts?: unknown[]; messages?: unknown[]; statuses?: unknown[] }) {
    const value: Record<string, unknown> = {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: input.displayPhoneNumber, phone_number_id: input.phoneNumberId },
    };
    if (input.contacts) value.contacts = input.contacts;
    if (input.messages) value.messages = input.messages;
    if (input.statuses) value.statuses = input.statuses;
    return { object: 'whatsapp_business_account', entry: [{ id: input.wabaId, changes: [{ value, field: 'messages' }] }] };
  },
  templateStatus(input: { wabaId: string; time: number; templateId: number; name: string; language: string; event: string; reason: string; category?: string }) {
    const value: Record<string, unknown> = {
      event: input.event,
      message_template_id: input.templateId,
      message_template_name: input.name,
      message_template_language: input.language,
      reason: input.reason,
    };
    if (input.category) value.message_template_category = input.category;
    return { object: 'whatsapp_business_account', entry: [{ id: input.wabaId, time: input.time, changes: [{ value, field: 'message_template_status_update' }] }] };
  },
  quality(input: { wabaId: string; time: number; displayPhoneNumber: string; event: string; currentLimit?: string; oldLimit?: string; maxDailyConversations?: string }) {
    const value: Record<string, unknown> = { display_phone_number: input.displayPhoneNumber, event: input.event };
    if (input.oldLimit) value.old_limit = input.oldLimit;
    if (input.currentLimit) value.current_limit = input.currentLimit;
    if (input.maxDailyConversations) value.max_daily_conversations_per_business = input.maxDailyConversations;
    return { object: 'whatsapp_business_account', entry: [{ id: input.wabaId, time: input.time, changes: [{ value, field: 'phone_number_quality_update' }] }] };
  },
};
