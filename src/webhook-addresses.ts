// Where webhooks may go: public addresses only, checked on the very address a delivery connects to.
import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { config } from './config';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['::ffff:0:0', 96], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['2002::', 16],
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(net, prefix, 'ipv6');

/** Loopback, private, link-local (cloud metadata), CGNAT, multicast, reserved, IPv4-mapped IPv6 are not public. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '').toLowerCase();

export function isAllowlisted(hostname: string): boolean {
  return config.webhooks.allowedHosts.has(bare(hostname));
}

/** Why a URL may not be registered, or null. Host names are checked again, on their resolved address, at each attempt. */
export function urlRefusal(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a valid URL';
  }
  if (url.username || url.password) return 'credentials in the URL are not allowed';
  if (isAllowlisted(url.hostname)) return null;
  if (url.protocol !== 'https:' && !(config.webhooks.developmentMode && url.protocol === 'http:')) return 'the URL must use https';
  const host = bare(url.hostname);
  if (isIP(host) && !isPublicAddress(host)) return `${host} is not a public address`;
  if (host === 'localhost' || host.endsWith('.localhost') || host === 'metadata.google.internal') return `${host} is not a public host`;
  return null;
}

export class AddressNotAllowedError extends Error {
  readonly code = 'ADDRESS_NOT_ALLOWED';
}

// development and tests only: a fixed answer for a host name, so refusals can be shown without any real DNS
function overrides(): Map<string, string> {
  const raw = config.webhooks.developmentMode ? process.env.WEBHOOK_RESOLVE_OVERRIDES ?? '' : '';
  return new Map(raw.split(',').filter(Boolean).map((pair) => pair.split('=').map((s) => s.trim().toLowerCase()) as [string, string]));
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request: resolves once, refuses if any answer is not public, and hands the socket exactly the
 * checked address, so a second DNS answer can never slip in between check and connect. SNI and Host keep the name.
 */
export function checkedLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback): void {
  const finish = (addresses: LookupAddress[]) => {
    const refused = isAllowlisted(hostname) ? undefined : addresses.find((a) => !isPublicAddress(a.address));
    if (refused) return callback(new AddressNotAllowedError(`${hostname} resolved to ${refused.address}, which is not a public address`), '', 0);
    if (!addresses.length) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  };
  const fixed = overrides().get(hostname.toLowerCase());
  if (fixed) return finish([{ address: fixed, family: isIP(fixed) }]);
  dnsLookup(hostname, { all: true }, (err, addresses) => (err ? callback(err, '', 0) : finish(addresses)));
}

/** For literal-address URLs, which never go through `lookup`: the same refusal, before any socket exists. */
export function literalAddressRefusal(hostname: string): string | null {
  const host = bare(hostname);
  if (!isIP(host) || isAllowlisted(host) || isPublicAddress(host)) return null;
  return `${host} is not a public address`;
}
