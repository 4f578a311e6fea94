import { jitteredBackoff } from './backoff';

describe('retry backoff', () => {
  it('doubles each attempt, jittered between half and all of it', () => {
    expect([1, 2, 3, 4].map((attempt) => jitteredBackoff(attempt, 1_000, 60_000, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect([1, 2, 3, 4].map((attempt) => jitteredBackoff(attempt, 1_000, 60_000, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
  });

  it('never waits longer than the cap', () => {
    expect(jitteredBackoff(30, 1_000, 60_000, () => 1)).toBe(60_000);
    expect(jitteredBackoff(30, 1_000, 60_000, () => 0)).toBe(30_000);
  });

  it('spreads retries that failed together', () => {
    const waits = new Set(Array.from({ length: 50 }, () => jitteredBackoff(5, 1_000, 60_000)));
    expect(waits.size).toBeGreaterThan(10);
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(8_000);
  });
});
