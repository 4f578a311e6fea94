import Redis from 'ioredis';
import type Database from 'better-sqlite3';
import { Generations, READ_MODEL_DB, tableNames } from '@app/projections';
import { deadlinesProjection, fireJobId, pendingTimersIndex } from '@app/read-models';
import { TimersRunner } from '../apps/worker/src/timers/timers-runner';
import { DAY, eventually, ok, startTimersApi, type TimersApi } from './support/timers';
import { eventTypes, openRound, tokens } from './support/journey';

jest.setTimeout(30_000);

/** Redis db 7 is this file's alone: FLUSHDB there touches no other test run on the shared server. */
const REDIS_URL = 'redis://127.0.0.1:6379/7';
const ROUNDS = ['r-loss-1', 'r-loss-2', 'r-loss-3'];

describe('timers after Redis loses its data', () => {
  let api: TimersApi;
  let redis: Redis;
  const delayed = () => api.queues.timers.getDelayedCount();

  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    await redis.flushdb();
    api = await startTimersApi({ env: { REDIS_URL } });
    for (const round of ROUNDS) await api.settle((await openRound(api, round, 20)).position);
  });
  afterAll(async () => {
    await api.stop();
    await redis.flushdb();
    redis.disconnect();
  });

  it('re-creates every pending job from the deadlines read model after FLUSHDB, and they still fire once', async () => {
    // Each round: its close and two reminders (7 and 1 days before).
    await eventually(async () => (await delayed()) === 9);
    await redis.flushdb();
    expect(await delayed()).toBe(0);

    await api.settle();
    expect(await delayed()).toBe(9);
    await api.advance(20 * DAY);
    for (const round of ROUNDS) {
      await eventually(async () => (await eventTypes(api, `round-${round}`)).includes('RegistrationWindowClosed'));
    }
    await api.settle();
    for (const round of ROUNDS) {
      expect((await eventTypes(api, `round-${round}`)).filter((type) => type === 'RegistrationWindowClosed')).toHaveLength(1);
    }
  });

  it('shows a lost job as an overdue deadline until the periodic reconcile puts it back', async () => {
    const opened = await openRound(api, 'r-loss-4', 20);
    await api.settle(opened.position);
    const jobId = fireJobId('round-r-loss-4', 'registration-window-close', 1);
    await api.queues.timers.remove(jobId);
    await api.advance(21 * DAY);

    const health = await ok(api.call('GET', '/health'));
    expect(health.info.queues).toMatchObject({
      status: 'up',
      prefix: api.prefix,
      maxmemoryPolicy: { policy: 'noeviction', safe: true },
      timers: expect.objectContaining({ failed: 0 }),
      oldestDueSeconds: DAY / 1000,
    });
    const overdue = await ok(api.call('GET', '/reports/deadlines?status=overdue', { token: tokens.province }));
    expect(overdue.items).toEqual([expect.objectContaining({ deadlineId: 'r-loss-4/registration-window-close/1', daysLeft: -1 })]);

    const reports = await api.app.get(TimersRunner).reconcile();
    expect(reports.find((report) => report.outbox === 'timers')).toMatchObject({ jobs: 3 });
    await eventually(async () => (await eventTypes(api, 'round-r-loss-4')).includes('RegistrationWindowClosed'));
    await eventually(async () => (await ok(api.call('GET', '/health'))).info.queues.oldestDueSeconds === 0);
  });

  it('does not answer how overdue timers are while the deadlines read model has no index for it (still catching up)', async () => {
    const db = api.app.get<Database.Database>(READ_MODEL_DB);
    const live = new Generations(db).live(deadlinesProjection.name)!;
    db.exec(`DROP INDEX "${pendingTimersIndex(tableNames(deadlinesProjection, live.generation))}"`);
    expect((await ok(api.call('GET', '/health'))).info.queues.oldestDueSeconds).toBeNull();
  });
});
