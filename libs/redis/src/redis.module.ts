import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig } from '@app/config';
import Redis from 'ioredis';
import { RedisHealth } from './redis.health';
import { REDIS } from './redis.tokens';

export interface RedisConnectionOptions {
  /**
   * 1 (default): commands fail after one reconnection attempt while Redis is
   * down. null: they wait out the outage, as BullMQ's own connection must.
   */
  maxRetriesPerRequest?: number | null;
  /** Names the connection in logs. */
  label?: string;
}

/**
 * A Redis connection that reconnects with a capped delay and logs each outage
 * once. By default it is the shared connection for checks and light commands
 * (idempotency records, rate limits): commands wait for it at start and fail
 * after one reconnection attempt while Redis is down; health checks add their
 * own timeout.
 */
export function createRedis(url: string, options: RedisConnectionOptions = {}): Redis {
  const label = options.label ?? 'Redis';
  const logger = new Logger(label);
  const redis = new Redis(url, {
    maxRetriesPerRequest: options.maxRetriesPerRequest === undefined ? 1 : options.maxRetriesPerRequest,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    // ioredis arms this timer even for a socket that is already gone (Redis down), holding shutdown for its length.
    disconnectTimeout: 500,
  });
  // Log each outage once, not every reconnection attempt.
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) logger.warn(`Redis unreachable (${label}): ${error.message}`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.log(`Redis reachable again (${label})`);
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
