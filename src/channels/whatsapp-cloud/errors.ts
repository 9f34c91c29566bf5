// The one place a WhatsApp Cloud API failure becomes a problem code and a retry decision. Meta asks integrators to
// decide on `error.code` (and `error_data.details` for humans), not on the title, the subcode or the HTTP status, so the
// code decides first and the HTTP status only when the answer carries no known code.

export type ProviderProblemCode =
  | 'provider_rate_limited'
  | 'outside_customer_service_window'
  | 'provider_invalid_parameter'
  | 'template_not_found_at_provider'
  | 'template_paused'
  | 'template_invalid'
  | 'recipient_undeliverable'
  | 'sender_restricted'
  | 'provider_auth_failed'
  | 'provider_unavailable'
  | 'provider_rejected'
  | 'provider_bad_response'
  // the guarded sender refused the channel's base URL (a host that may not be called)
  | 'address_not_allowed';

export interface ProviderFailure {
  problemCode: ProviderProblemCode;
  retryable: boolean;
  /** a wait the service asked for (Retry-After, or the Graph usage header's estimate) */
  retryAfterSeconds?: number;
  message: string;
  /** `error.code` of the answer, when it had one */
  providerCode?: number;
  httpStatus?: number;
  /** Meta's trace id, for a support ticket */
  fbtraceId?: string;
}

/** The documented error answer of the Graph API (and so of the Cloud API). */
export interface CloudApiErrorBody {
  error: {
    message?: string;
    type?: string;
    code?: number;
    /** deprecated since Graph v16; kept for older versions */
    error_subcode?: number;
    error_data?: { messaging_product?: string; details?: string };
    fbtrace_id?: string;
  };
}

/** Thrown by the client: a provider failure with its retry decision. */
export class WhatsAppCloudError extends Error implements ProviderFailure {
  readonly name = 'WhatsAppCloudError';
  readonly problemCode: ProviderProblemCode;
  readonly retryable: boolean;
  readonly retryAfterSeconds?: number;
  readonly providerCode?: number;
  readonly httpStatus?: number;
  readonly fbtraceId?: string;
  constructor(failure: ProviderFailure) {
    super(failure.message);
    this.problemCode = failure.problemCode;
    this.retryable = failure.retryable;
    if (failure.retryAfterSeconds !== undefined) this.retryAfterSeconds = failure.retryAfterSeconds;
    if (failure.providerCode !== undefined) this.providerCode = failure.providerCode;
    if (failure.httpStatus !== undefined) this.httpStatus = failure.httpStatus;
    if (failure.fbtraceId !== undefined) this.fbtraceId = failure.fbtraceId;
  }
}

type Verdict = { problemCode: ProviderProblemCode; retryable: boolean };
const verdict = (problemCode: ProviderProblemCode, retryable: boolean): Verdict => ({ problemCode, retryable });

// Throttling: the request was refused before it was processed, so sending it again later cannot deliver twice.
// 4 and 613 are Graph-wide (application / endpoint call limits), 80007 the WABA's, 130429 the number's throughput,
// 131056 the business-to-one-user pair limit.
const RATE_LIMITED = new Set([4, 613, 80007, 130429, 131056]);
// Transient failures on Meta's side: 1 (unknown, "possible server error"), 2 (service down or overloaded),
// 131000 (something went wrong), 131016 (service unavailable), 131057 (account in maintenance mode).
const UNAVAILABLE = new Set([1, 2, 131000, 131016, 131057]);
// The request itself is wrong: 100 invalid parameter, 131008 required parameter missing, 131009 parameter value not
// valid, 131021 recipient is the sender. Sending it again fails the same way.
const INVALID_PARAMETER = new Set([100, 131008, 131009, 131021]);
// The sender, not the message, is held back: 368 policy block, 130497 country restriction, 131031 account locked,
// 131048 spam rate limit (quality-based; it lifts only as the number's quality recovers, not after a short wait).
const SENDER_RESTRICTED = new Set([368, 130497, 131031, 131048]);
// 0 AuthException and 190 expired token; 3 / 10 / 200–299 are missing permissions, fixed by the same person.
const isAuth = (code: number) => code === 0 || code === 190 || code === 3 || code === 10 || (code >= 200 && code <= 299);

/** What a Cloud API error code means for us; null for a code this table does not know. */
export function classifyErrorCode(code: number): Verdict | null {
  if (RATE_LIMITED.has(code)) return verdict('provider_rate_limited', true);
  if (code === 131047) return verdict('outside_customer_service_window', false);
  if (INVALID_PARAMETER.has(code)) return verdict('provider_invalid_parameter', false);
  if (code === 132001) return verdict('template_not_found_at_provider', false);
  // 132015 paused (low quality, for hours) and 132016 disabled (for good): either way this send cannot succeed
  if (code === 132015 || code === 132016) return verdict('template_paused', false);
  // 132000 parameter count, 132005 text too long, 132007 policy, 132012 parameter format, and the rest of the family
  if (code >= 132000 && code <= 132999) return verdict('template_invalid', false);
  if (code === 131026) return verdict('recipient_undeliverable', false);
  if (SENDER_RESTRICTED.has(code)) return verdict('sender_restricted', false);
  if (isAuth(code)) return verdict('provider_auth_failed', false);
  if (UNAVAILABLE.has(code)) return verdict('provider_unavailable', true);
  return null;
}

