import type { PurgeStore } from '../types';
import { countOf, ids, IN_IDS, isEmpty, jsonNeedles, MENTIONS_JSON } from './match';

/**
 * A bulk job keeps each item as sent and its result. An item about the subject (its result is one of their
 * contacts, or its input or error names an identifier) keeps its index, status and result id; its input becomes
 * `{"purged": true}` and its error keeps only its code.
 */
export const bulkJobItemsStore: PurgeStore = {
  name: 'bulk_job_items',
  async purge(em, subject) {
    if (isEmpty(subject)) return { cleared: 0 };
    return {
      cleared: await countOf(
        em,
        `update bulk_job_items i
           set input = '{"purged": true}'::jsonb,
               error = case when i.error is null then null else jsonb_build_object('type', i.error->'type', 'title', i.error->'title',
                 'status', i.error->'status', 'code', i.error->'code', 'detail', 'Removed by a privacy purge', 'request_id', i.error->'request_id') end
         from bulk_jobs j
         where j.id = i.job_id and j.workspace_id = ? and i.input <> '{"purged": true}'::jsonb
           and (i.result_id in ${IN_IDS} or ${MENTIONS_JSON('i.input::text')} or ${MENTIONS_JSON(`coalesce(i.error::text, '')`)})
         returning 1`,
        [subject.workspaceId, ids(subject), jsonNeedles(subject), jsonNeedles(subject)],
      ),
    };
  },
};
