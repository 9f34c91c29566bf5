export default async function globalTeardown(): Promise<void> {
  const stops = (globalThis as { __stackStops?: (() => Promise<void>)[] }).__stackStops ?? [];
  for (const stop of stops) await stop().catch((e: Error) => process.stderr.write(`teardown: ${e.message}\n`));
}
