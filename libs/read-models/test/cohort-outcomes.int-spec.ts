import { cohortOutcomes, cohortOutcomesProjection, OUTCOME_CATEGORIES } from '@app/read-models';
import { classOpened } from '../../pipeline/src/training-class/training-class.fixtures';
import {
  application,
  candidateIn,
  offeredCandidate,
  province,
  secondApplication,
  sourceCadreGraduateIn,
  sourceCadreInPractice,
  traineeIn,
} from './journeys';
import { ReadModelFixture } from './read-model-fixture';

const school = { id: 'truong-chinh-tri', role: 'political-school' as const };
const tanYenBoard = { id: 'btc-tan-yen', role: 'district-board' as const, district: '216' };
const lucNamBoard = { id: 'btc-luc-nam', role: 'district-board' as const, district: '218' };

describe('the cohort outcome read model', () => {
  let fixture: ReadModelFixture;

  beforeAll(async () => {
    fixture = new ReadModelFixture([cohortOutcomesProjection]);
    await fixture.start();
    await fixture.append(
      'class-class-2026-1',
      [classOpened({ classId: 'class-2026-1', name: 'Lớp tạo nguồn khóa I năm 2026', roundId: 'round-2026' })],
      '2026-03-15T02:00:00.000Z',
      school,
    );
    // Tân Yên: Giang is placed as a commune civil servant; An, a part-time commune worker before, failed training.
    const giang = candidateIn(fixture, offeredCandidate());
    await giang.run({ type: 'AcceptPlacement', actor: tanYenBoard }, '2027-02-12T02:00:00.000Z');
    await traineeIn(
      fixture,
      { ...application, candidateId: 'candidate-3', fullName: 'Trần Văn An', priorPosition: 'commune-part-time-worker' },
      'class-2026-1',
      'failed',
    );
    // Lục Nam: Bình is in his practicum; Dũng declined the commune offered; Cường was never selected.
    const binh = await traineeIn(fixture, secondApplication, 'class-2026-1', 'passed');
    await binh.run(
      { type: 'StartPracticum', actor: province, district: '218', department: 'Phòng Nội vụ', startsOn: '2026-11-02T01:00:00Z' },
      '2026-11-01T02:00:00.000Z',
    );
    const dung = await traineeIn(
      fixture,
      { ...secondApplication, candidateId: 'candidate-5', fullName: 'Phạm Văn Dũng' },
      'class-2026-1',
      'passed',
    );
    await dung.run(
      { type: 'StartPracticum', actor: province, district: '218', department: 'Phòng Nội vụ', startsOn: '2026-11-02T01:00:00Z' },
      '2026-11-01T02:00:00.000Z',
    );
    const deadlineId = 'candidate-5/practicum-end/1';
    await dung.run({ type: 'EndPracticumPeriod', actor: { id: 'scheduler', role: 'system' }, deadlineId }, '2027-02-02T01:00:00.000Z');
    await dung.run({ type: 'EvaluatePracticum', actor: lucNamBoard, satisfactory: true, comments: '' }, '2027-02-05T02:00:00.000Z');
    await dung.run(
      {
        type: 'OfferPlacement',
        actor: province,
        commune: secondApplication.need.commune,
        title: 'justice-civil-status',
        placementKind: 'commune-civil-servant',
        openSlots: 1,
      },
      '2027-02-10T02:00:00.000Z',
    );
    await dung.run({ type: 'DeclinePlacement', actor: lucNamBoard, note: 'Không nhận công tác xa nhà' }, '2027-02-12T02:00:00.000Z');
    await candidateIn(fixture).run(
      { ...secondApplication, candidateId: 'candidate-6', fullName: 'Lê Văn Cường' },
      '2026-03-03T02:00:00.000Z',
    );
    // Tân Yên: Thảo, a commune civil servant, completed the 18-month source-cadre class, which places nobody.
    await fixture.append(
      'class-k18',
      [classOpened({ classId: 'k18', name: 'Lớp cán bộ nguồn 18 tháng', roundId: 'round-2026' })],
      '2026-01-15T02:00:00.000Z',
      school,
    );
    await sourceCadreGraduateIn(fixture, 'k18');
    // Her classmate is still practising: on the way, yet no more placeable than she is.
    await candidateIn(fixture, sourceCadreInPractice('216', 'k18', 'candidate-8')).flush('2027-08-02T02:00:00.000Z', province);
    await fixture.caughtUp();
  });
  afterAll(() => fixture.close());

  const report = (filter = {}) => cohortOutcomes(fixture.db, fixture.tables(cohortOutcomesProjection), filter);
  const only = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

  it('counts each class’s trainees per district by position before and outcome after, with the placement rate', () => {
    const rows = report();
    expect(rows.map((row) => ({ ...row, priorPositions: only(row.priorPositions), outcomes: only(row.outcomes) }))).toEqual([
      {
        classId: 'class-2026-1',
        className: 'Lớp tạo nguồn khóa I năm 2026',
        districtCode: '216',
        trainees: 2,
        trained: 1,
        placeable: 1,
        priorPositions: { 'none-graduate-source': 1, 'commune-part-time-worker': 1 },
        outcomes: { 'commune-civil-servant': 1, 'failed-training': 1 },
        placed: 1,
        placementRate: 1,
      },
      {
        classId: 'class-2026-1',
        className: 'Lớp tạo nguồn khóa I năm 2026',
        districtCode: '218',
        trainees: 2,
        trained: 2,
        placeable: 2,
        priorPositions: { 'none-graduate-source': 2 },
        outcomes: { 'declined-placement': 1, 'in-progress': 1 },
        placed: 0,
        placementRate: 0,
      },
      {
        classId: 'k18',
        className: 'Lớp cán bộ nguồn 18 tháng',
        districtCode: '216',
        trainees: 2,
        trained: 2,
        placeable: 0,
        priorPositions: { 'commune-civil-servant': 2 },
        outcomes: { 'completed-without-placement': 1, 'in-progress': 1 },
        placed: 0,
        placementRate: null,
      },
    ]);
    expect(Object.keys(rows[0].outcomes)).toEqual(Object.keys(OUTCOME_CATEGORIES));
  });

  it('groups by class or by district, and filters', () => {
    expect(report({ by: 'class' })).toMatchObject([
      { classId: 'class-2026-1', districtCode: null, trainees: 4, trained: 3, placed: 1, placementRate: 0.3333 },
      { classId: 'k18', districtCode: null, trainees: 2, trained: 2, placeable: 0, placed: 0, placementRate: null },
    ]);
    // Thảo's programme places nobody: she and her classmate count as trained, not against Tân Yên's placement rate.
    expect(report({ by: 'district' }).map((row) => [row.districtCode, row.classId, row.trainees, row.trained, row.placementRate])).toEqual([
      ['216', null, 4, 3, 1],
      ['218', null, 2, 2, 0],
    ]);
    expect(report({ district: '218', classId: 'class-2026-1' }).map((row) => row.districtCode)).toEqual(['218']);
    expect(report({ roundId: 'another-round' })).toEqual([]);
  });
});
