// The changelog that /docs shows: each version's release, breaking changes, deprecation and sunset (from the version
// registry), with the additions made within a version (the spec's own history, `info.x-changelog` in openapi.yaml).
import { spec } from '../spec';
import { VERSIONS } from './index';

export interface ChangelogEntry {
  /** YYYY-MM-DD */
  date: string;
  /** the API version the entry belongs to */
  version: string;
  kind: 'released' | 'breaking' | 'added' | 'changed' | 'fixed' | 'deprecated' | 'sunset';
  summary: string;
}

interface SpecEntry {
  date: string;
  version: string;
  kind: 'added' | 'changed' | 'fixed';
  summary: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SPEC_KINDS = new Set(['added', 'changed', 'fixed']);

/** The spec's own entries, checked: a known version, a date, a kind and a summary each. */
function specEntries(): SpecEntry[] {
  const raw = (spec.info as { 'x-changelog'?: unknown })['x-changelog'] ?? [];
  if (!Array.isArray(raw)) throw new Error('openapi.yaml: info.x-changelog must be a list');
  return raw.map((e: Record<string, unknown>, i) => {
    const date = e.date instanceof Date ? e.date.toISOString().slice(0, 10) : String(e.date);
    const version = e.version instanceof Date ? e.version.toISOString().slice(0, 10) : String(e.version);
    if (!DATE.test(date) || !VERSIONS.some((v) => v.version === version) || !SPEC_KINDS.has(String(e.kind)) || typeof e.summary !== 'string' || !e.summary) {
      throw new Error(`openapi.yaml: info.x-changelog[${i}] needs {date: YYYY-MM-DD, version: a known version, kind: added|changed|fixed, summary}`);
    }
    return { date, version, kind: e.kind as SpecEntry['kind'], summary: e.summary };
  });
}

/** Every entry, newest first (a sunset still to come is listed at its date, ahead of what happened since). */
export function changelog(): ChangelogEntry[] {
  const entries: ChangelogEntry[] = specEntries();
  VERSIONS.forEach((v, i) => {
    entries.push({ date: v.released, version: v.version, kind: 'released', summary: `API version ${v.version} released.` });
    // the change a version introduced is written on the version before it (changeToNext)
    const previous = VERSIONS[i + 1];
    if (previous?.changeToNext) {
      entries.push({ date: v.released, version: v.version, kind: 'breaking', summary: `${previous.changeToNext.description} Requests pinned to ${previous.version} keep the old shape.` });
    }
    if (v.deprecated) entries.push({ date: v.deprecated, version: v.version, kind: 'deprecated', summary: `API version ${v.version} deprecated: responses carry Deprecation, Sunset and Link headers.${v.sunset ? ` Sunset on ${v.sunset}.` : ''}` });
    if (v.sunset) entries.push({ date: v.sunset, version: v.version, kind: 'sunset', summary: `API version ${v.version} reaches its sunset: requests at it are refused with 400 api_version_sunset.` });
  });
  const order = ['sunset', 'deprecated', 'fixed', 'changed', 'added', 'breaking', 'released'];
  return entries.sort((a, b) => b.date.localeCompare(a.date) || order.indexOf(a.kind) - order.indexOf(b.kind));
}

/** The changelog as Markdown, grouped by version (newest first), for the reference page. */
export function changelogMarkdown(now = new Date()): string {
  const today = now.toISOString().slice(0, 10);
  const lines = ['# Changelog', '', 'Each API version with its breaking changes, deprecation and sunset, and what was added within it. A change that is not marked breaking needs nothing of an integrator.', ''];
  for (const v of VERSIONS) {
    const status = v.sunset && v.sunset <= today ? 'sunset' : v.deprecated ? 'deprecated' : v === VERSIONS[0] ? 'current' : 'supported';
    lines.push(`## ${v.version} (${status})`, '');
    for (const e of changelog().filter((x) => x.version === v.version)) {
      const when = e.date > today ? `${e.date} (scheduled)` : e.date;
      lines.push(`- **${when}** · ${e.kind}: ${e.summary}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
