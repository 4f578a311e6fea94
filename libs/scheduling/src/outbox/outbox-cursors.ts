import type Database from 'better-sqlite3';
import type { OutboxCursor } from './outbox';

interface CursorRow {
  generation: bigint;
  change_commit: bigint;
  change_prepare: bigint;
  row_key: string;
}

/**
 * How far the scheduler has pushed each outbox to each queue namespace, kept
 * in the read-model file beside the tables it reads. Not part of any
 * projection: rebuilding a read model starts a new generation, which resets it.
 */
export class OutboxCursors {
  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS scheduler_outbox_cursors (
      outbox         TEXT    NOT NULL,
      queue_prefix   TEXT    NOT NULL,
      generation     INTEGER NOT NULL,
      change_commit  INTEGER NOT NULL,
      change_prepare INTEGER NOT NULL,
      row_key        TEXT    NOT NULL,
      PRIMARY KEY (outbox, queue_prefix)
    ) STRICT`);
  }

  /** The cursor for this generation, or undefined when none was saved for it (start over). */
  get(outbox: string, prefix: string, generation: number): OutboxCursor | undefined {
    const row = this.db
      .prepare(
        'SELECT generation, change_commit, change_prepare, row_key FROM scheduler_outbox_cursors WHERE outbox = ? AND queue_prefix = ?',
      )
      .safeIntegers(true)
      .get(outbox, prefix) as CursorRow | undefined;
    if (!row || Number(row.generation) !== generation) return undefined;
    return { commit: row.change_commit, prepare: row.change_prepare, key: row.row_key };
  }

  /** Moves the cursor forward only: two workers sharing the file never move it back. */
  save(outbox: string, prefix: string, generation: number, cursor: OutboxCursor): void {
    this.db
      .prepare(
        `INSERT INTO scheduler_outbox_cursors (outbox, queue_prefix, generation, change_commit, change_prepare, row_key)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (outbox, queue_prefix) DO UPDATE SET
           generation = excluded.generation, change_commit = excluded.change_commit,
           change_prepare = excluded.change_prepare, row_key = excluded.row_key
         WHERE excluded.generation <> generation
            OR (excluded.change_commit, excluded.change_prepare, excluded.row_key) > (change_commit, change_prepare, row_key)`,
      )
      .run(outbox, prefix, generation, cursor.commit, cursor.prepare, cursor.key);
  }
}
