import { given } from '../shared/specification';
import type { RoundCommandOf } from './round.commands';
import { decideRound } from './round.decide';
import {
  AFTER_WINDOW,
  BEFORE_WINDOW,
  CLOSES_AT,
  DURING_WINDOW,
  errorCode,
  eventsOf,
  FIRST_DEADLINE,
  opened,
  provinceBoard,
  ROUND_ID,
  scheduler,
  windowClosed,
  windowClosedBy,
} from './round.fixtures';
import type { RoundEvent } from './round.events';
import { evolveRound, initialRoundState } from './round.state';

const LATER = '2025-04-10T10:00:00.000Z';
const extend: RoundCommandOf<'ExtendRegistrationWindow'> = {
  type: 'ExtendRegistrationWindow',
  roundId: ROUND_ID,
  closesAt: LATER,
  actor: provinceBoard,
};
const extended: RoundEvent = {
  type: 'RegistrationWindowExtended',
  data: {
    roundId: ROUND_ID,
    previousClosesAt: CLOSES_AT,
    closesAt: LATER,
    deadlineVersion: 2,
    deadlineId: `${ROUND_ID}/registration-window-close/2`,
  },
};
const boardCloses: RoundCommandOf<'CloseRegistrationWindow'> = { type: 'CloseRegistrationWindow', roundId: ROUND_ID, actor: provinceBoard };
const deadlineFires = (deadlineId: string | undefined): RoundCommandOf<'CloseRegistrationWindow'> => ({
  ...boardCloses,
  deadlineId,
  actor: scheduler,
});

describe('extending the registration window', () => {
  it('moves the close later under a new deadline version', () => {
    expect(eventsOf(given(initialRoundState, evolveRound, [opened]).when(decideRound, extend, DURING_WINDOW))).toEqual([extended]);
  });

  it('counts versions up with each extension', () => {
    const again = { ...extend, closesAt: '2025-04-20T10:00:00.000Z' };
    const [event] = eventsOf(given(initialRoundState, evolveRound, [opened, extended]).when(decideRound, again, DURING_WINDOW));
    expect(event).toMatchObject({
      data: { previousClosesAt: LATER, deadlineVersion: 3, deadlineId: `${ROUND_ID}/registration-window-close/3` },
    });
  });

  it('must close later than now planned', () => {
    const decision = given(initialRoundState, evolveRound, [opened]).when(decideRound, { ...extend, closesAt: CLOSES_AT }, DURING_WINDOW);
    expect(errorCode(decision)).toBe('EXTENSION_NOT_LATER');
  });

  it('cannot reopen a closed window', () => {
    expect(errorCode(given(initialRoundState, evolveRound, [opened, windowClosed]).when(decideRound, extend, DURING_WINDOW))).toBe(
      'REGISTRATION_WINDOW_CLOSED',
    );
    // Past the close time the window is closed, even before the close job has run.
    expect(errorCode(given(initialRoundState, evolveRound, [opened]).when(decideRound, extend, AFTER_WINDOW))).toBe(
      'REGISTRATION_WINDOW_CLOSED',
    );
  });
});

describe('closing the registration window', () => {
  it('closes when its deadline fires', () => {
    expect(
      eventsOf(given(initialRoundState, evolveRound, [opened]).when(decideRound, deadlineFires(FIRST_DEADLINE), AFTER_WINDOW)),
    ).toEqual([windowClosed]);
    // A job that fires before the close time is refused, so the queue retries it rather than closing early.
    expect(given(initialRoundState, evolveRound, [opened]).when(decideRound, deadlineFires(FIRST_DEADLINE), DURING_WINDOW)).toMatchObject({
      kind: 'rejected',
      error: { code: 'DEADLINE_NOT_YET_DUE', details: { dueAt: CLOSES_AT } },
    });
  });

  it('ignores, with a reason, a deadline that an extension made stale', () => {
    const decision = given(initialRoundState, evolveRound, [opened, extended]).when(
      decideRound,
      deadlineFires(FIRST_DEADLINE),
      AFTER_WINDOW,
    );
    expect(decision).toEqual({ kind: 'ignored', reason: expect.stringContaining('stale') });
  });

  it('closes on the extended deadline', () => {
    const fired = deadlineFires(`${ROUND_ID}/registration-window-close/2`);
    const [event] = eventsOf(given(initialRoundState, evolveRound, [opened, extended]).when(decideRound, fired, new Date(LATER)));
    expect(event).toMatchObject({ type: 'RegistrationWindowClosed', data: { trigger: 'deadline', scheduledClosesAt: LATER } });
  });

  it('ignores, with a reason, a deadline that fires after the board closed the window', () => {
    const decision = given(initialRoundState, evolveRound, [opened, windowClosedBy('province-board')]).when(
      decideRound,
      deadlineFires(FIRST_DEADLINE),
      AFTER_WINDOW,
    );
    expect(decision).toEqual({ kind: 'ignored', reason: expect.stringContaining('already closed') });
  });

  it('needs the scheduler to name the deadline that fired', () => {
    expect(given(initialRoundState, evolveRound, [opened]).when(decideRound, deadlineFires(undefined), AFTER_WINDOW)).toMatchObject({
      kind: 'rejected',
      error: { code: 'INVALID_FIELD', details: { field: 'deadlineId' } },
    });
  });

  it('lets the province board close it early', () => {
    expect(eventsOf(given(initialRoundState, evolveRound, [opened]).when(decideRound, boardCloses, DURING_WINDOW))).toEqual([
      {
        type: 'RegistrationWindowClosed',
        data: { roundId: ROUND_ID, trigger: 'province-board', scheduledClosesAt: CLOSES_AT, deadlineId: FIRST_DEADLINE },
      },
    ]);
  });

  it('refuses the board a window that is closed or not yet open', () => {
    expect(errorCode(given(initialRoundState, evolveRound, [opened, windowClosed]).when(decideRound, boardCloses, AFTER_WINDOW))).toBe(
      'REGISTRATION_WINDOW_CLOSED',
    );
    expect(errorCode(given(initialRoundState, evolveRound, [opened]).when(decideRound, boardCloses, BEFORE_WINDOW))).toBe(
      'REGISTRATION_NOT_OPEN',
    );
  });
});
