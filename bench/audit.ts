// PII-read audit benchmark (issue 8): p95 of GET /v1/contacts/{id} with the workspace's audit off and on, in the same
// run against the same stack, alternating off/on phases so drift affects both alike. With audit on, every response
// waits for its record's group-committed insert. Starts its own stack; writes bench/results/audit-latest.{md,json}.
// Not a test.
//
//   BENCH_AUDIT_PHASE=4        seconds per measured phase (two off, two on)
//   BENCH_AUDIT_CONNECTIONS=10 concurrent connections
import { randomUUID } from 'node:crypto';
import { runHttp, type HttpRun } from './load';
import { compare, type BenchReport, type ScenarioResult } from './report';
import { runBench, withBenchStack, writeResults } from './stack';
import { scrapeMetrics, watchMachine } from './sys';

const ms = (v: number) => +v.toFixed(1);
const log = (msg: string) => process.stderr.write(`[bench:audit] ${msg}\n`);
const PHASE_S = Number(process.env.BENCH_AUDIT_PHASE ?? 4);
const CONNECTIONS = Number(process.env.BENCH_AUDIT_CONNECTIONS ?? 10);

async function main(): Promise<void> {
  const machine = watchMachine();
  await withBenchStack('audit', {}, log, async (stack) => {
    const { apiUrl, key, workspaceId, orm } = stack;
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${apiUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    const contact = await call('POST', '/v1/contacts', { phone: '+919800000001', email: 'bench@example.com', first_name: 'Bench', last_name: 'Mark' });
    const url = `${apiUrl}/v1/contacts/${String(contact.id)}`;
    const headers = { Authorization: `Bearer ${key}` };
    const setAudit = (on: boolean) => call('PATCH', '/v1/workspace', { pii_read_audit: on });
    const auditRows = async () =>
      Number((await orm.em.fork().getConnection().execute<{ n: string }[]>(`select count(*) as n from audit_logs where workspace_id = ? and action = 'pii.read'`, [workspaceId]))[0].n);

    log(`warm-up ${PHASE_S / 2} s`);
    await runHttp({ url, connections: CONNECTIONS, durationS: PHASE_S / 2, headers });
    const runs: Record<'off' | 'on', HttpRun[]> = { off: [], on: [] };
    const insertsOn: number[] = [];
    let recordsOn = 0;
    for (const on of [false, true, false, true]) {
      await setAudit(on);
      const before = await auditRows();
      const metricsBefore = await scrapeMetrics(apiUrl);
      const run = await runHttp({ url, connections: CONNECTIONS, durationS: PHASE_S, headers });
      const written = (await auditRows()) - before;
      const metricsAfter = await scrapeMetrics(apiUrl);
      const inserts = (metricsAfter.get('sabnode_pii_audit_batch_records_count') ?? 0) - (metricsBefore.get('sabnode_pii_audit_batch_records_count') ?? 0);
      if (on) insertsOn.push(inserts);
      log(`audit ${on ? 'on ' : 'off'}: ${run.count} requests, p50 ${ms(run.p50)} ms, p95 ${ms(run.p95)} ms, ${run.rps.toFixed(0)}/s, non-2xx ${run.non2xx}, audit records ${written}`);
      // requests still in flight when a phase ends are answered (and audited) but not counted: up to one per connection
      if (on && (written < run.count - run.non2xx || written > run.count + CONNECTIONS)) log(`WARNING: ${run.count - run.non2xx} reads but ${written} audit records`);
      if (!on && written !== 0) log(`WARNING: ${written} audit records with the audit off`);
      if (on) recordsOn += written;
      runs[on ? 'on' : 'off'].push(run);
    }
    // both phases of a setting pooled: the percentiles of all their requests, weighted by count
    const pooled = (rs: HttpRun[]) => {
      const count = rs.reduce((a, r) => a + r.count, 0);
      return { requests: count, rps: +(count / rs.reduce((a, r) => a + r.durationS, 0)).toFixed(0), p50Ms: ms(Math.max(...rs.map((r) => r.p50))), p95Ms: ms(Math.max(...rs.map((r) => r.p95))), p99Ms: ms(Math.max(...rs.map((r) => r.p99))), non2xx: rs.reduce((a, r) => a + r.non2xx, 0) };
    };
    const off = pooled(runs.off);
    const on = pooled(runs.on);
    const memory = stack.memory();
    const scenario = (name: string, rs: HttpRun[], floor: boolean): ScenarioResult => {
      const p = pooled(rs);
      return { name, n: p.requests, errors: rs.reduce((a, r) => a + r.non2xx + r.errors + r.timeouts, 0), p50Ms: p.p50Ms, p95Ms: p.p95Ms, p99Ms: p.p99Ms, throughput: p.rps, unit: 'req', ...(floor ? { floor } : {}) };
    };
    const scenarios = [scenario('GET /v1/contacts/{id}, PII-read audit on', runs.on, false), scenario('GET /v1/contacts/{id}, audit off', runs.off, true)];
    const detail = {
      off,
      on,
      p95CostMs: ms(on.p95Ms - off.p95Ms),
      audit: { records: recordsOn, inserts: insertsOn.reduce((a, b) => a + b, 0), recordsPerInsert: +(recordsOn / Math.max(1, insertsOn.reduce((a, b) => a + b, 0))).toFixed(2) },
      phases: { off: runs.off.map((r) => ({ p50: ms(r.p50), p95: ms(r.p95), rps: +r.rps.toFixed(0) })), on: runs.on.map((r) => ({ p50: ms(r.p50), p95: ms(r.p95), rps: +r.rps.toFixed(0) })) },
    };
    const result: BenchReport<typeof detail> = {
      name: 'audit',
      title: 'PII-read audit benchmark',
      at: new Date().toISOString(),
      machine: machine.end(),
      floorNote: `the same reads with the workspace's audit off, against the same stack, in alternating phases (off, on, off, on) of ${PHASE_S} s at ${CONNECTIONS} connections; each setting shows its worse phase's percentiles and its pooled throughput.`,
      scenarios,
      comparisons: [compare(scenarios[0], scenarios[1])],
      targets: [],
      memory,
      settings: { connections: CONNECTIONS, phaseSeconds: PHASE_S },
      detail,
    };
    const d = result.detail;
    const md = [
      '## Detail',
      '',
      `Own PostgreSQL 17, Temporal dev server, one API and one worker. GET /v1/contacts/{id} with a pii:read key, ${CONNECTIONS} connections, phases of ${PHASE_S} s alternating off, on, off, on.`,
      '',
      `p95 cost of auditing: ${d.p95CostMs} ms (each audited response waits for its record's group-committed insert).`,
      `Audit records written: ${d.audit.records} in ${d.audit.inserts} inserts (${d.audit.recordsPerInsert} records per insert).`,
      `Phases (p95): off ${d.phases.off.map((p) => `${p.p95} ms`).join(', ')}; on ${d.phases.on.map((p) => `${p.p95} ms`).join(', ')}.`,
    ].join('\n');
    writeResults(result, md);
  });
}

runBench(main, log);
