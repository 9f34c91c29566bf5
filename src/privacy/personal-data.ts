// Masks for personal fields when the key lacks pii:read: enough to recognise a record, not to contact a person.
import { CONTACT_TEXT_FIELDS } from '../db/entities';

function maskPhone(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  return v.length <= 5 ? '*'.repeat(v.length) : `${v.slice(0, 3)}${'*'.repeat(v.length - 5)}${v.slice(-2)}`;
}
function maskEmail(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const at = v.lastIndexOf('@');
  return at <= 0 ? '***' : `${v[0]}***${v.slice(at)}`;
}
function maskName(v: unknown): unknown {
  return typeof v === 'string' && v ? `${v[0]}***` : v;
}
// an integrator's own identifier for the person (often a CRM number, sometimes an email): its last two characters
function maskIdentifier(v: unknown): unknown {
  return typeof v === 'string' ? (v.length < 6 ? '***' : `***${v.slice(-2)}`) : v;
}
const MASKED = '[masked]';
function maskText(v: unknown): unknown {
  return typeof v === 'string' ? MASKED : v;
}
// free-form values keyed by the integrator (contact attributes, order metadata): keys stay, values go
function maskValues(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === null ? null : MASKED]));
}
// a contact's attributes: the keys of non-personal definitions stay in clear, every other value goes
function maskAttributes(v: unknown, shown: ReadonlySet<string>): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === null || shown.has(k) ? x : MASKED]));
}
function maskEach(v: unknown): unknown {
  return Array.isArray(v) ? v.map(() => MASKED) : v;
}
// an interactive message: its shape, kinds and ids stay (they are the integrator's), every text goes
function maskInteractive(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(maskInteractive);
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? (k === 'type' || k === 'id' ? x : MASKED) : maskInteractive(x)]));
}

// a template send's values beside its parameters: the named ones, the header's and each url button's tail (a file id is
// not personal data)
function maskTemplateArguments(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const a = v as { named_parameters?: Record<string, unknown>; header_parameter?: unknown; button_parameters?: { index: number }[] };
  return {
    ...a,
    ...(a.named_parameters ? { named_parameters: Object.fromEntries(Object.keys(a.named_parameters).map((k) => [k, MASKED])) } : {}),
    ...(a.header_parameter !== undefined ? { header_parameter: MASKED } : {}),
    ...(Array.isArray(a.button_parameters) ? { button_parameters: a.button_parameters.map((b) => ({ index: b.index, text: MASKED })) } : {}),
  };
}

// a medium sent by link: its URL and filename may name the person (a signed link, "passport-asha.pdf"); its type stays
function maskMediaLink(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const link = v as { filename?: unknown };
  return { ...link, url: MASKED, filename: link.filename === null ? null : MASKED };
}

/**
 * Personal fields by object type, each with its mask: what a key without `pii:read` sees masked (in REST bodies,
 * events, the event stream and the webhooks of endpoints without the permission), and what a PII-read audit record
 * names when they are shown in clear. The same fields a privacy purge erases. The spec's `info.description` lists
 * the same table.
 */
export const PERSONAL_FIELDS: Record<string, Record<string, (v: unknown, shownAttributes: ReadonlySet<string>) => unknown>> = {
  // attributes: values of keys defined non-personal are shown (shownAttributes); undefined and personal keys are masked
  // the text fields (names) are masked as names
  contact: {
    phone: maskPhone,
    email: maskEmail,
    ...Object.fromEntries(CONTACT_TEXT_FIELDS.map((f) => [f.wire, maskName])),
    external_id: maskIdentifier,
    attributes: maskAttributes,
  },
  // a template message's parameters are what its text is rendered from
  message: { text: maskText, parameters: maskEach, template_arguments: maskTemplateArguments, media_link: maskMediaLink, interactive: maskInteractive },
  // shipping addresses, recipients and notes live here
  order: { metadata: maskValues },
};

/**
 * Whether a body holds contact attribute values (an `attributes` object with a key, anywhere: contacts, events and
 * their previous values), so that masking it needs the workspace's definitions.
 */
export function carriesAttributes(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(carriesAttributes);
  if (!node || typeof node !== 'object') return false;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'attributes' && v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) return true;
    if (v && typeof v === 'object' && carriesAttributes(v)) return true;
  }
  return false;
}

