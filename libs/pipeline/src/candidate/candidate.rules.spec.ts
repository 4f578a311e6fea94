import { BAC_GIANG_GRADUATE_V1 } from '../definition/bac-giang-graduate.v1';
import { candidateDeadlines } from './candidate.deadlines';
import {
  application,
  at,
  candidateInPracticum,
  journey,
  need,
  offeredCandidate,
  province,
  scheduler,
  school,
  scoredCandidate,
  selectedCandidate,
  tanYenBoard,
} from './candidate.test-fixtures';

const diploma = { number: 'TCLLCT-2026/0412', date: '2026-10-30', issuer: 'Trường Chính trị tỉnh Bắc Giang' };

describe('candidate rules', () => {
  it('starts a candidate only under the definition version its round runs', () => {
    const candidate = journey();
    const decision = candidate.decide(
      { ...application, need: { ...need, definition: { id: 'bac-giang-graduate', version: 2 } } },
      at('2026-03-02T02:00:00Z'),
    );
    expect(decision).toMatchObject({ kind: 'rejected', error: { code: 'DEFINITION_MISMATCH' } });
  });

  it('stores names, majors and notes in NFC whatever form they were typed in', () => {
    const candidate = journey();
    const [applied] = candidate.run(
      {
        ...application,
        fullName: ' Nguyễn Thị Hương Giang '.normalize('NFD'),
        education: { ...application.education, major: 'Kế toán'.normalize('NFD') },
      },
      at('2026-03-02T02:00:00Z'),
    );
    expect(applied).toMatchObject({ data: { fullName: 'Nguyễn Thị Hương Giang', education: { major: 'Kế toán' } } });
  });

  it('records a withdrawal during selection as an exit, not a failure', () => {
    const candidate = scoredCandidate({ test: 90, academic: 90, interview: 90 });
    const [exited] = candidate.run(
      { type: 'RecordSelectionOutcome', actor: province, outcome: 'withdrew', rank: 1, total: 90 },
      at('2026-03-25T02:00:00Z'),
    );
    expect(exited).toMatchObject({ type: 'CandidateExited', data: { reason: 'withdrew', stepId: 'selection' } });
  });

  it('enrols only for a planned length within the definition’s 6 to 8 months', () => {
    const enrol = (plannedEnd: string) =>
      selectedCandidate().decide(
        { type: 'EnrolInTraining', actor: school, classId: 'class-1', startsOn: '2026-04-01T01:00:00Z', plannedEnd },
        at('2026-03-28T02:00:00Z'),
      );
    expect(enrol('2026-10-01T01:00:00Z').kind).toBe('accepted');
    expect(enrol('2026-12-01T01:00:00Z').kind).toBe('accepted');
    expect(enrol('2026-09-30T01:00:00Z')).toMatchObject({
      error: { code: 'TRAINING_LENGTH_OUT_OF_BOUNDS', details: { minMonths: 6, maxMonths: 8 } },
    });
    expect(enrol('2026-12-02T01:00:00Z')).toMatchObject({ error: { code: 'TRAINING_LENGTH_OUT_OF_BOUNDS' } });
  });

  it('passes training only with the diploma and one certificate per part', () => {
    const candidate = selectedCandidate();
    candidate.run(
      { type: 'EnrolInTraining', actor: school, classId: 'class-1', startsOn: '2026-04-01T01:00:00Z', plannedEnd: '2026-10-31T10:00:00Z' },
      at('2026-03-28T02:00:00Z'),
    );
    const pass = (overrides: object) =>
      candidate.decide(
        {
          type: 'RecordTrainingResult',
          actor: school,
          classId: 'class-1',
          result: 'passed',
          diploma,
          certificates: [
            { partId: 'political-theory', number: '1' },
            { partId: 'commune-skills', number: '2' },
          ],
          ...overrides,
        },
        at('2026-10-31T10:00:00Z'),
      );
    expect(pass({ diploma: { ...diploma, number: ' ' } })).toMatchObject({ error: { code: 'DIPLOMA_REQUIRED' } });
    expect(
      pass({
        certificates: [
          { partId: 'political-theory', number: '1' },
          { partId: 'cooking', number: '2' },
        ],
      }),
    ).toMatchObject({ error: { code: 'UNKNOWN_PART', details: { unknownPartIds: ['cooking'] } } });
    expect(
      pass({
        certificates: [
          { partId: 'political-theory', number: '1' },
          { partId: 'political-theory', number: '2' },
        ],
      }),
    ).toMatchObject({ error: { code: 'DUPLICATE_CERTIFICATE' } });
    expect(pass({ classId: 'class-2' })).toMatchObject({ error: { code: 'NOT_IN_THIS_CLASS' } });
    expect(
      candidate.decide(
        { type: 'RecordTrainingResult', actor: school, classId: 'class-1', result: 'failed', note: '' },
        at('2026-10-31T10:00:00Z'),
      ),
    ).toMatchObject({ error: { code: 'REASON_REQUIRED' } });
    expect(pass({}).kind).toBe('accepted');
  });

  it('offers a placement only for the title the need was registered for', () => {
    const candidate = candidateInPracticum();
    candidate.run({ type: 'EndPracticumPeriod', actor: scheduler, deadlineId: 'candidate-1/practicum-end/1' }, at('2027-02-02T01:00:00Z'));
    candidate.run({ type: 'EvaluatePracticum', actor: tanYenBoard, satisfactory: true, comments: '' }, at('2027-02-05T02:00:00Z'));
    const decision = candidate.decide(
      {
        type: 'OfferPlacement',
        actor: province,
        commune: need.commune,
        title: 'office-statistics',
        placementKind: 'commune-civil-servant',
        openSlots: 3,
      },
      at('2027-02-10T02:00:00Z'),
    );
    expect(decision).toMatchObject({ error: { code: 'TITLE_MISMATCH' } });
  });

  it('closes the acceptance window at acceptBy: an answer then is too late and the lapse is due', () => {
    const candidate = offeredCandidate();
    const acceptBy = at('2027-02-25T02:00:00Z');
    expect(candidate.decide({ type: 'AcceptPlacement', actor: tanYenBoard }, new Date(acceptBy.getTime() - 1)).kind).toBe('accepted');
    expect(candidate.decide({ type: 'AcceptPlacement', actor: tanYenBoard }, acceptBy)).toMatchObject({
      error: { code: 'ACCEPTANCE_WINDOW_LAPSED' },
    });
    expect(
      candidate.decide({ type: 'LapseAcceptanceWindow', actor: scheduler, deadlineId: 'candidate-1/acceptance-window/2' }, acceptBy).kind,
    ).toBe('accepted');
    expect(
      candidate.decide({ type: 'LapseAcceptanceWindow', actor: province, deadlineId: 'candidate-1/acceptance-window/2' }, acceptBy),
    ).toMatchObject({ error: { code: 'ROLE_NOT_ALLOWED' } });
  });

  it('resumes a reversed exit under a fresh deadline id, so a timer ignored meanwhile is scheduled again', () => {
    const candidate = candidateInPracticum();
    candidate.run({ type: 'ExitCandidate', actor: province, reason: 'illness', note: '' }, at('2026-12-01T02:00:00Z'));
    expect(
      candidate.decide(
        { type: 'EndPracticumPeriod', actor: scheduler, deadlineId: 'candidate-1/practicum-end/1' },
        at('2027-02-02T01:00:00Z'),
      ).kind,
    ).toBe('ignored');
    candidate.run({ type: 'ReverseExit', actor: province, reason: 'Đã khỏi bệnh' }, at('2027-02-10T02:00:00Z'));
    const [deadline] = candidateDeadlines(candidate.state(), BAC_GIANG_GRADUATE_V1);
    expect(deadline).toMatchObject({ id: 'candidate-1/practicum-end/2', dueAt: '2027-02-02T01:00:00.000Z' });
    expect(
      candidate.decide(
        { type: 'EndPracticumPeriod', actor: scheduler, deadlineId: 'candidate-1/practicum-end/1' },
        at('2027-02-10T02:00:00Z'),
      ).kind,
    ).toBe('ignored');
    expect(
      candidate.decide({ type: 'EndPracticumPeriod', actor: scheduler, deadlineId: deadline.id }, at('2027-02-10T02:00:00Z')).kind,
    ).toBe('accepted');
  });

  it('records a failed trial as an exit', () => {
    const candidate = offeredCandidate();
    candidate.run({ type: 'AcceptPlacement', actor: tanYenBoard }, at('2027-02-12T02:00:00Z'));
    candidate.run(
      { type: 'StartLabourContract', actor: tanYenBoard, contractNumber: 'HĐLĐ 15/2027', startsOn: '2027-03-01T01:00:00Z' },
      at('2027-02-20T02:00:00Z'),
    );
    candidate.run(
      {
        type: 'RecordRecruitmentDecision',
        actor: { id: 'snv', role: 'home-affairs' },
        title: need.title,
        decision: { number: '1/QĐ', date: '2027-03-15', issuer: 'Sở Nội vụ' },
      },
      at('2027-03-15T02:00:00Z'),
    );
    candidate.run(
      { type: 'StartTrial', actor: tanYenBoard, tasks: ['Kế toán ngân sách'], startsOn: '2027-04-01T01:00:00Z' },
      at('2027-03-20T02:00:00Z'),
    );
    candidate.run({ type: 'EndTrialPeriod', actor: scheduler, deadlineId: 'candidate-1/trial-end/3' }, at('2028-04-01T01:00:00Z'));
    const [, exited] = candidate.run(
      { type: 'EvaluateTrial', actor: tanYenBoard, passed: false, comments: 'Chưa đạt yêu cầu' },
      at('2028-04-05T02:00:00Z'),
    );
    expect(exited).toEqual({
      type: 'CandidateExited',
      data: { reason: 'failed-trial', stepId: 'commune-assignment', note: 'Chưa đạt yêu cầu' },
    });
  });
});
