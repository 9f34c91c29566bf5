// Masks for personal fields when the key lacks pii:read: enough to recognise a record, not to contact a person.
function maskPhone(v: string): string {
  return v.length <= 5 ? '*'.repeat(v.length) : `${v.slice(0, 3)}${'*'.repeat(v.length - 5)}${v.slice(-2)}`;
}
function maskEmail(v: string): string {
  const at = v.lastIndexOf('@');
  return at <= 0 ? '***' : `${v[0]}***${v.slice(at)}`;
}
function maskName(v: string): string {
  return v ? `${v[0]}***` : v;
}

/**
 * Personal fields by object type, each with its mask: what a key without `pii:read` sees masked, and what a PII-read
 * audit record names when a key with it sees them in clear. The spec's `info.description` lists the same table.
 */
export const PERSONAL_FIELDS: Record<string, Record<string, (v: string) => string>> = {
  contact: { phone: maskPhone, email: maskEmail, first_name: maskName, last_name: maskName },
  message: { text: () => '[masked]' },
};

export function maskPersonalData(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(maskPersonalData);
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  const masks = typeof obj.object === 'string' ? PERSONAL_FIELDS[obj.object] : undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = masks?.[k] && typeof v === 'string' ? masks[k](v) : maskPersonalData(v);
  // previous values of personal fields inside events are personal too
  if (obj.object === 'event' && obj.data && typeof obj.data === 'object') {
    const data = out.data as { object?: { object?: unknown }; previous_attributes?: Record<string, unknown> };
    // an object type without personal fields of its own still has its contact's names masked, should it carry them
    const of = (typeof data.object?.object === 'string' ? PERSONAL_FIELDS[data.object.object] : undefined) ?? PERSONAL_FIELDS.contact;
    const prev = data.previous_attributes;
    if (prev) {
      data.previous_attributes = Object.fromEntries(Object.entries(prev).map(([k, v]) => [k, typeof v === 'string' && of[k] ? of[k](v) : v]));
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
      const shown = personal.filter((f) => obj[f] !== null && obj[f] !== undefined);
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
        const shown = of.filter((f) => data.previous_attributes![f] !== null && data.previous_attributes![f] !== undefined);
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

