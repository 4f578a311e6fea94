import { BAC_GIANG_GRADUATE_V1 } from '../definition/bac-giang-graduate.v1';
import { given } from '../shared/specification';
import { decideCandidate } from './candidate.decide';
import { evolveCandidate, initialCandidateState } from './candidate.state';
import { application, at, auditor, lucNamBoard, need, province } from './candidate.test-fixtures';

const decide = (command: Parameters<typeof decideCandidate>[0], state: Parameters<typeof decideCandidate>[1], now: Date) =>
  decideCandidate(command, state, now, BAC_GIANG_GRADUATE_V1);
const now = at('2026-03-02T02:00:00Z');

describe('applying for a need', () => {
  it('names every eligibility rule the candidate fails', () => {
    const decision = given(initialCandidateState, evolveCandidate).when(
      decide,
      { ...application, education: { ...application.education, degree: 'college', studyMode: 'part-time', major: 'Công nghệ thông tin' } },
      now,
    );
    expect(decision).toEqual({
      kind: 'rejected',
      error: expect.objectContaining({
        code: 'CANDIDATE_INELIGIBLE',
        details: { failedRules: ['university-degree', 'full-time-programme', 'accepted-major'] },
      }),
    });
  });

  it('accepts a major written in another Unicode form or case, keeping the diacritics that distinguish majors', () => {
    const decomposed = { ...application, education: { ...application.education, major: 'KẾ TOÁN'.normalize('NFD') } };
    expect(given(initialCandidateState, evolveCandidate).when(decide, decomposed, now).kind).toBe('accepted');
    const stripped = { ...application, education: { ...application.education, major: 'Ke toan' } };
    expect(given(initialCandidateState, evolveCandidate).when(decide, stripped, now)).toMatchObject({
      error: { details: { failedRules: ['accepted-major'] } },
    });
  });

  it('takes applications only for approved needs, once per candidate, within the district board’s own district', () => {
    expect(
      given(initialCandidateState, evolveCandidate).when(decide, { ...application, need: { ...need, approved: false } }, now),
    ).toMatchObject({ error: { code: 'NEED_NOT_APPROVED' } });
    expect(given(initialCandidateState, evolveCandidate).when(decide, { ...application, actor: lucNamBoard }, now)).toMatchObject({
      error: { code: 'NOT_YOUR_DISTRICT' },
    });
    expect(given(initialCandidateState, evolveCandidate).when(decide, { ...application, actor: province }, now).kind).toBe('accepted');
    const applied = given(initialCandidateState, evolveCandidate).when(decide, application, now);
    const again = given(initialCandidateState, evolveCandidate, applied.kind === 'accepted' ? applied.events : []).when(
      decide,
      application,
      now,
    );
    expect(again).toMatchObject({ error: { code: 'CANDIDATE_ALREADY_APPLIED' } });
  });

  it('requires the position held before, which the outcome reports count by', () => {
    const { priorPosition: _omitted, ...withoutPrior } = application;
    expect(given(initialCandidateState, evolveCandidate).when(decide, withoutPrior, now)).toMatchObject({
      error: { code: 'INVALID_FIELD', details: { field: 'priorPosition' } },
    });
  });

  it('never lets an auditor act', () => {
    expect(given(initialCandidateState, evolveCandidate).when(decide, { ...application, actor: auditor }, now)).toMatchObject({
      error: { code: 'ROLE_NOT_ALLOWED' },
    });
  });
});
