import { backoffDelay } from './backoff';

describe('resubscription backoff', () => {
  const policy = { initialMs: 100, maxMs: 5_000 };

  it('doubles per attempt up to the cap, with half of each step fixed', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, policy, () => 0))).toEqual([50, 100, 200, 400]);
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, policy, () => 1))).toEqual([100, 200, 400, 800]);
    expect(backoffDelay(30, policy, () => 1)).toBe(5_000);
    expect(backoffDelay(30, policy, () => 0)).toBe(2_500);
  });
});
