import { SqliteEventStore } from '@app/event-store';
import { scratchFile } from './fixtures';
import { report, round } from './report';
import { appendRounds, emptyBenchRedis, roundOpened, sleep, startWorker, until, type WorkerUnderTest } from './timers-fixtures';
import { reconcileBenchmark } from './timers-reconcile.bench';

export interface TimersBenchSizes {
  scheduled: number;
  dueAtOnce: number;
  lateness: number;
  reconcile: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * Events to jobs: `count` rounds already in the log (each a deadline and two
 * reminders); a worker starts on it and catches up. Seconds from its start
 * (boot included) until every job is in BullMQ.
 */
async function schedule(count: number): Promise<number> {
  const sqlitePath = scratchFile('schedule');
  const store = new SqliteEventStore({ path: sqlitePath });
  const closesAt = new Date(Date.now() + 30 * 86_400_000);
  await appendRounds(
    store,
    Array.from({ length: count }, (_, index) => roundOpened(`s-${index}`, closesAt, [7, 1])),
  );
  await store.close();
  const started = performance.now();
  const worker = await startWorker(sqlitePath);
  try {
    await until(async () => (await worker.queues.timers.getDelayedCount()) >= count * 3, 120_000, 'scheduling');
  } finally {
    await worker.close();
  }
  const seconds = (performance.now() - started) / 1000;
  report({
    metric: 'timers.schedule',
    value: round(count / seconds),
    unit: 'deadlines/s',
    deadlines: count,
    jobs: count * 3,
    seconds: round(seconds, 2),
    note: 'from events in the log to jobs in BullMQ, worker start included',
  });
  return count / seconds;
}

/** `count` deadlines due at the same instant: transitions recorded per second from that instant. */
async function fire(worker: WorkerUnderTest, count: number, scheduleRate: number): Promise<void> {
  const completedBefore = await worker.queues.timers.getCompletedCount();
  const dueAt = new Date(Date.now() + 3_000 + (count / scheduleRate) * 1_500);
  await appendRounds(
    worker.store,
    Array.from({ length: count }, (_, index) => roundOpened(`f-${index}`, dueAt)),
  );
  await until(async () => (await worker.queues.timers.getDelayedCount()) >= count, 120_000, 'scheduling the due-at-once deadlines');
  const wait = dueAt.getTime() - Date.now();
  if (wait < 0) throw new Error('timers bench: the deadlines came due before they were all scheduled; raise the margin');
  await sleep(wait);
  await until(async () => (await worker.queues.timers.getCompletedCount()) - completedBefore >= count, 300_000, 'firing');
  const seconds = (Date.now() - dueAt.getTime()) / 1000;
  const closed = (await worker.store.readAll({ direction: 'backwards', maxCount: count * 2 })).filter(
    (event) => event.type === 'RegistrationWindowClosed' && event.streamId.startsWith('round-f-'),
  );
  if (closed.length !== count) throw new Error(`timers bench: ${closed.length} windows closed, expected ${count}`);
  report({ metric: 'timers.fire', value: round(count / seconds), unit: 'transitions/s', deadlines: count, seconds: round(seconds, 2) });
}

/** Deadlines spread over a few seconds, none backlogged: how late each transition is recorded. */
async function lateness(worker: WorkerUnderTest, count: number): Promise<void> {
  const start = Date.now() + 2_000;
  const spacing = 5_000 / count;
  const events = Array.from({ length: count }, (_, index) => roundOpened(`l-${index}`, new Date(start + index * spacing)));
  await appendRounds(worker.store, events);
  await sleep(start + 5_000 - Date.now());
  await until(
    async () =>
      (await worker.store.readAll({ direction: 'backwards', maxCount: count * 2 })).filter(
        (event) => event.type === 'RegistrationWindowClosed' && event.streamId.startsWith('round-l-'),
      ).length === count,
    30_000,
    'the spread deadlines',
  );
  const late = (await worker.store.readAll({ direction: 'backwards', maxCount: count * 2 }))
    .filter((event) => event.type === 'RegistrationWindowClosed' && event.streamId.startsWith('round-l-'))
    .map((event) => event.recordedAt.getTime() - Date.parse((event.data as { scheduledClosesAt: string }).scheduledClosesAt))
    .sort((a, b) => a - b);
  report({
    metric: 'timers.lateness',
    value: percentile(late, 99),
    unit: 'ms',
    p50: percentile(late, 50),
    p99: percentile(late, 99),
    max: late[late.length - 1],
    deadlines: count,
    target: 'p99 <= 1000 ms',
  });
}

/**
 * timers.schedule, timers.fire, timers.lateness on the worker's own modules;
 * timers.reconcile on a seeded read model. Redis db 8 is the benchmarks' own:
 * emptied before and after, so an interrupted run leaves nothing behind.
 */
export async function timersBenchmarks(sizes: TimersBenchSizes): Promise<void> {
  await emptyBenchRedis();
  try {
    const rate = await schedule(sizes.scheduled);
    const worker = await startWorker();
    try {
      await fire(worker, sizes.dueAtOnce, rate);
      await lateness(worker, sizes.lateness);
    } finally {
      await worker.close();
    }
    await reconcileBenchmark(sizes.reconcile);
  } finally {
    await emptyBenchRedis();
  }
}
