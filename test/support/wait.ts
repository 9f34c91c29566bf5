/**
 * Calls `fn` until `ok` holds for its result or `ms` pass, and returns the last result either way, so the
 * caller's assertion on it says what was still missing.
 */
export async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000, everyMs = 100): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