/** A value counts as shown (for audit records) when it holds something: not null, not an empty object or list. */
function holdsValue(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * A body as a key without pii:read sees it. `shownAttributes` are the contact attribute keys the workspace defines as
 * not personal (shownAttributeKeys): their values stay; it matters only for bodies that carryAttributes.
 */
export function maskPersonalData(node: unknown, shownAttributes: ReadonlySet<string> = NONE): unknown {
  if (Array.isArray(node)) return node.map((n) => maskPersonalData(n, shownAttributes));
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  const masks = typeof obj.object === 'string' ? PERSONAL_FIELDS[obj.object] : undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = masks?.[k] && v !== null && v !== undefined ? masks[k](v, shownAttributes) : maskPersonalData(v, shownAttributes);
  // previous values of personal fields inside events are personal too
  if (obj.object === 'event' && obj.data && typeof obj.data === 'object') {
    const data = out.data as { object?: { object?: unknown }; previous_attributes?: Record<string, unknown> };
    // an object type without personal fields of its own still has its contact's names masked, should it carry them
    const of = (typeof data.object?.object === 'string' ? PERSONAL_FIELDS[data.object.object] : undefined) ?? PERSONAL_FIELDS.contact;
    const prev = data.previous_attributes;
    if (prev) {
      data.previous_attributes = Object.fromEntries(Object.entries(prev).map(([k, v]) => [k, v !== null && v !== undefined && of[k] ? of[k](v, shownAttributes) : v]));
    }
  }
  return out;
}

/** The objects (by id) and the personal fields a response body shows; fields only when they hold a value. */
export function personalDataIn(body: unknown): { objectIds: string[]; fields: string[] } {
  const ids = new Set<string>();
  const fields = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    const personal = typeof obj.object === 'string' && PERSONAL_FIELDS[obj.object] ? Object.keys(PERSONAL_FIELDS[obj.object]) : undefined;
    if (personal && typeof obj.id === 'string') {
      const shown = personal.filter((f) => holdsValue(obj[f]));
      if (shown.length) {
        ids.add(obj.id);
        for (const f of shown) fields.add(`${obj.object}.${f}`);
      }
    }
    // an event's previous values of a contact's personal fields are that contact's personal data too
    if (obj.object === 'event' && obj.data && typeof obj.data === 'object') {
      const data = obj.data as { object?: { id?: unknown; object?: unknown }; previous_attributes?: Record<string, unknown> };
      const of = data.object && typeof data.object.object === 'string' && PERSONAL_FIELDS[data.object.object] ? Object.keys(PERSONAL_FIELDS[data.object.object]) : undefined;
      if (of && data.previous_attributes && typeof data.object?.id === 'string') {
        const shown = of.filter((f) => holdsValue(data.previous_attributes![f]));
        if (shown.length) {
          ids.add(data.object.id);
          for (const f of shown) fields.add(`${data.object.object as string}.previous_attributes.${f}`);
        }
      }
    }
    for (const v of Object.values(obj)) if (v && typeof v === 'object') visit(v);
  };
  visit(body);
  return { objectIds: [...ids], fields: [...fields].sort() };
}

/**
 * The read scope an event's object needs, by event family (`contact.*` needs `contacts:read`). A family missing here
 * needs a scope no key has: its objects stay hidden until it is added.
 */
export const EVENT_FAMILY_SCOPES: Record<string, string> = {
  contact: 'contacts:read',
  file: 'files:read',
  tag: 'tags:read',
  template: 'templates:read',
  order: 'orders:read',
  channel: 'channels:read',
  conversation: 'conversations:read',
  message: 'messages:read',
  webhook: 'webhooks:read',
  webhook_endpoint: 'webhooks:read',
  webhook_delivery: 'webhooks:read',
  flow_run: 'flows:read',
  broadcast: 'broadcasts:read',
};

/** The scope that shows the object of an event of this type. */
export function eventObjectScope(type: string): string {
  return EVENT_FAMILY_SCOPES[type.split('.')[0]] ?? `${type.split('.')[0]}:read`;
}

/**
 * Events as a key may see them: an event whose object belongs to a family the key cannot read keeps its envelope
 * (id, type, sequence, times) and shows only the object's `{id, object}`, without `previous_attributes`.
 */
export function hideUnreadableObjects(node: unknown, scopes: readonly string[]): unknown {
  // most keys read every family: their bodies need no walk at all (this runs on every response). Every family of
  // the spec's Event.type is in the table above, so no event escapes this shortcut
  if (READ_SCOPES.every((s) => scopes.includes(s))) return node;
  return hideFrom(node, scopes);
}

const READ_SCOPES = [...new Set(Object.values(EVENT_FAMILY_SCOPES))];

function hideFrom(node: unknown, scopes: readonly string[]): unknown {
  if (Array.isArray(node)) {
    let changed = false;
    const out = node.map((n) => {
      const m = hideFrom(n, scopes);
      if (m !== n) changed = true;
      return m;
    });
    return changed ? out : node;
  }
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  if (obj.object === 'event' && typeof obj.type === 'string' && obj.data && typeof obj.data === 'object') {
    if (scopes.includes(eventObjectScope(obj.type))) return node;
    const inner = (obj.data as { object?: Record<string, unknown> }).object ?? {};
    const stub = { ...(typeof inner.id === 'string' ? { id: inner.id } : {}), object: inner.object };
    return { ...obj, data: { object: stub } };
  }
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(obj)) {
    if (!v || typeof v !== 'object') continue;
    const m = hideFrom(v, scopes);
    if (m !== v) (out ??= { ...obj })[k] = m;
  }
  return out ?? node;
}
