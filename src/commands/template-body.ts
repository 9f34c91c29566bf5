import { ApiError } from '../errors';
import type { Template, TemplateArguments, TemplateButton, TemplateHeader, TemplateParameterFormat } from '../db/entities';

// Anything between double braces is meant as a placeholder; a positional template numbers them {{1}}, {{2}}, …, a named
// one names them {{first_name}} (WhatsApp's rule: lowercase letters, digits and underscores, starting with a letter).
const BRACED = /\{\{([^{}]*)\}\}/g;
// the same, unanchored and without the global flag's lastIndex: whether a text has one at all
const HAS_PLACEHOLDER = /\{\{[^{}]*\}\}/;
const NUMBERED = /^[1-9][0-9]{0,3}$/;
const NAMED = /^[a-z][a-z0-9_]{0,63}$/;

export interface Placeholders {
  /** how many values fill the text: the highest number, or the distinct names */
  count: number;
  /** a named text's names, in the order they first appear */
  names: string[];
}

/**
 * The placeholders of a template text as `format` writes them: numbered `{{1}}` … `{{n}}` with none skipped (each may
 * repeat), or named. A text that breaks this is a 422 on `pointer`: the spec takes any text, so what it cannot state
 * is refused as unprocessable, like the other components' rules.
 */
export function placeholdersOf(text: string, format: TemplateParameterFormat = 'positional', pointer = '/body'): Placeholders {
  const numbers = new Set<number>();
  const names: string[] = [];
  for (const [whole, inner] of text.matchAll(BRACED)) {
    if (format === 'named') {
      if (!NAMED.test(inner)) throw bodyError(pointer, 'invalid_placeholder', `'${whole.slice(0, 40)}' is not a named placeholder; use lowercase letters, digits and underscores, such as {{first_name}}`);
      if (!names.includes(inner)) names.push(inner);
      continue;
    }
    if (!NUMBERED.test(inner)) throw bodyError(pointer, 'invalid_placeholder', `'${whole.slice(0, 40)}' is not a placeholder; use {{1}}, {{2}}, …`);
    numbers.add(Number(inner));
  }
  if (format === 'named') return { count: names.length, names };
  const count = numbers.size === 0 ? 0 : Math.max(...numbers);
  const skipped = Array.from({ length: count }, (_, i) => i + 1).filter((n) => !numbers.has(n));
  if (skipped.length) {
    throw bodyError(pointer, 'placeholders_not_sequential', `Placeholders must be numbered from {{1}} without gaps; missing ${skipped.slice(0, 5).map((n) => `{{${n}}}`).join(', ')}`);
  }
  return { count, names: [] };
}

/** The number of parameters a template body takes (see placeholdersOf). */
export function countTemplateParameters(body: string, pointer = '/body', format: TemplateParameterFormat = 'positional'): number {
  return placeholdersOf(body, format, pointer).count;
}

function bodyError(pointer: string, code: string, message: string): ApiError {
  return new ApiError('template_component_invalid', `${pointer}: ${message}`, { errors: [{ pointer, code, message }] });
}

function componentError(pointer: string, message: string): ApiError {
  return new ApiError('template_component_invalid', `${pointer}: ${message}`, { errors: [{ pointer, code: 'template_component_invalid', message }] });
}

const URL_PLACEHOLDER = '{{1}}';
const BUTTON_LIMITS = { url: 2, phone_number: 1 } as const;

/**
 * A template's components as WhatsApp's review takes them: a text header with at most one placeholder (a media header
 * has none), a footer without placeholders, buttons of their kind's fields with at most two `url` (an https address that
 * may end in `{{1}}`) and one `phone_number`. Refused with 422 template_component_invalid on the field's pointer.
 */
