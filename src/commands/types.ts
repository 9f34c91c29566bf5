// What a command handler is and answers: the commands import these, and the registry (registry.ts) imports
// the commands, so the types live apart from the registry.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CommandContext } from '../db/events';
import type { FollowUp } from '../db/entities';

export interface CommandResponse {
  status: number;
  body: unknown;
  /** workflows to start once this command has committed, such as a message's delivery */
  followUps?: FollowUp[];
}

/** A command: (em, ctx, path params, body), run inside the command's transaction. */
export type CommandHandler = (em: EntityManager, ctx: CommandContext, params: Record<string, string>, body: never) => Promise<CommandResponse>;
