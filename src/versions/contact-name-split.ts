// The change that API version 2026-11-01 made: contacts' `name` split into `first_name` and `last_name`. Requests
// written for 2025-06-01 are upgraded, and objects, events and the spec are shown to it in its shape.
import { ApiError } from '../errors';
import type { Json, VersionChange } from './types';

function splitName(name: unknown): { first_name: string | null; last_name: string | null } {
  if (name === null || name === undefined) return { first_name: null, last_name: null };
  const text = String(name);
  const at = text.indexOf(' ');
  if (at < 0) return { first_name: text, last_name: null };
  return { first_name: text.slice(0, at), last_name: text.slice(at + 1) || null };
}

function joinName(first: unknown, last: unknown): string | null {
  const parts = [first, last].filter((p): p is string => typeof p === 'string' && p.length > 0);
  return parts.length ? parts.join(' ') : null;
}

function refuseNewNameFields(body: Json): void {
  for (const field of ['first_name', 'last_name']) {
    if (field in body) {
      throw new ApiError('invalid_request', `'${field}' does not exist in API version 2025-06-01; use 'name'`, {
        errors: [{ pointer: `/${field}`, code: 'unknown_field', message: `Unknown field '${field}' in this API version` }],
      });
    }
  }
}

// create: absent halves stay absent
function nameOnCreate(body: Json): Json {
  refuseNewNameFields(body);
  if (!('name' in body)) return body;
  const { name, ...rest } = body;
  const split = splitName(name);
  return { ...rest, ...(split.first_name !== null ? { first_name: split.first_name } : {}), ...(split.last_name !== null ? { last_name: split.last_name } : {}) };
}

// update: `name` replaces the whole name, so a one-word name clears last_name
function nameOnUpdate(body: Json): Json {
  refuseNewNameFields(body);
  if (!('name' in body)) return body;
  const { name, ...rest } = body;
  return { ...rest, ...splitName(name) };
}

/** Applies a single-item request transform to each item of a bulk body; a refusal points at its item. */
function eachItem(transform: (body: Json) => Json): (body: Json) => Json {
  return (body) => {
    if (!Array.isArray(body.items)) return body;
    const items = body.items.map((item: unknown, i: number) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) return item;
      try {
        return transform(item as Json);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        const errors = err.extras.errors?.map((e) => ({ ...e, pointer: `/items/${i}${e.pointer}` }));
        throw new ApiError(err.code, `/items/${i}: ${err.detail ?? ''}`, { ...err.extras, ...(errors ? { errors } : {}) });
      }
    });
    return { ...body, items };
  };
}

function contactDown(obj: Json): Json {
  if (!('first_name' in obj) && !('last_name' in obj)) return obj; // tombstones
  const { first_name, last_name, ...rest } = obj;
  const out: Json = {};
  // keep the wire order: name stands where first_name and last_name stood, after email
  for (const [k, v] of Object.entries(rest)) {
    out[k] = v;
    if (k === 'email') out.name = joinName(first_name, last_name);
  }
  if (!('name' in out)) out.name = joinName(first_name, last_name);
  return out;
}

function eventDown(evt: Json): Json {
  const data = evt.data as Json | undefined;
  const object = data?.object as Json | undefined;
  const prev = data?.previous_attributes as Json | undefined;
  if (!data || !object || object.object !== 'contact' || !prev) return evt;
  if (!('first_name' in prev) && !('last_name' in prev)) return evt;
  const { first_name, last_name, ...rest } = prev;
  const before = joinName('first_name' in prev ? first_name : object.first_name, 'last_name' in prev ? last_name : object.last_name);
  return { ...evt, data: { ...data, previous_attributes: { ...rest, name: before } } };
}

/** Replaces `first_name` and `last_name` in a schema's properties by one `name` property, in the same place. */
function nameProperty(schema: Json | undefined, name: unknown): void {
  const props = schema?.properties as Json | undefined;
  if (!schema || !props || !('first_name' in props)) return;
  const out: Json = {};
  for (const [k, v] of Object.entries(props)) {
    if (k === 'first_name') out.name = name;
    else if (k !== 'last_name') out[k] = v;
  }
  schema.properties = out;
  if (Array.isArray(schema.required)) {
    const req = (schema.required as string[]).filter((r) => r !== 'last_name');
    schema.required = req.map((r) => (r === 'first_name' ? 'name' : r));
  }
}

/** Examples in the older shape: any example object with `first_name` or `last_name` gets the joined `name`. */
function nameInExamples(node: unknown, inExample = false): void {
  if (Array.isArray(node)) return node.forEach((n) => nameInExamples(n, inExample));
  if (!node || typeof node !== 'object') return;
  const obj = node as Json;
  if (inExample && ('first_name' in obj || 'last_name' in obj)) {
    const rewritten = obj.object === 'contact' ? contactDown(obj) : nameOnCreateExample(obj);
    for (const k of Object.keys(obj)) delete obj[k];
    Object.assign(obj, rewritten);
  }
  for (const [k, v] of Object.entries(obj)) nameInExamples(v, inExample || k === 'example' || k === 'examples' || k === 'value');
}

function nameOnCreateExample(obj: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'first_name') out.name = joinName(obj.first_name, obj.last_name);
    else if (k !== 'last_name') out[k] = v;
  }
  return out;
}

function nameInSpec(doc: Json): void {
  const schemas = (doc.components as Json).schemas as Record<string, Json>;
  // split at its first space into first and last name, each a PersonName (1–100 characters; an empty last is none)
  schemas.PersonFullName = {
    type: 'string',
    minLength: 1,
    maxLength: 201,
    pattern: '^[^ ]{1,100}( [\\s\\S]{0,100})?$',
    description: 'Split at the first space into `first_name` and `last_name` (each at most 100 characters).',
  };
  const fullName = { $ref: '#/components/schemas/PersonFullName' };
  nameProperty(schemas.Contact, { type: ['string', 'null'], description: 'First and last name, joined by a space. Masked without `pii:read`.' });
  nameProperty(schemas.ContactCreate, fullName);
  nameProperty(schemas.ContactUpsertItem, fullName);
  nameProperty(schemas.ContactUpdate, { oneOf: [fullName, { type: 'null' }], description: 'Replaces the whole name: a one-word name clears the last name.' });
  nameInExamples(doc.paths);
  nameInExamples(doc.components);
}

export const contactNameSplit: VersionChange = {
  description: 'Contacts: `name` split into `first_name` and `last_name` (at the first space).',
  requests: { createContact: nameOnCreate, updateContact: nameOnUpdate, bulkUpsertContacts: eachItem(nameOnCreate) },
  resources: { contact: contactDown, event: eventDown },
  spec: nameInSpec,
};
