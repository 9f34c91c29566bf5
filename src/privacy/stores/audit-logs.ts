import type { PurgeStore } from '../types';

/**
 * Audit records stay (what was done, by which key, to which object ids, when), but any personal value of the subject
 * that reached a record's details is removed with the details. PII-read records hold field names, never values.
 */
export const auditLogStore: PurgeStore = {
  name: 'audit_logs',
  async purge(em, subject) {
    const needles = [...subject.phones, ...subject.emails].map((v) => v.toLowerCase()).filter(Boolean);
    if (!needles.length) return { cleared: 0 };
    const res = await em.getConnection().execute<{ affectedRows: number }>(
      `update audit_logs set details = '{"redacted": true}'::jsonb
       where workspace_id = ? and details is not null and (${needles.map(() => 'strpos(lower(details::text), ?) > 0').join(' or ')})`,
      [subject.workspaceId, ...needles],
      'run',
      em.getTransactionContext(),
    );
    return { cleared: res.affectedRows };
  },
};
