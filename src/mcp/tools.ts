// The MCP tools, generated from the spec: every operation marked `x-mcp` is one tool whose input schema is the
// operation's own (path and query parameters and the JSON body's fields, side by side, with the spec's schemas
// inlined), plus `idempotency_key` on a mutation. A call is the REST request it describes, made with the caller's
// credential, so that scopes, masking, rate limits, idempotency and audit are the API's own.
import { spec, OPERATIONS, type Operation } from '../spec';
import { CURRENT_VERSION } from '../versions';

type JsonSchema = Record<string, unknown>;

export interface McpTool {
  name: string;
  title: string;
  description: string;
  inputSchema: JsonSchema & { type: 'object' };
  operation: Operation;
  /** the input fields that are path parameters, query parameters, and body fields */
  pathParams: string[];
  queryParams: string[];
  bodyFields: string[];
  /** body fields the tool sets itself (`type: template` for send_template_message) */
  fixedBody: Record<string, unknown>;
  readOnly: boolean;
  /** it may destroy data for good (a purge, a delete): clients ask before calling it */
  destructive: boolean;
}

interface McpMark {
  tool: string;
  /** fixed body fields: they pick a `oneOf` branch of the body and are not asked of the caller */
  body?: Record<string, unknown>;
  /** it destroys data for good (a DELETE always does) */
  destructive?: boolean;
}

interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

const TOOL_NAME = /^[a-z][a-z0-9_]{2,63}$/;
export const IDEMPOTENCY_FIELD = 'idempotency_key';

function resolvePointer(ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`openapi.yaml: only local $refs are inlined for MCP tools (${ref})`);
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
}

/**
 * A schema with every `$ref` replaced by what it names, as MCP clients read a tool's input schema on its own. A schema
 * that contains itself is cut at the second visit (any value there; the API still validates the request).
 */
export function inlineRefs(node: unknown, visiting: readonly string[] = []): unknown {
  if (Array.isArray(node)) return node.map((n) => inlineRefs(n, visiting));
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  if (typeof obj.$ref === 'string') {
    const ref = obj.$ref;
    if (visiting.includes(ref)) return { description: 'Nested as above.' };
    const { $ref: _ref, ...siblings } = obj;
    const target = inlineRefs(resolvePointer(ref), [...visiting, ref]) as Record<string, unknown>;
    return { ...target, ...(inlineRefs(siblings, visiting) as Record<string, unknown>) };
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    // examples are documentation for people; the OpenAPI-only `example` keyword is not JSON Schema
    if (k === 'example') continue;
    out[k] = inlineRefs(v, visiting);
  }
  return out;
}

function parametersOf(op: Operation): SpecParameter[] {
  const item = spec.paths[op.path] as { parameters?: unknown[] } & Record<string, { parameters?: unknown[] }>;
  const all = [...(item.parameters ?? []), ...(item[op.method].parameters ?? [])].map((p) => inlineRefs(p) as SpecParameter);
  return all.filter((p) => p.in === 'path' || p.in === 'query');
}

/** The JSON body's schema as one object schema: the `oneOf` branch the fixed fields pick, inlined. */
function bodySchemaOf(op: Operation, fixed: Record<string, unknown>): JsonSchema | null {
  const body = (spec.paths[op.path][op.method] as { requestBody?: { content?: Record<string, { schema?: unknown }> } }).requestBody;
  if (!body) return null;
  const json = body.content?.['application/json']?.schema;
  if (!json) throw new Error(`openapi.yaml: ${op.operationId} is x-mcp but its body is not JSON`);
  let schema = inlineRefs(json) as JsonSchema;
  const fixedKeys = Object.keys(fixed);
  if (Array.isArray(schema.oneOf) && fixedKeys.length) {
    const branch = (schema.oneOf as JsonSchema[]).find((b) => fixedKeys.every((k) => (b.properties as Record<string, JsonSchema> | undefined)?.[k]?.const === fixed[k]));
    if (!branch) throw new Error(`openapi.yaml: ${op.operationId}: no oneOf branch of its body has ${JSON.stringify(fixed)}`);
    schema = branch;
  }
  if (schema.type !== 'object' || typeof schema.properties !== 'object') {
    throw new Error(`openapi.yaml: ${op.operationId} is x-mcp but its body is not one object schema (name a oneOf branch in x-mcp.body)`);
  }
  const properties = { ...(schema.properties as Record<string, unknown>) };
  for (const k of fixedKeys) delete properties[k];
  return { ...schema, properties, required: ((schema.required as string[] | undefined) ?? []).filter((k) => !fixedKeys.includes(k)) };
}

