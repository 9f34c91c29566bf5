import type { MikroORM } from '@mikro-orm/postgresql';
import type { FileStore } from '../files/file-store';
import { listFiles, retrieveFile, toFileWire } from '../db/files.queries';
import { ApiError } from '../errors';
import type { AuthedRequest, HandlerResult } from './context';
import type { UploadRequest } from './files.upload';
import { attachmentDisposition, ifRangeHolds, noneMatchHits, parseRange } from './http-ranges';
import { pageParams } from './list-params';
import type { StoredBody } from '../commands/types';

type RunCommand = (req: AuthedRequest, commandBody?: Record<string, unknown>) => Promise<HandlerResult>;

export function filesHandlers(orm: MikroORM, runCommand: RunCommand, store: FileStore) {
  async function liveFile(req: AuthedRequest) {
    const id = req.params.file_id as string;
    const file = await retrieveFile(orm.em.fork(), req.ctx.auth.workspaceId, id);
    if (!file) throw new ApiError('resource_missing', `No such file: '${id}'`);
    return file;
  }

  return {
    // the bytes are already in the FileStore (receiveUpload); the command records what they are
    createFile(req: AuthedRequest): Promise<HandlerResult> {
      const upload = (req as UploadRequest).upload!;
      const { purpose } = req.body as { purpose?: string };
      const body: StoredBody<'createFile'> = { filename: upload.filename, content_type: upload.contentType, size: upload.size, sha256: upload.sha256, purpose };
      return runCommand(req, { body });
    },
    async listFiles(req: AuthedRequest): Promise<HandlerResult> {
      const q = req.query as Record<string, string | undefined>;
      const page = pageParams(req, { purpose: q.purpose, sha256: q.sha256, updated_since: q.updated_since });
      return { status: 200, body: await listFiles(orm.em.fork(), req.ctx.auth.workspaceId, page) };
    },
    async retrieveFile(req: AuthedRequest): Promise<HandlerResult> {
      return { status: 200, body: toFileWire(await liveFile(req)) };
    },
    async downloadFile(req: AuthedRequest): Promise<HandlerResult> {
      const file = await liveFile(req);
      const etag = `"${file.sha256}"`;
      const headers: Record<string, string> = { ETag: etag, 'Accept-Ranges': 'bytes', 'Cache-Control': 'private, no-cache' };
      if (noneMatchHits(req.get('if-none-match'), etag)) return { status: 304, body: undefined, headers };
      const range = ifRangeHolds(req.get('if-range'), etag) ? parseRange(req.get('range'), file.size) : null;
      if (range === 'unsatisfiable') {
        throw new ApiError('range_not_satisfiable', `The file has ${file.size} bytes`, {}, { 'Content-Range': `bytes */${file.size}`, 'Accept-Ranges': 'bytes' });
      }
      const content = {
        ...headers,
        // stored content is never rendered by the browser that downloads it
        'Content-Type': file.contentType,
        'Content-Disposition': attachmentDisposition(file.filename),
        'X-Content-Type-Options': 'nosniff',
      };
      if (!range) {
        return { status: 200, body: undefined, stream: await store.get(file.sha256), headers: { ...content, 'Content-Length': String(file.size) } };
      }
      return {
        status: 206,
        body: undefined,
        stream: await store.get(file.sha256, range),
        headers: { ...content, 'Content-Length': String(range.end - range.start + 1), 'Content-Range': `bytes ${range.start}-${range.end}/${file.size}` },
      };
    },
  };
}
