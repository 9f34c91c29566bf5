// What an outage must look like from outside: a write answered 503 with Retry-After within a bound (not a hang, not a
// 500), and /readyz answering 503 that names the failing check and only it.
import { randomUUID } from 'node:crypto';
import type { FaultClient, WriteRecord } from './client';
import { FAULTS_OPS_TOKEN } from './stack';
import type { Check } from './verify';

type Dependency = 'postgresql' | 'temporal';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Probes one API process during an outage of `failing`; the probe's write is left for its client to finish later. */
export async function probeOutage(
  api: FaultClient,
  apiUrl: string,
  apiIndex: number,
  scenario: string,
  failing: Dependency[],
  boundMs: number,
): Promise<{ checks: Check[]; write: WriteRecord }> {
  const key = `faults-probe-${randomUUID()}`;
  const write = api.record('probe', key, 'POST', '/v1/contacts', { email: 'probe@faults.test', attributes: { load_key: key } });
  const res = await api.once(apiIndex, 'POST', '/v1/contacts', { body: write.request, idempotencyKey: key });
  write.attempts.push({ api: apiIndex, status: res.status, code: res.body?.code, ms: res.ms, hung: res.hung });
  write.finalStatus = res.status;
  const retryAfter = res.headers?.get('retry-after');
  const checks: Check[] = [
    {
      name: `${scenario}: POST answers 503 + Retry-After within ${boundMs / 1000} s`,
      ok: res.status === 503 && !!retryAfter && res.ms <= boundMs,
      detail: `${res.status || 'no answer'} ${res.body?.code ?? ''} Retry-After ${retryAfter ?? '-'} in ${res.ms} ms`,
    },
  ];

  const t0 = Date.now();
  let status = 0;
  let retryAfterReady: string | null = null;
  let checksSeen: Record<string, { ok: boolean }> = {};
  try {
    const ready = await fetch(`${apiUrl}/readyz`, { signal: AbortSignal.timeout(boundMs + 5_000), headers: { Authorization: `Bearer ${FAULTS_OPS_TOKEN}` } });
    status = ready.status;
    retryAfterReady = ready.headers.get('retry-after');
    checksSeen = ((await ready.json()) as { checks?: Record<string, { ok: boolean }> }).checks ?? {};
  } catch {
    status = 0;
  }
  const ms = Date.now() - t0;
  const failed = Object.entries(checksSeen).filter(([, c]) => !c.ok).map(([name]) => name).sort();
  checks.push({
    name: `${scenario}: /readyz answers 503 naming ${failing.join(' + ')}`,
    ok: status === 503 && !!retryAfterReady && failed.join(',') === [...failing].sort().join(',') && ms <= boundMs,
    detail: status ? `${status} in ${ms} ms; failing: ${failed.join(', ') || 'none'}` : `no answer in ${ms} ms`,
  });
  return { checks, write };
}

/** Resolves once every API process says it is ready (bounded). */
export async function waitReady(apiUrls: string[], what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const url of apiUrls) {
    for (;;) {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
      await res?.body?.cancel();
      if (res?.status === 200) break;
      if (Date.now() > deadline) throw new Error(`${url} not ready ${timeoutMs / 1000} s after ${what}`);
      await sleep(250);
    }
  }
}
