import { createRedis } from '@app/redis';
import { RedisThrottlerStorage } from '../apps/api/src/http/redis-throttler-storage';
import { median, report, round } from './report';

const WINDOW_MS = 60_000;
const NEVER_REACHED = 1e9;

/** `callers` loops counting hits for `seconds`; CPU of this process per hit and each hit's latency. */
async function hits(storage: RedisThrottlerStorage, callers: number, seconds: number) {
  const latenciesUs: number[] = [];
  const cpuBefore = process.cpuUsage();
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: callers }, async (_, caller) => {
      while (Date.now() < end) {
        const start = process.hrtime.bigint();
        const record = await storage.increment(`caller-${caller}`, WINDOW_MS, NEVER_REACHED, WINDOW_MS, 'default');
        // Zero hits means the storage let the request through without Redis: nothing was measured.
        if (record.totalHits === 0) throw new Error('Redis did not answer; the rate-limit bench needs Redis');
        latenciesUs.push(Number(process.hrtime.bigint() - start) / 1000);
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  latenciesUs.sort((a, b) => a - b);
  return {
    cpuUsPerHit: round((cpu.user + cpu.system) / latenciesUs.length, 1),
    hitsPerSecond: round(latenciesUs.length / seconds),
    p50Us: round(median(latenciesUs)),
    p99Us: round(latenciesUs[Math.floor(latenciesUs.length * 0.99)]),
  };
}

/**
 * rateLimit.hit: what counting one request in Redis costs the API process.
 * Alone, each hit is its own pipeline; with 32 requests in flight (as in
 * http.command) the hits of one event-loop turn share one write.
 */
export async function rateLimitBenchmark(seconds: number): Promise<void> {
  const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    // Keys of this run only; they expire with their window.
    const storage = new RedisThrottlerStorage(redis, `bench-ratelimit:${process.pid}:${Date.now()}`);
    await hits(storage, 1, 0.2); // warm-up: connection, script load, JIT
    const alone = await hits(storage, 1, seconds);
    const concurrent = await hits(storage, 32, seconds);
    report({
      metric: 'rateLimit.hit',
      value: concurrent.cpuUsPerHit,
      unit: 'µs CPU/request',
      is: 'API-process CPU per rate-limit count in Redis (one atomic script per request), 32 requests in flight',
      ...Object.fromEntries(Object.entries(concurrent).map(([name, value]) => [`concurrent_${name}`, value])),
      ...Object.fromEntries(Object.entries(alone).map(([name, value]) => [`alone_${name}`, value])),
    });
  } finally {
    redis.disconnect();
  }
}
