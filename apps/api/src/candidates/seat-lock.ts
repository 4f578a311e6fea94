import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Result } from 'ioredis';
import { withTimeout } from '@app/common';
import { ConcurrencyError, parsePosition } from '@app/event-store';
import { problem, ProblemException } from '../http/problem';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    releaseSeatLock(lock: string, last: string, token: string, position: string, lastTtlMs: number): Result<number, Context>;
    extendSeatLock(lock: string, token: string, ttlMs: number): Result<number, Context>;
  }
}

/**
 * Deletes the lock only if it is still this holder's (one that expired and was
 * taken since is left alone), first keeping the position its command reached
 * for the next holder.
 */
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
return redis.call('DEL', KEYS[1])`;

const EXTEND_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])`;

export interface SeatLockTiming {
  /** How long a lock outlives a holder that died with it; a live holder renews it every third of this. */
  ttlMs: number;
  /** How long a command waits for another to finish with the same seat before answering 503 SEAT_BUSY. */
  waitMs: number;
  /** A Redis that does not answer a request within this is treated as unreachable. */
  answerMs: number;
}

export const SEAT_LOCK_TIMING: SeatLockTiming = { ttlMs: 15_000, waitMs: 5_000, answerMs: 2_000 };
/**
 * How long the last holder's position is kept: well beyond the 2 s a count
 * waits for its read model, and short, since a position the log never reaches
 * (an event store restored or replaced under the same Redis) holds the seat's
 * commands at 503 READ_MODEL_BEHIND until it is forgotten.
 */
const LAST_POSITION_TTL_MS = 60_000;
/** A holder renews its lock for at most this long: a command that never ends must not hold the seat for ever. */
const RENEWALS = 4;

/** The seat a lock guards: one commune × title of one round. */
export interface SeatKey {
  roundId: string;
  communeCode: string;
  title: string;
}

/** What a holder's work answers: its result, and the log position its command reached, if it appended. */
export interface HeldOutcome<T> {
  result: T;
  position?: string;
}

/**
 * One command at a time per seat, across every API process sharing the Redis
 * and QUEUE_PREFIX: a Redis lock (SET NX PX with a token of the holder's own)
 * held while the open seats are counted and the command that may take one is
 * appended. Without it, two offers of the last seat counted before either was
 * appended would both pass.
 *
 * A live holder renews its lock, so a slow event store does not let it lapse
 * mid-command. It is released after an outcome that is known (appended, or
 * refused with nothing appended); after any other failure (the append may
 * still land) it is left to expire. The position the holder's append reached
 * is kept for the next holder, which counts only once needs-coverage has
 * reached it, even if its own reads come from an event-store follower that
 * has not seen it yet. Not a fencing lock: the next holder could overlap one
 * whose lock was lost while its append was still in flight (a holder stalled
 * or cut off from Redis for longer than the TTL, or a Redis that restarts
 * without its data or fails over).
 */
export class SeatLock {
  private readonly logger = new Logger(SeatLock.name);

