// Task queues by what waits on them (DESIGN.md, "The engine"): an integrator waits on `commands`; fan-out (deliveries,
// sends, flow runs, broadcasts) wants throughput on its own slots; purges and backups go to `maintenance`. Each queue
// has its own worker slots, so fan-out can never take what commands need. TEMPORAL_TASK_QUEUE names the commands
// queue; the other two are derived from it. Pure and deterministic: workflow code and processes share it.

export type QueueKind = 'commands' | 'fanout' | 'maintenance';

const KIND_OF: Record<string, Exclude<QueueKind, 'commands'>> = {
  webhookEndpoint: 'fanout',
  sendMessage: 'fanout',
  channelSender: 'fanout',
  scheduledMessage: 'fanout',
  templateReview: 'fanout',
  flowRun: 'fanout',
  runBroadcast: 'fanout',
  wakeBroadcast: 'fanout',
  purgeSubject: 'maintenance',
  takeBackup: 'maintenance',
};

const SUFFIX: Record<QueueKind, string> = { commands: '', fanout: '-fanout', maintenance: '-maintenance' };

export function queueKindOf(workflowType: string): QueueKind {
  return KIND_OF[workflowType] ?? 'commands';
}

export function queueName(commandsQueue: string, kind: QueueKind): string {
  return `${commandsQueue}${SUFFIX[kind]}`;
}

/** The commands queue behind any of the three (a workflow knows only the queue it runs on). */
export function commandsQueueOf(taskQueue: string): string {
  for (const suffix of [SUFFIX.fanout, SUFFIX.maintenance]) if (taskQueue.endsWith(suffix)) return taskQueue.slice(0, -suffix.length);
  return taskQueue;
}

export function taskQueueFor(workflowType: string, commandsQueue: string): string {
  return queueName(commandsQueue, queueKindOf(workflowType));
}
