import { queueMediaErasures } from '../../channels/whatsapp-media-erasures';
import type { FileStore } from '../../files/file-store';
import { blobIsHeld, lockBlob } from '../../files/file-blobs';
import type { PurgeStore } from '../types';
import { ids, IN_IDS, isEmpty, MENTIONS_TEXT, textNeedles } from './match';

/**
 * Files sent to or received from the subject (attached to their messages and to no other contact's), and files
 * whose name carries an identifier: the metadata row is deleted, then the blob, unless another live row (in any
 * workspace) or an upload in flight still holds the same bytes, and the file's uploads to WhatsApp are queued for
 * deletion at Meta. `blobs` is null when the store clears a backup, which holds rows but no bytes.
 */
export function filesStore(blobs: FileStore | null): PurgeStore {
  return {
    name: 'files',
    async purge(em, subject) {
      if (isEmpty(subject)) return { cleared: 0 };
      const rows = await em.execute<{ id: string; sha256: string }[]>(
        `select f.id, f.sha256 from files f
         where f.workspace_id = ?
           and ((f.id in (select file_id from messages where workspace_id = ? and contact_id in ${IN_IDS} and file_id is not null)
                 and not exists (select 1 from messages m where m.workspace_id = ? and m.file_id = f.id and m.contact_id not in ${IN_IDS}))
                or ${MENTIONS_TEXT('f.filename')})
         order by f.id
         for update`,
        [subject.workspaceId, subject.workspaceId, ids(subject), subject.workspaceId, ids(subject), textNeedles(subject)],
      );
      if (!rows.length) return { cleared: 0 };
      // their uploads to whatsapp_cloud channels are deleted at Meta too, after this commits (the purge waits for them)
      if (blobs) await queueMediaErasures(em, subject.workspaceId, rows.map((r) => r.id), new Date());
      await em.execute(`delete from files where id in (select jsonb_array_elements_text(?::jsonb))`, [JSON.stringify(rows.map((r) => r.id))]);
      if (blobs) {
        // under the blob's lock and inside this transaction: its own delete is visible, a concurrent upload's pin too
        for (const sha256 of [...new Set(rows.map((r) => r.sha256))].sort()) {
          await lockBlob(em, sha256);
          if (!(await blobIsHeld(em, sha256))) await blobs.delete(sha256);
        }
      }
      return { cleared: rows.length };
    },
  };
}
