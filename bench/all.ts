// `npm run bench`: every benchmark, one after another, each in its own process with its own stack, then one load
// report combining their results: bench/results/latest.{md,json}. Each benchmark keeps its own detailed
// bench/results/<name>-latest.{md,json}. Not a test: it reports PASS/MISS against the targets.
//
//   npm run bench                  every benchmark, then the combined report
//   npm run bench -- bulk audit    only these (their own files; the combined report is left as it is)
//   npm run bench -- --combine     no runs: rebuild latest.{md,json} from the per-benchmark files as they are
//   npm run bench -- --list        the benchmarks' names
//
// Sizes are the benchmarks' own defaults except where this machine needs them smaller to keep the whole run near
// 20 minutes (SCALED below; an environment variable set by the caller wins). Single benchmarks also run alone:
// `tsx bench/bulk.ts`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  COMPARISON_HEAD,
  comparisonRows,
  disturbedLine,
  machineLine,
  mdTable,
  memoryCells,
  otherMemoryCell,
  SCENARIO_HEAD,
  scenarioRows,
  type BenchReport,
} from './report';
import { ROOT } from './stack';
import { NOISE_CORES, watchMachine, type MachineContext } from './sys';

interface Benchmark {
  name: string;
  file: string;
  what: string;
}

const BENCHMARKS: Benchmark[] = [
  { name: 'http', file: 'bench/run.ts', what: 'GET list and POST create through the API against a bare Express + pg floor; the Temporal command paths (start + result, update-with-start, eager, LISTEN/NOTIFY) against the API POST' },
  { name: 'bulk', file: 'bench/bulk.ts', what: '1,000-contact bulk upserts and 50,000 contacts through bulk calls, against the same upserts as SQL transactions' },
  { name: 'webhooks', file: 'bench/webhooks.ts', what: 'event to first delivery attempt and a 1,000-delivery burst, against the same signed POSTs sent straight to the receiver' },
  { name: 'sdk-python-example', file: 'bench/sdk-python-example.ts', what: 'the Python SDK example tagging 5,000 of 50,000 contacts, against the same requests without the SDK and its 30 s target' },
  { name: 'audit', file: 'bench/audit.ts', what: 'contact reads with the PII-read audit on, against the same reads with it off' },
  { name: 'isolation', file: 'bench/isolation.ts', what: "workspace B's POST /v1/contacts alone, then while workspace A has an endpoint answering 500 with 5,000 deliveries waiting" },
  { name: 'backups', file: 'bench/backups.ts', what: 'a sealed backup of a 200,000-contact workspace taken and restored, each by a process of its own, against a 300 MiB peak RSS bound' },
  { name: 'search', file: 'bench/search.ts', what: 'POST /v1/contacts/search over 100,000 contacts, one scenario per indexed predicate and an OR tree (first and later pages, EXPLAIN of each), against the unfiltered list' },
  { name: 'broadcasts', file: 'bench/broadcasts.ts', what: 'one broadcast through the sandbox provider, against the same messages through POST /v1/messages/bulk' },
];

// Sizes a benchmark runs at here when its default would keep the whole run too long (none at present: the bulk
// floor of the broadcast benchmark queues about 300/s since a bulk chunk flushes once, so 10,000 recipients, the
// issue's size, take under a minute per path)
const SCALED: Record<string, Record<string, string>> = {};

// one benchmark past this is stopped (SIGINT, so it tears its stack down) and reported as failed
const PER_BENCH_MS = Number(process.env.BENCH_MAX_SECONDS_EACH ?? 900) * 1000;

const RESULTS = join(ROOT, 'bench', 'results');
const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

interface Run {
  name: string;
  file: string;
  what: string;
  /** ran in this invocation (false with --combine: the file is from an earlier run) */
  ranNow: boolean;
  exitCode: number | null;
  seconds: number | null;
  env: Record<string, string>;
  report?: BenchReport;
  problem?: string;
}

let current: import('node:child_process').ChildProcess | undefined;

