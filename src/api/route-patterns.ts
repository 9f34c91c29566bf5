// express-openapi-validator finds a request's operation by compiling the pattern of each spec path in turn, on every
// request (about 35 compilations before /v1/contacts): the compiled patterns are kept instead. pathToRegexp is pure
// for a given pattern and options, and the validator only reads what it returns.
import ptr = require('path-to-regexp');

type PathToRegexp = typeof ptr.pathToRegexp;
const compile: PathToRegexp = ptr.pathToRegexp;
const compiled = new Map<string, ReturnType<PathToRegexp>>();
// the spec's paths (and a few of Express's): a bound that is never reached
const MAX_PATTERNS = 1_000;
const FLAGS = new Set(['sensitive', 'strict', 'end', 'trailing', 'delimiter']);

function plainFlags(options: object): boolean {
  for (const k in options) if (!FLAGS.has(k)) return false;
  return true;
}

const memoized = ((path: Parameters<PathToRegexp>[0], options?: Parameters<PathToRegexp>[1]) => {
  // options that are not plain flags (an encoder function) are compiled every time, as before
  if (typeof path !== 'string' || (options && !plainFlags(options))) return compile(path, options);
  const o = options ?? {};
  const key = `${path}\n${o.sensitive ? 1 : 0}${(o as { strict?: boolean }).strict ? 1 : 0}${o.end === false ? 0 : 1}${o.trailing === false ? 0 : 1}${o.delimiter ?? ''}`;
  let hit = compiled.get(key);
  if (!hit) {
    hit = compile(path, options);
    if (compiled.size < MAX_PATTERNS) compiled.set(key, hit);
  }
  return hit;
}) as PathToRegexp;

(ptr as { pathToRegexp: PathToRegexp }).pathToRegexp = memoized;
