import { BAC_GIANG_GRADUATE_V1 } from '../definition/bac-giang-graduate.v1';
import { seatHeld } from './candidate-seat';
import { candidateDeadlines } from './candidate.deadlines';
import {
  application,
  at,
  candidateInPracticum,
  need,
  offeredCandidate,
  province,
  scheduler,
  school,
  scoredCandidate,
  selectedCandidate,
  tanYenBoard,
} from './candidate.test-fixtures';

describe('exits', () => {
  it('records a failed selection as an exit with the rank, and refuses to advance the candidate after it', () => {
    const candidate = scoredCandidate({ test: 30, academic: 40, interview: 35 });
    const [exited] = candidate.run(
      { type: 'RecordSelectionOutcome', actor: province, outcome: 'not-selected', rank: 9, total: 34.5 },
      at('2026-03-25T02:00:00Z'),
    );
    expect(exited).toMatchObject({ type: 'CandidateExited', data: { reason: 'failed-selection', stepId: 'selection' } });
    const decision = candidate.decide(
      { type: 'EnrolInTraining', actor: school, classId: 'c', startsOn: '2026-04-01T01:00:00Z', plannedEnd: '2026-10-31T01:00:00Z' },
      at('2026-03-28T02:00:00Z'),
    );
    expect(decision).toMatchObject({ kind: 'rejected', error: { code: 'CANDIDATE_EXITED' } });
  });

  it('records training failures and drop-outs from the Political School as exits', () => {
    for (const [result, reason] of [
      ['failed', 'failed-training'],
      ['dropped-out', 'dropped-out-of-training'],
    ] as const) {
      const candidate = selectedCandidate();
      candidate.run(
        {
          type: 'EnrolInTraining',
          actor: school,
          classId: 'class-1',
          startsOn: '2026-04-01T01:00:00Z',
          plannedEnd: '2026-10-31T10:00:00Z',
        },
        at('2026-03-28T02:00:00Z'),
      );
      const [exited] = candidate.run(
        { type: 'RecordTrainingResult', actor: school, classId: 'class-1', result, note: 'Ốm dài ngày' },
        at('2026-06-01T02:00:00Z'),
      );
      expect(exited).toMatchObject({ type: 'CandidateExited', data: { reason, stepId: 'training', note: 'Ốm dài ngày' } });
    }
  });

  it('takes a reason only where it fits the step and the definition allows it', () => {
    const candidate = candidateInPracticum();
    expect(
      candidate.decide({ type: 'ExitCandidate', actor: province, reason: 'failed-trial', note: '' }, at('2026-12-01T02:00:00Z')),
    ).toMatchObject({ error: { code: 'EXIT_REASON_NOT_FOR_STEP' } });
    expect(
      candidate.decide({ type: 'ExitCandidate', actor: province, reason: 'eloped' as never, note: '' }, at('2026-12-01T02:00:00Z')),
    ).toMatchObject({ error: { code: 'INVALID_FIELD' } });
    expect(
      candidate.decide({ type: 'ExitCandidate', actor: school, reason: 'illness', note: '' }, at('2026-12-01T02:00:00Z')),
    ).toMatchObject({ error: { code: 'ROLE_NOT_ALLOWED' } });
    expect(
      candidate.decide({ type: 'ExitCandidate', actor: tanYenBoard, reason: 'illness', note: 'Nghỉ ốm' }, at('2026-12-01T02:00:00Z')).kind,
    ).toBe('accepted');
  });

  it('given the candidate exited during the practicum, its deadline disappears and the late timer is ignored with a reason', () => {
    const candidate = candidateInPracticum();
    expect(candidateDeadlines(candidate.state(), BAC_GIANG_GRADUATE_V1)).toHaveLength(1);
    candidate.run(
      { type: 'ExitCandidate', actor: province, reason: 'transferred', note: 'Chuyển công tác sang tỉnh khác' },
      at('2026-12-01T02:00:00Z'),
    );
    expect(candidateDeadlines(candidate.state(), BAC_GIANG_GRADUATE_V1)).toEqual([]);
    const fired = candidate.decide(
      { type: 'EndPracticumPeriod', actor: scheduler, deadlineId: 'candidate-1/practicum-end/1' },
      at('2027-02-02T01:00:00Z'),
    );
    expect(fired).toEqual({ kind: 'ignored', reason: expect.stringContaining('exited') });
  });

  it('lets only the province reverse an exit, with a stated reason, back to where the candidate was', () => {
    const candidate = candidateInPracticum();
    candidate.run({ type: 'ExitCandidate', actor: province, reason: 'illness', note: '' }, at('2026-12-01T02:00:00Z'));
    expect(candidate.decide({ type: 'ReverseExit', actor: tanYenBoard, reason: 'Đã khỏi bệnh' }, at('2026-12-20T02:00:00Z'))).toMatchObject(
      { error: { code: 'ROLE_NOT_ALLOWED' } },
    );
    expect(candidate.decide({ type: 'ReverseExit', actor: province, reason: '  ' }, at('2026-12-20T02:00:00Z'))).toMatchObject({
      error: { code: 'INVALID_FIELD' },
    });
    const [reversed] = candidate.run(
      { type: 'ReverseExit', actor: province, reason: 'Đã khỏi bệnh, trở lại thực tế' },
      at('2026-12-20T02:00:00Z'),
    );
    expect(reversed).toEqual({ type: 'CandidateExitReversed', data: { reason: 'Đã khỏi bệnh, trở lại thực tế' } });
    expect(candidate.state()).toMatchObject({ status: 'active', stage: { kind: 'practicum', phase: 'in-progress' } });
    expect(candidate.events.map((event) => event.type)).toContain('CandidateExited');
  });

  it('gives back the seat an offered candidate held only when it is still open', () => {
    const candidate = offeredCandidate();
    candidate.run({ type: 'ExitCandidate', actor: province, reason: 'illness', note: '' }, at('2027-02-12T02:00:00Z'));
    const reversal = { type: 'ReverseExit', actor: province, reason: 'Nhập nhầm hồ sơ' } as const;
    for (const openSlots of [undefined, 0]) {
      expect(candidate.decide({ ...reversal, openSlots }, at('2027-02-13T02:00:00Z'))).toMatchObject({
        kind: 'rejected',
        error: { code: 'NO_OPEN_SLOT', message: expect.stringContaining(need.commune.name) },
      });
    }
    candidate.run({ ...reversal, openSlots: 1 }, at('2027-02-13T02:00:00Z'));
    expect(seatHeld(candidate.state())).toEqual({ commune: need.commune, title: need.title });
  });

  it('ignores an acceptance-window timer made stale by a new offer, and records a lapse that is current', () => {
    const candidate = candidateInPracticum();
    candidate.run({ type: 'EndPracticumPeriod', actor: scheduler, deadlineId: 'candidate-1/practicum-end/1' }, at('2027-02-02T01:00:00Z'));
    candidate.run({ type: 'EvaluatePracticum', actor: tanYenBoard, satisfactory: true, comments: '' }, at('2027-02-05T02:00:00Z'));
    const offer = {
      type: 'OfferPlacement' as const,
      actor: province,
      commune: application.need.commune,
      title: application.need.title,
      placementKind: 'commune-civil-servant' as const,
      openSlots: 1,
    };
    candidate.run(offer, at('2027-02-10T02:00:00Z'));
    candidate.run(
      { type: 'LapseAcceptanceWindow', actor: scheduler, deadlineId: 'candidate-1/acceptance-window/2' },
      at('2027-02-25T02:00:00Z'),
    );
    expect(candidate.state()).toMatchObject({ stage: { phase: 'awaiting-offer' } });
    candidate.run(offer, at('2027-03-01T02:00:00Z'));
    expect(
      candidate.decide(
        { type: 'LapseAcceptanceWindow', actor: scheduler, deadlineId: 'candidate-1/acceptance-window/2' },
        at('2027-03-20T02:00:00Z'),
      ),
    ).toEqual({
      kind: 'ignored',
      reason: 'deadline candidate-1/acceptance-window/2 was replaced by candidate-1/acceptance-window/3',
    });
    expect(candidate.decide({ type: 'AcceptPlacement', actor: tanYenBoard }, at('2027-03-20T02:00:00Z'))).toMatchObject({
      error: { code: 'ACCEPTANCE_WINDOW_LAPSED' },
    });
    const [declined, exited] = candidate.run(
      { type: 'DeclinePlacement', actor: tanYenBoard, note: 'Không đồng ý' },
      at('2027-03-05T02:00:00Z'),
    );
    expect([declined.type, exited]).toEqual([
      'PlacementDeclined',
      { type: 'CandidateExited', data: { reason: 'declined-placement', stepId: 'commune-assignment', note: 'Không đồng ý' } },
    ]);
  });
});
