import type Database from 'better-sqlite3';
import { eventHash } from '../../integrity/event-hash';
import type { EventRow } from '../rows';

type UnhashedRow = Omit<EventRow, 'recorded_at' | 'hash' | 'previous_hash'>;

const PAGE = 1_000;

/**
 * Migration 2: every event gets its hash and its predecessor's. Rows written
 * before this migration are hashed from what is stored, stream by stream in
 * revision order, a page at a time (memory stays flat on a large file). The
 * update ban is lifted only inside this migration's transaction.
 */
export function addHashChain(db: Database.Database): void {
  db.exec(`DROP TRIGGER events_are_immutable;
    ALTER TABLE events ADD COLUMN hash TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN previous_hash TEXT;`);
  const page = db.prepare<[string, number], UnhashedRow>(
    `SELECT position, event_id, stream_id, revision, type, schema_version, data, metadata FROM events
      WHERE (stream_id, revision) > (?, ?) ORDER BY stream_id, revision LIMIT ${PAGE}`,
  );
  const update = db.prepare<[string, string | null, number]>('UPDATE events SET hash = ?, previous_hash = ? WHERE position = ?');
  let after: [string, number] = ['', -1];
  let previous: { streamId: string; hash: string } | undefined;
  for (let rows = page.all(...after); rows.length > 0; rows = page.all(...after)) {
    for (const row of rows) {
      const previousHash = previous?.streamId === row.stream_id ? previous.hash : null;
      const hash = eventHash({
        streamId: row.stream_id,
        revision: row.revision,
        id: row.event_id,
        type: row.type,
        schemaVersion: row.schema_version,
        data: JSON.parse(row.data),
        metadata: JSON.parse(row.metadata),
        previousHash,
      });
      update.run(hash, previousHash, row.position);
      previous = { streamId: row.stream_id, hash };
    }
    const last = rows[rows.length - 1];
    after = [last.stream_id, last.revision];
  }
  db.exec(`CREATE TRIGGER events_are_immutable BEFORE UPDATE ON events
     BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;`);
}
