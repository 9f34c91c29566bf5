import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AddressNotAllowedError, checkedLookup, literalAddressRefusal } from '../webhook-addresses';

export interface SendOutcome {
  statusCode: number | null;
  durationMs: number;
  headers: Record<string, string> | null;
  body: string | null;
  error: { code: 'timeout' | 'dns' | 'refused' | 'tls' | 'address_not_allowed' | 'connection'; message: string } | null;
  /** Retry-After in milliseconds, when the receiver sent one */
  retryAfterMs: number | null;
}

const BODY_LIMIT = 4096;

function classify(err: NodeJS.ErrnoException): NonNullable<SendOutcome['error']>['code'] {
  if (err instanceof AddressNotAllowedError) return 'address_not_allowed';
  const code = err.code ?? '';
  if (code === 'ETIMEDOUT' || code === 'ABORT_ERR' || err.name === 'TimeoutError' || err.name === 'AbortError') return 'timeout';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return 'dns';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO/.test(code)) return 'tls';
  return 'connection';
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

/**
 * One POST, never following redirects. Host names resolve once through `checkedLookup`, which refuses non-public
 * answers and pins the socket to the checked address; literal addresses are refused before any socket is opened.
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<SendOutcome> {
  const started = process.hrtime.bigint();
  const elapsed = () => Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  const failed = (code: NonNullable<SendOutcome['error']>['code'], message: string): SendOutcome => ({ statusCode: null, durationMs: elapsed(), headers: null, body: null, error: { code, message: message.slice(0, 500) }, retryAfterMs: null });
  const target = new URL(url);
  const refusal = literalAddressRefusal(target.hostname);
  if (refusal) return Promise.resolve(failed('address_not_allowed', refusal));
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const done = (o: SendOutcome) => {
      if (!settled) {
        settled = true;
        resolve(o);
      }
    };
    const req = send(
      target,
      {
        method: 'POST',
        lookup: checkedLookup as never,
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'SabNode-Webhooks/1', ...headers },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < BODY_LIMIT) chunks.push(chunk.subarray(0, BODY_LIMIT - size));
          size += chunk.length;
        });
        const finish = () =>
          done({
            statusCode: res.statusCode ?? null,
            durationMs: elapsed(),
            headers: flatHeaders(res.headers),
            body: Buffer.concat(chunks).toString('utf8'),
            error: null,
            retryAfterMs: retryAfterMs(res.headers['retry-after']),
          });
        res.on('end', finish);
        res.on('error', finish);
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => done(failed(classify(err), err.message)));
    req.end(body);
  });
}
