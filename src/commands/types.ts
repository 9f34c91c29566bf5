// What a command handler is and answers: the commands import these, and the registry (registry.ts) imports
// the commands, so the types live apart from the registry.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CommandContext } from '../db/events';
import type { FollowUp } from '../db/entities';
import type { OperationId, RequestBody } from '../types/wire';

export interface CommandResponse {
  status: number;
  body: unknown;
  /** workflows to start once this command has committed, such as a message's delivery */
  followUps?: FollowUp[];
}

/** A command: (em, ctx, path params, body), run inside the command's transaction, on the body its request stored. */
export type CommandHandler<Body> = (em: EntityManager, ctx: CommandContext, params: Record<string, string>, body: Body) => Promise<CommandResponse>;

/** The workflow types that orchestrate commands (src/workflows/index.ts): a single command, a bulk job in chunks, a
 * webhook test (its first attempt before the answer), a file's delete (its blob released after the commit). */
export type CommandWorkflow = 'command' | 'bulkCommand' | 'webhookTestCommand' | 'deleteFileCommand';

/** One mutation: the command that runs in its transaction, and the workflow that orchestrates it. */
export interface CommandEntry<Body = unknown> {
  run: CommandHandler<Body>;
  workflow: CommandWorkflow;
}

/**
 * What a mutation's stored request carries as its body: the JSON body the spec describes for the operation (the API
 * validated it, after upgrading it to the current version, before storing it), or what the API derived in its place
 * for the few whose wire body is no JSON object (an upload's metadata).
 */
export type StoredBody<Op extends OperationId> = Op extends keyof DerivedBodies ? DerivedBodies[Op] : RequestBody<Op>;

interface DerivedBodies {
  /** the multipart upload, streamed to the FileStore by the API: the command gets its metadata, never the bytes */
  createFile: { filename: string; content_type: string; size: number; sha256: string; purpose?: string };
}

/** The command table's shape: each operation's command takes that operation's stored body. */
export type CommandTable = { [Op in OperationId]?: CommandEntry<StoredBody<Op>> };
