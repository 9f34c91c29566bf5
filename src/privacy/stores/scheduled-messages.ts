import type { PurgeStore } from '../types';
import { countOf, ids, IN_IDS } from './match';

/**
 * The subject's scheduled messages are cancelled (reason `subject_being_purged`) before anything else is cleared:
 * their channel's sender never releases them, and a timer of the previous release that fires during the purge finds
 * its message no longer scheduled and sends nothing. No `message.cancelled` event: the events store deletes every
 * event about the subject anyway, and the messages store then deletes these messages with the rest.
 */
export const scheduledMessagesStore: PurgeStore = {
  name: 'scheduled_messages',
  async purge(em, subject) {
    if (!subject.contactIds.length) return { cleared: 0 };
    return {
      cleared: await countOf(
        em,
        `update messages set status = 'cancelled', cancelled_at = now(), failure_reason = 'subject_being_purged', next_attempt_at = null, version = version + 1, updated_at = now()
         where workspace_id = ? and status = 'scheduled' and contact_id in ${IN_IDS}
         returning 1`,
        [subject.workspaceId, ids(subject)],
      ),
    };
  },
};
