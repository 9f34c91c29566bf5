// The one result shape every benchmark returns, and its Markdown. Each benchmark writes
// bench/results/<name>-latest.{json,md} with it (its own detail alongside); bench/all.ts combines them into
// bench/results/latest.{json,md}.
import { latencyStats } from './load';
import type { MachineContext } from './sys';

export interface ScenarioResult {
  name: string;
  /** operations measured (requests, calls, deliveries, script runs) */
  n: number;
  errors: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** `unit` per second over the scenario's wall time */
  throughput: number | null;
  /** what the throughput counts: req, contacts, deliveries, recipients, runs */
  unit: string;
  /** the same work with the product's machinery removed, measured in the same run */
  floor?: boolean;
}

export interface FloorComparison {
  scenario: string;
  floor: string;
  /** real / floor: latency ratios above 1 are slower than the floor, a throughput ratio below 1 is less */
  ratios: { p50: number | null; p95: number | null; throughput: number | null };
}

export interface TargetResult {
  name: string;
  value: string;
  pass: boolean;
}

export interface ProcessMemory {
  /** Linux VmHWM: the process's peak resident set, read just before it was stopped */
  peakRssMiB: number | null;
  /** VmRSS sampled every second while it ran */
  sampledMaxRssMiB: number | null;
  sampledMeanRssMiB: number | null;
  samples: number;
}

export interface BenchReport<D = unknown> {
  name: string;
  title: string;
  at: string;
  machine: MachineContext;
  /** what the floor is, in a sentence */
  floorNote: string;
  scenarios: ScenarioResult[];
  comparisons: FloorComparison[];
  targets: TargetResult[];
  /** by process: api, worker */
  memory: Record<string, ProcessMemory>;
  settings: Record<string, unknown>;
  detail: D;
}

const round = (v: number, digits = 1) => (Number.isFinite(v) ? +v.toFixed(digits) : null);

/** A scenario from per-operation latencies (ms); throughput is `unitsPerOp` x completed ops over `seconds`. */
export function scenarioOf(name: string, latenciesMs: number[], seconds: number, opts: { unit: string; unitsPerOp?: number; errors?: number; floor?: boolean }): ScenarioResult {
  const s = latencyStats(latenciesMs);
  return {
    name,
    n: s.count,
    errors: opts.errors ?? 0,
    p50Ms: round(s.p50),
    p95Ms: round(s.p95),
    p99Ms: round(s.p99),
    throughput: seconds > 0 ? round((s.count * (opts.unitsPerOp ?? 1)) / seconds, 1) : null,
    unit: opts.unit,
    ...(opts.floor ? { floor: true } : {}),
  };
}

export function compare(real: ScenarioResult, floor: ScenarioResult): FloorComparison {
  // three significant digits: a ratio far below 1 must not round to 0
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? +(a / b).toPrecision(3) : null);
  return {
    scenario: real.name,
    floor: floor.name,
    ratios: { p50: ratio(real.p50Ms, floor.p50Ms), p95: ratio(real.p95Ms, floor.p95Ms), throughput: ratio(real.throughput, floor.throughput) },
  };
}

// ---- Markdown ------------------------------------------------------------------------------------------------

export function mdTable(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const ms = (v: number | null) => (v === null ? '–' : v.toFixed(1));
const x = (v: number | null) => (v === null ? '–' : `${v >= 0.1 ? v.toFixed(2) : v.toPrecision(2)}x`);
const mib = (v: number | null) => (v === null ? '–' : `${v.toFixed(0)} MiB`);
const tput = (s: ScenarioResult) => (s.throughput === null ? '–' : `${s.throughput >= 100 ? s.throughput.toFixed(0) : s.throughput.toFixed(1)} ${s.unit}/s`);

export function scenarioRows(r: BenchReport, withBench = false): (string | number)[][] {
  return r.scenarios.map((s) => [...(withBench ? [r.name] : []), s.floor && !s.name.includes('(floor)') ? `${s.name} *(floor)*` : s.name, s.n, s.errors ? `**${s.errors}**` : 0, ms(s.p50Ms), ms(s.p95Ms), ms(s.p99Ms), tput(s)]);
}
export const SCENARIO_HEAD = ['scenario', 'n', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'throughput'];

export function comparisonRows(r: BenchReport, withBench = false): (string | number)[][] {
  return r.comparisons.map((c) => [...(withBench ? [r.name] : []), c.scenario, c.floor, x(c.ratios.p50), x(c.ratios.p95), x(c.ratios.throughput)]);
}
export const COMPARISON_HEAD = ['real', 'floor (same run)', 'p50 ratio', 'p95 ratio', 'throughput ratio'];

export function memoryCells(r: BenchReport): string[] {
  return ['api', 'worker'].map((p) => {
    const m = r.memory[p];
    return m ? `${mib(m.peakRssMiB)} (sampled max ${mib(m.sampledMaxRssMiB)}, mean ${mib(m.sampledMeanRssMiB)})` : '–';
  });
}

/** Processes of a benchmark other than the API and the worker (a CLI step it measures), as one cell. */
export function otherMemoryCell(r: BenchReport): string {
  const others = Object.entries(r.memory).filter(([p]) => p !== 'api' && p !== 'worker');
  return others.length ? others.map(([p, m]) => `${p} ${mib(m.peakRssMiB)}`).join('; ') : '–';
}

export function machineLine(m: MachineContext): string {
  return `${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB, node ${m.node}; 1-min load ${m.loadAvgStart[0]} at start, ${m.loadAvgEnd[0]} at end; other processes used ${m.otherCores.toFixed(2)} cores on average over ${m.wallSeconds.toFixed(0)} s`;
}

/** `topOthers` overrides the window's own list (a combined run names the largest seen by each benchmark). */
export function disturbedLine(m: MachineContext, topOthers = m.topOthers): string {
  if (!m.disturbed) return '';
  const top = topOthers.map((o) => `\`${o.cmd || o.pid}\` (${o.cores.toFixed(2)} cores)`).join(', ');
  return `**⚠ Disturbed: processes outside this benchmark used ${m.otherCores.toFixed(2)} cores on average while it ran${top ? ` (largest: ${top})` : ''}; its numbers are noisy.**`;
}

/** The common part of a benchmark's Markdown: scenarios, floor ratios, targets, memory, machine. */
export function renderSummary(r: BenchReport): string {
  const out: string[] = [`# ${r.title}`, '', `- ${r.at}; ${machineLine(r.machine)}`];
  const d = disturbedLine(r.machine);
  if (d) out.push('', d);
  out.push('', mdTable(SCENARIO_HEAD, scenarioRows(r)), '', `Floor: ${r.floorNote}`, '');
  if (r.comparisons.length) out.push(mdTable(COMPARISON_HEAD, comparisonRows(r)), '');
  for (const t of r.targets) out.push(`- ${t.pass ? 'PASS' : 'MISS'}: ${t.name} — ${t.value}`);
  if (r.targets.length) out.push('');
  const [api, worker] = memoryCells(r);
  const other = otherMemoryCell(r);
  out.push(`Peak memory (VmHWM): API ${api}; worker ${worker}${other === '–' ? '' : `; ${other}`}.`, '');
  return out.join('\n');
}
