import { randomUUID } from 'node:crypto';
import { createRedis } from '@app/redis';
import { RedisThrottlerStorage } from './redis-throttler-storage';

const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const prefix = `test-ratelimit:${randomUUID()}`;
const storage = new RedisThrottlerStorage(redis, prefix);
const hit = (key: string, windowMs = 60_000, limit = 1_000) => storage.increment(key, windowMs, limit, windowMs, 'default');

afterAll(() => redis.disconnect());

describe('rate-limit counts in Redis', () => {
  it('counts concurrent hits on one key exactly once each, though they share a pipeline', async () => {
    const records = await Promise.all(Array.from({ length: 50 }, () => hit('together')));
    expect(records.map((record) => record.totalHits).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(records.every((record) => !record.isBlocked)).toBe(true);
  });

  it('refuses beyond the limit until the window ends, then counts afresh; the key expires with its window', async () => {
    expect(await hit('window', 1_000, 2)).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await hit('window', 1_000, 2)).toMatchObject({ totalHits: 2, isBlocked: false });
    expect(await hit('window', 1_000, 2)).toMatchObject({ totalHits: 3, isBlocked: true, timeToBlockExpire: 1 });
    const left = await redis.pttl(`${prefix}:default:window`);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(1_000);
    await new Promise((resolve) => setTimeout(resolve, left + 50));
    expect(await hit('window', 1_000, 2)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('keeps each caller to its own count', async () => {
    await hit('first');
    await hit('first');
    expect(await hit('second')).toMatchObject({ totalHits: 1 });
  });
});
