// A small client of the WhatsApp Cloud API (Meta's Graph API): send a message, upload and delete media, create and
// edit a template.
// Each call is bounded in time, never follows a redirect, reads at most a few kilobytes of the answer and turns every
// failure into a WhatsAppCloudError with its retry decision (errors.ts). It logs nothing; the access token lives in a
// private field so neither a log line nor an inspected object can carry it.
import { randomBytes } from 'node:crypto';
import { WhatsAppCloudError, isRecord, mapCloudApiError, mapTransportFailure } from './errors';
import type { OutboundMessageBody } from './messages';

export const DEFAULT_BASE_URL = 'https://graph.facebook.com';
export const DEFAULT_VERSION = 'v21.0';
export const DEFAULT_TIMEOUT_MS = 10_000;
// the answers we read (a message id, a media id, an error) are small; the rest is never read
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * How a JSON call reaches the service, when not by fetch: a channel's sends go through the platform's guarded sender
 * (its address rules, pinned DNS, bounded answer). It answers the status, the headers and the body as read, or throws:
 * a WhatsAppCloudError as it is (a refusal the transport decided), anything else as a transport failure.
 */
export type Transport = (url: string, init: { method: 'POST' | 'DELETE'; headers: Record<string, string>; body: string | Buffer; timeoutMs: number; maxResponseBytes: number }) => Promise<{ status: number; headers: Headers; body: string }>;

export interface WhatsAppCloudClientOptions {
  phoneNumberId: string;
  accessToken: string;
  baseUrl?: string;
  /** Graph API version, e.g. `v21.0` */
  version?: string;
  /** bound on a whole call: connecting, sending and reading the answer */
  timeoutMs?: number;
  /** calls go through this instead of fetch */
  transport?: Transport;
}

export interface SentMessage {
  /** the message id (`wamid.…`) its status notifications will carry */
  wamid: string;
  /** the WhatsApp id the number was resolved to, when the answer says */
  waId?: string;
}

export interface MediaUpload {
  bytes: Uint8Array;
  mimeType: string;
  filename: string;
}

export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';

export interface NamedParamExample {
  param_name: string;
  example: string;
}

export type TemplateDefinitionComponent =
  | {
      type: 'HEADER';
      format: 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION';
      text?: string;
      example?: { header_text?: string[]; header_text_named_params?: NamedParamExample[]; header_handle?: string[] };
    }
  | { type: 'BODY'; text: string; example?: { body_text?: string[][]; body_text_named_params?: NamedParamExample[] } }
  | { type: 'FOOTER'; text: string }
  | {
      type: 'BUTTONS';
      buttons: (
        | { type: 'QUICK_REPLY'; text: string }
        | { type: 'URL'; text: string; url: string; example?: string[] }
        | { type: 'PHONE_NUMBER'; text: string; phone_number: string }
      )[];
    };

/** The body of `POST /{waba_id}/message_templates`. */
export interface TemplateDefinition {
  name: string;
  language: string;
  category: TemplateCategory;
  parameter_format?: 'POSITIONAL' | 'NAMED';
  allow_category_change?: boolean;
  components: TemplateDefinitionComponent[];
}

export interface CreatedTemplate {
  id: string;
  /** PENDING right after creation, APPROVED or REJECTED later (a message_template_status_update says which) */
  status: string;
  category: string;
}

const VERSION = /^v\d+\.\d+$/;

export class WhatsAppCloudClient {
  readonly baseUrl: string;
  readonly version: string;
  readonly phoneNumberId: string;
  readonly timeoutMs: number;
  readonly #accessToken: string;
  readonly #transport: Transport | undefined;

  constructor(options: WhatsAppCloudClientOptions) {
    if (!options.phoneNumberId) throw new TypeError('phoneNumberId is required');
    if (!options.accessToken) throw new TypeError('accessToken is required');
    const version = options.version ?? DEFAULT_VERSION;
    if (!VERSION.test(version)) throw new TypeError(`version must look like v21.0, got ${JSON.stringify(version)}`);
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.version = version;
    this.phoneNumberId = options.phoneNumberId;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#accessToken = options.accessToken;
    this.#transport = options.transport;
  }

