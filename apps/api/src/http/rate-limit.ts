import { createHash } from 'node:crypto';
import { ThrottlerModule } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { AppConfig } from '@app/config';
import { REDIS } from '@app/redis';
import { RedisThrottlerStorage } from './redis-throttler-storage';

/**
 * Limits each bearer token (hashed; it is counted before it is verified, so
 * guessing tokens is limited too) or, without one, each client address, over
 * all routes. The counts live in Redis, so the limit holds across every API
 * process. The throttler is named `default` so its headers are the standard
 * `Retry-After` and `X-RateLimit-*` and `@SkipThrottle()` applies to it.
 */
export const RateLimitModule = ThrottlerModule.forRootAsync({
  inject: [AppConfig, REDIS],
  useFactory: (config: AppConfig, redis: Redis) => ({
    throttlers: [{ name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }],
    getTracker: (request: Record<string, any>) => {
      const authorization = request.headers?.authorization as string | undefined;
      return authorization ? createHash('sha256').update(authorization).digest('hex') : String(request.ip);
    },
    // One count per caller across all routes (the default key is per route and hashed a second time).
    generateKey: (_context, tracker) => tracker,
    storage: new RedisThrottlerStorage(redis),
  }),
});
