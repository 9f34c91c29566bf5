// Generates the TypeScript SDK's typed layer from openapi.yaml:
//   sdks/typescript/src/generated/schema.ts     the wire types, by openapi-typescript
//   sdks/typescript/src/generated/resources.ts  one class per x-sdk resource, one method per operation
// Deterministic: the same spec gives byte-identical files. `--check` regenerates into memory and fails on a diff.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(__dirname, '..', '..');
const SPEC = join(ROOT, 'openapi.yaml');
const OUT = join(ROOT, 'sdks', 'typescript', 'src', 'generated');
const HEADER = '// Generated from openapi.yaml by scripts/sdk/typescript.ts (npm run sdk:generate:typescript). Do not edit.\n';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Json = Record<string, unknown>;

interface Param {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema?: Json;
}

interface Operation {
  resource: string;
  method: string;
  operationId: string;
  httpMethod: string;
  path: string;
  summary: string;
  pathParams: Param[];
  queryParams: Param[];
  body: { kind: 'json' | 'multipart' | 'raw'; required: boolean; binaryFields: string[]; contentType: string } | null;
  success: { code: number; kind: 'json' | 'binary' | 'stream' | 'empty' }[];
  list: boolean;
}

function resolveRef<T = Json>(doc: Json, node: unknown): T {
  let cur = node as Json;
  for (let hops = 0; cur && typeof cur === 'object' && typeof cur.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`$ref cycle at ${String(cur.$ref)}`);
    const ref = cur.$ref as string;
    if (!ref.startsWith('#/')) throw new Error(`only local $ref is supported: ${ref}`);
    cur = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, part) => (at as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc) as Json;
    if (cur === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return cur as T;
}

/** The properties a schema guarantees, following $ref and allOf. */
function properties(doc: Json, schema: unknown): Record<string, Json> {
  const s = resolveRef(doc, schema);
  const out: Record<string, Json> = {};
  for (const part of (s.allOf as unknown[] | undefined) ?? []) Object.assign(out, properties(doc, part));
  for (const [name, prop] of Object.entries((s.properties as Record<string, unknown> | undefined) ?? {})) out[name] = resolveRef(doc, prop);
  return out;
}

function isType(schema: Json | undefined, type: string): boolean {
  if (!schema) return false;
  const t = schema.type;
  return t === type || (Array.isArray(t) && t.includes(type));
}

