import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, SystemClock, type Clock } from '@app/common';
import { SqliteEventStore } from '@app/event-store';
import { openReadModelDb, ProjectionsHost, ReadModels } from '@app/projections';
import { deadlinesProjection, fireJobId, reminderJobId } from '@app/read-models';
import { dropQueues, uniquePrefix } from '../../../test/support/queues';
import { OutboxScheduler, PipelineQueues, timersOutbox } from '../src';

const DAY = 86_400_000;
const REDIS_URL = 'redis://127.0.0.1:6379';

/** A round opened with its window closing at `closesAt`: one deadline, reminders 7 and 1 days before. */
const roundOpened = (roundId: string, closesAt: string) => ({
  type: 'RoundOpened',
  data: {
    roundId,
    name: roundId,
    provinceCode: '24',
    definition: { id: 'bac-giang-graduate', version: 1 },
    registrationOpensAt: '2026-01-01T00:00:00.000Z',
    registrationClosesAt: closesAt,
    registrationReminderDaysBefore: [7, 1],
    titles: ['finance-accounting'],
    selectionRules: { weights: { test: 0.4, academic: 0.3, interview: 0.3 }, passMark: 50, tieBreak: ['interview'] },
  },
});

describe('the outbox scheduler', () => {
  const prefix = uniquePrefix();
  let store: SqliteEventStore;
  let db: Database.Database;
  let host: ProjectionsHost;
  let readModels: ReadModels;
  let queues: PipelineQueues;
  const clock = new ManualClock('2026-03-01T00:00:00.000Z');
  const scheduler = (withClock: Clock = clock) =>
    new OutboxScheduler(db, [timersOutbox(queues.timers)], { prefix, clock: withClock, redis: queues.connection, batchSize: 2 });
  const append = async (stream: string, event: { type: string; data: unknown }) => {
    const metadata = {
      correlationId: 'c',
      causationId: 'c',
      actor: { id: 'p', role: 'province-board' },
      occurredAt: clock.now().toISOString(),
    };
    const { position } = await store.append(stream, [{ id: randomUUID(), schemaVersion: 1, metadata, ...event }]);
    await readModels.waitFor(position, [deadlinesProjection.name], 5_000);
  };
  const state = (jobId: string) => queues.timers.getJobState(jobId);

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    store = new SqliteEventStore({ path: join(dir, 'events.db'), pollIntervalMs: 10 });
    db = openReadModelDb(join(dir, 'read-models.db'));
    host = new ProjectionsHost(store, db, [deadlinesProjection], { checkIntervalMs: 20 });
    readModels = new ReadModels(db);
    host.onProgress(() => readModels.progressed());
    await host.start();
    queues = new PipelineQueues(REDIS_URL, prefix);
  });
  afterAll(async () => {
    await queues.close();
    await dropQueues(REDIS_URL, prefix);
    await host.stop();
    await store.close();
    db.close();
  });

  it('adds each pending timer as a delayed job, its delay counted on the Clock', async () => {
    await append('round-a', roundOpened('a', '2026-03-21T00:00:00.000Z'));
    await scheduler().tick();
    const job = await queues.timers.getJob(fireJobId('round-a', 'registration-window-close', 1));
    expect(job).toMatchObject({
      name: 'fire',
      delay: 20 * DAY,
      data: { deadlineId: 'a/registration-window-close/1', subjectId: 'a', action: 'fire' },
    });
    expect(await queues.timers.getJob(reminderJobId('round-a', 'registration-window-close', 1, 7))).toMatchObject({
      name: 'remind',
      delay: 13 * DAY,
      data: { daysBefore: 7 },
    });
    expect(await queues.timers.getDelayedCount()).toBe(3);
  });

  it('follows changes from its cursor, across restarts: a replaced deadline’s jobs are removed, the new ones added', async () => {
    const extended = {
      type: 'RegistrationWindowExtended',
      data: {
        roundId: 'a',
        previousClosesAt: '2026-03-21T00:00:00.000Z',
        closesAt: '2026-03-31T00:00:00.000Z',
        deadlineVersion: 2,
        deadlineId: 'a/registration-window-close/2',
      },
    };
    await append('round-a', extended);
    await append('round-b', roundOpened('b', '2026-04-01T00:00:00.000Z'));
    await scheduler().tick();
    expect(await queues.timers.getJob(fireJobId('round-a', 'registration-window-close', 1))).toBeUndefined();
    expect(await queues.timers.getJob(reminderJobId('round-a', 'registration-window-close', 1, 1))).toBeUndefined();
    expect(await state(fireJobId('round-a', 'registration-window-close', 2))).toBe('delayed');
    expect(await state(fireJobId('round-b', 'registration-window-close', 1))).toBe('delayed');
    expect(await queues.timers.getDelayedCount()).toBe(6);
  });

  it('re-adds every pending job when Redis has lost them', async () => {
    await queues.timers.obliterate({ force: true });
    const running = scheduler();
    await running.tick();
    await queues.connection.del(`${prefix}:scheduler:timers:reconciled-at`);
    await queues.timers.obliterate({ force: true });
    expect(await queues.timers.getDelayedCount()).toBe(0);
    await running.tick();
    expect(await queues.timers.getDelayedCount()).toBe(6);
  });

  it('promotes what the Clock says is due, unless the Clock is the wall clock', async () => {
    const v2 = fireJobId('round-a', 'registration-window-close', 2);
    clock.set('2026-03-31T00:00:00.000Z');
    await scheduler(new SystemClock()).tick();
    expect(await state(v2)).toBe('delayed');
    await scheduler().tick();
    // No worker runs here: promoted jobs wait. Due exactly now counts as due; round b's close is a day away.
    expect(await state(v2)).toBe('waiting');
    expect(await state(reminderJobId('round-b', 'registration-window-close', 1, 7))).toBe('waiting');
    expect(await state(reminderJobId('round-b', 'registration-window-close', 1, 1))).toBe('waiting');
    expect(await state(fireJobId('round-b', 'registration-window-close', 1))).toBe('delayed');
  });
});