function runOne(b: Benchmark): Promise<Run> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(SCALED[b.name] ?? {})) env[k] = process.env[k] ?? v;
  const started = Date.now();
  log(`${b.name}: ${b.file}${Object.keys(env).length ? ` (${Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ')})` : ''}`);
  return new Promise((resolve) => {
    // node itself with the tsx loader, as the benchmarks start their own children
    const child = spawn(process.execPath, ['--import', 'tsx', b.file], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      log(`${b.name}: over ${PER_BENCH_MS / 1000} s; stopping it`);
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGKILL'), 60_000).unref();
    }, PER_BENCH_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      const seconds = +((Date.now() - started) / 1000).toFixed(1);
      const run: Run = { ...b, ranNow: true, exitCode: code, seconds, env };
      const found = readReport(b.name);
      if (timedOut) run.problem = `stopped after ${PER_BENCH_MS / 1000} s`;
      else if (code !== 0) run.problem = `exited with ${code ?? signal}`;
      else if (!found.report) run.problem = found.problem;
      else if (Date.parse(found.report.at) < started) run.problem = `${b.name}-latest.json was not rewritten by this run`;
      else run.report = found.report;
      log(`${b.name}: ${run.problem ?? 'done'} in ${seconds} s`);
      resolve(run);
    });
  });
}

function readReport(name: string): { report?: BenchReport; problem?: string } {
  const file = join(RESULTS, `${name}-latest.json`);
  if (!existsSync(file)) return { problem: `no ${name}-latest.json` };
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as BenchReport;
    if (!Array.isArray(report.scenarios) || !report.machine) return { problem: `${name}-latest.json predates the common result shape` };
    return { report };
  } catch (err) {
    return { problem: `${name}-latest.json: ${(err as Error).message}` };
  }
}

/** BENCH_* settings from the caller's environment: they change sizes and durations, so the report names them */
function benchEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('BENCH_') && e[1] !== undefined));
}

