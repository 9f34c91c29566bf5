// MikroORM's pg setup returns timestamptz as text ('2026-11-26 14:38:46.193+00') from raw queries.
export function toDate(value: string | Date): Date;
export function toDate(value: string | Date | null | undefined): Date | null;
export function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}
