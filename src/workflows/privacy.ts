import { patched, proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';

// Every step is idempotent and recorded on the purge row; retries never give up (a purge must finish).
const purge = proxyActivities<Activities>({
  startToCloseTimeout: '5m',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '5m', nonRetryableErrorTypes: ['purge_store_unknown', 'purge_missing'] },
});

// the workspace's histories are read page by page in one activity that heartbeats its resume token: however many
// there are, a retry goes on from the last page read
const histories = proxyActivities<Activities>({
  startToCloseTimeout: '6h',
  heartbeatTimeout: '2m',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '5m' },
});

/**
 * A privacy purge (`<ws>/purge/<prg_id>`; its only input is the purge id): passes over the stores (one activity per
 * store and pass) until a pass clears nothing, then the purged files' uploads at WhatsApp, then the
 * workspace's workflow histories (scanned again on a timer until none holds the subject), then every older backup, rechecked on a durable timer until all are clean or the
 * deadline (90 days) has passed.
 */
export async function purgeSubject(input: { purgeId: string }): Promise<void> {
  const { purgeId } = input;
  // the subject is fenced (no writer adds to it): passes over the stores until one whole pass clears nothing
  const { stages, maxPasses } = await purge.listPurgeStages();
  let clean = false;
  for (let pass = 1; pass <= maxPasses && !clean; pass++) {
    let cleared = 0;
    for (const stage of stages) cleared += (await purge.runPurgePass({ purgeId, pass, stage })).cleared;
    clean = cleared === 0;
  }
  if (!clean) {
    await purge.failPurge({ purgeId });
    return;
  }
  // the purged files' uploads to WhatsApp, deleted at Meta (each tried a bounded number of times)
  if (patched('purge-whatsapp-media')) {
    for (;;) {
      const { left, recheckMs } = await purge.erasePurgedMedia({ purgeId });
      if (!left) break;
      await sleep(recheckMs);
    }
  }
  for (let round = 0; ; round++) {
    const { found, recheckMs } = await histories.purgeTemporalHistories({ purgeId, workflowId: workflowInfo().workflowId, round });
    if (!found) break;
    await sleep(recheckMs);
  }
  const { recheckMs, deadlineMs } = await purge.sealPurge({ purgeId });
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const { pending } = await purge.cleanPurgeBackups({ purgeId });
    if (!pending || Date.now() + recheckMs > deadline) return;
    await sleep(recheckMs);
  }
}

const backups = proxyActivities<Activities>({
  startToCloseTimeout: '1h',
  retry: { initialInterval: '10s', backoffCoefficient: 2, maximumInterval: '10m', maximumAttempts: 5 },
});

/** Started by the backup Schedule: one logical backup, then the ones past retention are deleted. */
export async function takeBackup(): Promise<{ backupId: string }> {
  const { backupId } = await backups.takeBackup();
  await backups.pruneBackups();
  return { backupId };
}
