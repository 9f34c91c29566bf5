// After the faults: wait (bounded) for the system to settle, then check the invariants in PostgreSQL and against
// what the receivers saw.
import { Client } from 'pg';
import type { FaultClient, WriteRecord } from './client';
import type { ProviderServer, WebhookReceiver } from './receivers';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

interface VerifyInput {
  databaseUrl: string;
  workspaceId: string;
  api: FaultClient;
  webhooks: WebhookReceiver;
  provider: ProviderServer;
  endpointId: string;
  /** the event type the endpoint subscribes to */
  eventType: string;
  broadcastId: string;
  audienceIds: string[];
  phones: string[];
  bulk: WriteRecord;
  settleBy: number;
  log: (msg: string) => void;
}

const TABLE: Record<string, { table: string; keyColumn: string }> = {
  contact: { table: 'contacts', keyColumn: 'attributes' },
  probe: { table: 'contacts', keyColumn: 'attributes' },
  order: { table: 'orders', keyColumn: 'metadata' },
};

const sample = (items: string[], n = 3) => (items.length ? `${items.slice(0, n).join(', ')}${items.length > n ? ` (+${items.length - n})` : ''}` : '');

export interface Verified {
  checks: Check[];
  /** when the bulk job and the broadcast ran, for the timeline */
  bulkJob: { created_at?: string; completed_at?: string | null } | null;
  broadcast: { started_at?: string | null; completed_at?: string | null } | null;
}

