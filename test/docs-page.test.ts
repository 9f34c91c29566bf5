import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './support/processes';
import { stack } from './support/stack';
import { ensureDebianTool } from './support/tools';
import { renderedDom } from './support/chromium';
import { changelog } from '../src/versions/changelog';
import { VERSIONS } from '../src/versions';

// The reference page at /docs, rendered by a real headless Chromium (Debian's package) from the test stack: Redoc
// (served locally) must turn the live /openapi.json into a section for every operation and webhook in openapi.yaml.

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type PathItems = Record<string, Record<string, { operationId?: string; summary?: string }>>;

/**
 * operationId → the heading its section must have, for every operation in openapi.yaml: its paths (the summary) and
 * its webhooks, one per event type (the summary, with the "Webhook" badge Redoc puts after it).
 */
function operations(): Map<string, string> {
  const spec = parse(readFileSync(join(ROOT, 'openapi.yaml'), 'utf8'), { merge: true }) as { paths: PathItems; webhooks?: PathItems };
  const headed = (items: PathItems, badge: string) =>
    Object.values(items).flatMap((item) => METHODS.flatMap((m) => (item[m]?.operationId ? [[item[m].operationId!, `${item[m].summary ?? ''}${badge}`]] : []))) as [string, string][];
  return new Map([...headed(spec.paths, ''), ...headed(spec.webhooks ?? {}, ' Webhook')]);
}

const decode = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();

/** Each rendered Redoc operation section (`<div data-section-id="operation/<id>" …>`) and the heading it opens with. */
const renderedOperations = (dom: string) =>
  new Map([...dom.matchAll(/<div data-section-id="operation\/([^"]+)" id="operation\/\1"[^>]*><div[^>]*><h2[^>]*>(?:<a [^>]*><\/a>)?(.*?)<\/h2>/g)].map((m) => [m[1], decode(m[2])]));

describe('/docs in headless Chromium', () => {
  let chromium: string;
  beforeAll(() => {
    chromium = ensureDebianTool('chromium', 'chromium');
  }, 600_000);

  it('renders a section for every operation in openapi.yaml', async () => {
    const ops = operations();
    const ids = [...ops.keys()];
    expect(ids.length).toBeGreaterThan(50);
    const { dom } = await renderedDom(chromium, `${stack().apiUrl}/docs`);
    writeFileSync(join(ROOT, '.data', 'docs-dom.html'), dom);
    const rendered = renderedOperations(dom);
    expect(ids.filter((id) => !rendered.has(id))).toEqual([]);
    expect([...rendered.keys()].filter((id) => !ops.has(id))).toEqual([]);
    // each section is the operation's own, headed by its summary
    expect(ids.filter((id) => rendered.get(id) !== ops.get(id)!.trim()).map((id) => ({ id, summary: ops.get(id), heading: rendered.get(id) }))).toEqual([]);
    // the page's title and the spec's own (info.title) as Redoc prints it
    const title = (parse(readFileSync(join(ROOT, 'openapi.yaml'), 'utf8')) as { info: { title: string } }).info.title;
    expect(dom).toContain(title);
  }, 60_000);

  it('shows the changelog: each version, its release, breaking changes, deprecation and sunset, and the spec\'s additions', async () => {
    const entries = changelog();
    // the registry's facts are all there
    for (const v of VERSIONS) {
      expect(entries).toContainEqual(expect.objectContaining({ version: v.version, kind: 'released', date: v.released }));
      if (v.deprecated) expect(entries).toContainEqual(expect.objectContaining({ version: v.version, kind: 'deprecated', date: v.deprecated }));
      if (v.sunset) expect(entries).toContainEqual(expect.objectContaining({ version: v.version, kind: 'sunset', date: v.sunset }));
    }
    const breaking = entries.filter((e) => e.kind === 'breaking');
    expect(breaking.map((e) => e.version)).toEqual(VERSIONS.filter((_, i) => VERSIONS[i + 1]?.changeToNext).map((v) => v.version));
    expect(entries.filter((e) => e.kind === 'added').length).toBeGreaterThan(0);
    // newest first
    expect(entries.map((e) => e.date)).toEqual([...entries.map((e) => e.date)].sort().reverse());

    const { dom } = await renderedDom(chromium, `${stack().apiUrl}/docs`);
    const text = decode(dom);
    expect(text).toContain('Changelog');
    for (const v of VERSIONS) expect(text).toMatch(new RegExp(`${v.version} \\((current|supported|deprecated|sunset)\\)`));
    // code spans render as elements: compared without the spaces that their tags leave
    const squashed = text.replace(/\s+/g, '');
    const missing = entries.filter((e) => !squashed.includes(e.summary.replace(/`/g, '').replace(/\s+/g, '')));
    expect(missing).toEqual([]);
  }, 60_000);
});
