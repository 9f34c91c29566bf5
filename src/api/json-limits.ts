// Bounds on the shape of untrusted JSON, checked without recursion: a body that breaks one is refused before any
// code walks it. Everything downstream that recurses over a request body (version transforms, canonical JSON and
// idempotency diffs, personal-data masking) relies on the depth bound here to stay far from the stack's limit.
import { config } from '../config';
import { ApiError } from '../errors';

type Segment = { parent: Segment | null; name: string } | null;

const escapeSegment = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function pointerOf(at: Segment): string {
  const names: string[] = [];
  for (let s = at; s; s = s.parent) names.push(escapeSegment(s.name));
  return names.length ? `/${names.reverse().join('/')}` : '/';
}

function refuse(pointer: string, code: string, message: string): ApiError {
  return new ApiError('json_limit_exceeded', `${pointer}: ${message}`, { errors: [{ pointer, code, message }] });
}

interface Open {
  array: boolean;
  index: number;
  // where the last key of an object starts and ends in the text; decoded only for an error's pointer
  keyStart: number;
  keyEnd: number;
  expectKey: boolean;
}

function keyText(text: string, o: Open): string {
  try {
    return String(JSON.parse(text.slice(o.keyStart, o.keyEnd + 1)));
  } catch {
    return text.slice(o.keyStart + 1, o.keyEnd);
  }
}

/**
 * Reads the nesting of a JSON text without parsing it: refuses it when containers nest deeper than the limit,
 * naming the pointer of the first value too deep. Malformed text is left for JSON.parse to refuse.
 */
export function checkJsonDepth(text: string, maxDepth = config.limits.jsonDepth): void {
  const open: Open[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (j < text.length) {
        const d = text.charCodeAt(j);
        if (d === 0x5c /* \ */) j += 2;
        else if (d === 0x22) break;
        else j++;
      }
      const top = open[open.length - 1];
      if (top && !top.array && top.expectKey) {
        top.keyStart = i;
        top.keyEnd = j;
        top.expectKey = false;
      }
      i = j;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (open.length >= maxDepth) {
        const names = open.map((o) => (o.array ? String(o.index) : keyText(text, o)));
        const pointer = `/${names.map(escapeSegment).join('/')}`;
        throw refuse(pointer, 'max_depth', `JSON may nest at most ${maxDepth} arrays and objects deep`);
      }
      open.push({ array: c === 0x5b, index: 0, keyStart: -1, keyEnd: -1, expectKey: c === 0x7b });
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      open.pop();
    } else if (c === 0x2c /* , */) {
      const top = open[open.length - 1];
      if (top?.array) top.index++;
      else if (top) top.expectKey = true;
    }
  }
}

/**
 * Walks a parsed JSON value with an explicit stack: refuses objects with too many keys, arrays with too many items,
 * strings (values and keys) that are too long, and U+0000 anywhere (PostgreSQL cannot store it in text or jsonb, so
 * it is bad input here rather than a database error later).
 */
export function checkJsonValue(value: unknown, limits = config.limits): void {
  const nul = (at: Segment) => {
    const pointer = pointerOf(at);
    const message = 'Text cannot contain the NUL character (U+0000)';
    return new ApiError('invalid_request', `${pointer}: ${message}`, { errors: [{ pointer, code: 'nul_character', message }] });
  };
  const checkString = (s: string, at: Segment) => {
    if (s.length > limits.jsonStringChars) throw refuse(pointerOf(at), 'max_string_length', `Strings are limited to ${limits.jsonStringChars} characters`);
    if (s.includes('\u0000')) throw nul(at);
  };
  const stack: { value: unknown; at: Segment; depth: number }[] = [{ value, at: null, depth: 0 }];
  while (stack.length) {
    const { value: v, at, depth } = stack.pop()!;
    if (typeof v === 'string') {
      checkString(v, at);
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    // bodies that did not come through checkJsonDepth (multipart fields) are held to the same bound here
    if (depth >= limits.jsonDepth) throw refuse(pointerOf(at), 'max_depth', `JSON may nest at most ${limits.jsonDepth} arrays and objects deep`);
    if (Array.isArray(v)) {
      if (v.length > limits.jsonArrayItems) throw refuse(pointerOf(at), 'max_items', `Arrays are limited to ${limits.jsonArrayItems} items`);
      // pushed in reverse so the first problem in document order is the one reported
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], at: { parent: at, name: String(i) }, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(v);
    if (keys.length > limits.jsonObjectKeys) throw refuse(pointerOf(at), 'max_keys', `Objects are limited to ${limits.jsonObjectKeys} keys`);
    const children = keys.map((k) => ({ parent: at, name: k }));
    children.forEach((child) => checkString(child.name, child));
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (v as Record<string, unknown>)[keys[i]], at: children[i], depth: depth + 1 });
  }
}

/** Parses an untrusted JSON text within the limits; malformed text is `malformed_json`. */
export function parseBoundedJson(text: string): unknown {
  checkJsonDepth(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError('malformed_json', 'The body is not valid JSON');
  }
  checkJsonValue(value);
  return value;
}
