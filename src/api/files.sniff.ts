// What a file is, judged by its first bytes rather than by what the client says, and whether we keep it.

/** Bytes looked at before deciding; the rest of the upload streams through untouched. */
export const SNIFF_BYTES = 4096;

export const ALLOWED_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'application/pdf',
  'audio/mpeg',
  'audio/mp4',
  'audio/ogg',
  'video/mp4',
  'video/quicktime',
  'video/ogg',
  'text/plain',
  'text/csv',
] as const;

const ALLOWED = new Set<string>(ALLOWED_TYPES);

// Names clients use for the same thing (browsers on Windows send CSV as application/vnd.ms-excel).
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'audio/mp3': 'audio/mpeg',
  'audio/mpeg3': 'audio/mpeg',
  'audio/x-mp3': 'audio/mpeg',
  'audio/x-mpeg': 'audio/mpeg',
  'audio/m4a': 'audio/mp4',
  'audio/x-m4a': 'audio/mp4',
  'audio/opus': 'audio/ogg',
  'application/ogg': 'audio/ogg',
  'video/x-m4v': 'video/mp4',
  'text/x-csv': 'text/csv',
  'application/csv': 'text/csv',
  'application/vnd.ms-excel': 'text/csv',
};

// Pairs the bytes cannot tell apart: the client's word decides between them.
const FAMILIES = [
  new Set(['text/plain', 'text/csv']),
  new Set(['video/mp4', 'audio/mp4']),
  new Set(['audio/ogg', 'video/ogg']),
];

const ascii = (buf: Buffer, start: number, end: number) => buf.subarray(start, end).toString('latin1');

function isMpegAudioFrame(b: Buffer): boolean {
  if (b.length < 3 || b[0] !== 0xff || (b[1] & 0xe0) !== 0xe0) return false;
  const version = (b[1] >> 3) & 3;
  const layer = (b[1] >> 1) & 3;
  const bitrate = b[2] >> 4;
  const sampleRate = (b[2] >> 2) & 3;
  return version !== 1 && layer !== 0 && bitrate !== 15 && sampleRate !== 3;
}

function binaryType(b: Buffer): string | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'image/gif';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image/webp';
  if (b.length >= 5 && ascii(b, 0, 5) === '%PDF-') return 'application/pdf';
  if (b.length >= 12 && ascii(b, 4, 8) === 'ftyp') {
    const brand = ascii(b, 8, 12);
    if (['M4A ', 'M4B ', 'M4P ', 'F4A '].includes(brand)) return 'audio/mp4';
    if (brand === 'qt  ') return 'video/quicktime';
    return 'video/mp4';
  }
  if (b.length >= 4 && ascii(b, 0, 4) === 'OggS') return b.includes('\x80theora', 0, 'latin1') ? 'video/ogg' : 'audio/ogg';
  if (b.length >= 3 && ascii(b, 0, 3) === 'ID3') return 'audio/mpeg';
  if (isMpegAudioFrame(b)) return 'audio/mpeg';
  return null;
}

// C0 controls other than tab, line feed, form feed and carriage return mark binary data.
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f]/;
const MARKUP = /^\s*<(!doctype\s+html|html|head|body|script|svg|\?xml)\b/i;

function textType(b: Buffer, complete: boolean): string | null {
  let text: string;
  try {
    // a cut in the middle of a multi-byte character at the end of the head is not an error
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b, { stream: !complete });
  } catch {
    return null;
  }
  if (CONTROL.test(text)) return null;
  if (MARKUP.test(text)) return 'text/html';
  return looksLikeCsv(text, complete) ? 'text/csv' : 'text/plain';
}

function delimiterCount(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}

function looksLikeCsv(text: string, complete: boolean): boolean {
  const lines = text.split(/\r?\n/);
  if (!complete) lines.pop(); // the last line of a head may be cut
  const rows = lines.filter((l) => l.length > 0).slice(0, 20);
  if (rows.length < 2) return false;
  return [',', ';', '\t'].some((d) => {
    const first = delimiterCount(rows[0], d);
    return first > 0 && rows.every((r) => delimiterCount(r, d) === first);
  });
}

/**
 * The type the bytes show: a known magic number, else UTF-8 text (plain or CSV), else
 * `application/octet-stream`. `complete` says the head is the whole file.
 */
export function sniffContentType(head: Buffer, complete: boolean): string {
  return binaryType(head) ?? textType(head, complete) ?? 'application/octet-stream';
}

export function canonicalType(declared: string | undefined): string | undefined {
  const base = declared?.split(';')[0].trim().toLowerCase();
  return base ? (ALIASES[base] ?? base) : undefined;
}

export type TypeDecision = { ok: true; contentType: string } | { ok: false; detail: string };

/**
 * Keeps a file when its bytes are of an allowed type and the declared type (the part's Content-Type) agrees.
 * `application/octet-stream` declares nothing. Where the bytes cannot decide (CSV or plain text, audio or
 * video MP4), the declared type wins.
 */
export function decideContentType(declared: string | undefined, sniffed: string): TypeDecision {
  const claim = canonicalType(declared);
  if (!ALLOWED.has(sniffed)) {
    const what = sniffed === 'application/octet-stream' ? 'of no recognised type' : sniffed;
    return { ok: false, detail: `The file's content is ${what}; allowed: ${ALLOWED_TYPES.join(', ')}` };
  }
  if (!claim || claim === 'application/octet-stream' || claim === sniffed) return { ok: true, contentType: sniffed };
  if (ALLOWED.has(claim) && FAMILIES.some((f) => f.has(claim) && f.has(sniffed))) return { ok: true, contentType: claim };
  return { ok: false, detail: `The file part declares ${claim} but its content is ${sniffed}` };
}
