// Which URLs of customers may be called: the rules checked when a URL is stored (no DNS) and again, on the resolved
// addresses, before each request (src/outbound/sender.ts).
import { BlockList, isIP } from 'node:net';
import { config } from '../config';
import { normalHost } from './host';

const blockedV4 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blockedV4.addSubnet(net, prefix, 'ipv4');

// inside 2000::/3 (global unicast): IETF protocol assignments (Teredo 2001::/32 among them), documentation, the
// returned 6bone block
const blockedV6 = new BlockList();
for (const [net, prefix] of [['2001::', 23], ['2001:db8::', 32], ['3fff::', 20], ['3ffe::', 16]] as const) blockedV6.addSubnet(net, prefix, 'ipv6');

/** The 16 bytes of an IPv6 address (which `isIP` has accepted), the embedded dotted IPv4 tail included. */
function v6Bytes(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = text.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const groups = (s: string) => (s ? s.split(':') : []);
  const h = groups(head);
  const t = tail === null ? [] : groups(tail);
  const all = tail === null ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]);
}

const prefixIs = (bytes: number[], prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const v4 = (bytes: number[]) => bytes.join('.');

/**
 * Public IPv4: everything but loopback, private, CGNAT, link-local (cloud metadata), multicast, reserved and
 * documentation ranges. Public IPv6: global unicast (2000::/3) outside special blocks; translated forms (IPv4-mapped
 * ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16) only when the IPv4 address they carry is public. Everything else
 * (::/96 IPv4-compatible, ::1, ULA, link-local, multicast, local NAT64 64:ff9b:1::/48, Teredo) is not.
 */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !blockedV4.check(address, 'ipv4');
  // a zone id (fe80::1%eth0) names an interface of this machine
  if (family !== 6 || address.includes('%')) return false;
  const b = v6Bytes(address);
  if (prefixIs(b, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]) || prefixIs(b, [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0])) return isPublicAddress(v4(b.slice(12)));
  if ((b[0] & 0xe0) !== 0x20) return false;
  if (b[0] === 0x20 && b[1] === 0x02) return isPublicAddress(v4(b.slice(2, 6)));
  return !blockedV6.check(address, 'ipv6');
}

export function isAllowlisted(host: string): boolean {
  return config.outbound.allowedHosts.has(normalHost(host));
}

// names that only ever mean a machine or network of one's own
const LOCAL_NAMES = /(^|\.)(localhost|local|localdomain|internal|intranet|lan|home\.arpa|arpa)$|^ip6-(localhost|loopback)$/;

/**
 * Why a URL may not be stored or called, from the URL alone (no DNS), or null. Messages name no address.
 * Host names pass here and are checked again on their resolved addresses before each request.
 */
export function urlRefusal(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only http and https URLs can be called';
  if (url.username || url.password) return 'credentials in the URL are not allowed';
  const host = normalHost(url.hostname);
  if (isAllowlisted(host)) return null;
  if (url.protocol !== 'https:' && config.outbound.httpsOnly) return 'the URL must use https';
  if (isIP(host)) return isPublicAddress(host) ? null : 'the host is not a public address';
  if (!host.includes('.') || LOCAL_NAMES.test(host)) return 'the host name is not a public name';
  return null;
}
