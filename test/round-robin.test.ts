import { inLanes, roundRobinByWorkspace } from '../src/flows/round-robin';

describe('round robin by workspace', () => {
  it("puts a small workspace's items among the first of a burst, keeping each workspace's own order", () => {
    const burst = [...Array.from({ length: 5 }, (_, i) => ({ workspaceId: 'A', n: i })), { workspaceId: 'B', n: 0 }, { workspaceId: 'C', n: 0 }, { workspaceId: 'B', n: 1 }];
    const order = roundRobinByWorkspace(burst).map((x) => `${x.workspaceId}${x.n}`);
    expect(order).toEqual(['A0', 'B0', 'C0', 'A1', 'B1', 'A2', 'A3', 'A4']);
    expect(roundRobinByWorkspace([])).toEqual([]);
  });

  it('runs every item once with at most the given number in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    await inLanes(Array.from({ length: 50 }, (_, i) => i), 7, async (i) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 1));
      seen.push(i);
      inFlight--;
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(most).toBe(7);
  });
});
