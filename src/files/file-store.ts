import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredBlob {
  sha256: string;
  size: number;
}

export interface PutOptions {
  /** refuse (BlobTooLargeError) as soon as more bytes than this arrive */
  maxBytes?: number;
  /** runs once the content is complete and hashed, before it becomes visible under its sha256; a throw discards it */
  beforeCommit?: (blob: StoredBlob) => Promise<void>;
}

/** Content-addressed blobs: the sha256 of the bytes is the name. */
export interface FileStore {
  put(source: Readable, opts?: PutOptions): Promise<StoredBlob>;
  /** `range` is inclusive at both ends, like HTTP byte ranges */
  get(sha256: string, range?: { start: number; end: number }): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`more than ${maxBytes} bytes`);
    this.name = 'BlobTooLargeError';
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

function checkSha(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error('not a sha256 hex digest');
  return sha256;
}

const ignoreMissing = (err: NodeJS.ErrnoException) => {
  if (err.code !== 'ENOENT') throw err;
};

/**
 * Blobs on a local (or mounted, shared) filesystem: `<root>/blobs/ab/<sha256>`. A put streams into
 * `<root>/tmp/` while hashing, fsyncs, and renames into place: a reader never sees a partial blob and a failed
 * put leaves nothing behind.
 */
export class LocalFileStore implements FileStore {
  private readonly blobsDir: string;
  private readonly tmpDir: string;

  constructor(readonly root: string) {
    this.blobsDir = join(root, 'blobs');
    this.tmpDir = join(root, 'tmp');
  }

  pathOf(sha256: string): string {
    return join(this.blobsDir, checkSha(sha256).slice(0, 2), sha256);
  }

  async put(source: Readable, opts: PutOptions = {}): Promise<StoredBlob> {
    await mkdir(this.tmpDir, { recursive: true });
    const tmp = join(this.tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const max = opts.maxBytes ?? Infinity;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > max) return done(new BlobTooLargeError(max));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    // flush: the bytes are fsynced before the stream closes, so a renamed blob is a durable blob
    const out = createWriteStream(tmp, { flags: 'wx', mode: 0o600, flush: true });
    try {
      // the file exists before anything can fail: a refusal that came before the open used to leave it behind,
      // opened after the unlink below had already looked for it
      await once(out, 'open');
      await pipeline(source, meter, out);
      const blob = { sha256: hash.digest('hex'), size };
      await opts.beforeCommit?.(blob);
      const target = this.pathOf(blob.sha256);
      await mkdir(join(target, '..'), { recursive: true });
      // same content, same name: replacing an existing blob is harmless and repairs a missing one
      await rename(tmp, target);
      await this.syncDir(join(target, '..'));
      return blob;
    } catch (err) {
      out.destroy();
      await unlink(tmp).catch(ignoreMissing);
      throw err;
    }
  }

  async get(sha256: string, range?: { start: number; end: number }): Promise<Readable> {
    // opened before returning, so a missing blob fails the request before any header is sent
    const fh = await open(this.pathOf(sha256), 'r');
    return fh.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async exists(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return false;
        throw err;
      },
    );
  }

  async delete(sha256: string): Promise<void> {
    await unlink(this.pathOf(sha256)).catch(ignoreMissing);
  }

  /** Temp files of uploads whose process died mid-way; a live upload never takes this long. */
  async sweepTemp(olderThanMs = 60 * 60 * 1000): Promise<number> {
    const names = await readdir(this.tmpDir).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as string[];
      throw err;
    });
    let removed = 0;
    for (const name of names) {
      const file = join(this.tmpDir, name);
      const info = await stat(file).catch(() => null);
      if (info && Date.now() - info.mtimeMs > olderThanMs) {
        await unlink(file).catch(ignoreMissing);
        removed++;
      }
    }
    return removed;
  }

  private async syncDir(dir: string): Promise<void> {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}
