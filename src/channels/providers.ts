import { ApplicationFailure } from '@temporalio/common';
import type { Channel, InteractiveContent, MediaLink, Message, TemplateArguments, TemplateHeader } from '../db/entities';
import { interactiveBody } from './interactive';
import { callOutbound } from '../outbound/sender';
import { SIGNATURE_HEADER, signBody } from './signatures';
import { openSecret } from '../secrets/at-rest';
import { WhatsAppCloudClient, DEFAULT_BASE_URL, DEFAULT_VERSION, type Transport } from './whatsapp-cloud/client';
import { WhatsAppCloudError } from './whatsapp-cloud/errors';
import { InvalidMessageError, mediaMessage, templateMessage, textMessage, type MediaInput, type MediaKind, type MediaRef, type OutboundMessageBody, type TemplateInput } from './whatsapp-cloud/messages';
import type { MediaSource, SendableMedia } from './whatsapp-media';

const PROVIDER_TIMEOUT_MS = 5_000;
// an upload carries up to 100 MB (a document): it is given longer than a send
const UPLOAD_TIMEOUT_MS = 120_000;
// a provider's answer is read this far (its message id is near the start); the rest is never read
const PROVIDER_ANSWER_BYTES = 16 * 1024;

export interface OutboundMessage {
  id: string;
  to: string | null;
  type: Message['type'];
  text: string | null;
  templateId: string | null;
  /** the template's name and language, which a provider that knows templates by name sends instead of the text */
  templateName: string | null;
  templateLanguage: string | null;
  parameters: string[] | null;
  /** a template send's named, header and button values, and the template's header they fill */
  templateArguments?: TemplateArguments | null;
  templateHeader?: TemplateHeader | null;
  fileId: string | null;
  mediaLink?: MediaLink | null;
  interactive: InteractiveContent | null;
}

/**
 * A transient failure with what the provider said about it: the sender retries the message no sooner than
 * `retryAfterSeconds` (when given), and fails it with `code` after its last attempt. A refusal is an
 * `ApplicationFailure.nonRetryable(message, code)`; any other error is transient without a code.
 */
export class ProviderRetryLater extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** What a provider may use besides the message: the whatsapp_cloud media cache. */
export interface SendContext {
  media: MediaSource;
}

/** One adapter per channel provider; the delivery workflow speaks only this interface. */
export interface ChannelProvider {
  send(channel: Channel, message: OutboundMessage, ctx: SendContext): Promise<{ providerMessageId: string }>;
  /** receipts the platform simulates itself (the sandbox); providers that call back return null */
  simulatedReceipts(): { deliveredAfterMs: number; readAfterMs: number } | null;
}

const sandbox: ChannelProvider = {
  async send(_channel, message) {
    return { providerMessageId: `sbx_${message.id}` };
  },
  simulatedReceipts() {
    return { deliveredAfterMs: Number(process.env.SANDBOX_DELIVERED_AFTER_MS ?? 1500), readAfterMs: Number(process.env.SANDBOX_READ_AFTER_MS ?? 4000) };
  },
};

