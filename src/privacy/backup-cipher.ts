import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';

// Backup files are sealed with AES-256-GCM under a data key of their own backup, which is itself sealed (wrapped)
// under the master key from the configuration (BACKUP_MASTER_KEY). A file is written as authenticated segments of at
// most 64 KiB, so it is written and read in constant memory; each segment has its own random nonce, and its
// associated data binds the file's name within the backup, the segment's index and whether it is the last one, so a
// file moved to another name, segments reordered or dropped, or a file cut short all fail to open.
//
//   file     = MAGIC segment*                      (the last segment says it is last; nothing may follow it)
//   segment  = flag (1 byte: 1 last, 0 not) ‖ length of ciphertext (uint32 BE) ‖ nonce (12) ‖ ciphertext ‖ tag (16)

const MAGIC = Buffer.from('SNBKSEG1');
export const SEGMENT_BYTES = 64 * 1024;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + 4 + NONCE_BYTES;

/** A backup's data key as its manifest keeps it: sealed under the master key, and which master key that was. */
export interface WrappedDataKey {
  cipher: 'AES-256-GCM';
  /** names the master key without revealing it (HMAC of a constant under it) */
  master_key_id: string;
  /** base64 of nonce ‖ sealed key ‖ tag */
  wrapped: string;
}

/** The backup cannot be opened with this master key. */
export class BackupKeyError extends Error {
  readonly code = 'backup_key_mismatch';
}

/** A backup file fails authentication: altered, truncated, reordered or moved. */
export class BackupIntegrityError extends Error {
  readonly code = 'backup_integrity_failed';
}

export const masterKeyId = (master: Buffer): string => createHmac('sha256', master).update('sabnode-backup-master-key-id/1').digest('hex').slice(0, 16);

const wrapAad = (backupId: string) => Buffer.from(`sabnode-backup-data-key/1\0${backupId}`);

/** A fresh random data key for one backup, and its wrapped form for the manifest. */
export function newDataKey(master: Buffer, backupId: string): { key: Buffer; wrapped: WrappedDataKey } {
  const key = randomBytes(32);
  const nonce = randomBytes(NONCE_BYTES);
  const c = createCipheriv('aes-256-gcm', master, nonce).setAAD(wrapAad(backupId));
  const sealed = Buffer.concat([nonce, c.update(key), c.final(), c.getAuthTag()]);
  return { key, wrapped: { cipher: 'AES-256-GCM', master_key_id: masterKeyId(master), wrapped: sealed.toString('base64') } };
}

export function unwrapDataKey(master: Buffer, backupId: string, w: WrappedDataKey): Buffer {
  const id = masterKeyId(master);
  if (w.master_key_id !== id) {
    throw new BackupKeyError(`backup ${backupId} was sealed under another BACKUP_MASTER_KEY (key id ${w.master_key_id}; this process has ${id})`);
  }
  const raw = Buffer.from(w.wrapped, 'base64');
  try {
    const d = createDecipheriv('aes-256-gcm', master, raw.subarray(0, NONCE_BYTES)).setAAD(wrapAad(backupId));
    d.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([d.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)), d.final()]);
  } catch {
    throw new BackupKeyError(`backup ${backupId}: its data key does not open under BACKUP_MASTER_KEY (altered manifest or wrong key)`);
  }
}

const segmentAad = (name: string, index: number, last: boolean) => Buffer.from(`sabnode-backup-segment/1\0${name}\0${index}\0${last ? 1 : 0}`);

function sealSegment(key: Buffer, name: string, index: number, last: boolean, plain: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const c = createCipheriv('aes-256-gcm', key, nonce).setAAD(segmentAad(name, index, last));
  const body = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt8(last ? 1 : 0, 0);
  header.writeUInt32BE(body.length, 1);
  nonce.copy(header, 5);
  return Buffer.concat([header, body]);
}

/**
 * Writes one sealed file: to a temporary name beside it (0600), renamed into place on `close`, so a reader never
 * sees half a file. `name` is the file's name within its backup (bound into every segment).
 */
