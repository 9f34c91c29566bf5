import { isIP } from 'node:net';

/**
 * The address a budget is kept for: an IPv4 address as it is, an IPv6 address by its /64 (one subscriber's
 * network hands out as many addresses of its /64 as it likes).
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head, tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // an embedded IPv4 tail (::ffff:1.2.3.4) takes two groups
  const groups = address.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * Per-second budgets held in this process's memory, for callers the API does not know (no key, an unknown or
 * malformed one, a bad provider signature): refusing them costs no database write. The map holds only the current
 * second's callers and never more than `maxEntries`; past that the oldest entries are forgotten (they start over).
 */
export class StrangerBudget {
  // insertion order is window order: an entry is re-inserted when its window changes, so the oldest come first
  private readonly windows = new Map<string, { window: number; used: number }>();

  constructor(private readonly maxEntries: number) {}

  /** Spends one request of the caller's budget: how many it has used in this second, and that second. */
  spend(address: string, nowMs = Date.now()): { used: number; windowStart: number } {
    const window = Math.floor(nowMs / 1000);
    for (const [key, entry] of this.windows) {
      if (entry.window >= window) break;
      this.windows.delete(key);
    }
    const bucket = addressBucket(address);
    let entry = this.windows.get(bucket);
    if (!entry || entry.window !== window) {
      this.windows.delete(bucket);
      entry = { window, used: 0 };
      this.windows.set(bucket, entry);
      if (this.windows.size > this.maxEntries) this.windows.delete(this.windows.keys().next().value!);
    }
    entry.used++;
    return { used: entry.used, windowStart: window };
  }

  get size(): number {
    return this.windows.size;
  }
}
