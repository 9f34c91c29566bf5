import express, { type NextFunction, type Request, type Response } from 'express';
import { config } from '../config';
import { ApiError } from '../errors';
import { parseBoundedJson } from './json-limits';

export interface RawBodyRequest extends Request {
  rawBody?: Buffer;
}

// only the bytes, up to the size limit (decompressed, when a Content-Encoding is given); parsing is ours
const readBytes = express.raw({ limit: config.limits.bodyBytes, type: () => true });

/**
 * Reads a JSON request's bytes into `req.rawBody` without parsing them: provider callbacks check their signature
 * over these bytes before anything looks inside.
 */
export function readJsonBytes(req: Request, res: Response, next: NextFunction): void {
  const length = req.headers['content-length'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  req.body = undefined;
  if (!hasBody) return next();
  if (!req.is('application/json')) {
    return next(new ApiError('unsupported_media_type', `Send the body as application/json (got ${req.headers['content-type'] ? `'${String(req.headers['content-type']).slice(0, 60)}'` : 'no Content-Type'})`));
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(String(req.headers['content-type']))?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') return next(new ApiError('unsupported_media_type', 'Send the body as UTF-8 application/json'));
  readBytes(req, res, (err?: unknown) => {
    // the callback runs outside Express's own error handling: whatever goes wrong here must still reach next
    try {
      if (err) return next(err);
      (req as RawBodyRequest).rawBody = Buffer.isBuffer(req.body) ? req.body : undefined;
      req.body = undefined;
      next();
    } catch (e) {
      next(e);
    }
  });
}

/** Parses `req.rawBody` within the JSON limits (depth first, before JSON.parse allocates anything). */
export function parseJsonBytes(req: Request, _res: Response, next: NextFunction): void {
  try {
    const raw = (req as RawBodyRequest).rawBody;
    if (raw === undefined) return next();
    const text = raw.toString('utf8');
    // objects and arrays only at the top, as express.json's strict mode had it
    if (!/^[\s\ufeff]*[[{]/.test(text)) throw new ApiError('malformed_json', 'The body is not valid JSON (a JSON object or array)');
    req.body = parseBoundedJson(text.replace(/^\ufeff/, ''));
    next();
  } catch (e) {
    next(e);
  }
}
