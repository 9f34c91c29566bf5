// Evidence gathered around each measurement: CPU per process group from /proc, the process tree (for the
// teardown check), what PostgreSQL backends are doing, and the API's own metrics.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import type { Client as PgClient } from 'pg';

let clkTck = 100;
try {
  clkTck = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  /* Linux default */
}

interface ProcStat {
  pid: number;
  ppid: number;
  state: string;
  /** utime + stime, in seconds */
  cpu: number;
  /** cutime + cstime: children already reaped, in seconds */
  childCpu: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(f[1]), state: f[0], cpu: (Number(f[11]) + Number(f[12])) / clkTck, childCpu: (Number(f[13]) + Number(f[14])) / clkTck };
  } catch {
    return undefined;
  }
}

function allStats(): Map<number, ProcStat> {
  const out = new Map<number, ProcStat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(Number(name));
    if (s) out.set(s.pid, s);
  }
  return out;
}

function descendantsIn(stats: Map<number, ProcStat>, root: number): number[] {
  const children = new Map<number, number[]>();
  for (const s of stats.values()) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s.pid]);
  const out: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

export function descendants(root = process.pid): number[] {
  return descendantsIn(allStats(), root);
}

export function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** A live (not zombie) process. */
export function alive(pid: number): boolean {
  const s = readStat(pid);
  return !!s && s.state !== 'Z' && s.state !== 'X';
}

export interface CpuGroup {
  name: string;
  root: number;
  /** count the root's descendants too (postgres backends, the temporal CLI's children) */
  tree: boolean;
}

export interface CpuSnapshot {
  at: number;
  groups: Record<string, number>;
  /** every other process: pid -> its own CPU seconds (a parent reaping a long child would otherwise seem to burst) */
  others: Map<number, number>;
  /** all CPUs' busy time, in seconds */
  systemBusy: number;
}

function systemBusySeconds(): number {
  const [, ...nums] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const v = nums.map(Number);
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0); // user nice system idle iowait irq softirq steal
  return (total - v[3] - v[4]) / clkTck;
}

export function cpuSnapshot(groups: CpuGroup[]): CpuSnapshot {
  const stats = allStats();
  const out: Record<string, number> = {};
  const mine = new Set<number>();
  for (const g of groups) {
    const root = stats.get(g.root);
    mine.add(g.root);
    let cpu = root ? root.cpu + (g.tree ? root.childCpu : 0) : 0;
    if (g.tree) {
      for (const pid of descendantsIn(stats, g.root)) {
        cpu += stats.get(pid)?.cpu ?? 0;
        mine.add(pid);
      }
    }
    out[g.name] = cpu;
  }
  const others = new Map<number, number>();
  for (const st of stats.values()) if (!mine.has(st.pid)) others.set(st.pid, st.cpu);
  return { at: Date.now(), groups: out, others, systemBusy: systemBusySeconds() };
}

export interface CpuUsage {
  wallSeconds: number;
  /** CPU seconds per group during the window, plus `other` (everything else on the machine) */
  seconds: Record<string, number>;
  /** average cores busy per group */
  cores: Record<string, number>;
  /** the other processes still running at the end that used the most CPU in the window (ones that ended are in `other` only) */
  topOthers: { pid: number; cores: number; cmd: string }[];
}

export function cpuUsage(a: CpuSnapshot, b: CpuSnapshot): CpuUsage {
  const wallSeconds = (b.at - a.at) / 1000;
  const seconds: Record<string, number> = {};
  let ours = 0;
  for (const name of Object.keys(b.groups)) {
    seconds[name] = Math.max(0, b.groups[name] - (a.groups[name] ?? 0));
    ours += seconds[name];
  }
  seconds.other = Math.max(0, b.systemBusy - a.systemBusy - ours);
  const cores = Object.fromEntries(Object.entries(seconds).map(([k, v]) => [k, v / wallSeconds]));
  const topOthers = [...b.others.entries()]
    .map(([pid, cpu]) => ({ pid, cores: (cpu - (a.others.get(pid) ?? 0)) / wallSeconds }))
    .filter((o) => o.cores >= 0.02)
    .sort((x, y) => y.cores - x.cores)
    .slice(0, 4)
    .map((o) => ({ ...o, cores: +o.cores.toFixed(2), cmd: cmdline(o.pid).slice(0, 120) }));
  return { wallSeconds, seconds, cores, topOthers };
}

/** Samples pg_stat_activity for active backends of the app database while a measurement runs. */
export function samplePgActivity(client: PgClient, everyMs = 100) {
  const byWait = new Map<string, number>();
  const byQuery = new Map<string, number>();
  let samples = 0;
  let activeTotal = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = Date.now();
      try {
        const { rows } = await client.query<{ w: string; q: string }>(`
          select coalesce(wait_event_type || ':' || wait_event, 'running (no wait)') as w,
                 left(regexp_replace(query, '\\s+', ' ', 'g'), 70) as q
          from pg_stat_activity
          where datname = 'sabnode' and state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'`);
        samples++;
        activeTotal += rows.length;
        for (const r of rows) {
          byWait.set(r.w, (byWait.get(r.w) ?? 0) + 1);
          byQuery.set(r.q, (byQuery.get(r.q) ?? 0) + 1);
        }
      } catch {
        /* a failed sample is skipped */
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - (Date.now() - started))));
    }
  })();
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([key, count]) => ({ key, avgBackends: samples ? count / samples : 0 }));
  return {
    async stop(): Promise<PgActivity> {
      stopped = true;
      await loop;
      return { samples, avgActiveBackends: samples ? activeTotal / samples : 0, byWait: top(byWait, 6), byQuery: top(byQuery, 6) };
    },
  };
}

