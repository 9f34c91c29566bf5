// API versions: the list (newest first), how a request's version is resolved, and how each breaking change between
// versions is applied to requests, responses and the spec. Each change lives in a file of its own in this folder.
import { ApiError } from '../errors';
import { contactNameSplit } from './contact-name-split';
import type { ApiVersion, Json, VersionChange } from './types';

export type { ApiVersion } from './types';

export const VERSIONS: ApiVersion[] = [
  { version: '2026-11-01', released: '2026-11-01' },
  {
    version: '2025-06-01',
    released: '2025-06-01',
    deprecated: '2026-11-01',
    sunset: '2028-11-01',
    changeToNext: contactNameSplit,
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
