import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';

/** A queue namespace nobody else uses: tests share one Redis with other runs. */
export function uniquePrefix(): string {
  return `t-${randomBytes(6).toString('hex')}`;
}

/** Deletes every key of a queue namespace. */
export async function dropQueues(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Redis down (a test of exactly that): nothing was written there either.
  } finally {
    redis.disconnect();
  }
}