function classifyStatus(status: number): Verdict {
  if (status === 429) return verdict('provider_rate_limited', true);
  if (status === 408 || status >= 500) return verdict('provider_unavailable', true);
  if (status === 401) return verdict('provider_auth_failed', false);
  // a redirect is never followed (a retry would meet the same one), and an unknown refusal is final
  return verdict('provider_rejected', false);
}

/** The documented error object, or null when the answer is something else (an HTML error page, a proxy's text). */
export function parseCloudApiError(text: string): CloudApiErrorBody['error'] | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(json) || !isRecord(json.error)) return null;
  const e = json.error;
  const out: CloudApiErrorBody['error'] = {};
  if (typeof e.message === 'string') out.message = e.message;
  if (typeof e.type === 'string') out.type = e.type;
  if (typeof e.code === 'number' && Number.isInteger(e.code)) out.code = e.code;
  else if (typeof e.code === 'string' && /^\d+$/.test(e.code)) out.code = Number(e.code);
  if (typeof e.error_subcode === 'number') out.error_subcode = e.error_subcode;
  if (isRecord(e.error_data)) {
    out.error_data = {};
    if (typeof e.error_data.messaging_product === 'string') out.error_data.messaging_product = e.error_data.messaging_product;
    if (typeof e.error_data.details === 'string') out.error_data.details = e.error_data.details;
  }
  if (typeof e.fbtrace_id === 'string') out.fbtrace_id = e.fbtrace_id;
  return out;
}

export interface ProviderAnswer {
  status: number;
  /** the answer's body as read (possibly cut short) */
  body: string;
  headers: Headers;
}

/** A non-2xx answer of the Cloud API, as a problem and a retry decision. */
export function mapCloudApiError(answer: ProviderAnswer): ProviderFailure {
  const error = parseCloudApiError(answer.body);
  const known = error?.code !== undefined ? classifyErrorCode(error.code) : null;
  const v = known ?? classifyStatus(answer.status);
  const failure: ProviderFailure = { ...v, message: describe(answer.status, error), httpStatus: answer.status };
  if (error?.code !== undefined) failure.providerCode = error.code;
  if (error?.fbtrace_id) failure.fbtraceId = error.fbtrace_id;
  if (v.problemCode === 'provider_rate_limited') {
    const wait = retryAfterSeconds(answer.headers);
    if (wait !== undefined) failure.retryAfterSeconds = wait;
  }
  return failure;
}

/** No answer at all: refused connection, reset, DNS failure or our own timeout. The send may be retried. */
export function mapTransportFailure(err: unknown, timeoutMs: number): ProviderFailure {
  // read by shape, not instanceof: fetch's errors may come from another realm (a vm context, a test runner)
  const e = isObject(err) ? err : {};
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return { problemCode: 'provider_unavailable', retryable: true, message: `WhatsApp Cloud API did not answer within ${timeoutMs} ms` };
  }
  // undici puts the socket error's code (ECONNREFUSED, ENOTFOUND …) on `cause`; the message may hold an address
  const cause = isObject(e.cause) && typeof e.cause.code === 'string' && /^[A-Z_]+$/.test(e.cause.code) ? e.cause.code : 'network error';
  return { problemCode: 'provider_unavailable', retryable: true, message: `WhatsApp Cloud API unreachable (${cause})` };
}

const MAX_MESSAGE = 300;

// Meta's details are meant for people and help an operator fix a template or a number; they are kept short and
// printable. Nothing of ours (the token, the body sent) is ever part of it.
function describe(status: number, error: CloudApiErrorBody['error'] | null): string {
  if (!error) return `WhatsApp Cloud API answered HTTP ${status}`;
  const text = error.error_data?.details ?? error.message ?? 'no details';
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  const code = error.code !== undefined ? ` (#${error.code})` : '';
  const short = clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE)}…` : clean;
  return `WhatsApp Cloud API refused${code}: ${short}`;
}

const MAX_WAIT_SECONDS = 24 * 3600;

/**
 * The wait the answer asks for: `Retry-After` (seconds or an HTTP date), else the Graph `X-Business-Use-Case-Usage`
 * header's `estimated_time_to_regain_access` (minutes), the longest of its entries.
 */
export function retryAfterSeconds(headers: Headers, now = Date.now()): number | undefined {
  const ra = headers.get('retry-after');
  if (ra) {
    const seconds = /^\d+$/.test(ra.trim()) ? Number(ra.trim()) : Math.ceil((Date.parse(ra) - now) / 1000);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, MAX_WAIT_SECONDS);
  }
  const buc = headers.get('x-business-use-case-usage');
  if (buc) {
    let json: unknown;
    try {
      json = JSON.parse(buc);
    } catch {
      return undefined;
    }
    if (!isRecord(json)) return undefined;
    let minutes = 0;
    for (const entries of Object.values(json)) {
      if (!Array.isArray(entries)) continue;
      for (const e of entries) {
        if (isRecord(e) && typeof e.estimated_time_to_regain_access === 'number') minutes = Math.max(minutes, e.estimated_time_to_regain_access);
      }
    }
    if (minutes > 0) return Math.min(minutes * 60, MAX_WAIT_SECONDS);
  }
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
