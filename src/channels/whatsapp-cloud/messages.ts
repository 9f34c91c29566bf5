// Bodies of `POST /{version}/{phone_number_id}/messages` on Meta's WhatsApp Cloud API, built from small typed inputs.
// Every documented limit is checked here, before anything is sent: a refusal names the JSON pointer of the field in
// the body that would have been sent, so a caller can show it next to what the user typed.

/** An uploaded media id (from `POST /{phone_number_id}/media`) or a public https link, never both. */
export type MediaRef = { id: string } | { link: string };

interface Envelope {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  to: string;
  /** a quoted reply: the wamid of the message answered */
  context?: { message_id: string };
  /** echoed back in this message's status notifications; Meta does not read it */
  biz_opaque_callback_data?: string;
}

export interface TextBody extends Envelope {
  type: 'text';
  text: { preview_url: boolean; body: string };
}

export interface ImageBody extends Envelope {
  type: 'image';
  image: MediaRef & { caption?: string };
}
export interface VideoBody extends Envelope {
  type: 'video';
  video: MediaRef & { caption?: string };
}
export interface DocumentBody extends Envelope {
  type: 'document';
  document: MediaRef & { caption?: string; filename?: string };
}
export interface AudioBody extends Envelope {
  type: 'audio';
  audio: MediaRef;
}
export type MediaBody = ImageBody | VideoBody | DocumentBody | AudioBody;

export interface TemplateTextParameter {
  type: 'text';
  text: string;
  /** named templates only (parameter_format NAMED) */
  parameter_name?: string;
}
export type TemplateMediaParameter =
  | { type: 'image'; image: MediaRef }
  | { type: 'video'; video: MediaRef }
  | { type: 'document'; document: MediaRef & { filename?: string } };

export type TemplateComponent =
  | { type: 'header'; parameters: [TemplateTextParameter | TemplateMediaParameter] }
  | { type: 'body'; parameters: TemplateTextParameter[] }
  | { type: 'button'; sub_type: 'quick_reply'; index: string; parameters: [{ type: 'payload'; payload: string }] }
  | { type: 'button'; sub_type: 'url'; index: string; parameters: [{ type: 'text'; text: string }] };

export interface TemplateBody extends Envelope {
  type: 'template';
  template: { name: string; language: { code: string }; components?: TemplateComponent[] };
}

export type InteractiveHeader =
  | { type: 'text'; text: string }
  | { type: 'image'; image: MediaRef }
  | { type: 'video'; video: MediaRef }
  | { type: 'document'; document: MediaRef & { filename?: string } };

export interface ReplyButtonsBody extends Envelope {
  type: 'interactive';
  interactive: {
    type: 'button';
    header?: InteractiveHeader;
    body: { text: string };
    footer?: { text: string };
    action: { buttons: { type: 'reply'; reply: { id: string; title: string } }[] };
  };
}

export interface ListRow {
  id: string;
  title: string;
  description?: string;
}
export interface ListBody extends Envelope {
  type: 'interactive';
  interactive: {
    type: 'list';
    header?: { type: 'text'; text: string };
    body: { text: string };
    footer?: { text: string };
    action: { button: string; sections: { title?: string; rows: ListRow[] }[] };
  };
}

/** Every body the client may send. */
export type OutboundMessageBody = TextBody | MediaBody | TemplateBody | ReplyButtonsBody | ListBody;

// Documented limits, in characters. Meta counts characters, not bytes; we count Unicode code points (an emoji made of
// several code points may count differently at Meta, which is the one place we can be looser than the service).
export const LIMITS = {
  textBody: 4096,
  caption: 1024,
  callbackData: 512,
  interactiveBody: 1024,
  interactiveHeaderText: 60,
  interactiveFooter: 60,
  replyButtons: 3,
  replyButtonTitle: 20,
  replyButtonId: 256,
  listButton: 20,
  listSections: 10,
  listRowsTotal: 10,
  listSectionTitle: 24,
  listRowTitle: 24,
  listRowDescription: 72,
  listRowId: 200,
  templateName: 512,
  templateHeaderParameter: 60,
  // a body parameter may run to 32768 characters when the body is the only component sent, 1024 otherwise
  templateBodyParameter: 1024,
  templateBodyParameterAlone: 32_768,
  templateButtonIndex: 9,
} as const;

/** A message that would break a documented rule of the Cloud API; `pointer` is a JSON pointer into the body. */
export class InvalidMessageError extends Error {
  readonly name = 'InvalidMessageError';
  readonly code = 'whatsapp_message_invalid';
  constructor(
    readonly pointer: string,
    readonly reason: string,
  ) {
    super(`${pointer}: ${reason}`);
  }
}

const length = (s: string) => [...s].length;