export function checkComponents(t: { parameterFormat: TemplateParameterFormat; header: TemplateHeader | null; footer: string | null; buttons: TemplateButton[] }): void {
  const h = t.header;
  if (h) {
    if (h.format === 'text') {
      if (typeof h.text !== 'string') throw componentError('/header/text', 'a text header needs its text');
      const { count } = placeholdersOf(h.text, t.parameterFormat, '/header/text');
      if (count > 1) throw componentError('/header/text', 'a header takes at most one placeholder');
    } else if ('text' in h && (h as { text?: unknown }).text !== undefined) {
      throw componentError('/header/text', `a ${h.format} header has no text; each send gives its file as header_file_id`);
    }
  }
  if (t.footer !== null && HAS_PLACEHOLDER.test(t.footer)) throw componentError('/footer', 'a footer takes no placeholder');
  const counts: Record<string, number> = {};
  t.buttons.forEach((b, i) => {
    const at = `/buttons/${i}`;
    counts[b.type] = (counts[b.type] ?? 0) + 1;
    const extra = b as { url?: unknown; phone_number?: unknown };
    if (b.type !== 'url' && extra.url !== undefined) throw componentError(`${at}/url`, `a ${b.type} button has no url`);
    if (b.type !== 'phone_number' && extra.phone_number !== undefined) throw componentError(`${at}/phone_number`, `a ${b.type} button has no phone_number`);
    if (b.type === 'phone_number' && typeof extra.phone_number !== 'string') throw componentError(`${at}/phone_number`, 'a phone_number button needs the number to call');
    if (b.type === 'url') {
      if (typeof extra.url !== 'string') throw componentError(`${at}/url`, 'a url button needs its url');
      const fixed = extra.url.endsWith(URL_PLACEHOLDER) ? extra.url.slice(0, -URL_PLACEHOLDER.length) : extra.url;
      if (fixed.includes('{{') || fixed.includes('}}')) throw componentError(`${at}/url`, 'a url may end in one placeholder, {{1}}, and have none elsewhere');
      let parsed: URL | null = null;
      try {
        parsed = new URL(fixed);
      } catch {
        parsed = null;
      }
      if (!parsed || parsed.protocol !== 'https:' || !parsed.hostname) throw componentError(`${at}/url`, 'must be an https address');
    }
  });
  for (const [type, max] of Object.entries(BUTTON_LIMITS)) {
    if ((counts[type] ?? 0) > max) throw componentError('/buttons', `at most ${max} ${type} button${max === 1 ? '' : 's'}`);
  }
}

/** The text header's placeholder count and whether each url button takes a tail. */
function fillsOf(t: Pick<Template, 'parameterFormat' | 'header' | 'buttons'>) {
  const header = t.header?.format === 'text' ? placeholdersOf(t.header.text, t.parameterFormat, '/header/text') : null;
  const urlTails = t.buttons.flatMap((b, i) => (b.type === 'url' && b.url.endsWith(URL_PLACEHOLDER) ? [i] : []));
  return { headerText: header?.count ?? 0, headerName: header?.names[0], headerMedia: t.header && t.header.format !== 'text' ? t.header.format : null, urlTails };
}

/** The kind of file a template's media header takes; undefined for a text header or none. */
export function headerMediaOf(t: Pick<Template, 'header'>): 'image' | 'video' | 'document' | undefined {
  const format = t.header?.format;
  return format === 'image' || format === 'video' || format === 'document' ? format : undefined;
}

export interface TemplateSendInput {
  parameters?: string[];
  named_parameters?: Record<string, string>;
  header_parameter?: string;
  header_file_id?: string;
  button_parameters?: { index: number; text: string }[];
}

function mismatch(pointer: string, message: string): ApiError {
  return new ApiError('template_parameters_mismatch', message, { errors: [{ pointer, code: 'template_parameters_mismatch', message }] });
}

/**
 * A send's values checked against the template's components: the body's positional `parameters` or its
 * `named_parameters`, the text header's `header_parameter`, the media header's `header_file_id`, each `url` button's
 * tail; whatever the template has no place for is refused too. Returns the body rendered and what the message keeps.
 */
