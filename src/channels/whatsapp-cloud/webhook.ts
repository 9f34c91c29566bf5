// The receiving side of the WhatsApp Cloud API: the GET handshake that proves we own the callback URL, the
// X-Hub-Signature-256 check of each POST, and the notification envelope turned into a flat list of typed events.
// Parsing is strict about the envelope (so a body that is not a notification is refused, not half-read) and lenient
// about everything else (fields Meta adds later, change kinds and message types we do not handle are skipped).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { isRecord } from './errors';

export const SIGNATURE_HEADER = 'x-hub-signature-256';

export type HandshakeResult = { ok: true; challenge: string } | { ok: false; reason: 'wrong_mode' | 'wrong_token' | 'missing_challenge' };

// Meta's challenge is a number; anything printable and short is echoed, nothing else
const CHALLENGE = /^[\x21-\x7e]{1,256}$/;

/**
 * Answers Meta's verification GET (`hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`): the challenge to echo
 * with 200, or a refusal (403). Query values may come as arrays from a parser; only single strings count.
 */
export function answerHandshake(query: URLSearchParams | Record<string, unknown>, expectedToken: string): HandshakeResult {
  const get = (k: string): string | null => {
    if (query instanceof URLSearchParams) return query.getAll(k).length === 1 ? query.get(k) : null;
    const v = query[k];
    return typeof v === 'string' ? v : null;
  };
  if (get('hub.mode') !== 'subscribe') return { ok: false, reason: 'wrong_mode' };
  const token = get('hub.verify_token');
  if (token === null || !expectedToken || !sameSecret(token, expectedToken)) return { ok: false, reason: 'wrong_token' };
  const challenge = get('hub.challenge');
  if (challenge === null || !CHALLENGE.test(challenge)) return { ok: false, reason: 'missing_challenge' };
  return { ok: true, challenge };
}

// Both sides are hashed first, so the comparison takes the same time whatever the lengths and contents.
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

