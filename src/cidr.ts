import { isIP } from 'node:net';

/** `10.0.0.0/8`, `2001:db8::/32` or a bare address (a /32 or /128): the CIDR's canonical text, or null when it is not one. */
export function parseCidr(text: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const m = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(text.trim());
  if (!m) return null;
  const version = isIP(m[1]);
  if (!version) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = m[2] === undefined ? max : Number(m[2]);
  if (prefix > max) return null;
  return { address: m[1].toLowerCase(), prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}
