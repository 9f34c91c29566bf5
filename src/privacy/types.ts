import type { EntityManager } from '@mikro-orm/postgresql';

/** Whose personal data a purge removes: a workspace's contacts, and the phones and emails they were known by. */
export type PurgeSubject = { workspaceId: string; contactIds: string[]; phones: string[]; emails: string[] };

/** One store a purge clears of a subject, in the purge's transaction; `cleared` counts what it changed. */
export type PurgeStore = { name: string; purge(em: EntityManager, subject: PurgeSubject): Promise<{ cleared: number }> };
