import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '@app/event-store';

export function scratchFile(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'pipeline-bench-')), `${name}.db`);
}

const metadata = {
  correlationId: '4b0e2a4c-93c1-4a8e-9a36-5c2d1f0e7b11',
  causationId: '4b0e2a4c-93c1-4a8e-9a36-5c2d1f0e7b11',
  actor: { id: 'bench', role: 'district-board', unit: '217' },
  occurredAt: '2026-03-01T08:00:00.000Z',
};

/** A realistic small event: a candidate's step change with Vietnamese names (~300 bytes). */
export function benchEvent(n: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'CandidateAdvanced',
    schemaVersion: 1,
    data: { n, candidate: 'Nguyễn Thị Hương Giang', commune: 'Xã Ngọc Vân', district: 'Huyện Tân Yên', step: 'training' },
    metadata,
  };
}

/**
 * The raw baseline: a table shaped like the store's, the same pragmas
 * (WAL, synchronous=FULL), and inserts with no port, queue or checks around them.
 */
export function rawTable(path: string): { db: Database.Database; insert: (rows: number, from: number) => void } {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL,
    data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at INTEGER NOT NULL, UNIQUE (stream_id, revision)) STRICT`);
  const statement = db.prepare(
    'INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertMany = db.transaction((rows: number, from: number) => {
    for (let index = 0; index < rows; index += 1) {
      const event = benchEvent(from + index);
      statement.run(
        event.id,
        `raw-${from + index}`,
        0,
        event.type,
        1,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        Date.now(),
      );
    }
  });
  return { db, insert: (rows, from) => insertMany.immediate(rows, from) };
}
