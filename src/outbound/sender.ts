// The one way a request reaches a customer's URL (webhooks, http channels, flow http_request): the URL's rules
// (address-policy.ts) checked again, the host name resolved once and the socket pinned to the checked answer, no
// redirects followed, the response read up to a size and the whole exchange bounded in time.
import { promises as dns, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { config } from '../config';
import { isAllowlisted, isPublicAddress, urlRefusal } from './address-policy';
import { isLoopbackAddress, normalHost } from './host';

export type OutboundErrorCode = 'timeout' | 'dns' | 'refused' | 'tls' | 'address_not_allowed' | 'connection';

export interface SendOutcome {
  statusCode: number | null;
  durationMs: number;
  headers: Record<string, string> | null;
  /** at most `maxResponseBytes` of the body */
  body: string | null;
  /** messages are fixed per kind of failure: they never carry an address or anything the other side sent */
  error: { code: OutboundErrorCode; message: string } | null;
  /** Retry-After in milliseconds, when the receiver sent one */
  retryAfterMs: number | null;
}

export interface OutboundRequest {
  /** POST unless said (a DELETE carries no body) */
  method?: 'POST' | 'DELETE';
  headers: Record<string, string>;
  /** JSON text, or bytes (a media upload) with their own content-type header */
  body: string | Buffer;
  /** bound on the whole call: resolving, connecting, sending and reading the answer */
  timeoutMs: number;
  /** the answer's body is read up to this many bytes, then the connection is closed */
  maxResponseBytes: number;
}

const LOOPBACK_ONLY = 'only allowlisted loopback hosts are called here (OUTBOUND_MODE=loopback)';
const NON_PUBLIC = 'the host name resolved to a non-public address';

class Refused {
  constructor(readonly code: OutboundErrorCode, readonly message: string) {}
}

const resolver = config.outbound.dnsServers.length ? new dns.Resolver() : null;
resolver?.setServers(config.outbound.dnsServers);

async function resolveHost(host: string): Promise<LookupAddress[]> {
  const fixed = config.outbound.resolveOverrides.get(host);
  if (fixed) return [{ address: fixed, family: isIP(fixed) }];
  // RFC 6761: localhost names are loopback, answered without asking any DNS server
  if (host === 'localhost' || host.endsWith('.localhost')) return [{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }];
  if (!resolver) return dns.lookup(host, { all: true, verbatim: true });
  const [a, aaaa] = await Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)]);
  return [...(a.status === 'fulfilled' ? a.value.map((address) => ({ address, family: 4 })) : []), ...(aaaa.status === 'fulfilled' ? aaaa.value.map((address) => ({ address, family: 6 })) : [])];
}

/** The URL's checks, then its host's addresses: every one must pass, or nothing is contacted. */
async function admit(raw: string): Promise<{ url: URL; addresses: LookupAddress[] | null }> {
  const refusal = urlRefusal(raw);
  if (refusal) throw new Refused('address_not_allowed', refusal);
  const url = new URL(raw);
  const host = normalHost(url.hostname);
  const allowlisted = isAllowlisted(host);
  const loopbackOnly = config.outbound.mode === 'loopback';
  // before any DNS lookup: a fixed answer is the only resolution loopback mode makes for a host not allowlisted
  if (loopbackOnly && !allowlisted && !config.outbound.resolveOverrides.has(host)) throw new Refused('address_not_allowed', LOOPBACK_ONLY);
  if (isIP(host)) {
    if (loopbackOnly && !isLoopbackAddress(host)) throw new Refused('address_not_allowed', LOOPBACK_ONLY);
    return { url, addresses: null };
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolveHost(host);
  } catch {
    throw new Refused('dns', 'the host name could not be resolved');
  }
  if (!addresses.length) throw new Refused('dns', 'the host name could not be resolved');
  if (!allowlisted && addresses.some((a) => !isPublicAddress(a.address))) throw new Refused('address_not_allowed', NON_PUBLIC);
  if (loopbackOnly && addresses.some((a) => !isLoopbackAddress(a.address))) throw new Refused('address_not_allowed', LOOPBACK_ONLY);
  return { url, addresses };
}

function classify(err: NodeJS.ErrnoException): Refused {
  const code = err.code ?? '';
  if (code === 'ECONNREFUSED') return new Refused('refused', 'the connection was refused');
  if (code === 'ETIMEDOUT') return new Refused('timeout', 'the connection timed out');
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO/.test(code)) return new Refused('tls', `TLS failed (${code})`);
  return new Refused('connection', `the connection failed${/^[A-Z_]+$/.test(code) ? ` (${code})` : ''}`);
}

function retryAfterMs(value: string | string[] | undefined): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

function flatHeaders(h: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')]));
}

/** One call to a customer's URL (a POST of a JSON body, unless said). Never throws: a refusal or failure is the outcome's `error`. */
export async function callOutbound(raw: string, request: OutboundRequest): Promise<SendOutcome> {
  const started = process.hrtime.bigint();
  const elapsed = () => Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  const abort = new AbortController();
  const timedOut = new Refused('timeout', `no complete answer within ${request.timeoutMs} ms`);
  const deadline = new Promise<never>((_, reject) =>
    abort.signal.addEventListener('abort', () => reject(timedOut), { once: true }),
  );
  const timer = setTimeout(() => abort.abort(), request.timeoutMs);
  try {
    const target = await Promise.race([admit(raw), deadline]);
    return await Promise.race([exchange(target.url, target.addresses, request, abort.signal, elapsed), deadline]);
  } catch (err) {
    const refused = err instanceof Refused ? err : classify(err as NodeJS.ErrnoException);
    return { statusCode: null, durationMs: elapsed(), headers: null, body: null, error: { code: refused.code, message: refused.message }, retryAfterMs: null };
  } finally {
    clearTimeout(timer);
  }
}

function exchange(url: URL, addresses: LookupAddress[] | null, request: OutboundRequest, signal: AbortSignal, elapsed: () => number): Promise<SendOutcome> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  // the socket connects to exactly the addresses checked in `admit`; SNI and Host keep the name
  const lookup = (_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) =>
    opts.all ? cb(null, addresses) : cb(null, addresses![0].address, addresses![0].family);
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: request.method ?? 'POST',
        signal,
        ...(addresses ? { lookup: lookup as never } : {}),
        headers: request.method === 'DELETE' ? request.headers : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(request.body)), ...request.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const answer = () =>
          resolve({
            statusCode: res.statusCode ?? null,
            durationMs: elapsed(),
            headers: flatHeaders(res.headers),
            body: Buffer.concat(chunks).toString('utf8'),
            error: null,
            retryAfterMs: retryAfterMs(res.headers['retry-after']),
          });
        res.on('data', (chunk: Buffer) => {
          if (size < request.maxResponseBytes) chunks.push(chunk.subarray(0, request.maxResponseBytes - size));
          size += chunk.length;
          if (size >= request.maxResponseBytes) {
            // enough: the rest is never read
            answer();
            res.destroy();
          }
        });
        res.on('end', answer);
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.method === 'DELETE' ? undefined : request.body);
  });
}