  /** `prefix`: the deployment's own namespace (see CandidatesModule), so deployments sharing a Redis never wait on each other. */
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly timing: SeatLockTiming = SEAT_LOCK_TIMING,
  ) {
    redis.defineCommand('releaseSeatLock', { numberOfKeys: 2, lua: RELEASE_SCRIPT });
    redis.defineCommand('extendSeatLock', { numberOfKeys: 1, lua: EXTEND_SCRIPT });
  }

  /**
   * Runs `work` holding the seat's lock. `work` is given the position the
   * previous holder's command reached (when Redis still has it), to count
   * only once the read model has it.
   */
  async holding<T>(seat: SeatKey, work: (previous?: string) => Promise<HeldOutcome<T>>): Promise<T> {
    const base = `${this.prefix}:${seat.roundId}:${seat.communeCode}:${seat.title}`;
    const keys = { lock: `${base}:lock`, last: `${base}:last` };
    const token = randomUUID();
    await this.acquire(keys.lock, token);
    let renewals = 0;
    const renewal = setInterval(() => {
      if ((renewals += 1) > RENEWALS * 3) {
        clearInterval(renewal);
        this.logger.warn(`seat lock ${keys.lock}: its command has run for ${RENEWALS * this.timing.ttlMs} ms; no longer renewed`);
      } else void this.renew(keys.lock, token);
    }, this.timing.ttlMs / 3);
    let outcome: HeldOutcome<T>;
    try {
      outcome = await work(this.position(keys.last, await this.ask(this.redis.get(keys.last))));
    } catch (error) {
      clearInterval(renewal);
      // A refusal or a lost race appended nothing. Anything else might have (a lost connection, a timeout: the append may
      // still land), and telling which could is not worth the risk: let the lock expire.
      if (error instanceof ProblemException || error instanceof ConcurrencyError) await this.release(keys, token);
      else this.logger.warn(`seat ${base}: command failed (${describe(error)}); its lock expires within ${this.timing.ttlMs} ms`);
      throw error;
    }
    clearInterval(renewal);
    await this.release(keys, token, outcome.position);
    return outcome.result;
  }

  private async acquire(lock: string, token: string): Promise<void> {
    const giveUpAt = Date.now() + this.timing.waitMs;
    for (;;) {
      let taken: string | null;
      try {
        // A whole answer time each, however little of the wait is left: a slow answer is not a busy seat.
        taken = await this.ask(this.redis.set(lock, token, 'PX', this.timing.ttlMs, 'NX'));
      } catch (error) {
        // The SET may still reach Redis after the timeout: take back whatever it would have taken (same connection, so after it).
        void this.redis.releaseSeatLock(lock, `${lock}:unused`, token, '', 0).catch(() => undefined);
        throw error;
      }
      if (taken === 'OK') return;
      if (Date.now() >= giveUpAt) {
        this.logger.warn(`seat lock ${lock} still held after ${this.timing.waitMs} ms: answered 503 SEAT_BUSY`);
        throw new ProblemException(problem(503, 'SEAT_BUSY', 'another command is taking a seat of this commune and title; retry shortly'), {
          'retry-after': '1',
        });
      }
      // Jittered, so that waiters do not all ask again at the same moment.
      await new Promise((resolve) => setTimeout(resolve, Math.min(10 + Math.random() * 30, Math.max(giveUpAt - Date.now(), 0))));
    }
  }

  private async renew(lock: string, token: string): Promise<void> {
    try {
      if ((await withTimeout(this.redis.extendSeatLock(lock, token, this.timing.ttlMs), this.timing.answerMs, 'no answer in time')) === 0)
        this.logger.warn(`seat lock ${lock} expired while its command was still running`);
    } catch (error) {
      this.logger.warn(`could not renew seat lock ${lock} (${describe(error)})`);
    }
  }

  private async release(keys: { lock: string; last: string }, token: string, position = ''): Promise<void> {
    try {
      await withTimeout(
        this.redis.releaseSeatLock(keys.lock, keys.last, token, position, LAST_POSITION_TTL_MS),
        this.timing.answerMs,
        'no answer in time',
      );
    } catch (error) {
      // The command's outcome stands; the lock expires on its own.
      this.logger.warn(`could not release seat lock ${keys.lock} (${describe(error)}); it expires within ${this.timing.ttlMs} ms`);
    }
  }

  /** The previous holder's position, if Redis has one that parses (anything else is logged and ignored). */
  private position(key: string, stored: string | null): string | undefined {
    if (stored === null) return undefined;
    try {
      parsePosition(stored);
      return stored;
    } catch {
      this.logger.warn(`seat lock: ${key} holds "${stored}", which is no position; ignored`);
      return undefined;
    }
  }

  /** A Redis answer in time; otherwise 503 with a message of our own (the cause goes to the log, not the client). */
  private async ask<T>(command: Promise<T>): Promise<T> {
    try {
      return await withTimeout(command, this.timing.answerMs, 'no answer in time');
    } catch (error) {
      this.logger.warn(`seat lock: Redis did not answer (${describe(error)}): answered 503 SEAT_LOCK_UNAVAILABLE`);
      throw new ProblemException(problem(503, 'SEAT_LOCK_UNAVAILABLE', 'the seat lock cannot be taken just now; retry shortly'), {
        'retry-after': '5',
      });
    }
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
