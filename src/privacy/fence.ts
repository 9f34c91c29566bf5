import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiError } from '../errors';
import { identifierHash, type IdentifierKind } from './subject-hash';

/**
 * The purge fence. A purge first marks its subject (the keyed hashes of its contact ids, phones and emails, never the
 * identifiers) in `privacy_fences`; every writer then refuses that subject with `409 subject_being_purged`.
 *
 * Check and commit cannot be split: writers hold a shared advisory lock on the workspace's fence key until their
 * transaction ends, and the purge takes the same key exclusively to insert its fence. So the fence commits only after
 * every writer that could have missed it has committed (the purge's first pass sees those writes), and every writer
 * that starts later sees it. Writers take the lock before any row lock of theirs, so the two never wait in a cycle.
 */

const FENCE_KEY = `hashtextextended('privacy-fence:' || ?, 0::bigint)`;

/** What a write names of a person: the contact it touches and the identifiers it writes or looks them up by. */
export interface SubjectRefs {
  contactIds?: (string | null | undefined)[];
  phones?: (string | null | undefined)[];
  emails?: (string | null | undefined)[];
}

function hashesOf(workspaceId: string, refs: SubjectRefs): string[] {
  const out: string[] = [];
  const add = (kind: IdentifierKind, values: (string | null | undefined)[] | undefined) => {
    for (const v of values ?? []) if (typeof v === 'string' && v.trim()) out.push(identifierHash(workspaceId, kind, v));
  };
  add('contact_id', refs.contactIds);
  add('phone', refs.phones);
  add('email', refs.emails);
  return out;
}

export function subjectBeingPurged(contactId?: string, pointer?: string): ApiError {
  // no identifier in the message: the refusal is stored as the command's answer and may reach logs and webhooks
  const message = contactId ? `Contact ${contactId} is being purged; nothing more is written for it` : 'This person is being purged; nothing more is written for them';
  return new ApiError('subject_being_purged', message, pointer ? { errors: [{ pointer, code: 'subject_being_purged', message }] } : {});
}

/** The workspace's fence as one writer transaction sees it: the shared lock is held until that transaction ends. */
export interface Fence {
  isFenced(refs: SubjectRefs): boolean;
  /** Throws `409 subject_being_purged` when the write names a fenced subject. */
  refuse(refs: SubjectRefs, pointer?: string): void;
}

// The fence a command's transaction took before its first row lock, for the rest of that transaction: the shared
// lock is held until it ends, so no purge can add a fence meanwhile and a second look would read nothing new.
const heldFence = new AsyncLocalStorage<{ workspaceId: string; fence: Fence }>();

/**
 * Takes the workspace's fence lock (shared) and reads the subjects being purged (usually none). Cheap enough for every
 * write; a transaction may call it more than once. Inside `withHeldFence` it answers with the fence already held.
 */
export async function holdFence(em: EntityManager, workspaceId: string): Promise<Fence> {
  const held = heldFence.getStore();
  if (held?.workspaceId === workspaceId) return held.fence;
  await em.execute(`select pg_advisory_xact_lock_shared(${FENCE_KEY})`, [workspaceId]);
  const rows = await em.execute<{ subject_hash: string }[]>(`select distinct subject_hash from privacy_fences where workspace_id = ?`, [workspaceId]);
  const fenced = new Set(rows.map((r) => r.subject_hash));
  const isFenced = (refs: SubjectRefs) => fenced.size > 0 && hashesOf(workspaceId, refs).some((h) => fenced.has(h));
  return {
    isFenced,
    refuse(refs, pointer) {
      if (isFenced(refs)) throw subjectBeingPurged(refs.contactIds?.find((c): c is string => typeof c === 'string'), pointer);
    },
  };
}

/**
 * Runs the rest of a transaction that holds the workspace's fence (taken by `holdFence` at its top level, not inside a
 * savepoint that could roll the lock back) with that fence known: the checks inside read no statement again.
 */
export function withHeldFence<T>(workspaceId: string, fence: Fence, work: () => Promise<T>): Promise<T> {
  return heldFence.run({ workspaceId, fence }, work);
}

/** The one check every single write makes: refuses a fenced subject, in the writer's own transaction. */
export async function guardSubject(em: EntityManager, workspaceId: string, refs: SubjectRefs, pointer?: string): Promise<void> {
  (await holdFence(em, workspaceId)).refuse(refs, pointer);
}

/**
 * The purge's side: waits for every writer of the workspace in flight to commit, then marks the subject. Runs in the
 * purge command's transaction, before the subject is resolved, so the subject it resolves is the one writers left.
 */
export async function lockFenceExclusive(em: EntityManager, workspaceId: string): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(${FENCE_KEY})`, [workspaceId]);
}

export async function insertFence(em: EntityManager, workspaceId: string, purgeId: string, hashes: string[], now: Date): Promise<void> {
  await em.execute(
    `insert into privacy_fences (workspace_id, subject_hash, purge_id, created_at)
     select ?, h, ?, ? from jsonb_array_elements_text(?::jsonb) as t(h) on conflict do nothing`,
    [workspaceId, purgeId, now, JSON.stringify(hashes)],
  );
}

/** True when a command's answer (or one of its bulk items') is a refusal for a subject being purged. */
export function refusedForPurge(body: unknown): boolean {
  return body !== null && typeof body === 'object' && JSON.stringify(body).includes('"subject_being_purged"');
}

/** Lifts a purge's fence (the live stores are clear); another purge's fence on the same subject stays. */
export async function liftFence(em: EntityManager, purgeId: string): Promise<void> {
  await em.execute(`delete from privacy_fences where purge_id = ?`, [purgeId]);
}
