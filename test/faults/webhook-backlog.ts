// A backlog of failing deliveries during the kills: an endpoint whose receiver answers 500 to everything, subscribed
// to the load's contact.created. Afterwards: nothing lost (every event has its delivery row) and nothing sent twice
// (at the receiver, per delivery, the calls are the recorded attempts, plus at most the one a crash cut off between
// its POST and its commit).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import type { Check } from './verify';

export interface FailingReceiver {
  url: string;
  /** calls per webhook-id (the delivery id) */
  byDelivery: Map<string, number>;
  close(): Promise<void>;
}

export async function startFailingReceiver(): Promise<FailingReceiver> {
  const byDelivery = new Map<string, number>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['webhook-id'] ?? '');
      byDelivery.set(id, (byDelivery.get(id) ?? 0) + 1);
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

export async function verifyFailingBacklog(input: { databaseUrl: string; workspaceId: string; endpointId: string; receiver: FailingReceiver }): Promise<Check[]> {
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
      const n = input.receiver.byDelivery.get(r.id) ?? 0;
      calls += n;
      recorded += r.recorded;
      if (n < r.recorded) unsent.push(r.id);
      if (n > r.recorded + 1) twice.push(`${r.id} (${n} calls, ${r.recorded} attempts)`);
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
