import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { DriverException, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { withoutRowData } from '../db/driver-errors';
import type { CommandRequest, FollowUp } from '../db/entities';
import { ApiError, problemOf } from '../errors';
import { COMMANDS } from '../commands/registry';
import type { CommandResponse } from '../commands/types';
import { purgeBlobIfUnheld } from '../files/file-blobs';
import { LocalFileStore, type FileStore } from '../files/file-store';
import { prepareBulkJob, runBulkChunk } from '../commands/bulk';
import { prepareWebhookTest } from '../webhooks/commands';
import { stepBroadcast, wakeBatchSender, type BroadcastStep } from '../commands/broadcasts';
import { createChannelSenderActivities } from '../channels/sender';
import { createScheduledMessageActivities } from '../channels/scheduled-messages';
import { createTemplateReviewActivities } from '../commands/template-review';
import type { Client } from '@temporalio/client';
import { createWebhookActivities } from '../webhooks/delivery';
import { createFlowActivities } from '../flows/steps';
import { createPrivacyActivities } from '../privacy/activities';
import { holdFence, refusedForPurge, withHeldFence } from '../privacy/fence';
import type { CommandInput, CommandOutcome, StepBroadcastInput } from '../engine/types';
import { drainMediaErasures, MEDIA_ERASURES_PER_DRAIN } from '../channels/whatsapp-media-erasures';

/** A command's stored request as its transaction reads it (idempotency_keys). */
interface StoredCommand {
  id: string;
  workspace_id: string;
  operation_id: string;
  request: CommandRequest;
  state: 'pending' | 'completed';
  response_status: number | null;
  follow_ups: FollowUp[] | null;
}

/** The command's stored request, locked: a concurrent attempt of the same command waits here, then finds it completed. */
async function lockCommand(em: EntityManager, commandId: string): Promise<StoredCommand> {
  const [record] = await em.execute<StoredCommand[]>(
    `select id, workspace_id, operation_id, request, state, response_status, follow_ups from idempotency_keys where id = ? for update`,
    [commandId],
  );
  if (!record) throw ApplicationFailure.nonRetryable(`command ${commandId} has no stored request`, 'command_missing');
  return record;
}

/** What a command that has already answered answers again (a retried attempt finds it completed). */
const storedOutcome = (record: StoredCommand): CommandOutcome => ({ status: record.response_status ?? 500, followUps: record.follow_ups ?? [] });

/** Every command holds the purge fence's shared lock, except the purge itself (it takes the lock exclusively). */
const takesFence = (record: StoredCommand) => record.operation_id !== 'createPrivacyPurge';

/** Stores a command's answer (a success or a refusal) with the request it ran, in the command's transaction. */
async function completeCommand(em: EntityManager, record: StoredCommand, response: CommandResponse): Promise<CommandOutcome> {
  // a request refused (or with items refused) for a purge keeps no copy of what it would have written: its claim may
  // have come after the purge's last look at the stored requests
  const kept: CommandRequest | null = refusedForPurge(response.body) ? { ...record.request, params: {}, body: { purged: true } } : null;
  const followUps = response.followUps ?? null;
  await em.execute(
    `update idempotency_keys set state = 'completed', response_status = ?, response_body = ?, follow_ups = ?, completed_at = ?,
       request = coalesce(?, request) where id = ?`,
    [response.status, jsonValue(response.body), jsonValue(followUps), new Date(), jsonValue(kept), record.id],
  );
  return { status: response.status, followUps: followUps ?? [] };
}

/** A value for a jsonb parameter: JSON text, or SQL null for none (a JSON null body is stored as JSON null). */
const jsonValue = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

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
    ...createChannelSenderActivities(orm, files),
    ...createTemplateReviewActivities(orm),
    ...createScheduledMessageActivities(orm),

    /**
     * Runs one command in one transaction: the entity, its events and the stored HTTP response commit
     * together. Idempotent: a retry after a commit finds the stored response and writes nothing.
     */
    async executeCommand(input: CommandInput): Promise<CommandOutcome> {
      try {
        return await orm.em.fork().transactional(async (em) => {
          const record = await lockCommand(em, input.commandId);
          if (record.state === 'completed') return storedOutcome(record);
          const command = COMMANDS[record.operation_id];
          if (!command) throw ApplicationFailure.nonRetryable(`no command named ${record.operation_id}`, 'command_unknown');
          // the purge fence's shared lock before any row lock of the command; its own checks then use the fence held here
          const fence = takesFence(record) ? await holdFence(em, record.workspace_id) : null;
          const { request } = record;
          const ctx = {
            workspaceId: record.workspace_id,
            requestId: request.requestId,
            seed: input.seed,
            now: new Date(),
            commandId: record.id,
            actor: { keyId: request.keyId, operationId: record.operation_id, clientAddress: request.clientAddress ?? null, scopes: request.scopes ?? [] },
            derived: request.derived ?? {},
          };
          const run = async () => {
            const response = await command.run(em, ctx, request.params, request.body ?? {});
            await em.flush();
            return response;
          };
          return completeCommand(em, record, await (fence ? withHeldFence(record.workspace_id, fence, run) : run()));
        });
      } catch (err) {
        if (err instanceof DriverException) throw withoutRowData(err);
        if (!(err instanceof ApiError) || err.status >= 500) throw err;
        // refused: the command's writes rolled back with its transaction, and the refusal is stored as its answer
        return orm.em.fork().transactional(async (em) => {
          const record = await lockCommand(em, input.commandId);
          if (record.state === 'completed') return storedOutcome(record);
          if (takesFence(record)) await holdFence(em, record.workspace_id);
          return completeCommand(em, record, { status: err.status, body: problemOf(err.code, record.request.requestId ?? '', err.detail, err.extras) });
        });
      }
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

    /**
     * After a deleteFile command: removes the file's blob unless a live row or an upload still holds it, and deletes
     * its uploads at WhatsApp (what fails now is retried by the sweep).
     */
    async releaseFileBlob(input: Pick<CommandInput, 'commandId'>): Promise<void> {
      const [row] = await orm.em.getConnection().execute<{ sha256: string; workspace_id: string }[]>(
        `select f.sha256, f.workspace_id from idempotency_keys i join files f on f.workspace_id = i.workspace_id and f.id = (i.request->'params'->>'file_id') collate "C"
         where i.id = ?`,
        [input.commandId],
      );
      if (!row) return;
      await purgeBlobIfUnheld(orm, files, row.sha256);
      await drainMediaErasures(orm, { workspaceId: row.workspace_id, limit: MEDIA_ERASURES_PER_DRAIN });
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
