import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Operation } from '../spec';

const EXPOSED = [
  'Request-Id', 'Api-Version', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset',
  'RateLimit-Policy', 'RateLimit', 'Retry-After', 'Deprecation', 'Sunset', 'Link',
].join(', ');
const ALLOWED_HEADERS = 'Authorization, Api-Version, Content-Type';
const PREFLIGHT_MAX_AGE = '600';

/**
 * The one place that answers browsers, for the operations on one path: only an `x-publishable` operation gets
 * a CORS allowance (on every response, errors included, so a page can read them) and an answered preflight.
 * Everything else gets no Access-Control-* header at all; its preflight falls through to the 405.
 */
export function corsFor(operations: Operation[]): RequestHandler {
  const publishable = (method: string | undefined) => {
    const m = method?.toLowerCase() === 'head' ? 'get' : method?.toLowerCase();
    return operations.find((op) => op.method === m && op.publishable);
  };
  const methods = operations.filter((op) => op.publishable).map((op) => op.method.toUpperCase()).join(', ');

  return (req: Request, res: Response, next: NextFunction) => {
    const requested = req.get('access-control-request-method');
    const isPreflight = req.method === 'OPTIONS' && requested !== undefined;
    if (!publishable(isPreflight ? requested : req.method)) return next();
    // the answer depends on Origin even when there is none: caches must not hand one origin's answer to another
    res.vary('Origin');
    const origin = req.get('origin');
    if (!origin) return next();
    res.setHeader('Access-Control-Allow-Origin', origin);
    if (!isPreflight) {
      res.setHeader('Access-Control-Expose-Headers', EXPOSED);
      return next();
    }
    res.vary('Access-Control-Request-Method');
    res.vary('Access-Control-Request-Headers');
    res.setHeader('Access-Control-Allow-Methods', methods);
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', PREFLIGHT_MAX_AGE);
    res.status(204).end();
  };
}
