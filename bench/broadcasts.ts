// Broadcast benchmark (issues 4 and 14): recipients per second handed to the provider for one broadcast at the
// highest rate a broadcast and a channel allow, on a sandbox channel against a floor measured in the same run (the
// same number of messages sent with POST /v1/messages/bulk), and on an `http` channel to a local signed receiver
// against the same signed POSTs sent straight from the bench process. Starts its own PostgreSQL, Temporal, worker and
// API; writes bench/results/broadcasts-latest.{md,json}. Not a test.
import { randomUUID } from 'node:crypto';
import { createServer, request } from 'node:http';
import { SIGNATURE_HEADER, signBody, verifyBodySignature } from '../src/channels/signatures';
import { compare, scenarioOf, type BenchReport } from './report';
import { runBench, withBenchStack, writeResults } from './stack';
import { watchMachine } from './sys';

const log = (msg: string) => process.stderr.write(`[bench:broadcasts] ${msg}\n`);
const RECIPIENTS = Number(process.env.BENCH_BROADCAST_RECIPIENTS ?? 10_000);
// the highest rate_per_second the API accepts: the broadcast is as unthrottled as it can be
const RATE = 1_000;
// the http floor's POSTs in flight at once: the channel sender's own bound
const HTTP_FLOOR_IN_FLIGHT = 32;
const TARGETS = { sandboxPerSecond: 500, httpPerSecond: 250, workerRssMiB: 500 };

/** One signed POST as an http channel sends it. */
function postSigned(url: string, secret: string, id: string, body: string): Promise<number> {
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'SabNode-Channels/1', 'idempotency-key': id, [SIGNATURE_HEADER]: signBody(secret, body) };
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const BULK_CONCURRENCY = 4;
// one chunk per call: a bulk call's chunk is one transaction, kept short on a loaded machine
const PER_CALL = 250;