  /** Sends one message; the answer's `messages[0].id` is the wamid its status notifications carry. */
  async sendMessage(body: OutboundMessageBody): Promise<SentMessage> {
    const answer = await this.call(this.path(this.phoneNumberId, 'messages'), {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const record = isRecord(answer) ? answer : {};
    const message = Array.isArray(record.messages) ? record.messages[0] : undefined;
    if (!isRecord(message) || typeof message.id !== 'string' || !message.id) throw badAnswer('a message id');
    const contact = Array.isArray(record.contacts) ? record.contacts[0] : undefined;
    const sent: SentMessage = { wamid: message.id };
    if (isRecord(contact) && typeof contact.wa_id === 'string') sent.waId = contact.wa_id;
    return sent;
  }

  /** Uploads a file for later sends by id; Meta keeps it for 30 days. `timeoutMs` bounds this call instead of the client's. */
  async uploadMedia(file: MediaUpload, opts: { timeoutMs?: number } = {}): Promise<{ id: string }> {
    const { contentType, body } = multipart(file);
    const answer = await this.call(this.path(this.phoneNumberId, 'media'), { headers: { 'content-type': contentType }, body }, opts.timeoutMs);
    if (!isRecord(answer) || typeof answer.id !== 'string' || !answer.id) throw badAnswer('a media id');
    return { id: answer.id };
  }

  /** Submits a template for review; it can be sent once a status update says APPROVED. */
  async createTemplate(wabaId: string, template: TemplateDefinition): Promise<CreatedTemplate> {
    if (!wabaId) throw new TypeError('wabaId is required');
    const answer = await this.call(this.path(wabaId, 'message_templates'), {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(template),
    });
    if (!isRecord(answer) || typeof answer.id !== 'string' || !answer.id) throw badAnswer('a template id');
    return {
      id: answer.id,
      status: typeof answer.status === 'string' ? answer.status : 'PENDING',
      category: typeof answer.category === 'string' ? answer.category : template.category,
    };
  }

  /** Sends an edited template (its category and components; name and language stay) back to review. */
  async editTemplate(templateId: string, edit: Pick<TemplateDefinition, 'category' | 'components'>): Promise<void> {
    if (!templateId) throw new TypeError('templateId is required');
    const answer = await this.call(`${this.baseUrl}/${this.version}/${encodeURIComponent(templateId)}`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(edit),
    });
    if (!isRecord(answer) || answer.success !== true) throw badAnswer('success');
  }

  /**
   * Deletes an uploaded medium at Meta (`DELETE /{media_id}`, scoped to this number). Answers false when Meta no longer
   * has it (deleted before, or dropped after its 30 days): there is nothing left to delete.
   */
  async deleteMedia(mediaId: string): Promise<boolean> {
    if (!mediaId) throw new TypeError('mediaId is required');
    const url = `${this.baseUrl}/${this.version}/${encodeURIComponent(mediaId)}?phone_number_id=${encodeURIComponent(this.phoneNumberId)}`;
    let answer: unknown;
    try {
      answer = await this.call(url, { method: 'DELETE', body: '' });
    } catch (err) {
      // an id Meta does not know: GraphMethodException (#100) "Unsupported delete request"
      if (err instanceof WhatsAppCloudError && err.providerCode === 100) return false;
      throw err;
    }
    if (!isRecord(answer) || answer.success !== true) throw badAnswer('success');
    return true;
  }

  // what an inspected client shows: everything but the token
  toJSON() {
    return { baseUrl: this.baseUrl, version: this.version, phoneNumberId: this.phoneNumberId, timeoutMs: this.timeoutMs };
  }

  private path(node: string, edge: string): string {
    return `${this.baseUrl}/${this.version}/${encodeURIComponent(node)}/${edge}`;
  }

  private async call(url: string, init: { method?: 'POST' | 'DELETE'; headers?: Record<string, string>; body: string | Buffer }, timeoutMs = this.timeoutMs): Promise<unknown> {
    const method = init.method ?? 'POST';
    if (this.#transport) return this.callThrough(this.#transport, url, method, init.headers ?? {}, init.body, timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, {
        method,
        headers: { ...init.headers, authorization: `Bearer ${this.#accessToken}`, accept: 'application/json' },
        body: method === 'DELETE' ? undefined : init.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await readAtMost(res, MAX_ANSWER_BYTES);
    } catch (err) {
      throw new WhatsAppCloudError(mapTransportFailure(err, timeoutMs));
    }
    return judge(res.status, res.headers, text);
  }

  // the same call through a transport: its answer is judged exactly as fetch's is
  private async callThrough(transport: Transport, url: string, method: 'POST' | 'DELETE', headers: Record<string, string>, body: string | Buffer, timeoutMs: number): Promise<unknown> {
    let answer: Awaited<ReturnType<Transport>>;
    try {
      answer = await transport(url, {
        method,
        headers: { ...headers, authorization: `Bearer ${this.#accessToken}`, accept: 'application/json' },
        body,
        timeoutMs,
        maxResponseBytes: MAX_ANSWER_BYTES,
      });
    } catch (err) {
      if (err instanceof WhatsAppCloudError) throw err;
      throw new WhatsAppCloudError(mapTransportFailure(err, timeoutMs));
    }
    return judge(answer.status, answer.headers, answer.body);
  }
}

// The upload's multipart/form-data body, made here rather than by FormData so it can go through any transport as bytes.
function multipart(file: MediaUpload): { contentType: string; body: Buffer } {
  const boundary = `----SabNodeMedia${randomBytes(12).toString('hex')}`;
  // a filename is a header parameter: quotes and line breaks would end it early
  const filename = file.filename.replace(/["\r\n\\]/g, '_');
  const field = (name: string, value: string) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = `${field('messaging_product', 'whatsapp')}${field('type', file.mimeType)}--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${filename}"\r\ncontent-type: ${file.mimeType}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength), Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]);
  return { contentType: `multipart/form-data; boundary=${boundary}`, body };
}

function judge(status: number, headers: Headers, text: string): unknown {
  if (status < 200 || status >= 300) throw new WhatsAppCloudError(mapCloudApiError({ status, body: text, headers }));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badAnswer('JSON');
  }
}

// A 2xx without what it should carry: the message may have gone out, and the Cloud API takes no idempotency key,
// so a resend could deliver it twice. Final, for a person to look at.
function badAnswer(what: string): WhatsAppCloudError {
  return new WhatsAppCloudError({ problemCode: 'provider_bad_response', retryable: false, message: `WhatsApp Cloud API accepted the request but its answer holds no ${what}` });
}

async function readAtMost(res: Response, limit: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > limit) {
      chunks.push(value.subarray(0, limit - size));
      await reader.cancel();
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return Buffer.concat(chunks).toString('utf8');
}
