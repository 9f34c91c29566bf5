import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptionsAction, type ScheduleSpec } from '@temporalio/client';
import { config } from '../config';
import { taskQueueFor } from '../engine/queues';

export const BACKUP_SCHEDULE_ID = 'sabnode-backups';

/** The backup Schedule (daily by default): created at worker start, or brought up to date with the configuration. */
export async function ensureBackupSchedule(client: Client): Promise<void> {
  const spec: ScheduleSpec = { intervals: [{ every: config.backups.intervalMs }] };
  const action: ScheduleOptionsAction = { type: 'startWorkflow', workflowType: 'takeBackup', workflowId: 'backups/take', taskQueue: taskQueueFor('takeBackup', config.taskQueue), args: [] };
  try {
    await client.schedule.create({ scheduleId: BACKUP_SCHEDULE_ID, spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP } });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule.getHandle(BACKUP_SCHEDULE_ID).update((previous) => ({ ...previous, spec, action: { ...previous.action, ...action } }));
  }
}