const http: ChannelProvider = {
  async send(channel, message) {
    const body = JSON.stringify({
      id: message.id,
      to: message.to,
      type: message.type,
      text: message.text,
      template_id: message.templateId,
      parameters: message.parameters,
      file_id: message.fileId,
      media_link: message.mediaLink ?? null,
      interactive: message.interactive,
    });
    const outcome = await callOutbound(channel.url!, {
      headers: {
        'user-agent': 'SabNode-Channels/1',
        // the provider can drop a resend of the same message after a crash between its answer and our commit
        'idempotency-key': message.id,
        [SIGNATURE_HEADER]: signBody(openSecret(channel.signingSecret), body),
      },
      body,
      timeoutMs: PROVIDER_TIMEOUT_MS,
      maxResponseBytes: PROVIDER_ANSWER_BYTES,
    });
    // a URL that may not be called stays so: final, and nothing of it is kept but the reason
    if (outcome.error?.code === 'address_not_allowed') throw ApplicationFailure.nonRetryable(`refused: ${outcome.error.message}`, 'address_not_allowed');
    if (outcome.error || outcome.statusCode === null) throw new Error(`provider unreachable: ${outcome.error?.message ?? 'no answer'}`);
    const status = outcome.statusCode;
    if (status >= 200 && status < 300) {
      let providerId: unknown;
      try {
        const json = JSON.parse(outcome.body ?? '') as { provider_message_id?: unknown; id?: unknown };
        providerId = json.provider_message_id ?? json.id;
      } catch {
        providerId = undefined;
      }
      return { providerMessageId: typeof providerId === 'string' && providerId ? providerId.slice(0, 200) : `http_${message.id}` };
    }
    // a redirect is never followed, and a retry would meet the same one
    if (status >= 300 && status < 400) throw ApplicationFailure.nonRetryable(`provider answered HTTP ${status}; redirects are not followed`, 'provider_rejected');
    // a refusal is final; timeouts, throttling and server errors are retried by Temporal
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
      throw ApplicationFailure.nonRetryable(`provider refused the message with HTTP ${status}`, 'provider_rejected');
    }
    throw new Error(`provider answered HTTP ${status}`);
  },
  simulatedReceipts() {
    return null;
  },
};

// The Cloud API is reached through the guarded sender like any customer-chosen URL: the channel's base URL may be
// another host than Meta's, and then it passes the same address rules at every send.
const guardedTransport: Transport = async (url, init) => {
  const outcome = await callOutbound(url, { method: init.method, headers: { 'user-agent': 'SabNode-Channels/1', ...init.headers }, body: init.body, timeoutMs: init.timeoutMs, maxResponseBytes: init.maxResponseBytes });
  if (outcome.error?.code === 'address_not_allowed') {
    throw new WhatsAppCloudError({ problemCode: 'address_not_allowed', retryable: false, message: `refused: ${outcome.error.message}` });
  }
  if (outcome.error || outcome.statusCode === null) {
    // read by the wire layer's transport mapping: a timeout by its name, anything else by its code
    const failure = Object.assign(new Error(outcome.error?.message ?? 'no answer'), { name: outcome.error?.code === 'timeout' ? 'TimeoutError' : 'Error', cause: { code: (outcome.error?.code ?? 'connection').toUpperCase() } });
    throw failure;
  }
  return { status: outcome.statusCode, headers: new Headers(outcome.headers ?? {}), body: outcome.body ?? '' };
};

const NAMED_PLACEHOLDER = /\{\{([a-z][a-z0-9_]*)\}\}/;

/** A template send as the Cloud API takes it: the header's value, the body's, each url button's tail. */
function whatsappTemplate(to: string, message: OutboundMessage, headerMedia: SendableMedia | null): OutboundMessageBody {
  const args = message.templateArguments ?? {};
  const input: TemplateInput = { name: message.templateName ?? '', language: message.templateLanguage ?? '' };
  if (args.named_parameters) {
    // a named header's value travels with the body's names; WhatsApp takes it in the header component
    const headerName = message.templateHeader?.format === 'text' ? NAMED_PLACEHOLDER.exec(message.templateHeader.text)?.[1] : undefined;
    const { [headerName ?? '']: headerValue, ...body } = args.named_parameters;
    if (headerName && headerValue !== undefined) input.header = { text: headerValue, name: headerName };
    if (Object.keys(body).length) input.body = body;
  } else if (message.parameters?.length) {
    input.body = message.parameters;
  }
  if (args.header_parameter !== undefined) input.header = { text: args.header_parameter };
  if (headerMedia) {
    // the header's file, uploaded once like any medium, as the format the approved template's header has
    const ref = { id: headerMedia.mediaId };
    const format = message.templateHeader?.format;
    if (format === 'image') input.header = { image: ref };
    else if (format === 'video') input.header = { video: ref };
    else input.header = { document: ref, filename: headerMedia.filename };
  }
  if (args.button_parameters?.length) input.buttons = args.button_parameters.map((b) => ({ kind: 'url' as const, index: b.index, suffix: b.text }));
  return templateMessage({ to, ...input });
}

