import { Transform, type Readable } from 'node:stream';
import busboy from 'busboy';
import type { NextFunction, Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { ApiError } from '../errors';
import { logger } from '../logger';
import { loggableError } from '../db/driver-errors';
import { pinBlob, releasePin } from '../files/file-blobs';
import { BlobTooLargeError, type FileStore } from '../files/file-store';
import type { ApiRequest } from './context';
import { decideContentType, SNIFF_BYTES, sniffContentType } from './files.sniff';
import { checkJsonValue } from './json-limits';

/** The stored upload, as the createFile handler turns it into the command's request: metadata only. */
export interface Upload {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface UploadRequest extends ApiRequest {
  upload?: Upload;
}

// Room for the multipart framing and the small text fields around the file.
const FRAMING_BYTES = 64 * 1024;
// After a refusal the rest of the body is read and dropped (clients that are still sending then see the answer
// instead of a reset connection), but only this much of it.
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;
const MAX_FILENAME = 255;
const CLIENT_GONE = new Error('the client closed the connection during the upload');

const tooLarge = () => new ApiError('payload_too_large', `Files are limited to ${config.maxFileBytes} bytes (25 MiB)`);
const malformed = (detail: string, pointer?: string) =>
  new ApiError('invalid_request', detail, pointer ? { errors: [{ pointer, code: 'invalid_multipart', message: detail }] } : {});

/** Decides the type from the first bytes; refuses the whole stream before anything is kept if it is not allowed. */
class TypeGate extends Transform {
  contentType?: string;
  private head: Buffer[] = [];
  private headBytes = 0;

  constructor(private readonly declared: string | undefined) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null, data?: Buffer) => void): void {
    if (this.contentType) return done(null, chunk);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) return done();
    this.decide(false, done);
  }

  override _flush(done: (err?: Error | null, data?: Buffer) => void): void {
    if (this.contentType) return done();
    this.decide(true, done);
  }

  private decide(complete: boolean, done: (err?: Error | null, data?: Buffer) => void): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    const decision = decideContentType(this.declared, sniffContentType(head.subarray(0, SNIFF_BYTES), complete));
    if (!decision.ok) {
      return done(new ApiError('file_type_not_allowed', decision.detail, { errors: [{ pointer: '/file', code: 'file_type_not_allowed', message: decision.detail }] }));
    }
    this.contentType = decision.contentType;
    done(null, head);
  }
}

// WHATWG form serialisation escapes only `"`, CR and LF in names (as %22, %0D, %0A); a bare `%` stays as it is.
function decodeFormDataName(name: string): string {
  return name.replace(/%22|%0D|%0A/gi, (m) => ({ '%22': '"', '%0D': '\r', '%0A': '\n' })[m.toUpperCase()]!);
}

/** Reads and drops what is left of the request body, so the answer reaches a client still sending. */
function drain(req: Request): Promise<void> {
  return new Promise((resolve) => {
    if (req.complete || req.destroyed) return resolve();
    let dropped = 0;
    req.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > DRAIN_LIMIT_BYTES) req.destroy();
    });
    req.once('end', () => resolve());
    req.once('close', () => resolve());
    req.resume();
  });
}

/**
 * Streams the `file` part of a multipart/form-data request into the FileStore (hashing as it goes, never holding
 * the file in memory) and leaves the text fields in `req.body` for the spec validator. The blob is pinned until
 * the request is answered, so a concurrent delete of identical content cannot remove it under the new row.
 */
