import type { PurgeStore } from '../types';
import { countOf, ids, IN_IDS } from './match';

/**
 * The subject's running flow runs end, failed with reason `subject_being_purged`: a run waiting on a timer would
 * otherwise wake after the fence is lifted and act on a tombstone. The run's workflow sees the run ended at its next
 * step and stops. No `flow_run.failed` event: the events store deletes every event about the subject anyway.
 * Runs and their steps carry ids only, so ended ones stay as they are.
 */
export const flowRunsStore: PurgeStore = {
  name: 'flow_runs',
  async purge(em, subject) {
    if (!subject.contactIds.length) return { cleared: 0 };
    return {
      cleared: await countOf(
        em,
        `update flow_runs set status = 'failed', failure_reason = 'subject_being_purged', finished_at = now(), updated_at = now()
         where workspace_id = ? and status = 'running' and contact_id in ${IN_IDS}
         returning 1`,
        [subject.workspaceId, ids(subject)],
      ),
    };
  },
};
