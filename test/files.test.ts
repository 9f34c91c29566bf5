import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decideContentType, sniffContentType } from '../src/api/files.sniff';
import { parseRange } from '../src/api/http-ranges';
import { client, type ApiResponse } from './support/client';
import { closeDb, newWorkspace, sql, stack } from './support/stack';

const MiB = 1024 * 1024;
let api: ReturnType<typeof client>;
let workspaceId: string;
let key: string;

beforeAll(async () => {
  const ws = await newWorkspace();
  workspaceId = ws.workspaceId;
  key = ws.key;
  api = client(ws.key);
});
afterAll(closeDb);

const filesDir = () => stack().env.FILES_DIR;
const blobPath = (sha256: string) => join(filesDir(), 'blobs', sha256.slice(0, 2), sha256);

/** Every file under the files folder (blobs and temp files), relative to it. */
function storedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(filesDir(), p));
    }
  };
  walk(filesDir());
  return out.sort();
}

const MP4_HEAD = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.alloc(20)]);
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A multipart body produced on the fly: `head`, then one random 64 KiB block repeated up to `size`. The test
 * holds 64 KiB, not the file, and can still say what any byte of the file is.
 */
function streamedUpload(opts: { size: number; head: Buffer; filename: string; contentType: string; fields?: Record<string, string> }) {
  const boundary = `----sabnode-test-${randomBytes(8).toString('hex')}`;
  const block = randomBytes(64 * 1024);
  const hash = createHash('sha256');
  let sent = 0;
  async function* body(): AsyncGenerator<Uint8Array> {
    for (const [name, value] of Object.entries(opts.fields ?? {})) {
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
    }
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${opts.filename}"\r\nContent-Type: ${opts.contentType}\r\n\r\n`);
    const head = opts.head.subarray(0, opts.size);
    hash.update(head);
    sent = head.length;
    yield head;
    while (sent < opts.size) {
      const chunk = block.subarray(0, Math.min(block.length, opts.size - sent));
      hash.update(chunk);
      sent += chunk.length;
      yield chunk;
    }
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  return {
    boundary,
    body: body(),
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    /** sha256 of what was sent (complete once the body was consumed) */
    sha256: () => hash.copy().digest('hex'),
    sent: () => sent,
    byteAt: (i: number) => (i < opts.head.length ? opts.head[i] : block[(i - opts.head.length) % block.length]),
  };
}

function form(bytes: Buffer, filename: string, type: string, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  f.append('file', new Blob([bytes], { type }), filename);
  return f;
}

async function readAll(res: ApiResponse): Promise<{ sha256: string; bytes: number; first: Buffer; ms: number }> {
  const started = Date.now();
  const hash = createHash('sha256');
  let bytes = 0;
  let first = Buffer.alloc(0);
  for await (const chunk of res.stream! as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    if (first.length < 64) first = Buffer.concat([first, Buffer.from(chunk)]).subarray(0, 64);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes, first, ms: Date.now() - started };
}

/** Resident memory of a process (0 where /proc cannot tell): measured and reported, not asserted. */
function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function expectProblem(res: ApiResponse, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code });
}

const small = (n: number, head = PNG_HEAD) => Buffer.concat([head, Buffer.from(Array.from({ length: n - head.length }, (_, i) => i % 251))]);

