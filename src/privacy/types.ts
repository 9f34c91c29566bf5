import type { EntityManager } from '@mikro-orm/postgresql';
import type { Schema } from '../types/wire';

/** Whom a purge removes: the contacts it resolved to and every phone and email they carried (or the purge named). */
export interface PurgeSubject {
  workspaceId: string;
  contactIds: string[];
  phones: string[];
  emails: string[];
}

/**
 * One store of personal data. `purge` runs inside the stage's transaction, is idempotent (a second run clears
 * nothing more and counts 0) and touches the caller's workspace only. Table names are unqualified so the same
 * code clears a backup loaded into temporary tables.
 */
export interface PurgeStore {
  name: PurgeStageName;
  purge(em: EntityManager, subject: PurgeSubject): Promise<{ cleared: number }>;
}

export type PurgeMatchField = 'contact_id' | 'phone' | 'email';

/** The stores a purge clears, by the names the spec gives its stages. */
export type PurgeStageName = Schema<'PrivacyPurgeStage'>['name'];
