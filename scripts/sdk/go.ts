// Generates the Go SDK's typed layer (sdks/go/*.gen.go) from openapi.yaml.
//
// Every operation with `x-sdk: {resource, method}` becomes a method `client.<Resource>.<Method>(ctx, pathParams…,
// body, params, opts…)`; every schema it reaches becomes a Go type. The hand-written runtime (client.go, errors.go,
// page.go, sse.go, webhooks.go, …) does the HTTP. The output depends on the spec alone (sorted, no timestamps), and
// is run through gofmt, so a rerun is byte-identical.
//
// Why not oapi-codegen or ogen: the spec is OpenAPI 3.1 (type arrays, 'null' in them, const, oneOf unions told
// apart by required properties); oapi-codegen (through kin-openapi, 3.0 only) and ogen both refuse it at the first
// multi-type schema. See sdks/go/README.md.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

type Schema = Record<string, any>;

const root = resolve(__dirname, '..', '..');
// arguments (for trying another spec): [spec path] [output folder]
const outDir = resolve(process.argv[3] ?? join(root, 'sdks', 'go'));
const spec = parse(readFileSync(resolve(process.argv[2] ?? join(root, 'openapi.yaml')), 'utf8'), { merge: true }) as Schema;
const schemas: Record<string, Schema> = spec.components?.schemas ?? {};

// ---------------------------------------------------------------------------------------------------- naming

const INITIALISMS = new Set(['id', 'url', 'uri', 'api', 'http', 'https', 'json', 'sha256', 'sku', 'ip', 'html', 'sse', 'utc', 'ms']);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

function pascal(name: string): string {
  return words(name)
    .map((w) => (INITIALISMS.has(w.toLowerCase()) ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1)))
    .join('');
}

const GO_KEYWORDS = new Set(['break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var', 'ctx', 'opts', 'params', 'body', 'req', 'err', 's']);

function camel(name: string): string {
  const p = words(name).map((w, i) => {
    const lower = w.toLowerCase();
    if (INITIALISMS.has(lower)) return i === 0 ? lower : w.toUpperCase();
    return i === 0 ? w[0].toLowerCase() + w.slice(1) : w[0].toUpperCase() + w.slice(1);
  });
  const out = p.join('');
  return GO_KEYWORDS.has(out) ? `${out}Arg` : out;
}

function comment(text: string | undefined, indent = ''): string {
  if (!text) return '';
  return (
    text
      .trim()
      .split('\n')
      .map((l) => `${indent}// ${l}`.trimEnd())
      .join('\n') + '\n'
  );
}

// ---------------------------------------------------------------------------------------------------- schemas

function deref(s: Schema): { schema: Schema; name?: string } {
  if (s && typeof s.$ref === 'string') {
    const m = /^#\/components\/schemas\/(.+)$/.exec(s.$ref);
    if (!m || !schemas[m[1]]) throw new Error(`unresolvable $ref ${s.$ref}`);
    return { schema: schemas[m[1]], name: pascal(m[1]) };
  }
  return { schema: s };
}

function resolveRef<T = Schema>(s: Schema): T {
  if (s && typeof s.$ref === 'string') {
    const parts = s.$ref.replace(/^#\//, '').split('/');
    let cur: any = spec;
    for (const p of parts) cur = cur?.[p];
    if (!cur) throw new Error(`unresolvable $ref ${s.$ref}`);
    return resolveRef(cur);
  }
  return s as T;
}

/** A subschema that only constrains (anyOf of `required` lists and the like) and adds no shape. */
function constraintOnly(s: Schema): boolean {
  if (s.$ref || s.type || s.properties || s.const !== undefined || s.enum || s.items || s.additionalProperties !== undefined) return false;
  const nested = [...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])];
  return nested.every(constraintOnly);
}

/** `{type: object}` with nothing else: a permissive alternative (e.g. so a bulk item can be invalid on its own). */
function permissiveObject(s: Schema): boolean {
  return s.type === 'object' && !s.properties && s.additionalProperties === undefined && !s.$ref;
}

function isNullSchema(s: Schema): boolean {
  return s.type === 'null' || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === 'null');
}

interface Shape {
  properties: Record<string, Schema>;
  required: string[];
}