// `max` only where the documentation gives one; the service is the judge of the rest
function requireText(value: string, pointer: string, max?: number): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidMessageError(pointer, 'must not be empty');
  if (max !== undefined && length(value) > max) throw new InvalidMessageError(pointer, `must be at most ${max} characters, got ${length(value)}`);
  return value;
}

function optionalText(value: string | undefined, pointer: string, max: number): string | undefined {
  return value === undefined ? undefined : requireText(value, pointer, max);
}

function mediaRef(ref: MediaRef, pointer: string): MediaRef {
  // the types allow one of the two; a caller outside TypeScript may still send both or neither
  const given = ref as Partial<{ id: string; link: string }>;
  if ((given.id === undefined) === (given.link === undefined)) throw new InvalidMessageError(pointer, 'give exactly one of id or link');
  if (given.id !== undefined) return { id: requireText(given.id, `${pointer}/id`) };
  const link = requireText(given.link ?? '', `${pointer}/link`);
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new InvalidMessageError(`${pointer}/link`, 'must be an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InvalidMessageError(`${pointer}/link`, 'must be an http(s) URL');
  return { link };
}

export interface Recipient {
  /** the customer's phone number (E.164, with or without +) or WhatsApp id */
  to: string;
  /** wamid of the customer's message this one answers */
  replyTo?: string;
  /** our own reference, returned in the status notifications of this message (at most 512 characters) */
  callbackData?: string;
}

function envelope(r: Recipient): Envelope {
  const env: Envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: requireText(r.to, '/to') };
  if (r.replyTo !== undefined) env.context = { message_id: requireText(r.replyTo, '/context/message_id') };
  if (r.callbackData !== undefined) env.biz_opaque_callback_data = requireText(r.callbackData, '/biz_opaque_callback_data', LIMITS.callbackData);
  return env;
}

export function textMessage(input: Recipient & { body: string; previewUrl?: boolean }): TextBody {
  return { ...envelope(input), type: 'text', text: { preview_url: input.previewUrl ?? false, body: requireText(input.body, '/text/body', LIMITS.textBody) } };
}

export type MediaInput =
  | { kind: 'image'; media: MediaRef; caption?: string }
  | { kind: 'video'; media: MediaRef; caption?: string }
  | { kind: 'document'; media: MediaRef; caption?: string; filename?: string }
  // the service takes no caption on audio
  | { kind: 'audio'; media: MediaRef };

export function mediaMessage(input: Recipient & MediaInput): MediaBody {
  const env = envelope(input);
  const at = `/${input.kind}`;
  const ref = mediaRef(input.media, at);
  switch (input.kind) {
    case 'audio':
      return { ...env, type: 'audio', audio: ref };
    case 'image':
      return { ...env, type: 'image', image: withCaption(ref, input.caption, at) };
    case 'video':
      return { ...env, type: 'video', video: withCaption(ref, input.caption, at) };
    case 'document': {
      const document: DocumentBody['document'] = withCaption(ref, input.caption, at);
      if (input.filename !== undefined) document.filename = requireText(input.filename, `${at}/filename`);
      return { ...env, type: 'document', document };
    }
  }
}

function withCaption(ref: MediaRef, caption: string | undefined, at: string): MediaRef & { caption?: string } {
  return caption === undefined ? ref : { ...ref, caption: requireText(caption, `${at}/caption`, LIMITS.caption) };
}

export type TemplateHeaderInput =
  | { text: string; name?: string }
  | { image: MediaRef }
  | { video: MediaRef }
  | { document: MediaRef; filename?: string };

export type TemplateButtonInput =
  /** index is the button's position in the approved template, 0 to 9 */
  | { kind: 'quick_reply'; index: number; payload: string }
  /** the variable tail appended to the URL the template defines */
  | { kind: 'url'; index: number; suffix: string };

export interface TemplateInput {
  name: string;
  /** the approved translation, e.g. `en_US` */
  language: string;
  header?: TemplateHeaderInput;
  /** positional values for {{1}}, {{2}} … in order, or named values for {{first_name}} … */
  body?: string[] | Record<string, string>;
  buttons?: TemplateButtonInput[];
}

const PARAMETER_NAME = /^[a-z0-9_]+$/;

function textParameter(text: string, pointer: string, max: number, name?: string): TemplateTextParameter {
  const p: TemplateTextParameter = { type: 'text', text: requireText(text, `${pointer}/text`, max) };
  if (name !== undefined) {
    // template variables are named in lowercase letters, digits and underscores; anything else matches no variable
    if (!PARAMETER_NAME.test(name)) throw new InvalidMessageError(`${pointer}/parameter_name`, 'must be lowercase letters, digits and underscores');
    p.parameter_name = name;
  }
  return p;
}

