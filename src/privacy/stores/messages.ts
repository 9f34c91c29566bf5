import type { PurgeStore } from '../types';
import { countOf, ids, IN_IDS, isEmpty, phonePatterns } from './match';

// a message's JSON columns that carry what was sent, and their types
const REDACTED_JSON: [string, 'json' | 'jsonb'][] = [
  ['parameters', 'json'],
  ['template_arguments', 'jsonb'],
  ['interactive', 'jsonb'],
  ['media_link', 'jsonb'],
];

/** The subject's conversations and every message in them, inbound and outbound: deleted, bodies and all. */
export const messagesStore: PurgeStore = {
  name: 'conversations_and_messages',
  async purge(em, subject) {
    if (isEmpty(subject)) return { cleared: 0 };
    const params = [subject.workspaceId, ids(subject)];
    const messages = await countOf(em, `delete from messages where workspace_id = ? and contact_id in ${IN_IDS} returning 1`, params);
    const conversations = await countOf(em, `delete from conversations where workspace_id = ? and contact_id in ${IN_IDS} returning 1`, params);
    // other conversations' messages may name the subject's number, written any common way, in their text or in what
    // was sent beside it (template values, interactive texts, a link): redacted in place (updated_at moves, so a sync
    // of the messages sees the redaction). A pattern matches digits and separators only, so a JSON value stays JSON.
    let redacted = 0;
    for (const pattern of phonePatterns(subject)) {
      redacted += await countOf(
        em,
        `with p as (select ?::text as re)
         update messages m set
           text = case when m.text ~ p.re then regexp_replace(m.text, p.re, '[redacted]', 'g') else m.text end,
           ${REDACTED_JSON.map(([column, type]) => `${column} = case when m.${column}::text ~ p.re then regexp_replace(m.${column}::text, p.re, '[redacted]', 'g')::${type} else m.${column} end`).join(', ')},
           updated_at = now()
         from p
         where m.workspace_id = ? and (m.text ~ p.re or ${REDACTED_JSON.map(([column]) => `m.${column}::text ~ p.re`).join(' or ')})
         returning 1`,
        [pattern, subject.workspaceId],
      );
    }
    return { cleared: messages + conversations + redacted };
  },
};
