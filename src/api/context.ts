import type { Readable } from 'node:stream';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Operation } from '../spec';
import type { ApiVersion } from '../versions';

export interface AuthContext {
  keyId: string;
  workspaceId: string;
  /** a provider callback is authenticated by its channel's signature, not by a key; an OAuth token's keyId is its app's id */
  keyType: 'secret' | 'publishable' | 'provider' | 'oauth';
  scopes: string[];
  pinnedVersion: string;
  /** the workspace audits every response that shows personal data to a key with pii:read */
  piiReadAudit: boolean;
  /** the caller works on the workspace's live side (false: its test side); every object it is shown says so */
  livemode: boolean;
}

export interface RequestContext {
  requestId: string;
  startedAt: bigint;
  operation?: Operation;
  auth?: AuthContext;
  version?: ApiVersion;
  /** who is calling, as clientAddress() decides it */
  clientAddress?: string;
  /** the writer of PII-read audit records (PiiReadAudit) */
  piiAudit?: ResponseAudit;
  /** the contact attribute keys a key without pii:read sees in clear (the workspace's non-personal definitions) */
  shownAttributes?: (workspaceId: string) => Promise<ReadonlySet<string>>;
}

/** Records what a response is about to show (the PII-read audit): null when it shows nothing to record. */
export interface ResponseAudit {
  forResponse(req: ApiRequest, body: unknown): Promise<void> | null;
  /** records an MCP tool call before it runs */
  forToolCall(req: ApiRequest, tool: string): Promise<void>;
}

export interface ApiRequest extends Request {
  ctx: RequestContext;
}

// Express 5 forwards rejected promises to the error handler; this only narrows the request type.
export const wrap =
  (fn: (req: ApiRequest, res: Response, next: NextFunction) => unknown): RequestHandler =>
  (req, res, next) =>
    fn(req as ApiRequest, res, next);

/** What a handler returns; the one response writer turns it into HTTP. */
export interface HandlerResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /**
   * A streamed answer (text/event-stream): called once its head is written, with this caller's body renderer, which
   * resolves once the body's PII-read audit record (if any) has committed.
   */
  eventStream?: (res: Response, render: (body: unknown) => Promise<unknown>) => void;
  /** bytes to stream as they are (file content) instead of a JSON body */
  stream?: Readable;
}

export interface AuthedRequest extends ApiRequest {
  ctx: RequestContext & { operation: Operation; auth: AuthContext; version: ApiVersion };
}
