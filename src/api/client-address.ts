import { randomBytes, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { parseCidr } from '../cidr';
import type { Request } from 'express';
import { config } from '../config';

function blockList(cidrs: string[]): BlockList {
  const list = new BlockList();
  for (const text of cidrs) {
    const cidr = parseCidr(text);
    if (!cidr) throw new Error(`TRUSTED_PROXIES: '${text}' is not a CIDR`);
    list.addSubnet(cidr.address, cidr.prefix, cidr.family);
  }
  return list;
}

const trusted = blockList(config.trustedProxies);

/** IPv4 peers of a dual-stack socket appear as ::ffff:a.b.c.d; they are IPv4 clients. */
function plain(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * Express's `trust proxy`: a hop is believed only when it is one of TRUSTED_PROXIES. Walking X-Forwarded-For from
 * the right, the client is the first address not sent by a trusted proxy.
 */
export function trustProxy(address: string): boolean {
  if (!config.trustedProxies.length) return false;
  const a = plain(address);
  const family = isIP(a);
  return family !== 0 && trusted.check(a, family === 4 ? 'ipv4' : 'ipv6');
}

// A request this process makes to itself for a caller (an MCP tool call over /mcp) names that caller's address, and
// proves it comes from this process with a secret that never leaves it.
const FORWARD_TOKEN_TEXT = randomBytes(32).toString('base64url');

/** Headers for a request this process makes to its own listener on behalf of the caller at `address`. */
export function onBehalfOf(address: string): Record<string, string> {
  return { 'sabnode-on-behalf-of': address, 'sabnode-on-behalf-token': FORWARD_TOKEN_TEXT };
}

function forwardedBySelf(req: Request): string | null {
  const address = req.get('sabnode-on-behalf-of');
  const token = req.get('sabnode-on-behalf-token');
  if (!address || !token || isIP(address) === 0) return null;
  const given = Buffer.from(token);
  return given.length === FORWARD_TOKEN_TEXT.length && timingSafeEqual(given, Buffer.from(FORWARD_TOKEN_TEXT)) ? address : null;
}

/**
 * The one decision about who is calling: the rate-limit budget of callers without a key, the IP allowlist, the
 * key's last-used address and audit records all read it.
 */
export function clientAddress(req: Request): string {
  return forwardedBySelf(req) ?? plain(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}
