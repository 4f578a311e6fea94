import { WriteBehindRows, type ProjectionDefinition } from '@app/projections';

/**
 * A projection that counts events per stream and in total, and remembers the
 * last position it saw: a gap or a double application shows up as a count that
 * differs from the log. Events whose data says `{ poison: true }` make it throw.
 */
export function counterProjection(version = 1, name = 'counter'): ProjectionDefinition<'per_stream' | 'totals'> {
  return {
    name,
    version,
    tables: ['per_stream', 'totals'],
    create(db, t) {
      db.exec(`CREATE TABLE "${t.per_stream}" (stream_id TEXT PRIMARY KEY, events INTEGER NOT NULL) STRICT;
               CREATE TABLE "${t.totals}" (id INTEGER PRIMARY KEY CHECK (id = 1), events INTEGER NOT NULL, version INTEGER NOT NULL) STRICT;`);
    },
    open(db, t) {
      const perStream = db.prepare(
        `INSERT INTO "${t.per_stream}" (stream_id, events) VALUES (?, 1) ON CONFLICT (stream_id) DO UPDATE SET events = events + 1`,
      );
      const total = db.prepare(
        `INSERT INTO "${t.totals}" (id, events, version) VALUES (1, 1, ?) ON CONFLICT (id) DO UPDATE SET events = events + 1`,
      );
      return {
        apply(event) {
          if ((event.data as { poison?: boolean }).poison) throw new Error(`cannot count ${event.type}`);
          perStream.run(event.streamId);
          total.run(version);
        },
      };
    },
  };
}

/**
 * The same counts, held in a WriteBehindRows and written once per batch: a
 * flush missed, a stale row kept after another runner moved the checkpoint, or
 * a change kept after its transaction was undone shows up as a wrong count.
 * A poison event is counted in memory first and then refused, so that what the
 * runner undoes includes the cache; an `{ unwritable: true }` event is accepted
 * but leaves its stream's row unwritable (NULL in a NOT NULL column), so that
 * only the write at the end of the batch fails.
 */
export function cachedCounterProjection(version = 1, name = 'cached-counter'): ProjectionDefinition<'per_stream' | 'totals'> {
  const plain = counterProjection(version, name);
  return {
    ...plain,
    open(db, t) {
      const read = db.prepare<[string], { events: number }>(`SELECT events FROM "${t.per_stream}" WHERE stream_id = ?`);
      const write = db.prepare(
        `INSERT INTO "${t.per_stream}" (stream_id, events) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET events = excluded.events`,
      );
      const readTotal = db.prepare<[], { events: number }>(`SELECT events FROM "${t.totals}" WHERE id = 1`);
      const writeTotal = db.prepare(
        `INSERT INTO "${t.totals}" (id, events, version) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET events = excluded.events`,
      );
      const perStream = new WriteBehindRows<number | null>({
        read: (streamId) => read.get(streamId)?.events,
        write: (streamId, events) => write.run(streamId, events),
      });
      const total = new WriteBehindRows<number>({
        read: () => readTotal.get()?.events,
        write: (_, events) => writeTotal.run(events, version),
      });
      return {
        apply(event) {
          const unwritable = (event.data as { unwritable?: boolean }).unwritable;
          perStream.set(event.streamId, unwritable ? null : (perStream.get(event.streamId) ?? 0) + 1);
          total.set('total', (total.get('total') ?? 0) + 1);
          if ((event.data as { poison?: boolean }).poison) throw new Error(`cannot count ${event.type}`);
        },
        flush() {
          perStream.flush();
          total.flush();
        },
        discard() {
          perStream.discard();
          total.discard();
        },
      };
    },
  };
}
