import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { RateLimitHits } from './rate-limit-hits';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** States in which ioredis has lost the server; a first connection is still waited for. */
const LOST = new Set(['reconnecting', 'close', 'end']);

/** Longer than a healthy Redis ever takes; a stalled one must not stall every request. */
const HIT_TIMEOUT_MS = 250;

/**
 * Rate-limit counters in Redis, so every API process counts against the same
 * limit: one key per tracker and window (`ratelimit:<throttler>:<tracker>`,
 * expiring with the window), one atomic script call per request. A caller
 * over the limit is refused until its window ends.
 *
 * When Redis cannot answer, requests are let through (fail open) and a warning
 * is logged once per outage: a Redis outage must not take down an API whose
 * commands and reads do not need Redis, and /health already reports it (503).
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private readonly hits: RateLimitHits;
  private failingSince?: string;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'ratelimit',
  ) {
    this.hits = new RateLimitHits(redis, HIT_TIMEOUT_MS);
  }

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    let hits: number;
    let leftMs: number;
    try {
      // Answer now rather than queue behind reconnection attempts.
      if (LOST.has(this.redis.status)) throw new Error(`connection is ${this.redis.status}`);
      [hits, leftMs] = await this.hits.hit(`${this.prefix}:${throttlerName}:${key}`, ttl);
    } catch (error) {
      return this.letThrough(ttl, error as Error);
    }
    if (this.failingSince) {
      this.logger.log(`Redis answers again; rate limits enforced (not enforced since ${this.failingSince})`);
      this.failingSince = undefined;
    }
    const timeToExpire = Math.max(1, Math.ceil(leftMs / 1000));
    const isBlocked = hits > limit;
    return { totalHits: hits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }

  private letThrough(ttl: number, error: Error): ThrottlerStorageRecord {
    if (!this.failingSince) {
      this.failingSince = new Date().toISOString();
      this.logger.warn(`rate limits not enforced while Redis cannot count requests (${error.message}); requests are let through`);
    }
    return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
  }
}
