import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import { channelSenderFollowUp } from './names';
import { logger } from '../logger';
import { wakeFollowUp } from '../engine/temporal';
import { config } from '../config';
import { drainMediaErasures, MEDIA_ERASURES_PER_DRAIN } from './whatsapp-media-erasures';

// Messages due this long ago whose sender has not taken them: a wake was lost (Temporal was down when the command
// committed, or the sender workflow was lost) or they were queued by an earlier release. Scheduled messages are due at
// their send_at, so a lost sleeping sender is found the same way (CHANNEL_SWEEP_OVERDUE_MS, a minute; looked for every
// CHANNEL_SWEEP_EVERY_MS, a minute). A busy sender's backlog is overdue too; a wake costs
// it nothing.
const CHANNELS_PER_SWEEP = 500;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Wakes (or starts) the sender of every channel with overdue messages. */
export async function wakeOverdueChannelSenders(orm: MikroORM, client: Client): Promise<number> {
  const rows = await orm.em.fork().getConnection().execute<{ workspace_id: string; channel_id: string }[]>(
    `select distinct workspace_id, channel_id from messages where next_attempt_at < ? limit ?`,
    [new Date(Date.now() - config.channelSweep.overdueMs), CHANNELS_PER_SWEEP],
  );
  for (const r of rows) {
    const sender = channelSenderFollowUp(r.workspace_id, r.channel_id);
    await wakeFollowUp(client, sender, r.workspace_id);
  }
  return rows.length;
}

/**
 * Every worker sweeps at start and then every minute; wakes are idempotent and erasures claimed, so several workers
 * sweeping is harmless.
 */
export async function runChannelSenderSweep(orm: MikroORM, client: Client, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      await wakeOverdueChannelSenders(orm, client);
      // uploads of deleted files whose deletion at WhatsApp failed before are tried again
      await drainMediaErasures(orm, { limit: MEDIA_ERASURES_PER_DRAIN });
    } catch (err) {
      logger.warn({ error: (err as Error).message }, 'channel sender sweep failed; retrying at the next sweep');
    }
    await sleep(config.channelSweep.everyMs, signal);
  }
}
