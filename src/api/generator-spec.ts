// The published renderings of a version's document. `/openapi.json` is the full OpenAPI 3.1 contract (JSON Schema
// 2020-12, what the server validates with). Client generators (openapi-generator, oapi-codegen, ogen, Postman) lose
// parts of it: type arrays drop their nullability, required-only `anyOf` branches become empty wrapper models, `if`,
// `not` and `dependentRequired` are not understood. `forGenerators` renders the same contract as OpenAPI 3.0.3 in
// the forms they keep: `nullable`, one `type`, `enum` for `const`, and the rules a generated model cannot hold moved
// to `x-rules` (the schemas they came from) and to a sentence of the description. The server still checks every one.
import { stringify } from 'yaml';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** YAML without anchors or aliases (a parsed document shares the objects its aliases named). */
export function aliasFreeYaml(doc: unknown): string {
  return stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 });
}

/** Keys that describe a value's shape; a subschema without any of them only asserts something about the value. */
const SHAPE_KEYS = ['type', 'properties', 'items', '$ref', 'enum', 'const', 'allOf', 'additionalProperties'];
const isAssertion = (s: unknown): boolean => isObject(s) && !SHAPE_KEYS.some((k) => k in s);
const isNullType = (s: unknown): boolean => isObject(s) && s.type === 'null' && Object.keys(s).length === 1;

function appendDescription(s: Json, sentence: string): void {
  s.description = typeof s.description === 'string' && s.description ? `${s.description.trimEnd()} ${sentence}` : sentence;
}

const code = (names: string[]) => names.map((n) => `\`${n}\``).join(', ');

function moveRule(s: Json, key: string, sentence?: string): void {
  if (!(key in s)) return;
  const rules = (isObject(s['x-rules']) ? s['x-rules'] : (s['x-rules'] = {})) as Json;
  rules[key] = s[key];
  delete s[key];
  appendDescription(s, sentence ?? `The server also checks the \`x-rules.${key}\` rule (JSON Schema).`);
}

function typeOfValue(v: unknown): string | undefined {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return undefined;
}

const pascal = (text: string) => text.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');

/**
 * One schema (in place) and everything below it. `name` is where it sits (`EventTypeInfoObject`): a `const` becomes a
 * one-value enum whose constant generators would name after the value alone (`event_type` as `EventType`, which
 * collides with the schema of that name in oapi-codegen's Go), so it is named after its place (`x-enum-varnames`).
 */