/** The object shape of a schema: its own properties merged with those of its allOf members. */
function objectShape(s: Schema): Shape | null {
  const { schema } = deref(s);
  let properties: Record<string, Schema> = {};
  let required: string[] = [];
  let found = false;
  for (const member of schema.allOf ?? []) {
    const sub = objectShape(member);
    if (sub) {
      found = true;
      properties = { ...properties, ...sub.properties };
      required = [...required, ...sub.required];
    }
  }
  if (schema.properties) {
    found = true;
    properties = { ...properties, ...schema.properties };
  }
  if (Array.isArray(schema.required)) required = [...required, ...schema.required];
  if (!found) return null;
  return { properties, required: [...new Set(required)] };
}

function unionVariants(s: Schema): { variants: Schema[]; nullable: boolean } | null {
  const alts: Schema[] | undefined = s.oneOf ?? s.anyOf;
  if (!alts) return null;
  let nullable = false;
  let variants: Schema[] = [];
  for (const v of alts) {
    if (isNullSchema(v)) nullable = true;
    else if (!constraintOnly(v)) variants.push(v);
  }
  if (variants.length > 1 && variants.some((v) => !permissiveObject(v))) variants = variants.filter((v) => !permissiveObject(v));
  if (variants.length === 0) return null;
  return { variants, nullable };
}

interface GoType {
  expr: string;
  nullable: boolean;
  /** nil is its zero value already (slice, map, interface, raw JSON) */
  nilable: boolean;
}

const emitted = new Map<string, string>(); // type name -> Go source
const emitting = new Set<string>();
const multipartTypes = new Set<string>();

function primitive(s: Schema, types: string[]): GoType | null {
  const nonNull = types.filter((t) => t !== 'null');
  const nullable = nonNull.length !== types.length;
  if (nonNull.length !== 1) return { expr: 'any', nullable: false, nilable: true };
  switch (nonNull[0]) {
    case 'string':
      if (s.format === 'date-time') return { expr: 'time.Time', nullable, nilable: false };
      if (s.format === 'binary') return { expr: 'io.Reader', nullable: false, nilable: true };
      return { expr: 'string', nullable, nilable: false };
    case 'integer':
      return { expr: 'int64', nullable, nilable: false };
    case 'number':
      return { expr: 'float64', nullable, nilable: false };
    case 'boolean':
      return { expr: 'bool', nullable, nilable: false };
    default:
      return null;
  }
}

function typeOf(s: Schema, hint: string): GoType {
  if (s.$ref) {
    const { schema, name } = deref(s);
    const union = unionVariants(schema);
    if (needsNamedType(schema) && !(union && union.variants.length === 1)) {
      emitNamed(name!, schema);
      return { expr: name!, nullable: !!union?.nullable, nilable: false };
    }
    return typeOf(schema, name!);
  }
  const union = unionVariants(s);
  if (union) {
    if (union.variants.length === 1) {
      const t = typeOf(union.variants[0], hint);
      return { ...t, nullable: t.nullable || union.nullable };
    }
    emitUnion(hint, union.variants);
    return { expr: hint, nullable: union.nullable, nilable: false };
  }
  if (s.allOf && !s.properties && s.allOf.length === 1 && !objectShape(s.allOf[0])) {
    // `allOf: [{$ref: MinorUnits}]` beside a description: the referenced type
    return typeOf(s.allOf[0], hint);
  }
  if (s.const !== undefined) {
    return { expr: typeof s.const === 'boolean' ? 'bool' : typeof s.const === 'number' ? 'int64' : 'string', nullable: false, nilable: false };
  }
  const types: string[] = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const nullable = types.includes('null');
  const nonNull = types.filter((t) => t !== 'null');
  const shape = objectShape(s);
  if (shape && (nonNull.length === 0 || nonNull[0] === 'object')) {
    emitStruct(hint, s, shape);
    return { expr: hint, nullable, nilable: false };
  }
  if (nonNull.length === 1 && nonNull[0] === 'array') {
    const item = typeOf(s.items ?? {}, `${hint}Item`);
    return { expr: `[]${elem(item)}`, nullable, nilable: true };
  }
  if (nonNull.length === 1 && nonNull[0] === 'object') {
    const ap = s.additionalProperties;
    const value = ap && typeof ap === 'object' ? typeOf(ap, `${hint}Value`) : { expr: 'any', nullable: false, nilable: true };
    return { expr: `map[string]${elem(value)}`, nullable, nilable: true };
  }
  if (nonNull.length === 0) return { expr: 'any', nullable: false, nilable: true };
  return primitive(s, types) ?? { expr: 'any', nullable: false, nilable: true };
}

