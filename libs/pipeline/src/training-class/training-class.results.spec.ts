import { given } from '../shared/specification';
import type { TrainingClassCommandOf } from './training-class.commands';
import { decideTrainingClass } from './training-class.decide';
import type { TrainingClassEvent, TrainingResult } from './training-class.events';
import {
  CLASS_ID,
  FOUR_PARTS,
  at,
  auditor,
  classClosed,
  classOpened,
  enrolled,
  failed,
  passedWithoutParts,
  plannedEndReached,
  resultRecorded,
  school,
  vn,
} from './training-class.fixtures';
import { evolveTrainingClass, initialTrainingClassState } from './training-class.state';

const now = at('2026-07-02');
const record = (candidateId: string, result: TrainingResult): TrainingClassCommandOf<'RecordResult'> => ({
  type: 'RecordResult',
  classId: CLASS_ID,
  candidateId,
  result,
  actor: school,
});
const closeClass: TrainingClassCommandOf<'CloseClass'> = { type: 'CloseClass', classId: CLASS_ID, actor: school };
const history = (events: TrainingClassEvent[]) => given(initialTrainingClassState, evolveTrainingClass, events);

const fourPartClass = [classOpened({ parts: FOUR_PARTS }), enrolled('cand-1')];
const diploma = { number: 'TC-2026-0001', issuedOn: '2026-07-05' };
const certificate = (partId: string) => ({ partId, number: `CC-${partId}` });
const passedWith = (partIds: string[]): TrainingResult => ({ outcome: 'passed', diploma, certificates: partIds.map(certificate) });