export class SealedFileWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;

  private constructor(
    private readonly fh: FileHandle,
    private readonly tmp: string,
    private readonly path: string,
    private readonly key: Buffer,
    private readonly name: string,
  ) {}

  static async create(path: string, key: Buffer, name: string): Promise<SealedFileWriter> {
    const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    const fh = await open(tmp, 'wx', 0o600);
    await fh.write(MAGIC);
    return new SealedFileWriter(fh, tmp, path, key, name);
  }

  /** Buffers `data`; full segments are sealed and written as they fill. */
  async write(data: string | Buffer): Promise<void> {
    const b = typeof data === 'string' ? Buffer.from(data) : data;
    this.pending.push(b);
    this.pendingBytes += b.length;
    if (this.pendingBytes <= SEGMENT_BYTES) return;
    let all = Buffer.concat(this.pending);
    // a segment is sealed only when more follows it, so the last one is always written by close()
    while (all.length > SEGMENT_BYTES) {
      await this.fh.write(sealSegment(this.key, this.name, this.index++, false, all.subarray(0, SEGMENT_BYTES)));
      all = all.subarray(SEGMENT_BYTES);
    }
    this.pending = [Buffer.from(all)];
    this.pendingBytes = all.length;
  }

  async close(): Promise<void> {
    await this.fh.write(sealSegment(this.key, this.name, this.index++, true, Buffer.concat(this.pending)));
    this.pending = [];
    await this.fh.sync();
    await this.fh.close();
    await rename(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
    await unlink(this.tmp).catch(() => undefined);
  }
}

/** True when the file begins as a sealed file does (a plain file of a backup from before sealing does not). */
export async function isSealedFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    return (await readExactly(fh, MAGIC.length)).equals(MAGIC);
  } finally {
    await fh.close();
  }
}

async function readExactly(fh: FileHandle, n: number): Promise<Buffer> {
  const buf = Buffer.alloc(n);
  let got = 0;
  while (got < n) {
    const { bytesRead } = await fh.read(buf, got, n - got, null);
    if (!bytesRead) break;
    got += bytesRead;
  }
  return got === n ? buf : buf.subarray(0, got);
}

/** The plaintext of a sealed file, segment by segment; throws BackupIntegrityError at the first segment that fails. */
export async function* openSealedFile(path: string, key: Buffer, name: string): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  const broken = (why: string) => new BackupIntegrityError(`backup file ${name} fails authentication: ${why}`);
  try {
    if (!(await readExactly(fh, MAGIC.length)).equals(MAGIC)) throw broken('not a sealed backup file');
    for (let index = 0; ; index++) {
      const header = await readExactly(fh, HEADER_BYTES);
      if (header.length < HEADER_BYTES) throw broken(`cut short before its last segment (segment ${index})`);
      const last = header.readUInt8(0) === 1;
      const length = header.readUInt32BE(1);
      if (length < TAG_BYTES || length > SEGMENT_BYTES + TAG_BYTES) throw broken(`segment ${index} has an impossible length`);
      const body = await readExactly(fh, length);
      if (body.length < length) throw broken(`cut short in segment ${index}`);
      let plain: Buffer;
      try {
        const d = createDecipheriv('aes-256-gcm', key, header.subarray(5)).setAAD(segmentAad(name, index, last));
        d.setAuthTag(body.subarray(length - TAG_BYTES));
        plain = Buffer.concat([d.update(body.subarray(0, length - TAG_BYTES)), d.final()]);
      } catch {
        throw broken(`segment ${index} was altered, reordered or moved from another file`);
      }
      yield plain;
      if (last) {
        if ((await readExactly(fh, 1)).length) throw broken('data after its last segment');
        return;
      }
    }
  } finally {
    await fh.close();
  }
}

/** The lines of a sealed file (without their newline), in constant memory. */
export async function* sealedLines(path: string, key: Buffer, name: string): AsyncGenerator<string> {
  let carry = Buffer.alloc(0);
  for await (const chunk of openSealedFile(path, key, name)) {
    let buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10)) {
      if (nl > 0) yield buf.toString('utf8', 0, nl);
      buf = buf.subarray(nl + 1);
    }
    carry = Buffer.from(buf);
  }
  if (carry.length) yield carry.toString('utf8');
}
