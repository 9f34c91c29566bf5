import type { NextFunction, Request, Response } from 'express';
import { spec } from '../spec';

// A query value may carry `:`, `@`, `/`, `(`… literally (RFC 3986 allows them there) and a space as `+` (the form
// encoding most HTTP libraries write): `?tag=region:south`, `?email=ana@example.com`, `?updated_since=2026-12-01T10:00:00Z`.
// The query parser reads them as meant, but express-openapi-validator refuses any value whose raw text holds a
// reserved character unless the parameter says `allowReserved`, which would also tell generated clients not to
// encode a phone's `+`. So before validation the raw query is rewritten with those characters percent-encoded: the
// values the parser read do not change, only the validator's view of how they were written.

/** Reserved characters that can stand literally in a query value, and `+` (a space). `&` and `#` end a value. */
const LITERAL = /[:/?@!$'()*;[\]=+,]/g;
const HAS_LITERAL = new RegExp(LITERAL.source);

/** Query parameters that are comma-separated lists (style form, explode false): their commas separate items. */
const COMMA_LISTS: ReadonlySet<string> = new Set(
  Object.values(spec.paths).flatMap((item) =>
    Object.values(item as Record<string, { parameters?: unknown[] }>).flatMap((op) =>
      (Array.isArray(op?.parameters) ? op.parameters : [])
        .filter((p): p is { in: string; name: string; explode?: boolean } => typeof p === 'object' && p !== null && (p as { in?: string }).in === 'query')
        .filter((p) => p.explode === false)
        .map((p) => p.name),
    ),
  ),
);

function encodeValue(name: string, value: string): string {
  return value.replace(LITERAL, (c) => (c === '+' ? '%20' : c === ',' && COMMA_LISTS.has(name) ? c : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`));
}

/** The query of `url` with each value's literal reserved characters percent-encoded (names are left as sent). */
export function encodedQuery(url: string): string {
  const at = url.indexOf('?');
  if (at < 0 || !HAS_LITERAL.test(url.slice(at + 1))) return url;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const name = pair.slice(0, eq);
      return `${name}=${encodeValue(decodeName(name), pair.slice(eq + 1))}`;
    })
    .join('&');
  return `${url.slice(0, at)}?${query}`;
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** Middleware before the request validator: see above. */
export function encodeQueryForValidator(req: Request, _res: Response, next: NextFunction): void {
  req.originalUrl = encodedQuery(req.originalUrl);
  next();
}