/** A type inside a slice or map: nullable scalars become pointers. */
function elem(t: GoType): string {
  return t.nullable && !t.nilable ? `*${t.expr}` : t.expr;
}

function needsNamedType(s: Schema): boolean {
  const union = unionVariants(s);
  if (union && union.variants.length > 1) return true;
  if (union && union.variants.length === 1) return needsNamedType(deref(union.variants[0]).schema);
  if (objectShape(s)) return true;
  if (s.type === 'string' && Array.isArray(s.enum)) return true;
  return false;
}

function emitNamed(name: string, s: Schema): void {
  if (emitted.has(name) || emitting.has(name)) return;
  const union = unionVariants(s);
  if (union && union.variants.length > 1) return emitUnion(name, union.variants, s.description);
  if (union && union.variants.length === 1) {
    typeOf(union.variants[0], name);
    return;
  }
  if (s.type === 'string' && Array.isArray(s.enum)) {
    let src = comment(s.description ?? `${name} is one of the values below.`);
    src += `type ${name} string\n\nconst (\n`;
    for (const v of s.enum) src += `\t${name}${pascal(String(v))} ${name} = ${JSON.stringify(String(v))}\n`;
    src += ')\n';
    emitted.set(name, src);
    return;
  }
  const shape = objectShape(s);
  if (shape) emitStruct(name, s, shape);
}

function fieldName(prop: string): string {
  return pascal(prop);
}

function emitStruct(name: string, s: Schema, shape: Shape): void {
  if (emitted.has(name) || emitting.has(name)) return;
  emitting.add(name);
  const multipart = multipartTypes.has(name);
  let src = comment(s.description ?? `${name} is an object of the API.`);
  src += `type ${name} struct {\n`;
  const names = Object.keys(shape.properties);
  const lines: string[] = [];
  for (const prop of names) {
    const ps: Schema = shape.properties[prop] ?? {};
    const required = shape.required.includes(prop);
    const t = typeOf(ps, `${name}${pascal(prop)}`);
    const doc = comment(deref(ps).schema.description ?? ps.description, '\t');
    let expr: string;
    let tag: string;
    if (multipart && t.expr === 'io.Reader') {
      lines.push(`${doc}\t${fieldName(prop)} io.Reader \`json:"-"\`\n\t// ${fieldName(prop)}Filename is the filename sent with ${fieldName(prop)}.\n\t${fieldName(prop)}Filename string \`json:"-"\`\n`);
      continue;
    }
    if (required) {
      expr = t.nullable && !t.nilable ? `*${t.expr}` : t.expr;
      tag = prop;
    } else if (t.nullable) {
      expr = `Nullable[${t.expr}]`;
      tag = `${prop},omitzero`;
    } else {
      expr = t.nilable ? t.expr : `*${t.expr}`;
      tag = `${prop},omitempty`;
    }
    lines.push(`${doc}\t${fieldName(prop)} ${expr} \`json:"${tag}"\`\n`);
  }
  src += lines.join('') + '}\n';
  if (multipart) src += multipartWriter(name, shape);
  else src += constMarshaler(name, shape);
  emitting.delete(name);
  emitted.set(name, src);
}

/** A struct with `const` properties writes them itself, so a request body need not spell them out. */
function constMarshaler(name: string, shape: Shape): string {
  const consts = Object.keys(shape.properties).filter((p) => (shape.properties[p] ?? {}).const !== undefined && shape.required.includes(p));
  if (consts.length === 0) return '';
  let src = `\n// MarshalJSON writes the object with its constant ${consts.map((c) => `"${c}"`).join(', ')} filled in.\nfunc (v ${name}) MarshalJSON() ([]byte, error) {\n\ttype plain ${name}\n`;
  for (const c of consts) src += `\tv.${fieldName(c)} = ${JSON.stringify(shape.properties[c].const)}\n`;
  return src + '\treturn json.Marshal(plain(v))\n}\n';
}

