import type { ProjectionDefinition } from '@app/projections';

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
