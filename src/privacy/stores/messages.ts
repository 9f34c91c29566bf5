import type { PurgeStore } from '../types';
import { countOf, ids, IN_IDS, isEmpty, phonePatterns } from './match';

/** The subject's conversations and every message in them, inbound and outbound: deleted, bodies and all. */
export const messagesStore: PurgeStore = {
  name: 'conversations_and_messages',
  async purge(em, subject) {
    if (isEmpty(subject)) return { cleared: 0 };
    const params = [subject.workspaceId, ids(subject)];
    const messages = await countOf(em, `delete from messages where workspace_id = ? and contact_id in ${IN_IDS} returning 1`, params);
    const conversations = await countOf(em, `delete from conversations where workspace_id = ? and contact_id in ${IN_IDS} returning 1`, params);
    // other conversations' messages may name the subject's number, written any common way: redacted in place
    // (updated_at moves, so a sync of the messages sees the redaction)
    let redacted = 0;
    for (const pattern of phonePatterns(subject)) {
      redacted += await countOf(
        em,
        `update messages set text = regexp_replace(text, ?, '[redacted]', 'g'), updated_at = now() where workspace_id = ? and text ~ ? returning 1`,
        [pattern, subject.workspaceId, pattern],
      );
    }
    return { cleared: messages + conversations + redacted };
  },
};
