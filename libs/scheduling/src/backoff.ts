import { backoffDelay } from '@app/common';

/** The shared equal-jitter backoff as a BullMQ strategy: receivers that come back up are not hit by every retry at once. */
export function jitteredBackoff(attemptsMade: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  return backoffDelay(attemptsMade, { initialMs: baseMs, maxMs: capMs }, random);
}

/** The BullMQ backoff type name of the strategy above (set per job in `backoff.type`). */
export const JITTERED = 'jittered';
