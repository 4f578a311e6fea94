import type { RecordedEvent } from '@app/event-store';
import { WriteBehindRows, type ProjectionDefinition } from '@app/projections';
import type { Deadline, ReminderEvent } from '@app/pipeline';
import { REMINDER_PREFIX } from '../streams';
import { subjectOf, type SubjectFacts } from './deadline-subjects';
import { createDeadlineTables, deadlineQueryIndexes, type DeadlineTable } from './deadlines.tables';
import { deadlineVersion, fireJobId, reminderJobId } from './timer-ids';

/** A subject's slimmed state, and the ids of its deadlines still pending. */
interface StoredSubject {
  state: unknown;
  pending: readonly string[];
}

/**
 * Every deadline the domain has set, recomputed from the subject's state after
 * each of its events with the domain's own deadline functions: an extension
 * replaces a deadline (new version), an exit or an early end cancels it, the
 * timer's own transition fires it. Reminders issued are marked done. This is
 * the durable list of what BullMQ must hold; the scheduler follows its changes.
 */
export const deadlinesProjection: ProjectionDefinition<DeadlineTable> = {
  name: 'deadlines',
  // 2: pending deadline ids kept in the subject's row; states slimmed to what deadlines need.
  // 3: a round's deadlines carry its province, so each of its district boards sees them.
  version: 3,
  tables: ['subjects', 'deadlines', 'timers'],
  create: createDeadlineTables,
  queryIndexes: deadlineQueryIndexes,
  open(db, t) {
    const readSubject = db.prepare<[string], { state: string; pending: string }>(
      `SELECT state, pending FROM "${t.subjects}" WHERE stream_id = ?`,
    );
    const writeSubject = db.prepare(
      `INSERT INTO "${t.subjects}" (stream_id, state, pending) VALUES (?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET state = excluded.state, pending = excluded.pending`,
    );
    // Every timed event reads and rewrites its subject: kept in memory and written once per batch.
    const subjects = new WriteBehindRows<StoredSubject>({
      read(streamId) {
        const row = readSubject.get(streamId);
        return row && { state: JSON.parse(row.state), pending: JSON.parse(row.pending) };
      },
      write(streamId, row) {
        writeSubject.run(streamId, JSON.stringify(row.state), JSON.stringify(row.pending));
      },
    });
    const endDeadline = db.prepare(`UPDATE "${t.deadlines}" SET state = ?, ended_at = ?, ended_by = ? WHERE deadline_id = ?`);
    const endTimers = db.prepare(
      `UPDATE "${t.timers}" SET state = CASE WHEN action = 'fire' AND ? THEN 'done' ELSE 'cancelled' END, change_commit = ?, change_prepare = ?
       WHERE deadline_id = ? AND state = 'pending'`,
    );
    const insertDeadline = db.prepare(
      `INSERT INTO "${t.deadlines}" (deadline_id, stream_id, kind, version, subject_id, subject_name, round_id, unit, district, province, due_at, reminders, state, started_at)
       VALUES (@deadlineId, @streamId, @kind, @version, @subjectId, @subjectName, @roundId, @unit, @district, @province, @dueAt, @reminders, 'pending', @startedAt)
       ON CONFLICT (deadline_id) DO NOTHING`,
    );
    const insertTimer = db.prepare(
      `INSERT INTO "${t.timers}" (job_id, deadline_id, action, days_before, run_at, state, change_commit, change_prepare)
       VALUES (?, ?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT (job_id) DO NOTHING`,
    );
    const reminderDone = db.prepare(
      `UPDATE "${t.timers}" SET state = 'done', change_commit = ?, change_prepare = ?
       WHERE deadline_id = ? AND action = 'remind' AND days_before = ? AND state = 'pending'`,
    );

    /** Records a deadline and its timers; false if that id was already recorded (it never comes back once ended). */
    function start(deadline: Deadline, event: RecordedEvent, facts: SubjectFacts): boolean {
      const version = deadlineVersion(deadline.id);
      const inserted = insertDeadline.run({
        deadlineId: deadline.id,
        streamId: event.streamId,
        kind: deadline.kind,
        version,
        subjectId: facts.id,
        subjectName: facts.name,
        roundId: facts.roundId,
        unit: facts.unit,
        district: facts.district ?? null,
        province: facts.province ?? null,
        dueAt: Date.parse(deadline.dueAt),
        reminders: JSON.stringify(deadline.reminders),
        startedAt: event.recordedAt.getTime(),
      });
      // A deadline id never comes back once ended (every restart of a period bumps its version).
      if (inserted.changes === 0) return false;
      const { commit, prepare } = event.position;
      insertTimer.run(
        fireJobId(event.streamId, deadline.kind, version),
        deadline.id,
        'fire',
        null,
        Date.parse(deadline.dueAt),
        commit,
        prepare,
      );
      for (const reminder of deadline.reminders) {
        const jobId = reminderJobId(event.streamId, deadline.kind, version, reminder.daysBefore);
        insertTimer.run(jobId, deadline.id, 'remind', reminder.daysBefore, Date.parse(reminder.at), commit, prepare);
      }
      return true;
    }

    function end(deadlineId: string, event: RecordedEvent): void {
      // The timer's own command ends the period it carries; anything else (exit, extension, early close) cancels it.
      const fired = event.metadata.actor.role === 'system' && (event.data as { deadlineId?: string }).deadlineId === deadlineId;
      endDeadline.run(fired ? 'fired' : 'cancelled', event.recordedAt.getTime(), event.type, deadlineId);
      endTimers.run(fired ? 1 : 0, event.position.commit, event.position.prepare, deadlineId);
    }

    /** Starts each deadline; the ids of those actually started. */
    const startAll = (deadlines: Deadline[], event: RecordedEvent, facts: SubjectFacts): string[] =>
      deadlines.filter((deadline) => start(deadline, event, facts)).map((deadline) => deadline.id);

    return {
      apply(event) {
        if (event.streamId.startsWith(REMINDER_PREFIX)) {
          if (event.type !== 'DeadlineReminderIssued') return;
          const { deadlineId, daysBefore } = (event as RecordedEvent<ReminderEvent['data']>).data;
          reminderDone.run(event.position.commit, event.position.prepare, deadlineId, daysBefore);
          return;
        }
        const subject = subjectOf(event.streamId);
        if (!subject) return;
        const stored = subjects.get(event.streamId);
        const before = stored ? stored.state : subject.initial;
        const state = subject.evolve(before, event);
        // Deadlines are a function of the state: an event that leaves it as it was changes none.
        if (state === before) return;
        const running = subject.deadlines(state);
        const pending = stored ? stored.pending : [];
        const still = pending.filter((deadlineId) => running.some((deadline) => deadline.id === deadlineId));
        for (const deadlineId of pending) if (!still.includes(deadlineId)) end(deadlineId, event);
        const fresh = running.filter((deadline) => !pending.includes(deadline.id));
        const started = fresh.length > 0 ? startAll(fresh, event, subject.facts(state)) : [];
        subjects.set(event.streamId, { state: subject.slim(state), pending: [...still, ...started] });
      },
      flush: () => subjects.flush(),
      discard: () => subjects.discard(),
    };
  },
};