function renderSchema(s: unknown, name = ''): void {
  if (!isObject(s)) return;
  for (const key of ['properties', 'patternProperties', '$defs']) {
    if (isObject(s[key])) for (const [prop, sub] of Object.entries(s[key] as Json)) renderSchema(sub, name && `${name}${pascal(prop)}`);
  }
  for (const key of ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'propertyNames', 'contains']) renderSchema(s[key], name && `${name}${pascal(key)}`);
  for (const key of ['allOf', 'anyOf', 'oneOf', 'prefixItems']) if (Array.isArray(s[key])) (s[key] as unknown[]).forEach((sub, i) => renderSchema(sub, name && `${name}${pascal(key)}${i}`));

  // a nullable choice: `oneOf: [X, {type: null}]` is X, nullable
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = s[key];
    if (!Array.isArray(branches) || !branches.some(isNullType)) continue;
    const rest = branches.filter((b) => !isNullType(b));
    s.nullable = true;
    if (rest.length === 1 && isObject(rest[0]) && '$ref' in rest[0]) {
      delete s[key];
      s.allOf = [rest[0]];
    } else if (rest.length === 1 && isObject(rest[0])) {
      delete s[key];
      Object.assign(s, rest[0], { nullable: true });
    } else {
      s[key] = rest;
    }
  }
  // a bulk item typed `anyOf: [Item, {type: object}]` (the loose branch lets a bad item get its own result) is Item
  if (Array.isArray(s.anyOf) && s.anyOf.length === 2 && isObject(s.anyOf[0]) && '$ref' in s.anyOf[0] && isObject(s.anyOf[1]) && s.anyOf[1].type === 'object' && Object.keys(s.anyOf[1]).length === 1) {
    const ref = s.anyOf[0];
    delete s.anyOf;
    if (Object.keys(s).length === 0) Object.assign(s, ref);
    else s.allOf = [ref];
  }
  // `anyOf`/`oneOf` whose branches only assert (required fields, patterns): generators would make wrapper models
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = s[key];
    if (!Array.isArray(branches) || !branches.every(isAssertion)) continue;
    const requiredOne = branches.every((b) => isObject(b) && Object.keys(b).length === 1 && Array.isArray(b.required) && b.required.length === 1);
    if (key === 'anyOf' && requiredOne) {
      const names = branches.map((b) => ((b as Json).required as string[])[0]);
      s['x-at-least-one-of'] = names;
      delete s[key];
      // said once: a description that already names the rule keeps its own words
      const said = typeof s.description === 'string' && /at least one of/i.test(s.description) && names.every((n) => (s.description as string).includes(`\`${n}\``));
      if (!said) appendDescription(s, `At least one of ${code(names)} is required (the server checks it).`);
    } else {
      moveRule(s, key);
    }
  }
  if ('not' in s) moveRule(s, 'not');
  if ('if' in s) {
    moveRule(s, 'if', 'The server also checks the conditional rule in `x-rules` (`if`/`then`/`else`, JSON Schema).');
    moveRule(s, 'then', '');
    moveRule(s, 'else', '');
    s.description = (s.description as string).trimEnd();
  }
  if (isObject(s.dependentRequired)) {
    const pairs = Object.entries(s.dependentRequired as Record<string, string[]>).map(([k, v]) => `\`${k}\` needs ${code(v)}`);
    moveRule(s, 'dependentRequired', `${pairs.join('; ')} (the server checks it).`);
  }
  for (const key of ['unevaluatedProperties', 'propertyNames', 'contentMediaType', 'contentEncoding', 'contentSchema', '$comment']) delete s[key];

  if (Array.isArray(s.type)) {
    const types = (s.type as string[]).filter((t) => t !== 'null');
    const nullable = types.length < (s.type as string[]).length;
    if (types.length === 1) {
      s.type = types[0];
      if (nullable) s.nullable = true;
    } else {
      // several types: 3.0 has no union of types, so any value, with the types named
      delete s.type;
      s['x-types'] = types;
      appendDescription(s, `One of the types ${code(types)}${nullable ? ', or null' : ''}.`);
    }
  } else if (s.type === 'null') {
    delete s.type;
    s.nullable = true;
    s.enum = [null];
  }
  if ('const' in s) {
    s.enum = [s.const];
    if (!('type' in s) && typeOfValue(s.const)) s.type = typeOfValue(s.const);
    if (name && typeof s.const === 'string') s['x-enum-varnames'] = [`${name}${pascal(s.const)}`];
    delete s.const;
  }
  if (Array.isArray(s.examples)) {
    if (!('example' in s) && s.examples.length) s.example = s.examples[0];
    delete s.examples;
  }
  if (typeof s.exclusiveMinimum === 'number') {
    s.minimum = s.exclusiveMinimum;
    s.exclusiveMinimum = true;
  }
  if (typeof s.exclusiveMaximum === 'number') {
    s.maximum = s.exclusiveMaximum;
    s.exclusiveMaximum = true;
  }
  // 3.0 ignores whatever stands beside a $ref
  if ('$ref' in s && Object.keys(s).length > 1) {
    const { $ref, ...rest } = s;
    for (const k of Object.keys(s)) delete s[k];
    Object.assign(s, rest, { allOf: [{ $ref }] });
  }
}

/** Every `schema` below a part of the document that is not itself a schema (parameters, headers, media types). */
function renderSchemasIn(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(renderSchemasIn);
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'schema') renderSchema(value);
    else if (key !== 'examples' && key !== 'example') renderSchemasIn(value);
  }
}

/** The OpenAPI 3.0.3 rendering of a (3.1) version document, for client generators. */
export function forGenerators(doc31: Json): Json {
  const doc = structuredClone(doc31);
  doc.openapi = '3.0.3';
  delete doc.jsonSchemaDialect;
  if ('webhooks' in doc) {
    doc['x-webhooks'] = doc.webhooks;
    delete doc.webhooks;
  }
  const info = doc.info as Json;
  if (isObject(info.license)) delete info.license.identifier;
  delete info.summary;
  const components = (doc.components ?? {}) as Json;
  delete components.pathItems;
  if (isObject(components.schemas)) for (const [name, s] of Object.entries(components.schemas)) renderSchema(s, name);
  renderSchemasIn(doc.paths);
  renderSchemasIn(doc['x-webhooks']);
  for (const key of ['parameters', 'headers', 'responses', 'requestBodies']) renderSchemasIn(components[key]);
  appendDescription(info, '\n\nThis is the OpenAPI 3.0.3 rendering of the 3.1 document (`/openapi.json`), for client generators: rules a generated model cannot hold are in `x-rules`, `x-at-least-one-of` and the descriptions, and the server checks each of them.');
  return doc;
}
