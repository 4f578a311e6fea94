import Database from 'better-sqlite3';
import { parsePosition, type RecordedEvent } from '@app/event-store';
import { replayUntil, tableNames, WriteBehindRows } from '@app/projections';
import { cachedCounterProjection } from '../../../test/processes/counter-projection';
import { appendProbes, eventually, probe, projectionsFixture } from './fixtures';

const { SqliteError } = Database;

describe('a handler that holds rows in memory (WriteBehindRows)', () => {
  const fixture = projectionsFixture();
  const t = tableNames(cachedCounterProjection(), 1);

  const total = () => (fixture.db.prepare(`SELECT events FROM "${t.totals}"`).get() as { events: number } | undefined)?.events ?? 0;
  const perStream = () => fixture.db.prepare(`SELECT stream_id, events FROM "${t.per_stream}" ORDER BY stream_id`).all();
  /** What the counts must be: every event of the log counted once, per stream. */
  const countedFromLog = async () => {
    const counts = new Map<string, number>();
    for (const event of await fixture.store.readAll({ maxCount: 100_000 }))
      counts.set(event.streamId, (counts.get(event.streamId) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([stream_id, events]) => ({ stream_id, events }));
  };
  const host = (definition = cachedCounterProjection(), options = {}) =>
    fixture.host([definition], { checkIntervalMs: 50, batchSize: 100, ...options });

  it('writes what it holds in the transaction that moves the checkpoint, and resumes from the table after a restart', async () => {
    await appendProbes(fixture.store, 1_000);
    const first = host();
    await first.start();
    await eventually(() => first.caughtUpTo(parsePosition('1000')));
    expect(total()).toBe(1_000);
    await first.stop();

    await appendProbes(fixture.store, 500, 10, 'later');
    const second = host();
    await second.start();
    await eventually(() => second.caughtUpTo(parsePosition('1500')));
    expect(total()).toBe(1_500);
    expect(perStream()).toEqual(await countedFromLog());
  });

  it('reads its rows again when another runner applied events since its last commit', async () => {
    // Runner B caches counts, is held back while runner A applies more events, then goes on alone.
    await appendProbes(fixture.store, 100, 7);
    let held: RecordedEvent[] | undefined;
    let deliver: ((event: RecordedEvent) => void) | undefined;
    const subscribe = fixture.store.subscribeToAll.bind(fixture.store);
    fixture.store.subscribeToAll = (options) => {
      deliver = options.onEvent as (event: RecordedEvent) => void;
      return subscribe({
        ...options,
        onEvent: (event) => {
          if (held) held.push(event);
          else deliver!(event);
        },
      });
    };
    const b = host();
    await b.start();
    fixture.store.subscribeToAll = subscribe;
    await eventually(() => b.caughtUpTo(parsePosition('100')));

    held = [];
    const a = host();
    await a.start();
    await appendProbes(fixture.store, 100, 7);
    await eventually(() => a.caughtUpTo(parsePosition('200')));
    await a.stop();

    await appendProbes(fixture.store, 50, 7);
    await eventually(() => held!.length === 150);
    const release = held;
    held = undefined;
    release.forEach((event) => deliver!(event));
    await eventually(() => b.caughtUpTo(parsePosition('250')));
    expect(total()).toBe(250);
    expect(perStream()).toEqual(await countedFromLog());
  });

  it('counts each event once when two runners, each with its own rows in memory, feed the same generation', async () => {
    const a = host();
    const b = host();
    await Promise.all([a.start(), b.start()]);
    for (let round = 0; round < 10; round += 1) await appendProbes(fixture.store, 200, 7);
    await eventually(() => a.caughtUpTo(parsePosition('2000')) && b.caughtUpTo(parsePosition('2000')));
    expect(total()).toBe(2_000);
    expect(perStream()).toEqual(await countedFromLog());
  });

  it.each([
    ['a poison event, after forgetting what it put in memory when its batch is undone', { poison: true }, /cannot count Probe/],
    ['the event that left a row it cannot write, found by writing after each event', { unwritable: true }, /NOT NULL constraint failed/],
  ])('dead-letters %s', async (_, data, error) => {
    await appendProbes(fixture.store, 10);
    await fixture.store.append('bad', [probe(10, data)]);
    await appendProbes(fixture.store, 10, 10, 'after');
    const running = host();
    await running.start();
    await eventually(async () => (await running.status())[0].state === 'failed');
    expect((await running.status())[0].position).toBe('10');
    expect(fixture.db.prepare('SELECT position, stream_id, error FROM projection_dead_letters').all()).toEqual([
      { position: '11', stream_id: 'bad', error: expect.stringMatching(error) },
    ]);
    expect(total()).toBe(10);
    expect(perStream()).toEqual((await countedFromLog()).filter((row) => !/^(bad|after)/.test(row.stream_id)));
  });

  it('keeps nothing from a batch the database refused, and counts it once after the restart', async () => {
    await appendProbes(fixture.store, 50);
    let diskFull = true;
    const counter = cachedCounterProjection();
    const failing = {
      ...counter,
      open: (database: Database.Database, tables: Parameters<typeof counter.open>[1]) => {
        const inner = counter.open(database, tables);
        return {
          ...inner,
          flush: () => {
            inner.flush!();
            if (diskFull) throw new SqliteError('database or disk is full', 'SQLITE_FULL');
          },
        };
      },
    };
    const running = host(failing);
    await running.start();
    await eventually(async () => (await running.status())[0].state === 'crashed');
    expect(total()).toBe(0);
    diskFull = false;
    await eventually(() => running.caughtUpTo(parsePosition('50')));
    expect(total()).toBe(50);
    expect(perStream()).toEqual(await countedFromLog());
  });

  it('is flushed by replayUntil, which builds a read model as it stood at a past moment, letting the process serve between pages', async () => {
    await appendProbes(fixture.store, 250);
    // Other work of the process (HTTP requests) goes on between pages, however fast the store answers.
    let turns = 0;
    const ticking = setInterval(() => (turns += 1), 0);
    const replayed = await replayUntil(fixture.store, cachedCounterProjection(), new Date(Date.now() + 60_000), { pageSize: 10 });
    clearInterval(ticking);
    try {
      const events = (replayed.db.prepare(`SELECT events FROM "${replayed.tables.totals}"`).get() as { events: number }).events;
      expect(events).toBe(250);
      expect(replayed.events).toBe(250);
      expect(turns).toBeGreaterThan(0);
    } finally {
      replayed.db.close();
    }
  });
});

describe('WriteBehindRows', () => {
  const table = () => {
    const stored = new Map<string, number>();
    const writes: string[] = [];
    const reads: string[] = [];
    const rows = new WriteBehindRows<number>(
      {
        read: (key) => (reads.push(key), stored.get(key)),
        write: (key, value) => (writes.push(key), stored.set(key, value)),
      },
      2,
    );
    return { stored, writes, reads, rows };
  };

  it('reads a row from the table once, then from memory', () => {
    const { stored, reads, rows } = table();
    stored.set('a', 1);
    expect(rows.get('a')).toBe(1);
    expect(rows.get('a')).toBe(1);
    expect(rows.get('missing')).toBeUndefined();
    expect(rows.get('missing')).toBeUndefined();
    expect(reads).toEqual(['a', 'missing']);
  });

  it('writes each changed row once per flush, in key order, and nothing before', () => {
    const { stored, writes, rows } = table();
    rows.set('b', 1);
    rows.set('a', 1);
    rows.set('b', 2);
    expect(stored.size).toBe(0);
    rows.flush();
    expect(writes).toEqual(['a', 'b']);
    expect([...stored]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    rows.flush();
    expect(writes).toEqual(['a', 'b']);
  });

  it('forgets unwritten changes on discard, and reads the table again', () => {
    const { stored, writes, reads, rows } = table();
    stored.set('a', 1);
    rows.set('a', 5);
    rows.discard();
    rows.flush();
    expect(writes).toEqual([]);
    expect(rows.get('a')).toBe(1);
    expect(reads).toEqual(['a']);
  });

  it('drops the least recently used rows beyond its capacity only once they are written', () => {
    const { stored, reads, rows } = table();
    for (const key of ['a', 'b', 'c']) stored.set(key, 0);
    rows.set('c', 1); // changed, and the least recently used
    rows.get('a');
    rows.get('b');
    expect(rows.size).toBe(3);
    rows.flush();
    expect(stored.get('c')).toBe(1);
    expect(rows.size).toBe(2);
    rows.get('a');
    rows.get('b');
    rows.get('c');
    expect(reads).toEqual(['a', 'b', 'c']);
  });
});