export function templateMessage(input: Recipient & TemplateInput): TemplateBody {
  const env = envelope(input);
  const name = requireText(input.name, '/template/name', LIMITS.templateName);
  const code = requireText(input.language, '/template/language/code');
  const components: TemplateComponent[] = [];
  const at = () => `/template/components/${components.length}`;
  if (input.header) {
    const h = input.header;
    const p = `${at()}/parameters/0`;
    if ('text' in h) components.push({ type: 'header', parameters: [textParameter(h.text, p, LIMITS.templateHeaderParameter, h.name)] });
    else if ('image' in h) components.push({ type: 'header', parameters: [{ type: 'image', image: mediaRef(h.image, `${p}/image`) }] });
    else if ('video' in h) components.push({ type: 'header', parameters: [{ type: 'video', video: mediaRef(h.video, `${p}/video`) }] });
    else {
      const document: MediaRef & { filename?: string } = mediaRef(h.document, `${p}/document`);
      if (h.filename !== undefined) document.filename = requireText(h.filename, `${p}/document/filename`);
      components.push({ type: 'header', parameters: [{ type: 'document', document }] });
    }
  }
  if (input.body !== undefined) {
    const p = `${at()}/parameters`;
    const max = input.header || input.buttons?.length ? LIMITS.templateBodyParameter : LIMITS.templateBodyParameterAlone;
    const parameters = Array.isArray(input.body)
      ? input.body.map((text, i) => textParameter(text, `${p}/${i}`, max))
      : Object.entries(input.body).map(([key, text], i) => textParameter(text, `${p}/${i}`, max, key));
    if (parameters.length) components.push({ type: 'body', parameters });
  }
  const seen = new Set<number>();
  for (const b of input.buttons ?? []) {
    const p = at();
    if (!Number.isInteger(b.index) || b.index < 0 || b.index > LIMITS.templateButtonIndex) {
      throw new InvalidMessageError(`${p}/index`, `must be a whole number from 0 to ${LIMITS.templateButtonIndex}`);
    }
    if (seen.has(b.index)) throw new InvalidMessageError(`${p}/index`, `button ${b.index} is given twice`);
    seen.add(b.index);
    components.push(
      b.kind === 'quick_reply'
        ? { type: 'button', sub_type: 'quick_reply', index: String(b.index), parameters: [{ type: 'payload', payload: requireText(b.payload, `${p}/parameters/0/payload`) }] }
        : { type: 'button', sub_type: 'url', index: String(b.index), parameters: [{ type: 'text', text: requireText(b.suffix, `${p}/parameters/0/text`) }] },
    );
  }
  return { ...env, type: 'template', template: { name, language: { code }, ...(components.length ? { components } : {}) } };
}

export type InteractiveHeaderInput = { text: string } | { image: MediaRef } | { video: MediaRef } | { document: MediaRef; filename?: string };

export interface ReplyButtonsInput {
  body: string;
  header?: InteractiveHeaderInput;
  footer?: string;
  buttons: { id: string; title: string }[];
}

function interactiveHeader(h: InteractiveHeaderInput): InteractiveHeader {
  const p = '/interactive/header';
  if ('text' in h) return { type: 'text', text: requireText(h.text, `${p}/text`, LIMITS.interactiveHeaderText) };
  if ('image' in h) return { type: 'image', image: mediaRef(h.image, `${p}/image`) };
  if ('video' in h) return { type: 'video', video: mediaRef(h.video, `${p}/video`) };
  const document: MediaRef & { filename?: string } = mediaRef(h.document, `${p}/document`);
  if (h.filename !== undefined) document.filename = requireText(h.filename, `${p}/document/filename`);
  return { type: 'document', document };
}

export function replyButtonsMessage(input: Recipient & ReplyButtonsInput): ReplyButtonsBody {
  const env = envelope(input);
  const at = '/interactive/action/buttons';
  if (input.buttons.length === 0) throw new InvalidMessageError(at, 'needs at least one button');
  if (input.buttons.length > LIMITS.replyButtons) throw new InvalidMessageError(`${at}/${LIMITS.replyButtons}`, `at most ${LIMITS.replyButtons} buttons`);
  const ids = new Set<string>();
  const titles = new Set<string>();
  const buttons = input.buttons.map((b, i) => {
    const id = requireText(b.id, `${at}/${i}/reply/id`, LIMITS.replyButtonId);
    const title = requireText(b.title, `${at}/${i}/reply/title`, LIMITS.replyButtonTitle);
    // the reply names the button by id, and the user tells buttons apart by title: both must be unique
    if (ids.has(id)) throw new InvalidMessageError(`${at}/${i}/reply/id`, 'is used by another button');
    if (titles.has(title)) throw new InvalidMessageError(`${at}/${i}/reply/title`, 'is used by another button');
    ids.add(id);
    titles.add(title);
    return { type: 'reply' as const, reply: { id, title } };
  });
  const header = input.header && interactiveHeader(input.header);
  const text = requireText(input.body, '/interactive/body/text', LIMITS.interactiveBody);
  const footer = optionalText(input.footer, '/interactive/footer/text', LIMITS.interactiveFooter);
  return {
    ...env,
    type: 'interactive',
    interactive: { type: 'button', ...(header ? { header } : {}), body: { text }, ...(footer !== undefined ? { footer: { text: footer } } : {}), action: { buttons } },
  };
}

