export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half
 * and all of initial·2^(n−1), capped. Half the step is fixed so retries never
 * hammer what failed; half is random so many clients do not retry in step.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
