// Summaries of V8 .cpuprofile files written by `node --cpu-prof` (BENCH_CPU_PROF=1): self time by function and
// by package, for the samples inside a time window. V8 stamps samples with CLOCK_MONOTONIC microseconds, the same
// clock as process.hrtime in the bench, so a phase's window selects its samples.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './stack';

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Window {
  name: string;
  /** monotonic microseconds (process.hrtime.bigint() / 1000) */
  startUs: number;
  endUs: number;
}

export interface ProfileSummary {
  file: string;
  window: string;
  /** samples that were not (idle) */
  busyMs: number;
  topFunctions: { name: string; pct: number }[];
  topPackages: { name: string; pct: number }[];
  /** share of busy samples with the package anywhere on the stack */
  inclusivePackages: { name: string; pct: number }[];
  /** share of busy samples with the project function (src/, bench/) anywhere on the stack */
  inclusiveApp: { name: string; pct: number }[];
}

function where(url: string): string {
  if (!url) return '';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) return path.slice(nm + 'node_modules/'.length);
  return path.startsWith('/') ? relative(ROOT, path) : path;
}

function pkgOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native/V8)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const rel = where(url);
  if (url.includes('node_modules/')) {
    const parts = rel.split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  return rel.split('/').slice(0, 2).join('/');
}

const isApp = (url: string) => !url.includes('node_modules/') && (url.includes('/src/') || url.includes('/bench/'));

function frameName(functionName: string, url: string, lineNumber: number): string {
  // tsx compiles TypeScript on load, and the profile's lines are the compiled file's: name the file only
  const at = !url ? '' : /\.tsx?$/.test(url) ? where(url) : `${where(url)}:${lineNumber + 1}`;
  return `${functionName || '(anonymous)'} ${at}`.trim();
}

export function summarizeProfile(file: string, windows: Window[]): ProfileSummary[] {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // per node: the packages and project functions on its stack (memoised, the tree is shared by many samples)
  const stackSets = new Map<number, { pkgs: Set<string>; app: Set<string> }>();
  const stackOf = (id: number): { pkgs: Set<string>; app: Set<string> } => {
    const hit = stackSets.get(id);
    if (hit) return hit;
    const node = byId.get(id)!;
    const up = parent.has(id) ? stackOf(parent.get(id)!) : { pkgs: new Set<string>(), app: new Set<string>() };
    const { functionName, url, lineNumber } = node.callFrame;
    const pkgs = new Set(up.pkgs);
    const app = new Set(up.app);
    if (url) pkgs.add(pkgOf(url, functionName));
    if (url && isApp(url)) app.add(frameName(functionName, url, lineNumber));
    const out = { pkgs, app };
    stackSets.set(id, out);
    return out;
  };
  const times: number[] = [];
  let t = prof.startTime;
  for (const d of prof.timeDeltas) times.push((t += d));
  const out: ProfileSummary[] = [];
  for (const w of windows) {
    const fnMs = new Map<string, number>();
    const pkgMs = new Map<string, number>();
    const inclPkgMs = new Map<string, number>();
    const inclAppMs = new Map<string, number>();
    let busy = 0;
    for (let i = 0; i < prof.samples.length; i++) {
      if (times[i] < w.startUs || times[i] > w.endUs) continue;
      const dt = (i + 1 < times.length ? times[i + 1] - times[i] : 0) / 1000;
      const node = byId.get(prof.samples[i]);
      if (!node) continue;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)') continue;
      busy += dt;
      const name = frameName(functionName, url, lineNumber);
      fnMs.set(name, (fnMs.get(name) ?? 0) + dt);
      const pkg = pkgOf(url, functionName);
      pkgMs.set(pkg, (pkgMs.get(pkg) ?? 0) + dt);
      const stack = stackOf(node.id);
      for (const p of stack.pkgs) inclPkgMs.set(p, (inclPkgMs.get(p) ?? 0) + dt);
      for (const a of stack.app) inclAppMs.set(a, (inclAppMs.get(a) ?? 0) + dt);
    }
    const top = (m: Map<string, number>, n: number) =>
      [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, ms]) => ({ name, pct: busy ? (100 * ms) / busy : 0 }));
    if (busy > 0) out.push({ file: relative(ROOT, file), window: w.name, busyMs: busy, topFunctions: top(fnMs, 12), topPackages: top(pkgMs, 10), inclusivePackages: top(inclPkgMs, 12), inclusiveApp: top(inclAppMs, 12) });
  }
  return out;
}

export function profilesIn(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f));
  } catch {
    return [];
  }
}
