// Contact search benchmark (issue 16): POST /v1/contacts/search over 100,000 contacts of one workspace (plus 50,000
// of another, so that every query has to scope), one scenario per indexed predicate and one OR tree, each the first
// page (limit 20) and a later page through its cursor. Target: p95 < 150 ms per indexed predicate. Every scenario's
// query is also EXPLAINed (ANALYZE) on the same database, and the report names the indexes its plan uses. Starts its
// own stack; writes bench/results/search-latest.{md,json}. Not a test.
//
//   BENCH_SEARCH_CONTACTS=100000  contacts in the searched workspace
//   BENCH_SEARCH_REQUESTS=150     measured requests per scenario (after 15 warm-up requests)
import { checkSearch, compileSearch, type SearchFilter } from '../src/db/contacts-search.queries';
import { CONTACT_COLUMNS } from '../src/db/contacts.queries';
import { compare, scenarioOf, type BenchReport, type ScenarioResult, type TargetResult } from './report';
import { runBench, withBenchStack, writeResults } from './stack';
import { watchMachine } from './sys';

const log = (msg: string) => process.stderr.write(`[bench:search] ${msg}\n`);
const CONTACTS = Number(process.env.BENCH_SEARCH_CONTACTS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_SEARCH_REQUESTS ?? 150);
const WARMUP = 15;
const TARGET_MS = 150;
const LIMIT = 20;

export const SYLLABLES = ['as', 'ra', 'vi', 'an', 'be', 'chi', 'de', 'es', 'fa', 'ga', 'ha', 'in', 'ja', 'ka', 'la', 'ma', 'na', 'pa', 'sa', 'ta'];

// Deterministic data in one statement per chunk: hashint4 of the row number picks each value. Names are two syllables
// (400 distinct, so a 3-letter prefix selects about 1 in 20), 1 in 100 contacts has a stuck shipment, 1 in 50 the
// tag vip, 80 % a phone and an email, 70 % an external id.
export const INSERT = `
  insert into contacts (id, workspace_id, phone, email, first_name, last_name, external_id, attributes, tags, opted_in_at, opted_out_at, created_at, updated_at, deleted_at)
  select 'ctc_' || ? || lpad(g::text, 25, '0'), ?,
    case when h1 % 10 < 8 then '+9198' || lpad(g::text, 8, '0') end,
    case when h2 % 10 < 8 then 'user' || g || '.' || ? || '@example' || (g % 50) || '.com' end,
    initcap(s[1 + h1 % 20] || s[1 + h2 % 20]),
    case when h3 % 10 < 8 then initcap(s[1 + h3 % 20] || s[1 + (h1 / 20) % 20] || 'r') end,
    case when h4 % 10 < 7 then 'crm-' || ? || '-' || g end,
    jsonb_strip_nulls(jsonb_build_object(
      'plan', (array['free', 'pro', 'enterprise', 'trial'])[1 + h1 % 4],
      'score', h2 % 1000,
      'shipment_status', case when h3 % 100 = 0 then 'stuck' when h3 % 3 = 0 then 'shipped' else 'delivered' end,
      'city', case when h4 % 2 = 0 then (array['Pune', 'Delhi', 'Chennai', 'Kochi', 'Mumbai', 'Jaipur'])[1 + h4 % 6] end)),
    array(select t from unnest(array[
      case when h1 % 50 = 0 then 'vip' end, case when h2 % 10 = 0 then 'churn' end,
      case when h3 % 4 = 0 then 'region:south' end, case when h4 % 200 = 0 then 'stuck-shipment' end]) t where t is not null order by t),
    case when h2 % 2 = 0 then at + interval '1 day' end,
    case when h3 % 7 = 0 then at + interval '2 days' end,
    at, at + make_interval(hours => h4 % 500), case when h1 % 40 = 0 then at + interval '3 days' end
  from (
    select g, abs(hashint4(g)) as h1, abs(hashint4(g + 1000003)) as h2, abs(hashint4(g + 2000003)) as h3, abs(hashint4(g + 3000017)) as h4,
      timestamptz '2026-11-20' - make_interval(secs => (abs(hashint4(g + 4000037)) % (365 * 86400))::double precision) as at,
      cast(? as text[]) as s
    from generate_series(cast(? as int), cast(? as int)) g
  ) x`;

interface Scenario {
  name: string;
  /** the filter groups of the i-th request (values vary so that no answer is the previous one's) */
  groups: (i: number) => { filters: SearchFilter[] }[];
}

