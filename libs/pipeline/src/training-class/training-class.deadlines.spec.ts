import { given, replay } from '../shared/specification';
import type { TrainingClassCommandOf } from './training-class.commands';
import { trainingClassDeadlines } from './training-class.deadlines';
import { decideTrainingClass } from './training-class.decide';
import { TRAINING_CLASS_EVENT_VERSIONS, type TrainingClassEvent } from './training-class.events';
import {
  CLASS_ID,
  at,
  auditor,
  classClosed,
  classOpened,
  extendedTo,
  plannedEndReached,
  scheduler,
  school,
  vn,
} from './training-class.fixtures';
import { evolveTrainingClass, initialTrainingClassState } from './training-class.state';

const deadlinesAfter = (events: TrainingClassEvent[]) =>
  trainingClassDeadlines(replay(initialTrainingClassState, evolveTrainingClass, events));
const markReached = (deadlineId: string): TrainingClassCommandOf<'MarkPlannedEndReached'> => ({
  type: 'MarkPlannedEndReached',
  classId: CLASS_ID,
  deadlineId,
  actor: scheduler,
});
const history = (events: TrainingClassEvent[]) => given(initialTrainingClassState, evolveTrainingClass, events);
const firstDeadline = `${CLASS_ID}/training-planned-end/1`;
const secondDeadline = `${CLASS_ID}/training-planned-end/2`;
const extended = extendedTo(vn('2026-07-01'), vn('2026-08-01'));

describe('The planned-end deadline of a class', () => {
  it('is due at the planned end, with reminders the configured days before', () => {
    expect(deadlinesAfter([classOpened()])).toEqual([
      {
        id: firstDeadline,
        kind: 'training-planned-end',
        streamId: CLASS_ID,
        dueAt: vn('2026-07-01'),
        reminders: [
          { daysBefore: 30, at: vn('2026-06-01') },
          { daysBefore: 7, at: vn('2026-06-24') },
        ],
      },
    ]);
  });

  it('gets a new version and due time on each extension', () => {
    expect(deadlinesAfter([classOpened(), extended])).toMatchObject([{ id: secondDeadline, dueAt: vn('2026-08-01') }]);
  });

  it('is gone before opening, once reached, and once closed', () => {
    expect(deadlinesAfter([])).toEqual([]);
    expect(deadlinesAfter([classOpened(), plannedEndReached(vn('2026-07-01'))])).toEqual([]);
    expect(deadlinesAfter([classOpened(), classClosed])).toEqual([]);
  });
});

describe('Marking the planned end reached', () => {
  const now = at('2026-07-01');

  it('records that the planned end passed when the current deadline fires', () => {
    expect(history([classOpened()]).when(decideTrainingClass, markReached(firstDeadline), now)).toEqual({
      kind: 'accepted',
      events: [plannedEndReached(vn('2026-07-01'))],
    });
  });

  it('refuses a deadline that fires before the planned end, so the job is retried', () => {
    expect(history([classOpened()]).when(decideTrainingClass, markReached(firstDeadline), at('2026-06-30'))).toMatchObject({
      kind: 'rejected',
      error: { code: 'DEADLINE_NOT_YET_DUE' },
    });
  });

  it('ignores, with a reason, a deadline made stale by an extension', () => {
    const decision = history([classOpened(), extended]).when(decideTrainingClass, markReached(firstDeadline), now);
    expect(decision).toEqual({ kind: 'ignored', reason: expect.stringContaining('extended') });
    expect(decision).toMatchObject({ reason: expect.stringContaining(secondDeadline) });
  });

  it('ignores a deadline once the class is closed or the end already recorded', () => {
    expect(history([classOpened(), classClosed]).when(decideTrainingClass, markReached(firstDeadline), now)).toMatchObject({
      kind: 'ignored',
      reason: expect.stringContaining('closed'),
    });
    expect(
      history([classOpened(), plannedEndReached(vn('2026-07-01'))]).when(decideTrainingClass, markReached(firstDeadline), now),
    ).toMatchObject({
      kind: 'ignored',
    });
    expect(history([]).when(decideTrainingClass, markReached(firstDeadline), now)).toMatchObject({ kind: 'ignored' });
  });

  it('is for the scheduler only', () => {
    for (const actor of [school, auditor]) {
      expect(history([classOpened()]).when(decideTrainingClass, { ...markReached(firstDeadline), actor }, now)).toMatchObject({
        kind: 'rejected',
        error: { code: 'ROLE_NOT_ALLOWED', details: { allowedRole: 'system' } },
      });
    }
  });
});

describe('Training class events', () => {
  it('are all at schema version 1', () => {
    expect(Object.values(TRAINING_CLASS_EVENT_VERSIONS)).toEqual([1, 1, 1, 1, 1, 1]);
  });
});