function toolOf(op: Operation, mark: McpMark): McpTool {
  if (!TOOL_NAME.test(mark.tool)) throw new Error(`openapi.yaml: ${op.operationId}: x-mcp tool '${mark.tool}' must be snake_case`);
  const raw = spec.paths[op.path][op.method] as { summary?: string; description?: string };
  const fixedBody = mark.body ?? {};
  const params = parametersOf(op);
  const body = bodySchemaOf(op, fixedBody);
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const add = (name: string, schema: unknown, isRequired: boolean) => {
    if (name in properties) throw new Error(`openapi.yaml: ${op.operationId}: x-mcp input '${name}' is both a parameter and a body field`);
    properties[name] = schema;
    if (isRequired) required.push(name);
  };
  for (const p of params) add(p.name, { ...(p.schema ?? {}), ...(p.description ? { description: p.description } : {}) }, p.in === 'path' || p.required === true);
  const bodyProps = (body?.properties ?? {}) as Record<string, unknown>;
  const bodyRequired = (body?.required as string[] | undefined) ?? [];
  for (const [name, schema] of Object.entries(bodyProps)) add(name, schema, bodyRequired.includes(name));
  if (!op.read) {
    add(
      IDEMPOTENCY_FIELD,
      { type: 'string', minLength: 1, maxLength: 255, description: 'The Idempotency-Key of this write: the same key again (with the same input) returns the first result and changes nothing.' },
      true,
    );
  }
  // what the body allows beside its fields (exactly one of several, …) holds for the tool's input too
  const { properties: _p, required: _r, type: _t, additionalProperties: _a, description: bodyDescription, ...bodyRest } = body ?? {};
  const inputSchema = { type: 'object' as const, properties, required, additionalProperties: false, ...bodyRest };
  return {
    name: mark.tool,
    title: raw.summary ?? op.operationId,
    description: [raw.summary, raw.description, typeof bodyDescription === 'string' ? bodyDescription : null].filter(Boolean).join('\n\n'),
    inputSchema,
    operation: op,
    pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
    queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
    bodyFields: Object.keys(bodyProps),
    fixedBody,
    readOnly: op.read,
    destructive: op.method === 'delete' || mark.destructive === true,
  };
}

/** Every `x-mcp` operation of the spec, as a tool; names are checked to be distinct. */
export const MCP_TOOLS: McpTool[] = OPERATIONS.flatMap((op) => {
  const mark = (spec.paths[op.path][op.method] as { 'x-mcp'?: McpMark })['x-mcp'];
  return mark ? [toolOf(op, mark)] : [];
});
{
  const names = MCP_TOOLS.map((t) => t.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) throw new Error(`openapi.yaml: x-mcp tool names used twice: ${twice.join(', ')}`);
}

/** What a tool call needs of its caller: where the API is, the credential, and headers the API reads. */
export interface ToolCaller {
  baseUrl: string;
  /** the caller's `Authorization` header value (`Bearer sk_…`) */
  authorization: string;
  /** more headers for the API (the client address an in-process call forwards) */
  headers?: Record<string, string>;
  /** the credential's scopes, when known: only the tools it may call are listed */
  scopes?: readonly string[];
}

/** The tools a caller may call: all of them, or those whose operation's scopes the credential holds. */
export function toolsFor(scopes?: readonly string[]): McpTool[] {
  return scopes ? MCP_TOOLS.filter((t) => t.operation.scopes.every((s) => scopes.includes(s))) : MCP_TOOLS;
}

export interface ToolResult {
  content: { type: 'text'; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
  [key: string]: unknown;
}

const refusal = (text: string): ToolResult => ({ content: [{ type: 'text', text }], isError: true });

/** The REST request a tool call describes, and its answer as the tool's result (a problem as an error result). */
export async function callTool(tool: McpTool, args: Record<string, unknown>, caller: ToolCaller, signal?: AbortSignal): Promise<ToolResult> {
  const unknown = Object.keys(args).filter((k) => !(k in (tool.inputSchema.properties as Record<string, unknown>)));
  if (unknown.length) return refusal(`Unknown input for ${tool.name}: ${unknown.join(', ')}`);
  let path = tool.operation.path;
  for (const name of tool.pathParams) {
    const value = args[name];
    if (typeof value !== 'string' || !value) return refusal(`${tool.name} needs ${name}`);
    path = path.replace(`{${name}}`, encodeURIComponent(value));
  }
  const query = new URLSearchParams();
  for (const name of tool.queryParams) {
    const value = args[name];
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) query.append(name, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  const headers: Record<string, string> = {
    ...caller.headers,
    authorization: caller.authorization,
    // the tool's input schema is the current version's
    'api-version': CURRENT_VERSION,
    'user-agent': 'SabNode-MCP/1',
    'sabnode-mcp-tool': tool.name,
  };
  let body: string | undefined;
  if (tool.bodyFields.length || Object.keys(tool.fixedBody).length) {
    const fields = Object.fromEntries(tool.bodyFields.filter((f) => args[f] !== undefined).map((f) => [f, args[f]]));
    body = JSON.stringify({ ...fields, ...tool.fixedBody });
    headers['content-type'] = 'application/json';
  }
  if (!tool.readOnly) {
    const key = args[IDEMPOTENCY_FIELD];
    if (typeof key !== 'string' || !key) return refusal(`${tool.name} changes data: it needs ${IDEMPOTENCY_FIELD}`);
    headers['idempotency-key'] = key;
  }
  const qs = query.toString();
  const res = await fetch(`${caller.baseUrl}${path}${qs ? `?${qs}` : ''}`, { method: tool.operation.method.toUpperCase(), headers, body, signal });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  const requestId = res.headers.get('request-id');
  const summary = `${res.status} ${tool.operation.method.toUpperCase()} ${tool.operation.path}${requestId ? ` (Request-Id ${requestId})` : ''}`;
  const result: ToolResult = { content: [{ type: 'text', text: `${summary}\n${text}` }] };
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) result.structuredContent = parsed as Record<string, unknown>;
  if (!res.ok) result.isError = true;
  return result;
}
