import { addDays } from '../shared/calendar';
import { deadlineId, type Deadline } from '../shared/deadline';
import type { RoundFacts, RoundState } from './round.state';

export function registrationDeadlineId(facts: RoundFacts): string {
  return deadlineId(facts.roundId, 'registration-window-close', facts.deadlineVersion);
}

/** The one timed period of a round: the close of its registration window, until it is closed. */
export function roundDeadlines(state: RoundState): Deadline[] {
  if (state.status !== 'registering') return [];
  const dueAt = state.registrationClosesAt;
  return [
    {
      id: registrationDeadlineId(state),
      kind: 'registration-window-close',
      streamId: state.roundId,
      dueAt,
      reminders: state.registrationReminderDaysBefore.map((daysBefore) => ({
        daysBefore,
        at: addDays(new Date(dueAt), -daysBefore).toISOString(),
      })),
    },
  ];
}
