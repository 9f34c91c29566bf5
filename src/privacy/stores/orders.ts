import type { PurgeStore } from '../types';
import { countOf, ids, IN_IDS, isEmpty, jsonNeedles, MENTIONS_JSON } from './match';

/**
 * Orders stay on the books (amounts, items, statuses) but lose their personal fields. The orders schema has no
 * address or name columns: personal data can only sit in `metadata` (shipping address, recipient, notes), which is
 * emptied on the subject's orders and on any other order whose metadata names the subject.
 */
export const ordersStore: PurgeStore = {
  name: 'orders',
  async purge(em, subject) {
    if (isEmpty(subject)) return { cleared: 0 };
    return {
      cleared: await countOf(
        em,
        `update orders set metadata = '{}'::jsonb, version = version + 1, updated_at = now()
         where workspace_id = ? and metadata <> '{}'::jsonb and (contact_id in ${IN_IDS} or ${MENTIONS_JSON('metadata::text')})
         returning 1`,
        [subject.workspaceId, ids(subject), jsonNeedles(subject)],
      ),
    };
  },
};
