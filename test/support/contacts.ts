import type { ApiResponse, client } from './client';
import { waitFor } from './wait';

type Api = ReturnType<typeof client>;

// a fresh block of phone numbers per call, so suites and reruns never collide
let nextPhone = 9_600_000_000 + Math.floor(Math.random() * 90_000_000);
export const phones = (n: number) => Array.from({ length: n }, () => `+91${nextPhone++}`);

/** n new contacts through the bulk upsert (polling its job past the synchronous bound), in order, with their phones. */
export async function makeContacts(api: Api, n: number): Promise<{ id: string; phone: string }[]> {
  const out: { id: string; phone: string }[] = [];
  for (let from = 0; from < n; from += 1000) {
    const items = phones(Math.min(1000, n - from)).map((phone) => ({ phone }));
    const res = await api.post('/v1/contacts/bulk', { body: { items } });
    expect([200, 202]).toContain(res.status);
    let results = res.body.results as { status: number; id: string }[] | undefined;
    if (res.status === 202) {
      await waitFor(() => api.get(`/v1/bulk-jobs/${res.body.id}`), (r) => r.body.status === 'completed', 120_000);
      results = [];
      let cursor: string | null = null;
      do {
        const page: ApiResponse = await api.get(`/v1/bulk-jobs/${res.body.id}/results?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        results.push(...page.body.data);
        cursor = page.body.next_cursor;
      } while (cursor);
    }
    expect(results!.map((r) => r.status)).toEqual(Array(items.length).fill(201));
    out.push(...results!.map((r, i) => ({ id: r.id, phone: items[i].phone })));
  }
  return out;
}
