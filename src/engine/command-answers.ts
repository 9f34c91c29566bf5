// Commands this process's own worker finished: a command started eagerly runs its workflow task in the API process
// that started it, and the workflow tells that process when it has its outcome (a sink, called once the activation
// that returned it is done). The request waiting for it then reads the stored response at once, with no long poll on
// the workflow's history. Only ids cross; a request whose command ran elsewhere waits on the history as before.
import type { InjectedSinks } from '@temporalio/worker';
import type { CommandSinks } from './types';

const waiting = new Map<string, Set<() => void>>();

export interface LocalAnswer {
  /** true once the command's workflow has its outcome in this process, false after `ms` without it */
  within(ms: number): Promise<boolean>;
  /** stops waiting (also done by `within` when it settles) */
  release(): void;
}

/** Registers interest in the workflow's outcome; register before the start, which may finish it before it returns. */
export function awaitLocalAnswer(workflowId: string): LocalAnswer {
  let settle: (answered: boolean) => void = () => undefined;
  const answered = new Promise<boolean>((resolve) => (settle = resolve));
  const notify = () => settle(true);
  const set = waiting.get(workflowId) ?? new Set();
  set.add(notify);
  waiting.set(workflowId, set);
  const release = () => {
    set.delete(notify);
    if (!set.size && waiting.get(workflowId) === set) waiting.delete(workflowId);
  };
  return {
    async within(ms) {
      const timer = setTimeout(() => settle(false), ms);
      try {
        return await answered;
      } finally {
        clearTimeout(timer);
        release();
      }
    },
    release,
  };
}

/** The sink every worker of ours registers; a replayed workflow does not call it again. */
export const commandAnswerSinks: InjectedSinks<CommandSinks> = {
  commands: {
    answered: {
      fn: (info) => {
        for (const notify of waiting.get(info.workflowId) ?? []) notify();
      },
      callDuringReplay: false,
    },
  },
};
