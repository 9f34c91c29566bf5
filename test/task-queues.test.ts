import { Client, Connection } from '@temporalio/client';
import { purgeWorkflowId } from '../src/privacy/purges';
import { BACKUP_SCHEDULE_ID } from '../src/privacy/backup-schedule';
import { commandsQueueOf, queueKindOf, taskQueueFor } from '../src/engine/queues';
import { webhookEndpointWorkflowId } from '../src/webhooks/names';
import { client } from './support/client';
import { closeDb, newWorkspace, stack, type TestWorkspace } from './support/stack';
import { waitFor } from './support/wait';
import { Receiver } from './support/webhook-receiver';

// Task queues by what waits on them: commands on the base queue, deliveries and sends on `-fanout`, purges and
// backups on `-maintenance`, each served by its own worker slots.

let ws: TestWorkspace;
let api: ReturnType<typeof client>;
let temporal: Client;
let connection: Connection;
const base = () => stack().env.TEMPORAL_TASK_QUEUE;

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
  connection = await Connection.connect({ address: stack().env.TEMPORAL_ADDRESS });
  temporal = new Client({ connection });
});

afterAll(async () => {
  await connection.close();
  await closeDb();
});

const queueOf = async (workflowId: string) => (await temporal.workflow.getHandle(workflowId).describe()).taskQueue;

describe('task queues', () => {
  it('names each kind of workflow once, from the commands queue', () => {
    for (const type of ['webhookEndpoint', 'sendMessage', 'channelSender', 'flowRun', 'runBroadcast', 'wakeBroadcast', 'scheduledMessage']) expect(queueKindOf(type)).toBe('fanout');
    for (const type of ['purgeSubject', 'takeBackup']) expect(queueKindOf(type)).toBe('maintenance');
    for (const type of ['createContact', 'createBroadcast', 'bulkUpsertContacts', 'createPurge']) expect(queueKindOf(type)).toBe('commands');
    expect(taskQueueFor('webhookEndpoint', 'q')).toBe('q-fanout');
    expect(commandsQueueOf('q-fanout')).toBe('q');
    expect(commandsQueueOf('q-maintenance')).toBe('q');
    expect(commandsQueueOf('q')).toBe('q');
  });

  it('runs a command on the commands queue, the webhook dispatcher of its endpoint on fan-out and a purge on maintenance', async () => {
    const receiver = await new Receiver().start();
    try {
      const endpoint = await api.post('/v1/webhook-endpoints', { body: { url: receiver.url('/queues'), event_types: ['contact.created'] } });
      expect(endpoint.status).toBe(201);
      const idem = `queues-${Date.now()}`;
      const contact = await api.post('/v1/contacts', { body: { phone: '+919833344455', first_name: 'Queue' }, headers: { 'Idempotency-Key': idem } });
      expect(contact.status).toBe(201);

      const commands = [];
      for await (const wf of temporal.workflow.list({ query: `WorkspaceId = "${ws.workspaceId}" AND OperationId = "createContact"` })) commands.push(wf);
      expect(commands).toHaveLength(1);
      expect(commands[0].taskQueue).toBe(base());

      // the dispatcher starts the delivery (its own poller, outside the command) on the fan-out queue
      await waitFor(async () => receiver.at('/queues').length, (n) => n >= 1, 20_000);
      expect(await queueOf(webhookEndpointWorkflowId(ws.workspaceId, endpoint.body.id))).toBe(`${base()}-fanout`);

      const purge = await api.post('/v1/privacy/purges', { body: { contact_id: contact.body.id } });
      expect(purge.status).toBe(202);
      expect(await queueOf(purgeWorkflowId(ws.workspaceId, purge.body.id))).toBe(`${base()}-maintenance`);
    } finally {
      await receiver.close();
    }
  });

  it('takes backups on the maintenance queue', async () => {
    // one Schedule per namespace: the worker that started last (another suite's, with a queue of its own) wrote it
    const schedule = await temporal.schedule.getHandle(BACKUP_SCHEDULE_ID).describe();
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'takeBackup' });
    const queue = (schedule.action as { taskQueue: string }).taskQueue;
    expect(queue).toBe(`${commandsQueueOf(queue)}-maintenance`);
  });
});
