import type Database from 'better-sqlite3';
import { parsePosition } from '@app/event-store';
import { tableNames, type ProjectionDefinition } from '@app/projections';
import { counterProjection } from '../../../test/processes/counter-projection';
import { appendProbes, eventually, probe, projectionsFixture } from './fixtures';

const INDEX = 'rm_indexed_g1_per_stream_by_events';

function indexExists(db: Database.Database, name = INDEX): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) !== undefined;
}

/** The counter, with a query index; it notes whether the index already existed while it applied events. */
function indexedCounter(seen: { indexWhileApplying: number }, version = 1): ProjectionDefinition<'per_stream' | 'totals'> {
  const plain = counterProjection(version, 'indexed');
  return {
    ...plain,
    queryIndexes: (t) => `CREATE INDEX IF NOT EXISTS "${t.per_stream}_by_events" ON "${t.per_stream}" (events);`,
    open(db, t) {
      const handler = plain.open(db, t);
      return {
        apply(event) {
          if (indexExists(db)) seen.indexWhileApplying += 1;
          handler.apply(event);
        },
      };
    },
  };
}

describe('query indexes', () => {
  const fixture = projectionsFixture();
  const host = (seen: { indexWhileApplying: number }, version = 1) =>
    fixture.host([indexedCounter(seen, version)], { checkIntervalMs: 50, retiredGraceMs: 0, batchSize: 100 });

  it('are created once the generation has caught up, even when the log ends on a full batch, and kept after', async () => {
    const seen = { indexWhileApplying: 0 };
    // 1,000 events in batches of 100: the last batch of the catch-up is a full one.
    await appendProbes(fixture.store, 1_000);
    const running = host(seen);
    await running.start();
    await eventually(() => running.caughtUpTo(parsePosition('1000')));
    await eventually(() => indexExists(fixture.db));
    expect(seen.indexWhileApplying).toBe(0);

    await appendProbes(fixture.store, 50, 5, 'later');
    await eventually(() => running.caughtUpTo(parsePosition('1050')));
    expect(seen.indexWhileApplying).toBe(50);
    const t = tableNames(indexedCounter(seen), 1);
    expect(fixture.db.prepare(`SELECT SUM(events) AS n FROM "${t.per_stream}"`).get()).toEqual({ n: 1_050 });
  });

  it('are created on start when the generation is already at the head and nothing new arrives', async () => {
    const seen = { indexWhileApplying: 0 };
    await appendProbes(fixture.store, 300);
    const first = host(seen);
    await first.start();
    await eventually(() => first.caughtUpTo(parsePosition('300')));
    await eventually(() => indexExists(fixture.db));
    await first.stop();
    // As if the process had stopped between its last commit and the index.
    fixture.db.exec(`DROP INDEX "${INDEX}"`);

    const second = host(seen);
    await second.start();
    await eventually(() => indexExists(fixture.db));
    expect(seen.indexWhileApplying).toBe(0);
  });

  it('exist on a new version’s generation by the time queries switch to it', async () => {
    const seen = { indexWhileApplying: 0 };
    await appendProbes(fixture.store, 500);
    const first = host(seen);
    await first.start();
    await eventually(() => first.caughtUpTo(parsePosition('500')));
    await first.stop();

    const second = host(seen, 2);
    await second.start();
    await eventually(() => second.generations.live('indexed')?.generation === 2);
    expect(indexExists(fixture.db, 'rm_indexed_g2_per_stream_by_events')).toBe(true);
    expect(second.caughtUpTo(parsePosition('500'))).toBe(true);
  });

  it('are created for a generation stopped on a dead letter, which still serves queries', async () => {
    const seen = { indexWhileApplying: 0 };
    await appendProbes(fixture.store, 200);
    await fixture.store.append('poisoned', [probe(200, { poison: true })]);
    await appendProbes(fixture.store, 100, 10, 'after');
    const running = host(seen);
    await running.start();
    await eventually(() => running.generations.live('indexed')?.failedAt !== undefined);
    await eventually(() => indexExists(fixture.db));
    expect(running.generations.live('indexed')?.position).toEqual(parsePosition('200'));
  });
});
