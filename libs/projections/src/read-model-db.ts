import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Runner bookkeeping. A generation is one build of one projection into its own
 * tables; its checkpoint is stored in the same row and updated in the same
 * transaction as the read-model rows, so each event's effect lands exactly once.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE projection_generations (
     name           TEXT    NOT NULL,
     generation     INTEGER NOT NULL,
     version        INTEGER NOT NULL,
     state          TEXT    NOT NULL CHECK (state IN ('building', 'live', 'retired', 'scratch')),
     position       TEXT,
     events_applied INTEGER NOT NULL DEFAULT 0,
     last_event_at  INTEGER,
     failed_at      INTEGER,
     error          TEXT,
     created_at     INTEGER NOT NULL,
     updated_at     INTEGER NOT NULL,
     PRIMARY KEY (name, generation)
   ) STRICT;
   CREATE UNIQUE INDEX one_live_generation ON projection_generations (name) WHERE state = 'live';
   CREATE TABLE projection_dead_letters (
     id          INTEGER PRIMARY KEY AUTOINCREMENT,
     name        TEXT    NOT NULL,
     generation  INTEGER NOT NULL,
     position    TEXT    NOT NULL,
     event_id    TEXT    NOT NULL,
     stream_id   TEXT    NOT NULL,
     type        TEXT    NOT NULL,
     error       TEXT    NOT NULL,
     recorded_at INTEGER NOT NULL
   ) STRICT;`,
];

/**
 * Opens (creating if needed) the read-model database. WAL with synchronous=NORMAL:
 * a power cut may lose the last commits, but checkpoint and rows roll back
 * together and are re-derived from the log, so nothing is lost or doubled.
 */
export function openReadModelDb(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Room for the read models' working set (64 MiB at most), so a rebuild updates pages in memory,
  // and checkpoints every 64 MiB of log rather than every 4 MiB: fewer, larger copies into the file.
  db.pragma('cache_size = -65536');
  db.pragma('wal_autocheckpoint = 16384');
  migrate(db);
  return db;
}

function migrate(db: Database.Database): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  if (version() === MIGRATIONS.length) return;
  db.transaction(() => {
    const found = version();
    if (found > MIGRATIONS.length) {
      throw new Error(`read-model database has schema ${found}, newer than this build's ${MIGRATIONS.length}`);
    }
    for (let index = found; index < MIGRATIONS.length; index += 1) db.exec(MIGRATIONS[index]);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
