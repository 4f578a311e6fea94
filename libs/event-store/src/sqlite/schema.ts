import type Database from 'better-sqlite3';
import { UnsupportedSchemaError } from '../port/errors';
import { addHashChain } from './migrations/add-hash-chain';

/** SQL to run, or a step that needs code (computing hashes); each runs inside the migration's transaction. */
export type Migration = string | ((db: Database.Database) => void);

/**
 * Ordered migrations; the file's PRAGMA user_version counts how many ran.
 * Append new ones, never edit a released one.
 */
export const MIGRATIONS: readonly Migration[] = [
  `CREATE TABLE events (
     position       INTEGER PRIMARY KEY AUTOINCREMENT,
     event_id       TEXT    NOT NULL UNIQUE,
     stream_id      TEXT    NOT NULL,
     revision       INTEGER NOT NULL,
     type           TEXT    NOT NULL,
     schema_version INTEGER NOT NULL,
     data           TEXT    NOT NULL,
     metadata       TEXT    NOT NULL,
     recorded_at    INTEGER NOT NULL,
     UNIQUE (stream_id, revision)
   ) STRICT;
   CREATE TRIGGER events_are_immutable BEFORE UPDATE ON events
     BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
   CREATE TRIGGER events_are_permanent BEFORE DELETE ON events
     BEGIN SELECT RAISE(ABORT, 'events cannot be deleted'); END;`,
  addHashChain,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the file to the current schema; safe when several processes start at once. */
export function migrate(db: Database.Database): void {
  if (userVersion(db) === SCHEMA_VERSION) return;
  db.transaction(() => {
    // Re-read inside the write lock: another process may have migrated meanwhile.
    const found = userVersion(db);
    if (found > SCHEMA_VERSION) throw new UnsupportedSchemaError(found, SCHEMA_VERSION);
    for (let index = found; index < SCHEMA_VERSION; index += 1) {
      const migration = MIGRATIONS[index];
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
