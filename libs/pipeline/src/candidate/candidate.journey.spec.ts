import { candidateDeadlines } from './candidate.deadlines';
import { BAC_GIANG_GRADUATE_V1 } from '../definition/bac-giang-graduate.v1';
import {
  application,
  at,
  homeAffairs,
  journey,
  lucNamBoard,
  need,
  province,
  scheduler,
  tanYenBoard,
  trainedCandidate,
} from './candidate.test-fixtures';

describe('a graduate candidate on the Bắc Giang track', () => {
  it('is recorded with the need, the definition version and Vietnamese names intact, starting at selection', () => {
    const candidate = journey();
    const [applied] = candidate.run(application, at('2026-03-02T02:00:00Z'));
    expect(applied).toMatchObject({
      type: 'CandidateApplied',
      data: {
        fullName: 'Nguyễn Thị Hương Giang',
        commune: { name: 'Xã Ngọc Vân' },
        definition: { id: 'bac-giang-graduate', version: 1 },
        firstStep: { id: 'selection' },
      },
    });
    expect(candidate.state()).toMatchObject({ status: 'active', step: { id: 'selection' }, stage: { phase: 'applied' } });
  });

  it('moves to training once selected, and to the practicum once training is passed with every certificate', () => {
    const candidate = trainedCandidate();
    expect(candidate.events.map((event) => event.type)).toEqual([
      'CandidateApplied',
      'CandidateScored',
      'CandidateSelected',
      'CandidateAdvanced',
      'CandidateEnrolledInTraining',
      'CandidatePassedTraining',
      'CandidateAdvanced',
    ]);
    expect(candidate.state()).toMatchObject({ step: { id: 'district-practicum' }, stage: { phase: 'awaiting-allocation' } });
  });

  it('given the candidate finished training, when the practicum starts, then a practicum-end deadline is set three months out', () => {
    const candidate = trainedCandidate();
    const [started] = candidate.run(
      {
        type: 'StartPracticum',
        actor: province,
        district: '216',
        department: 'Phòng Nội vụ huyện Tân Yên',
        startsOn: '2026-11-02T01:00:00Z',
      },
      at('2026-11-01T02:00:00Z'),
    );
    expect(started).toMatchObject({ type: 'PracticumStarted', data: { endsOn: '2027-02-02T01:00:00.000Z' } });
    expect(candidateDeadlines(candidate.state(), BAC_GIANG_GRADUATE_V1)).toEqual([
      {
        id: 'candidate-1/practicum-end/1',
        kind: 'practicum-end',
        streamId: 'candidate-1',
        dueAt: '2027-02-02T01:00:00.000Z',
        reminders: [
          { daysBefore: 14, at: '2027-01-19T01:00:00.000Z' },
          { daysBefore: 3, at: '2027-01-30T01:00:00.000Z' },
        ],
      },
    ]);
  });

  it('refuses a practicum that is not exactly three months', () => {
    const candidate = trainedCandidate();
    const decision = candidate.decide(
      {
        type: 'StartPracticum',
        actor: province,
        district: '216',
        department: 'Phòng Nội vụ',
        startsOn: '2026-11-02T01:00:00Z',
        endsOn: '2027-03-02T01:00:00Z',
      },
      at('2026-11-01T02:00:00Z'),
    );
    expect(decision).toMatchObject({ kind: 'rejected', error: { code: 'PRACTICUM_LENGTH_OUT_OF_BOUNDS' } });
  });

  it('goes from practicum to commune, recruitment, trial and succession planning', () => {
    const candidate = trainedCandidate();
    candidate.run(
      {
        type: 'StartPracticum',
        actor: province,
        district: '216',
        department: 'Phòng Tài chính – Kế hoạch',
        startsOn: '2026-11-02T01:00:00Z',
      },
      at('2026-11-01T02:00:00Z'),
    );
    candidate.run({ type: 'EndPracticumPeriod', actor: scheduler, deadlineId: 'candidate-1/practicum-end/1' }, at('2027-02-02T01:00:00Z'));
    candidate.run(
      { type: 'EvaluatePracticum', actor: tanYenBoard, satisfactory: true, comments: 'Hoàn thành tốt nhiệm vụ' },
      at('2027-02-05T02:00:00Z'),
    );
    const [offered] = candidate.run(
      {
        type: 'OfferPlacement',
        actor: province,
        commune: need.commune,
        title: need.title,
        placementKind: 'commune-civil-servant',
        openSlots: 1,
      },
      at('2027-02-10T02:00:00Z'),
    );
    expect(offered).toMatchObject({ data: { acceptBy: '2027-02-25T02:00:00.000Z' } });
    candidate.run({ type: 'AcceptPlacement', actor: tanYenBoard }, at('2027-02-12T02:00:00Z'));
    candidate.run(
      { type: 'StartLabourContract', actor: tanYenBoard, contractNumber: 'HĐLĐ 15/2027', startsOn: '2027-03-01T01:00:00Z' },
      at('2027-02-20T02:00:00Z'),
    );
    const wrongTitle = candidate.decide(
      {
        type: 'RecordRecruitmentDecision',
        actor: homeAffairs,
        title: 'office-statistics',
        decision: { number: '120/QĐ-SNV', date: '2027-03-15', issuer: 'Sở Nội vụ' },
      },
      at('2027-03-15T02:00:00Z'),
    );
    expect(wrongTitle).toMatchObject({ kind: 'rejected', error: { code: 'TITLE_MISMATCH' } });
    candidate.run(
      {
        type: 'RecordRecruitmentDecision',
        actor: homeAffairs,
        title: need.title,
        decision: { number: '120/QĐ-SNV', date: '2027-03-15', issuer: 'Sở Nội vụ' },
      },
      at('2027-03-15T02:00:00Z'),
    );
    const [trial] = candidate.run(
      { type: 'StartTrial', actor: tanYenBoard, tasks: ['Phụ trách kế toán ngân sách xã'], startsOn: '2027-04-01T01:00:00Z' },
      at('2027-03-20T02:00:00Z'),
    );
    expect(trial).toMatchObject({ data: { endsOn: '2028-04-01T01:00:00.000Z' } });
    const early = candidate.decide(
      { type: 'EndTrialPeriod', actor: scheduler, deadlineId: 'candidate-1/trial-end/3' },
      at('2028-03-01T01:00:00Z'),
    );
    expect(early).toMatchObject({ kind: 'rejected', error: { code: 'DEADLINE_NOT_YET_DUE' } });
    candidate.run({ type: 'EndTrialPeriod', actor: scheduler, deadlineId: 'candidate-1/trial-end/3' }, at('2028-04-01T01:00:00Z'));
    candidate.run({ type: 'EvaluateTrial', actor: tanYenBoard, passed: true, comments: 'Đạt yêu cầu' }, at('2028-04-05T02:00:00Z'));
    candidate.run(
      { type: 'AddToSuccessionPlanning', actor: province, posts: ['commune-chairman', 'party-secretary'] },
      at('2028-05-01T02:00:00Z'),
    );
    expect(candidate.state()).toEqual({
      status: 'completed',
      application: expect.any(Object),
      placement: 'commune-civil-servant',
      placedIn: expect.objectContaining({ commune: need.commune, title: need.title }),
      recruitment: { number: '120/QĐ-SNV', date: '2027-03-15', issuer: 'Sở Nội vụ' },
      planning: ['commune-chairman', 'party-secretary'],
    });
    // After placement a person can still leave, and the reports count it.
    const [left] = candidate.run(
      { type: 'ExitCandidate', actor: tanYenBoard, reason: 'transferred', note: 'Chuyển công tác lên huyện' },
      at('2029-01-10T02:00:00Z'),
    );
    expect(left).toEqual({
      type: 'CandidateExited',
      data: { reason: 'transferred', stepId: 'completed', note: 'Chuyển công tác lên huyện' },
    });
    // Reversed, the person holds the post again: only if it has not been given to someone else since.
    const reversal = { type: 'ReverseExit', actor: province, reason: 'Nhập sai' } as const;
    expect(candidate.decide(reversal, at('2029-01-11T02:00:00Z'))).toMatchObject({ error: { code: 'NO_OPEN_SLOT' } });
    expect(candidate.decide({ ...reversal, openSlots: 1 }, at('2029-01-11T02:00:00Z')).kind).toBe('accepted');
  });

  it('keeps a district board to its own district', () => {
    const candidate = trainedCandidate();
    candidate.run(
      { type: 'StartPracticum', actor: province, district: '216', department: 'Phòng Nội vụ', startsOn: '2026-11-02T01:00:00Z' },
      at('2026-11-01T02:00:00Z'),
    );
    candidate.run({ type: 'EndPracticumPeriod', actor: scheduler, deadlineId: 'candidate-1/practicum-end/1' }, at('2027-02-02T01:00:00Z'));
    const decision = candidate.decide(
      { type: 'EvaluatePracticum', actor: lucNamBoard, satisfactory: true, comments: '' },
      at('2027-02-05T02:00:00Z'),
    );
    expect(decision).toMatchObject({ kind: 'rejected', error: { code: 'NOT_YOUR_DISTRICT' } });
  });

  it('refuses a placement in a commune with no open slot for the title', () => {
    const candidate = trainedCandidate();
    candidate.run(
      { type: 'StartPracticum', actor: province, district: '216', department: 'Phòng Nội vụ', startsOn: '2026-11-02T01:00:00Z' },
      at('2026-11-01T02:00:00Z'),
    );
    candidate.run({ type: 'EndPracticumPeriod', actor: scheduler, deadlineId: 'candidate-1/practicum-end/1' }, at('2027-02-02T01:00:00Z'));
    candidate.run({ type: 'EvaluatePracticum', actor: tanYenBoard, satisfactory: true, comments: '' }, at('2027-02-05T02:00:00Z'));
    const decision = candidate.decide(
      {
        type: 'OfferPlacement',
        actor: province,
        commune: need.commune,
        title: need.title,
        placementKind: 'commune-civil-servant',
        openSlots: 0,
      },
      at('2027-02-10T02:00:00Z'),
    );
    expect(decision).toMatchObject({ kind: 'rejected', error: { code: 'NO_OPEN_SLOT' } });
  });
});
