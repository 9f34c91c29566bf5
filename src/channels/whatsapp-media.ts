// Media of whatsapp_cloud channels: a file's bytes are uploaded to the Cloud API once per channel, and the media id
// Meta answers is kept (whatsapp_media) until shortly before Meta drops the upload, so later sends reuse it.
import { DriverException, type MikroORM } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import type { Channel } from '../db/entities';
import type { FileStore } from '../files/file-store';
import type { MediaUpload } from './whatsapp-cloud/client';
import { MEDIA_MAX_BYTES, mediaKindOf, type MediaKind } from './whatsapp-cloud/messages';

export interface SendableMedia {
  mediaId: string;
  kind: MediaKind;
  filename: string;
}

/** Finds (or makes, by `upload`) the Cloud API media id of a workspace file on a channel. */
export interface MediaSource {
  mediaFor(channel: Channel, fileId: string, upload: (file: MediaUpload) => Promise<{ id: string }>): Promise<SendableMedia>;
}

interface FileRow {
  content_type: string;
  filename: string;
  size: number;
  sha256: string;
}

// uploads in flight in one process: each holds the file's bytes in memory (at most 100 MB for a document)
const UPLOADS_AT_ONCE = 4;

class Slots {
  private free: number;
  private waiting: (() => void)[] = [];
  constructor(n: number) {
    this.free = n;
  }
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

async function readAll(files: FileStore, sha256: string, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of await files.get(sha256)) {
    size += (chunk as Buffer).length;
    if (size > max) throw ApplicationFailure.nonRetryable('the file is larger than WhatsApp takes for its type', 'media_too_large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The cache over PostgreSQL and the file store. A channel has one sender at a time, so two sends of one file in a
 * batch share one upload (the in-flight map); an id is used until its expiry (`ttlMs` after the upload), then the
 * file is uploaded again.
 */
export function whatsappMediaSource(orm: MikroORM, files: FileStore, ttlMs: number): MediaSource {
  const inFlight = new Map<string, Promise<SendableMedia>>();
  const slots = new Slots(UPLOADS_AT_ONCE);

  async function resolve(channel: Channel, fileId: string, upload: (file: MediaUpload) => Promise<{ id: string }>): Promise<SendableMedia> {
    const conn = orm.em.getConnection();
    const [file] = await conn.execute<FileRow[]>('select content_type, filename, size, sha256 from files where workspace_id = ? and id = ? and deleted_at is null', [channel.workspace, fileId]);
    if (!file) throw ApplicationFailure.nonRetryable('the file was deleted before the message was sent', 'file_not_found');
    // checked when the message was created; a file cannot change, but a message queued before these rules existed can
    const kind = mediaKindOf(file.content_type);
    if (!kind) throw ApplicationFailure.nonRetryable(`WhatsApp does not take files of type ${file.content_type}`, 'media_type_not_supported');
    if (file.size > MEDIA_MAX_BYTES[kind]) throw ApplicationFailure.nonRetryable('the file is larger than WhatsApp takes for its type', 'media_too_large');
    const [cached] = await conn.execute<{ media_id: string }[]>(
      'select media_id from whatsapp_media where workspace_id = ? and channel_id = ? and file_id = ? and expires_at > ?',
      [channel.workspace, channel.id, fileId, new Date()],
    );
    if (cached) return { mediaId: cached.media_id, kind, filename: file.filename };
    const bytes = await slots.run(async () => {
      const content = await readAll(files, file.sha256, MEDIA_MAX_BYTES[kind]);
      return upload({ bytes: content, mimeType: file.content_type, filename: file.filename });
    });
    const uploadedAt = new Date();
    // only for a file still live, under its row's lock: a deleteFile (which drops the file's rows) that commits
    // meanwhile leaves no row behind, and the message is not sent
    let stored: unknown[];
    try {
      stored = await conn.execute(
        `insert into whatsapp_media (workspace_id, channel_id, file_id, media_id, uploaded_at, expires_at)
         select f.workspace_id, ?, f.id, ?, ?, ? from files f where f.workspace_id = ? and f.id = ? and f.deleted_at is null for share
         on conflict (workspace_id, channel_id, file_id) do update set media_id = excluded.media_id, uploaded_at = excluded.uploaded_at, expires_at = excluded.expires_at
         returning file_id`,
        [channel.id, bytes.id, uploadedAt, new Date(uploadedAt.getTime() + ttlMs), channel.workspace, fileId],
      );
    } catch (err) {
      // the file row was purged meanwhile (foreign key): as deleted
      if (err instanceof DriverException && (err as { code?: string }).code === '23503') stored = [];
      else throw err;
    }
    if (!stored.length) throw ApplicationFailure.nonRetryable('the file was deleted before the message was sent', 'file_not_found');
    return { mediaId: bytes.id, kind, filename: file.filename };
  }

  return {
    mediaFor(channel, fileId, upload) {
      const key = `${channel.id}:${fileId}`;
      const running = inFlight.get(key);
      if (running) return running;
      const work = resolve(channel, fileId, upload).finally(() => inFlight.delete(key));
      inFlight.set(key, work);
      return work;
    },
  };
}
