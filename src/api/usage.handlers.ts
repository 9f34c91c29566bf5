import type { MikroORM } from '@mikro-orm/postgresql';
import { USAGE_MAX_DAYS, usageOf } from '../db/usage.queries';
import { ApiError } from '../errors';
import type { AuthedRequest, HandlerResult } from './context';

const DAY_MS = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The range asked for (the last 30 days by default), refused past USAGE_MAX_DAYS or backwards: a
 * 422, since both dates alone are what the spec allows. */
function rangeOf(q: Record<string, string | undefined>): { from: string; to: string } {
  const to = q.to ?? day(new Date());
  const from = q.from ?? day(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS));
  const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (span < 1) {
    throw new ApiError('usage_range_invalid', '`from` must not be after `to`', { errors: [{ pointer: '/query/from', code: 'range_reversed', message: `must be ${to} or earlier` }] });
  }
  if (span > USAGE_MAX_DAYS) {
    const message = `at most ${USAGE_MAX_DAYS} days from \`from\` (${from}): ${day(new Date(Date.parse(`${from}T00:00:00Z`) + (USAGE_MAX_DAYS - 1) * DAY_MS))} at the latest`;
    throw new ApiError('usage_range_invalid', `A usage range spans at most ${USAGE_MAX_DAYS} days; this one spans ${span}`, { errors: [{ pointer: '/query/to', code: 'range_too_long', message }] });
  }
  return { from, to };
}

export function usageHandlers(orm: MikroORM) {
  return {
    async retrieveUsage(req: AuthedRequest): Promise<HandlerResult> {
      const q = req.query as Record<string, string | undefined>;
      const usage = await usageOf(orm.em.fork(), req.ctx.auth.workspaceId, { ...rangeOf(q), channelId: q.channel_id, broadcastId: q.broadcast_id });
      return { status: 200, body: usage };
    },
  };
}