export interface PgActivity {
  samples: number;
  avgActiveBackends: number;
  byWait: { key: string; avgBackends: number }[];
  byQuery: { key: string; avgBackends: number }[];
}

export type Metrics = Map<string, number>;

/** The ops token every bench stack's API is started with: /metrics answers only to it on the public port. */
export const BENCH_OPS_TOKEN = 'bench-ops-token';

/** The API's Prometheus text, as series -> value. */
export async function scrapeMetrics(baseUrl: string): Promise<Metrics> {
  const res = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(5000), headers: { Authorization: `Bearer ${BENCH_OPS_TOKEN}` } });
  const text = await res.text();
  const out: Metrics = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}

export interface ApiServerSide {
  /** requests the API's own histogram saw in the window, by operation */
  count: number;
  /** mean in-process duration (request-context middleware to `finish`), ms */
  meanMs: number;
  /** share of requests the API itself finished within 50 ms / 100 ms / 150 ms (histogram buckets) */
  within50ms: number;
  within100ms: number;
  within150ms: number;
  /** event-loop delay over the window (prom-client resets it on every scrape), ms */
  eventLoopP50Ms: number;
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
  /** statements the API sent to PostgreSQL per request of the window (all of them, over the operation's count) */
  dbQueriesPerRequest: number;
}

export function apiServerSide(before: Metrics, after: Metrics, operation: string): ApiServerSide {
  const sum = (m: Metrics, suffix: string, extra = '') => {
    let total = 0;
    for (const [k, v] of m) if (k.startsWith(`sabnode_http_request_duration_seconds_${suffix}{`) && k.includes(`operation="${operation}"`) && k.includes(extra)) total += v;
    return total;
  };
  const d = (suffix: string, extra = '') => sum(after, suffix, extra) - sum(before, suffix, extra);
  const count = d('count');
  const share = (le: string) => (count ? d('bucket', `le="${le}"`) / count : 0);
  return {
    count,
    meanMs: count ? (d('sum') / count) * 1000 : 0,
    within50ms: share('0.05'),
    within100ms: share('0.1'),
    within150ms: share('0.15'),
    eventLoopP50Ms: (after.get('nodejs_eventloop_lag_p50_seconds') ?? 0) * 1000,
    eventLoopP99Ms: (after.get('nodejs_eventloop_lag_p99_seconds') ?? 0) * 1000,
    eventLoopMaxMs: (after.get('nodejs_eventloop_lag_max_seconds') ?? 0) * 1000,
    dbQueriesPerRequest: count ? ((after.get('sabnode_db_queries_total') ?? 0) - (before.get('sabnode_db_queries_total') ?? 0)) / count : 0,
  };
}

/** `ps` lines for the given pids that are still running (zombies count as gone). */
export function psLeftovers(pids: number[]): string[] {
  const wanted = new Set(pids);
  let out = '';
  try {
    out = execFileSync('ps', ['-eo', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' });
  } catch {
    return pids.filter(alive).map((pid) => `${pid} ${cmdline(pid)}`);
  }
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => {
      const [pid, , stat] = l.split(/\s+/);
      return wanted.has(Number(pid)) && !stat?.startsWith('Z');
    });
}

/** CPU used by processes outside the bench, in cores on average: above this a measurement is flagged as disturbed. */
export const NOISE_CORES = 0.15;

/** VmHWM (peak) and VmRSS (now) of a live process, in KiB; undefined once it has gone. */
export function procMemoryKiB(pid: number): { hwm: number; rss: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const hwm = field('VmHWM');
    const rss = field('VmRSS');
    return Number.isFinite(hwm) && Number.isFinite(rss) ? { hwm, rss } : undefined;
  } catch {
    return undefined;
  }
}

export interface MachineContext {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  /** 1/5/15-minute load averages */
  loadAvgStart: number[];
  loadAvgEnd: number[];
  wallSeconds: number;
  /** CPU used by every process outside this process's tree, in cores on average over the window */
  otherCores: number;
  disturbed: boolean;
  topOthers: { pid: number; cores: number; cmd: string }[];
}

/**
 * Machine context for a window: load averages at both ends and the CPU that processes outside this process and its
 * descendants (the stack it started) used meanwhile.
 */
export function watchMachine(root = process.pid): { end(): MachineContext } {
  const loads = () => os.loadavg().map((l) => +l.toFixed(2));
  const groups: CpuGroup[] = [{ name: 'bench', root, tree: true }];
  const loadAvgStart = loads();
  const start = cpuSnapshot(groups);
  return {
    end() {
      const usage = cpuUsage(start, cpuSnapshot(groups));
      const otherCores = +usage.cores.other.toFixed(2);
      return {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
        node: process.version,
        loadAvgStart,
        loadAvgEnd: loads(),
        wallSeconds: +usage.wallSeconds.toFixed(1),
        otherCores,
        disturbed: otherCores > NOISE_CORES,
        topOthers: usage.topOthers,
      };
    },
  };
}