function multipartWriter(name: string, shape: Shape): string {
  let src = `\nfunc (b *${name}) writeMultipart(w *multipart.Writer) error {\n`;
  for (const prop of Object.keys(shape.properties)) {
    const t = typeOf(shape.properties[prop], `${name}${pascal(prop)}`);
    const f = fieldName(prop);
    const required = shape.required.includes(prop);
    if (t.expr === 'io.Reader') {
      src += `\tif b.${f} != nil {\n\t\tif err := writeFilePart(w, ${JSON.stringify(prop)}, b.${f}Filename, b.${f}); err != nil {\n\t\t\treturn err\n\t\t}\n\t}\n`;
    } else if (required && !t.nullable) {
      src += `\tif err := w.WriteField(${JSON.stringify(prop)}, formValue(b.${f})); err != nil {\n\t\treturn err\n\t}\n`;
    } else {
      src += `\tif b.${f} != nil {\n\t\tif err := w.WriteField(${JSON.stringify(prop)}, formValue(*b.${f})); err != nil {\n\t\t\treturn err\n\t\t}\n\t}\n`;
    }
  }
  return src + '\treturn nil\n}\n';
}

/** What tells a union's variants apart: their required properties and const values. */
function variantTest(s: Schema): { required: string[]; consts: Record<string, string> } {
  const shape = objectShape(s);
  const consts: Record<string, string> = {};
  for (const [k, v] of Object.entries(shape?.properties ?? {})) if ((v as Schema).const !== undefined) consts[k] = JSON.stringify((v as Schema).const);
  return { required: shape?.required ?? [], consts };
}

/** A variant's type name: its $ref's, else the parent's plus its constant (`MessageCreateText`), else plus the
 * first property only it requires (`FlowConditionTag`), else plus its position. A variant whose constant an earlier
 * one has already takes both (`MessageCreateMediaMediaURL` after `MessageCreateMedia`), so a name once published
 * stays when a variant is added. */
function variantName(parent: string, v: Schema, index: number, all: Schema[]): string {
  if (v.$ref) return deref(v).name!;
  const { consts, required } = variantTest(v);
  const others = all.filter((_, i) => i !== index).map((o) => variantTest(o).required);
  const own = required.find((r) => others.every((o) => !o.includes(r)));
  const key = Object.keys(consts).sort()[0];
  if (key) {
    const named = `${parent}${pascal(String(JSON.parse(consts[key])))}`;
    const taken = all.slice(0, index).some((o) => !o.$ref && variantTest(o).consts[key] === consts[key]);
    return taken ? `${named}${own ? pascal(own) : `Variant${index + 1}`}` : named;
  }
  return own ? `${parent}${pascal(own)}` : `${parent}Variant${index + 1}`;
}

function emitUnion(name: string, variants: Schema[], description?: string): void {
  if (emitted.has(name) || emitting.has(name)) return;
  emitting.add(name);
  const members = variants.map((v, i) => {
    const vn = variantName(name, v, i, variants);
    const t = typeOf(v, vn);
    return { field: vn, type: t.expr, test: variantTest(v) };
  });
  let src = description ? comment(description) + '//\n' : '';
  src += `// ${name} is one of: ${members.map((m) => m.type).join(', ')}; exactly one of its pointer fields is set (Raw keeps the JSON as received).\n`;
  src += `type ${name} struct {\n`;
  for (const m of members) src += `\t${m.field} *${m.type}\n`;
  src += '\t// Raw is the JSON as received (set by UnmarshalJSON, also when no variant matched).\n\tRaw json.RawMessage\n}\n\n';
  src += `var ${lowerFirst(name)}Variants = []variantTest{\n`;
  for (const m of members) {
    const consts = Object.keys(m.test.consts)
      .sort()
      .map((k) => `${JSON.stringify(k)}: ${JSON.stringify(m.test.consts[k])}`)
      .join(', ');
    src += `\t{required: []string{${m.test.required.map((r) => JSON.stringify(r)).join(', ')}}, consts: map[string]string{${consts}}},\n`;
  }
  src += '}\n\n';
  src += `// MarshalJSON writes the variant that is set.\nfunc (u ${name}) MarshalJSON() ([]byte, error) {\n\tswitch {\n`;
  for (const m of members) src += `\tcase u.${m.field} != nil:\n\t\treturn json.Marshal(u.${m.field})\n`;
  src += '\tcase u.Raw != nil:\n\t\treturn u.Raw, nil\n\t}\n\treturn []byte("null"), nil\n}\n\n';
  src += `// UnmarshalJSON decodes the first variant whose required properties and constants the JSON has.\nfunc (u *${name}) UnmarshalJSON(b []byte) error {\n`;
  src += `\t*u = ${name}{Raw: append(json.RawMessage(nil), b...)}\n\tswitch matchVariant(b, ${lowerFirst(name)}Variants) {\n`;
  members.forEach((m, i) => {
    src += `\tcase ${i}:\n\t\tu.${m.field} = new(${m.type})\n\t\treturn json.Unmarshal(b, u.${m.field})\n`;
  });
  src += '\t}\n\treturn nil\n}\n';
  emitting.delete(name);
  emitted.set(name, src);
}

