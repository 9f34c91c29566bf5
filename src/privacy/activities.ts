import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { logger } from '../logger';
import { temporalClient } from '../engine/temporal';
import { listBackups, pruneBackups, rewriteBackupForPurge, takeBackup } from './backups';
import { liftFence } from './fence';
import { findPurge, MAX_PURGE_PASSES, setStage, updatePurge, type PurgeBackup } from './purges';
import { BACKUPS_STAGE, FILES_STAGE, purgeStores, TEMPORAL_STAGE } from './stores';
import { drainMediaErasures, MEDIA_ERASURES_PER_DRAIN } from '../channels/whatsapp-media-erasures';
import { releaseStaleClaims } from './stale-claims';
import { IDEMPOTENCY_STAGE } from './stores/idempotency-keys';
import { purgeTemporalHistories, type TemporalCheckpoint } from './stores/temporal';
import type { FileStore } from '../files/file-store';

const DAY_MS = 24 * 3600 * 1000;

/** The purge workflow's steps and the backup schedule's; inputs and results are ids and counts only. */
export function createPrivacyActivities(orm: MikroORM, files: FileStore) {
  const stores = purgeStores(files);
  let temporal: ReturnType<typeof temporalClient> | undefined;

  return {
    async listPurgeStages(): Promise<{ stages: string[]; maxPasses: number }> {
      return { stages: stores.map((s) => s.name), maxPasses: MAX_PURGE_PASSES };
    },

    /**
     * One store in one pass, in one transaction with the pass's record: a retry after the commit finds the count
     * recorded and clears nothing twice. A sealed purge (subject erased) has nothing left to clear.
     */
    async runPurgePass(input: { purgeId: string; pass: number; stage: string }): Promise<{ cleared: number }> {
      const store = stores.find((s) => s.name === input.stage);
      if (!store) throw ApplicationFailure.nonRetryable(`no purge store ${input.stage}`, 'purge_store_unknown');
      let cleared = 0;
      if (input.stage === IDEMPOTENCY_STAGE) {
        // a claim left by a 503 or a crash before its workflow started would hold the stage forever
        const purge = await findPurge(orm.em.fork(), input.purgeId);
        temporal ??= temporalClient();
        if (purge?.subject) await releaseStaleClaims(orm.em.fork(), temporal.client, { workspaceId: purge.workspaceId });
      }
      try {
        await updatePurge(orm, input.purgeId, async (purge, em) => {
          if (!purge.subject) return;
          const now = new Date().toISOString();
          let record = purge.passes.find((p) => p.pass === input.pass);
          if (!record) {
            record = { pass: input.pass, cleared: {}, started_at: now, finished_at: null };
            purge.passes.push(record);
          }
          if (record.cleared[input.stage] !== undefined) {
            cleared = record.cleared[input.stage];
            return;
          }
          ({ cleared } = await store.purge(em, purge.subject));
          record.cleared[input.stage] = cleared;
          if (stores.every((s) => record.cleared[s.name] !== undefined)) record.finished_at = now;
          setStage(purge, input.stage, 'cleared', cleared);
        });
      } catch (err) {
        // the stage shows what it waits for until a retry finds it clear
        if (err instanceof ApplicationFailure && err.type === 'purge_waits_for_commands') {
          await updatePurge(orm, input.purgeId, (p) => setStage(p, input.stage, 'waiting', 0, err.message));
        }
        throw err;
      }
      return { cleared };
    },

    /**
     * After the passes: the purged files' uploads to WhatsApp deleted at Meta (of the purge's workspace). The files
     * stage waits, saying how many are left, until none is; each upload is tried a bounded number of times.
     */
    async erasePurgedMedia(input: { purgeId: string }): Promise<{ left: number; recheckMs: number }> {
      const purge = await findPurge(orm.em.fork(), input.purgeId);
      if (!purge) throw ApplicationFailure.nonRetryable(`no purge ${input.purgeId}`, 'purge_missing');
      const drain = await drainMediaErasures(orm, { workspaceId: purge.workspaceId, limit: MEDIA_ERASURES_PER_DRAIN });
      const files = purge.stages.find((s) => s.name === FILES_STAGE);
      if (drain.left > 0 || files?.status === 'waiting') {
        await updatePurge(orm, input.purgeId, (p) => {
          if (drain.left > 0) setStage(p, FILES_STAGE, 'waiting', 0, `uploads at WhatsApp not yet deleted: ${drain.left}`);
          else setStage(p, FILES_STAGE, 'cleared', 0);
        });
      }
      const recheckMs = drain.nextAttemptAt ? Math.min(Math.max(drain.nextAttemptAt.getTime() - Date.now(), 1000), 5 * 60_000) : 0;
      return { left: drain.left, recheckMs };
    },

    /**
     * The passes still found the subject after the bound: a writer got past the fence. The purge says so (`failed`)
     * instead of looping or claiming completion; the fence and the subject stay, so nothing more is written for them.
     */
    async failPurge(input: { purgeId: string }): Promise<void> {
      await updatePurge(orm, input.purgeId, (purge) => {
        if (purge.status === 'running') purge.status = 'failed';
      });
      logger.error({ purge_id: input.purgeId }, 'purge passes still found the subject after the last pass');
    },

    /**
     * Searches the workspace's workflow histories for the subject and deletes any that hold it. The stage is
     * `waiting` while a scan still finds one (the server deletes closed executions asynchronously); the workflow
     * scans again on a timer until none is found. Only the first round counts the histories deleted.
     */
    async purgeTemporalHistories(input: { purgeId: string; workflowId: string; round: number }): Promise<{ found: number; recheckMs: number }> {
      const purge = await findPurge(orm.em.fork(), input.purgeId);
      if (!purge?.subject) return { found: 0, recheckMs: config.purges.temporalRecheckMs };
      temporal ??= temporalClient();
      // a retry goes on from the last page it finished (heartbeat details), not from the first
      const { heartbeatDetails } = Context.current().info;
      const from = (heartbeatDetails as TemporalCheckpoint | undefined) ?? undefined;
      const scan = await purgeTemporalHistories(temporal.client, purge.subject, input.workflowId, {
        from,
        checkpoint: (at) => Context.current().heartbeat(at),
      });
      await updatePurge(orm, input.purgeId, (p) =>
        setStage(p, TEMPORAL_STAGE, scan.found ? 'waiting' : 'cleared', input.round === 0 ? scan.deleted : 0, `workflow histories being deleted: ${scan.found}`),
      );
      return { found: scan.found, recheckMs: config.purges.temporalRecheckMs };
    },

    /**
     * The live stores are clear: the subject's identifiers are erased (only their keyed hashes stay), and every
     * backup taken until now is listed as pending, due when it is rewritten or at the latest when it expires.
     */
    async sealPurge(input: { purgeId: string }): Promise<{ recheckMs: number; deadlineMs: number }> {
      const backups = await listBackups(config.backups.dir);
      await updatePurge(orm, input.purgeId, async (purge, em) => {
        if (purge.sealedAt) return;
        // the live stores are clear: the person may be written again (a new contact); restores re-apply the purge by its hashes
        await liftFence(em, purge.id);
        const now = new Date();
        purge.subject = null;
        purge.sealedAt = now;
        const deadline = now.getTime() + config.purges.backupDeadlineMs;
        purge.backups = backups
          .filter((b) => Date.parse(b.taken_at) <= now.getTime())
          .map(
            (b): PurgeBackup => ({
              id: b.id,
              taken_at: b.taken_at,
              due_at: new Date(Math.min(deadline, Date.parse(b.taken_at) + config.backups.retentionDays * DAY_MS)).toISOString(),
              status: 'pending',
              cleared_at: null,
            }),
          );
        purge.status = 'waiting_for_backups';
        setStage(purge, BACKUPS_STAGE, 'waiting', 0, `backups not yet rewritten: ${purge.backups.length}`);
      });
      return { recheckMs: config.purges.backupRecheckMs, deadlineMs: config.purges.backupDeadlineMs };
    },

    /** Rewrites every pending backup it can; a backup pruned meanwhile has expired. Completes the purge when none is left. */
    async cleanPurgeBackups(input: { purgeId: string }): Promise<{ pending: number }> {
      const purge = await findPurge(orm.em.fork(), input.purgeId);
      if (!purge) throw ApplicationFailure.nonRetryable(`no purge ${input.purgeId}`, 'purge_missing');
      const outcomes = new Map<string, string>();
      for (const b of purge.backups.filter((x) => x.status === 'pending')) {
        // a failure leaves the backup pending for the next timer; only its kind is logged (messages can hold row data)
        const outcome = await rewriteBackupForPurge(orm, config.backups.dir, b.id, purge.id).catch((err: Error & { code?: string }) => {
          logger.warn({ purge_id: purge.id, backup_id: b.id, error: err.name, code: err.code }, 'backup rewrite failed; retried on the next timer');
          return 'failed';
        });
        outcomes.set(b.id, outcome);
      }
      const done = await updatePurge(orm, input.purgeId, (p) => {
        const now = new Date().toISOString();
        let cleared = 0;
        for (const b of p.backups) {
          const outcome = outcomes.get(b.id);
          if (b.status !== 'pending' || !outcome) continue;
          if (outcome === 'cleared') b.status = 'cleared';
          else if (outcome === 'missing') b.status = 'expired';
          else if (outcome === 'discarded') b.status = 'discarded';
          else continue;
          b.cleared_at = now;
          cleared++;
        }
        const pending = p.backups.filter((b) => b.status === 'pending').length;
        setStage(p, BACKUPS_STAGE, pending ? 'waiting' : 'cleared', cleared, `backups not yet rewritten: ${pending}`);
        if (!pending && p.status !== 'completed') {
          p.status = 'completed';
          p.completedAt = new Date();
        }
      });
      return { pending: done.backups.filter((b) => b.status === 'pending').length };
    },

    async takeBackup(): Promise<{ backupId: string }> {
      const m = await takeBackup(orm, config.backups.dir);
      return { backupId: m.id };
    },

    async pruneBackups(): Promise<{ pruned: number }> {
      return { pruned: (await pruneBackups(config.backups.dir, config.backups.retentionDays)).length };
    },
  };
}
