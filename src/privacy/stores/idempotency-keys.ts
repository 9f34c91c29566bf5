import { ApplicationFailure } from '@temporalio/common';
import { config } from '../../config';
import { sealedPurgeRequest } from '../subject-hash';
import type { PurgeStore } from '../types';
import { countOf, isEmpty, jsonNeedles, MENTIONS_JSON } from './match';

const MENTIONS = `(${MENTIONS_JSON('request::text')} or ${MENTIONS_JSON(`coalesce(response_body::text, '')`)})`;

/**
 * Stored requests and responses (replayed for 24 h) that name the subject are deleted; a retry with such a key runs
 * as a new request. A command about the subject that is still running would write after this stage, so the stage
 * fails (and Temporal retries it) until it has finished, and until the API has read its response to answer the
 * request that is waiting for it (answered_at; an answer never read, its API process gone, is given up after
 * COMMAND_ANSWER_GRACE_MS). A claim whose workflow never started is released before the stage runs (see
 * releaseStaleClaims), so a 503 or a crash between claim and start holds a purge up for STALE_CLAIM_MS at most. A purge request keeps its row with the identifier sealed
 * (see sealedPurgeRequest), so a retried purge still replays its 202.
 */
export const IDEMPOTENCY_STAGE = 'idempotency_keys';

export function idempotencyKeysStore(live: boolean): PurgeStore {
  return {
    name: IDEMPOTENCY_STAGE,
    async purge(em, subject) {
      if (isEmpty(subject)) return { cleared: 0 };
      const needles = jsonNeedles(subject);
      const purges = await em.execute<{ id: string; body: Record<string, unknown> | null }[]>(
        `select id, request->'body' as body from idempotency_keys where workspace_id = ? and operation_id = 'createPrivacyPurge' and ${MENTIONS}`,
        [subject.workspaceId, needles, needles],
      );
      for (const row of purges) {
        await em.execute(`update idempotency_keys set request = jsonb_set(request, '{body}', ?::jsonb) where id = ?`, [
          JSON.stringify(sealedPurgeRequest(subject.workspaceId, row.body ?? {})),
          row.id,
        ]);
      }
      const [running] = await em.execute<{ n: string }[]>(
        `select count(*) as n from idempotency_keys where workspace_id = ? and operation_id <> 'createPrivacyPurge'
           and (state = 'pending' or (answered_at is null and completed_at > now() - make_interval(secs => ?)))
           and ${MENTIONS}`,
        [subject.workspaceId, config.commandAnswerGraceMs / 1000, needles, needles],
      );
      // in a backup, a pending row is a snapshot of a command long finished or abandoned: it goes like the others
      if (live && Number(running.n) > 0) throw ApplicationFailure.retryable(`commands about the subject still running or not yet answered: ${running.n}`, 'purge_waits_for_commands');
      const deleted = await countOf(
        em,
        `delete from idempotency_keys where workspace_id = ? and (state = 'completed' or not ?) and operation_id <> 'createPrivacyPurge' and ${MENTIONS} returning 1`,
        [subject.workspaceId, live, needles, needles],
      );
      return { cleared: deleted + purges.length };
    },
  };
}
