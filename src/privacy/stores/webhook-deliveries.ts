import type { PurgeStore } from '../types';
import { countOf, ids, IN_IDS, isEmpty, jsonNeedles, MENTIONS_JSON, MENTIONS_TEXT, textNeedles } from './match';

/** The events about the subject (shared with the events store): by object id, or naming an identifier in their data. */
export const SUBJECT_EVENTS = `select id from events where workspace_id = ? and (object_id in ${IN_IDS}
  or ${MENTIONS_JSON('data::text')} or ${MENTIONS_JSON(`coalesce(previous_attributes::text, '')`)})`;
export const subjectEventParams = (subject: Parameters<PurgeStore['purge']>[1]) => [subject.workspaceId, ids(subject), jsonNeedles(subject), jsonNeedles(subject)];

/**
 * Deliveries of the subject's events go, with their attempts (each attempt kept what the receiver answered); an
 * attempt of any other delivery whose stored response names the subject loses its response headers and body.
 */
export const webhookDeliveriesStore: PurgeStore = {
  name: 'webhook_deliveries',
  async purge(em, subject) {
    if (isEmpty(subject)) return { cleared: 0 };
    const deliveries = `select id from webhook_deliveries where workspace_id = ? and event_id in (${SUBJECT_EVENTS})`;
    const params = [subject.workspaceId, ...subjectEventParams(subject)];
    await em.execute(`delete from webhook_attempts where delivery_id in (${deliveries})`, params);
    const deleted = await countOf(em, `delete from webhook_deliveries where id in (${deliveries}) returning 1`, params);
    const scrubbed = await countOf(
      em,
      `update webhook_attempts set response_body = null, response_headers = null
       where delivery_id in (select id from webhook_deliveries where workspace_id = ?)
         and (${MENTIONS_TEXT(`coalesce(response_body, '')`)} or ${MENTIONS_JSON(`coalesce(response_headers::text, '')`)})
       returning 1`,
      [subject.workspaceId, textNeedles(subject), jsonNeedles(subject)],
    );
    return { cleared: deleted + scrubbed };
  },
};