let nextPhone = 9_200_000_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const machine = watchMachine();
  // the local provider of the http channel: checks each call's signature, answers 200 with a provider id
  let providerSecret = '';
  let unsigned = 0;
  const received = new Set<string>();
  const provider = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (!verifyBodySignature(providerSecret, String(req.headers[SIGNATURE_HEADER.toLowerCase()] ?? ''), Buffer.from(body))) unsigned++;
      received.add(String(req.headers['idempotency-key']));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ provider_message_id: `prov-${req.headers['idempotency-key']}` }));
    });
  });
  await new Promise<void>((r) => provider.listen(0, '127.0.0.1', r));
  const providerAddress = provider.address();
  const providerUrl = `http://127.0.0.1:${typeof providerAddress === 'object' && providerAddress ? providerAddress.port : 0}/messages`;
  await withBenchStack('broadcasts', { BULK_SYNC_WAIT_MS: '120000', SANDBOX_DELIVERED_AFTER_MS: '200', SANDBOX_READ_AFTER_MS: '200', SANDBOX_TEMPLATE_REVIEW_MS: '0', OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' }, log, async (stack) => {
    const { apiUrl, key, workspaceId, orm } = stack;
    const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
      const res = await fetch(`${apiUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    };
    const count = async (query: string, params: unknown[]) => Number((await orm.em.getConnection().execute<{ n: string }[]>(query, params))[0].n);
    // the channels' own rate at its highest too: the broadcast's rate is the one that binds
    const channel = await call('POST', '/v1/channels', { name: 'bench', provider: 'sandbox', rate_per_second: RATE });
    const httpChannel = await call('POST', '/v1/channels', { name: 'bench http', provider: 'http', url: providerUrl, rate_per_second: RATE });
    if (httpChannel.status !== 201) throw new Error(`http channel: status ${httpChannel.status}`);
    providerSecret = httpChannel.body.signing_secret;
    const template = await call('POST', '/v1/templates', { name: 'bench_offer', language: 'en', category: 'marketing', body: 'Offer {{1}}' });
    if (channel.status !== 201 || template.status !== 201) throw new Error('channel or template not created');

    // two audiences of the same size: one for the floor, one for the broadcast
    const contactsOf = async (n: number): Promise<string[]> => {
      const ids: string[] = [];
      for (let from = 0; from < n; from += PER_CALL) {
        const res = await call('POST', '/v1/contacts/bulk', { items: Array.from({ length: Math.min(PER_CALL, n - from) }, () => ({ phone: `+91${nextPhone++}` })) });
        if (res.status !== 200 || res.body.failed !== 0) throw new Error(`contacts: status ${res.status}`);
        ids.push(...(res.body.results as { id: string }[]).map((r) => r.id));
      }
      return ids;
    };
    const floorContacts = await contactsOf(RECIPIENTS);
    const broadcastContacts = await contactsOf(RECIPIENTS);
    const httpContacts = await contactsOf(RECIPIENTS);
    log(`${RECIPIENTS * 3} contacts ready`);
    const messagesBy = (contacts: string[]) =>
      count(`select count(*) as n from messages where workspace_id = ? and contact_id in (select jsonb_array_elements_text(?::jsonb))`, [workspaceId, JSON.stringify(contacts)]);
    const sentBy = (contacts: string[]) =>
      count(`select count(*) as n from messages where workspace_id = ? and status <> 'queued' and contact_id in (select jsonb_array_elements_text(?::jsonb))`, [workspaceId, JSON.stringify(contacts)]);
    const untilAllSent = async (contacts: string[]) => {
      while ((await sentBy(contacts)) < contacts.length) await sleep(250);
    };

    // floor: the same messages through POST /v1/messages/bulk, a chunk per call, a few calls at a time
    const floorStart = performance.now();
    const floorStartedAt = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: BULK_CONCURRENCY }, async () => {
        while (next * PER_CALL < RECIPIENTS) {
          const slice = floorContacts.slice(next * PER_CALL, ++next * PER_CALL);
          const res = await call('POST', '/v1/messages/bulk', {
            items: slice.map((id) => ({ contact_id: id, channel_id: channel.body.id, template_id: template.body.id, parameters: ['10%'] })),
          });
          if (res.status !== 200 || res.body.failed !== 0) throw new Error(`messages bulk: status ${res.status}`);
        }
      }),
    );
    const floorQueuedS = (performance.now() - floorStart) / 1000;
    await untilAllSent(floorContacts);
    const floorSentS = (performance.now() - floorStart) / 1000;
    log(`floor: ${RECIPIENTS} queued in ${floorQueuedS.toFixed(1)} s, handed to the provider in ${floorSentS.toFixed(1)} s`);
    // let the floor's receipts settle so they do not slow the broadcast
    await sleep(3000);

    // one broadcast to `contacts` on `channelId`: seconds until it was completed, and until every message was handed over
    const broadcast = async (channelId: string, contacts: string[], what: string) => {
      const created = await call('POST', '/v1/broadcasts', {
        name: 'bench',
        channel_id: channelId,
        template_id: template.body.id,
        parameters: ['10%'],
        audience: { contact_ids: contacts },
        rate_per_second: RATE,
      });
      if (created.status !== 201) throw new Error(`broadcast: status ${created.status}`);
      const start = performance.now();
      const startedAt = Date.now();
      const sent = await call('POST', `/v1/broadcasts/${created.body.id}/send`);
      if (sent.status !== 202) throw new Error(`send: status ${sent.status}`);
      for (;;) {
        const b = await call('GET', `/v1/broadcasts/${created.body.id}`);
        if (b.body.status === 'completed') break;
        await sleep(250);
      }
      const completedS = (performance.now() - start) / 1000;
      await untilAllSent(contacts);
      const sentS = (performance.now() - start) / 1000;
      const messages = await messagesBy(contacts);
      if (messages !== RECIPIENTS) throw new Error(`broadcast made ${messages} messages for ${RECIPIENTS} recipients`);
      log(`broadcast (${what}): completed in ${completedS.toFixed(1)} s, every message handed to the provider in ${sentS.toFixed(1)} s`);
      return { startedAt, completedS, sentS };
    };
    const sandboxRun = await broadcast(channel.body.id, broadcastContacts, 'sandbox');
    const bcStartedAt = sandboxRun.startedAt;
    const bcQueuedS = sandboxRun.completedS;
    const bcSentS = sandboxRun.sentS;
    await sleep(3000);

    // http floor: the same number of signed POSTs straight to the same receiver, HTTP_FLOOR_IN_FLIGHT at a time
    const floorBody = (i: number) => JSON.stringify({ id: `floor_${i}`, to: '+910000000000', type: 'template', text: 'Offer 10%', template_id: template.body.id, parameters: ['10%'], file_id: null });
    const httpFloorLatencies: number[] = [];
    let httpFloorErrors = 0;
    const httpFloorStart = performance.now();
    let nextPost = 0;
    await Promise.all(
      Array.from({ length: HTTP_FLOOR_IN_FLIGHT }, async () => {
        while (nextPost < RECIPIENTS) {
          const i = nextPost++;
          const t0 = performance.now();
          if ((await postSigned(providerUrl, providerSecret, `floor_${i}`, floorBody(i))) !== 200) httpFloorErrors++;
          httpFloorLatencies.push(performance.now() - t0);
        }
      }),
    );
    const httpFloorS = (performance.now() - httpFloorStart) / 1000;
    log(`http floor: ${RECIPIENTS} signed POSTs in ${httpFloorS.toFixed(1)} s`);
    const httpRun = await broadcast(httpChannel.body.id, httpContacts, 'http');

    // each recipient's message: from the path's start until it was handed to the provider (or failed)
    const handedOver = async (contacts: string[], since: number) => {
      const rows = await orm.em.fork().getConnection().execute<{ at: string; status: string }[]>(
        `select extract(epoch from coalesce(sent_at, failed_at, updated_at)) * 1000 as at, status from messages
         where workspace_id = ? and contact_id in (select jsonb_array_elements_text(?::jsonb))`,
        [workspaceId, JSON.stringify(contacts)],
      );
      return { latencies: rows.map((r) => Number(r.at) - since), failed: rows.filter((r) => r.status === 'failed').length };
    };
    const bc = await handedOver(broadcastContacts, bcStartedAt);
    const fl = await handedOver(floorContacts, floorStartedAt);
    const hb = await handedOver(httpContacts, httpRun.startedAt);
    const memory = stack.memory();
    const perS = (s: number) => Math.round(RECIPIENTS / s);
    const scenarios = [
      scenarioOf(`broadcast to ${RECIPIENTS.toLocaleString('en')}, sandbox channel, rate_per_second ${RATE}: send → each message handed to the provider`, bc.latencies, bcSentS, { unit: 'recipients', errors: bc.failed }),
      scenarioOf(`POST /v1/messages/bulk, ${PER_CALL} per call, ${BULK_CONCURRENCY} at a time: start → each message handed to the provider`, fl.latencies, floorSentS, { unit: 'recipients', errors: fl.failed, floor: true }),
      scenarioOf(`broadcast to ${RECIPIENTS.toLocaleString('en')}, http channel to a local signed receiver, rate_per_second ${RATE}: send → each message handed over`, hb.latencies, httpRun.sentS, { unit: 'recipients', errors: hb.failed + unsigned }),
      scenarioOf(`the same number of signed POSTs from the bench to the same receiver, ${HTTP_FLOOR_IN_FLIGHT} in flight`, httpFloorLatencies, httpFloorS, { unit: 'recipients', errors: httpFloorErrors, floor: true }),
    ];
    const workerRss = memory.worker?.peakRssMiB ?? memory.worker?.sampledMaxRssMiB ?? null;
    const targets = [
      { name: `sandbox broadcast: every message handed to the provider at >= ${TARGETS.sandboxPerSecond}/s`, value: `${perS(bcSentS)}/s`, pass: perS(bcSentS) >= TARGETS.sandboxPerSecond },
      { name: `http broadcast to a local signed receiver at >= ${TARGETS.httpPerSecond}/s`, value: `${perS(httpRun.sentS)}/s (${unsigned} unsigned calls)`, pass: perS(httpRun.sentS) >= TARGETS.httpPerSecond && unsigned === 0 },
      { name: `worker RSS < ${TARGETS.workerRssMiB} MiB`, value: workerRss === null ? 'not measured' : `${workerRss} MiB`, pass: workerRss !== null && workerRss < TARGETS.workerRssMiB },
    ];
    const detail = {
      recipients: RECIPIENTS,
      ratePerSecond: RATE,
      broadcast: { queuedSeconds: +bcQueuedS.toFixed(1), sentSeconds: +bcSentS.toFixed(1), queuedPerSecond: perS(bcQueuedS), sentPerSecond: perS(bcSentS) },
      httpBroadcast: { completedSeconds: +httpRun.completedS.toFixed(1), sentSeconds: +httpRun.sentS.toFixed(1), sentPerSecond: perS(httpRun.sentS), providerKeys: received.size, unsigned },
      httpFloor: { inFlight: HTTP_FLOOR_IN_FLIGHT, seconds: +httpFloorS.toFixed(1), perSecond: perS(httpFloorS) },
      floorBulkMessages: { perCall: PER_CALL, concurrency: BULK_CONCURRENCY, queuedSeconds: +floorQueuedS.toFixed(1), sentSeconds: +floorSentS.toFixed(1), queuedPerSecond: perS(floorQueuedS), sentPerSecond: perS(floorSentS) },
    };
    const report: BenchReport<typeof detail> = {
      name: 'broadcasts',
      title: 'Broadcast benchmark',
      at: new Date().toISOString(),
      machine: machine.end(),
      floorNote: `the same number of template messages to a second audience of the same size through POST /v1/messages/bulk (${PER_CALL} per call, ${BULK_CONCURRENCY} at a time), in the same run: the product's bulk path without the broadcast machinery (audience resolution, rate limiting, progress). Same sandbox provider.`,
      scenarios,
      comparisons: [compare(scenarios[0], scenarios[1]), compare(scenarios[2], scenarios[3])],
      targets,
      memory,
      settings: { recipients: RECIPIENTS, ratePerSecond: RATE, perCall: PER_CALL, bulkConcurrency: BULK_CONCURRENCY },
      detail,
    };
    const md = [
      '## Detail',
      '',
      `Own PostgreSQL 17, Temporal dev server, one API and one worker; sandbox and http channels at rate_per_second ${RATE}. "Completed": the broadcast \`completed\` (every message handed over or failed; for the bulk floor, every message queued); "sent": every message handed to the provider (counted in PostgreSQL).`,
      '',
      '| path | completed | sent | recipients/s (sent) |',
      '|---|---|---|---|',
      `| broadcast, rate_per_second ${RATE} | ${detail.broadcast.queuedSeconds} s | ${detail.broadcast.sentSeconds} s | ${detail.broadcast.sentPerSecond} |`,
      `| floor: POST /v1/messages/bulk, ${PER_CALL} per call, ${BULK_CONCURRENCY} at a time | ${detail.floorBulkMessages.queuedSeconds} s | ${detail.floorBulkMessages.sentSeconds} s | ${detail.floorBulkMessages.sentPerSecond} |`,
      `| broadcast, http channel, rate_per_second ${RATE} | ${detail.httpBroadcast.completedSeconds} s | ${detail.httpBroadcast.sentSeconds} s | ${detail.httpBroadcast.sentPerSecond} |`,
      `| floor: signed POSTs from the bench, ${HTTP_FLOOR_IN_FLIGHT} in flight | – | ${detail.httpFloor.seconds} s | ${detail.httpFloor.perSecond} |`,
    ].join('\n');
    writeResults(report, md);
  }).finally(() => new Promise<void>((r) => provider.close(() => r())));
}

runBench(main, log);
