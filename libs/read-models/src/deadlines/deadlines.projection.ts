import type { RecordedEvent } from '@app/event-store';
import type { ProjectionDefinition } from '@app/projections';
import type { Deadline, ReminderEvent } from '@app/pipeline';
import { REMINDER_PREFIX } from '../streams';
import { subjectOf, type SubjectFacts } from './deadline-subjects';
import { createDeadlineTables, type DeadlineTable } from './deadlines.tables';
import { deadlineVersion, fireJobId, reminderJobId } from './timer-ids';

/**
 * Every deadline the domain has set, recomputed from the subject's state after
 * each of its events with the domain's own deadline functions: an extension
 * replaces a deadline (new version), an exit or an early end cancels it, the
 * timer's own transition fires it. Reminders issued are marked done. This is
 * the durable list of what BullMQ must hold; the scheduler follows its changes.
 */
export const deadlinesProjection: ProjectionDefinition<DeadlineTable> = {
  name: 'deadlines',
  version: 1,
  tables: ['subjects', 'deadlines', 'timers'],
  create: createDeadlineTables,
  open(db, t) {
    const readState = db.prepare(`SELECT state FROM "${t.subjects}" WHERE stream_id = ?`).pluck();
    const writeState = db.prepare(
      `INSERT INTO "${t.subjects}" (stream_id, state) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET state = excluded.state`,
    );
    const pendingOf = db.prepare(`SELECT deadline_id FROM "${t.deadlines}" WHERE stream_id = ? AND state = 'pending'`).pluck();
    const endDeadline = db.prepare(`UPDATE "${t.deadlines}" SET state = ?, ended_at = ?, ended_by = ? WHERE deadline_id = ?`);
    const endTimers = db.prepare(
      `UPDATE "${t.timers}" SET state = CASE WHEN action = 'fire' AND ? THEN 'done' ELSE 'cancelled' END, change_commit = ?, change_prepare = ?
       WHERE deadline_id = ? AND state = 'pending'`,
    );
    const insertDeadline = db.prepare(
      `INSERT INTO "${t.deadlines}" (deadline_id, stream_id, kind, version, subject_id, subject_name, round_id, unit, district, due_at, reminders, state, started_at)
       VALUES (@deadlineId, @streamId, @kind, @version, @subjectId, @subjectName, @roundId, @unit, @district, @dueAt, @reminders, 'pending', @startedAt)
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

    function start(deadline: Deadline, event: RecordedEvent, facts: SubjectFacts): void {
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
        dueAt: Date.parse(deadline.dueAt),
        reminders: JSON.stringify(deadline.reminders),
        startedAt: event.recordedAt.getTime(),
      });
      // A deadline id never comes back once ended (every restart of a period bumps its version).
      if (inserted.changes === 0) return;
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
    }

    function end(deadlineId: string, event: RecordedEvent): void {
      // The timer's own command ends the period it carries; anything else (exit, extension, early close) cancels it.
      const fired = event.metadata.actor.role === 'system' && (event.data as { deadlineId?: string }).deadlineId === deadlineId;
      endDeadline.run(fired ? 'fired' : 'cancelled', event.recordedAt.getTime(), event.type, deadlineId);
      endTimers.run(fired ? 1 : 0, event.position.commit, event.position.prepare, deadlineId);
    }

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
        const stored = readState.get(event.streamId) as string | undefined;
        const state = subject.evolve(stored === undefined ? subject.initial : JSON.parse(stored), event);
        writeState.run(event.streamId, JSON.stringify(subject.slim(state)));
        const running = subject.deadlines(state);
        const runningIds = new Set(running.map((deadline) => deadline.id));
        const pending = new Set(pendingOf.all(event.streamId) as string[]);
        for (const deadlineId of pending) if (!runningIds.has(deadlineId)) end(deadlineId, event);
        const fresh = running.filter((deadline) => !pending.has(deadline.id));
        if (fresh.length > 0) {
          const facts = subject.facts(state);
          for (const deadline of fresh) start(deadline, event, facts);
        }
      },
    };
  },
};