function lowerFirst(s: string): string {
  return s[0].toLowerCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------------- operations

interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
  description?: string;
  style?: string;
  explode?: boolean;
}

const RUNTIME_HEADERS = new Set(['api-version', 'idempotency-key']);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Op {
  resource: string;
  method: string;
  httpMethod: string;
  path: string;
  op: Schema;
  params: Param[];
}

const ops: Op[] = [];
for (const [path, item] of Object.entries<Schema>(spec.paths ?? {})) {
  const shared: Param[] = (item.parameters ?? []).map((p: Schema) => resolveRef<Param>(p));
  for (const m of METHODS) {
    const op = item[m];
    if (!op || !op['x-sdk']) continue;
    const own: Param[] = (op.parameters ?? []).map((p: Schema) => resolveRef<Param>(p));
    const byKey = new Map<string, Param>();
    for (const p of [...shared, ...own]) byKey.set(`${p.in}:${p.name}`, p);
    ops.push({ resource: op['x-sdk'].resource, method: op['x-sdk'].method, httpMethod: m.toUpperCase(), path, op, params: [...byKey.values()] });
  }
}
// code-point order (not the locale's), so every machine sorts alike
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
ops.sort((a, b) => (a.resource === b.resource ? byCodePoint(a.method, b.method) : byCodePoint(a.resource, b.resource)));

interface Success {
  status: number;
  kind: 'json' | 'binary' | 'sse' | 'empty';
  schema?: Schema;
}

function successes(op: Schema): Success[] {
  const out: Success[] = [];
  for (const [code, r] of Object.entries<Schema>(op.responses ?? {})) {
    const status = Number(code);
    if (!(status >= 200 && status < 400)) continue;
    const res = resolveRef(r);
    const content: Record<string, Schema> = res.content ?? {};
    const types = Object.keys(content);
    const json = types.find((t) => t === 'application/json' || t.endsWith('+json'));
    if (json) out.push({ status, kind: 'json', schema: content[json].schema ?? {} });
    else if (types.includes('text/event-stream')) out.push({ status, kind: 'sse' });
    else if (types.length > 0) out.push({ status, kind: 'binary' });
    else out.push({ status, kind: 'empty' });
  }
  return out.sort((a, b) => a.status - b.status);
}

/** The item schema when the operation is a cursor-paginated list, else null. */
function listItem(o: Op, s: Success[]): Schema | null {
  const ok = s.find((x) => x.status === 200 && x.kind === 'json');
  if (!ok || !o.params.some((p) => p.in === 'query' && p.name === 'cursor')) return null;
  const shape = objectShape(ok.schema!);
  if (!shape) return null;
  const data = shape.properties.data;
  if (!data || !shape.properties.has_more || !shape.properties.next_cursor) return null;
  const d = deref(data).schema;
  return d.type === 'array' ? d.items ?? {} : null;
}

function listItemType(o: Op, s: Success[]): string | null {
  const item = listItem(o, s);
  if (!item) return null;
  const ok = s.find((x) => x.status === 200)!;
  const envelope = deref(ok.schema!).name ?? `${pascal(o.resource)}${pascal(o.method)}List`;
  return elem(typeOf(item, `${envelope}Item`));
}

function paramFieldType(p: Param, hint: string): { expr: string; encode: (v: string) => string } {
  const t = typeOf(p.schema ?? {}, hint);
  if (t.expr.startsWith('[]')) {
    const inner = t.expr.slice(2);
    const sep = p.style === 'form' && p.explode === false ? ',' : null;
    void inner;
    return { expr: t.expr, encode: (v) => `joinValues(${v}, ${JSON.stringify(sep ?? ',')})` };
  }
  return { expr: t.expr, encode: (v) => `formValue(${v})` };
}

