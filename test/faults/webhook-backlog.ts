// A backlog of failing deliveries during the kills: an endpoint whose receiver answers 500 to everything, subscribed
// to the load's contact.created. Afterwards: nothing lost (every event has its delivery row) and nothing sent twice
// (at the receiver, per delivery, the calls are the recorded attempts, plus at most one for each fault that cut an
// attempt off between its POST and its commit: a call made while that fault struck, never one outside every fault).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import type { Check } from './verify';

export interface FailingReceiver {
  url: string;
  /** when each call arrived (ms since the epoch), per webhook-id (the delivery id) */
  byDelivery: Map<string, number[]>;
  close(): Promise<void>;
}

export async function startFailingReceiver(): Promise<FailingReceiver> {
  const byDelivery = new Map<string, number[]>();
  const server = createServer((req, res) => {
    const arrivedAt = Date.now();
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['webhook-id'] ?? '');
      const calls = byDelivery.get(id) ?? [];
      calls.push(arrivedAt);
      byDelivery.set(id, calls);
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/failing`,
    byDelivery,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** a fault's span: from when it struck to when every API answered ready again (ms since the epoch) */
export interface FaultWindow {
  from: number;
  to: number;
}

/**
 * How many calls beyond its recorded attempts a delivery may have received: one per fault during which it got a call.
 * An attempt is cut off when the fault strikes between its POST and its commit, so its call arrived at most one
 * attempt bound (plus a second for the commit) before the fault, or while the fault lasted.
 */
export function cutOffAllowance(calls: number[], faults: FaultWindow[], attemptBoundMs: number): number {
  return faults.filter((f) => calls.some((t) => t >= f.from - attemptBoundMs - 1_000 && t <= f.to)).length;
}

export async function verifyFailingBacklog(input: {
  databaseUrl: string;
  workspaceId: string;
  endpointId: string;
  receiver: FailingReceiver;
  faults: FaultWindow[];
  attemptBoundMs: number;
}): Promise<Check[]> {
  const db = new Client({ connectionString: input.databaseUrl });
  await db.connect();
  try {
    const lost = await db.query<{ id: string }>(
      `select e.id from events e join webhook_endpoints w on w.id = $2
       where e.workspace_id = $1 and e.type = 'contact.created' and e.created_at > w.created_at
         and not exists (select 1 from webhook_deliveries d where d.endpoint_id = w.id and d.event_id = e.id)`,
      [input.workspaceId, input.endpointId],
    );
    const rows = await db.query<{ id: string; recorded: number }>(
      `select d.id, (select count(*)::int from webhook_attempts a where a.delivery_id = d.id) as recorded
       from webhook_deliveries d where d.endpoint_id = $1`,
      [input.endpointId],
    );
    const twice: string[] = [];
    const unsent: string[] = [];
    let calls = 0;
    let recorded = 0;
    for (const r of rows.rows) {
      const times = input.receiver.byDelivery.get(r.id) ?? [];
      const n = times.length;
      calls += n;
      recorded += r.recorded;
      if (n < r.recorded) unsent.push(r.id);
      const allowed = cutOffAllowance(times, input.faults, input.attemptBoundMs);
      if (n > r.recorded + allowed) twice.push(`${r.id} (${n} calls, ${r.recorded} attempts, ${allowed} cut off by faults)`);
    }
    return [
      {
        name: 'failing backlog: every event has its delivery, every recorded attempt was sent once',
        ok: lost.rows.length === 0 && rows.rows.length > 0 && twice.length === 0 && unsent.length === 0,
        detail: `${rows.rows.length} deliveries, ${recorded} recorded attempts, ${calls} calls at the receiver; ${lost.rows.length} events without a delivery${twice.length ? `; sent twice: ${twice.slice(0, 3).join(', ')}` : ''}${unsent.length ? `; recorded but never received: ${unsent.slice(0, 3).join(', ')}` : ''}`,
      },
    ];
  } finally {
    await db.end();
  }
}
