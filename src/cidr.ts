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

/** An address as its bytes (4 for IPv4, 16 for IPv6), or null when it is not one. */
export function addressBytes(address: string): Uint8Array | null {
  const version = isIP(address);
  if (version === 4) return Uint8Array.from(address.split('.').map(Number));
  if (version !== 6) return null;
  let text = address.toLowerCase().replace(/%.*$/, '');
  // an embedded IPv4 tail (::ffff:1.2.3.4) is two groups
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const b = v4[1].split('.').map(Number);
    text = text.slice(0, -v4[1].length) + `${((b[0] << 8) | b[1]).toString(16)}:${((b[2] << 8) | b[3]).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    const n = parseInt(g, 16);
    out[i * 2] = n >> 8;
    out[i * 2 + 1] = n & 0xff;
  });
  return out;
}

/** PostgreSQL's `address <<= cidr` for an address and a CIDR (or bare address) of the same family; other families never match. */
export function cidrContains(cidr: { bytes: Uint8Array; prefix: number }, address: Uint8Array): boolean {
  if (cidr.bytes.length !== address.length) return false;
  const whole = cidr.prefix >> 3;
  for (let i = 0; i < whole; i++) if (cidr.bytes[i] !== address[i]) return false;
  const bits = cidr.prefix & 7;
  if (!bits) return true;
  const mask = (0xff << (8 - bits)) & 0xff;
  return (cidr.bytes[whole] & mask) === (address[whole] & mask);
}
