import type { Actor } from '../shared/actor';
import type { Deadline, DeadlineKind } from '../shared/deadline';
import { accept, ignore, reject, type Decision } from '../shared/decision';
import type { Unit } from './units';

/** What a reminder is about: the stream whose period ends, and a name people recognise. */
export interface ReminderSubject {
  streamId: string;
  id: string;
  name: string;
}

/** One reminder, N days before one deadline: a stream of its own, so it is issued at most once. */
export type ReminderEvent = {
  type: 'DeadlineReminderIssued';
  data: {
    deadlineId: string;
    kind: DeadlineKind;
    dueAt: string;
    daysBefore: number;
    remindAt: string;
    subject: ReminderSubject;
    units: Unit[];
  };
};

export const REMINDER_EVENT_VERSIONS: Record<ReminderEvent['type'], number> = { DeadlineReminderIssued: 1 };

export type ReminderState = { status: 'none' } | { status: 'issued'; deadlineId: string; daysBefore: number };

export const initialReminderState: ReminderState = { status: 'none' };

/** From the scheduler; `running` are the subject's deadlines as its stream tells them now. */
export interface IssueReminder {
  type: 'IssueReminder';
  actor: Actor;
  deadlineId: string;
  daysBefore: number;
  running: Deadline[];
  subject: ReminderSubject;
  units: Unit[];
}

export function evolveReminder(state: ReminderState, event: ReminderEvent): ReminderState {
  return state.status === 'none' ? { status: 'issued', deadlineId: event.data.deadlineId, daysBefore: event.data.daysBefore } : state;
}

/**
 * A reminder for a period that was extended, ended early or left behind is
 * ignored, like a stale timer; one that fires early is refused so the job
 * waits; one arriving after the deadline itself would only confuse.
 */
export function decideReminder(command: IssueReminder, state: ReminderState, now: Date): Decision<ReminderEvent> {
  if (command.actor.role !== 'system') return reject('ROLE_NOT_ALLOWED', 'only the scheduler issues reminders');
  const what = `reminder ${command.daysBefore} days before ${command.deadlineId}`;
  if (state.status === 'issued') return ignore(`${what} was already issued`);
  const deadline = command.running.find((candidate) => candidate.id === command.deadlineId);
  if (!deadline) return ignore(`${what}: the deadline no longer applies`);
  const reminder = deadline.reminders.find((candidate) => candidate.daysBefore === command.daysBefore);
  if (!reminder) return ignore(`${what}: the deadline has no such reminder`);
  if (now.getTime() < Date.parse(reminder.at)) {
    return reject('DEADLINE_NOT_YET_DUE', `${what} is due at ${reminder.at}`, { dueAt: reminder.at });
  }
  if (now.getTime() >= Date.parse(deadline.dueAt)) return ignore(`${what}: the deadline itself has come`);
  return accept({
    type: 'DeadlineReminderIssued',
    data: {
      deadlineId: deadline.id,
      kind: deadline.kind,
      dueAt: deadline.dueAt,
      daysBefore: reminder.daysBefore,
      remindAt: reminder.at,
      subject: command.subject,
      units: command.units,
    },
  });
}
