// Conditional and range requests on a stored representation (RFC 9110 §13, §14).

export interface ByteRange {
  start: number;
  end: number;
}

/**
 * One `bytes=` range resolved against `size`: a range, `'unsatisfiable'`, or null when the header is to be
 * ignored (absent, another unit, unparsable, or several ranges: answering those with the whole body is allowed).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    // suffix: the last n bytes
    const n = Number(m[2]);
    if (n === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return null; // invalid: ignore it
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

function entityTags(header: string): string[] {
  return header.split(',').map((t) => t.trim().replace(/^W\//, ''));
}

/** If-None-Match with weak comparison: `*` or any listed tag equal to `etag`. */
export function noneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.trim() === '*' || entityTags(header).includes(etag);
}

/** If-Range: the range applies only while the representation is still the one the client has (strong match). */
export function ifRangeHolds(header: string | undefined, etag: string): boolean {
  if (!header) return true;
  return header.trim() === etag;
}

/** `attachment` with an ASCII fallback and the exact name in RFC 8187 `filename*`. */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
