import { ApiError } from '../errors';

// Anything between double braces is meant as a placeholder; only {{1}}, {{2}}, … are valid ones.
const BRACED = /\{\{([^{}]*)\}\}/g;
const NUMBERED = /^[1-9][0-9]{0,3}$/;

/**
 * The number of parameters a template body takes: its placeholders must be `{{1}}` … `{{n}}` with none
 * skipped (each may repeat). A body that breaks this is a 400 on `pointer`.
 */
export function countTemplateParameters(body: string, pointer = '/body'): number {
  const seen = new Set<number>();
  for (const [whole, inner] of body.matchAll(BRACED)) {
    if (!NUMBERED.test(inner)) {
      throw bodyError(pointer, 'invalid_placeholder', `'${whole.slice(0, 40)}' is not a placeholder; use {{1}}, {{2}}, …`);
    }
    seen.add(Number(inner));
  }
  const count = seen.size === 0 ? 0 : Math.max(...seen);
  const skipped = Array.from({ length: count }, (_, i) => i + 1).filter((n) => !seen.has(n));
  if (skipped.length) {
    throw bodyError(pointer, 'placeholders_not_sequential', `Placeholders must be numbered from {{1}} without gaps; missing ${skipped.slice(0, 5).map((n) => `{{${n}}}`).join(', ')}`);
  }
  return count;
}

function bodyError(pointer: string, code: string, message: string): ApiError {
  return new ApiError('invalid_request', `${pointer}: ${message}`, { errors: [{ pointer, code, message }] });
}

/**
 * Fills `{{n}}` with `parameters[n - 1]` in one pass (a parameter that itself contains `{{2}}` stays as written).
 * Refuses a parameter count other than the body's with `422 template_parameters_mismatch`.
 */
export function renderTemplate(body: string, parameters: readonly string[]): string {
  const expected = countTemplateParameters(body);
  if (parameters.length !== expected) {
    throw new ApiError(
      'template_parameters_mismatch',
      `The template takes ${expected} parameter${expected === 1 ? '' : 's'}; ${parameters.length} ${parameters.length === 1 ? 'was' : 'were'} given`,
    );
  }
  return body.replace(BRACED, (_whole, inner: string) => parameters[Number(inner) - 1]);
}
