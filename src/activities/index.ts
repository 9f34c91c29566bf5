import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { DriverException, LockMode, type MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { withoutRowData } from '../db/driver-errors';
import { IdempotencySchema } from '../db/entities';
import { ApiError, problemOf } from '../errors';
import { COMMANDS, type CommandResponse } from './command-registry';
import { purgeBlobIfUnheld } from './file-blobs';
import { LocalFileStore, type FileStore } from './file-store';
import { prepareBulkJob, runBulkChunk } from './bulk.commands';
import { prepareWebhookTest } from './webhooks.commands';
import { stepBroadcast, wakeBatchSender, type BroadcastStep } from './broadcasts.commands';
import { createChannelSenderActivities } from './channel-sender';
import { createScheduledMessageActivities } from './scheduled-messages';
import type { Client } from '@temporalio/client';
import { createWebhookActivities } from './webhook-delivery';
import { createFlowActivities } from './flow-steps';
import { createPrivacyActivities } from './privacy.activities';
import { holdFence, refusedForPurge } from '../privacy/fence';
import type { CommandInput, CommandOutcome, StepBroadcastInput } from '../workflows/types';

export interface ActivityDeps {
  orm: MikroORM;
  files?: FileStore;
  /** signals workflows from activities (a broadcast batch's channel sender) */
  client?: Client;
}

/**
 * Runs a long activity heartbeating every second besides the beats it gives itself: a live worker busy in one long
 * statement (a chunk's flush on a loaded machine) is never taken for a dead one and retried on top of its own row
 * locks, while a dead worker still stops heartbeating at once. The start-to-close timeout still bounds a stuck one.
 */
async function heartbeating<T>(work: (beat: () => void) => Promise<T>): Promise<T> {
  const ctx = Context.current();
  const beat = () => ctx.heartbeat();
  const timer = setInterval(beat, 1000);
  try {
    return await work(beat);
  } finally {
    clearInterval(timer);
  }
}

export function createActivities({ orm, files = new LocalFileStore(config.filesDir), client }: ActivityDeps) {
  return {
    ...createWebhookActivities(orm),
    ...createFlowActivities(orm),
    ...createPrivacyActivities(orm, files),
    ...createChannelSenderActivities(orm),
    ...createScheduledMessageActivities(orm),

    /**
     * Runs one command in one transaction: the entity, its events and the stored HTTP response commit
     * together. Idempotent: a retry after a commit finds the stored response and writes nothing.
     */
    async executeCommand(input: CommandInput): Promise<CommandOutcome> {
      return orm.em.fork().transactional(async (em) => {
        const record = await em.findOne(IdempotencySchema, { id: input.commandId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!record) throw ApplicationFailure.nonRetryable(`command ${input.commandId} has no stored request`, 'command_missing');
        if (record.state === 'completed') return { status: record.responseStatus ?? 500, followUps: record.followUps ?? [] };
        const handler = COMMANDS[record.operationId];
        if (!handler) throw ApplicationFailure.nonRetryable(`no command named ${record.operationId}`, 'command_unknown');
        // the purge fence's shared lock before any row lock of the command (the purge itself takes it exclusively)
        if (record.operationId !== 'createPrivacyPurge') await holdFence(em, record.workspace);
        const ctx = {
          workspaceId: record.workspace,
          requestId: record.request.requestId,
          seed: input.seed,
          now: new Date(),
          commandId: record.id,
          actor: { keyId: record.request.keyId, operationId: record.operationId, clientAddress: record.request.clientAddress ?? null, scopes: record.request.scopes ?? [] },
          derived: record.request.derived ?? {},
        };
        let response: CommandResponse;
        try {
          // a savepoint: a refused command leaves no partial write, yet its refusal is stored like any answer
          response = await em.transactional((tx) => handler(tx, ctx, record.request.params, (record.request.body ?? {}) as never));
        } catch (err) {
          if (err instanceof DriverException) throw withoutRowData(err);
          if (!(err instanceof ApiError) || err.status >= 500) throw err;
          response = { status: err.status, body: problemOf(err.code, ctx.requestId ?? '', err.detail, err.extras) };
        }
        // a request refused (or with items refused) for a purge keeps no copy of what it would have written: its claim
        // may have come after the purge's last look at the stored requests
        if (refusedForPurge(response.body)) record.request = { ...record.request, params: {}, body: { purged: true } };
        record.state = 'completed';
        record.responseStatus = response.status;
        record.responseBody = response.body;
        record.followUps = response.followUps ?? null;
        record.completedAt = new Date();
        await em.flush();
        return { status: response.status, followUps: response.followUps ?? [] };
      });
    },

    /** The test command's first step: its event and delivery (see prepareWebhookTest). */
    async prepareWebhookTest(input: Pick<CommandInput, 'commandId'>): Promise<{ deliveryId: string } | null> {
      return prepareWebhookTest(orm, input.commandId);
    },

    /** A bulk command's first step: its job and items, from the stored request (once). */
    async prepareBulkJob(input: Pick<CommandInput, 'commandId'>): Promise<{ jobId: string; chunks: number }> {
      return prepareBulkJob(orm, input.commandId);
    },

    /** One chunk of a bulk job in one transaction. */
    async runBulkChunk(input: { jobId: string; chunk: number }): Promise<{ applied: number }> {
      return heartbeating((beat) => runBulkChunk(orm, input, beat));
    },

    /** One step of a broadcast's workflow: start it, queue its next batch, or complete it (heartbeating). */
    async stepBroadcast(input: StepBroadcastInput): Promise<BroadcastStep> {
      try {
        return await heartbeating((beat) => stepBroadcast(orm, input, beat));
      } catch (err) {
        if (err instanceof DriverException) throw withoutRowData(err);
        throw err;
      }
    },

    /** Wakes the channel sender of a broadcast batch once it has committed (the sender hands its messages over). */
    async startBroadcastDeliveries(input: { workspaceId: string; broadcastId: string; batch: number }): Promise<number> {
      return wakeBatchSender(orm, client, input);
    },

    /** After a deleteFile command: removes the file's blob unless a live row or an upload still holds it. */
    async releaseFileBlob(input: Pick<CommandInput, 'commandId'>): Promise<void> {
      const [row] = await orm.em.getConnection().execute<{ sha256: string }[]>(
        `select f.sha256 from idempotency_keys i join files f on f.workspace_id = i.workspace_id and f.id = (i.request->'params'->>'file_id') collate "C"
         where i.id = ?`,
        [input.commandId],
      );
      if (row) await purgeBlobIfUnheld(orm, files, row.sha256);
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