export function fillTemplate(t: Pick<Template, 'body' | 'parameterFormat' | 'header' | 'buttons'>, input: TemplateSendInput): { text: string; parameters: string[]; templateArguments: TemplateArguments | null } {
  const body = placeholdersOf(t.body, t.parameterFormat);
  const f = fillsOf(t);
  const parameters = input.parameters ?? [];
  const named = input.named_parameters ?? {};
  const args: TemplateArguments = {};
  let text: string;
  if (t.parameterFormat === 'named') {
    if (parameters.length) throw mismatch('/parameters', 'The template names its placeholders; give their values in named_parameters');
    const wanted = new Set([...body.names, ...(f.headerName ? [f.headerName] : [])]);
    const missing = [...wanted].filter((n) => !(n in named));
    if (missing.length) throw mismatch(`/named_parameters`, `The template takes ${missing.map((n) => `'${n}'`).slice(0, 5).join(', ')}, not given`);
    const unknown = Object.keys(named).filter((n) => !wanted.has(n));
    if (unknown.length) throw mismatch(`/named_parameters/${unknown[0]}`, `The template has no placeholder '${unknown[0]}'`);
    text = t.body.replace(BRACED, (_whole, inner: string) => named[inner]);
    if (Object.keys(named).length) args.named_parameters = { ...named };
  } else {
    if (Object.keys(named).length) throw mismatch('/named_parameters', 'The template numbers its placeholders; give their values in parameters');
    if (parameters.length !== body.count) {
      throw new ApiError('template_parameters_mismatch', `The template takes ${body.count} parameter${body.count === 1 ? '' : 's'}; ${parameters.length} ${parameters.length === 1 ? 'was' : 'were'} given`, {
        errors: [{ pointer: '/parameters', code: 'template_parameters_mismatch', message: `takes ${body.count}` }],
      });
    }
    text = t.body.replace(BRACED, (_whole, inner: string) => parameters[Number(inner) - 1]);
  }
  // a named header's value comes with the body's names; a numbered header's alone
  const headerByName = t.parameterFormat === 'named' && f.headerText > 0;
  if (f.headerText > 0 && !headerByName && input.header_parameter === undefined) throw mismatch('/header_parameter', "The template's header has a placeholder; give its value in header_parameter");
  if ((f.headerText === 0 || headerByName) && input.header_parameter !== undefined) throw mismatch('/header_parameter', headerByName ? "The header's placeholder is named; give it in named_parameters" : "The template's header has no placeholder");
  if (input.header_parameter !== undefined) args.header_parameter = input.header_parameter;
  if (f.headerMedia && input.header_file_id === undefined) throw mismatch('/header_file_id', `The template's header is ${f.headerMedia === 'image' ? 'an' : 'a'} ${f.headerMedia}; give its file in header_file_id`);
  if (!f.headerMedia && input.header_file_id !== undefined) throw mismatch('/header_file_id', "The template's header is not a medium");
  if (input.header_file_id !== undefined) args.header_file_id = input.header_file_id;
  const tails = input.button_parameters ?? [];
  const seen = new Set<number>();
  tails.forEach((b, i) => {
    if (!f.urlTails.includes(b.index)) throw mismatch(`/button_parameters/${i}/index`, `Button ${b.index} is not a url button with a placeholder`);
    if (seen.has(b.index)) throw mismatch(`/button_parameters/${i}/index`, `Button ${b.index} is given twice`);
    seen.add(b.index);
  });
  const untold = f.urlTails.filter((i) => !seen.has(i));
  if (untold.length) throw mismatch('/button_parameters', `The url button${untold.length === 1 ? '' : 's'} ${untold.join(', ')} end${untold.length === 1 ? 's' : ''} in a placeholder; give ${untold.length === 1 ? 'its' : 'their'} tail in button_parameters`);
  if (tails.length) args.button_parameters = [...tails].sort((a, b) => a.index - b.index).map((b) => ({ index: b.index, text: b.text }));
  return { text, parameters: t.parameterFormat === 'named' ? [] : parameters, templateArguments: Object.keys(args).length ? args : null };
}

/**
 * Fills `{{n}}` with `parameters[n - 1]` in one pass (a parameter that itself contains `{{2}}` stays as written).
 * Refuses a parameter count other than the body's with `422 template_parameters_mismatch`.
 */
export function renderTemplate(body: string, parameters: readonly string[]): string {
  return fillTemplate({ body, parameterFormat: 'positional', header: null, buttons: [] }, { parameters: [...parameters] }).text;
}