describe('files', () => {
  let big: { id: string; sha256: string; size: number; byteAt: (i: number) => number };

  it('streams a 20 MB upload to storage and streams the same bytes back', async () => {
    const size = 20 * MiB;
    const upload = streamedUpload({ size, head: MP4_HEAD, filename: 'clip.mp4', contentType: 'video/mp4', fields: { purpose: 'message_media' } });
    const pid = stack().apiPid;
    const rssBefore = rssOf(pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(pid))), 10);
    const started = Date.now();
    const res = await api.post('/v1/files', { rawBody: upload.body, headers: upload.headers });
    const uploadMs = Date.now() - started;
    clearInterval(sampler);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ object: 'file', filename: 'clip.mp4', content_type: 'video/mp4', size, sha256: upload.sha256(), purpose: 'message_media' });
    expect(existsSync(blobPath(upload.sha256()))).toBe(true);
    expect(statSync(blobPath(upload.sha256())).size).toBe(size);
    big = { id: res.body.id, sha256: upload.sha256(), size, byteAt: upload.byteAt };

    const meta = await api.get(`/v1/files/${big.id}`);
    expect(meta.status).toBe(200);
    expect(meta.body).toEqual(res.body);

    const download = await api.get(`/v1/files/${big.id}/content`, { streamBody: true });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('video/mp4');
    expect(download.headers.get('content-length')).toBe(String(size));
    expect(download.headers.get('etag')).toBe(`"${big.sha256}"`);
    expect(download.headers.get('accept-ranges')).toBe('bytes');
    expect(download.headers.get('content-disposition')).toContain('filename="clip.mp4"');
    const got = await readAll(download);
    expect(got.bytes).toBe(size);
    expect(got.sha256).toBe(big.sha256);

    const mbps = (ms: number) => Math.round((size / MiB / (ms / 1000)) * 10) / 10;
    process.stderr.write(
      `[files] 20 MiB upload ${uploadMs} ms (${mbps(uploadMs)} MiB/s), download ${got.ms} ms (${mbps(got.ms)} MiB/s); ` +
        `API RSS ${Math.round(rssBefore / MiB)} MiB before, peak ${Math.round(rssPeak / MiB)} MiB during the upload\n`,
    );
  });

  it('serves byte ranges, suffix ranges and 416 for a range past the end', async () => {
    const first = await api.get(`/v1/files/${big.id}/content`, { headers: { Range: 'bytes=0-99' }, streamBody: true });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-99/${big.size}`);
    expect(first.headers.get('content-length')).toBe('100');
    const firstBody = await readAll(first);
    expect(firstBody.bytes).toBe(100);
    expect([...firstBody.first]).toEqual(Array.from({ length: 64 }, (_, i) => big.byteAt(i)));

    const tail = await api.get(`/v1/files/${big.id}/content`, { headers: { Range: 'bytes=-100' }, streamBody: true });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe(`bytes ${big.size - 100}-${big.size - 1}/${big.size}`);
    const tailBody = await readAll(tail);
    expect(tailBody.bytes).toBe(100);
    expect([...tailBody.first]).toEqual(Array.from({ length: 64 }, (_, i) => big.byteAt(big.size - 100 + i)));

    const bytes = small(1000);
    const created = await api.post('/v1/files', { rawBody: form(bytes, 'pixel.png', 'image/png') });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const middle = await api.get(`/v1/files/${id}/content`, { headers: { Range: 'bytes=10-19' }, streamBody: true });
    expect(middle.status).toBe(206);
    expect(Buffer.from(await new Response(middle.stream).arrayBuffer())).toEqual(bytes.subarray(10, 20));
    const open = await api.get(`/v1/files/${id}/content`, { headers: { Range: 'bytes=990-' }, streamBody: true });
    expect(open.headers.get('content-range')).toBe('bytes 990-999/1000');
    expect(Buffer.from(await new Response(open.stream).arrayBuffer())).toEqual(bytes.subarray(990));
    const clipped = await api.get(`/v1/files/${id}/content`, { headers: { Range: 'bytes=995-5000' }, streamBody: true });
    expect(clipped.headers.get('content-range')).toBe('bytes 995-999/1000');
    await clipped.stream?.cancel();

    const past = await api.get(`/v1/files/${id}/content`, { headers: { Range: 'bytes=1000-' } });
    expectProblem(past, 416, 'range_not_satisfiable');
    expect(past.headers.get('content-range')).toBe('bytes */1000');

    // several ranges, or a stale If-Range, get the whole content
    const many = await api.get(`/v1/files/${id}/content`, { headers: { Range: 'bytes=0-1,5-6' }, streamBody: true });
    expect(many.status).toBe(200);
    await many.stream?.cancel();
    const stale = await api.get(`/v1/files/${id}/content`, { headers: { Range: 'bytes=0-1', 'If-Range': `"${'0'.repeat(64)}"` }, streamBody: true });
    expect(stale.status).toBe(200);
    expect(Buffer.from(await new Response(stale.stream).arrayBuffer())).toEqual(bytes);
  });

  it('answers If-None-Match with 304 and no body', async () => {
    const etag = `"${big.sha256}"`;
    const hit = await api.get(`/v1/files/${big.id}/content`, { headers: { 'If-None-Match': `"abc", ${etag}` } });
    expect(hit.status).toBe(304);
    expect(hit.headers.get('etag')).toBe(etag);
    expect(hit.text).toBe('');
    const weak = await api.get(`/v1/files/${big.id}/content`, { headers: { 'If-None-Match': `W/${etag}` } });
    expect(weak.status).toBe(304);
    const miss = await api.get(`/v1/files/${big.id}/content`, { headers: { 'If-None-Match': `"${'0'.repeat(64)}"`, Range: 'bytes=0-0' }, streamBody: true });
    expect(miss.status).toBe(206);
    await miss.stream?.cancel();
  });

  it('refuses a 26 MB upload with 413 and keeps nothing of it', async () => {
    const before = storedFiles();
    const [{ n: rowsBefore }] = await sql<{ n: string }>(`select count(*) as n from files where workspace_id = ?`, [workspaceId]);
    const [{ n: pinsBefore }] = await sql<{ n: string }>(`select count(*) as n from file_blob_pins`);
    const upload = streamedUpload({ size: 26 * MiB, head: MP4_HEAD, filename: 'too-big.mp4', contentType: 'video/mp4' });
    const res = await api.post('/v1/files', { rawBody: upload.body, headers: upload.headers });
    expectProblem(res, 413, 'payload_too_large');
    expect(storedFiles()).toEqual(before);
    expect(storedFiles().filter((f) => f.startsWith('tmp'))).toEqual([]);
    const [{ n: rowsAfter }] = await sql<{ n: string }>(`select count(*) as n from files where workspace_id = ?`, [workspaceId]);
    expect(rowsAfter).toBe(rowsBefore);
    const [{ n: pinsAfter }] = await sql<{ n: string }>(`select count(*) as n from file_blob_pins`);
    expect(pinsAfter).toBe(pinsBefore);
  });

  it('refuses a declared Content-Length over the limit before storing anything', async () => {
    const before = storedFiles();
    const size = 26 * MiB;
    const upload = streamedUpload({ size, head: MP4_HEAD, filename: 'declared.mp4', contentType: 'video/mp4' });
    const framing = Buffer.byteLength(`--${upload.boundary}\r\nContent-Disposition: form-data; name="file"; filename="declared.mp4"\r\nContent-Type: video/mp4\r\n\r\n`) + Buffer.byteLength(`\r\n--${upload.boundary}--\r\n`);
    const res = await api.post('/v1/files', { rawBody: upload.body, headers: { ...upload.headers, 'Content-Length': String(size + framing) } });
    expectProblem(res, 413, 'payload_too_large');
    expect(storedFiles()).toEqual(before);
  });

  it('keeps nothing of an upload the client abandons halfway', async () => {
    const before = storedFiles();
    const upload = streamedUpload({ size: 20 * MiB, head: MP4_HEAD, filename: 'abandoned.mp4', contentType: 'video/mp4' });
    const controller = new AbortController();
    let sawTemp = false;
    async function* halfway(): AsyncGenerator<Uint8Array> {
      for await (const chunk of upload.body) {
        yield chunk;
        if (upload.sent() > 8 * MiB) {
          // the connection goes only once the server is writing the upload, so the check below sees its temp file
          // removed rather than one that does not exist yet (on a busy machine the server can lag the client)
          for (let i = 0; i < 100 && !storedFiles().some((f) => f.startsWith('tmp') && !before.includes(f)); i++) {
            await new Promise((r) => setTimeout(r, 50));
          }
          sawTemp = storedFiles().some((f) => f.startsWith('tmp') && !before.includes(f));
          controller.abort();
          return;
        }
      }
    }
    const sent = fetch(`${stack().apiUrl}/v1/files`, {
      method: 'POST',
      headers: { ...upload.headers, Authorization: `Bearer ${key}` },
      body: halfway(),
      duplex: 'half',
      signal: controller.signal,
    } as RequestInit);
    await expect(sent).rejects.toThrow();
    expect(sawTemp).toBe(true);
    for (let i = 0; i < 50 && storedFiles().length !== before.length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(storedFiles()).toEqual(before);
  });

  it('accepts exactly 25 MiB', async () => {
    const upload = streamedUpload({ size: 25 * MiB, head: PNG_HEAD, filename: 'limit.png', contentType: 'application/octet-stream' });
    const res = await api.post('/v1/files', { rawBody: upload.body, headers: upload.headers });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ size: 25 * MiB, content_type: 'image/png', sha256: upload.sha256() });
  });

  it.each([
    ['a PDF declared as PNG', small(2000, Buffer.from('%PDF-1.7\n')), 'doc.png', 'image/png'],
    ['a ZIP archive', small(2000, Buffer.from([0x50, 0x4b, 0x03, 0x04])), 'archive.zip', 'application/zip'],
    ['an executable sent as octet-stream', small(2000, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02])), 'a.out', 'application/octet-stream'],
    ['HTML declared as text', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), 'page.txt', 'text/plain'],
    ['plain text declared as JPEG', Buffer.from('hello there\n'), 'photo.jpg', 'image/jpeg'],
  ])('refuses %s with 422 file_type_not_allowed and keeps nothing', async (_what, bytes, filename, type) => {
    const before = storedFiles();
    const res = await api.post('/v1/files', { rawBody: form(bytes, filename, type) });
    expectProblem(res, 422, 'file_type_not_allowed');
    expect(res.body.errors[0].pointer).toBe('/file');
    expect(storedFiles()).toEqual(before);
    expect(await sql(`select id from files where workspace_id = ? and filename = ?`, [workspaceId, filename])).toHaveLength(0);
  });

  it('takes the type from the bytes when the client does not say, and the client\'s word where the bytes cannot tell', async () => {
    const csv = Buffer.from('name,phone\nAsha,+919800000001\nRavi,+919800000002\n');
    const sniffed = await api.post('/v1/files', { rawBody: form(csv, 'contacts.csv', 'application/octet-stream') });
    expect(sniffed.body).toMatchObject({ content_type: 'text/csv', size: csv.length });
    const plain = await api.post('/v1/files', { rawBody: form(csv, 'contacts.txt', 'text/plain') });
    expect(plain.body.content_type).toBe('text/plain');
    expect(plain.body.sha256).toBe(sniffed.body.sha256);
    const excel = await api.post('/v1/files', { rawBody: form(csv, 'export.csv', 'application/vnd.ms-excel') });
    expect(excel.body.content_type).toBe('text/csv');
    const jpeg = await api.post('/v1/files', { rawBody: form(small(500, Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'p.jpg', 'image/jpg') });
    expect(jpeg.body.content_type).toBe('image/jpeg');
    const opus = await api.post('/v1/files', { rawBody: form(small(500, Buffer.from('OggS\0\x02\0\0\0\0\0\0\0\0OpusHead', 'latin1')), 'voice.opus', 'audio/opus') });
    expect(opus.body.content_type).toBe('audio/ogg');
    const mp3 = await api.post('/v1/files', { rawBody: form(small(500, Buffer.from('ID3\x04\0\0\0\0\0\0', 'latin1')), 'song.mp3', 'audio/mpeg') });
    expect(mp3.body.content_type).toBe('audio/mpeg');
  });

  it('keeps a filename in any script, and gives it back in Content-Disposition', async () => {
    const name = 'résumé "final" 2026.pdf';
    const res = await api.post('/v1/files', { rawBody: form(Buffer.from('%PDF-1.4\n%âãÏÓ\n'), name, 'application/pdf') });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ filename: name, content_type: 'application/pdf' });
    const download = await api.get(`/v1/files/${res.body.id}/content`, { streamBody: true });
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="r_sum_ _final_ 2026.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    await download.stream?.cancel();
  });

  it('refuses what is not one multipart file', async () => {
    expectProblem(await api.post('/v1/files', { body: { file: 'x' } }), 415, 'unsupported_media_type');
    const none = new FormData();
    none.append('purpose', 'message_media');
    const missing = await api.post('/v1/files', { rawBody: none });
    expectProblem(missing, 400, 'invalid_request');
    expect(missing.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/file']);
    const text = new FormData();
    text.append('file', 'just a string');
    expectProblem(await api.post('/v1/files', { rawBody: text }), 400, 'invalid_request');
    const extra = form(Buffer.from('hi\n'), 'a.txt', 'text/plain', { colour: 'red' });
    const unknown = await api.post('/v1/files', { rawBody: extra });
    expectProblem(unknown, 400, 'invalid_request');
    expect(unknown.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/colour']);
    const two = form(Buffer.from('one\n'), 'one.txt', 'text/plain');
    two.append('file', new Blob(['two\n'], { type: 'text/plain' }), 'two.txt');
    expectProblem(await api.post('/v1/files', { rawBody: two }), 400, 'invalid_request');
  });

  it('releases the stored content of an upload refused after it was stored', async () => {
    const bytes = Buffer.from(`refused after storing ${randomBytes(8).toString('hex')}\n`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const res = await api.post('/v1/files', { rawBody: form(bytes, 'note.txt', 'text/plain', { purpose: 'Not A Purpose' }) });
    expectProblem(res, 400, 'invalid_request');
    expect(res.body.errors[0].pointer).toBe('/purpose');
    // what a form library writes for a value that was not set is no purpose either
    for (const purpose of ['null', 'undefined']) {
      const unset = await api.post('/v1/files', { rawBody: form(bytes, 'note.txt', 'text/plain', { purpose }) });
      expectProblem(unset, 400, 'invalid_request');
      expect(unset.body.errors[0].pointer).toBe('/purpose');
    }
    // the pin goes once the answer is out; the blob is deleted inside the transaction that drops the pin, so the file
    // can be gone a moment before that transaction commits
    const pins = () => sql(`select id from file_blob_pins where sha256 = ?`, [sha256]);
    for (let i = 0; i < 50 && (existsSync(blobPath(sha256)) || (await pins()).length); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(blobPath(sha256))).toBe(false);
    expect(await pins()).toHaveLength(0);
  });

  it('replays an upload under the same Idempotency-Key and refuses other content under it', async () => {
    const key = `upload-${randomBytes(8).toString('hex')}`;
    const bytes = small(3000);
    const first = await api.post('/v1/files', { rawBody: form(bytes, 'logo.png', 'image/png', { purpose: 'template_header' }), headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotency-key')).toBe(key);
    const again = await api.post('/v1/files', { rawBody: form(bytes, 'logo.png', 'image/png', { purpose: 'template_header' }), headers: { 'Idempotency-Key': key } });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await sql(`select id from files where workspace_id = ? and sha256 = ?`, [workspaceId, first.body.sha256])).toHaveLength(1);

    const other = await api.post('/v1/files', { rawBody: form(small(3001), 'logo.png', 'image/png', { purpose: 'template_header' }), headers: { 'Idempotency-Key': key } });
    expectProblem(other, 409, 'idempotency_key_reused');
    expect(other.body.diff.map((d: { pointer: string }) => d.pointer).sort()).toEqual(['/sha256', '/size']);

    // what the command stored is metadata, never the bytes
    const [stored] = await sql<{ request: { body: Record<string, unknown> } }>(`select request from idempotency_keys where workspace_id = ? and request->'body'->>'sha256' = ?`, [workspaceId, first.body.sha256]);
    expect(Object.keys(stored.request.body).sort()).toEqual(['content_type', 'filename', 'purpose', 'sha256', 'size']);
  });

  it("answers 404 for another workspace's file: metadata, content and delete", async () => {
    const other = await newWorkspace();
    const theirs = await client(other.key).post('/v1/files', { rawBody: form(small(1500), 'theirs.png', 'image/png') });
    expect(theirs.status).toBe(201);
    const id = theirs.body.id;
    expectProblem(await api.get(`/v1/files/${id}`), 404, 'resource_missing');
    expectProblem(await api.get(`/v1/files/${id}/content`), 404, 'resource_missing');
    expectProblem(await api.delete(`/v1/files/${id}`), 404, 'resource_missing');
    const mine = await api.get('/v1/files?limit=100');
    expect(mine.body.data.map((f: { id: string }) => f.id)).not.toContain(id);
    expect((await client(other.key).get(`/v1/files/${id}`)).status).toBe(200);
  });

  it('deletes a file as a tombstone with events, and removes the bytes only when no live file holds them', async () => {
    const bytes = small(4000, Buffer.from('GIF89a'));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const other = await newWorkspace();
    const mine = await api.post('/v1/files', { rawBody: form(bytes, 'anim.gif', 'image/gif') });
    const theirs = await client(other.key).post('/v1/files', { rawBody: form(bytes, 'same.gif', 'image/gif') });
    expect(mine.body.sha256).toBe(sha256);
    expect(theirs.body.sha256).toBe(sha256);

    const deleted = await api.delete(`/v1/files/${mine.body.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: mine.body.id, object: 'file', livemode: true, deleted: true, created_at: mine.body.created_at, updated_at: expect.any(String) });
    expectProblem(await api.get(`/v1/files/${mine.body.id}`), 404, 'resource_missing');
    expectProblem(await api.get(`/v1/files/${mine.body.id}/content`), 404, 'resource_missing');
    expectProblem(await api.delete(`/v1/files/${mine.body.id}`), 404, 'resource_missing');
    // the other workspace's file still holds the bytes
    expect(existsSync(blobPath(sha256))).toBe(true);
    const still = await client(other.key).get(`/v1/files/${theirs.body.id}/content`, { streamBody: true });
    expect(Buffer.from(await new Response(still.stream).arrayBuffer())).toEqual(bytes);

    expect((await client(other.key).delete(`/v1/files/${theirs.body.id}`)).status).toBe(200);
    expect(existsSync(blobPath(sha256))).toBe(false);

    const sync = await api.get(`/v1/files?updated_since=${encodeURIComponent(mine.body.created_at)}&limit=100`);
    expect(sync.body.data).toContainEqual(deleted.body);

    const events = await api.get('/v1/events?type=file.*&limit=100');
    const trail = events.body.data.filter((e: { data: { object: { id: string } } }) => e.data.object.id === mine.body.id);
    expect(trail.map((e: { type: string; sequence: number }) => `${e.type}#${e.sequence}`)).toEqual(['file.deleted#2', 'file.created#1']);
    expect(trail[1].data.object).toEqual(mine.body);
    expect(trail[0].request_id).toBe(deleted.headers.get('request-id'));
  });

  it('lists files newest first with a cursor and filters', async () => {
    const ws = await newWorkspace();
    const own = client(ws.key);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await own.post('/v1/files', { rawBody: form(Buffer.from(`line ${i}\n`), `f${i}.txt`, 'text/plain', i === 0 ? { purpose: 'contact_import' } : {}) });
      ids.push(res.body.id);
    }
    const page1 = await own.get('/v1/files?limit=2');
    expect(page1.body.data.map((f: { id: string }) => f.id)).toEqual([ids[2], ids[1]]);
    expect(page1.body.has_more).toBe(true);
    const page2 = await own.get(`/v1/files?limit=2&cursor=${encodeURIComponent(page1.body.next_cursor)}`);
    expect(page2.body.data.map((f: { id: string }) => f.id)).toEqual([ids[0]]);
    expect(page2.body.has_more).toBe(false);
    const byPurpose = await own.get('/v1/files?purpose=contact_import');
    expect(byPurpose.body.data.map((f: { id: string }) => f.id)).toEqual([ids[0]]);
    const bySha = await own.get(`/v1/files?sha256=${createHash('sha256').update('line 1\n').digest('hex')}`);
    expect(bySha.body.data.map((f: { id: string }) => f.id)).toEqual([ids[1]]);
  });

  it('needs files:write to upload and files:read to download', async () => {
    const ws = await newWorkspace();
    const { key: readOnly } = await ws.keyWith(['files:read']);
    const refused = await api.post('/v1/files', { key: readOnly, rawBody: form(Buffer.from('x\n'), 'x.txt', 'text/plain') });
    expectProblem(refused, 403, 'insufficient_scope');
    expect(refused.body.missing_scopes).toEqual(['files:write']);
    const { key: writeOnly } = await ws.keyWith(['files:write']);
    expectProblem(await api.get(`/v1/files/${big.id}/content`, { key: writeOnly }), 403, 'insufficient_scope');
  });
});

