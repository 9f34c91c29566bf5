import type { FormatDefinition } from 'ajv';
import { fastFormats, fullFormats } from 'ajv-formats/dist/formats';

// How every validator of the spec's schemas (requests, bulk items) reads `format`: ajv-formats' fast checks, except
// for calendar values. A fast `date` takes 2026-02-30 and a fast `date-time` takes 29:00 as an hour; JavaScript turns
// the first into 2 March and the second into an invalid date, so the request would mean something else or fail late.
// A calendar value must pass both the fast expression (its exact written form: `T`, a time zone) and the full check
// (the day exists in its month and year, the hour, minute and second are in range).

type Check = (value: string) => boolean;

function checkOf(format: unknown): Check {
  const f = (format && typeof format === 'object' && !(format instanceof RegExp) ? (format as { validate: unknown }).validate : format) as RegExp | Check;
  return f instanceof RegExp ? (v) => f.test(v) : f;
}

function calendar(name: 'date' | 'date-time' | 'time'): FormatDefinition<string> {
  const fast = checkOf(fastFormats[name]);
  const full = checkOf(fullFormats[name]);
  const compare = (fullFormats[name] as { compare?: (a: string, b: string) => number | undefined }).compare;
  return { type: 'string', validate: (v: string) => fast(v) && full(v), ...(compare ? { compare } : {}) };
}

/** The mode of every other format. */
export const AJV_FORMATS_MODE = 'fast' as const;

/** Formats that replace ajv-formats' own (added after them). */
export const CALENDAR_FORMATS: Record<string, FormatDefinition<string>> = {
  date: calendar('date'),
  'date-time': calendar('date-time'),
  time: calendar('time'),
};
