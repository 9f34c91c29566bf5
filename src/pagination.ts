import { createHmac, timingSafeEqual } from 'node:crypto';
import { config } from './config';
import { ApiError } from './errors';
import { sha256Hex } from './ids';

export type SortColumn = 'created_at' | 'updated_at';

export interface PageParams {
  limit: number;
  cursor?: string;
  sort: SortColumn;
  /** Every filter that shapes the list; a cursor only continues the list it came from. */
  filters: Record<string, unknown>;
}

export interface KeysetPosition {
  at: Date;
  id: string;
}

export interface ListPage<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

interface CursorPayload {
  v: 1;
  s: SortColumn;
  k: [string, string];
  w: string;
  f: string;
}

const b64url = (buf: Buffer): string => buf.toString('base64url');

function tag(body: string): Buffer {
  return createHmac('sha256', config.secret).update(`cursor.${body}`).digest().subarray(0, 16);
}

function filterHash(list: string, sort: SortColumn, filters: Record<string, unknown>): string {
  const canonical = Object.keys(filters)
    .sort()
    .filter((k) => filters[k] !== undefined)
    .map((k) => [k, filters[k]]);
  return sha256Hex(JSON.stringify([list, sort, canonical])).slice(0, 16);
}

function invalid(detail: string): ApiError {
  return new ApiError('invalid_cursor', detail, {
    errors: [{ pointer: '/query/cursor', code: 'invalid_cursor', message: detail }],
  });
}

export function encodeCursor(list: string, workspaceId: string, params: PageParams, pos: KeysetPosition): string {
  const payload: CursorPayload = { v: 1, s: params.sort, k: [pos.at.toISOString(), pos.id], w: workspaceId, f: filterHash(list, params.sort, params.filters) };
  const body = b64url(Buffer.from(JSON.stringify(payload)));
  return `${body}.${b64url(tag(body))}`;
}

/** Verifies a cursor's signature, workspace and filters, and returns the position it continues from. */
export function decodeCursor(list: string, workspaceId: string, params: PageParams): KeysetPosition | null {
  if (!params.cursor) return null;
  const [body, sig, extra] = params.cursor.split('.');
  if (!body || !sig || extra !== undefined) throw invalid('The cursor is malformed');
  const expected = tag(body);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid('The cursor was not issued by this API or was altered');
  let payload: CursorPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CursorPayload;
  } catch {
    throw invalid('The cursor is malformed');
  }
  if (payload.w !== workspaceId) throw invalid('The cursor belongs to another workspace');
  if (payload.s !== params.sort || payload.f !== filterHash(list, params.sort, params.filters)) {
    throw invalid('The cursor was issued for a different sort or different filters; send the same ones with it');
  }
  const at = new Date(payload.k[0]);
  if (Number.isNaN(at.getTime()) || typeof payload.k[1] !== 'string') throw invalid('The cursor is malformed');
  return { at, id: payload.k[1] };
}

/** Builds a page from rows fetched with `limit + 1`, so has_more needs no count query. */
export function toPage<R extends { id: string }, T>(
  list: string,
  workspaceId: string,
  params: PageParams,
  rows: R[],
  position: (row: R) => Date,
  toWire: (row: R) => T,
): ListPage<T> {
  const hasMore = rows.length > params.limit;
  const pageRows = hasMore ? rows.slice(0, params.limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    object: 'list',
    data: pageRows.map(toWire),
    has_more: hasMore,
    next_cursor: hasMore && last ? encodeCursor(list, workspaceId, params, { at: position(last), id: last.id }) : null,
  };
}