const camel = (s: string) => s.replace(/[-_]+([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const pascal = (s: string) => camel(s).replace(/^[a-z]/, (c) => c.toUpperCase());
const str = (s: string) => JSON.stringify(s);

function collect(doc: Json): Operation[] {
  const ops: Operation[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths as Record<string, Json>)) {
    const item = resolveRef(doc, rawItem);
    const shared = ((item.parameters as unknown[]) ?? []).map((p) => resolveRef<Param>(doc, p));
    for (const httpMethod of HTTP_METHODS) {
      const op = item[httpMethod] as Json | undefined;
      if (!op) continue;
      const sdk = op['x-sdk'] as { resource: string; method: string } | false | undefined;
      if (sdk === false) continue;
      if (!sdk) throw new Error(`${httpMethod.toUpperCase()} ${path} has no x-sdk`);
      const own = ((op.parameters as unknown[]) ?? []).map((p) => resolveRef<Param>(doc, p));
      const params = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      const pathNames = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const pathParams = pathNames.map((name) => {
        const p = params.find((x) => x.in === 'path' && x.name === name);
        if (!p) throw new Error(`${path}: no parameter for {${name}}`);
        return p;
      });
      const queryParams = params.filter((p) => p.in === 'query');

      let body: Operation['body'] = null;
      if (op.requestBody) {
        const rb = resolveRef(doc, op.requestBody);
        const content = rb.content as Record<string, Json>;
        const required = rb.required === true;
        if (content['application/json']) body = { kind: 'json', required, binaryFields: [], contentType: 'application/json' };
        else if (content['multipart/form-data']) {
          const props = properties(doc, content['multipart/form-data'].schema);
          const binaryFields = Object.keys(props).filter((k) => props[k].format === 'binary');
          body = { kind: 'multipart', required, binaryFields, contentType: 'multipart/form-data' };
        } else body = { kind: 'raw', required, binaryFields: [], contentType: Object.keys(content)[0] }; // bytes as they are
      }

      const success: Operation['success'] = [];
      for (const [codeText, rawResp] of Object.entries(op.responses as Record<string, unknown>)) {
        const code = Number(codeText);
        if (!(code >= 200 && code < 400)) continue;
        const resp = resolveRef(doc, rawResp);
        const content = resp.content as Record<string, Json> | undefined;
        let kind: Operation['success'][number]['kind'];
        if (!content) kind = 'empty';
        else if (content['application/json']) kind = 'json';
        else if (content['text/event-stream']) kind = 'stream';
        else kind = 'binary';
        success.push({ code, kind });
      }

      // a list: a 200 JSON page of {data: [...], has_more, next_cursor} that takes a `cursor`
      let list = false;
      const ok = resolveRef(doc, (op.responses as Json)['200']);
      const okSchema = (ok?.content as Record<string, Json> | undefined)?.['application/json']?.schema;
      if (okSchema && queryParams.some((p) => p.name === 'cursor')) {
        const props = properties(doc, okSchema);
        list = isType(props.data, 'array') && 'has_more' in props && 'next_cursor' in props;
      }

      ops.push({
        resource: sdk.resource,
        method: sdk.method,
        operationId: op.operationId as string,
        httpMethod: httpMethod.toUpperCase(),
        path,
        summary: (op.summary as string | undefined) ?? op.operationId as string,
        pathParams,
        queryParams,
        body,
        success,
        list,
      });
    }
  }
  return ops;
}

function emitResources(doc: Json, ops: Operation[]): string {
  const version = String((doc.info as Json).version);
  const resources = [...new Set(ops.map((o) => o.resource))];
  const lines: string[] = [HEADER];
  lines.push(`import type { components, operations } from './schema.js';`);
  lines.push(`import type { Core, EventStream, PagePromise, RequestOptions, StreamOptions, BinaryResponse, Uploadable } from '../core.js';`);
  lines.push('');
  lines.push(`/** The API version this SDK was generated for (\`info.version\` of openapi.yaml); sent as \`Api-Version\`. */`);
  lines.push(`export const API_VERSION = ${str(version)};`);
  lines.push('');
  lines.push('/** The SDK name of every operation, by operationId. */');
  lines.push('export const OPERATIONS = {');
  for (const o of ops) lines.push(`  ${o.operationId}: { resource: ${str(o.resource)}, method: ${str(o.method)}, httpMethod: ${str(o.httpMethod)}, path: ${str(o.path)} },`);
  lines.push('} as const;');
  lines.push('');
  lines.push('// Named types for every schema of the spec.');
  for (const name of Object.keys(((doc.components as Json).schemas as Json) ?? {})) {
    lines.push(`export type ${name} = components['schemas'][${str(name)}];`);
  }
  lines.push('');

  // per-operation aliases, so signatures read as names
  const taken = new Set(Object.keys(((doc.components as Json).schemas as Json) ?? {}));
  const alias = (wanted: string, type: string): string => {
    let name = wanted;
    for (let n = 2; taken.has(name); n++) name = `${wanted}${n}`; // a schema already has the name
    taken.add(name);
    lines.push(`export type ${name} = ${type};`);
    return name;
  };
  const signatures = new Map<Operation, { args: string[]; returns: string; call: string }>();
  lines.push('// Request and response types of every operation.');
  for (const o of ops) {
    const opT = `operations[${str(o.operationId)}]`;
    const base = pascal(o.operationId);
    const args: string[] = [];
    for (const p of o.pathParams) {
      const schema = p.schema ? resolveRef(doc, p.schema) : undefined;
      const t = isType(schema, 'string') ? 'string' : isType(schema, 'integer') || isType(schema, 'number') ? 'number' : `${opT}['parameters']['path'][${str(p.name)}]`;
      args.push(`${camel(p.name)}: ${t}`);
    }
    if (o.body) {
      let t = `NonNullable<${opT}['requestBody']>['content'][${str(o.body.contentType)}]`;
      if (o.body.kind === 'raw') t = `Uploadable['data']`;
      if (o.body.kind === 'multipart' && o.body.binaryFields.length) {
        t = `Omit<${t}, ${o.body.binaryFields.map(str).join(' | ')}> & { ${o.body.binaryFields.map((f) => `${f}: Uploadable`).join('; ')} }`;
      }
      args.push(`body${o.body.required ? '' : '?'}: ${alias(`${base}Body`, t)}`);
    }
    if (o.queryParams.length) {
      const required = o.queryParams.some((p) => p.required);
      args.push(`query${required ? '' : '?'}: ${alias(`${base}Query`, `NonNullable<${opT}['parameters']['query']>`)}`);
    }
    const kinds = new Set(o.success.map((s) => s.kind));
    const stream = kinds.has('stream');
    args.push(`options?: ${stream ? 'StreamOptions' : 'RequestOptions'}`);

    const pathExpr = '`' + o.path.replace(/\{([^}]+)\}/g, (_m, name: string) => `\${encodeURIComponent(${camel(name)})}`) + '`';
    const csv = o.queryParams.filter((p) => p.explode === false).map((p) => p.name);
    const spec: string[] = [`method: ${str(o.httpMethod)}`, `path: ${pathExpr}`];
    if (o.queryParams.length) spec.push('query');
    if (csv.length) spec.push(`csv: [${csv.map(str).join(', ')}]`);
    if (o.body) spec.push('body', `bodyKind: ${str(o.body.kind)}`);
    if (o.body?.kind === 'raw') spec.push(`contentType: ${str(o.body.contentType)}`);
    spec.push(`ok: [${o.success.map((s) => s.code).join(', ')}]`);
    const jsonCodes = o.success.filter((s) => s.kind === 'json').map((s) => s.code);

    let returns: string;
    let call: string;
    if (o.list) {
      const page = alias(`${base}Response`, `${opT}['responses'][200]['content']['application/json']`);
      const item = alias(`${base}Item`, `${page}['data'][number]`);
      returns = `PagePromise<${page}, ${item}>`;
      call = `this.core.list({ ${spec.join(', ')}, responseKind: "json" }, options)`;
    } else if (stream) {
      // a stream yields what the resource's list yields
      const sibling = ops.find((x) => x.resource === o.resource && x.list);
      const item = alias(`${base}Item`, sibling ? `${pascal(sibling.operationId)}Item` : 'unknown');
      returns = `EventStream<${item}>`;
      call = `this.core.stream({ ${spec.join(', ')}, responseKind: "stream" }, options)`;
    } else if (kinds.has('binary')) {
      returns = 'Promise<BinaryResponse>';
      call = `this.core.request({ ${spec.join(', ')}, responseKind: "binary" }, options)`;
    } else if (jsonCodes.length) {
      const t = alias(`${base}Response`, jsonCodes.map((c) => `${opT}['responses'][${c}]['content']['application/json']`).join(' | '));
      returns = `Promise<${t}>`;
      call = `this.core.request({ ${spec.join(', ')}, responseKind: "json" }, options)`;
    } else {
      returns = 'Promise<void>';
      call = `this.core.request({ ${spec.join(', ')}, responseKind: "empty" }, options)`;
    }
    signatures.set(o, { args, returns, call });
  }
  lines.push('');

  for (const resource of resources) {
    lines.push(`export class ${pascal(resource)}Resource {`);
    lines.push('  constructor(private readonly core: Core) {}');
    for (const o of ops.filter((x) => x.resource === resource)) {
      const sig = signatures.get(o)!;
      lines.push('');
      lines.push(`  /** ${o.summary}. \`${o.httpMethod} ${o.path}\` (${o.operationId}) */`);
      lines.push(`  ${o.method}(${sig.args.join(', ')}): ${sig.returns} {`);
      lines.push(`    return ${sig.call};`);
      lines.push('  }');
    }
    lines.push('}');
    lines.push('');
  }

  lines.push('/** Every resource of the API, as properties. */');
  lines.push('export class Resources {');
  for (const r of resources) lines.push(`  readonly ${r}: ${pascal(r)}Resource;`);
  lines.push('  constructor(core: Core) {');
  for (const r of resources) lines.push(`    this.${r} = new ${pascal(r)}Resource(core);`);
  lines.push('  }');
  lines.push('}');
  return lines.join('\n') + '\n';
}

const CONSTRAINT_KEYS = new Set(['required', 'not', 'dependentRequired', 'description', 'pattern', 'format', 'minLength', 'maxLength', 'minimum', 'maximum']);
const constraintOnly = (node: unknown) =>
  !!node && typeof node === 'object' && !('$ref' in node) && Object.keys(node).every((k) => CONSTRAINT_KEYS.has(k));

/**
 * openapi-typescript turns `anyOf`/`oneOf` branches that only constrain (`required` properties, as in "at least one of
 * phone, email or external_id", or a string's `pattern`, as in "an IPv4 or an IPv6 CIDR") into `unknown`, which erases
 * the whole type. Those branches constrain values, not their types, so the types are generated without them (the
 * server still enforces them).
 */
function withoutConstraintBranches(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutConstraintBranches);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'anyOf' || key === 'oneOf') && Array.isArray(value) && value.every(constraintOnly)) continue;
    if (key === 'allOf' && Array.isArray(value)) {
      const kept = value.map(withoutConstraintBranches).filter((v) => !(v && typeof v === 'object' && Object.keys(v).length === 0));
      if (kept.length) out[key] = kept;
      continue;
    }
    out[key] = withoutConstraintBranches(value);
  }
  return out;
}

