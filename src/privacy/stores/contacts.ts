import { CONTACT_TEXT_FIELDS } from '../../db/entities';
import type { PurgeStore } from '../types';
import { countOf, ids, IN_IDS, isEmpty } from './match';

/**
 * Contacts are anonymised, not deleted: the row stays as a deleted tombstone (id and timestamps only) so an
 * `updated_since` sync learns of the delete and orders keep a valid contact id. Every personal field is erased:
 * phone, email, the text fields (names), external id, attributes, tags, consent times and their source. Other contacts are not touched.
 */
// the identifiers and every text field
const PERSONAL_COLUMNS = ['phone', 'email', ...CONTACT_TEXT_FIELDS.map((f) => f.column), 'external_id'];

export const contactsStore: PurgeStore = {
  name: 'contacts',
  async purge(em, subject) {
    if (isEmpty(subject)) return { cleared: 0 };
    return {
      cleared: await countOf(
        em,
        `update contacts set ${PERSONAL_COLUMNS.map((c) => `${c} = null`).join(', ')},
           attributes = '{}'::jsonb, tags = '{}', opted_in_at = null, opted_out_at = null, consent_source = null,
           deleted_at = coalesce(deleted_at, now()), version = version + 1, updated_at = now()
         where workspace_id = ? and id in ${IN_IDS}
           and (${PERSONAL_COLUMNS.map((c) => `${c} is not null`).join(' or ')}
                or attributes <> '{}'::jsonb or cardinality(tags) > 0 or consent_source is not null or deleted_at is null)
         returning 1`,
        [subject.workspaceId, ids(subject)],
      ),
    };
  },
};
