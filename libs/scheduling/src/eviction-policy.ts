import type Redis from 'ioredis';
import { withTimeout } from '@app/common';

export interface EvictionPolicy {
  policy: string;
  /** Only noeviction guarantees Redis never drops a queued job to make room. */
  safe: boolean;
}

/** Reads Redis's maxmemory-policy; a managed Redis that hides CONFIG reports 'unknown'. */
export async function evictionPolicy(redis: Redis, timeoutMs = 1_000): Promise<EvictionPolicy> {
  try {
    const answer = (await withTimeout(redis.config('GET', 'maxmemory-policy'), timeoutMs, 'no answer')) as string[];
    const policy = answer[1] ?? 'unknown';
    return { policy, safe: policy === 'noeviction' };
  } catch {
    return { policy: 'unknown', safe: false };
  }
}
