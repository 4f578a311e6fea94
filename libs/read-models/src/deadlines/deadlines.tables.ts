import type Database from 'better-sqlite3';
import type { TableNames } from '@app/projections';

export type DeadlineTable = 'subjects' | 'deadlines' | 'timers';

/**
 * subjects: each timed stream's folded state (slimmed) and the ids of its pending deadlines, to
 *   recompute its deadlines on the next event and see which started or ended.
 * deadlines: every period the domain ever timed, pending until it fired or was cancelled.
 * timers: the BullMQ jobs those deadlines need (the due time and each reminder). `change_*` is the
 *   position of the event that last changed the row: the scheduler's outbox cursor reads it.
 */
export function createDeadlineTables(db: Database.Database, t: TableNames<DeadlineTable>): void {
  db.exec(`
    CREATE TABLE "${t.subjects}" (stream_id TEXT PRIMARY KEY, state TEXT NOT NULL, pending TEXT NOT NULL) STRICT;
    CREATE TABLE "${t.deadlines}" (
      deadline_id  TEXT PRIMARY KEY,
      stream_id    TEXT NOT NULL,
      kind         TEXT NOT NULL,
      version      INTEGER NOT NULL,
      subject_id   TEXT NOT NULL,
      subject_name TEXT NOT NULL,
      round_id     TEXT NOT NULL,
      unit         TEXT NOT NULL,
      district     TEXT,
      province     TEXT,
      due_at       INTEGER NOT NULL,
      reminders    TEXT NOT NULL,
      state        TEXT NOT NULL CHECK (state IN ('pending', 'fired', 'cancelled')),
      started_at   INTEGER NOT NULL,
      ended_at     INTEGER,
      ended_by     TEXT
    ) STRICT;
    CREATE TABLE "${t.timers}" (
      job_id         TEXT PRIMARY KEY,
      deadline_id    TEXT NOT NULL,
      action         TEXT NOT NULL CHECK (action IN ('fire', 'remind')),
      days_before    INTEGER,
      run_at         INTEGER NOT NULL,
      state          TEXT NOT NULL CHECK (state IN ('pending', 'done', 'cancelled')),
      change_commit  INTEGER NOT NULL,
      change_prepare INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX "${t.timers}_by_change" ON "${t.timers}" (change_commit, change_prepare, job_id);
    CREATE INDEX "${t.timers}_by_deadline" ON "${t.timers}" (deadline_id);
  `);
}

/** Indexes only the deadlines report and the /health overdue-timer check use: created once the generation has caught up. */
export function deadlineQueryIndexes(t: TableNames<DeadlineTable>): string {
  return `
    CREATE INDEX IF NOT EXISTS "${t.deadlines}_by_state_due" ON "${t.deadlines}" (state, due_at);
    CREATE INDEX IF NOT EXISTS "${pendingTimersIndex(t)}" ON "${t.timers}" (run_at) WHERE state = 'pending';`;
}

/** The index of pending timers by due time: until it exists (the generation is catching up), asking for the oldest one scans. */
export const pendingTimersIndex = (t: TableNames<DeadlineTable>): string => `${t.timers}_pending_by_run_at`;