export function receiveUpload(orm: MikroORM, store: FileStore) {
  const maxRequestBytes = config.maxFileBytes + FRAMING_BYTES;

  return (req: Request, res: Response, next: NextFunction): void => {
    const refuse = (err: unknown) => {
      drain(req).then(() => next(err), next);
    };
    if (!req.is('multipart/form-data')) {
      return refuse(new ApiError('unsupported_media_type', 'Send the file as multipart/form-data with one `file` part'));
    }
    if (Number(req.headers['content-length'] ?? 0) > maxRequestBytes) return refuse(tooLarge());

    let parser: busboy.Busboy;
    try {
      // browsers and fetch send a UTF-8 filename as it is, not as RFC 5987 `filename*`
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fields: 8, fieldSize: 1024, fieldNameSize: 100, parts: 10, headerPairs: 20 } });
    } catch (err) {
      return refuse(malformed(`The multipart body cannot be read: ${(err as Error).message}`));
    }

    const fields: Record<string, string> = Object.create(null) as Record<string, string>;
    let filePart: { stream: Readable; filename: string; gate: TypeGate } | null = null;
    let stored: Promise<Upload> | null = null;
    let failure: unknown = null;
    let finished = false;
    let received = 0;

    const finish = async () => {
      if (finished) return;
      finished = true;
      req.off('data', count);
      let upload: Upload | null = null;
      try {
        if (stored) upload = await stored;
      } catch (err) {
        failure ??= err;
      }
      if (failure === CLIENT_GONE) {
        // nobody is left to answer; whatever was half-written is already gone
        logger.info({ request_id: (req as ApiRequest).ctx.requestId }, 'upload abandoned by the client');
        return;
      }
      if (failure) return refuse(failure instanceof BlobTooLargeError ? tooLarge() : failure);
      (req as UploadRequest).upload = upload ?? undefined;
      // the validator checks these against the spec; `file` stands for the part, which is a file
      req.body = upload ? { ...fields, file: upload.filename } : { ...fields };
      try {
        // the text fields are held to the JSON bodies' rules (no NUL in a name or value, lengths)
        checkJsonValue(req.body);
      } catch (err) {
        return refuse(err);
      }
      next();
    };

    const abort = (err: unknown) => {
      if (failure) return;
      failure = err;
      req.unpipe(parser);
      parser.on('error', () => undefined);
      filePart?.stream.unpipe(filePart.gate);
      filePart?.gate.destroy(err instanceof Error ? err : new Error(String(err)));
      void finish().catch(next);
    };

    const count = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxRequestBytes) abort(tooLarge());
    };
    req.on('data', count);
    req.once('close', () => {
      if (!req.complete) abort(CLIENT_GONE);
    });

    parser.on('field', (name, value, info) => {
      if (name === 'file') return abort(malformed('`file` must be a file part (with a filename in its Content-Disposition), not a text field', '/file'));
      if (info.valueTruncated) return abort(malformed(`The field '${name}' is longer than 1024 bytes`, `/${name}`));
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        // dropped unread; the validator names it as a field the spec does not know
        fields[name] = '';
        return stream.resume();
      }
      if (filePart) {
        stream.resume();
        return abort(malformed('Send one `file` part per request', '/file'));
      }
      const filename = decodeFormDataName(info.filename ?? '');
      if (!filename || filename.length > MAX_FILENAME || /[\x00-\x1f\x7f]/.test(filename)) {
        stream.resume();
        return abort(malformed(`The file part needs a filename of 1 to ${MAX_FILENAME} characters without control characters`, '/file'));
      }
      const gate = new TypeGate(info.mimeType);
      filePart = { stream, filename, gate };
      // a refusal may come before the store has attached to the gate; the store's pipeline still reports it
      gate.on('error', () => undefined);
      stream.on('error', (err) => gate.destroy(err));
      stream.pipe(gate);
      stored = store
        .put(gate, {
          maxBytes: config.maxFileBytes,
          beforeCommit: async (blob) => {
            const pinId = await pinBlob(orm, blob.sha256);
            // Once the request has its final answer the pin goes (a created row now holds the blob, or nothing
            // should). After a 5xx or a 409 the command may still finish later: the pin then simply expires.
            res.once('finish', () => {
              if (res.statusCode >= 500 || res.statusCode === 409) return;
              releasePin(orm, store, pinId, blob.sha256).catch((err: Error) => logger.warn({ err: loggableError(err), sha256: blob.sha256 }, 'could not release file pin'));
            });
          },
        })
        .then((blob) => ({ filename, contentType: gate.contentType!, size: blob.size, sha256: blob.sha256 }));
      // a refusal from the type gate or the size limit ends the request at once, not after the body
      stored.catch((err: unknown) => abort(err));
    });
    parser.on('partsLimit', () => abort(malformed('Too many parts in the multipart body')));
    parser.on('fieldsLimit', () => abort(malformed('Too many fields in the multipart body')));
    parser.on('error', (err) => abort(malformed(`The multipart body is malformed: ${err.message}`)));
    // finish reports its own refusals; anything else it throws must still reach the error handler, not the process
    parser.on('close', () => void finish().catch(next));
    req.pipe(parser);
  };
}