describe('Recording a training result', () => {
  it('records a pass with the diploma and one certificate per part', () => {
    const passed = passedWith(FOUR_PARTS.map((p) => p.id));
    expect(history(fourPartClass).when(decideTrainingClass, record('cand-1', passed), now)).toEqual({
      kind: 'accepted',
      events: [resultRecorded('cand-1', passed)],
    });
  });

  it('records a pass with no certificates when the class has no parts', () => {
    const events = [classOpened(), enrolled('cand-1')];
    expect(history(events).when(decideTrainingClass, record('cand-1', passedWithoutParts), now)).toMatchObject({ kind: 'accepted' });
  });

  it('names the parts a pass is missing certificates for', () => {
    const decision = history(fourPartClass).when(
      decideTrainingClass,
      record('cand-1', passedWith(['political-theory', 'defence-security'])),
      now,
    );
    expect(decision).toMatchObject({
      kind: 'rejected',
      error: { code: 'CERTIFICATES_INCOMPLETE', details: { missingPartIds: ['state-management', 'leadership-skills'] } },
    });
  });

  it('refuses a certificate for a part the class does not teach, or one given twice', () => {
    const all = FOUR_PARTS.map((p) => p.id);
    expect(history(fourPartClass).when(decideTrainingClass, record('cand-1', passedWith([...all, 'cooking'])), now)).toMatchObject({
      error: { code: 'UNKNOWN_PART', details: { partIds: ['cooking'] } },
    });
    expect(history(fourPartClass).when(decideTrainingClass, record('cand-1', passedWith([...all, 'political-theory'])), now)).toMatchObject(
      {
        error: { code: 'DUPLICATE_CERTIFICATE', details: { partIds: ['political-theory'] } },
      },
    );
  });

  it('needs a diploma for a pass and a reason for a failure or drop-out', () => {
    const events = [classOpened(), enrolled('cand-1')];
    const noDiploma: TrainingResult = { outcome: 'passed', diploma: { number: ' ', issuedOn: '2026-07-05' }, certificates: [] };
    expect(history(events).when(decideTrainingClass, record('cand-1', noDiploma), now)).toMatchObject({
      error: { code: 'DIPLOMA_REQUIRED' },
    });
    expect(history(events).when(decideTrainingClass, record('cand-1', { outcome: 'dropped-out', reason: '' }), now)).toMatchObject({
      error: { code: 'REASON_REQUIRED' },
    });
  });

  it('keeps a Vietnamese reason intact for failures and drop-outs', () => {
    const events = [classOpened(), enrolled('cand-1'), enrolled('cand-2')];
    const droppedOut: TrainingResult = { outcome: 'dropped-out', reason: 'Bỏ học vì lý do gia đình' };
    expect(history(events).when(decideTrainingClass, record('cand-1', failed), now)).toEqual({
      kind: 'accepted',
      events: [resultRecorded('cand-1', failed)],
    });
    expect(history(events).when(decideTrainingClass, record('cand-2', droppedOut), now)).toEqual({
      kind: 'accepted',
      events: [resultRecorded('cand-2', droppedOut)],
    });
  });

  it('records results only for enrolled candidates, once each', () => {
    expect(history([classOpened()]).when(decideTrainingClass, record('stranger', failed), now)).toMatchObject({
      error: { code: 'NOT_ENROLLED', details: { candidateId: 'stranger' } },
    });
    const events = [classOpened(), enrolled('cand-1'), resultRecorded('cand-1', failed)];
    expect(history(events).when(decideTrainingClass, record('cand-1', passedWithoutParts), now)).toMatchObject({
      error: { code: 'RESULT_ALREADY_RECORDED', details: { outcome: 'failed' } },
    });
  });

  it('is accepted after the planned end was reached, refused once closed or before opening', () => {
    const ended = [classOpened(), enrolled('cand-1'), plannedEndReached(vn('2026-07-01'))];
    expect(history(ended).when(decideTrainingClass, record('cand-1', failed), now)).toMatchObject({ kind: 'accepted' });
    expect(
      history([...ended, resultRecorded('cand-1', failed), classClosed]).when(decideTrainingClass, record('cand-1', failed), now),
    ).toMatchObject({
      error: { code: 'CLASS_CLOSED' },
    });
    expect(history([]).when(decideTrainingClass, record('cand-1', failed), now)).toMatchObject({ error: { code: 'CLASS_NOT_OPENED' } });
  });

  it('is refused to an auditor', () => {
    expect(history(fourPartClass).when(decideTrainingClass, { ...record('cand-1', failed), actor: auditor }, now)).toMatchObject({
      error: { code: 'ROLE_NOT_ALLOWED' },
    });
  });
});

describe('Closing a class', () => {
  it('closes once every enrolled candidate has a result', () => {
    const events = [
      classOpened(),
      enrolled('cand-1'),
      enrolled('cand-2'),
      resultRecorded('cand-1', failed),
      resultRecorded('cand-2', passedWithoutParts),
    ];
    expect(history(events).when(decideTrainingClass, closeClass, now)).toEqual({ kind: 'accepted', events: [classClosed] });
  });

  it('lists the candidates still without a result', () => {
    const events = [classOpened(), enrolled('cand-1'), enrolled('cand-2'), enrolled('cand-3'), resultRecorded('cand-2', failed)];
    expect(history(events).when(decideTrainingClass, closeClass, now)).toMatchObject({
      kind: 'rejected',
      error: { code: 'RESULTS_MISSING', details: { candidateIds: ['cand-1', 'cand-3'] } },
    });
  });

  it('closes once only, and only an opened class', () => {
    expect(history([classOpened(), classClosed]).when(decideTrainingClass, closeClass, now)).toMatchObject({
      error: { code: 'CLASS_CLOSED' },
    });
    expect(history([]).when(decideTrainingClass, closeClass, now)).toMatchObject({ error: { code: 'CLASS_NOT_OPENED' } });
  });

  it('is refused to an auditor', () => {
    expect(history([classOpened()]).when(decideTrainingClass, { ...closeClass, actor: auditor }, now)).toMatchObject({
      error: { code: 'ROLE_NOT_ALLOWED' },
    });
  });
});
