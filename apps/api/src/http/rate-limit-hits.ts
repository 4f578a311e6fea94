import type Redis from 'ioredis';
import type { Result } from 'ioredis';
import { withTimeout } from '@app/common';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    rateLimitHit(key: string, windowMs: number): Result<[number, number], Context>;
  }
}

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

interface PendingHit {
  key: string;
  windowMs: number;
  resolve: (answer: [hits: number, leftMs: number]) => void;
  reject: (error: unknown) => void;
}

/**
 * Sends the hits of one event-loop turn to Redis as one pipeline: one socket
 * write for all of them instead of one each (a write per request measured
 * ~13% of a no-op POST). Each hit is still its own atomic script call.
 */
export class RateLimitHits {
  private pending: PendingHit[] = [];

  constructor(
    private readonly redis: Redis,
    private readonly timeoutMs: number,
  ) {
    redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  }

  hit(key: string, windowMs: number): Promise<[hits: number, leftMs: number]> {
    return new Promise((resolve, reject) => {
      if (this.pending.push({ key, windowMs, resolve, reject }) === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    const pipeline = this.redis.pipeline();
    for (const { key, windowMs } of batch) pipeline.rateLimitHit(key, windowMs);
    withTimeout(pipeline.exec(), this.timeoutMs, 'no answer in time').then(
      (results) =>
        batch.forEach((hit, index) => {
          const [error, answer] = results?.[index] ?? [new Error('no answer')];
          if (error) hit.reject(error);
          else hit.resolve(answer as [number, number]);
        }),
      (error: unknown) => batch.forEach((hit) => hit.reject(error)),
    );
  }
}
