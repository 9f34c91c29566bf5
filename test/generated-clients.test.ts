// Integrators in Java, C#, PHP or Ruby generate their own client, and Go teams use oapi-codegen: the published
// renderings must be something those generators take. Pinned tools from the registries: openapi-generator (the Maven
// Central CLI jar), oapi-codegen (Go module proxy, tools/oapi-client-check/go.mod), openapi-to-postmanv2 (npm).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseDocument, visit } from 'yaml';
import { ROOT } from './support/processes';
import { closeDb, newWorkspace, stack } from './support/stack';
import { ensureGeneratedClientVenv, ensureOpenapiGenerator, OPENAPI_GENERATOR_VERSION, prepareOapiCodegen } from './support/tools';
import { VERSIONS } from '../src/versions';

const run = promisify(execFile);
const GENERATORS = ['python', 'java', 'csharp', 'php', 'typescript-fetch'];
const MINUTES = 60_000;

let dir: string;
let doc30: any;
let doc31: any;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sabnode-generated-'));
  doc31 = await (await fetch(`${stack().apiUrl}/openapi.json`)).json();
  doc30 = await (await fetch(`${stack().apiUrl}/openapi-3.0.json`)).json();
  writeFileSync(join(dir, 'openapi-3.0.json'), JSON.stringify(doc30));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeDb();
});

describe('published renderings', () => {
  it('/openapi.yaml is the 3.1 document without YAML anchors or aliases, for every version', async () => {
    for (const v of VERSIONS) {
      const text = await (await fetch(`${stack().apiUrl}/openapi.yaml?version=${v.version}`)).text();
      const parsed = parseDocument(text);
      let aliases = 0;
      visit(parsed, {
        Alias: () => void aliases++,
        Node: (_key, node) => void ((node as { anchor?: string }).anchor && aliases++),
      });
      expect({ errors: parsed.errors.length, aliases }).toEqual({ errors: 0, aliases: 0 });
      expect(parsed.toJS()).toEqual(await (await fetch(`${stack().apiUrl}/openapi.json?version=${v.version}`)).json());
    }
  });

  it('/openapi-3.0.json states the same contract in forms generators keep', () => {
    expect(doc30.openapi).toBe('3.0.3');
    expect(Object.keys(doc30.paths).sort()).toEqual(Object.keys(doc31.paths).sort());
    const create = doc30.components.schemas.ContactCreate;
    // "at least one of" no longer a required-only anyOf (a wrapper model without fields), and still stated
    expect(create.anyOf).toBeUndefined();
    expect(create['x-at-least-one-of']).toEqual(['phone', 'email', 'external_id']);
    expect(Object.keys(create.properties)).toEqual(Object.keys(doc31.components.schemas.ContactCreate.properties));
    // nullability kept as 3.0 says it
    expect(doc30.components.schemas.ListEnvelope.properties.next_cursor).toMatchObject({ type: 'string', nullable: true });
    expect(doc31.components.schemas.ListEnvelope.properties.next_cursor.type).toEqual(['string', 'null']);
    // no 3.1-only construct is left, except inside the x-rules that carry the server's extra checks
    const text = JSON.stringify(doc30, (key, value) => (key === 'x-rules' ? undefined : value));
    expect(doc30.components.schemas.OptInRequest['x-rules'].dependentRequired).toEqual({ template_id: ['channel_id'], channel_id: ['template_id'] });
    for (const construct of ['"const":', '"type":["', '"if":', '"dependentRequired":', '"unevaluatedProperties":', '"propertyNames":', '"examples":["']) {
      expect(text).not.toContain(construct);
    }
    const unknown = fetch(`${stack().apiUrl}/openapi-3.0.json?version=2024-01-01`).then((r) => r.status);
    return expect(unknown).resolves.toBe(400);
  });
});

