import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type Redis from 'ioredis';
import type { Result } from 'ioredis';
import { withTimeout } from '@app/common';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    rateLimitHit(key: string, windowMs: number): Result<[number, number], Context>;
  }
}

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One hit in a fixed window, atomically: count it, start the window's expiry
 * on the first hit (or if the key somehow has none), answer the count and
 * the milliseconds left.
 */
const HIT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
return {hits, left}`;

const LOST = new Set(['reconnecting', 'close', 'end']);

/** Longer than a healthy Redis ever takes; a stalled one must not stall every request. */
const HIT_TIMEOUT_MS = 250;

/**
 * Rate-limit counters in Redis, so every API process counts against the same
 * limit: one key per tracker and window (`ratelimit:<throttler>:<tracker>`,
 * expiring with the window), one script call per request. A caller over the
 * limit is refused until its window ends.
 *
 * When Redis cannot answer, requests are let through (fail open) and a warning
 * is logged once per outage: a Redis outage must not take down an API whose
 * commands and reads do not need Redis, and /health already reports it (503).
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private failingSince?: string;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'ratelimit',
  ) {
    redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  }

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    let hits: number;
    let left: number;
    try {
      // Lost: answer now rather than queue behind reconnection attempts (a first connection is waited for).
      if (LOST.has(this.redis.status)) throw new Error(`connection is ${this.redis.status}`);
      [hits, left] = await withTimeout(
        this.redis.rateLimitHit(`${this.prefix}:${throttlerName}:${key}`, ttl),
        HIT_TIMEOUT_MS,
        'no answer in time',
      );
    } catch (error) {
      return this.letThrough(ttl, error as Error);
    }
    if (this.failingSince) {
      this.logger.log(`Redis answers again; rate limits enforced (not enforced since ${this.failingSince})`);
      this.failingSince = undefined;
    }
    const timeToExpire = Math.max(1, Math.ceil(left / 1000));
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
