import { ApiError } from './errors';

type Json = Record<string, unknown>;

/** One breaking change between a version and the one before it, written once in both directions. */
interface VersionChange {
  description: string;
  /** Turns a request body written for the older version into the newer shape, keyed by operationId. */
  requests: Record<string, (body: Json) => Json>;
  /** Turns an object of the newer shape into the older one, keyed by the object's `object` value. */
  resources: Record<string, (obj: Json) => Json>;
  /** Rewrites the OpenAPI document of the newer version into the older one's (schemas and examples), in place. */
  spec: (doc: Json) => void;
}

export interface ApiVersion {
  version: string;
  released: string;
  deprecated?: string;
  sunset?: string;
  /** The change that the next newer version introduced, applied to requests at this version and older. */
  changeToNext?: VersionChange;
}

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

export const VERSIONS: ApiVersion[] = [
  { version: '2026-11-01', released: '2026-11-01' },
  {
    version: '2025-06-01',
    released: '2025-06-01',
    deprecated: '2026-11-01',
    sunset: '2028-11-01',
    changeToNext: {
      description: 'Contacts: `name` split into `first_name` and `last_name` (at the first space).',
      requests: { createContact: nameOnCreate, updateContact: nameOnUpdate, bulkUpsertContacts: eachItem(nameOnCreate) },
      resources: { contact: contactDown, event: eventDown },
      spec: nameInSpec,
    },
  },
];

export const CURRENT_VERSION = VERSIONS[0].version;
const byVersion = new Map(VERSIONS.map((v) => [v.version, v]));

/** Resolves the version of a request: the header, else the key's pinned version, else the current one. */
export function resolveVersion(header: string | undefined, pinned: string | null | undefined, now = new Date()): ApiVersion {
  const requested = header?.trim() || pinned || CURRENT_VERSION;
  const found = byVersion.get(requested);
  if (!found) {
    throw new ApiError('invalid_api_version', `Api-Version '${requested.slice(0, 40)}' is not a known version; supported: ${VERSIONS.map((v) => v.version).join(', ')}`, {
      errors: [{ pointer: '/header/Api-Version', code: 'invalid_api_version', message: 'Unknown API version' }],
    });
  }
  if (found.sunset && now >= new Date(`${found.sunset}T00:00:00Z`)) {
    throw new ApiError('api_version_sunset', `Api-Version ${found.version} reached its sunset on ${found.sunset}; upgrade to ${CURRENT_VERSION}`);
  }
  return found;
}

/** Changes between `version` and the current one, oldest first. */
function changesSince(version: ApiVersion): VersionChange[] {
  const idx = VERSIONS.indexOf(version);
  return VERSIONS.slice(0, idx + 1)
    .reverse()
    .flatMap((v) => (v.changeToNext ? [v.changeToNext] : []));
}

export function upgradeRequest(version: ApiVersion, operationId: string, body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  let out = body as Json;
  for (const change of changesSince(version)) {
    const fn = change.requests[operationId];
    if (fn) out = fn(out);
  }
  return out;
}

/**
 * Rewrites every object in a response (lists and events included) down to `version`. Recursive: safe because what
 * it walks was stored from request bodies held to LIMIT_JSON_DEPTH at the door (src/api/json-limits.ts).
 */
export function downgradeResponse(version: ApiVersion, body: unknown): unknown {
  const changes = changesSince(version).reverse();
  if (!changes.length) return body;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    let obj = node as Json;
    if (typeof obj.object === 'string') {
      for (const change of changes) {
        const fn = change.resources[obj.object as string];
        if (fn) obj = fn(obj);
      }
    }
    const out: Json = {};
    for (const [k, v] of Object.entries(obj)) out[k] = walk(v);
    return out;
  };
  return walk(body);
}

const DOCS_VERSIONS_URL = 'https://docs.sabnode.com/api/versions';

/** Deprecation (RFC 9745), Sunset (RFC 8594) and Link headers for a deprecated version. */
export function versionHeaders(version: ApiVersion): Record<string, string> {
  const headers: Record<string, string> = { 'Api-Version': version.version };
  if (version.deprecated) {
    headers.Deprecation = `@${Math.floor(Date.parse(`${version.deprecated}T00:00:00Z`) / 1000)}`;
    if (version.sunset) headers.Sunset = new Date(`${version.sunset}T00:00:00Z`).toUTCString();
    headers.Link = `<${DOCS_VERSIONS_URL}#${version.version}>; rel="deprecation"; type="text/html"`;
  }
  return headers;
}

/**
 * The OpenAPI document of one version: the source document describes the current version; each older one is
 * derived by the spec rewrites of the changes since, and its Api-Version header lists that version alone, so that
 * every schema in a document describes what a request carrying its header sends and gets.
 */
export function specForVersion(source: Json, version: ApiVersion): Json {
  const doc = structuredClone(source);
  for (const change of changesSince(version).reverse()) change.spec(doc);
  (doc.info as Json).version = version.version;
  const param = ((doc.components as Json).parameters as Record<string, Json>).ApiVersion;
  param.schema = { type: 'string', enum: [version.version], examples: [version.version] };
  param.description =
    `The API version. This document describes ${version.version}: requests that send this header, or that leave it out ` +
    `with a key pinned to ${version.version}. Every supported version has its own document, ` +
    '`GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is ' +
    '`400 invalid_api_version`.';
  return doc;
}

/** The same document with the Api-Version header open to every supported version: what the request validator reads. */
export function specForAnyVersion(source: Json): Json {
  const doc = structuredClone(source);
  const param = ((doc.components as Json).parameters as Record<string, Json>).ApiVersion;
  param.schema = { ...(param.schema as Json), enum: VERSIONS.map((v) => v.version) };
  return doc;
}

export function findVersion(version: string): ApiVersion | undefined {
  return byVersion.get(version);
}
