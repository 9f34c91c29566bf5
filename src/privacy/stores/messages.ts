import type { PurgeStore } from '../types';
import { countOf, ids, IN_IDS, isEmpty } from './match';

/** The subject's conversations and every message in them, inbound and outbound: deleted, bodies and all. */
export const messagesStore: PurgeStore = {
  name: 'conversations_and_messages',
  async purge(em, subject) {
    if (isEmpty(subject)) return { cleared: 0 };
    const params = [subject.workspaceId, ids(subject)];
    const messages = await countOf(em, `delete from messages where workspace_id = ? and contact_id in ${IN_IDS} returning 1`, params);
    const conversations = await countOf(em, `delete from conversations where workspace_id = ? and contact_id in ${IN_IDS} returning 1`, params);
    return { cleared: messages + conversations };
  },
};
