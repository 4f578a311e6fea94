import { createHash } from 'node:crypto';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@app/config';

/**
 * Limits each bearer token (hashed; it is counted before it is verified, so
 * guessing tokens is limited too) or, without one, each client address.
 * Counts are per process; behind several API instances the limit is per instance.
 */
export const RateLimitModule = ThrottlerModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => ({
    throttlers: [{ name: 'per-token', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }],
    getTracker: (request: Record<string, any>) => {
      const authorization = request.headers?.authorization as string | undefined;
      return authorization ? createHash('sha256').update(authorization).digest('hex') : String(request.ip);
    },
  }),
});
