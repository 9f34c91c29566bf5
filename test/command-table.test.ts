import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { checkCommandTable, COMMANDS, commandWorkflowOf, specMutations } from '../src/commands/registry';
import { OPERATIONS } from '../src/spec';
import { searchKeys } from '../src/engine/temporal';
import { client } from './support/client';
import { closeDb, newWorkspace, sql, stack } from './support/stack';

let temporal: { connection: Connection; client: Client };

beforeAll(async () => {
  const connection = await Connection.connect({ address: stack().env.TEMPORAL_ADDRESS });
  temporal = { connection, client: new Client({ connection }) };
});

afterAll(async () => {
  await temporal?.connection.close();
  await closeDb();
});

describe('one list of mutations', () => {
  it('the spec’s POST, PATCH and DELETE operations (less the x-read ones) are exactly the command table', () => {
    const mutations = OPERATIONS.filter((op) => op.method !== 'get' && !op.read).map((op) => op.operationId);
    expect(mutations.length).toBeGreaterThan(40);
    expect(new Set(specMutations())).toEqual(new Set(mutations));
    expect(Object.keys(COMMANDS).sort()).toEqual([...mutations].sort());
    expect(() => checkCommandTable()).not.toThrow();
    // a read never becomes a command
    for (const op of OPERATIONS.filter((o) => o.read)) expect(COMMANDS[op.operationId]).toBeUndefined();
  });

  it('refuses to start when the spec and the table differ, naming what differs', () => {
    expect(() => checkCommandTable(['createContact', 'frobnicateContact'], { createContact: COMMANDS.createContact! })).toThrow(/without a command.*frobnicateContact/);
    expect(() => checkCommandTable(['createContact'], { createContact: COMMANDS.createContact!, updateContact: COMMANDS.updateContact! })).toThrow(/no mutation in openapi\.yaml: updateContact/);
  });

  it('runs every mutation on one of the few command workflows, which the worker registers', async () => {
    const workflows = (await import('../src/workflows')) as Record<string, unknown>;
    const kinds = new Set(Object.keys(COMMANDS).map(commandWorkflowOf));
    expect([...kinds].sort()).toEqual(['bulkCommand', 'command', 'deleteFileCommand', 'webhookTestCommand']);
    for (const kind of kinds) expect(typeof workflows[kind]).toBe('function');
    // no workflow type per operation any more
    expect(workflows.createContact).toBeUndefined();
  });

  it('starts a command as the `command` workflow with its operation as a search attribute', async () => {
    const ws = await newWorkspace();
    const res = await client(ws.key).post('/v1/contacts', { body: { external_id: `table-${randomUUID()}` } });
    expect(res.status).toBe(201);
    const [claim] = await sql<{ workflow_id: string }>(`select workflow_id from idempotency_keys where workspace_id = ? and operation_id = 'createContact'`, [ws.workspaceId]);
    const described = await temporal.client.workflow.getHandle(claim!.workflow_id).describe();
    expect(described.type).toBe('command');
    expect(described.status.name).toBe('COMPLETED');
    expect(described.typedSearchAttributes.get(searchKeys.operationId)).toBe('createContact');
    expect(described.typedSearchAttributes.get(searchKeys.workspaceId)).toBe(ws.workspaceId);
  });

  it('still finishes a command whose workflow was started under its operation’s own type before the upgrade', async () => {
    const ws = await newWorkspace();
    const externalId = `historical-${randomUUID()}`;
    const commandId = randomUUID();
    const workflowId = `${ws.workspaceId}/createContact/${randomUUID()}`;
    await sql(
      `insert into idempotency_keys (id, workspace_id, owner_id, key_hash, operation_id, fingerprint, request, state, workflow_id, expires_at)
       values (?, ?, ?, ?, 'createContact', ?, ?::jsonb, 'pending', ?, now() + interval '1 day')`,
      [commandId, ws.workspaceId, ws.keyId, randomUUID(), randomUUID(), JSON.stringify({ params: {}, body: { external_id: externalId }, requestId: 'req_historical', keyId: ws.keyId, scopes: ['contacts:write'] }), workflowId],
    );
    const handle = await temporal.client.workflow.start('createContact', {
      workflowId,
      taskQueue: stack().env.TEMPORAL_TASK_QUEUE!,
      args: [{ commandId }],
      typedSearchAttributes: new TypedSearchAttributes([{ key: searchKeys.workspaceId, value: ws.workspaceId }]),
    });
    expect(await handle.result()).toEqual({ status: 201 });
    const [row] = await sql<{ state: string; response_status: number }>(`select state, response_status from idempotency_keys where id = ?`, [commandId]);
    expect(row).toEqual({ state: 'completed', response_status: 201 });
    expect(await sql(`select id from contacts where workspace_id = ? and external_id = ?`, [ws.workspaceId, externalId])).toHaveLength(1);
  });
});
