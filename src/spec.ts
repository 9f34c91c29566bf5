import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project-root';
import { parse } from 'yaml';
import type { Scope } from './types/wire';

export const SPEC_PATH = join(projectRoot(), 'openapi.yaml');
export const specText = readFileSync(SPEC_PATH, 'utf8');
// merge keys (<<) let the spec share header sets between responses
export const spec = parse(specText, { merge: true }) as OpenApiDocument;

/** Every scope a key can carry: the spec's `Scope` enum, which each operation's `x-scopes` names from. */
export const SCOPES = (spec.components.schemas as { Scope: { enum: Scope[] } }).Scope.enum;

export interface OpenApiDocument extends Record<string, unknown> {
  info: { version: string };
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> } & Record<string, unknown>;
}

export interface Operation {
  operationId: string;
  method: 'get' | 'post' | 'patch' | 'delete' | 'put';
  path: string;
  /** the same path in Express syntax: /v1/contacts/:contact_id */
  expressPath: string;
  scopes: string[];
  rateLimitFamily: string;
  hasBody: boolean;
  /** the body is multipart/form-data (an upload), parsed by its route rather than as JSON */
  multipart: boolean;
  isPublic: boolean;
  /**
   * how callers prove who they are: an API key, a channel provider's body signature (`Sabnode-Signature`), or for a
   * whatsapp_cloud channel's webhook Meta's own proofs (the verify token of the handshake, `X-Hub-Signature-256`)
   */
  auth: 'key' | 'signature' | 'whatsapp';
  /** callable with a publishable key (pk_…) and from browsers (CORS) */
  publishable: boolean;
  /**
   * Only reads: every GET, and a POST marked `x-read: true` (a search whose filters are too large for a query
   * string). A read goes straight to PostgreSQL, never through a command workflow, and takes no Idempotency-Key.
   */
  read: boolean;
  /** the MCP tool this operation is (`x-mcp.tool`), or null */
  mcpTool: string | null;
}

const METHODS = ['get', 'post', 'patch', 'delete', 'put'] as const;

/** Every operation in the spec with the metadata the middleware reads (x-scopes, x-rate-limit-family, x-publishable). */
export const OPERATIONS: Operation[] = Object.entries(spec.paths).flatMap(([path, item]) =>
  METHODS.filter((m) => item[m]).map((method) => {
    const op = item[method] as { operationId: string; 'x-scopes'?: string[]; 'x-rate-limit-family'?: string; 'x-publishable'?: boolean; 'x-read'?: boolean; requestBody?: { content?: Record<string, unknown> }; security?: Record<string, unknown>[]; parameters?: { $ref?: string }[] };
    const isPublic = Array.isArray(op.security) && op.security.length === 0;
    const signed = !!op.security?.some((s) => 'providerSignature' in s);
    const whatsapp = !!op.security?.some((s) => 'whatsappSignature' in s || 'whatsappVerifyToken' in s);
    if (!isPublic && (!op['x-scopes'] || !op['x-rate-limit-family'])) {
      throw new Error(`openapi.yaml: ${op.operationId} needs x-scopes and x-rate-limit-family`);
    }
    const sdk = (op as { 'x-sdk'?: unknown })['x-sdk'];
    const sdkOk = sdk === false || (typeof sdk === 'object' && sdk !== null && /^[a-z][A-Za-z]*$/.test(String((sdk as Record<string, unknown>).resource)) && /^[a-z][A-Za-z]*$/.test(String((sdk as Record<string, unknown>).method)));
    // the SDK generators name every method from this, never from the operationId
    if (!sdkOk) throw new Error(`openapi.yaml: ${op.operationId} needs x-sdk: {resource, method} (camelCase) or x-sdk: false`);
    const publishable = op['x-publishable'] === true;
    // browsers and publishable keys only ever read
    if (publishable && method !== 'get') throw new Error(`openapi.yaml: ${op.operationId} is a ${method}; only GET operations may be x-publishable`);
    const markedRead = op['x-read'] === true;
    if (markedRead && method !== 'post') throw new Error(`openapi.yaml: ${op.operationId}: x-read marks a POST that only reads; a ${method} cannot be one`);
    if (markedRead && op.parameters?.some((p) => p.$ref === '#/components/parameters/IdempotencyKey')) {
      throw new Error(`openapi.yaml: ${op.operationId} is x-read: a read takes no Idempotency-Key`);
    }
    return {
      operationId: op.operationId,
      method,
      path,
      expressPath: path.replace(/\{([^}]+)\}/g, ':$1'),
      scopes: op['x-scopes'] ?? [],
      rateLimitFamily: op['x-rate-limit-family'] ?? 'public',
      hasBody: op.requestBody !== undefined,
      multipart: op.requestBody?.content?.['multipart/form-data'] !== undefined,
      isPublic,
      auth: signed ? ('signature' as const) : whatsapp ? ('whatsapp' as const) : ('key' as const),
      publishable,
      read: method === 'get' || markedRead,
      mcpTool: (op as { 'x-mcp'?: { tool?: string } })['x-mcp']?.tool ?? null,
    };
  }),
);

{
  const names = OPERATIONS.map((op) => {
    const sdk = (spec.paths[op.path]![op.method] as { 'x-sdk': false | { resource: string; method: string } })['x-sdk'];
    return sdk ? `${sdk.resource}.${sdk.method}` : null;
  }).filter((n): n is string => n !== null);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) throw new Error(`openapi.yaml: x-sdk names used twice: ${twice.join(', ')}`);
}

const TEMPLATES = Object.keys(spec.paths).map((path) => ({
  path,
  re: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  params: (path.match(/\{/g) ?? []).length,
}));

/**
 * The spec path a concrete path belongs to. As in OpenAPI, a literal path wins over a templated one: `/v1/contacts/bulk`
 * is the bulk path, not a contact whose id is `bulk` (found by fuzzing: PATCH on it ran updateContact).
 */
export function specPathOf(path: string): string | undefined {
  return TEMPLATES.filter((t) => t.re.test(path)).sort((a, b) => a.params - b.params)[0]?.path;
}

/** Methods the spec allows on a concrete path, for 405 answers. */
export function allowedMethods(path: string): string[] {
  const template = specPathOf(path);
  return [...new Set(OPERATIONS.filter((op) => op.path === template).map((op) => op.method.toUpperCase()))];
}