function whatsappBody(message: OutboundMessage, media: SendableMedia | null): OutboundMessageBody {
  // the Cloud API takes the number as digits (a wa_id); the contact's is E.164
  const to = (message.to ?? '').replace(/^\+/, '');
  if (message.type === 'media' && media) return mediaMessage({ to, ...mediaInput({ id: media.mediaId }, media.kind, media.filename, message.text) });
  // a medium by link: Meta fetches it
  if (message.type === 'media' && message.mediaLink) {
    const link = message.mediaLink;
    return mediaMessage({ to, ...mediaInput({ link: link.url }, link.type, link.filename, message.text) });
  }
  if (message.type === 'interactive' && message.interactive) return interactiveBody(to, message.interactive);
  if (message.type === 'text') return textMessage({ to, body: message.text ?? '' });
  if (message.type === 'template') return whatsappTemplate(to, message, media);
  // refused when the message is created; one queued before the channel could not send it fails here
  throw ApplicationFailure.nonRetryable(`${message.type} messages are not sent on whatsapp_cloud channels`, 'message_type_not_supported');
}

// the message's text is the caption; the Cloud API takes none on audio
function mediaInput(ref: MediaRef, kind: MediaKind, filename: string | null, caption: string | null): MediaInput {
  const captioned = caption ? { caption } : {};
  if (kind === 'audio') return { kind: 'audio', media: ref };
  if (kind === 'document') return { kind: 'document', media: ref, ...(filename ? { filename } : {}), ...captioned };
  return { kind, media: ref, ...captioned };
}

// the wire layer's mapping decides: a refusal is final, throttling and outages are retried
function providerFailure(err: WhatsAppCloudError): Error {
  if (!err.retryable) return ApplicationFailure.nonRetryable(err.message, err.problemCode);
  return new ProviderRetryLater(err.message, err.problemCode, err.retryAfterSeconds);
}

/** The Cloud API client of a whatsapp_cloud channel, through the guarded sender, its token opened for this call only. */
export function whatsappClientFor(channel: Channel): WhatsAppCloudClient {
  return new WhatsAppCloudClient({
    phoneNumberId: channel.whatsappPhoneNumberId ?? '',
    accessToken: openSecret(channel.whatsappAccessToken ?? ''),
    baseUrl: channel.whatsappBaseUrl ?? DEFAULT_BASE_URL,
    version: channel.whatsappApiVersion ?? DEFAULT_VERSION,
    timeoutMs: PROVIDER_TIMEOUT_MS,
    transport: guardedTransport,
  });
}

const whatsappCloud: ChannelProvider = {
  async send(channel, message, ctx) {
    if (!message.to) throw ApplicationFailure.nonRetryable('the contact has no phone number', 'recipient_undeliverable');
    const client = whatsappClientFor(channel);
    try {
      // a file goes up once per channel; the cached media id serves later sends until it expires
      // a media message's file, or a template's media header
      const fileId = message.type === 'media' ? message.fileId : message.type === 'template' ? (message.templateArguments?.header_file_id ?? null) : null;
      const media = fileId ? await ctx.media.mediaFor(channel, fileId, (file) => client.uploadMedia(file, { timeoutMs: UPLOAD_TIMEOUT_MS })) : null;
      let body: OutboundMessageBody;
      try {
        body = whatsappBody(message, media);
      } catch (err) {
        if (err instanceof InvalidMessageError) throw ApplicationFailure.nonRetryable(`the message breaks a Cloud API rule: ${err.message}`, err.code);
        throw err;
      }
      const sent = await client.sendMessage(body);
      return { providerMessageId: sent.wamid.slice(0, 200) };
    } catch (err) {
      if (err instanceof WhatsAppCloudError) throw providerFailure(err);
      throw err;
    }
  },
  simulatedReceipts() {
    return null;
  },
};

export const PROVIDERS: Record<Channel['provider'], ChannelProvider> = { sandbox, http, whatsapp_cloud: whatsappCloud };
