import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  ConcurrencyError,
  DuplicateEventIdError,
  EventStoreClosedError,
  eventsAfter,
  SqliteEventStore,
  streamEvents,
  UnsupportedSchemaError,
} from '../src';
import { MIGRATIONS, SCHEMA_VERSION } from '../src/sqlite/schema';
import { expectLinearChain } from './contract/integrity.contract';
import { newEvent, numbered, rejection } from './fixtures';

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'sqlite-store-')), 'nested', 'events.db');

describe('the embedded SQLite store', () => {
  it('creates its folder and schema, in WAL mode with full synchronous durability', async () => {
    const path = freshPath();
    const store = new SqliteEventStore({ path });
    await store.append('s-1', numbered(1));
    expect(store.durability()).toEqual({ journalMode: 'wal', synchronous: 'FULL' });
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    await store.close();
    // On a clean close SQLite checkpoints the log and removes it.
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it("upgrades a file written before hashes existed: back-fills each stream's chain and keeps events immutable", async () => {
    const path = freshPath();
    mkdirSync(dirname(path), { recursive: true });
    const old = new Database(path);
    old.exec(MIGRATIONS[0] as string);
    old.pragma('user_version = 1');
    const insert = old.prepare(
      'INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // Two streams interleaved in the global order, as a live system writes them.
    for (let n = 0; n < 6; n += 1) {
      const event = newEvent('Old', { n, place: 'Xã Ngọc Vân' });
      insert.run(
        event.id,
        `old-${n % 2}`,
        Math.floor(n / 2),
        event.type,
        1,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        1_000 + n,
      );
    }
    old.close();

    const store = new SqliteEventStore({ path });
    for (const stream of ['old-0', 'old-1']) expectLinearChain(await store.readStream(stream));
    await store.append('old-0', numbered(1), { expectedRevision: 2 });
    expectLinearChain(await store.readStream('old-0'));
    await store.close();
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(() => db.prepare("UPDATE events SET hash = 'forged'").run()).toThrow('events are immutable');
    db.close();
  });

  it('refuses a file written by a newer schema instead of guessing', async () => {
    const path = freshPath();
    await new SqliteEventStore({ path }).close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => new SqliteEventStore({ path })).toThrow(UnsupportedSchemaError);
  });

  it('refuses to update or delete a stored event, even through SQL', async () => {
    const path = freshPath();
    const store = new SqliteEventStore({ path });
    await store.append('s-1', numbered(1));
    await store.close();
    const db = new Database(path);
    expect(() => db.prepare("UPDATE events SET data = '{}'").run()).toThrow('events are immutable');
    expect(() => db.prepare('DELETE FROM events').run()).toThrow('events cannot be deleted');
    db.close();
  });

  it('refuses an append whose position would fall beyond the log, after a row was put at its end by hand', async () => {
    const path = freshPath();
    const store = new SqliteEventStore({ path });
    await store.append('s-1', numbered(1));
    await store.close();
    const db = new Database(path);
    db.prepare(
      `INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash)
       VALUES (?, 'forged', 's-2', 0, 'Forged', 1, '{}', '{}', 0, 'x')`,
    ).run(BigInt(Number.MAX_SAFE_INTEGER));
    db.close();
    const reopened = new SqliteEventStore({ path });
    await expect(reopened.append('s-1', numbered(1))).rejects.toThrow(/beyond 2\^53 − 1/);
    expect(await reopened.readStream('s-1')).toHaveLength(1);
    expect(
      await reopened.readAll({ direction: 'backwards', maxCount: 1, fromPosition: { commit: 2n ** 60n, prepare: 2n ** 60n } }),
    ).toEqual([expect.objectContaining({ id: 'forged' })]);
    await reopened.close();
  });

  // Its reads answer synchronously: without a turn between pages, an export or a verify in the API process holds every request.
  it('lets the event loop turn between the pages of a walk of the log or of a stream', async () => {
    const store = new SqliteEventStore({ path: freshPath() });
    await store.append('long', numbered(30));
    const turnsDuring = async (walk: AsyncIterable<unknown>): Promise<number> => {
      // A callback that schedules itself again runs once per turn of the event loop.
      let turns = 0;
      let walking = true;
      const tick = (): void => {
        turns += 1;
        if (walking) setImmediate(tick);
      };
      setImmediate(tick);
      let read = 0;
      for await (const _ of walk) read += 1;
      walking = false;
      expect(read).toBe(30);
      return turns;
    };
    expect(await turnsDuring(eventsAfter(store, undefined, 10))).toBeGreaterThanOrEqual(2);
    expect(await turnsDuring(streamEvents(store, 'long', 0, 10))).toBeGreaterThanOrEqual(2);
    await store.close();
  });

  it('commits appends that arrive together in one transaction, each succeeding or failing on its own', async () => {
    const store = new SqliteEventStore({ path: freshPath() });
    await store.append('shared', numbered(1));
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, index) => store.append(`own-${index}`, numbered(2), { expectedRevision: 'no_stream' })),
      store.append('shared', numbered(1), { expectedRevision: 7 }),
    ]);
    expect(outcomes.slice(0, 20).every((outcome) => outcome.status === 'fulfilled')).toBe(true);
    expect(outcomes[20]).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyError) });
    const positions = outcomes
      .slice(0, 20)
      .map((outcome) => (outcome as PromiseFulfilledResult<{ position: { commit: bigint } }>).value.position.commit);
    expect([...positions].sort((a, b) => Number(a - b))).toEqual(positions);
    // All 20 appends were recorded by one commit, so they share its timestamp.
    const times = new Set((await store.readAll({ maxCount: 100 })).slice(1).map((event) => event.recordedAt.getTime()));
    expect(times.size).toBe(1);
    await store.close();
  });

  it('rejects an event id already stored by a different append', async () => {
    const store = new SqliteEventStore({ path: freshPath() });
    const event = newEvent('Once', {});
    await store.append('first', [event]);
    await rejection(store.append('second', [event]), DuplicateEventIdError, { eventIds: [event.id] });
    await rejection(store.append('first', [newEvent('Other', {}), event]), DuplicateEventIdError);
    expect(await store.readStream('second')).toEqual([]);
    expect(await store.readStream('first')).toHaveLength(1);
    await store.close();
  });

  it('on close, finishes the appends already accepted and refuses new ones', async () => {
    const path = freshPath();
    const store = new SqliteEventStore({ path });
    const accepted = Array.from({ length: 10 }, (_, index) => store.append(`closing-${index}`, numbered(3)));
    await store.close();
    await expect(Promise.all(accepted)).resolves.toHaveLength(10);
    await rejection(store.append('late', numbered(1)), EventStoreClosedError);
    const reopened = new SqliteEventStore({ path });
    expect(await reopened.readAll()).toHaveLength(30);
    await reopened.close();
  });

  it('serialises writers in several processes on one file: nothing lost, nothing duplicated', async () => {
    const path = freshPath();
    await new SqliteEventStore({ path }).close();
    const child = join(__dirname, '..', '..', '..', 'dist', 'test', 'processes', 'append-optimistically.js');
    const run = (writer: number) =>
      new Promise<void>((resolve, reject) => {
        const process_ = spawn(process.execPath, [child, 'shared', String(writer), '100'], {
          env: { ...process.env, EVENT_STORE: 'sqlite', SQLITE_PATH: path },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        process_.stderr.on('data', (chunk) => (stderr += chunk));
        process_.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${writer} failed: ${stderr}`))));
      });
    await Promise.all([0, 1, 2].map(run));
    const store = new SqliteEventStore({ path });
    const events = await store.readStream('shared');
    expect(events).toHaveLength(300);
    expect(new Set(events.map((event) => event.id)).size).toBe(300);
    for (const writer of [0, 1, 2]) {
      const own = events.map((event) => event.data as { writer: number; n: number }).filter((data) => data.writer === writer);
      expect(own.map((data) => data.n)).toEqual(Array.from({ length: 100 }, (_, n) => n));
    }
    await store.close();
  });
});
