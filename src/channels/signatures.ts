import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Provider callbacks and our calls to http providers carry `Sabnode-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256
// of "<t>.<raw body>">`; the timestamp bounds replays, the HMAC binds the body.
export const SIGNATURE_HEADER = 'Sabnode-Signature';
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** A channel's signing secret: `chsec_` and the standard base64 of 24 random bytes. */
export function newChannelSecret(): string {
  return `chsec_${randomBytes(24).toString('base64')}`;
}

export function signBody(secret: string, body: string | Buffer, at = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${at}.`).update(body).digest('hex');
  return `t=${at},v1=${mac}`;
}

export function verifyBodySignature(secret: string, header: string | undefined, body: Buffer, now = Math.floor(Date.now() / 1000)): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const at = Number(parts.t);
  if (!Number.isInteger(at) || Math.abs(now - at) > SIGNATURE_TOLERANCE_SECONDS || !parts.v1) return false;
  const expected = Buffer.from(signBody(secret, body, at).split('v1=')[1], 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
