import type { EntityManager } from '@mikro-orm/postgresql';
import { phoneTextPattern } from '../../identifiers';
import type { PurgeSubject } from '../types';

// SQL fragments shared by the stores. Lists travel as one jsonb parameter (the driver would expand a JS array).

/** `?` bound to `ids(subject)`: the subject's contact ids as a set to test `col in (…)` against. */
export const IN_IDS = `(select jsonb_array_elements_text(?::jsonb))`;
export const ids = (subject: PurgeSubject): string => JSON.stringify(subject.contactIds);

function needles(subject: PurgeSubject): string[] {
  return [...new Set([...subject.phones, ...subject.emails, ...subject.contactIds].map((v) => v.toLowerCase()).filter((v) => v.length >= 3))];
}

/**
 * True when a JSON document's text carries one of the subject's identifiers as a whole JSON string value
 * (`"+9198…"`), so another contact whose phone merely starts with the same digits is left alone. `?` is bound to
 * `jsonNeedles(subject)`.
 */
export const MENTIONS_JSON = (expr: string): string =>
  `exists (select 1 from jsonb_array_elements_text(?::jsonb) as n(v) where strpos(lower(${expr}), n.v) > 0)`;
export const jsonNeedles = (subject: PurgeSubject): string => JSON.stringify(needles(subject).map((n) => JSON.stringify(n).toLowerCase()));

/** The same for free text (a receiver's response body, a file name): any occurrence. `?` bound to `textNeedles`. */
export const MENTIONS_TEXT = MENTIONS_JSON;
export const textNeedles = (subject: PurgeSubject): string => JSON.stringify(needles(subject));

export const isEmpty = (subject: PurgeSubject): boolean => !subject.contactIds.length && !subject.phones.length && !subject.emails.length;

/** Runs a data-changing statement with `returning 1` and counts its rows. */
export async function countOf(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const rows = await em.execute<unknown[]>(sql, params);
  return Array.isArray(rows) ? rows.length : 0;
}

/** What a search of free text (a workflow history) looks for: each identifier, and each phone without its "+". */
export const searchForms = (subject: PurgeSubject): string[] =>
  [...new Set([...needles(subject), ...subject.phones.map((p) => p.replace(/^\+/, '')).filter((v) => v.length >= 7)])];

/** Regular expressions for the written forms of the subject's phones in message text (see phoneTextPattern). */
export const phonePatterns = (subject: PurgeSubject): string[] =>
  subject.phones.map(phoneTextPattern).filter((p): p is string => p !== null);
