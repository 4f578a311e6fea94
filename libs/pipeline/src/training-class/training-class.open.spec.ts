import { given } from '../shared/specification';
import { decideTrainingClass } from './training-class.decide';
import { FOUR_PARTS, at, auditor, classOpened, openClass, provinceBoard, scheduler, vn, CLASS_NAME } from './training-class.fixtures';
import { evolveTrainingClass, initialTrainingClassState } from './training-class.state';

const now = at('2025-12-15');
const open = (overrides: Parameters<typeof openClass>[0] = {}) =>
  given(initialTrainingClassState, evolveTrainingClass, []).when(decideTrainingClass, openClass(overrides), now);

describe('Opening a training class at the provincial Political School', () => {
  it('records the class with its Vietnamese name intact and the training step rules it runs under', () => {
    expect(open()).toEqual({ kind: 'accepted', events: [classOpened()] });
    expect(open()).toMatchObject({ events: [{ data: { name: 'Lớp tạo nguồn khóa I năm 2026' } }] });
  });

  it('stores a name typed in decomposed Unicode as NFC, diacritics kept', () => {
    const decision = open({ name: CLASS_NAME.normalize('NFD') });
    expect(decision).toMatchObject({ kind: 'accepted', events: [{ data: { name: CLASS_NAME } }] });
  });

  it('opens a class once', () => {
    const decision = given(initialTrainingClassState, evolveTrainingClass, [classOpened()]).when(decideTrainingClass, openClass(), now);
    expect(decision).toMatchObject({ kind: 'rejected', error: { code: 'CLASS_ALREADY_OPENED' } });
  });

  it.each([auditor, provinceBoard, scheduler])('is refused to the $role role', (actor) => {
    expect(open({ actor })).toMatchObject({ kind: 'rejected', error: { code: 'ROLE_NOT_ALLOWED', details: { role: actor.role } } });
  });

  it('needs a name and valid instants', () => {
    expect(open({ name: '   ' })).toMatchObject({ kind: 'rejected', error: { code: 'CLASS_NAME_REQUIRED' } });
    expect(open({ plannedEnd: 'mid-July' })).toMatchObject({
      kind: 'rejected',
      error: { code: 'INVALID_FIELD', details: { field: 'plannedEnd' } },
    });
    expect(open({ duration: { minMonths: 8, maxMonths: 6 } })).toMatchObject({
      kind: 'rejected',
      error: { code: 'INVALID_FIELD', details: { field: 'duration' } },
    });
    expect(open({ reminderDaysBefore: [-5] })).toMatchObject({
      kind: 'rejected',
      error: { code: 'INVALID_FIELD', details: { field: 'reminderDaysBefore' } },
    });
  });
});

describe("Bắc Giang's 6–8 month training", () => {
  const startsOn = vn('2026-01-01');

  it.each([
    ['6 months', '2026-07-01'],
    ['8 months', '2026-09-01'],
  ])('accepts %s', (_, end) => {
    expect(open({ startsOn, plannedEnd: vn(end) })).toMatchObject({ kind: 'accepted' });
  });

  it.each([
    ['5 months 29 days', '2026-06-30'],
    ['8 months 1 day', '2026-09-02'],
  ])('rejects %s, giving the allowed range', (_, end) => {
    expect(open({ startsOn, plannedEnd: vn(end) })).toEqual({
      kind: 'rejected',
      error: {
        code: 'TRAINING_LENGTH_OUT_OF_BOUNDS',
        message: expect.stringContaining('6–8 calendar months'),
        details: {
          minMonths: 6,
          maxMonths: 8,
          earliestEnd: vn('2026-07-01'),
          latestEnd: vn('2026-09-01'),
          plannedEnd: vn(end),
        },
      },
    });
  });

  it('counts months from the 31st in Vietnam time: 31 January plus 6 months is 31 July', () => {
    // 2026-01-31 00:00 in Vietnam is still 30 January in UTC.
    const from31st = vn('2026-01-31');
    expect(open({ startsOn: from31st, plannedEnd: vn('2026-07-31') })).toMatchObject({ kind: 'accepted' });
    expect(open({ startsOn: from31st, plannedEnd: vn('2026-07-30') })).toMatchObject({
      kind: 'rejected',
      error: { code: 'TRAINING_LENGTH_OUT_OF_BOUNDS' },
    });
  });

  it('lets a class starting on 31 August end on the last day of February', () => {
    // A UTC calculation would put the earliest end on 1 March in Vietnam and refuse this.
    const decision = open({ startsOn: vn('2025-08-31'), plannedEnd: vn('2026-02-28') });
    expect(decision).toMatchObject({ kind: 'accepted' });
    expect(open({ startsOn: vn('2025-08-31'), plannedEnd: vn('2026-02-27') })).toMatchObject({
      kind: 'rejected',
      error: { code: 'TRAINING_LENGTH_OUT_OF_BOUNDS', details: { earliestEnd: vn('2026-02-28') } },
    });
  });
});

describe('Another programme: exactly 18 months in four parts', () => {
  const eighteen = { duration: { minMonths: 18, maxMonths: 18 }, parts: FOUR_PARTS, startsOn: vn('2026-03-01') };

  it('accepts an 18-month class and keeps its four parts', () => {
    const decision = open({ ...eighteen, plannedEnd: vn('2027-09-01') });
    expect(decision).toEqual({ kind: 'accepted', events: [classOpened({ ...eighteen, plannedEnd: vn('2027-09-01') })] });
  });

  it('rejects 17 months', () => {
    expect(open({ ...eighteen, plannedEnd: vn('2027-08-01') })).toMatchObject({
      kind: 'rejected',
      error: { code: 'TRAINING_LENGTH_OUT_OF_BOUNDS', details: { minMonths: 18, maxMonths: 18 } },
    });
  });
});
