// The fault run's "sent once" rule for a failing endpoint's backlog: a delivery may have received one call beyond its
// recorded attempts for each fault that struck while (or just after) it was called, and none for a call made in
// steady running.
import { cutOffAllowance } from './faults/webhook-backlog';

const faults = [
  { from: 100_000, to: 110_000 },
  { from: 200_000, to: 214_000 },
];
const bound = 5_000;

describe('cut-off allowance of the fault run', () => {
  it('allows nothing for calls made away from every fault', () => {
    expect(cutOffAllowance([10_000, 150_000, 300_000], faults, bound)).toBe(0);
    expect(cutOffAllowance([], faults, bound)).toBe(0);
  });

  it('allows one per fault that met a call, however many calls it met', () => {
    expect(cutOffAllowance([105_000], faults, bound)).toBe(1);
    expect(cutOffAllowance([101_000, 102_000, 109_000], faults, bound)).toBe(1);
    expect(cutOffAllowance([105_000, 213_000], faults, bound)).toBe(2);
  });

  it('counts a call in flight when the fault struck: up to the attempt bound and a commit before it', () => {
    expect(cutOffAllowance([100_000 - bound - 1_000], faults, bound)).toBe(1);
    expect(cutOffAllowance([100_000 - bound - 1_001], faults, bound)).toBe(0);
    expect(cutOffAllowance([110_001], faults, bound)).toBe(0);
  });
});
