import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { FileStore } from './file-store';

// Blobs are shared by every file row with the same sha256, in any workspace. A blob is deleted only under a
// per-sha256 advisory lock, and only when no live row references it and no upload pins it. An upload pins its
// blob (same lock) before the blob becomes visible, and keeps the pin until its command has answered, so a
// delete of identical content racing an upload can never take the bytes a new row is about to reference.

/** How long a pin outlives a request that could not tell whether its command finished (503, crash). */
export const PIN_TTL_HOURS = 24;

export async function lockBlob(em: EntityManager, sha256: string): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`file_blob:${sha256}`]);
}

/** True when a live row or an unexpired pin holds the blob; call under lockBlob. */
export async function blobIsHeld(em: EntityManager, sha256: string): Promise<boolean> {
  const [row] = await em.execute<{ held: boolean }[]>(
    `select exists (select 1 from files where sha256 = ? and deleted_at is null)
         or exists (select 1 from file_blob_pins where sha256 = ? and expires_at > now()) as held`,
    [sha256, sha256],
  );
  return row.held;
}

export async function pinBlob(orm: MikroORM, sha256: string): Promise<string> {
  const id = randomUUID();
  await orm.em.fork().transactional(async (em) => {
    await lockBlob(em, sha256);
    await em.execute(`insert into file_blob_pins (id, sha256, expires_at) values (?, ?, now() + make_interval(hours => ?))`, [id, sha256, PIN_TTL_HOURS]);
  });
  return id;
}

/** Deletes the blob when nothing holds it. The unlink happens inside the lock, so no pin can slip in between. */
export async function purgeBlobIfUnheld(orm: MikroORM, store: FileStore, sha256: string, dropPinId?: string): Promise<boolean> {
  return orm.em.fork().transactional(async (em) => {
    await lockBlob(em, sha256);
    if (dropPinId) await em.execute(`delete from file_blob_pins where id = ?`, [dropPinId]);
    if (await blobIsHeld(em, sha256)) return false;
    await store.delete(sha256);
    return true;
  });
}

export function releasePin(orm: MikroORM, store: FileStore, pinId: string, sha256: string): Promise<boolean> {
  return purgeBlobIfUnheld(orm, store, sha256, pinId);
}

/** Pins left by requests that never learnt their command's outcome: drop them, and their blob if unheld. */
export async function sweepExpiredPins(orm: MikroORM, store: FileStore, batch = 100): Promise<number> {
  const rows = await orm.em
    .getConnection()
    .execute<{ id: string; sha256: string }[]>(`select id, sha256 from file_blob_pins where expires_at < now() order by expires_at limit ?`, [batch]);
  for (const row of rows) await releasePin(orm, store, row.id, row.sha256);
  return rows.length;
}
