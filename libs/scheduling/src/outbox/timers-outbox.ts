import type { Queue } from 'bullmq';
import { deadlinesProjection } from '@app/read-models';
import type { DeadlineKind } from '@app/pipeline';
import type { TimerJob } from '../jobs';
import { lastChangeIn, type Outbox, type OutboxRow } from './outbox';

interface TimerRow {
  job_id: string;
  action: 'fire' | 'remind';
  days_before: bigint | null;
  run_at: bigint;
  state: 'pending' | 'done' | 'cancelled';
  change_commit: bigint;
  change_prepare: bigint;
  deadline_id: string;
  kind: DeadlineKind;
  stream_id: string;
  subject_id: string;
  due_at: bigint;
}

const COLUMNS = `t.job_id, t.action, t.days_before, t.run_at, t.state, t.change_commit, t.change_prepare,
  d.deadline_id, d.kind, d.stream_id, d.subject_id, d.due_at`;

function toRow(row: TimerRow): OutboxRow {
  const data: TimerJob = {
    action: row.action,
    deadlineId: row.deadline_id,
    kind: row.kind,
    streamId: row.stream_id,
    subjectId: row.subject_id,
    dueAt: new Date(Number(row.due_at)).toISOString(),
    runAt: new Date(Number(row.run_at)).toISOString(),
    ...(row.days_before === null ? {} : { daysBefore: Number(row.days_before) }),
  };
  return {
    jobId: row.job_id,
    status: row.state === 'pending' ? 'pending' : row.state === 'cancelled' ? 'cancelled' : 'finished',
    runAt: Number(row.run_at),
    cursor: { commit: row.change_commit, prepare: row.change_prepare, key: row.job_id },
    name: row.action,
    data,
  };
}

/** The deadlines read model's timers: each deadline's due time and reminders, as jobs on the timers queue. */
export function timersOutbox(queue: Queue): Outbox {
  return {
    name: 'timers',
    projection: deadlinesProjection,
    queue,
    changedSince(db, t, cursor, limit) {
      const rows = db
        .prepare(
          `SELECT ${COLUMNS} FROM "${t.timers}" t JOIN "${t.deadlines}" d ON d.deadline_id = t.deadline_id
           WHERE (t.change_commit, t.change_prepare, t.job_id) > (?, ?, ?)
           ORDER BY t.change_commit, t.change_prepare, t.job_id LIMIT ?`,
        )
        .safeIntegers(true)
        .all(cursor.commit, cursor.prepare, cursor.key, limit) as TimerRow[];
      return rows.map(toRow);
    },
    pendingAfter(db, t, afterKey, limit) {
      const rows = db
        .prepare(
          `SELECT ${COLUMNS} FROM "${t.timers}" t JOIN "${t.deadlines}" d ON d.deadline_id = t.deadline_id
           WHERE t.state = 'pending' AND t.job_id > ? ORDER BY t.job_id LIMIT ?`,
        )
        .safeIntegers(true)
        .all(afterKey, limit) as TimerRow[];
      return rows.map(toRow);
    },
    lastChange: (db, t) => lastChangeIn(db, t.timers),
    dueBy(db, t, at, limit) {
      return db
        .prepare(`SELECT job_id FROM "${t.timers}" WHERE state = 'pending' AND run_at <= ? ORDER BY run_at LIMIT ?`)
        .pluck()
        .all(at, limit) as string[];
    },
  };
}
