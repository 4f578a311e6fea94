/**
 * Exponential backoff with jitter: the n-th retry waits a random time between
 * half and all of base·2^(n−1), capped, so receivers that come back up are not
 * hit by every retry at the same instant.
 */
export function jitteredBackoff(attemptsMade: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(capMs, baseMs * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** The BullMQ backoff type name of the strategy above (set per job in `backoff.type`). */
export const JITTERED = 'jittered';
