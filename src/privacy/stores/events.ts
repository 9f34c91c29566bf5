import type { PurgeStore } from '../types';
import { countOf, isEmpty } from './match';
import { SUBJECT_EVENTS, subjectEventParams } from './webhook-deliveries';

/**
 * Events about the subject are deleted: their `data` is a snapshot of the object (a contact's phone, a message's
 * text and contact id, an order's metadata). Deliveries still pointing at them (written since the webhook stage)
 * go first, so the foreign key never blocks the stage.
 */
export const eventsStore: PurgeStore = {
  name: 'events',
  async purge(em, subject) {
    if (isEmpty(subject)) return { cleared: 0 };
    const params = subjectEventParams(subject);
    const deliveries = `select id from webhook_deliveries where event_id in (${SUBJECT_EVENTS})`;
    await em.execute(`delete from webhook_attempts where delivery_id in (${deliveries})`, params);
    await em.execute(`delete from webhook_deliveries where id in (${deliveries})`, params);
    return { cleared: await countOf(em, `delete from events where id in (${SUBJECT_EVENTS}) returning 1`, params) };
  },
};