async function generate(): Promise<Record<string, string>> {
  const text = readFileSync(SPEC, 'utf8');
  const doc = parse(text, { merge: true, maxAliasCount: -1 }) as Json;
  const ops = collect(doc);
  // openapi-typescript is ESM-first; its CommonJS build serves this script. A field with a default is optional
  // to send (defaultNonNullable: false); an object with no properties named is free-form (emptyObjectsUnknown).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const oat = require('openapi-typescript') as { default: (src: object, options: object) => Promise<unknown>; astToString: (ast: unknown) => string };
  const schema = HEADER + oat.astToString(await oat.default(withoutConstraintBranches(doc) as object, { defaultNonNullable: false, emptyObjectsUnknown: true }));
  return { 'schema.ts': schema, 'resources.ts': emitResources(doc, ops) };
}

async function main(): Promise<void> {
  const files = await generate();
  if (process.argv.includes('--check')) {
    const stale = Object.entries(files).filter(([name, text]) => {
      try {
        return readFileSync(join(OUT, name), 'utf8') !== text;
      } catch {
        return true;
      }
    });
    if (stale.length) {
      console.error(`sdks/typescript/src/generated is stale (${stale.map(([n]) => n).join(', ')}): run npm run sdk:generate:typescript`);
      process.exit(1);
    }
    return;
  }
  mkdirSync(OUT, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(OUT, name), text);
  console.log(`sdks/typescript/src/generated: ${Object.keys(files).join(', ')}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
