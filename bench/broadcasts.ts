// Broadcast benchmark (issue 4): recipients per second through the sandbox provider for one broadcast at the
// highest rate a broadcast allows, against a floor measured in the same run: the same number of messages sent with
// POST /v1/messages/bulk. Starts its own PostgreSQL, Temporal, worker and API; writes
// bench/results/broadcasts-latest.{md,json}. Not a test.
import { randomUUID } from 'node:crypto';
import { compare, scenarioOf, type BenchReport } from './report';
import { runBench, withBenchStack, writeResults } from './stack';
import { watchMachine } from './sys';

const log = (msg: string) => process.stderr.write(`[bench:broadcasts] ${msg}\n`);
const RECIPIENTS = Number(process.env.BENCH_BROADCAST_RECIPIENTS ?? 10_000);
// the highest rate_per_second the API accepts: the broadcast is as unthrottled as it can be
const RATE = 1_000;
const BULK_CONCURRENCY = 4;
// one chunk per call: a bulk call's chunk is one transaction, kept short on a loaded machine
const PER_CALL = 250;

let nextPhone = 9_200_000_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const machine = watchMachine();
  await withBenchStack('broadcasts', { BULK_SYNC_WAIT_MS: '120000', SANDBOX_DELIVERED_AFTER_MS: '200', SANDBOX_READ_AFTER_MS: '200' }, log, async (stack) => {
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
    const channel = await call('POST', '/v1/channels', { name: 'bench', provider: 'sandbox' });
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
    log(`${RECIPIENTS * 2} contacts ready`);
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

    const created = await call('POST', '/v1/broadcasts', {
      name: 'bench',
      channel_id: channel.body.id,
      template_id: template.body.id,
      parameters: ['10%'],
      audience: { contact_ids: broadcastContacts },
      rate_per_second: RATE,
    });
    if (created.status !== 201) throw new Error(`broadcast: status ${created.status}`);
    const bcStart = performance.now();
    const bcStartedAt = Date.now();
    const sent = await call('POST', `/v1/broadcasts/${created.body.id}/send`);
    if (sent.status !== 202) throw new Error(`send: status ${sent.status}`);
    for (;;) {
      const b = await call('GET', `/v1/broadcasts/${created.body.id}`);
      if (b.body.status === 'completed') break;
      await sleep(250);
    }
    const bcQueuedS = (performance.now() - bcStart) / 1000;
    await untilAllSent(broadcastContacts);
    const bcSentS = (performance.now() - bcStart) / 1000;
    const messages = await messagesBy(broadcastContacts);
    if (messages !== RECIPIENTS) throw new Error(`broadcast made ${messages} messages for ${RECIPIENTS} recipients`);
    log(`broadcast: ${RECIPIENTS} queued in ${bcQueuedS.toFixed(1)} s, handed to the provider in ${bcSentS.toFixed(1)} s`);

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
    const memory = stack.memory();
    const perS = (s: number) => Math.round(RECIPIENTS / s);
    const scenarios = [
      scenarioOf(`broadcast to ${RECIPIENTS.toLocaleString('en')}, rate_per_second ${RATE}: send → each message handed to the provider`, bc.latencies, bcSentS, { unit: 'recipients', errors: bc.failed }),
      scenarioOf(`POST /v1/messages/bulk, ${PER_CALL} per call, ${BULK_CONCURRENCY} at a time: start → each message handed to the provider`, fl.latencies, floorSentS, { unit: 'recipients', errors: fl.failed, floor: true }),
    ];
    const detail = {
      recipients: RECIPIENTS,
      ratePerSecond: RATE,
      broadcast: { queuedSeconds: +bcQueuedS.toFixed(1), sentSeconds: +bcSentS.toFixed(1), queuedPerSecond: perS(bcQueuedS), sentPerSecond: perS(bcSentS) },
      floorBulkMessages: { perCall: PER_CALL, concurrency: BULK_CONCURRENCY, queuedSeconds: +floorQueuedS.toFixed(1), sentSeconds: +floorSentS.toFixed(1), queuedPerSecond: perS(floorQueuedS), sentPerSecond: perS(floorSentS) },
    };
    const report: BenchReport<typeof detail> = {
      name: 'broadcasts',
      title: 'Broadcast benchmark',
      at: new Date().toISOString(),
      machine: machine.end(),
      floorNote: `the same number of template messages to a second audience of the same size through POST /v1/messages/bulk (${PER_CALL} per call, ${BULK_CONCURRENCY} at a time), in the same run: the product's bulk path without the broadcast machinery (audience resolution, rate limiting, progress). Same sandbox provider.`,
      scenarios,
      comparisons: [compare(scenarios[0], scenarios[1])],
      targets: [],
      memory,
      settings: { recipients: RECIPIENTS, ratePerSecond: RATE, perCall: PER_CALL, bulkConcurrency: BULK_CONCURRENCY },
      detail,
    };
    const md = [
      '## Detail',
      '',
      `Own PostgreSQL 17, Temporal dev server, one API and one worker; sandbox provider. "Queued": every message created (the broadcast \`completed\`); "sent": every message handed to the provider.`,
      '',
      '| path | queued | sent | recipients/s (sent) |',
      '|---|---|---|---|',
      `| broadcast, rate_per_second ${RATE} | ${detail.broadcast.queuedSeconds} s | ${detail.broadcast.sentSeconds} s | ${detail.broadcast.sentPerSecond} |`,
      `| floor: POST /v1/messages/bulk, ${PER_CALL} per call, ${BULK_CONCURRENCY} at a time | ${detail.floorBulkMessages.queuedSeconds} s | ${detail.floorBulkMessages.sentSeconds} s | ${detail.floorBulkMessages.sentPerSecond} |`,
    ].join('\n');
    writeResults(report, md);
  });
}

runBench(main, log);