const one = (f: SearchFilter) => [{ filters: [f] }];
const SCENARIOS: Scenario[] = [
  { name: 'attributes eq (1 %)', groups: () => one({ field: 'attributes.shipment_status', operator: 'eq', value: 'stuck' }) },
  { name: 'attributes in (2 values of 6)', groups: (i) => one({ field: 'attributes.city', operator: 'in', values: [['Pune', 'Kochi', 'Delhi'][i % 3]!, 'Jaipur'] }) },
  { name: 'attributes eq number', groups: (i) => one({ field: 'attributes.score', operator: 'eq', value: i % 1000 }) },
  { name: 'tags contains (2 %)', groups: () => one({ field: 'tags', operator: 'contains', value: 'vip' }) },
  { name: 'tags contains (0.5 %)', groups: () => one({ field: 'tags', operator: 'contains', value: 'stuck-shipment' }) },
  { name: 'first_name prefix (3 letters)', groups: (i) => one({ field: 'first_name', operator: 'prefix', value: `${SYLLABLES[i % 20]}${'aeiou'[i % 5]}`.slice(0, 3) }) },
  { name: 'last_name prefix (4 letters)', groups: (i) => one({ field: 'last_name', operator: 'prefix', value: `${SYLLABLES[i % 20]}${SYLLABLES[(i * 7) % 20]}`.slice(0, 4) }) },
  { name: 'phone eq', groups: (i) => one({ field: 'phone', operator: 'eq', value: `+9198${String((i * 613) % CONTACTS).padStart(8, '0')}` }) },
  { name: 'email eq', groups: (i) => one({ field: 'email', operator: 'eq', value: `user${(i * 613) % CONTACTS}.a@example${((i * 613) % CONTACTS) % 50}.com` }) },
  { name: 'external_id eq', groups: (i) => one({ field: 'external_id', operator: 'eq', value: `crm-a-${(i * 613) % CONTACTS}` }) },
  { name: 'created_at range (7 days)', groups: (i) => one({ field: 'created_at', operator: 'gte', value: new Date(Date.parse('2026-11-13T00:00:00Z') - (i % 30) * 86_400_000).toISOString() }) },
  { name: 'opted_in_at range (2 days)', groups: (i) => [{ filters: [{ field: 'opted_in_at', operator: 'gte', value: new Date(Date.parse('2026-06-01T00:00:00Z') + (i % 90) * 86_400_000).toISOString() }, { field: 'opted_in_at', operator: 'lt', value: new Date(Date.parse('2026-06-03T00:00:00Z') + (i % 90) * 86_400_000).toISOString() }] }] },
  {
    name: 'OR tree: (stuck and vip and opted in) or name prefix',
    groups: (i) => [
      { filters: [{ field: 'attributes.shipment_status', operator: 'eq', value: 'stuck' }, { field: 'tags', operator: 'contains', value: 'vip' }, { field: 'opt_in_status', operator: 'eq', value: 'opted_in' }] },
      { filters: [{ field: 'first_name', operator: 'prefix', value: `${SYLLABLES[i % 20]}${SYLLABLES[(i * 3) % 20]}` }] },
    ],
  },
];

