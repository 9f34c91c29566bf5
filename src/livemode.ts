// Test and live data: every object a caller is shown says which side of its workspace it belongs to. Objects are
// built without it (src/types/wire.ts); the response writer and the webhook payload add it here, in one walk.

/** Whether a JSON node is an object of the API (it has an id and names its kind), which carries `livemode`. */
function isApiObject(node: Record<string, unknown>): boolean {
  return typeof node.id === 'string' && typeof node.object === 'string' && node.object !== 'list';
}

/**
 * A copy of `body` in which every API object (an `id` and an `object`, at any depth: a list's items, an event's
 * object, a stub) carries `livemode`, placed after `object`. One that already says (a key minted for the other side)
 * keeps its own.
 */
export function withLivemode(body: unknown, livemode: boolean): unknown {
  if (Array.isArray(body)) return body.map((item) => withLivemode(item, livemode));
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return body;
  const node = body as Record<string, unknown>;
  const tag = isApiObject(node) && !('livemode' in node);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = v !== null && typeof v === 'object' ? withLivemode(v, livemode) : v;
    if (tag && k === 'object') out.livemode = livemode;
  }
  return out;
}