function render(runs: Run[], machine: MachineContext, at: string, combineOnly: boolean): string {
  const ok = runs.filter((r): r is Run & { report: BenchReport } => !!r.report);
  const out: string[] = ['# SabNode load report', ''];
  out.push(`- ${at}; ${combineOnly ? 'combined from the per-benchmark files as they were (no benchmark ran for this report)' : `\`npm run bench\`, ${runs.length} benchmarks one after another, each with its own PostgreSQL, Temporal dev server, API and worker`}`);
  if (combineOnly) out.push(`- machine now: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, node ${machine.node}; 1-min load ${machine.loadAvgEnd[0]} (each benchmark's own machine context is below)`);
  else out.push(`- machine over the whole run: ${machineLine(machine)}`);
  out.push(`- everything on this one machine (the load generators too); PostgreSQL runs with fsync off, Temporal is the in-memory dev server`);
  const scaled = runs.filter((r) => Object.keys(r.env).length);
  if (scaled.length) out.push(`- sizes scaled down for this machine: ${scaled.map((r) => `${r.name} ${Object.entries(r.env).map(([k, v]) => `${k}=${v}`).join(' ')}`).join('; ')}`);
  const callerEnv = benchEnv();
  if (!combineOnly && Object.keys(callerEnv).length) out.push(`- set by the caller: ${Object.entries(callerEnv).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  // processes that ended before the run did are missing from the whole run's own list: take each benchmark's
  const largest = new Map<string, { pid: number; cores: number; cmd: string }>();
  for (const o of ok.flatMap((r) => r.report.machine.topOthers)) if ((largest.get(o.cmd)?.cores ?? -1) < o.cores) largest.set(o.cmd, o);
  const d = combineOnly ? '' : disturbedLine(machine, [...largest.values()].sort((a, b) => b.cores - a.cores).slice(0, 4));
  if (d) out.push('', d);
  const failed = runs.filter((r) => !r.report);
  if (failed.length) out.push('', `**⚠ No result from: ${failed.map((r) => `${r.name} (${r.problem})`).join('; ')}.**`);
  const older = ok.filter((r) => !r.ranNow);
  if (older.length) out.push('', `Results measured before this report: ${older.map((r) => `${r.name} (${r.report.at})`).join(', ')}.`);
  out.push('', '## Scenarios', '', 'Latencies per operation (a request, a bulk call, a delivery, a recipient\'s message, a script run); throughput over each scenario\'s wall time. *(floor)* rows are the same work with the product\'s machinery removed, measured in the same run.', '');
  out.push(mdTable(['benchmark', ...SCENARIO_HEAD], ok.flatMap((r) => scenarioRows(r.report, true))));
  out.push('', '## Against the floor', '', 'real / floor, each pair from the same run: latency ratios above 1 are slower than the floor; a throughput ratio below 1 is less.', '');
  out.push(mdTable(['benchmark', ...COMPARISON_HEAD], ok.flatMap((r) => comparisonRows(r.report, true))));
  out.push('', '## Targets', '');
  for (const r of ok) for (const t of r.report.targets) out.push(`- ${t.pass ? 'PASS' : 'MISS'} (${r.name}): ${t.name} — ${t.value}`);
  out.push('', '## Peak memory', '', 'Linux VmHWM of each process, read just before it was stopped; RSS also sampled every second while it ran.', '');
  out.push(mdTable(['benchmark', 'API', 'worker', 'other processes'], ok.map((r) => [r.name, ...memoryCells(r.report), otherMemoryCell(r.report)])));
  out.push('', '## Machine during each benchmark', '', `'other' is the CPU used by processes outside the benchmark's own process tree (other work on this machine), in cores on average; above ${NOISE_CORES} the benchmark is marked disturbed.`, '');
  out.push(
    mdTable(
      ['benchmark', 'wall s', '1-min load start → end', 'other cores', 'disturbed'],
      ok.map((r) => [r.name, r.seconds ?? r.report.machine.wallSeconds, `${r.report.machine.loadAvgStart[0]} → ${r.report.machine.loadAvgEnd[0]}`, r.report.machine.otherCores.toFixed(2), r.report.machine.disturbed ? '**yes**' : 'no']),
    ),
  );
  out.push('', '## Floors', '');
  for (const r of ok) out.push(`- ${r.name}: ${r.report.floorNote}`);
  out.push('', '## Benchmarks', '');
  for (const r of runs) out.push(`- ${r.name} (\`${r.file}\`): ${r.what}. Detail: \`bench/results/${r.name}-latest.md\`${r.report ? ` (${r.report.at})` : ''}.`);
  return out.join('\n') + '\n';
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--list')) {
    for (const b of BENCHMARKS) process.stdout.write(`${b.name}\t${b.file}\t${b.what}\n`);
    return;
  }
  const combineOnly = args.includes('--combine');
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length) {
    log(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const selected = names.length ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS;

  const machine = watchMachine();
  const runs: Run[] = [];
  if (combineOnly) {
    for (const b of BENCHMARKS) {
      const found = readReport(b.name);
      runs.push({ ...b, ranNow: false, exitCode: null, seconds: null, env: {}, report: found.report, problem: found.problem });
    }
  } else {
    for (const b of selected) {
      if (stopping) break;
      runs.push(await runOne(b));
    }
  }
  const context = machine.end();
  const at = new Date().toISOString();
  if (names.length && !combineOnly) {
    log(`ran ${runs.map((r) => r.name).join(', ')}: see their bench/results/<name>-latest.md; latest.{md,json} (every benchmark) left as it was`);
  } else {
    const md = render(runs, context, at, combineOnly);
    mkdirSync(RESULTS, { recursive: true });
    const combined = {
      at,
      combinedOnly: combineOnly,
      machine: context,
      callerEnv: combineOnly ? {} : benchEnv(),
      benchmarks: runs.map((r) => ({ name: r.name, file: r.file, ranNow: r.ranNow, exitCode: r.exitCode, seconds: r.seconds, scaledEnv: r.env, problem: r.problem ?? null, report: r.report ?? null })),
    };
    writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(combined, null, 2)}\n`);
    writeFileSync(join(RESULTS, 'latest.md'), md);
    process.stdout.write(`\n${md}`);
    log(`wrote bench/results/latest.md and latest.json; ${context.wallSeconds.toFixed(0)} s in all`);
  }
  if (runs.some((r) => !r.report)) process.exitCode = 1;
}

let stopping = false;
// Ctrl-C reaches the running benchmark through the terminal's process group; a SIGTERM is passed on as SIGINT, which
// every benchmark answers by tearing its stack down
process.on('SIGINT', () => (stopping = true));
process.on('SIGTERM', () => {
  stopping = true;
  current?.kill('SIGINT');
});

main().catch((err: Error) => {
  log(`failed: ${err.stack ?? err.message}`);
  process.exitCode = 1;
});
