import { boardCandidates, boardCounts, pipelineBoardProjection } from '@app/read-models';
import { applicantIn, application, candidateIn, lucNamBoard, province, secondApplication, trainedCandidate } from './journeys';
import { ReadModelFixture } from './read-model-fixture';

const DAY = 86_400_000;

describe('the pipeline board read model', () => {
  let fixture: ReadModelFixture;

  beforeEach(async () => {
    fixture = new ReadModelFixture([pipelineBoardProjection]);
    await fixture.start();
  });
  afterEach(() => fixture.close());

  it('shows each candidate in their step since the step began, with days counted at query time', async () => {
    await applicantIn(fixture, application, '2026-03-02T02:00:00.000Z', 'selected');
    await applicantIn(fixture, secondApplication, '2026-03-03T02:00:00.000Z', 'not-selected');
    await fixture.caughtUp();

    const t = fixture.tables(pipelineBoardProjection);
    const now = new Date(Date.parse('2026-03-25T02:00:00.000Z') + 10.5 * DAY);
    const { items, total } = boardCandidates(fixture.db, t, {}, now);
    expect(total).toBe(2);
    expect(items).toEqual([
      expect.objectContaining({
        candidateId: 'candidate-2',
        fullName: 'Đỗ Văn Bình',
        districtCode: '218',
        communeName: 'Xã Đông Hưng',
        step: 'selection',
        status: 'exited',
        exitReason: 'failed-selection',
        enteredStepAt: '2026-03-03T02:00:00.000Z',
        daysInStep: 22,
      }),
      expect.objectContaining({
        candidateId: 'candidate-1',
        fullName: 'Nguyễn Thị Hương Giang',
        communeName: 'Xã Ngọc Vân',
        step: 'training',
        status: 'active',
        exitReason: null,
        enteredStepAt: '2026-03-25T02:00:00.000Z',
        daysInStep: 10,
        definition: { id: 'bac-giang-graduate', version: 1 },
      }),
    ]);
    expect(
      boardCandidates(fixture.db, t, { district: '216', step: 'training', status: 'active' }, now).items.map((c) => c.candidateId),
    ).toEqual(['candidate-1']);
    expect(boardCandidates(fixture.db, t, { roundId: 'round-2026' }, now, { offset: 1, limit: 1 })).toMatchObject({
      total: 2,
      items: [{ candidateId: 'candidate-1' }],
    });
    expect(boardCounts(fixture.db, t, {}, now)).toEqual([
      {
        roundId: 'round-2026',
        districtCode: '216',
        communeCode: '07351',
        communeName: 'Xã Ngọc Vân',
        step: 'training',
        status: 'active',
        candidates: 1,
        maxDaysInStep: 10,
      },
      {
        roundId: 'round-2026',
        districtCode: '218',
        communeCode: '07450',
        communeName: 'Xã Đông Hưng',
        step: 'selection',
        status: 'exited',
        candidates: 1,
        maxDaysInStep: 22,
      },
    ]);
  });

  it('puts a candidate back in their step when an exit is reversed', async () => {
    const giang = candidateIn(fixture);
    await giang.run(application, '2026-03-02T02:00:00.000Z');
    await giang.run({ type: 'ExitCandidate', actor: province, reason: 'illness', note: 'Ốm dài ngày' }, '2026-03-10T02:00:00.000Z');
    await fixture.caughtUp();
    const t = fixture.tables(pipelineBoardProjection);
    const now = new Date('2026-04-01T02:00:00.000Z');
    expect(boardCandidates(fixture.db, t, {}, now).items[0]).toMatchObject({ status: 'exited', exitReason: 'illness', daysInStep: 8 });
    await giang.run({ type: 'ReverseExit', actor: province, reason: 'Đã khỏi bệnh' }, '2026-03-20T02:00:00.000Z');
    await fixture.caughtUp();
    expect(boardCandidates(fixture.db, t, {}, now).items[0]).toMatchObject({
      status: 'active',
      exitReason: null,
      step: 'selection',
      daysInStep: 30,
    });
  });

  it('shows a candidate to the district acting for them as well as to the district whose need it was', async () => {
    // Giang applied for Tân Yên's need (216); her practicum, then her offer, are in Lục Nam (218).
    const giang = candidateIn(fixture, trainedCandidate());
    await giang.run(
      { type: 'StartPracticum', actor: province, district: '218', department: 'Phòng Nội vụ', startsOn: '2026-11-02T01:00:00Z' },
      '2026-11-01T02:00:00.000Z',
    );
    await fixture.caughtUp();
    const t = fixture.tables(pipelineBoardProjection);
    const now = new Date('2027-03-01T02:00:00.000Z');
    const seenBy = (district: string) => boardCandidates(fixture.db, t, { district }, now).items.map((c) => c.actingDistrictCode);
    expect([seenBy('216'), seenBy('218'), seenBy('217')]).toEqual([['218'], ['218'], []]);
    expect(boardCounts(fixture.db, t, { district: '218' }, now)).toEqual([
      expect.objectContaining({ districtCode: '216', communeName: 'Xã Ngọc Vân', step: 'district-practicum', candidates: 1 }),
    ]);

    await giang.run(
      { type: 'EndPracticumPeriod', actor: { id: 'scheduler', role: 'system' }, deadlineId: 'candidate-1/practicum-end/1' },
      '2027-02-02T01:00:00.000Z',
    );
    await giang.run({ type: 'EvaluatePracticum', actor: lucNamBoard, satisfactory: true, comments: '' }, '2027-02-05T02:00:00.000Z');
    await fixture.caughtUp();
    // Waiting for an offer: the practicum district has no more part in it.
    expect([seenBy('216'), seenBy('218')]).toEqual([['216'], []]);

    await giang.run(
      {
        type: 'OfferPlacement',
        actor: province,
        commune: secondApplication.need.commune,
        title: application.need.title,
        placementKind: 'commune-civil-servant',
        openSlots: 1,
      },
      '2027-02-10T02:00:00.000Z',
    );
    await giang.run({ type: 'AcceptPlacement', actor: lucNamBoard }, '2027-02-12T02:00:00.000Z');
    await giang.run({ type: 'ExitCandidate', actor: province, reason: 'illness', note: 'Ốm dài ngày' }, '2027-02-20T02:00:00.000Z');
    await fixture.caughtUp();
    expect([seenBy('216'), seenBy('218')]).toEqual([['218'], ['218']]);
    expect(boardCandidates(fixture.db, t, { district: '218' }, now).items[0]).toMatchObject({ status: 'exited', districtCode: '216' });
  });
});
