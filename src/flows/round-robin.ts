// Fairness for work started in bursts: a batch that holds 5,000 items of one workspace and 1 of another starts them
// interleaved, so the other workspace's item goes out among the first, not after the burst.

/** The items reordered round robin by workspace: each workspace's first item, then each one's second, and so on. */
export function roundRobinByWorkspace<T extends { workspaceId: string }>(items: T[]): T[] {
  const lanes = new Map<string, T[]>();
  for (const item of items) {
    const lane = lanes.get(item.workspaceId);
    if (lane) lane.push(item);
    else lanes.set(item.workspaceId, [item]);
  }
  const out: T[] = [];
  for (let i = 0; out.length < items.length; i++) for (const lane of lanes.values()) if (i < lane.length) out.push(lane[i]);
  return out;
}

/** Runs `work` on every item, `concurrency` at a time, in the items' order. */
export async function inLanes<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}
