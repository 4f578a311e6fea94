import Database from 'better-sqlite3';
import { parsePosition, SqliteEventStore, type RecordedEvent } from '@app/event-store';
import { checkConsistency, EventFromNewerBuild, lagBehind, ReadModels, tableNames } from '@app/projections';
import { counterProjection } from '../../../test/processes/counter-projection';
import { appendProbes, eventually, probe, projectionsFixture } from './fixtures';

function totals(db: Database.Database, generation: number, name = 'counter'): number {
  const t = tableNames({ name, tables: ['totals'] }, generation);
  return (db.prepare(`SELECT events FROM "${t.totals}"`).get() as { events: number } | undefined)?.events ?? 0;
}

const { SqliteError } = Database;

describe('projections host', () => {
  const fixture = projectionsFixture();
  let store: SqliteEventStore;
  let db: Database.Database;
  beforeEach(() => ({ store, db } = fixture));

  const host = (version = 1, options = {}) =>
    fixture.host([counterProjection(version)], { checkIntervalMs: 50, retiredGraceMs: 0, batchSize: 100, ...options });

  it('applies every event once, in order, and resumes from its checkpoint after a restart', async () => {
    await appendProbes(store, 1_000);
    const first = host();
    await first.start();
    await eventually(() => first.caughtUpTo(parsePosition('1000')));
    expect(totals(db, 1)).toBe(1_000);
    await first.stop();

    await appendProbes(store, 500, 10, 'later');
    const second = host();
    await second.start();
    await eventually(() => second.caughtUpTo(parsePosition('1500')));
    expect(totals(db, 1)).toBe(1_500);
    expect(db.prepare(`SELECT events FROM "${tableNames(counterProjection(), 1).per_stream}" WHERE stream_id = 'later-3'`).get()).toEqual({
      events: 50,
    });
  });

  it('counts each event once when two runners feed the same generation', async () => {
    const a = host();
    const b = host();
    await Promise.all([a.start(), b.start()]);
    await appendProbes(store, 2_000, 50);
    await eventually(() => a.caughtUpTo(parsePosition('2000')));
    expect(totals(db, 1)).toBe(2_000);
  });

  it('stops without a dead letter at an event a newer build wrote, and goes on once it can read it', async () => {
    await appendProbes(store, 5);
    await store.append('newer', [probe(5, { newer: true })]);
    await appendProbes(store, 5, 5, 'after');
    let newerBuildDeployed = false;
    const running = host(1, {
      upcast: (event: RecordedEvent) => {
        if ((event.data as { newer?: boolean }).newer && !newerBuildDeployed)
          throw new EventFromNewerBuild('Probe v2 was written by a newer build');
        return event;
      },
    });
    await running.start();
    await eventually(async () => (await running.status())[0].state === 'crashed');
    expect((await running.status())[0].error).toMatch(/newer build/);
    expect(db.prepare('SELECT COUNT(*) FROM projection_dead_letters').pluck().get()).toBe(0);
    newerBuildDeployed = true;
    await eventually(() => running.caughtUpTo(parsePosition('11')));
    expect(totals(db, 1)).toBe(11);
  });

  it('crashes and retries, without a dead letter, when the database fails under a handler', async () => {
    await appendProbes(store, 5);
    let diskFull = true;
    const counter = counterProjection(1, 'counter');
    const failing = {
      ...counter,
      open: (database: Database.Database, t: Parameters<typeof counter.open>[1]) => {
        const inner = counter.open(database, t);
        return {
          apply: (event: RecordedEvent) => {
            if (diskFull) throw new SqliteError('database or disk is full', 'SQLITE_FULL');
            inner.apply(event);
          },
        };
      },
    };
    const running = fixture.host([failing], { checkIntervalMs: 50 });
    await running.start();
    await eventually(async () => (await running.status())[0].state === 'crashed');
    expect(db.prepare('SELECT COUNT(*) FROM projection_dead_letters').pluck().get()).toBe(0);
    diskFull = false;
    await eventually(() => running.caughtUpTo(parsePosition('5')));
    expect(totals(db, 1)).toBe(5);
  });

  it('measures lag in events up to a cap and in seconds since the oldest event not applied, a page at a time', async () => {
    await appendProbes(store, 2_500);
    const [first] = await store.readAll({ maxCount: 1 });
    const now = first.recordedAt.getTime() + 90_000;
    let turns = 0;
    const ticking = setInterval(() => (turns += 1), 0);
    const all = await lagBehind(store, undefined, now);
    clearInterval(ticking);
    expect(all).toEqual({ events: 2_500, capped: false, seconds: 90 });
    expect(turns).toBeGreaterThan(0);
    expect(await lagBehind(store, parsePosition('1000'), now, 1_000)).toMatchObject({ events: 1_000, capped: true });
    expect(await lagBehind(store, parsePosition('1500'), now, 1_000)).toMatchObject({ events: 1_000, capped: false });
    expect(await lagBehind(store, parsePosition('2500'), now)).toEqual({ events: 0, capped: false, seconds: 0 });
  });

  it('dead-letters an event it cannot apply and stops there, never skipping it', async () => {
    await appendProbes(store, 10);
    await store.append('bad', [probe(10, { poison: true })]);
    await appendProbes(store, 10, 10, 'after');
    const running = host();
    await running.start();
    await eventually(async () => (await running.status())[0].state === 'failed');
    const [status] = await running.status();
    expect(status.position).toBe('10');
    expect(status.error).toMatch(/Probe at 11: Error: cannot count Probe/);
    expect(status.lag.events).toBe(11);
    expect(totals(db, 1)).toBe(10);
    expect(db.prepare('SELECT position, stream_id, type, error FROM projection_dead_letters').all()).toEqual([
      { position: '11', stream_id: 'bad', type: 'Probe', error: 'Error: cannot count Probe' },
    ]);
  });

  it('feeds every projection from one read of the log, and a failing one stops alone', async () => {
    const counter = counterProjection(1, 'counter');
    const tolerant = counterProjection(1, 'tolerant');
    const skipsPoison = {
      ...tolerant,
      open: (database: Database.Database, t: Parameters<typeof tolerant.open>[1]) => {
        const inner = tolerant.open(database, t);
        return { apply: (event: Parameters<typeof inner.apply>[0]) => !(event.data as { poison?: boolean }).poison && inner.apply(event) };
      },
    };
    await appendProbes(store, 10);
    await store.append('bad', [probe(10, { poison: true })]);
    await appendProbes(store, 10, 10, 'after');
    let reads = 0;
    const subscribe = store.subscribeToAll.bind(store);
    store.subscribeToAll = (options) => {
      reads += 1;
      return subscribe(options);
    };
    const both = fixture.host([counter, skipsPoison], { checkIntervalMs: 50, batchSize: 4 });
    await both.start();
    await eventually(() => both.caughtUpTo(parsePosition('21'), ['tolerant']));
    await eventually(async () => (await both.status())[0].state === 'failed');
    expect(reads).toBe(1);
    expect(totals(db, 1, 'counter')).toBe(10);
    expect(totals(db, 1, 'tolerant')).toBe(20);
    expect((await both.status()).map((status) => [status.name, status.state, status.position])).toEqual([
      ['counter', 'failed', '10'],
      ['tolerant', 'running', '21'],
    ]);
  });

  it('builds a new generation beside the live one when the version changes, and switches when caught up', async () => {
    await appendProbes(store, 300);
    const v1 = host(1);
    await v1.start();
    await eventually(() => v1.caughtUpTo(parsePosition('300')));
    await v1.stop();

    const readModels = new ReadModels(db);
    expect(readModels.tables(counterProjection(1)).totals).toBe('rm_counter_g1_totals');
    const v2 = host(2);
    await v2.start();
    await eventually(() => v2.generations.live('counter')?.version === 2);
    expect(readModels.tables(counterProjection(2)).totals).toBe('rm_counter_g2_totals');
    expect(totals(db, 2)).toBe(300);
    await appendProbes(store, 5, 1, 'live');
    await eventually(() => totals(db, 2) === 305);
    await eventually(() => v2.generations.all('counter').length === 1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'rm_counter_g1_%'").all()).toEqual([]);
  });

  it('rebuilds on request into a new generation while the live one keeps serving', async () => {
    await appendProbes(store, 400);
    const running = host();
    await running.start();
    await eventually(() => running.caughtUpTo(parsePosition('400')));
    const rebuilt = running.rebuild('counter');
    expect(rebuilt.state).toBe('building');
    expect(running.generations.live('counter')?.generation).toBe(1);
    await eventually(() => running.generations.live('counter')?.generation === rebuilt.generation);
    expect(totals(db, rebuilt.generation)).toBe(400);
  });

  it('waits for a position for read-your-writes, and gives up after the timeout', async () => {
    const running = host();
    await running.start();
    const readModels = new ReadModels(db);
    running.onProgress(() => readModels.progressed());
    const { position } = await store.append('rw', [probe(1)]);
    await expect(readModels.waitFor(position, ['counter'], 2_000)).resolves.toBe(true);
    await expect(readModels.waitFor(parsePosition('999'), ['counter'], 100)).resolves.toBe(false);
  });

  it('finds the live read model consistent with a fresh build, and reports a row that differs', async () => {
    await appendProbes(store, 200, 20);
    const running = host();
    await running.start();
    await eventually(() => running.caughtUpTo(parsePosition('200')));
    const definition = counterProjection();
    await expect(checkConsistency(store, db, definition)).resolves.toMatchObject({ consistent: true, position: '200', differences: [] });

    db.prepare(`UPDATE "${tableNames(definition, 1).per_stream}" SET events = 99 WHERE stream_id = 's-7'`).run();
    const report = await checkConsistency(store, db, definition);
    expect(report.consistent).toBe(false);
    expect(report.differences).toEqual([
      {
        table: 'per_stream',
        onlyLive: [{ stream_id: 's-7', events: 99 }],
        onlyRebuilt: [{ stream_id: 's-7', events: 10 }],
        onlyLiveCount: 1,
        onlyRebuiltCount: 1,
      },
    ]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM projection_generations WHERE state = 'scratch'").get()).toEqual({ n: 0 });
  });
});