export type SignatureCheck = { valid: true } | { valid: false; reason: 'missing' | 'malformed' | 'mismatch' };

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed by the app secret>`. It must be given
 * the bytes as received: a body parsed and serialised again (Meta escapes non-ASCII as \uXXXX) hashes differently.
 */
export function verifySignature(appSecret: string, rawBody: Buffer, header: string | string[] | undefined): SignatureCheck {
  if (header === undefined || header === '') return { valid: false, reason: 'missing' };
  // a repeated header is ambiguous: which one would Meta have sent?
  if (Array.isArray(header)) return { valid: false, reason: 'malformed' };
  const m = SIGNATURE.exec(header.trim());
  if (!m) return { valid: false, reason: 'malformed' };
  if (!appSecret) return { valid: false, reason: 'mismatch' };
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  const given = Buffer.from(m[1], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? { valid: true } : { valid: false, reason: 'mismatch' };
}

/** The body is not a WhatsApp notification; `pointer` names the first place it departs from the envelope. */
export class MalformedNotificationError extends Error {
  readonly name = 'MalformedNotificationError';
  readonly code = 'whatsapp_notification_malformed';
  constructor(
    readonly pointer: string,
    readonly reason: string,
  ) {
    super(`${pointer || '/'}: ${reason}`);
  }
}

interface EventBase {
  /** the same for a notification Meta sends again, different for a different change: a key to drop replays */
  dedupeKey: string;
  /** WhatsApp Business Account id (`entry[].id`) */
  wabaId: string;
}

export type InboundContent =
  | { type: 'text'; body: string }
  | { type: 'image' | 'video' | 'audio' | 'document' | 'sticker'; mediaId: string; mimeType: string | null; caption: string | null; filename: string | null }
  | { type: 'button_reply'; id: string; title: string }
  | { type: 'list_reply'; id: string; title: string; description: string | null }
  /** a tap on a quick-reply button of a template */
  | { type: 'button'; text: string; payload: string | null }
  | { type: 'reaction'; messageId: string; emoji: string | null }
  | { type: 'location'; latitude: number; longitude: number; name: string | null; address: string | null }
  /** a type this parser does not read; the event is kept so the customer's message is not lost */
  | { type: 'unsupported'; originalType: string };

export interface InboundMessageEvent extends EventBase {
  kind: 'inbound_message';
  phoneNumberId: string;
  /** the business number's display form as the notification's metadata gives it, when it does */
  displayPhoneNumber: string | null;
  wamid: string;
  /** the customer's WhatsApp id (phone number); Meta withholds it for some users who adopted a username */
  from: string | null;
  /** the customer's business-scoped user id (BSUID), the identifier that stays when the number is withheld */
  fromUserId: string | null;
  profileName: string | null;
  username: string | null;
  /** unix seconds */
  timestamp: number;
  /** the wamid this message replies to */
  contextWamid: string | null;
  content: InboundContent;
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed' | 'played';

export interface StatusError {
  code: number;
  title: string | null;
  message: string | null;
  details: string | null;
}

export interface StatusEvent extends EventBase {
  kind: 'status';
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  wamid: string;
  status: DeliveryStatus;
  timestamp: number;
  /** the recipient's WhatsApp id; absent when the message went to a BSUID and the number is withheld */
  recipientId: string | null;
  recipientUserId: string | null;
  /** biz_opaque_callback_data of the send, when one was given */
  callbackData: string | null;
  conversation: { id: string; originType: string | null; expiresAt: number | null } | null;
  pricing: { billable: boolean | null; pricingModel: string | null; category: string | null; type: string | null } | null;
  errors: StatusError[];
}

export interface TemplateStatusEvent extends EventBase {
  kind: 'template_status';
  /** Graph ids are kept as strings; a number past 2^53 would already have lost digits in JSON.parse */
  templateId: string;
  templateName: string;
  language: string | null;
  /** APPROVED, REJECTED, PAUSED, DISABLED, PENDING_DELETION, … */
  event: string;
  reason: string | null;
  category: string | null;
  /** unix seconds of the change (`entry[].time`), when given */
  occurredAt: number | null;
}

export interface QualityEvent extends EventBase {
  kind: 'quality';
  displayPhoneNumber: string;
  /** FLAGGED, UNFLAGGED, UPGRADE, DOWNGRADE, … */
  event: string;
  /** TIER_250 … TIER_UNLIMITED; Meta is replacing it with max_daily_conversations_per_business */
  currentLimit: string | null;
  oldLimit: string | null;
  maxDailyConversations: string | null;
  occurredAt: number | null;
}

export type WhatsAppEvent = InboundMessageEvent | StatusEvent | TemplateStatusEvent | QualityEvent;

const STATUSES: ReadonlySet<string> = new Set<DeliveryStatus>(['sent', 'delivered', 'read', 'failed', 'played']);
type MediaType = 'image' | 'video' | 'audio' | 'document' | 'sticker';
const MEDIA_TYPES: ReadonlySet<string> = new Set<MediaType>(['image', 'video', 'audio', 'document', 'sticker']);
const isMediaType = (t: string): t is MediaType => MEDIA_TYPES.has(t);
const isDeliveryStatus = (s: string): s is DeliveryStatus => STATUSES.has(s);

type Obj = Record<string, unknown>;

function obj(v: unknown, at: string): Obj {
  if (!isRecord(v)) throw new MalformedNotificationError(at, 'must be an object');
  return v;
}
function arr(v: unknown, at: string): unknown[] {
  if (!Array.isArray(v)) throw new MalformedNotificationError(at, 'must be an array');
  return v;
}
function optArr(v: unknown, at: string): unknown[] {
  return v === undefined ? [] : arr(v, at);
}
function str(v: unknown, at: string): string {
  if (typeof v !== 'string' || v === '') throw new MalformedNotificationError(at, 'must be a non-empty string');
  return v;
}
// Graph sends ids as strings and some (template ids, times) as numbers; both are accepted where either is seen
function id(v: unknown, at: string): string {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  return str(v, at);
}
function optStr(v: unknown): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}
function unixSeconds(v: unknown, at: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) throw new MalformedNotificationError(at, 'must be a unix timestamp');
  return n;
}
function optUnixSeconds(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Turns a notification body (already JSON-parsed, after verifySignature) into events. Throws
 * MalformedNotificationError when the body is not the documented envelope; change kinds other than messages,
 * message_template_status_update and phone_number_quality_update are skipped.
 */
export function parseNotification(json: unknown): WhatsAppEvent[] {
  const root = obj(json, '');
  if (root.object !== 'whatsapp_business_account') throw new MalformedNotificationError('/object', 'must be "whatsapp_business_account"');
  const events: WhatsAppEvent[] = [];
  arr(root.entry, '/entry').forEach((e, ei) => {
    const ep = `/entry/${ei}`;
    const entry = obj(e, ep);
    const wabaId = id(entry.id, `${ep}/id`);
    const time = optUnixSeconds(entry.time);
    arr(entry.changes, `${ep}/changes`).forEach((c, ci) => {
      const cp = `${ep}/changes/${ci}`;
      const change = obj(c, cp);
      const field = str(change.field, `${cp}/field`);
      const vp = `${cp}/value`;
      if (field === 'messages') events.push(...messagesChange(obj(change.value, vp), vp, wabaId));
      else if (field === 'message_template_status_update') events.push(templateChange(obj(change.value, vp), vp, wabaId, time));
      else if (field === 'phone_number_quality_update') events.push(qualityChange(obj(change.value, vp), vp, wabaId, time));
    });
  });
  return events;
}

function messagesChange(value: Obj, vp: string, wabaId: string): WhatsAppEvent[] {
  const metadata = obj(value.metadata, `${vp}/metadata`);
  const phoneNumberId = id(metadata.phone_number_id, `${vp}/metadata/phone_number_id`);
  const displayPhoneNumber = optStr(metadata.display_phone_number) || null;
  // contacts describe the senders of the messages beside them, keyed by wa_id and by BSUID (either may be missing)
  const contacts = new Map<string, { name: string | null; username: string | null; userId: string | null }>();
  optArr(value.contacts, `${vp}/contacts`).forEach((c, i) => {
    const contact = obj(c, `${vp}/contacts/${i}`);
    const profile = isRecord(contact.profile) ? contact.profile : {};
    const known = { name: optStr(profile.name), username: optStr(profile.username), userId: optStr(contact.user_id) };
    if (typeof contact.wa_id === 'string') contacts.set(`wa:${contact.wa_id}`, known);
    if (known.userId) contacts.set(`user:${known.userId}`, known);
  });
  const out: WhatsAppEvent[] = [];
  optArr(value.messages, `${vp}/messages`).forEach((m, i) => {
    const mp = `${vp}/messages/${i}`;
    const message = obj(m, mp);
    const wamid = str(message.id, `${mp}/id`);
    const from = optStr(message.from) || null;
    const contact = (from && contacts.get(`wa:${from}`)) || (typeof message.from_user_id === 'string' && contacts.get(`user:${message.from_user_id}`)) || null;
    const fromUserId = optStr(message.from_user_id) || contact?.userId || null;
    if (!from && !fromUserId) throw new MalformedNotificationError(`${mp}/from`, 'names no sender (neither from nor from_user_id)');
    const context = isRecord(message.context) && typeof message.context.id === 'string' ? message.context.id : null;
    out.push({
      kind: 'inbound_message',
      dedupeKey: `message:${wamid}`,
      wabaId,
      phoneNumberId,
      displayPhoneNumber,
      wamid,
      from,
      fromUserId,
      profileName: contact?.name ?? null,
      username: contact?.username ?? null,
      timestamp: unixSeconds(message.timestamp, `${mp}/timestamp`),
      contextWamid: context,
      content: inboundContent(message, mp),
    });
  });
  optArr(value.statuses, `${vp}/statuses`).forEach((s, i) => {
    const sp = `${vp}/statuses/${i}`;
    const status = obj(s, sp);
    const wamid = str(status.id, `${sp}/id`);
    const state = str(status.status, `${sp}/status`);
    // a status Meta adds later is skipped, not refused: the rest of the batch still counts
    if (!isDeliveryStatus(state)) return;
    const recipientId = optStr(status.recipient_id) || null;
    const recipientUserId = optStr(status.recipient_user_id) || null;
    if (!recipientId && !recipientUserId) throw new MalformedNotificationError(`${sp}/recipient_id`, 'names no recipient (neither recipient_id nor recipient_user_id)');
    out.push({
      kind: 'status',
      dedupeKey: `status:${wamid}:${state}`,
      wabaId,
      phoneNumberId,
      displayPhoneNumber,
      wamid,
      status: state,
      timestamp: unixSeconds(status.timestamp, `${sp}/timestamp`),
      recipientId,
      recipientUserId,
      callbackData: optStr(status.biz_opaque_callback_data),
      conversation: conversationOf(status.conversation),
      pricing: pricingOf(status.pricing),
      errors: errorsOf(status.errors),
    });
  });
  return out;
}

function inboundContent(m: Obj, mp: string): InboundContent {
  const type = str(m.type, `${mp}/type`);
  if (type === 'text') return { type, body: str(obj(m.text, `${mp}/text`).body, `${mp}/text/body`) };
  if (isMediaType(type)) {
    const media = obj(m[type], `${mp}/${type}`);
    return {
      type,
      mediaId: id(media.id, `${mp}/${type}/id`),
      mimeType: optStr(media.mime_type),
      caption: optStr(media.caption),
      filename: optStr(media.filename),
    };
  }
  if (type === 'interactive') {
    const interactive = obj(m.interactive, `${mp}/interactive`);
    if (interactive.type === 'button_reply') {
      const r = obj(interactive.button_reply, `${mp}/interactive/button_reply`);
      return { type: 'button_reply', id: str(r.id, `${mp}/interactive/button_reply/id`), title: optStr(r.title) ?? '' };
    }
    if (interactive.type === 'list_reply') {
      const r = obj(interactive.list_reply, `${mp}/interactive/list_reply`);
      return { type: 'list_reply', id: str(r.id, `${mp}/interactive/list_reply/id`), title: optStr(r.title) ?? '', description: optStr(r.description) };
    }
    return { type: 'unsupported', originalType: `interactive.${optStr(interactive.type) ?? 'unknown'}` };
  }
  if (type === 'button') {
    const b = obj(m.button, `${mp}/button`);
    return { type: 'button', text: optStr(b.text) ?? '', payload: optStr(b.payload) };
  }
  if (type === 'reaction') {
    const r = obj(m.reaction, `${mp}/reaction`);
    // an empty emoji is a reaction taken back
    return { type: 'reaction', messageId: str(r.message_id, `${mp}/reaction/message_id`), emoji: optStr(r.emoji) || null };
  }
  if (type === 'location') {
    const l = obj(m.location, `${mp}/location`);
    const latitude = Number(l.latitude);
    const longitude = Number(l.longitude);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) throw new MalformedNotificationError(`${mp}/location`, 'needs a numeric latitude and longitude');
    return { type: 'location', latitude, longitude, name: optStr(l.name), address: optStr(l.address) };
  }
  return { type: 'unsupported', originalType: type };
}

function conversationOf(v: unknown): StatusEvent['conversation'] {
  if (!isRecord(v) || typeof v.id !== 'string') return null;
  const origin = isRecord(v.origin) ? optStr(v.origin.type) : null;
  return { id: v.id, originType: origin, expiresAt: optUnixSeconds(v.expiration_timestamp) };
}

function pricingOf(v: unknown): StatusEvent['pricing'] {
  if (!isRecord(v)) return null;
  return {
    // deprecated under per-message pricing; absent is not the same as false
    billable: typeof v.billable === 'boolean' ? v.billable : null,
    pricingModel: optStr(v.pricing_model),
    category: optStr(v.category),
    type: optStr(v.type),
  };
}

function errorsOf(v: unknown): StatusError[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isRecord).flatMap((e) => {
    if (typeof e.code !== 'number') return [];
    const data = isRecord(e.error_data) ? e.error_data : {};
    return [{ code: e.code, title: optStr(e.title), message: optStr(e.message), details: optStr(data.details) }];
  });
}

function templateChange(value: Obj, vp: string, wabaId: string, time: number | null): TemplateStatusEvent {
  const templateId = id(value.message_template_id, `${vp}/message_template_id`);
  const event = str(value.event, `${vp}/event`);
  return {
    kind: 'template_status',
    // the same change sent again carries the same entry time; a later change to the same state does not
    dedupeKey: `template:${templateId}:${event}:${time ?? optStr(value.reason) ?? ''}`,
    wabaId,
    templateId,
    templateName: str(value.message_template_name, `${vp}/message_template_name`),
    language: optStr(value.message_template_language),
    event,
    reason: optStr(value.reason),
    category: optStr(value.message_template_category),
    occurredAt: time,
  };
}

function qualityChange(value: Obj, vp: string, wabaId: string, time: number | null): QualityEvent {
  const displayPhoneNumber = id(value.display_phone_number, `${vp}/display_phone_number`);
  const event = str(value.event, `${vp}/event`);
  const currentLimit = optStr(value.current_limit);
  const maxDaily = optStr(value.max_daily_conversations_per_business);
  return {
    kind: 'quality',
    dedupeKey: `quality:${displayPhoneNumber}:${event}:${currentLimit ?? maxDaily ?? ''}:${time ?? ''}`,
    wabaId,
    displayPhoneNumber,
    event,
    currentLimit,
    oldLimit: optStr(value.old_limit),
    maxDailyConversations: maxDaily,
    occurredAt: time,
  };
}