function emitParams(name: string, o: Op, params: Param[]): string {
  let src = `// ${name} holds the optional parameters of ${pascal(o.resource)}.${pascal(o.method)}.\ntype ${name} struct {\n`;
  let apply = `\nfunc (p *${name}) apply(r *request) {\n\tif p == nil {\n\t\treturn\n\t}\n`;
  const used = new Set<string>();
  for (const p of params) {
    let f = fieldName(p.name);
    // the same name in two places (a header and its query twin): the later one says where it goes
    if (used.has(f)) f = `${f}${pascal(p.in)}`;
    used.add(f);
    const pt = paramFieldType(p, `${name}${f}`);
    const multi = pt.expr.startsWith('[]') && !(p.style === 'form' && p.explode === false);
    const ptr = pt.expr.startsWith('[]') ? pt.expr : `*${pt.expr}`;
    src += comment(p.description ?? resolveRef(p.schema ?? {}).description, '\t');
    src += `\t${f} ${ptr}\n`;
    const target = p.in === 'query' ? 'r.query' : 'r.header';
    if (pt.expr.startsWith('[]')) {
      if (multi) apply += `\tfor _, v := range p.${f} {\n\t\t${target}.Add(${JSON.stringify(p.name)}, formValue(v))\n\t}\n`;
      else apply += `\tif len(p.${f}) > 0 {\n\t\t${target}.Set(${JSON.stringify(p.name)}, ${pt.encode(`p.${f}`)})\n\t}\n`;
    } else {
      apply += `\tif p.${f} != nil {\n\t\t${target}.Set(${JSON.stringify(p.name)}, formValue(*p.${f}))\n\t}\n`;
    }
  }
  return src + '}\n' + apply + '}\n';
}

function pathExpr(path: string, pathParams: Param[]): string {
  const parts: string[] = [];
  let last = 0;
  const re = /\{([^}]+)\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) {
    if (m.index > last) parts.push(JSON.stringify(path.slice(last, m.index)));
    const p = pathParams.find((x) => x.name === m![1]);
    if (!p) throw new Error(`path parameter ${m[1]} of ${path} is not declared`);
    parts.push(`url.PathEscape(formValue(${camel(p.name)}))`);
    last = m.index + m[0].length;
  }
  if (last < path.length) parts.push(JSON.stringify(path.slice(last)));
  return parts.join(' + ');
}

function pathOrder(path: string, params: Param[]): Param[] {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  return names.map((n) => params.find((p) => p.in === 'path' && p.name === n)!);
}

const services = new Map<string, string[]>(); // resource -> method sources
const paramsTypes: string[] = [];

/** Item type of each resource's `list`, for its SSE stream. */
const listTypes = new Map<string, string>();
for (const o of ops) {
  if (o.method === 'list') {
    const t = listItemType(o, successes(o.op));
    if (t) listTypes.set(o.resource, t);
  }
}

