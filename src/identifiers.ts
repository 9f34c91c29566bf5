import { parsePhoneNumberFromString } from 'libphonenumber-js';

// Contacts' identifiers are stored in one form, so a lookup, a uniqueness check or a purge finds a person however
// the number or address was written: phones in E.164, emails case-folded.

/** The one form phones are stored and compared in. */
export const E164 = /^\+[1-9][0-9]{6,14}$/;

/**
 * What a phone may be written as in a request (the spec's PhoneInput, the same expression): "+" or "00", then 7 to 15
 * digits, the first not 0, grouped by spaces, dashes, dots or parentheses. Every value it matches normalises to E.164.
 */
export const PHONE_INPUT = /^(\+|00)[1-9](?:[ ().-]*[0-9]){6,14}[ ().-]*$/;

/**
 * A phone in E.164 ("+91 98765-43210", "0091 9876543210" → "+919876543210"). Only international forms are read
 * (there is no home country to assume). A number libphonenumber reads is its E.164 form (a written trunk "0" after
 * the country code dropped); one it cannot read (a calling code it does not know) but that PHONE_INPUT takes is its
 * digits after "+"; anything else is returned trimmed, for the caller's validation.
 */
export function normalisePhone(value: string): string {
  const trimmed = value.trim();
  const international = trimmed.replace(/^00/, '+');
  if (!international.startsWith('+')) return trimmed;
  const parsed = parsePhoneNumberFromString(international)?.number;
  if (parsed && E164.test(parsed)) return parsed;
  return PHONE_INPUT.test(trimmed) ? `+${international.replace(/[^0-9]/g, '')}` : trimmed;
}

export const normaliseEmail = (value: string): string => value.trim().toLowerCase();

/**
 * The forms a phone is commonly written in within free text: with and without "+" and the country code, grouped by
 * spaces or dashes. As a PostgreSQL regular expression (digits not part of a longer number), or null for a value
 * that is no phone in E.164.
 */
export function phoneTextPattern(e164: string): string | null {
  const parsed = E164.test(e164) ? parsePhoneNumberFromString(e164) : undefined;
  if (!parsed) return null;
  const sep = '[-. ()]*';
  const national = parsed.nationalNumber.split('').join(sep);
  // the national number alone, or after "+CC" / "CC" / "00CC", each with or without separators; a leading trunk 0
  // ("098765 43210") is one more written form
  return `(?<![0-9])(?:(?:\\+|00)?${parsed.countryCallingCode}${sep}|0${sep})?${national}(?![0-9])`;
}
