// MikroORM's pg setup returns timestamptz as text ('2026-11-26 14:38:46.193+00') from raw queries.
const FULL_UTC = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3})\+00$/;

export function toDate(value: string | Date): Date;
export function toDate(value: string | Date | null | undefined): Date | null;
export function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  // the common shape on the list hot path, without Date's string parser
  const m = value.length === 26 ? FULL_UTC.exec(value) : null;
  if (m) return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], +m[7]));
  return new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}
