import type { FieldError } from './generated/resources.js';

/** RFC 9457 problem details as the API sends them. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  request_id?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** Every error this SDK throws. */
export class SabNodeError extends Error {
  override name = 'SabNodeError';
}

/** The API answered with an error status. */
export class APIError extends SabNodeError {
  override name = 'APIError';
  readonly status: number;
  /** the stable machine-readable code (`contact_phone_taken`, `insufficient_scope`, …) */
  readonly code: string;
  readonly detail: string | undefined;
  /** the `Request-Id` of the failed call: quote it to support */
  readonly requestId: string | undefined;
  /** one entry per refused field */
  readonly errors: FieldError[];
  /** the whole problem body, with its extensions (`existing_id`, `missing_scopes`, `diff`, …) */
  readonly problem: ProblemDetails;
  readonly headers: Headers;

  constructor(status: number, problem: ProblemDetails, headers: Headers) {
    const code = typeof problem.code === 'string' ? problem.code : `http_${status}`;
    super(`${status} ${code}${problem.detail ? `: ${problem.detail}` : problem.title ? `: ${problem.title}` : ''}`);
    this.status = status;
    this.code = code;
    this.detail = problem.detail;
    this.requestId = headers.get('request-id') ?? problem.request_id;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.problem = problem;
    this.headers = headers;
  }
}

export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
export class ConflictError extends APIError {
  override name = 'ConflictError';
}
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
  /** seconds the server asked to wait (`Retry-After`), when it said */
  readonly retryAfter: number | undefined;
  constructor(status: number, problem: ProblemDetails, headers: Headers) {
    super(status, problem, headers);
    const ms = retryAfterMs(headers);
    this.retryAfter = ms === undefined ? undefined : ms / 1000;
  }
}
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}

/** The request got no answer: the connection failed or dropped. */
export class APIConnectionError extends SabNodeError {
  override name = 'APIConnectionError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** No answer within the timeout. */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';
}

/** The error class for an HTTP status. */
export function errorFor(status: number, problem: ProblemDetails, headers: Headers): APIError {
  switch (status) {
    case 400:
      return new BadRequestError(status, problem, headers);
    case 401:
      return new AuthenticationError(status, problem, headers);
    case 403:
      return new PermissionDeniedError(status, problem, headers);
    case 404:
      return new NotFoundError(status, problem, headers);
    case 409:
      return new ConflictError(status, problem, headers);
    case 422:
      return new UnprocessableEntityError(status, problem, headers);
    case 429:
      return new RateLimitError(status, problem, headers);
    default:
      return status >= 500 ? new InternalServerError(status, problem, headers) : new APIError(status, problem, headers);
  }
}

/** `Retry-After` in milliseconds (delta seconds or an HTTP date), if present and sane. */
export function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
