import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig } from '@app/config';
import Redis from 'ioredis';
import { RedisHealth } from './redis.health';
import { REDIS } from './redis.tokens';

/**
 * A shared Redis connection for checks and light commands (idempotency
 * records). Commands wait for the connection at start, and fail after one
 * reconnection attempt while Redis is down; health checks add their own timeout.
 */
export function createRedis(url: string): Redis {
  const logger = new Logger('Redis');
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    // ioredis arms this timer even for a socket that is already gone (Redis down), holding shutdown for its length.
    disconnectTimeout: 500,
  });
  // Log each outage once, not every reconnection attempt.
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) logger.warn(`Redis unreachable: ${error.message}`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.log('Redis reachable again');
    down = false;
  });
  return redis;
}

@Global()
@Module({
  imports: [TerminusModule],
  providers: [{ provide: REDIS, inject: [AppConfig], useFactory: (config: AppConfig) => createRedis(config.REDIS_URL) }, RedisHealth],
  exports: [REDIS, RedisHealth],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
