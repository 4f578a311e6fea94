import { candidateDistricts } from './candidate-districts';
import { initialCandidateState } from './candidate.state';
import {
  application,
  at,
  completeSourceCadrePractice,
  lucNamBoard,
  province,
  scheduler,
  sourceCadreInPractice,
  tanYenBoard,
  trainedCandidate,
} from './candidate.test-fixtures';

const dongHung = { code: '07450', name: 'Xã Đông Hưng', districtCode: '218' };

describe('the districts that see a candidate', () => {
  it('is nobody before the application, then the district of the need applied for', () => {
    expect(candidateDistricts(initialCandidateState)).toEqual([]);
    expect(candidateDistricts(trainedCandidate().state())).toEqual(['216']);
  });

  it('adds the district acting for the candidate: the practicum’s, then the offered commune’s; the applying district stays, after an exit too', () => {
    const giang = trainedCandidate();
    giang.run(
      { type: 'StartPracticum', actor: province, district: '218', department: 'Phòng Nội vụ', startsOn: '2026-11-02T01:00:00Z' },
      at('2026-11-01T02:00:00Z'),
    );
    expect(candidateDistricts(giang.state())).toEqual(['216', '218']);
    giang.run({ type: 'EndPracticumPeriod', actor: scheduler, deadlineId: 'candidate-1/practicum-end/1' }, at('2027-02-02T01:00:00Z'));
    giang.run({ type: 'EvaluatePracticum', actor: lucNamBoard, satisfactory: true, comments: '' }, at('2027-02-05T02:00:00Z'));
    // Awaiting an offer: back with the district whose need it was.
    expect(candidateDistricts(giang.state())).toEqual(['216']);
    const offer = {
      type: 'OfferPlacement' as const,
      actor: province,
      commune: dongHung,
      title: application.need.title,
      placementKind: 'commune-civil-servant' as const,
      openSlots: 1,
    };
    giang.run(offer, at('2027-02-10T02:00:00Z'));
    expect(candidateDistricts(giang.state())).toEqual(['216', '218']);
    giang.run({ type: 'AcceptPlacement', actor: lucNamBoard }, at('2027-02-16T02:00:00Z'));
    expect(candidateDistricts(giang.state())).toEqual(['216', '218']);
    giang.run({ type: 'ExitCandidate', actor: tanYenBoard, reason: 'illness', note: 'Ốm dài ngày' }, at('2027-02-20T02:00:00Z'));
    expect(candidateDistricts(giang.state())).toEqual(['216', '218']);
  });

  it('leaves only the applying district once a programme without placement is complete', () => {
    const thao = sourceCadreInPractice('218');
    expect(candidateDistricts(thao.state())).toEqual(['216', '218']);
    for (const [command, when] of completeSourceCadrePractice) thao.run(command, at(when));
    expect(thao.state().status).toBe('completed');
    expect(candidateDistricts(thao.state())).toEqual(['216']);
  });

  it('refuses another district board before looking at the candidate, so the refusal tells it nothing of their step', () => {
    const giang = trainedCandidate();
    const now = at('2026-11-05T02:00:00Z');
    const asked = [
      { type: 'EvaluatePracticum' as const, actor: lucNamBoard, satisfactory: true, comments: '' },
      { type: 'DeclinePlacement' as const, actor: lucNamBoard, note: '' },
      { type: 'ExitCandidate' as const, actor: lucNamBoard, reason: 'illness' as const, note: '' },
    ];
    for (const command of asked) {
      expect(giang.decide(command, now)).toMatchObject({
        kind: 'rejected',
        error: { code: 'NOT_YOUR_DISTRICT', details: { district: '216' } },
      });
    }
    // Tân Yên's own board gets the real reason.
    expect(giang.decide({ ...asked[1], actor: tanYenBoard }, now)).toMatchObject({ kind: 'rejected', error: { code: 'WRONG_STEP' } });
  });
});