async function main(): Promise<void> {
  const machine = watchMachine();
  await withBenchStack('search', {}, log, async (stack) => {
    const { apiUrl, key, workspaceId, orm } = stack;
    const conn = orm.em.getConnection();
    const { createWorkspace } = await import('../src/admin');
    const otherWorkspace = await createWorkspace(orm, { name: 'Bench search (other)', rateLimits: { default: 1_000_000 } });
    const seedStarted = Date.now();
    const chunk = 20_000;
    for (const [ws, tag, n] of [[workspaceId, 'a', CONTACTS], [otherWorkspace, 'b', Math.floor(CONTACTS / 2)]] as const) {
      for (let from = 0; from < n; from += chunk) await conn.execute(INSERT, [tag, ws, tag, tag, `{${SYLLABLES.join(',')}}`, from, Math.min(n, from + chunk) - 1]);
    }
    await conn.execute('vacuum analyze contacts');
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    log(`${CONTACTS} + ${Math.floor(CONTACTS / 2)} contacts written and analysed in ${seedSeconds.toFixed(1)} s`);

    const headers = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
    const post = async (groups: unknown, cursor?: string) => {
      const t = performance.now();
      const res = await fetch(`${apiUrl}/v1/contacts/search?limit=${LIMIT}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { method: 'POST', headers, body: JSON.stringify({ filter_groups: groups }) });
      const body = (await res.json()) as { data?: unknown[]; next_cursor?: string | null };
      return { ms: performance.now() - t, ok: res.status === 200, status: res.status, rows: body.data?.length ?? 0, next: body.next_cursor ?? null };
    };
    const get = async () => {
      const t = performance.now();
      const res = await fetch(`${apiUrl}/v1/contacts?limit=${LIMIT}`, { headers });
      await res.arrayBuffer();
      return { ms: performance.now() - t, ok: res.status === 200 };
    };

    const scenarios: ScenarioResult[] = [];
    const targets: TargetResult[] = [];
    const detail: { name: string; firstPage: { p50: number | null; p95: number | null; meanRows: number }; laterPage: { p95: number | null; n: number }; explain: { indexes: string[]; executionMs: number; plan: string } }[] = [];

    // floor: the unfiltered list, the cheapest indexed read of the same rows through the same API
    for (let i = 0; i < WARMUP; i++) await get();
    const floorMs: number[] = [];
    const floorStarted = performance.now();
    let floorErrors = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const r = await get();
      if (r.ok) floorMs.push(r.ms);
      else floorErrors++;
    }
    const floor = scenarioOf('GET /v1/contacts?limit=20 (no filter)', floorMs, (performance.now() - floorStarted) / 1000, { unit: 'req', errors: floorErrors, floor: true });

    for (const s of SCENARIOS) {
      for (let i = 0; i < WARMUP; i++) await post(s.groups(i + 10_000));
      const first: number[] = [];
      const later: number[] = [];
      let errors = 0;
      let rows = 0;
      const started = performance.now();
      for (let i = 0; i < REQUESTS; i++) {
        const r = await post(s.groups(i));
        if (!r.ok) {
          errors++;
          if (errors === 1) log(`${s.name}: ${r.status}`);
          continue;
        }
        first.push(r.ms);
        rows += r.rows;
        // every 5th request also takes the next page through its cursor
        if (r.next && i % 5 === 0) {
          const n = await post(s.groups(i), r.next);
          if (n.ok) later.push(n.ms);
          else errors++;
        }
      }
      const seconds = (performance.now() - started) / 1000;
      const scenario = scenarioOf(`search: ${s.name}`, first, seconds, { unit: 'req', errors });
      scenarios.push(scenario);
      const laterStats = scenarioOf('later', later, seconds, { unit: 'req' });

      // the same query as the API sends it, explained on the same database
      const { search, problems } = checkSearch({ filter_groups: s.groups(7) });
      if (problems.length) throw new Error(`${s.name}: ${JSON.stringify(problems)}`);
      const [where, params] = compileSearch(search);
      const plan = (await conn.execute<{ 'QUERY PLAN': string }[]>(
        `explain (analyze, costs off) select ${CONTACT_COLUMNS} from contacts where workspace_id = ? and deleted_at is null and ${where} order by created_at desc, id desc limit ${LIMIT + 1}`,
        [workspaceId, ...params],
      )).map((r) => r['QUERY PLAN']);
      const indexes = [...new Set(plan.flatMap((l) => [...l.matchAll(/(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)/g)].map((m) => m[1]!)))];
      const executionMs = Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? NaN);
      detail.push({ name: s.name, firstPage: { p50: scenario.p50Ms, p95: scenario.p95Ms, meanRows: +(rows / Math.max(1, first.length)).toFixed(1) }, laterPage: { p95: laterStats.p95Ms, n: later.length }, explain: { indexes, executionMs, plan: plan.join('\n') } });
      const pass = errors === 0 && scenario.p95Ms !== null && scenario.p95Ms < TARGET_MS;
      targets.push({ name: `search p95 < ${TARGET_MS} ms: ${s.name}`, value: `p95 ${scenario.p95Ms} ms (later page ${laterStats.p95Ms ?? '–'} ms); plan uses ${indexes.join(', ') || 'no index'}`, pass });
      log(`${pass ? 'PASS' : 'MISS'} ${s.name}: p50 ${scenario.p50Ms} ms, p95 ${scenario.p95Ms} ms, later page p95 ${laterStats.p95Ms} ms, ${errors} errors; EXPLAIN ${executionMs} ms using ${indexes.join(', ') || 'no index'}`);
    }
    scenarios.push(floor);

    const result: BenchReport<typeof detail> = {
      name: 'search',
      title: 'Contact search benchmark',
      at: new Date().toISOString(),
      machine: machine.end(),
      floorNote: `GET /v1/contacts?limit=${LIMIT} without a filter through the same API and database: one keyset index read of the same rows, measured in the same run.`,
      scenarios,
      comparisons: scenarios.filter((s) => !s.floor).map((s) => compare(s, floor)),
      targets,
      memory: stack.memory(),
      settings: { contacts: CONTACTS, otherWorkspaceContacts: Math.floor(CONTACTS / 2), requestsPerScenario: REQUESTS, warmup: WARMUP, limit: LIMIT, connections: 1, seedSeconds: +seedSeconds.toFixed(1) },
      detail,
    };
    const md = [
      '## Detail',
      '',
      `Own PostgreSQL 17, Temporal dev server, one API and one worker. ${CONTACTS.toLocaleString('en')} contacts in the searched workspace and ${Math.floor(CONTACTS / 2).toLocaleString('en')} in another, written by SQL and analysed. One connection, ${REQUESTS} requests per scenario (values vary per request) after ${WARMUP} warm-up requests; first pages of ${LIMIT}, and every 5th request's second page through its cursor.`,
      '',
      '| scenario | p50 ms | p95 ms | later page p95 ms | rows per page | EXPLAIN ANALYZE ms | indexes in the plan |',
      '|---|---|---|---|---|---|---|',
      ...detail.map((d) => `| ${d.name} | ${d.firstPage.p50} | ${d.firstPage.p95} | ${d.laterPage.p95 ?? '–'} | ${d.firstPage.meanRows} | ${d.explain.executionMs} | ${d.explain.indexes.join(', ') || 'none'} |`),
      '',
      '### Plans',
      '',
      ...detail.flatMap((d) => [`**${d.name}**`, '', '```', d.explain.plan, '```', '']),
    ].join('\n');
    writeResults(result, md);
  });
}

if (require.main === module) runBench(main, log);
