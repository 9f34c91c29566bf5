import { EVENT_TYPES } from '../event-types';
import { specForVersion, VERSIONS } from '../versions';
import type { AuthedRequest, HandlerResult } from './context';
import { spec } from '../spec';

type Json = Record<string, unknown>;

const COMPONENT = '#/components/schemas/';

/**
 * A schema of a version's document made self-contained: the component schemas it uses, transitively, in its `$defs`.
 * Examples are left out: they are documentation, and an example object would be reshaped as a response is.
 */
function bundled(doc: Json, root: unknown): Json {
  const schemas = (doc.components as Json).schemas as Record<string, unknown>;
  const defs: Record<string, unknown> = {};
  const wanted: string[] = [];
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === 'example' || k === 'examples') continue;
      if (k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENT)) {
        const name = v.slice(COMPONENT.length);
        if (!(name in defs) && !wanted.includes(name)) wanted.push(name);
        out.$ref = `#/$defs/${name}`;
      } else out[k] = rewrite(v);
    }
    return out;
  };
  const schema = rewrite(root) as Json;
  for (let name = wanted.shift(); name !== undefined; name = wanted.shift()) {
    if (!(name in schemas)) throw new Error(`openapi.yaml: webhooks refer to a missing schema ${name}`);
    defs[name] = null;
    defs[name] = rewrite(schemas[name]);
  }
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...schema, $defs: defs };
}

interface WebhookEntry {
  post: { description?: string; requestBody: { content: { 'application/json': { schema: unknown } } } };
}

/** The `webhooks:` section of openapi.yaml, one entry per type the code emits (src/event-types.ts): checked at load. */
function webhookEntries(doc: Json): Record<string, WebhookEntry> {
  return (doc.webhooks ?? {}) as Record<string, WebhookEntry>;
}
{
  const documented = Object.keys(webhookEntries(spec as unknown as Json));
  const emitted = Object.keys(EVENT_TYPES);
  const differ = [...documented.filter((t) => !emitted.includes(t)), ...emitted.filter((t) => !documented.includes(t))];
  if (differ.length) throw new Error(`openapi.yaml: webhooks: must name exactly the event types in src/event-types.ts; differ: ${differ.join(', ')}`);
}

let catalogue: Json[] | null = null;

/** Every event type with its payload's schema per supported version, newest first; built once per process. */
function eventTypeCatalogue(): Json[] {
  if (catalogue) return catalogue;
  const docs = VERSIONS.map((v) => ({ version: v.version, doc: specForVersion(spec as unknown as Json, v) }));
  catalogue = Object.entries(webhookEntries(spec as unknown as Json)).map(([type, entry]) => ({
    object: 'event_type',
    type,
    summary: (entry.post.description ?? '').trim(),
    schemas: docs.map(({ version, doc }) => ({
      api_version: version,
      schema: bundled(doc, webhookEntries(doc)[type].post.requestBody.content['application/json'].schema),
    })),
  }));
  return catalogue;
}

export function eventTypesHandlers() {
  return {
    async listEventTypes(_req: AuthedRequest): Promise<HandlerResult> {
      return { status: 200, body: { object: 'list', data: eventTypeCatalogue(), has_more: false, next_cursor: null } };
    },
  };
}
