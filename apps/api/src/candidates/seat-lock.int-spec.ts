import { randomUUID } from 'node:crypto';
import { createRedis } from '@app/redis';
import { freePort } from '../../../../test/support/processes';
import { ProblemException } from '../http/problem';
import { SeatLock } from './seat-lock';

const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const prefix = `test-seat-lock:${randomUUID()}`;
const timing = { ttlMs: 2_000, waitMs: 300 };
const lock = new SeatLock(redis, prefix, timing);
const seat = (title: string) => ({ roundId: 'bg-2026', communeCode: '07351', title });
const keyOf = (title: string) => `${prefix}:bg-2026:07351:${title}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterAll(() => redis.disconnect());

/** The problem a rejection carries, or a failure if it is not a ProblemException. */
async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ProblemException);
  return { ...(error as ProblemException).problem, headers: (error as ProblemException).headers };
}

describe('the seat lock (real Redis)', () => {
  it('runs the holders of one seat one after the other, and those of different seats side by side', async () => {
    const log: string[] = [];
    const hold = (title: string, name: string) =>
      lock.holding(seat(title), async () => {
        log.push(`${name} in`);
        await pause(40);
        log.push(`${name} out`);
        return name;
      });
    const answers = await Promise.all([
      hold('finance-accounting', 'a'),
      hold('finance-accounting', 'b'),
      hold('justice-civil-status', 'c'),
    ]);
    expect(answers).toEqual(['a', 'b', 'c']);
    const sameSeat = log.filter((entry) => !entry.startsWith('c'));
    // Whichever of a and b went first, the other entered only after it left.
    const [first, second] = sameSeat[0].startsWith('a') ? ['a', 'b'] : ['b', 'a'];
    expect(sameSeat).toEqual([`${first} in`, `${first} out`, `${second} in`, `${second} out`]);
    // c, for another seat, did not wait for either.
    expect(log.indexOf('c in')).toBeLessThan(log.indexOf(`${first} out`));
    expect(await redis.exists(keyOf('finance-accounting'), keyOf('justice-civil-status'))).toBe(0);
  });

  it('releases the lock when the work fails, and passes the failure on', async () => {
    await expect(
      lock.holding(seat('culture-society'), async () => {
        throw new Error('append failed');
      }),
    ).rejects.toThrow('append failed');
    expect(await redis.exists(keyOf('culture-society'))).toBe(0);
  });

  it('answers 503 SEAT_BUSY, without running the work, while another holder keeps the seat', async () => {
    await redis.set(keyOf('office-statistics'), 'someone-else', 'PX', 10_000);
    let ran = false;
    const busy = await problemOf(lock.holding(seat('office-statistics'), async () => (ran = true)));
    expect(busy).toMatchObject({ status: 503, code: 'SEAT_BUSY', headers: { 'retry-after': '1' } });
    expect(ran).toBe(false);
    expect(await redis.get(keyOf('office-statistics'))).toBe('someone-else');
  });

  it('takes a seat whose holder died once its lock expires', async () => {
    await redis.set(keyOf('land-construction'), 'a-dead-holder', 'PX', 150);
    await expect(lock.holding(seat('land-construction'), async () => 'taken')).resolves.toBe('taken');
  });

  it('leaves alone a lock another holder took after this one expired', async () => {
    await lock.holding(seat('military-command'), async () => {
      // As if this holder stalled beyond its TTL and another took the seat meanwhile.
      await redis.set(keyOf('military-command'), 'the-next-holder', 'PX', 10_000);
    });
    expect(await redis.get(keyOf('military-command'))).toBe('the-next-holder');
  });

  it('refuses with 503 SEAT_LOCK_UNAVAILABLE, without running the work, when Redis cannot be reached', async () => {
    const unreachable = createRedis(`redis://127.0.0.1:${await freePort()}`, { label: 'unreachable Redis' });
    try {
      let ran = false;
      const refused = await problemOf(
        new SeatLock(unreachable, prefix, timing).holding(seat('finance-accounting'), async () => (ran = true)),
      );
      expect(refused).toMatchObject({
        status: 503,
        code: 'SEAT_LOCK_UNAVAILABLE',
        detail: expect.stringContaining('Redis is unreachable'),
      });
      expect(ran).toBe(false);
    } finally {
      unreachable.disconnect();
    }
  });
});