for (const o of ops) {
  const R = pascal(o.resource);
  const M = pascal(o.method);
  const s = successes(o.op);
  const pathParams = pathOrder(o.path, o.params);
  const otherParams = o.params.filter((p) => p.in !== 'path' && !(p.in === 'header' && RUNTIME_HEADERS.has(p.name.toLowerCase())));
  const args: string[] = ['ctx context.Context'];
  for (const p of pathParams) args.push(`${camel(p.name)} ${typeOf(p.schema ?? {}, `${R}${M}${pascal(p.name)}`).expr}`);
  let bodyLine = '';
  const rb = o.op.requestBody ? resolveRef(o.op.requestBody) : null;
  if (rb) {
    const content: Record<string, Schema> = rb.content ?? {};
    const json = Object.keys(content).find((t) => t === 'application/json');
    const multi = Object.keys(content).find((t) => t === 'multipart/form-data');
    const required = rb.required === true;
    if (json) {
      const t = typeOf(content[json].schema ?? {}, `${R}${M}Body`);
      args.push(`body ${required ? t.expr : `*${t.expr}`}`);
      bodyLine = required ? '\treq.jsonBody = body\n' : '\tif body != nil {\n\t\treq.jsonBody = body\n\t}\n';
    } else if (multi) {
      const sch = content[multi].schema ?? {};
      const name = deref(sch).name ?? `${R}${M}Body`;
      multipartTypes.add(name);
      const t = typeOf(sch, name);
      args.push(`body ${t.expr}`);
      bodyLine = '\treq.multipart = body.writeMultipart\n';
    } else {
      throw new Error(`${o.op.operationId}: unsupported request content ${Object.keys(content).join(', ')}`);
    }
  }
  let paramsName = '';
  if (otherParams.length > 0) {
    paramsName = `${R}${M}Params`;
    paramsTypes.push(emitParams(paramsName, o, otherParams));
    args.push(`params *${paramsName}`);
  }
  args.push('opts ...RequestOption');
  const newReq = `\treq := newRequest(${JSON.stringify(o.httpMethod)}, ${pathExpr(o.path, pathParams)})\n${bodyLine}${paramsName ? '\tparams.apply(req)\n' : ''}`;
  let doc = comment(`${M} calls ${o.httpMethod} ${o.path} (${o.op.operationId}): ${o.op.summary ?? ''}.`.replace(/\.\.$/, '.'));
  if (o.op.description) doc += '//\n' + comment(o.op.description);
  let src = '';
  const item = listItemType(o, s);
  const sse = s.find((x) => x.kind === 'sse');
  const binary = s.find((x) => x.kind === 'binary');
  const jsonTypes = item || sse || binary ? [] : [...new Map(s.filter((x) => x.kind === 'json').map((x) => [typeOf(x.schema!, `${R}${M}Result`).expr, x])).entries()];
  if (item) {
    src += `${doc}//\n// It returns the first page; Page.All iterates every item across pages.\n`;
    src += `func (s *${R}Service) ${M}(${args.join(', ')}) (*Page[${item}], error) {\n`;
    if (paramsName) src += '\tif params != nil {\n\t\tcopied := *params // later pages use the parameters as they were at the call\n\t\tparams = &copied\n\t}\n';
    src += `\tfetch := func(ctx context.Context, cursor string) (*Page[${item}], error) {\n\t${newReq.split('\n').filter(Boolean).join('\n\t')}\n`;
    src += '\t\tif cursor != "" {\n\t\t\treq.query.Set("cursor", cursor)\n\t\t}\n';
    src += `\t\tpage := &Page[${item}]{}\n\t\tif _, err := s.client.do(ctx, req, opts, page); err != nil {\n\t\t\treturn nil, err\n\t\t}\n\t\treturn page, nil\n\t}\n`;
    src += '\treturn firstPage(ctx, fetch)\n}\n';
  } else if (sse) {
    const t = listTypes.get(o.resource) ?? 'json.RawMessage';
    src += `${doc}//\n// It yields each message's data as ${t}, reconnecting with Last-Event-ID after a dropped connection, until ctx ends or an error that a retry cannot cure.\n`;
    src += `func (s *${R}Service) ${M}(${args.join(', ')}) iter.Seq2[${t}, error] {\n${newReq}\treq.accept = "text/event-stream"\n\treturn streamEvents[${t}](ctx, s.client, req, opts)\n}\n`;
  } else if (binary) {
    src += `${doc}//\n// The caller closes the returned body.\n`;
    src += `func (s *${R}Service) ${M}(${args.join(', ')}) (*BinaryResponse, error) {\n${newReq}\treq.accept = "*/*"\n\treturn s.client.doBinary(ctx, req, opts)\n}\n`;
  } else if (jsonTypes.length === 0) {
    src += `${doc}func (s *${R}Service) ${M}(${args.join(', ')}) error {\n${newReq}\t_, err := s.client.do(ctx, req, opts, nil)\n\treturn err\n}\n`;
  } else if (jsonTypes.length === 1) {
    const t = jsonTypes[0][0];
    src += `${doc}func (s *${R}Service) ${M}(${args.join(', ')}) (*${t}, error) {\n${newReq}\tout := new(${t})\n\tif _, err := s.client.do(ctx, req, opts, out); err != nil {\n\t\treturn nil, err\n\t}\n\treturn out, nil\n}\n`;
  } else {
    const rn = `${R}${M}Response`;
    let rt = `// ${rn} is the answer of ${R}.${M}: exactly one of its pointer fields is set, per StatusCode.\ntype ${rn} struct {\n\tStatusCode int\n`;
    for (const [t, x] of jsonTypes) rt += `\t// ${t} is set when StatusCode is ${x.status}.\n\t${t} *${t}\n`;
    rt += '}\n';
    emitted.set(rn, rt);
    src += `${doc}func (s *${R}Service) ${M}(${args.join(', ')}) (*${rn}, error) {\n${newReq}\tvar raw json.RawMessage\n\tstatus, err := s.client.do(ctx, req, opts, &raw)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tout := &${rn}{StatusCode: status}\n\tswitch status {\n`;
    for (const [t, x] of jsonTypes) {
      const codes = s.filter((y) => y.kind === 'json' && typeOf(y.schema!, `${R}${M}Result`).expr === t).map((y) => y.status);
      src += `\tcase ${codes.join(', ')}:\n\t\tout.${t} = new(${t})\n\t\terr = json.Unmarshal(raw, out.${t})\n`;
      void x;
    }
    src += '\t}\n\treturn out, err\n}\n';
  }
  if (!services.has(o.resource)) services.set(o.resource, []);
  services.get(o.resource)!.push(src);
}

