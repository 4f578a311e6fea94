import { addDays } from '../shared/calendar';
import { deadlineId, type Deadline } from '../shared/deadline';
import type { TrainingClassFacts, TrainingClassState } from './training-class.state';

export function plannedEndDeadlineId(facts: TrainingClassFacts): string {
  return deadlineId(facts.classId, 'training-planned-end', facts.deadlineVersion);
}

/** The one timed period of a class: its planned end, while it is open and not yet reached. */
export function trainingClassDeadlines(state: TrainingClassState): Deadline[] {
  if (state.status !== 'open') return [];
  const dueAt = state.plannedEnd;
  return [
    {
      id: plannedEndDeadlineId(state),
      kind: 'training-planned-end',
      streamId: state.classId,
      dueAt,
      reminders: state.reminderDaysBefore.map((daysBefore) => ({
        daysBefore,
        at: addDays(new Date(dueAt), -daysBefore).toISOString(),
      })),
    },
  ];
}
