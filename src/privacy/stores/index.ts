import type { FileStore } from '../../files/file-store';
import type { PurgeStageName, PurgeStore } from '../types';
import { auditLogStore } from './audit-logs';
import { bulkJobItemsStore } from './bulk-job-items';
import { contactsStore } from './contacts';
import { eventsStore } from './events';
import { filesStore } from './files';
import { flowRunsStore } from './flow-runs';
import { idempotencyKeysStore } from './idempotency-keys';
import { messagesStore } from './messages';
import { ordersStore } from './orders';
import { scheduledMessagesStore } from './scheduled-messages';
import { tagsStore } from './tags';
import { webhookDeliveriesStore } from './webhook-deliveries';

/**
 * Every PostgreSQL store of personal data, in the order a purge clears them: the subject's running flow runs end
 * and its scheduled messages are cancelled first (no step or timer of theirs acts after the purge), deliveries before the events they
 * point at, files before the messages that name them, tag counters before the contact loses its tags, the contact
 * last (the others find the subject's rows through it). `blobs` is null when a copy (a backup being rewritten or
 * restored) is cleared rather than the live database.
 */
export function purgeStores(blobs: FileStore | null): PurgeStore[] {
  return [
    flowRunsStore,
    scheduledMessagesStore,
    webhookDeliveriesStore,
    eventsStore,
    filesStore(blobs),
    messagesStore,
    ordersStore,
    bulkJobItemsStore,
    idempotencyKeysStore(blobs !== null),
    tagsStore,
    auditLogStore,
    contactsStore,
  ];
}

/** The files store's stage, which also waits for the files' uploads to WhatsApp to be deleted at Meta. */
export const FILES_STAGE: PurgeStageName = 'files';

/** Stages beyond PostgreSQL, run by the purge workflow after the stores above. */
export const TEMPORAL_STAGE: PurgeStageName = 'temporal';
export const BACKUPS_STAGE: PurgeStageName = 'backups';

export function stageNames(): PurgeStageName[] {
  return [...purgeStores(null).map((s) => s.name), TEMPORAL_STAGE, BACKUPS_STAGE];
}
