import type { JobsOptions, Queue } from 'bullmq';
import type Database from 'better-sqlite3';
import type { ProjectionDefinition, TableNames } from '@app/projections';

/** Where the scheduler stands in an outbox: the change position and key of the last row it handled. */
export interface OutboxCursor {
  commit: bigint;
  prepare: bigint;
  /** The row's primary key, ordering rows changed by the same event. */
  key: string;
}

export const START_OF_OUTBOX: OutboxCursor = { commit: -1n, prepare: -1n, key: '' };

/** Past every row changed at a position: used after a full reconcile. */
export const AFTER_EVERY_KEY = '\u{10FFFF}';

/** One row of a read model that wants (or no longer wants) a BullMQ job. */
export interface OutboxRow {
  jobId: string;
  /** 'pending' rows need their job; 'cancelled' rows need it removed; others are finished. */
  status: 'pending' | 'cancelled' | 'finished';
  /** When the job should run (epoch ms); 0 for at once. */
  runAt: number;
  cursor: OutboxCursor;
  name: string;
  data: object;
  opts?: JobsOptions;
}

/**
 * A read-model table the scheduler keeps in step with a queue (the outbox
 * pattern): rows changed by the projection carry the position of the event
 * that changed them; the scheduler pushes each change to BullMQ and moves its
 * cursor. Adding a job id that exists is a no-op, so a crash between the two,
 * or two workers pushing the same row, schedules it once.
 */
export interface Outbox {
  readonly name: string;
  readonly projection: ProjectionDefinition;
  readonly queue: Queue;
  changedSince(db: Database.Database, tables: TableNames, cursor: OutboxCursor, limit: number): OutboxRow[];
  /** Pending rows in key order, after `afterKey`: what a reconcile re-adds. */
  pendingAfter(db: Database.Database, tables: TableNames, afterKey: string, limit: number): OutboxRow[];
  lastChange(db: Database.Database, tables: TableNames): OutboxCursor | undefined;
  /** Pending jobs meant to run by `at` (epoch ms): promoted when the clock runs ahead of the wall clock. */
  dueBy?(db: Database.Database, tables: TableNames, at: number, limit: number): string[];
}

/** The change position of the newest row of an outbox table (rows carry `change_commit`, `change_prepare`). */
export function lastChangeIn(db: Database.Database, table: string): OutboxCursor | undefined {
  const row = db
    .prepare(`SELECT change_commit, change_prepare FROM "${table}" ORDER BY change_commit DESC, change_prepare DESC LIMIT 1`)
    .safeIntegers(true)
    .get() as { change_commit: bigint; change_prepare: bigint } | undefined;
  return row && { commit: row.change_commit, prepare: row.change_prepare, key: '' };
}
