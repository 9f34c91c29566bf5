import { createHash, randomBytes } from 'node:crypto';

export const ID_PREFIXES = ['ws', 'key', 'ctc', 'cnv', 'msg', 'chn', 'tag', 'tpl', 'flw', 'frn', 'brd', 'ord', 'fil', 'evt', 'whe', 'whd', 'blk', 'prg', 'aud', 'bkp', 'atr', 'epr', 'oap'] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** A fresh random id such as `ctc_` + 26 base32 characters (128 bits). */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${base32(randomBytes(16))}`;
}

/** The same id every time for the same seed: commands derive ids from their workflow's uuid so a retry writes nothing twice. */
export function idFromSeed(prefix: IdPrefix, seed: string, n = 0): string {
  return `${prefix}_${base32(createHash('sha256').update(`${prefix}:${seed}:${n}`).digest().subarray(0, 16))}`;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A key's secret: `sk_live_…`, `sk_test_…`, `pk_live_…` or `pk_test_…` and 192 random bits (keys minted before modes are `sk_…`/`pk_…`, live). */
export function newKeySecret(type: 'secret' | 'publishable', livemode: boolean): string {
  return `${type === 'publishable' ? 'pk' : 'sk'}_${livemode ? 'live' : 'test'}_${randomBytes(24).toString('base64url')}`;
}