describe('content sniffing and byte ranges', () => {
  // the HTTP suite above is the contract; these pin down edge cases of the pure parts
  it.each([
    [Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]), 'image/webp'],
    [Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from('ftypM4A '), Buffer.alloc(8)]), 'audio/mp4'],
    [Buffer.concat([Buffer.from([0, 0, 0, 0x14]), Buffer.from('ftypqt  '), Buffer.alloc(8)]), 'video/quicktime'],
    [Buffer.from([0xff, 0xfb, 0x90, 0x64, 0, 0]), 'audio/mpeg'],
    [Buffer.from([0xff, 0xf1, 0x50, 0x80, 0, 0]), 'application/octet-stream'], // AAC ADTS, not MPEG layer III
    [Buffer.from('OggS\0\x02\0\0\0\0\0\0\0\0\x80theora', 'latin1'), 'video/ogg'],
    [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'text/html'],
    [Buffer.from('a;b;c\n1;2;3\n4;5;6\n'), 'text/csv'],
    [Buffer.from('just one line, with a comma\n'), 'text/plain'],
    [Buffer.from([0xc3, 0x28, 0x41]), 'application/octet-stream'], // not UTF-8
    [Buffer.alloc(0), 'text/plain'],
  ])('sniffs %#', (head, type) => {
    expect(sniffContentType(head, true)).toBe(type);
  });

  it('lets the declared type decide only where the bytes cannot', () => {
    expect(decideContentType('audio/mp4', 'video/mp4')).toEqual({ ok: true, contentType: 'audio/mp4' });
    expect(decideContentType('image/png; charset=binary', 'image/png')).toEqual({ ok: true, contentType: 'image/png' });
    expect(decideContentType('text/html', 'text/plain').ok).toBe(false);
    expect(decideContentType('image/gif', 'image/png').ok).toBe(false);
    expect(decideContentType(undefined, 'text/html').ok).toBe(false);
  });

  it.each([
    ['bytes=0-0', 10, { start: 0, end: 0 }],
    ['bytes=-3', 10, { start: 7, end: 9 }],
    ['bytes=-30', 10, { start: 0, end: 9 }],
    ['bytes=5-', 10, { start: 5, end: 9 }],
    ['bytes=8-20', 10, { start: 8, end: 9 }],
    ['bytes=10-', 10, 'unsatisfiable'],
    ['bytes=-0', 10, 'unsatisfiable'],
    ['bytes=0-', 0, 'unsatisfiable'],
    ['bytes=5-2', 10, null],
    ['items=0-5', 10, null],
    ['bytes=0-1,3-4', 10, null],
    [undefined, 10, null],
  ])('Range %s of %i bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
