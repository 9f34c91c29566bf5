import type { PurgeStore } from '../types';
import { ids, IN_IDS, isEmpty } from './match';

/** The subject's tag links: removed, and each tag's contact count lowered, so tag pages stay true. */
export const tagsStore: PurgeStore = {
  name: 'tags',
  async purge(em, subject) {
    if (isEmpty(subject)) return { cleared: 0 };
    const rows = await em.execute<{ id: string; tags: string[] }[]>(
      `select id, tags from contacts where workspace_id = ? and id in ${IN_IDS} and cardinality(tags) > 0 order by id for update`,
      [subject.workspaceId, ids(subject)],
    );
    let cleared = 0;
    for (const row of rows) {
      // only live contacts count towards a tag
      await em.execute(
        `update tags set contact_count = greatest(contact_count - 1, 0), updated_at = now()
         where workspace_id = ? and name in (select jsonb_array_elements_text(?::jsonb))
           and exists (select 1 from contacts where id = ? and deleted_at is null)`,
        [subject.workspaceId, JSON.stringify(row.tags), row.id],
      );
      await em.execute(`update contacts set tags = '{}' where id = ?`, [row.id]);
      cleared += row.tags.length;
    }
    return { cleared };
  },
};
