import type { MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { rateLimitLeases } from '../metrics';
import { StrangerBudget } from './stranger-budget';

/** Where a budget stands for one request: `used` past `limit` is a refusal. */
export interface BudgetSpend {
  limit: number;
  used: number;
  /** Unix seconds of the window's start; the window is one second */
  windowStart: number;
}

interface Lease {
  window: number;
  limit: number;
  /** units this process took from the shared count in this window, and how many of them it has spent */
  granted: number;
  spent: number;
  /** the shared count as of this process's last lease: everyone's leases, spent or not */
  shared: number;
  /** the shared count reached the limit: the window is over for everyone, no further lease is asked for */
  exhausted: boolean;
  leasing: Promise<void> | null;
}

// One upsert adds this process's ask to the window's shared count and answers the new count; what of the ask fits
// under the limit is granted. Grants never add up to more than the limit, whatever the number of processes.
const LEASE_SQL = `
  insert into rate_limit_counters as c (bucket, family, window_start, count) values (?, ?, ?, ?)
  on conflict (bucket, family, window_start) do update set count = c.count + excluded.count
  returning c.count`;

/**
 * Per-second budgets that every API process shares, without a database write per request.
 *
 * A process leases units of a (bucket, family, second) budget from `rate_limit_counters` in chunks of
 * ceil(limit / 10) (at most LEASE_MAX), spends them in memory, and asks for the next chunk (in the background once
 * half of the current one is spent). Leases are granted only while the shared count is under the limit, so N
 * processes together never serve more than the limit in a window: no overshoot. The price is the opposite error:
 * units a process leased and did not spend are lost to the others, so a busy budget can refuse up to about two
 * chunks per other process early in a window (for a limit of 20 and two processes, at most 4 of the 20).
 *
 * Windows are whole seconds of each process's own clock: hosts kept in step by NTP share them; a skewed clock moves
 * a process's windows, not their length.
 *
 * Headers stay truthful from each process's view: the limit, what is left of it for this caller (leases the other
 * processes hold count as spent), and the window's end. A refusal answers from memory once the window is exhausted.
 *
 * Callers without a usable key (anonymous) are counted in this process only, so that they never cause a database
 * write; with N processes an address gets at most N times RATE_LIMIT_ANONYMOUS per second.
 */
export class RateBudgets {
  private readonly leases = new Map<string, Lease>();
  private readonly strangers = new StrangerBudget(config.limits.strangerAddresses);

  constructor(
    private readonly orm: MikroORM,
    private readonly maxEntries = config.limits.strangerAddresses,
  ) {}

  /** Spends one unit of a shared budget. */
  async spend(bucket: string, family: string, limit: number, nowMs = Date.now()): Promise<BudgetSpend> {
    const window = Math.floor(nowMs / 1000);
    const id = `${bucket}\n${family}`;
    let lease = this.leases.get(id);
    if (!lease || lease.window !== window || lease.limit !== limit) {
      lease = { window, limit, granted: 0, spent: 0, shared: 0, exhausted: false, leasing: null };
      this.remember(id, lease, window);
    }
    for (;;) {
      if (lease.spent < lease.granted) {
        lease.spent++;
        const left = lease.granted - lease.spent;
        // ask for the next chunk before this one runs out, so that requests seldom wait for a lease
        if (!lease.exhausted && !lease.leasing && left < chunkOf(limit) / 2) this.lease(bucket, family, lease).catch(() => undefined);
        return { limit, used: limit - left - Math.max(0, limit - lease.shared), windowStart: window };
      }
      if (lease.exhausted) return { limit, used: limit + 1, windowStart: window };
      await (lease.leasing ?? this.lease(bucket, family, lease));
    }
  }

  /** Spends one unit of an anonymous caller's per-address budget, held in this process only. */
  spendAnonymous(address: string, nowMs = Date.now()): BudgetSpend {
    const { used, windowStart } = this.strangers.spend(address, nowMs);
    return { limit: config.anonymousRateLimit, used, windowStart };
  }

  private lease(bucket: string, family: string, lease: Lease): Promise<void> {
    const ask = chunkOf(lease.limit);
    lease.leasing = (async () => {
      try {
        const [row] = await this.orm.em.getConnection().execute<{ count: number }[]>(LEASE_SQL, [bucket, family, lease.window, ask]);
        rateLimitLeases.inc();
        const before = row.count - ask;
        const granted = Math.max(0, Math.min(ask, lease.limit - before));
        lease.granted += granted;
        lease.shared = Math.min(row.count, lease.limit);
        if (granted < ask || row.count >= lease.limit) lease.exhausted = true;
      } finally {
        lease.leasing = null;
      }
    })();
    return lease.leasing;
  }

  // leases of past windows are worthless; the map never holds more than maxEntries (the oldest go first)
  private remember(id: string, lease: Lease, window: number): void {
    this.leases.delete(id);
    this.leases.set(id, lease);
    for (const [k, l] of this.leases) {
      if (l.window >= window - 1 && this.leases.size <= this.maxEntries) break;
      this.leases.delete(k);
    }
  }
}

export const LEASE_MAX = 1_000;

/** Units leased at a time: a tenth of the limit, so a budget is reconciled about ten times per window at full use. */
export function chunkOf(limit: number): number {
  return Math.max(1, Math.min(LEASE_MAX, Math.ceil(limit / 10)));
}
