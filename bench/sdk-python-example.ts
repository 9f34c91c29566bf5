// The Python SDK's use-case check (issue 7): among 50,000 contacts, find those with one tag and add another tag
// to each, by running examples/tag_vip_customers.py against its own stack. Seeds the contacts with
// POST /v1/contacts/bulk and tags a fraction of them with POST /v1/tags/bulk, then times the script alone and
// checks the result through the API. The floor: the same requests made with fetch from the bench process (no SDK, no
// interpreter start), and the issue's 30 s target. Writes bench/results/sdk-python-example-latest.{md,json}. Not a test.
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { compare, scenarioOf, type BenchReport } from './report';
import { ROOT, runBench, withBenchStack, writeResults } from './stack';
import { watchMachine } from './sys';

const log = (msg: string) => process.stderr.write(`[bench:sdk-python] ${msg}\n`);
const CONTACTS = Number(process.env.BENCH_SDK_CONTACTS ?? 50_000);
const TAGGED_EVERY = Number(process.env.BENCH_SDK_TAGGED_EVERY ?? 10); // one contact in 10 carries the tag
const CHUNK = 1_000;
const CONCURRENCY = 4;
const HAS = 'vip';
const ADD = 'vip-2026';
const ADD_FLOOR = 'vip-2026-floor';

