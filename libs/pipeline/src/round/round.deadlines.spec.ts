import { replay } from '../shared/specification';
import { roundDeadlines } from './round.deadlines';
import { CLOSES_AT, FIRST_DEADLINE, opened, ROUND_ID, windowClosed } from './round.fixtures';
import type { RoundEvent } from './round.events';
import { evolveRound, initialRoundState } from './round.state';

const deadlinesAfter = (events: RoundEvent[]) => roundDeadlines(replay(initialRoundState, evolveRound, events));

describe('registration window deadline', () => {
  it('is due at the close, with a reminder 7 days and 1 day before', () => {
    expect(deadlinesAfter([opened])).toEqual([
      {
        id: FIRST_DEADLINE,
        kind: 'registration-window-close',
        streamId: ROUND_ID,
        dueAt: CLOSES_AT,
        reminders: [
          { daysBefore: 7, at: '2025-03-24T10:00:00.000Z' },
          { daysBefore: 1, at: '2025-03-30T10:00:00.000Z' },
        ],
      },
    ]);
  });

  it('takes a new id and due time when the window is extended', () => {
    const extended: RoundEvent = {
      type: 'RegistrationWindowExtended',
      data: {
        roundId: ROUND_ID,
        previousClosesAt: CLOSES_AT,
        closesAt: '2025-04-10T10:00:00.000Z',
        deadlineVersion: 2,
        deadlineId: `${ROUND_ID}/registration-window-close/2`,
      },
    };
    const [deadline] = deadlinesAfter([opened, extended]);
    expect(deadline).toMatchObject({ id: `${ROUND_ID}/registration-window-close/2`, dueAt: '2025-04-10T10:00:00.000Z' });
    expect(deadline.reminders[0]).toEqual({ daysBefore: 7, at: '2025-04-03T10:00:00.000Z' });
  });

  it('is gone once the window is closed, and absent before the round opens', () => {
    expect(deadlinesAfter([opened, windowClosed])).toEqual([]);
    expect(deadlinesAfter([])).toEqual([]);
  });
});
