// Uploads of a deleted or purged file are deleted at Meta too: Meta would otherwise keep them for 30 days after the
// upload. They are queued (whatsapp_media_erasures) in the transaction that deletes the file and drained here, by the
// deleteFile workflow, the purge workflow and every worker's sweep; a drain claims its rows, so two never call twice.
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ChannelSchema, type Channel } from '../db/entities';
import { exec } from '../db/exec';
import { logger } from '../logger';
import { whatsappClientFor } from './providers';
import { WhatsAppCloudError } from './whatsapp-cloud/errors';

// Meta drops an upload 30 days after it: an older one needs no deletion
const META_KEEPS_MS = 30 * 24 * 3600 * 1000;
// a failed deletion is tried again after 2 s, 4 s … (at most 5 min); after this many, Meta's own 30 days are left to it
export const ERASE_MAX_ATTEMPTS = 10;
const ERASE_RETRY_MAX_MS = 5 * 60_000;
// a drain's calls are one at a time, each bounded by the client's timeout: this many fit well within an activity
export const MEDIA_ERASURES_PER_DRAIN = 20;
// a claimed row is another drain's for this long (longer than a call may take)
const CLAIM_MS = 60_000;

const retryDelayMs = (attempts: number) => Math.min(1000 * 2 ** attempts, ERASE_RETRY_MAX_MS);

/**
 * Queues the uploads of these files of the workspace for deletion at Meta, in the caller's transaction and before
 * their whatsapp_media rows go. Returns how many were queued.
 */
export async function queueMediaErasures(em: EntityManager, workspaceId: string, fileIds: string[], now: Date): Promise<number> {
  if (!fileIds.length) return 0;
  const rows = await exec<{ media_id: string }>(
    em,
    `insert into whatsapp_media_erasures (workspace_id, channel_id, media_id, next_attempt_at, queued_at)
     select workspace_id, channel_id, media_id, ?, ? from whatsapp_media
      where workspace_id = ? and file_id in (select jsonb_array_elements_text(?::jsonb)) and uploaded_at > ?
     on conflict (channel_id, media_id) do nothing
     returning media_id`,
    [now, now, workspaceId, JSON.stringify(fileIds), new Date(now.getTime() - META_KEEPS_MS)],
  );
  return rows.length;
}

export interface ErasureDrain {
  /** rows still queued in the workspace */
  left: number;
  /** when the earliest of them may be tried; null when none is left */
  nextAttemptAt: Date | null;
}

/**
 * Tries the due erasures (of one workspace, or of all), at most `limit`, one call at a time: each is claimed first,
 * then deleted at Meta and dropped from the queue, or spaced for another attempt. For one workspace, answers what is
 * left of its queue (the purge waits on it); the sweep of all needs no count.
 */
export async function drainMediaErasures(orm: MikroORM, scope: { workspaceId: string; limit: number }): Promise<ErasureDrain>;
export async function drainMediaErasures(orm: MikroORM, scope: { limit: number }): Promise<null>;
export async function drainMediaErasures(orm: MikroORM, scope: { workspaceId?: string; limit: number }): Promise<ErasureDrain | null> {
  const em = orm.em.fork();
  const now = new Date();
  const where = scope.workspaceId ? 'workspace_id = ? and' : '';
  const whereParams = scope.workspaceId ? [scope.workspaceId] : [];
  const claimed = await exec<{ workspace_id: string; channel_id: string; media_id: string; attempts: number }>(
    em,
    `update whatsapp_media_erasures e set next_attempt_at = ?, attempts = e.attempts + 1
      where (e.channel_id, e.media_id) in (
        select channel_id, media_id from whatsapp_media_erasures where ${where} next_attempt_at <= ? order by next_attempt_at limit ? for update skip locked)
      returning e.workspace_id, e.channel_id, e.media_id, e.attempts`,
    [new Date(now.getTime() + CLAIM_MS), ...whereParams, now, scope.limit],
  );
  // a drain's rows mostly share a channel or two: each is read once
  const channels = new Map<string, Promise<Channel | null>>();
  const channelOf = (row: { workspace_id: string; channel_id: string }) => {
    if (!channels.has(row.channel_id)) channels.set(row.channel_id, em.findOne(ChannelSchema, { id: row.channel_id, workspace: row.workspace_id }));
    return channels.get(row.channel_id)!;
  };
  for (const row of claimed) {
    const outcome = await eraseOne(await channelOf(row), row);
    const key = [row.channel_id, row.media_id];
    if (outcome === 'retry') {
      await exec(em, 'update whatsapp_media_erasures set next_attempt_at = ? where channel_id = ? and media_id = ?', [new Date(Date.now() + retryDelayMs(row.attempts)), ...key]);
      continue;
    }
    await exec(em, 'delete from whatsapp_media_erasures where channel_id = ? and media_id = ?', key);
  }
  if (!scope.workspaceId) return null;
  const [rest] = await exec<{ n: number; next: Date | null }>(
    em,
    'select count(*)::int as n, min(next_attempt_at) as next from whatsapp_media_erasures where workspace_id = ?',
    whereParams,
  );
  return { left: rest.n, nextAttemptAt: rest.next ? new Date(rest.next) : null };
}

// erased at Meta (or found gone there), to be tried again, or given up on: Meta drops an upload after 30 days
async function eraseOne(channel: Channel | null, row: { channel_id: string; media_id: string; attempts: number }): Promise<'erased' | 'retry' | 'abandoned'> {
  // a channel that is gone or no longer whatsapp_cloud has no token to delete with
  if (!channel || channel.provider !== 'whatsapp_cloud' || !channel.whatsappAccessToken) return 'abandoned';
  try {
    await whatsappClientFor(channel).deleteMedia(row.media_id);
    return 'erased';
  } catch (err) {
    const retryable = !(err instanceof WhatsAppCloudError) || err.retryable;
    if (retryable && row.attempts < ERASE_MAX_ATTEMPTS) return 'retry';
    // ids only: a media id and a channel id name no person
    logger.warn(
      { channel_id: row.channel_id, media_id: row.media_id, attempts: row.attempts, code: err instanceof WhatsAppCloudError ? err.problemCode : 'error' },
      'an upload could not be deleted at WhatsApp; Meta drops it 30 days after its upload',
    );
    return 'abandoned';
  }
}
