import { given } from '../shared/specification';
import type { TrainingClassCommandOf } from './training-class.commands';
import { decideTrainingClass } from './training-class.decide';
import type { TrainingClassEvent } from './training-class.events';
import {
  CLASS_ID,
  at,
  auditor,
  classClosed as closed,
  classOpened,
  enrolled,
  extendedTo,
  passedWithoutParts,
  plannedEndReached,
  resultRecorded,
  scheduler,
  school,
  vn,
} from './training-class.fixtures';
import { evolveTrainingClass, initialTrainingClassState } from './training-class.state';

const enrol = (candidateId: string): TrainingClassCommandOf<'EnrolCandidate'> => ({
  type: 'EnrolCandidate',
  classId: CLASS_ID,
  candidateId,
  actor: school,
});
const extend = (plannedEnd: string): TrainingClassCommandOf<'ExtendClass'> => ({
  type: 'ExtendClass',
  classId: CLASS_ID,
  plannedEnd,
  actor: school,
});
const history = (events: TrainingClassEvent[]) => given(initialTrainingClassState, evolveTrainingClass, events);

// The class runs 2026-01-01 → 2026-07-01 (Vietnam), allowed 6–8 months.
describe('Enrolling a candidate in a class', () => {
  it('records the enrolment while the class runs', () => {
    expect(history([classOpened()]).when(decideTrainingClass, enrol('cand-1'), at('2026-01-05'))).toEqual({
      kind: 'accepted',
      events: [enrolled('cand-1')],
    });
  });

  it('needs an opened class', () => {
    expect(history([]).when(decideTrainingClass, enrol('cand-1'), at('2026-01-05'))).toMatchObject({
      kind: 'rejected',
      error: { code: 'CLASS_NOT_OPENED' },
    });
  });

  it('enrols a candidate once', () => {
    expect(history([classOpened(), enrolled('cand-1')]).when(decideTrainingClass, enrol('cand-1'), at('2026-01-05'))).toMatchObject({
      kind: 'rejected',
      error: { code: 'ALREADY_ENROLLED', details: { candidateId: 'cand-1' } },
    });
  });

  it.each<[string, TrainingClassEvent[], Date, string]>([
    ['at its planned end', [classOpened()], at('2026-07-01'), 'CLASS_ENDED'],
    ['once the planned end was marked reached', [classOpened(), plannedEndReached(vn('2026-07-01'))], at('2026-06-01'), 'CLASS_ENDED'],
    ['once closed', [classOpened(), closed], at('2026-01-05'), 'CLASS_CLOSED'],
  ])('is refused %s', (_, events, now, code) => {
    expect(history(events).when(decideTrainingClass, enrol('cand-9'), now)).toMatchObject({
      kind: 'rejected',
      error: { code },
    });
  });

  it('is refused to an auditor', () => {
    expect(history([classOpened()]).when(decideTrainingClass, { ...enrol('cand-1'), actor: auditor }, at('2026-01-05'))).toMatchObject({
      kind: 'rejected',
      error: { code: 'ROLE_NOT_ALLOWED' },
    });
  });
});

describe('Extending a class', () => {
  const now = at('2026-06-15');

  it('moves the planned end later, up to the maximum length', () => {
    expect(history([classOpened()]).when(decideTrainingClass, extend(vn('2026-09-01')), now)).toEqual({
      kind: 'accepted',
      events: [extendedTo(vn('2026-07-01'), vn('2026-09-01'))],
    });
  });

  it('is refused beyond 8 months from the start', () => {
    const plannedEnd = vn('2026-09-02');
    expect(history([classOpened()]).when(decideTrainingClass, extend(plannedEnd), now)).toEqual({
      kind: 'rejected',
      error: {
        code: 'EXTENSION_BEYOND_LIMIT',
        message: expect.any(String),
        details: { currentPlannedEnd: vn('2026-07-01'), latestAllowed: vn('2026-09-01'), requested: plannedEnd },
      },
    });
  });

  it.each([
    ['to the same planned end', vn('2026-07-01')],
    ['to an earlier planned end', vn('2026-06-20')],
  ])('is refused %s', (_, plannedEnd) => {
    expect(history([classOpened()]).when(decideTrainingClass, extend(plannedEnd), now)).toMatchObject({
      kind: 'rejected',
      error: { code: 'EXTENSION_NOT_LATER', details: { currentPlannedEnd: vn('2026-07-01'), requested: plannedEnd } },
    });
  });

  it('measures the limit from the start, not from the previous extension', () => {
    const events = [classOpened(), extendedTo(vn('2026-07-01'), vn('2026-08-01'))];
    expect(history(events).when(decideTrainingClass, extend(vn('2026-09-15')), now)).toMatchObject({
      error: { code: 'EXTENSION_BEYOND_LIMIT', details: { currentPlannedEnd: vn('2026-08-01') } },
    });
  });

  it('is possible after the planned end was marked reached, reopening the class', () => {
    const state = history([classOpened(), plannedEndReached(vn('2026-07-01')), extendedTo(vn('2026-07-01'), vn('2026-08-01'))]).state;
    expect(state).toMatchObject({ status: 'open', plannedEnd: vn('2026-08-01'), deadlineVersion: 2 });
  });

  it('is refused for a class not opened, or closed', () => {
    expect(history([]).when(decideTrainingClass, extend(vn('2026-08-01')), now)).toMatchObject({
      error: { code: 'CLASS_NOT_OPENED' },
    });
    const done = [classOpened(), enrolled('cand-1'), resultRecorded('cand-1', passedWithoutParts), closed];
    expect(history(done).when(decideTrainingClass, extend(vn('2026-08-01')), now)).toMatchObject({
      error: { code: 'CLASS_CLOSED' },
    });
  });

  it('is refused to an auditor and to the scheduler', () => {
    for (const actor of [auditor, scheduler]) {
      expect(history([classOpened()]).when(decideTrainingClass, { ...extend(vn('2026-08-01')), actor }, now)).toMatchObject({
        error: { code: 'ROLE_NOT_ALLOWED' },
      });
    }
  });
});