export async function verify(input: VerifyInput): Promise<Verified> {
  const { workspaceId, api, webhooks, provider, log } = input;
  const db = new Client({ connectionString: input.databaseUrl });
  await db.connect();
  try {
    const q = async <T>(sql: string, params: unknown[]) => (await db.query(sql, params)).rows as T[];
    const expectedEvents = async () =>
      q<{ id: string }>(
        `select e.id from events e join webhook_endpoints w on w.id = $2
         where e.workspace_id = $1 and e.type = $3 and e.created_at > w.created_at`,
        [workspaceId, input.endpointId, input.eventType],
      );

    // settle: the broadcast finished and handed every message to the provider, the bulk job finished, every event
    // reached the receiver
    let broadcast: any = null;
    let bulkJob: any = null;
    let missingEvents: string[] = [];
    for (;;) {
      broadcast = await api.read(`/v1/broadcasts/${input.broadcastId}`, Date.now() + 5_000);
      bulkJob = input.bulk.id ? await api.read(`/v1/bulk-jobs/${input.bulk.id}`, Date.now() + 5_000) : null;
      const events = await expectedEvents();
      missingEvents = events.map((e) => e.id).filter((id) => !webhooks.byEvent.get(id));
      const reached = input.phones.filter((p) => provider.messagesTo.has(p)).length;
      const settled = broadcast?.status === 'completed' && bulkJob?.status === 'completed' && reached === input.phones.length && missingEvents.length === 0;
      if (settled || Date.now() > input.settleBy) {
        log(`${settled ? 'settled' : 'gave up settling'}: broadcast ${broadcast?.status}, provider reached ${reached}/${input.phones.length}, bulk ${bulkJob?.status}, ${missingEvents.length} of ${events.length} events not delivered`);
        break;
      }
      await sleep(1_000);
    }

    const checks: Check[] = [];
    const writes = api.writes.filter((w) => w.kind !== 'setup');
    checks.push({
      name: 'every logical write ended with a final answer',
      ok: writes.every((w) => w.settled && w.finalStatus >= 200 && w.finalStatus < 300),
      detail: sample(writes.filter((w) => !(w.settled && w.finalStatus >= 200 && w.finalStatus < 300)).map((w) => `${w.kind} ${w.finalStatus}`)) || `${writes.length} writes, all 2xx`,
    });

    // rows by idempotency key: the load key each write carried in its attributes or metadata
    const rowsByKey = new Map<string, string[]>();
    for (const { table, keyColumn } of [TABLE.contact, TABLE.order]) {
      const rows = await q<{ id: string; load_key: string }>(
        `select id, ${keyColumn}->>'load_key' as load_key from ${table} where workspace_id = $1 and ${keyColumn} ? 'load_key'`,
        [workspaceId],
      );
      for (const r of rows) rowsByKey.set(r.load_key, [...(rowsByKey.get(r.load_key) ?? []), r.id]);
    }

    // 1. every 201 has its row (and the row is the one the answer named)
    const created = writes.filter((w) => w.finalStatus === 201 && TABLE[w.kind]);
    const missing = created.filter((w) => !rowsByKey.get(w.key)?.includes(w.id ?? ''));
    const bulkKeys = Array.from({ length: bulkJob?.total ?? 0 }, (_, i) => `${input.bulk.key}-${i}`);
    const bulkMissing = bulkKeys.filter((k) => (rowsByKey.get(k) ?? []).length === 0);
    const broadcastRow = await q(`select 1 from broadcasts where workspace_id = $1 and id = $2`, [workspaceId, input.broadcastId]);
    checks.push({
      name: '1. every 201 a client received has its row',
      ok: missing.length === 0 && bulkMissing.length === 0 && broadcastRow.length === 1 && bulkJob?.succeeded === bulkKeys.length && bulkJob?.failed === 0 && bulkKeys.length > 0,
      detail:
        missing.length || bulkMissing.length
          ? `missing: ${sample(missing.map((w) => `${w.kind} ${w.id}`))} ${sample(bulkMissing)}`
          : `${created.length} single 201s, bulk ${bulkJob?.succeeded}/${bulkKeys.length} items (${bulkJob?.failed} failed, ${bulkJob?.status}), broadcast: all found`,
    });

    // 2. no idempotency key produced two rows
    const doubled = [...rowsByKey.entries()].filter(([, ids]) => ids.length > 1);
    checks.push({
      name: '2. no idempotency key produced two rows',
      ok: doubled.length === 0 && rowsByKey.size > 0,
      detail: doubled.length ? `doubled: ${sample(doubled.map(([k, ids]) => `${k} → ${ids.join('+')}`))}` : `${rowsByKey.size} keys, one row each`,
    });

    // 3. every client that met a 503 or a dropped connection and retried with its key has exactly one row
    const troubled = writes.filter((w) => TABLE[w.kind] && w.attempts.some((a) => a.status === 0 || a.status === 503 || a.status === 409));
    const wrong = troubled.filter((w) => (rowsByKey.get(w.key) ?? []).length !== 1 || w.finalStatus !== 201 || rowsByKey.get(w.key)![0] !== w.id);
    const bulkTroubled = input.bulk.attempts.some((a) => a.status === 0 || a.status === 503 || a.status === 409);
    checks.push({
      name: '3. every write retried after 503/drop ends with exactly one row',
      ok: wrong.length === 0 && troubled.length > 0,
      detail: wrong.length
        ? `wrong: ${sample(wrong.map((w) => `${w.kind} ${w.key}: ${(rowsByKey.get(w.key) ?? []).length} rows, final ${w.finalStatus}`))}`
        : `${troubled.length} writes met 503/409/dropped connections and retried${bulkTroubled ? ' (the bulk call too)' : ''}; each has one row, the one its 201 named`,
    });

    // 4. every event delivered at least once; nothing forged or unsigned reached the receiver
    const events = await expectedEvents();
    missingEvents = events.map((e) => e.id).filter((id) => !webhooks.byEvent.get(id));
    checks.push({
      name: '4. every event delivered at least once, no forged/unsigned call',
      ok: missingEvents.length === 0 && events.length > 0 && webhooks.invalid() === 0,
      detail: `${events.length - missingEvents.length}/${events.length} events delivered (${webhooks.calls()} verified calls), ${webhooks.invalid()} invalid${missingEvents.length ? `; missing ${sample(missingEvents)}` : ''}`,
    });

    // 5. no broadcast recipient got two messages: in PostgreSQL and at the provider
    const perContact = await q<{ contact_id: string; n: string }>(
      `select contact_id, count(*) as n from messages where workspace_id = $1 and direction = 'outbound' and contact_id = any($2) group by contact_id`,
      [workspaceId, input.audienceIds],
    );
    const twiceInDb = perContact.filter((r) => Number(r.n) > 1);
    const atProvider = input.phones.map((p) => provider.messagesTo.get(p)?.size ?? 0);
    const twiceAtProvider = atProvider.filter((n) => n > 1).length;
    const reached = atProvider.filter((n) => n === 1).length;
    checks.push({
      name: '5. no broadcast recipient got two messages',
      ok: twiceInDb.length === 0 && twiceAtProvider === 0 && provider.invalid() === 0,
      detail: `PostgreSQL: ${perContact.length} recipients with a message, ${twiceInDb.length} with two+; provider: ${twiceAtProvider} with two+, ${provider.invalid()} unsigned calls`,
    });
    checks.push({
      name: '5b. the broadcast completed and reached every recipient once',
      ok: broadcast?.status === 'completed' && reached === input.phones.length && perContact.length === input.audienceIds.length,
      detail: `status ${broadcast?.status}; ${reached}/${input.phones.length} phones got exactly one message at the provider`,
    });
    return { checks, bulkJob, broadcast };
  } finally {
    await db.end();
  }
}