describe(`openapi-generator ${OPENAPI_GENERATOR_VERSION}`, () => {
  let jar: string;
  beforeAll(async () => {
    jar = await ensureOpenapiGenerator();
  }, 10 * MINUTES);

  it('validates the 3.0.3 rendering with no error, and no warning but the webhook payload model', async () => {
    const { stdout } = await run('java', ['-jar', jar, 'validate', '-i', join(dir, 'openapi-3.0.json')], { timeout: 5 * MINUTES });
    expect(stdout).not.toContain('Errors:');
    // 3.0 has no `webhooks`, so no operation uses WebhookPayload (the body every webhook receiver parses); it is
    // kept for them, and the validator recommends dropping it: the only remark allowed
    const remarks = stdout.split('\n').filter((l) => /^\s*- /.test(l)).map((l) => l.trim());
    expect(remarks).toEqual(remarks.length ? ['- Unused model: WebhookPayload'] : []);
  }, 6 * MINUTES);

  it(`generates ${GENERATORS.join(', ')} clients without errors, and the python one creates, lists, pages and gets typed errors`, async () => {
    const configs = GENERATORS.map((g) => {
      const file = join(dir, `${g}.json`);
      writeFileSync(file, JSON.stringify({ generatorName: g, inputSpec: join(dir, 'openapi-3.0.json'), outputDir: join(dir, g), additionalProperties: { packageName: 'sabnode_generated' } }));
      return file;
    });
    const generated = await run('java', ['-jar', jar, 'batch', '--fail-fast', ...configs], { timeout: 15 * MINUTES, maxBuffer: 64 << 20 });
    expect(generated.stdout + generated.stderr).not.toMatch(/\[(error|ERROR)\]|Exception in thread/);
    for (const g of GENERATORS) expect(readdirSync(join(dir, g)).length).toBeGreaterThan(3);
    const model = readFileSync(join(dir, 'python', 'sabnode_generated', 'models', 'contact_create.py'), 'utf8');
    expect(model).toMatch(/__properties: ClassVar\[List\[str\]\] = \["phone", "email", "first_name", "last_name", "external_id", "attributes"\]/);

    const python = await ensureGeneratedClientVenv();
    const ws = await newWorkspace();
    const prefix = `+9198${String(Date.now()).slice(-6)}`;
    const { stdout } = await run(python, [join(ROOT, 'test', 'generated', 'python_client_check.py'), join(dir, 'python'), stack().apiUrl, ws.key, prefix], { timeout: 5 * MINUTES });
    const seen = JSON.parse(stdout);
    expect(seen.created).toHaveLength(3);
    seen.created.forEach((c: any, i: number) => {
      expect(c).toEqual({ id: expect.stringMatching(/^ctc_/), phone: `${prefix}${i}`, first_name: `Generated${i}`, attributes: { plan: 'pro', seats: i } });
    });
    // three contacts at two a page: two pages, each contact once, newest first, ending on a null cursor
    expect(seen.item_types).toEqual(['Contact']);
    expect(seen.listed).toEqual({ pages: 2, ids: seen.created.map((c: any) => c.id).reverse(), last_cursor: null });
    expect(seen.got).toEqual({ id: seen.created[0].id, type: 'Contact', phone: `${prefix}0` });
    expect(seen.not_found).toEqual({ status: 404, type: 'Problem', code: 'resource_missing' });
    expect(seen.duplicate).toEqual({ status: 422, code: 'contact_phone_taken', existing_id: seen.created[0].id });
  }, 30 * MINUTES);
});

describe('oapi-codegen', () => {
  it('generates a Go client from the 3.0.3 rendering that compiles', async () => {
    const codegen = await prepareOapiCodegen();
    const module = join(ROOT, 'tools', 'oapi-client-check');
    const out = join(module, 'client');
    if (!existsSync(out)) mkdirSync(out);
    try {
      await run(codegen, ['-generate', 'types,client', '-package', 'client', '-o', join(out, 'client.gen.go'), join(dir, 'openapi-3.0.json')], { timeout: 5 * MINUTES });
      const source = readFileSync(join(out, 'client.gen.go'), 'utf8');
      expect(source).toContain('func (c *Client) CreateContact(');
      // the model keeps its fields (a required-only anyOf made it an empty union)
      expect(source).toMatch(/type ContactCreate struct \{[^}]*\n\tPhone \*[A-Za-z]+ `json:"phone,omitempty"`/);
      await run('go', ['build', './...'], { cwd: module, timeout: 15 * MINUTES, env: { ...process.env, GOFLAGS: '-mod=readonly -buildvcs=false' } });
      await run('go', ['vet', './client'], { cwd: module, timeout: 10 * MINUTES, env: { ...process.env, GOFLAGS: '-mod=readonly -buildvcs=false' } });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 30 * MINUTES);
});

describe('openapi-to-postmanv2', () => {
  it('converts both renderings into a collection with a request for every operation', async () => {
    const Converter = (await import('openapi-to-postmanv2')) as any;
    const operations = Object.values(doc31.paths as Record<string, Record<string, unknown>>).flatMap((item) =>
      Object.keys(item).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)),
    ).length;
    for (const doc of [doc31, doc30]) {
      const converted: any = await new Promise((resolve, reject) =>
        (Converter.default ?? Converter).convert({ type: 'json', data: doc }, {}, (err: Error | null, res: unknown) => (err ? reject(err) : resolve(res))),
      );
      expect({ result: converted.result, reason: converted.reason }).toEqual({ result: true, reason: undefined });
      const count = (items: any[]): number => items.reduce((n, i) => n + (i.item ? count(i.item) : i.request ? 1 : 0), 0);
      expect(count(converted.output[0].data.item)).toBe(operations);
    }
  }, 5 * MINUTES);
});
