import { randomBytes } from 'node:crypto';
import { ManualClock } from '@app/common';
import type { RecordedEvent } from '@app/event-store';
import { Generations, openReadModelDb, tableNames } from '@app/projections';
import { deadlinesProjection } from '@app/read-models';
import { OutboxScheduler, PipelineQueues, timersOutbox } from '@app/scheduling';
import { scratchFile } from './fixtures';
import { report, round } from './report';
import { BENCH_REDIS_URL, roundOpened } from './timers-fixtures';

/**
 * After a FLUSHALL: `count` pending deadlines (each a close and two reminders)
 * are in the read model and nothing is in Redis. Seconds for the reconcile to
 * put every job back. The read model is filled through the projection's own
 * handler, without a store: only the reconcile is timed.
 */
export async function reconcileBenchmark(count: number): Promise<void> {
  const db = openReadModelDb(scratchFile('reconcile-read-models'));
  const generation = new Generations(db).create(deadlinesProjection, 'building');
  new Generations(db).switchTo(deadlinesProjection.name, generation.generation);
  const handler = deadlinesProjection.open(db, tableNames(deadlinesProjection, generation.generation));
  const closesAt = new Date(Date.now() + 30 * 86_400_000);
  db.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const event = roundOpened(`r-${index}`, closesAt, [7, 1]);
      const position = BigInt(index + 1);
      handler.apply({
        ...event,
        streamId: `round-r-${index}`,
        revision: 0,
        position: { commit: position, prepare: position },
        recordedAt: new Date(),
      } as RecordedEvent);
    }
    handler.flush?.();
  })();
  const queues = new PipelineQueues(BENCH_REDIS_URL, `bench-${randomBytes(4).toString('hex')}`);
  await queues.connection.flushdb();
  const scheduler = new OutboxScheduler(db, [timersOutbox(queues.timers)], {
    prefix: queues.prefix,
    clock: new ManualClock(new Date()),
    redis: queues.connection,
  });
  try {
    const [result] = await scheduler.reconcile();
    const delayed = await queues.timers.getDelayedCount();
    if (delayed !== count * 3) throw new Error(`timers bench: ${delayed} jobs after the reconcile, expected ${count * 3}`);
    report({
      metric: 'timers.reconcile',
      value: round(result.seconds, 1),
      unit: 's',
      deadlines: count,
      jobs: result.jobs,
      target: '<= 30 s for 100,000',
    });
  } finally {
    await queues.close();
    db.close();
  }
}
