import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { FileSchema, type FileRecord } from '../db/entities';
import { toDeletedFileWire, toFileWire } from '../db/files.queries';
import { recordEvent, type CommandContext } from '../db/events';
import { ApiError } from '../errors';
import { idFromSeed } from '../ids';
import type { CommandResponse, StoredBody } from './types';
import { blobIsHeld, lockBlob } from '../files/file-blobs';
import { queueMediaErasures } from '../channels/whatsapp-media-erasures';

export async function createFile(em: EntityManager, ctx: CommandContext, _params: Record<string, string>, body: StoredBody<'createFile'>): Promise<CommandResponse> {
  // The upload's pin holds the blob until this commits; a command that runs after the pin expired (a worker
  // down for a day) must not reference content that a purge may have removed meanwhile.
  await lockBlob(em, body.sha256);
  if (!(await blobIsHeld(em, body.sha256))) {
    throw new ApiError('file_upload_expired', 'The uploaded content was not kept while this command waited; upload the file again with a new Idempotency-Key');
  }
  const file = em.create(FileSchema, {
    id: idFromSeed('fil', ctx.seed),
    workspace: ctx.workspaceId,
    filename: body.filename,
    contentType: body.content_type,
    size: body.size,
    sha256: body.sha256,
    purpose: body.purpose ?? null,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    deletedAt: null,
  });
  const wire = toFileWire(file);
  recordEvent(em, ctx, 0, { type: 'file.created', objectType: 'file', objectId: file.id, sequence: 1, object: wire });
  await em.flush();
  return { status: 201, body: wire };
}

async function findLive(em: EntityManager, workspaceId: string, id: string): Promise<FileRecord> {
  const file = await em.findOne(FileSchema, { id, workspace: workspaceId, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!file) throw new ApiError('resource_missing', `No such file: '${id}'`);
  return file;
}

/** Tombstones the row; the deleteFile workflow removes the blob after this commits, if nothing else holds it. */
export async function deleteFile(em: EntityManager, ctx: CommandContext, params: Record<string, string>): Promise<CommandResponse> {
  const file = await findLive(em, ctx.workspaceId, params.file_id);
  file.deletedAt = ctx.now;
  file.updatedAt = ctx.now;
  file.version += 1;
  // a whatsapp_cloud channel no longer sends it by its uploaded id, and its uploads are deleted at Meta (the workflow drains them)
  await queueMediaErasures(em, ctx.workspaceId, [file.id], ctx.now);
  await em.getConnection().execute('delete from whatsapp_media where workspace_id = ? and file_id = ?', [ctx.workspaceId, file.id], 'run', em.getTransactionContext());
  const tombstone = toDeletedFileWire(file);
  recordEvent(em, ctx, 0, { type: 'file.deleted', objectType: 'file', objectId: file.id, sequence: file.version, object: tombstone });
  await em.flush();
  return { status: 200, body: tombstone };
}