async function main(): Promise<void> {
  const machine = watchMachine();
  const venv = execFileSync('bash', [join(ROOT, 'scripts', 'sdk', 'python-venv.sh')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  await withBenchStack('sdk-python', { BULK_SYNC_WAIT_MS: '60000' }, log, async (stack) => {
    const { apiUrl, key } = stack;
    const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
      const res = await fetch(`${apiUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...(method === 'GET' ? {} : { 'Idempotency-Key': randomUUID() }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const inChunks = async (what: string, total: number, make: (start: number, end: number) => { path: string; body: unknown }) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < total) {
            const start = next;
            next += CHUNK;
            const { path, body } = make(start, Math.min(start + CHUNK, total));
            const r = await call('POST', path, body);
            if (r.status !== 200 || r.body.failed !== 0) throw new Error(`${what} ${start}: status ${r.status}, failed ${String(r.body.failed)}`);
          }
        }),
      );
    };

    const t0 = performance.now();
    await inChunks('seed', CONTACTS, (start, end) => ({
      path: '/v1/contacts/bulk',
      body: { items: Array.from({ length: end - start }, (_, k) => ({ phone: `+91${9_200_000_000 + start + k}`, external_id: `seed-${start + k}`, first_name: `Seed${start + k}` })) },
    }));
    const taggedIds = Array.from({ length: Math.ceil(CONTACTS / TAGGED_EVERY) }, (_, k) => `seed-${k * TAGGED_EVERY}`);
    await inChunks('tag', taggedIds.length, (start, end) => ({
      path: '/v1/tags/bulk',
      body: { items: taggedIds.slice(start, end).map((external_id) => ({ external_id, add: [HAS] })) },
    }));
    const seedSeconds = (performance.now() - t0) / 1000;
    log(`seeded ${CONTACTS} contacts, ${taggedIds.length} tagged '${HAS}', in ${seedSeconds.toFixed(1)} s`);

    const started = performance.now();
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(join(venv, 'bin', 'python'), ['examples/tag_vip_customers.py', '--has', HAS, '--add', ADD], {
        cwd: ROOT,
        env: { ...process.env, SABNODE_API_URL: apiUrl, SABNODE_API_KEY: key, PYTHONPATH: join(ROOT, 'sdks', 'python') },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`the example exited with ${code}: ${out}`))));
    });
    const seconds = (performance.now() - started) / 1000;
    const report = JSON.parse(output.trim().split('\n').pop()!) as { found: number; tagged: number; failed: number; seconds: number; listed_after_seconds: number; bulk_calls: number };
    const check = await call('GET', `/v1/tags/${ADD}`);
    const counted = Number(check.body.contact_count);
    if (report.found !== taggedIds.length || report.tagged !== taggedIds.length || counted !== taggedIds.length) {
      throw new Error(`expected ${taggedIds.length} contacts tagged '${ADD}'; the script found ${report.found}, tagged ${report.tagged}; the API counts ${counted}`);
    }

    // floor: the same requests without the SDK or the interpreter: list every page, a tags bulk call per 1,000 ids
    // as soon as it is full, two in flight (the script's default), for another tag so both results can be checked
    const floorStarted = performance.now();
    const inFlight = new Set<Promise<void>>();
    let floorFound = 0;
    let floorCalls = 0;
    const applyChunk = async (ids: string[]) => {
      floorCalls++;
      const r = await call('POST', '/v1/tags/bulk', { items: ids.map((contact_id) => ({ contact_id, add: [ADD_FLOOR] })) });
      if (r.status !== 200 || r.body.failed !== 0) throw new Error(`floor tags bulk: status ${r.status}, failed ${String(r.body.failed)}`);
    };
    const submit = async (ids: string[]) => {
      while (inFlight.size >= 2) await Promise.race(inFlight);
      const p: Promise<void> = applyChunk(ids).finally(() => inFlight.delete(p));
      inFlight.add(p);
    };
    let chunk: string[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page = await call('GET', `/v1/contacts?tag=${HAS}&sort=created_at&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      if (page.status !== 200) throw new Error(`floor list: status ${page.status}`);
      for (const c of page.body.data as { id: string }[]) {
        floorFound++;
        chunk.push(c.id);
        if (chunk.length === CHUNK) {
          await submit(chunk);
          chunk = [];
        }
      }
      cursor = page.body.has_more ? (page.body.next_cursor as string) : null;
    }
    if (chunk.length) await submit(chunk);
    await Promise.all(inFlight);
    const floorSeconds = (performance.now() - floorStarted) / 1000;
    const floorCounted = Number((await call('GET', `/v1/tags/${ADD_FLOOR}`)).body.contact_count);
    if (floorFound !== taggedIds.length || floorCounted !== taggedIds.length) throw new Error(`floor: found ${floorFound}, the API counts ${floorCounted} tagged '${ADD_FLOOR}', expected ${taggedIds.length}`);
    log(`script ${seconds.toFixed(1)} s; the same requests with fetch ${floorSeconds.toFixed(1)} s`);
    const memory = stack.memory();

    const scenarios = [
      scenarioOf(`examples/tag_vip_customers.py (Python SDK): find ${taggedIds.length.toLocaleString('en')} of ${CONTACTS.toLocaleString('en')} and tag them, one run`, [seconds * 1000], seconds, { unit: 'contacts', unitsPerOp: report.tagged }),
      scenarioOf('the same list and tags bulk requests with fetch from Node, one run', [floorSeconds * 1000], floorSeconds, { unit: 'contacts', unitsPerOp: floorFound, floor: true }),
    ];
    const result: BenchReport = {
      name: 'sdk-python-example',
      title: 'Python SDK use case: tag the VIP customers',
      at: new Date().toISOString(),
      machine: machine.end(),
      floorNote: `the same requests (every page of GET /v1/contacts?tag=${HAS}, then POST /v1/tags/bulk per 1,000 ids, two in flight) made with fetch from the bench process, without the SDK or a Python interpreter start; the target is the issue's 30 s. One run each, so p50 = p95 = p99 = the run's wall time.`,
      scenarios,
      comparisons: [compare(scenarios[0], scenarios[1])],
      targets: [{ name: 'the example finishes in < 30 s', value: `${seconds.toFixed(2)} s`, pass: seconds < 30 }],
      memory,
      settings: { contacts: CONTACTS, taggedEvery: TAGGED_EVERY },
      detail: {
        tagged: taggedIds.length,
        scriptSeconds: +seconds.toFixed(2),
        scriptReportedSeconds: report.seconds,
        listingEndedAfterSeconds: report.listed_after_seconds,
        bulkCalls: report.bulk_calls,
        floorSeconds: +floorSeconds.toFixed(2),
        floorBulkCalls: floorCalls,
        seedSeconds: +seedSeconds.toFixed(1),
      },
    };
    const md = [
      '## Detail',
      '',
      `Own PostgreSQL 17, Temporal dev server, one API and one worker. The script's wall time includes the interpreter start; its listing ended after ${report.listed_after_seconds} s; ${report.bulk_calls} bulk calls. Seeding ${CONTACTS.toLocaleString('en')} contacts (${taggedIds.length.toLocaleString('en')} tagged '${HAS}'), not measured above, took ${seedSeconds.toFixed(1)} s. Both runs checked through the API: ${counted} contacts tagged '${ADD}', ${floorCounted} tagged '${ADD_FLOOR}'.`,
    ].join('\n');
    writeResults(result, md);
  });
}

runBench(main, log);
