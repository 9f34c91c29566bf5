import type { EntityManager } from '@mikro-orm/postgresql';
import type { CommandContext } from '../db/events';
import { createContact, deleteContact, updateContact } from './contacts.commands';
import { createFile, deleteFile } from './files.commands';

export interface CommandResponse {
  status: number;
  body: unknown;
}

// eslint-style note: handlers take (em, ctx, path params, body) and run inside the command's transaction
type CommandHandler = (em: EntityManager, ctx: CommandContext, params: Record<string, string>, body: never) => Promise<CommandResponse>;

/** Every mutation by operationId. The API starts a workflow named after the operationId; the worker runs this. */
export const COMMANDS: Record<string, CommandHandler> = {
  createContact,
  updateContact,
  deleteContact,
  createFile,
  deleteFile,
};
