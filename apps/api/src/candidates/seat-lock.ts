import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Result } from 'ioredis';
import { withTimeout } from '@app/common';
import { problem, ProblemException } from '../http/problem';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    releaseSeatLock(key: string, token: string): Result<number, Context>;
  }
}

/** Deletes the lock only if it is still this holder's: one that expired and was taken since is left alone. */
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

export interface SeatLockTiming {
  /** How long a lock outlives a holder that died with it: well beyond a seat count's wait (2 s) and an append. */
  ttlMs: number;
  /** How long a command waits for another to finish with the same seat before answering 503 SEAT_BUSY. */
  waitMs: number;
}

export const SEAT_LOCK_TIMING: SeatLockTiming = { ttlMs: 15_000, waitMs: 5_000 };
/** A Redis that does not answer within this is treated as unreachable. */
const REDIS_ANSWER_MS = 2_000;

/** The seat a lock guards: one commune × title of one round. */
export interface SeatKey {
  roundId: string;
  communeCode: string;
  title: string;
}

/**
 * One command at a time per seat, across every API process: a Redis lock
 * (SET NX PX with a token of the holder's own) held while the open seats are
 * counted and the command that may take one is appended. Without it, two
 * offers of the last seat counted before either was appended would both pass.
 *
 * Not a fencing lock: a holder stalled for longer than the lock's TTL (a
 * pause no API request survives anyway) could overlap the next one. When
 * Redis cannot answer, commands that take a seat are refused (503) rather
 * than let through unguarded.
 */
export class SeatLock {
  private readonly logger = new Logger(SeatLock.name);

  /** `prefix`: the deployment's own namespace (see CandidatesModule), so deployments sharing a Redis never wait on each other. */
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly timing: SeatLockTiming = SEAT_LOCK_TIMING,
  ) {
    redis.defineCommand('releaseSeatLock', { numberOfKeys: 1, lua: RELEASE_SCRIPT });
  }

  /** Runs `work` holding the seat's lock; releases it however `work` ends. */
  async holding<T>(seat: SeatKey, work: () => Promise<T>): Promise<T> {
    // NFC: one seat, one key, whichever normalisation a client sent its ids in.
    const key = `${this.prefix}:${seat.roundId}:${seat.communeCode}:${seat.title}`.normalize('NFC');
    const token = randomUUID();
    await this.acquire(key, token);
    try {
      return await work();
    } finally {
      await this.release(key, token);
    }
  }

  private async acquire(key: string, token: string): Promise<void> {
    const giveUpAt = Date.now() + this.timing.waitMs;
    for (;;) {
      if ((await this.ask(this.redis.set(key, token, 'PX', this.timing.ttlMs, 'NX'))) === 'OK') return;
      if (Date.now() >= giveUpAt)
        throw new ProblemException(problem(503, 'SEAT_BUSY', 'another command is taking a seat of this commune and title; retry shortly'), {
          'retry-after': '1',
        });
      // Jittered, so that waiters do not all ask again at the same moment.
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 30));
    }
  }

  private async release(key: string, token: string): Promise<void> {
    try {
      await withTimeout(this.redis.releaseSeatLock(key, token), REDIS_ANSWER_MS, 'no answer in time');
    } catch (error) {
      // The command's outcome stands; the lock expires on its own.
      this.logger.warn(`could not release seat lock ${key} (${(error as Error).message}); it expires within ${this.timing.ttlMs} ms`);
    }
  }

  private async ask<T>(command: Promise<T>): Promise<T> {
    try {
      return await withTimeout(command, REDIS_ANSWER_MS, 'no answer in time');
    } catch (error) {
      throw new ProblemException(
        problem(
          503,
          'SEAT_LOCK_UNAVAILABLE',
          `seats cannot be taken while Redis is unreachable (${(error as Error).message}); retry shortly`,
        ),
        { 'retry-after': '5' },
      );
    }
  }
}
