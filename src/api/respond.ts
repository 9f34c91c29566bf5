import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { ApiError, problemOf, type Problem } from '../errors';
import { loggableError } from '../db/driver-errors';
import { logger } from '../logger';
import { withLivemode } from '../livemode';
import { CURRENT_VERSION, downgradeResponse, versionHeaders } from '../versions';
import type { ApiRequest, HandlerResult } from './context';
import { carriesAttributes, hideUnreadableObjects, maskPersonalData } from '../privacy/personal-data';

const PROBLEM_TYPE = 'application/problem+json';

function commonHeaders(req: ApiRequest, res: Response): void {
  const version = req.ctx.version;
  const headers = version ? versionHeaders(version) : { 'Api-Version': CURRENT_VERSION };
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
}

/**
 * A body as this caller may see it: events' objects of families it cannot read reduced to `{id, object}`, personal
 * data masked without pii:read, then shaped for its API version. With pii:read in a workspace that audits such
 * reads, `audited` gets the pending audit record of this body.
 */
export function renderBody(req: ApiRequest, body: unknown, audited?: (pending: Promise<void>) => void, shownAttributes?: ReadonlySet<string>): unknown {
  const auth = req.ctx.auth;
  let out = auth ? hideUnreadableObjects(body, auth.scopes) : body;
  if (auth && !auth.scopes.includes('pii:read')) out = maskPersonalData(out, shownAttributes);
  else {
    const pending = req.ctx.piiAudit?.forResponse(req, out);
    if (pending) {
      if (audited) audited(pending);
      else pending.catch(() => undefined); // already logged by the writer
    }
  }
  if (req.ctx.version) out = downgradeResponse(req.ctx.version, out);
  if (auth) out = withLivemode(out, auth.livemode);
  return out;
}

/**
 * The attribute keys this caller sees in clear in this body: read from the workspace's definitions only when the
 * caller lacks pii:read and the body holds attribute values, each time (a definition made personal masks at once).
 */
async function shownAttributesFor(req: ApiRequest, body: unknown): Promise<ReadonlySet<string> | undefined> {
  const auth = req.ctx.auth;
  if (!auth || auth.scopes.includes('pii:read') || !req.ctx.shownAttributes || !carriesAttributes(body)) return undefined;
  return req.ctx.shownAttributes(auth.workspaceId);
}

/** renderBody for bodies sent one by one on a stream: resolves once the body's audit record (if any) has committed. */
export async function renderAudited(req: ApiRequest, body: unknown): Promise<unknown> {
  let audit: Promise<void> | undefined;
  const out = renderBody(req, body, (pending) => (audit = pending), await shownAttributesFor(req, body));
  if (audit) await audit;
  return out;
}

/**
 * The single writer of successful responses: personal-data masking, version transforms, JSON or an event stream.
 * A JSON body with personal data that must be audited is sent once its audit record has committed.
 */
export async function sendResult(req: ApiRequest, res: Response, result: HandlerResult): Promise<void> {
  commonHeaders(req, res);
  for (const [k, v] of Object.entries(result.headers ?? {})) res.setHeader(k, v);
  if (result.status >= 400) {
    // a stored refusal replayed from a command (a 404 or 422): already a problem document
    res.status(result.status).type(PROBLEM_TYPE).send(JSON.stringify(result.body));
    return;
  }
  if (result.eventStream) {
    res.status(result.status);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    // reverse proxies (nginx) must pass each message on at once
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    result.eventStream(res, (body) => renderAudited(req, body));
    return;
  }
  if (result.stream) {
    res.status(result.status);
    // headers are out once bytes flow: a failure now can only cut the body short, which Content-Length reveals
    pipeline(result.stream, res).catch((err: Error) => {
      if (err.name !== 'AbortError' && (err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        logger.error({ request_id: req.ctx.requestId, err: loggableError(err) }, 'streaming a response failed');
      }
    });
    return;
  }
  if (result.body === undefined) {
    res.status(result.status).end();
    return;
  }
  const shown = await shownAttributesFor(req, result.body);
  let audit: Promise<void> | undefined;
  const json = JSON.stringify(renderBody(req, result.body, (pending) => (audit = pending), shown));
  if (audit) await audit;
  res.status(result.status).type('application/json').send(json);
}

export function sendProblem(req: ApiRequest, res: Response, problem: Problem, headers: Record<string, string> = {}): void {
  commonHeaders(req, res);
  // RFC 6750 §3: every refusal of credentials says how to authenticate (refusals that know more say more)
  if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="sabnode"');
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.status(problem.status).type(PROBLEM_TYPE).send(JSON.stringify(problem));
}

export function sendApiError(req: ApiRequest, res: Response, err: ApiError): void {
  sendProblem(req, res, problemOf(err.code, req.ctx.requestId, err.detail, err.extras), err.headers);
}
