import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { spec } from '../../src/spec';
import { CURRENT_VERSION, specForVersion, VERSIONS } from '../../src/versions';
import { stack } from './stack';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  /** with `streamBody`, the unread body of a non-JSON response */
  stream?: ReadableStream<Uint8Array> | null;
}

export interface CallOptions {
  key?: string | null;
  body?: unknown;
  /** a stream or async iterable is sent as it is produced (chunked), so a large upload never sits in the test's memory */
  rawBody?: string | Buffer | FormData | AsyncIterable<Uint8Array>;
  /** leave a non-JSON response body unread in `stream`, for downloads too large to buffer */
  streamBody?: boolean;
  headers?: Record<string, string>;
  baseUrl?: string;
  /** skip the spec check, for the few calls that test what the spec cannot describe (unknown routes) */
  unchecked?: boolean;
}

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
// each version's own document (GET /openapi.json?version=…): a response is checked against the one it answered in
for (const v of VERSIONS) ajv.addSchema({ ...specForVersion(spec as never, v), $id: `urn:sabnode:openapi:${v.version}` } as object);
const compiled = new Map<string, ValidateFunction>();

type Json = Record<string, any>;
const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function resolvePointer(ref: string): { value: Json; pointer: string } {
  const pointer = ref.replace(/^#/, '');
  let node: any = spec;
  for (const part of pointer.split('/').slice(1)) node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return { value: node as Json, pointer };
}

function findOperation(method: string, path: string): { template: string; op: Json } | null {
  const clean = path.split('?')[0];
  for (const [template, item] of Object.entries(spec.paths)) {
    const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const op = (item as Json)[method.toLowerCase()];
    if (re.test(clean) && op) return { template, op };
  }
  return null;
}

/** Fails the test when a response is not what the spec promises: an undocumented status, a missing header, a body off-schema. */
export function assertMatchesSpec(method: string, path: string, res: ApiResponse): void {
  const found = findOperation(method, path);
  if (!found) throw new Error(`${method} ${path} is not in openapi.yaml`);
  const where = `${method} ${found.template} → ${res.status}`;
  let response = found.op.responses?.[String(res.status)] as Json | undefined;
  if (!response) throw new Error(`${where}: status ${res.status} is not documented (body: ${res.text.slice(0, 300)})`);
  let pointer = `/paths/${esc(found.template)}/${method.toLowerCase()}/responses/${res.status}`;
  if (response.$ref) ({ value: response, pointer } = resolvePointer(response.$ref));
  for (const header of Object.keys(response.headers ?? {})) {
    if (['Retry-After', 'Idempotency-Key', 'Idempotent-Replayed'].includes(header)) continue;
    if (res.headers.get(header) === null) throw new Error(`${where}: header ${header} is missing`);
  }
  if ((res.status === 429 || res.status === 503) && !res.headers.get('retry-after')) throw new Error(`${where}: Retry-After is missing`);
  const contentType = (res.headers.get('content-type') ?? '').split(';')[0];
  const media = Object.keys(response.content ?? {});
  if (!media.length) return;
  const matched = media.find((m) => m === contentType || m === '*/*' || (m.endsWith('/*') && contentType.startsWith(m.slice(0, -1))));
  if (!matched) throw new Error(`${where}: content type ${contentType} is not one of ${media.join(', ')}`);
  // binary content (file downloads) and event streams (which never end): status and headers are the contract
  if (!/[/+]json$/.test(matched)) return;
  const version = VERSIONS.some((v) => v.version === res.headers.get('api-version')) ? res.headers.get('api-version')! : CURRENT_VERSION;
  const schemaPointer = `${pointer}/content/${esc(contentType)}/schema`;
  let validate = compiled.get(`${version}${schemaPointer}`);
  if (!validate) {
    validate = ajv.compile({ $ref: `urn:sabnode:openapi:${version}#${schemaPointer}` });
    compiled.set(`${version}${schemaPointer}`, validate);
  }
  if (!validate(res.body)) {
    throw new Error(`${where}: body violates the spec: ${ajv.errorsText(validate.errors)}\n${res.text.slice(0, 500)}`);
  }
}

export async function call<T = any>(method: string, path: string, opts: CallOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.key) headers.Authorization = `Bearer ${opts.key}`;
  let body: CallOptions['rawBody'];
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const streaming = body !== undefined && typeof body === 'object' && Symbol.asyncIterator in body;
  const init = { method, headers, body, ...(streaming ? { duplex: 'half' } : {}) } as RequestInit;
  const res = await fetch(`${opts.baseUrl ?? stack().apiUrl}${path}`, init);
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    await res.body?.cancel();
    const out = { status: res.status, headers: res.headers, body: null as T, text: '' };
    if (!opts.unchecked) assertMatchesSpec(method, path, out);
    return out;
  }
  if (opts.streamBody && !/json/.test(res.headers.get('content-type') ?? 'json')) {
    const out = { status: res.status, headers: res.headers, body: null as T, text: '', stream: res.body as ReadableStream<Uint8Array> | null };
    if (!opts.unchecked) assertMatchesSpec(method, path, out);
    return out;
  }
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* non-JSON bodies stay text */
  }
  const out = { status: res.status, headers: res.headers, body: parsed as T, text };
  if (!opts.unchecked) assertMatchesSpec(method, path, out);
  return out;
}

/** A client bound to one key. */
export function client(key: string, defaults: Omit<CallOptions, 'key'> = {}) {
  const m = (method: string) => (path: string, opts: CallOptions = {}) => call(method, path, { ...defaults, ...opts, key: opts.key === undefined ? key : opts.key, headers: { ...(defaults.headers ?? {}), ...(opts.headers ?? {}) } });
  return { get: m('GET'), post: m('POST'), patch: m('PATCH'), delete: m('DELETE') };
}
