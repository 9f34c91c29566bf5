// The printed part of the fault run: what the clients saw, and the table of checks ending in `N passed, M failed`.
import type { WriteRecord } from './client';
import type { Check } from './verify';

/** Writes, attempts and what the attempts were answered (setup writes left out); `what` says what the writes were. */
export function summarizeWrites(all: WriteRecord[], what: string): string {
  const writes = all.filter((w) => w.kind !== 'setup');
  const attempts = writes.flatMap((w) => w.attempts);
  const byStatus = new Map<number, number>();
  for (const a of attempts) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
  const statuses = [...byStatus.entries()].sort((a, b) => a[0] - b[0]).map(([st, n]) => `${st === 0 ? 'dropped/timeout' : st} ×${n}`);
  return `${writes.length} (${what}); ${attempts.length} attempts (${statuses.join(', ')}); ${writes.filter((w) => w.attempts.length > 1).length} writes retried`;
}

/** No attempt went unanswered until the client gave up on it: a dropped connection is fine, a hang is not. */
export function hangCheck(writes: WriteRecord[], timeoutMs: number): Check {
  const attempts = writes.flatMap((w) => w.attempts);
  const hung = attempts.filter((a) => a.hung).length;
  const answered = attempts.filter((a) => a.status > 0);
  const slowest = answered.reduce((m, a) => (a.ms > m.ms ? a : m), { ms: 0, status: 0 });
  const slowest503 = Math.max(0, ...answered.filter((a) => a.status === 503).map((a) => a.ms));
  return {
    name: `no request hung (every attempt answered or dropped within ${timeoutMs / 1000} s)`,
    ok: hung === 0,
    detail: `${hung} hung; slowest answer ${slowest.ms} ms (${slowest.status}), slowest 503 ${slowest503} ms`,
  };
}

export function table(checks: Check[]): string[] {
  const width = Math.max(...checks.map((c) => c.name.length));
  const failed = checks.filter((c) => !c.ok).length;
  return [
    `| ${'check'.padEnd(width)} | result | detail`,
    `|${'-'.repeat(width + 2)}|--------|-------`,
    ...checks.map((c) => `| ${c.name.padEnd(width)} | ${c.ok ? 'PASS  ' : 'FAIL  '} | ${c.detail}`),
    '',
    `${checks.length - failed} passed, ${failed} failed`,
  ];
}
