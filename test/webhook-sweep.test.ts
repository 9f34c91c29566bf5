import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { Webhook } from 'standardwebhooks';
import { deliveryIdFor } from '../src/webhooks/commands';
import { webhookEndpointWorkflowId } from '../src/webhooks/names';
import { client } from './support/client';
import { closeDb, db, newWorkspace, sql, stack } from './support/stack';

// Deliveries committed while Temporal was down woke no dispatcher: the sweep wakes (or starts) the dispatcher of every
// endpoint with deliveries left waiting. After an outage there are as many as were committed meanwhile, and the one
// dispatcher must send every one of them, past its first batch.
const COUNT = 250;

let server: Server;
const received = new Map<string, number>();
let verifier: Webhook | null = null;
let connection: Connection;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      try {
        const event = verifier!.verify(body, req.headers as Record<string, string>) as { id: string };
        received.set(event.id, (received.get(event.id) ?? 0) + 1);
        res.writeHead(204).end();
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  connection = await Connection.connect({ address: stack().env.TEMPORAL_ADDRESS });
});
afterAll(async () => {
  await connection.close();
  await new Promise<void>((r) => server.close(() => r()));
  await closeDb();
});

it('one sweep starts the dispatcher of an endpoint whose deliveries were left waiting, and it sends them all', async () => {
  const ws = await newWorkspace();
  const api = client(ws.key);
  // the events exist before the endpoint, so the dispatcher queues nothing for them by itself
  const contacts = await api.post('/v1/contacts/bulk', { body: { items: Array.from({ length: COUNT }, (_, i) => ({ external_id: `sweep-${i}` })) } });
  expect(contacts.status).toBe(200);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  const endpoint = await api.post('/v1/webhook-endpoints', { body: { url, event_types: ['contact.created'] } });
  expect(endpoint.status).toBe(201);
  verifier = new Webhook(endpoint.body.secret);

  // what an outage of Temporal leaves behind: deliveries committed, pending for a minute, never attempted
  const events = await sql<{ id: string }>(`select id from events where workspace_id = ? and type = 'contact.created'`, [ws.workspaceId]);
  expect(events).toHaveLength(COUNT);
  await sql(
    `insert into webhook_deliveries (id, workspace_id, endpoint_id, event_id, event_type, status, attempt_count, next_attempt_at, created_at, updated_at)
     select x.id, ?, ?, x.event_id, 'contact.created', 'pending', 0, now() - interval '1 minute', now() - interval '1 minute', now() - interval '1 minute'
     from jsonb_to_recordset(?::jsonb) as x(id text, event_id text)`,
    [ws.workspaceId, endpoint.body.id, JSON.stringify(events.map((e) => ({ id: deliveryIdFor(endpoint.body.id, e.id), event_id: e.id })))],
  );

  // the sweep of a worker on the suite's task queue (config is read when the module loads)
  process.env.TEMPORAL_TASK_QUEUE = stack().env.TEMPORAL_TASK_QUEUE;
  let sweep!: typeof import('../src/webhooks/dispatcher').startUnstartedDeliveries;
  jest.isolateModules(() => {
    sweep = (require('../src/webhooks/dispatcher') as typeof import('../src/webhooks/dispatcher')).startUnstartedDeliveries;
  });
  const temporal = new Client({ connection });
  expect(await sweep(await db(), temporal)).toBeGreaterThanOrEqual(1);

  // right after the one sweep, the endpoint's dispatcher runs: one workflow for all of its deliveries
  const described = await temporal.workflow.getHandle(webhookEndpointWorkflowId(ws.workspaceId, endpoint.body.id)).describe();
  expect(described.type).toBe('webhookEndpoint');

  // and every event reaches the receiver, signed
  const until = Date.now() + 60_000;
  while (received.size < COUNT && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
  expect(events.filter((e) => !received.has(e.id))).toEqual([]);
}, 90_000);