export interface ListInput {
  body: string;
  header?: string;
  footer?: string;
  /** the label of the button that opens the list */
  button: string;
  sections: { title?: string; rows: ListRow[] }[];
}

export function listMessage(input: Recipient & ListInput): ListBody {
  const env = envelope(input);
  const at = '/interactive/action';
  const button = requireText(input.button, `${at}/button`, LIMITS.listButton);
  if (input.sections.length === 0) throw new InvalidMessageError(`${at}/sections`, 'needs at least one section');
  if (input.sections.length > LIMITS.listSections) throw new InvalidMessageError(`${at}/sections/${LIMITS.listSections}`, `at most ${LIMITS.listSections} sections`);
  const ids = new Set<string>();
  let total = 0;
  const sections = input.sections.map((s, si) => {
    const sp = `${at}/sections/${si}`;
    const section: { title?: string; rows: ListRow[] } = { rows: [] };
    // a lone section may go untitled; with several, the titles are what separates them
    if (s.title !== undefined || input.sections.length > 1) section.title = requireText(s.title ?? '', `${sp}/title`, LIMITS.listSectionTitle);
    if (s.rows.length === 0) throw new InvalidMessageError(`${sp}/rows`, 'needs at least one row');
    section.rows = s.rows.map((r, ri) => {
      const rp = `${sp}/rows/${ri}`;
      // the limit counts rows across all sections, so the pointer names the first row past it
      if (++total > LIMITS.listRowsTotal) throw new InvalidMessageError(rp, `at most ${LIMITS.listRowsTotal} rows across all sections`);
      const id = requireText(r.id, `${rp}/id`, LIMITS.listRowId);
      if (ids.has(id)) throw new InvalidMessageError(`${rp}/id`, 'is used by another row');
      ids.add(id);
      const row: ListRow = { id, title: requireText(r.title, `${rp}/title`, LIMITS.listRowTitle) };
      const description = optionalText(r.description, `${rp}/description`, LIMITS.listRowDescription);
      if (description !== undefined) row.description = description;
      return row;
    });
    return section;
  });
  const header = optionalText(input.header, '/interactive/header/text', LIMITS.interactiveHeaderText);
  const text = requireText(input.body, '/interactive/body/text', LIMITS.interactiveBody);
  const footer = optionalText(input.footer, '/interactive/footer/text', LIMITS.interactiveFooter);
  return {
    ...env,
    type: 'interactive',
    interactive: {
      type: 'list',
      ...(header !== undefined ? { header: { type: 'text' as const, text: header } } : {}),
      body: { text },
      ...(footer !== undefined ? { footer: { text: footer } } : {}),
      action: { button, sections },
    },
  };
}

export type MediaKind = MediaInput['kind'];

// The content types the Cloud API takes for each kind of media message and its size limit per kind ("Supported
// media types" in the media reference). Stickers (image/webp) are a message type of their own and are not sent here.
export const MEDIA_TYPES: Readonly<Record<string, MediaKind>> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'video/mp4': 'video',
  'video/3gpp': 'video',
  'audio/aac': 'audio',
  'audio/amr': 'audio',
  'audio/mpeg': 'audio',
  'audio/mp4': 'audio',
  'audio/ogg': 'audio',
  'application/pdf': 'document',
  'text/plain': 'document',
  'application/msword': 'document',
  'application/vnd.ms-excel': 'document',
  'application/vnd.ms-powerpoint': 'document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'document',
};

export const MEDIA_MAX_BYTES: Readonly<Record<MediaKind, number>> = {
  image: 5 * 1024 * 1024,
  video: 16 * 1024 * 1024,
  audio: 16 * 1024 * 1024,
  document: 100 * 1024 * 1024,
};

/** The kind of media message a file of this content type is sent as, or null when the Cloud API does not take it. */
export function mediaKindOf(contentType: string): MediaKind | null {
  const bare = contentType.split(';')[0].trim().toLowerCase();
  return MEDIA_TYPES[bare] ?? null;
}
