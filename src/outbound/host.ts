import { BlockList, isIP } from 'node:net';

// A host as the WHATWG URL parser spells it (lower case, punycode, IPv4 in dotted decimal, IPv6 compressed), without
// brackets or trailing dots: `LOCALHOST.`, `0x7f.1` and `[::FFFF:127.0.0.1]` compare as the URL parser reads them.
export function normalHost(host: string): string {
  const bare = host.trim().replace(/^\[|\]$/g, '');
  let parsed: string;
  try {
    parsed = new URL(`http://${bare.includes(':') ? `[${bare}]` : bare}/`).hostname;
  } catch {
    parsed = bare.toLowerCase();
  }
  return parsed.replace(/^\[|\]$/g, '').replace(/\.+$/, '');
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');
loopback.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

/** 127.0.0.0/8, ::1 and IPv4-mapped 127/8: the only addresses contacted in loopback mode. */
export function isLoopbackAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && loopback.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
