import { ApplicationFailure } from '@temporalio/common';
import { LockMode, type MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { IdempotencySchema } from '../db/entities';
import { ApiError, problemOf } from '../errors';
import { COMMANDS, type CommandResponse } from './command-registry';
import { purgeBlobIfUnheld } from './file-blobs';
import { LocalFileStore, type FileStore } from './file-store';
import type { CommandInput, CommandOutcome } from '../workflows/types';

export interface ActivityDeps {
  orm: MikroORM;
  files?: FileStore;
}

export function createActivities({ orm, files = new LocalFileStore(config.filesDir) }: ActivityDeps) {
  return {
    /**
     * Runs one command in one transaction: the entity, its events and the stored HTTP response commit
     * together. Idempotent: a retry after a commit finds the stored response and writes nothing.
     */
    async executeCommand(input: CommandInput): Promise<CommandOutcome> {
      return orm.em.fork().transactional(async (em) => {
        const record = await em.findOne(IdempotencySchema, { id: input.commandId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!record) throw ApplicationFailure.nonRetryable(`command ${input.commandId} has no stored request`, 'command_missing');
        if (record.state === 'completed') return { status: record.responseStatus ?? 500 };
        const handler = COMMANDS[record.operationId];
        if (!handler) throw ApplicationFailure.nonRetryable(`no command named ${record.operationId}`, 'command_unknown');
        const ctx = { workspaceId: record.workspace, requestId: record.request.requestId, seed: input.seed, now: new Date() };
        let response: CommandResponse;
        try {
          // a savepoint: a refused command leaves no partial write, yet its refusal is stored like any answer
          response = await em.transactional((tx) => handler(tx, ctx, record.request.params, (record.request.body ?? {}) as never));
        } catch (err) {
          if (!(err instanceof ApiError) || err.status >= 500) throw err;
          response = { status: err.status, body: problemOf(err.code, ctx.requestId, err.detail, err.extras) };
        }
        record.state = 'completed';
        record.responseStatus = response.status;
        record.responseBody = response.body;
        record.completedAt = new Date();
        await em.flush();
        return { status: response.status };
      });
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
