import type { ApiResponse, client } from './client';
import { waitFor } from './wait';

type Api = ReturnType<typeof client>;

// a fresh block of phone numbers per call, so suites and reruns never collide
let nextPhone = 9_600_000_000 + Math.floor(Math.random() * 90_000_000);
export const phones = (n: number) => Array.from({ length: n }, () => `+91${nextPhone++}`);

/** Every result of a bulk job, in order, read page by page. */
export async function jobResults<T>(api: Api, jobId: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: ApiResponse = await api.get(`/v1/bulk-jobs/${jobId}/results?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (page.status !== 200) throw new Error(`bulk job ${jobId} results: ${page.status}`);
    out.push(...page.body.data);
    cursor = page.body.next_cursor;
  } while (cursor);
  return out;
}

/** The results of a bulk call: the synchronous 200's, or the 202 job's once it has finished. */
export async function bulkResults<T>(api: Api, res: ApiResponse, waitMs = 300_000): Promise<T[]> {
  if (res.status === 200) return res.body.results as T[];
  if (res.status !== 202) throw new Error(`bulk call answered ${res.status}`);
  await waitFor(() => api.get(`/v1/bulk-jobs/${res.body.id}`), (r) => r.body.status === 'completed', waitMs, 500);
  return jobResults<T>(api, res.body.id);
}

/** n new contacts through the bulk upsert (polling its job past the synchronous bound), in order, with their phones. */
export async function makeContacts(api: Api, n: number): Promise<{ id: string; phone: string }[]> {
  const out: { id: string; phone: string }[] = [];
  for (let from = 0; from < n; from += 1000) {
    const items = phones(Math.min(1000, n - from)).map((phone) => ({ phone }));
    const res = await api.post('/v1/contacts/bulk', { body: { items } });
    expect([200, 202]).toContain(res.status);
    const results = await bulkResults<{ status: number; id: string }>(api, res, 120_000);
    expect(results.map((r) => r.status)).toEqual(Array(items.length).fill(201));
    out.push(...results.map((r, i) => ({ id: r.id, phone: items[i].phone })));
  }
  return out;
}
