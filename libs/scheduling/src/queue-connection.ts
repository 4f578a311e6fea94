import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

/**
 * BullMQ's own Redis connection: it must wait out outages instead of failing
 * commands (maxRetriesPerRequest: null), unlike the shared connection that
 * answers health checks and idempotency lookups.
 */
export function createQueueConnection(url: string, name: string): Redis {
  const logger = new Logger(name);
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    disconnectTimeout: 500,
  });
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) logger.warn(`Redis unreachable for queues: ${error.message}`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.log('Redis reachable again for queues');
    down = false;
  });
  return redis;
}