// ---------------------------------------------------------------------------------------------------- output

const HEADER = '// Code generated by scripts/sdk/go.ts from openapi.yaml; DO NOT EDIT.\n\n';

function imports(src: string): string {
  const need: string[] = [];
  const check: [string, RegExp][] = [
    ['context', /\bcontext\./],
    ['encoding/json', /\bjson\./],
    ['io', /\bio\./],
    ['iter', /\biter\./],
    ['mime/multipart', /\bmultipart\./],
    ['net/url', /\burl\./],
    ['time', /\btime\./],
  ];
  for (const [pkg, re] of check) if (re.test(src)) need.push(pkg);
  return need.length ? `import (\n${need.map((p) => `\t${JSON.stringify(p)}`).join('\n')}\n)\n\n` : '';
}

function writeGo(file: string, body: string): void {
  const src = `${HEADER}package sabnode\n\n${imports(body)}${body}`;
  const path = join(outDir, file);
  writeFileSync(path, src);
  execFileSync('gofmt', ['-w', path]);
}

// services
let svc = `// DefaultBaseURL is the API's production address (the spec's first server).\nconst DefaultBaseURL = ${JSON.stringify(String(spec.servers?.[0]?.url ?? ''))}\n\n`;
svc += `// APIVersion is the version of the API this SDK was generated from; every request sends it as Api-Version.\nconst APIVersion = ${JSON.stringify(String(spec.info.version))}\n\n`;
svc += '// services are the API resources, one field per x-sdk resource.\ntype services struct {\n';
const resources = [...services.keys()].sort();
for (const r of resources) svc += `\t${pascal(r)} *${pascal(r)}Service\n`;
svc += '}\n\nfunc (c *Client) initServices() {\n';
for (const r of resources) svc += `\tc.${pascal(r)} = &${pascal(r)}Service{client: c}\n`;
svc += '}\n\n';
for (const r of resources) {
  svc += `// ${pascal(r)}Service holds the ${r} operations.\ntype ${pascal(r)}Service struct {\n\tclient *Client\n}\n\n`;
  svc += services.get(r)!.join('\n') + '\n';
}
svc += paramsTypes.join('\n');

// emit the named component schemas that no operation reached too (event payloads, problem bodies)
// (list envelopes excepted: Page[T] stands for them)
function isListEnvelope(s: Schema): boolean {
  const shape = objectShape(s);
  return !!shape && 'has_more' in shape.properties && 'next_cursor' in shape.properties;
}
for (const [name, s] of Object.entries(schemas).sort(([a], [b]) => byCodePoint(a, b))) if (needsNamedType(s) && !isListEnvelope(s)) emitNamed(pascal(name), s);

const types = [...emitted.keys()].sort().map((k) => emitted.get(k)!).join('\n');

for (const f of readdirSync(outDir)) if (f.endsWith('.gen.go')) unlinkSync(join(outDir, f));
writeGo('services.gen.go', svc);
writeGo('types.gen.go', types);
console.log(`sdks/go: ${ops.length} operations, ${emitted.size} types`);
