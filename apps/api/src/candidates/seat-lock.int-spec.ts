import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { createRedis } from '@app/redis';
import { freePort } from '../../../../test/support/processes';
import { problem, ProblemException } from '../http/problem';
import { SeatLock } from './seat-lock';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redis = createRedis(REDIS_URL);
const prefix = `test-seat-lock:${randomUUID()}`;
// Waits long where the lock must be had (a slow shared machine), short where it must not.
const patient = new SeatLock(redis, prefix, { ttlMs: 10_000, waitMs: 5_000, answerMs: 2_000 });
const impatient = new SeatLock(redis, prefix, { ttlMs: 10_000, waitMs: 300, answerMs: 2_000 });
const seat = (title: string) => ({ roundId: 'bg-2026', communeCode: '07351', title });
const lockKey = (title: string) => `${prefix}:bg-2026:07351:${title}:lock`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const done = <T>(result: T) => Promise.resolve({ result });

afterAll(() => redis.disconnect());

/** The problem a rejection carries; fails the test if it is not a ProblemException. */
async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ProblemException);
  return { ...(error as ProblemException).problem, headers: (error as ProblemException).headers };
}

/** A TCP proxy in front of the real Redis that can hold what the client sends for a while (a stalled network). */
async function delayingProxy(): Promise<{ port: number; delayMs: number; close: () => Promise<void> }> {
  const target = new URL(REDIS_URL);
  const sockets = new Set<Socket>();
  const proxy = { port: 0, delayMs: 0, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => [client, upstream].forEach((each) => each.destroy()));
    }
    client.on('data', (chunk) => (proxy.delayMs ? setTimeout(() => upstream.write(chunk), proxy.delayMs) : upstream.write(chunk)));
    upstream.pipe(client);
  });
  proxy.close = () => {
    sockets.forEach((socket) => socket.destroy());
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as { port: number }).port;
  return proxy;
}

describe('the seat lock (real Redis)', () => {
  it('runs the holders of one seat one after the other, and those of different seats side by side', async () => {
    const log: string[] = [];
    const hold = (title: string, name: string) =>
      patient.holding(seat(title), async () => {
        log.push(`${name} in`);
        await pause(40);
        log.push(`${name} out`);
        return { result: name };
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
    expect(await redis.exists(lockKey('finance-accounting'), lockKey('justice-civil-status'))).toBe(0);
  });

  it('hands each holder the position the previous holder of the seat reached', async () => {
    const seen: (string | undefined)[] = [];
    await patient.holding(seat('economy-planning'), async (previous) => {
      seen.push(previous);
      return { result: 'offered', position: '4711' };
    });
    await patient.holding(seat('economy-planning'), async (previous) => {
      seen.push(previous);
      return { result: 'refused' };
    });
    // A holder that appended nothing leaves the last position as it was.
    await patient.holding(seat('economy-planning'), async (previous) => done(seen.push(previous)));
    expect(seen).toEqual([undefined, '4711', '4711']);
  });

  it('ignores a previous position that is no position at all, rather than fail every command on the seat', async () => {
    await redis.set(`${prefix}:bg-2026:07351:youth-union:last`, 'not-a-position', 'PX', 10_000);
    const seen: (string | undefined)[] = [];
    await patient.holding(seat('youth-union'), async (previous) => done(seen.push(previous)));
    expect(seen).toEqual([undefined]);
  });

  it('releases the lock after a refusal, which appended nothing, and passes the refusal on', async () => {
    const refusal = new ProblemException(problem(409, 'NO_OPEN_SLOT', 'no open slot'));
    await expect(
      patient.holding(seat('culture-society'), async () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(await redis.exists(lockKey('culture-society'))).toBe(0);
  });

  it('keeps the lock until it expires after a failure whose append may still land', async () => {
    await expect(
      patient.holding(seat('internal-affairs'), async () => {
        throw new Error('the event store did not answer in time');
      }),
    ).rejects.toThrow('did not answer');
    expect(await redis.pttl(lockKey('internal-affairs'))).toBeGreaterThan(5_000);
  });

  it('answers 503 SEAT_BUSY, without running the work, while another holder keeps the seat', async () => {
    await redis.set(lockKey('office-statistics'), 'someone-else', 'PX', 10_000);
    let ran = false;
    const busy = await problemOf(impatient.holding(seat('office-statistics'), async () => done((ran = true))));
    expect(busy).toMatchObject({ status: 503, code: 'SEAT_BUSY', headers: { 'retry-after': '1' } });
    expect(ran).toBe(false);
    expect(await redis.get(lockKey('office-statistics'))).toBe('someone-else');
  });

  it('takes a seat whose holder died once its lock expires', async () => {
    await redis.set(lockKey('land-construction'), 'a-dead-holder', 'PX', 300);
    const started = Date.now();
    await expect(patient.holding(seat('land-construction'), async () => done('taken'))).resolves.toBe('taken');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('renews the lock while its holder works, so a slow command does not lose it', async () => {
    const brief = new SeatLock(redis, prefix, { ttlMs: 600, waitMs: 5_000, answerMs: 2_000 });
    let heldAfterTtl: string | null = null;
    await brief.holding(seat('health-care'), async () => {
      await pause(1_500);
      heldAfterTtl = await redis.get(lockKey('health-care'));
      return { result: undefined };
    });
    expect(heldAfterTtl).not.toBeNull();
    expect(await redis.exists(lockKey('health-care'))).toBe(0);
  });

  it('leaves alone a lock another holder took after this one expired', async () => {
    await patient.holding(seat('military-command'), async () => {
      // As if this holder had lost its lock and another had taken the seat meanwhile.
      await redis.set(lockKey('military-command'), 'the-next-holder', 'PX', 10_000);
      return { result: undefined, position: '99' };
    });
    expect(await redis.get(lockKey('military-command'))).toBe('the-next-holder');
  });

  it('refuses with 503 SEAT_LOCK_UNAVAILABLE, without running the work, when Redis cannot be reached', async () => {
    const unreachable = createRedis(`redis://127.0.0.1:${await freePort()}`, { label: 'unreachable Redis' });
    try {
      let ran = false;
      const refused = await problemOf(
        new SeatLock(unreachable, prefix).holding(seat('finance-accounting'), async () => done((ran = true))),
      );
      expect(refused).toMatchObject({
        status: 503,
        code: 'SEAT_LOCK_UNAVAILABLE',
        detail: 'the seat lock cannot be taken just now; retry shortly',
      });
      expect(ran).toBe(false);
    } finally {
      unreachable.disconnect();
    }
  });

  it('takes back a lock whose request reached Redis only after the command had given up on it', async () => {
    const proxy = await delayingProxy();
    const stalled = createRedis(`redis://127.0.0.1:${proxy.port}`, { label: 'stalled Redis' });
    try {
      await stalled.ping();
      proxy.delayMs = 1_000;
      const refused = await problemOf(
        new SeatLock(stalled, prefix, { ttlMs: 10_000, waitMs: 5_000, answerMs: 300 }).holding(seat('transport'), () => done(1)),
      );
      expect(refused).toMatchObject({ status: 503, code: 'SEAT_LOCK_UNAVAILABLE' });
      // The SET lands a second late; the take-back sent after it on the same connection lands after it.
      await pause(1_500);
      expect(await redis.exists(lockKey('transport'))).toBe(0);
    } finally {
      stalled.disconnect();
      await proxy.close();
    }
  });
});
