import { BAC_GIANG_GRADUATE_V1, type ProgrammeTarget } from '@app/pipeline';
import { programmeTarget, programmeTargetProjection } from '@app/read-models';
import { application, candidateIn, offeredCandidate, province, secondApplication, sourceCadreGraduateIn } from './journeys';
import { ReadModelFixture } from './read-model-fixture';

const tanYenBoard = { id: 'btc-tan-yen', role: 'district-board' as const, district: '216' };
const homeAffairs = { id: 'so-noi-vu', role: 'home-affairs' as const };
const scheduler = { id: 'scheduler', role: 'system' as const };

describe('the programme target read model', () => {
  let fixture: ReadModelFixture;
  let giang: ReturnType<typeof candidateIn>;

  beforeAll(async () => {
    fixture = new ReadModelFixture([programmeTargetProjection]);
    await fixture.start();
    // Giang goes all the way: placed, recruited, trial passed, added to succession planning on 10 April 2028.
    giang = candidateIn(fixture, offeredCandidate());
    await giang.run({ type: 'AcceptPlacement', actor: tanYenBoard }, '2027-02-12T02:00:00.000Z');
    await giang.run(
      { type: 'StartLabourContract', actor: tanYenBoard, contractNumber: 'HĐLĐ 15/2027', startsOn: '2027-03-01T01:00:00Z' },
      '2027-02-20T02:00:00.000Z',
    );
    const decision = { number: '120/QĐ-SNV', date: '2027-03-15', issuer: 'Sở Nội vụ' };
    await giang.run(
      { type: 'RecordRecruitmentDecision', actor: homeAffairs, title: 'finance-accounting', decision },
      '2027-03-15T02:00:00.000Z',
    );
    await giang.run(
      { type: 'StartTrial', actor: tanYenBoard, tasks: ['Phụ trách kế toán ngân sách xã'], startsOn: '2027-04-01T01:00:00Z' },
      '2027-03-20T02:00:00.000Z',
    );
    await giang.run({ type: 'EndTrialPeriod', actor: scheduler, deadlineId: 'candidate-1/trial-end/3' }, '2028-04-01T01:00:00.000Z');
    await giang.run({ type: 'EvaluateTrial', actor: tanYenBoard, passed: true, comments: 'Hoàn thành tốt' }, '2028-04-05T02:00:00.000Z');
    await giang.run({ type: 'AddToSuccessionPlanning', actor: province, posts: ['party-secretary'] }, '2028-04-10T02:00:00.000Z');
    // An is on the way; Bình failed selection; Thảo finished the 18-month programme.
    await candidateIn(fixture).run({ ...application, candidateId: 'candidate-3', fullName: 'Trần Văn An' }, '2026-03-02T02:00:00.000Z');
    const binh = candidateIn(fixture);
    await binh.run(secondApplication, '2026-03-03T02:00:00.000Z');
    await binh.run({ type: 'ExitCandidate', actor: province, reason: 'failed-selection', note: 'Điểm thấp' }, '2026-03-25T02:00:00.000Z');
    await sourceCadreGraduateIn(fixture);
    await fixture.caughtUp();
  });
  afterAll(() => fixture.close());

  const report = (filter = {}, target?: ProgrammeTarget) =>
    programmeTarget(fixture.db, fixture.tables(programmeTargetProjection), filter, (programme) =>
      programme === BAC_GIANG_GRADUATE_V1.id ? (target ?? BAC_GIANG_GRADUATE_V1.target) : undefined,
    );

  it('counts the sources each programme produced against the target its definition sets', () => {
    expect(report()).toEqual([
      {
        programme: 'bac-giang-graduate',
        districtCode: null,
        target: { minSources: 400, maxSources: 500, by: '2025-12-31' },
        produced: 1,
        producedByTargetDate: 0,
        inPipeline: 1,
        leftAfterCompletion: 0,
        remainingToMin: 399,
        progress: 0.0025,
      },
      {
        programme: 'source-cadre-18-months',
        districtCode: null,
        target: null,
        produced: 1,
        producedByTargetDate: null,
        inPipeline: 0,
        leftAfterCompletion: 0,
        remainingToMin: null,
        progress: null,
      },
    ]);
    expect(report({}, { minSources: 1, maxSources: 2, by: '2028-04-10' })[0]).toMatchObject({
      producedByTargetDate: 1,
      remainingToMin: 0,
      progress: 1,
    });
    expect(report({}, { minSources: 1, maxSources: 2, by: '2028-04-09' })[0]).toMatchObject({ producedByTargetDate: 0 });
  });

  it('shows a district its own counts without the province-wide target, and drops a source who leaves', async () => {
    expect(report({ district: '218' })).toEqual([
      expect.objectContaining({ programme: 'bac-giang-graduate', districtCode: '218', target: null, produced: 0, inPipeline: 0 }),
    ]);
    await giang.run(
      { type: 'ExitCandidate', actor: tanYenBoard, reason: 'transferred', note: 'Chuyển công tác lên huyện' },
      '2028-09-01T02:00:00.000Z',
    );
    await fixture.caughtUp();
    expect(report({ programme: 'bac-giang-graduate' })).toEqual([expect.objectContaining({ produced: 0, leftAfterCompletion: 1 })]);
  });

  it('lists a programme that sets a target before its first candidate, at zero, and keeps to the programme filter', () => {
    const tables = fixture.tables(programmeTargetProjection);
    const target = { minSources: 30, maxSources: 40, by: '2030-12-31' };
    const targetOf = (programme: string) => (programme === 'lao-cai-graduate' ? target : undefined);
    const rows = programmeTarget(fixture.db, tables, {}, targetOf, ['lao-cai-graduate']);
    expect(rows.map((row) => row.programme)).toEqual(['bac-giang-graduate', 'lao-cai-graduate', 'source-cadre-18-months']);
    expect(rows[1]).toEqual({
      programme: 'lao-cai-graduate',
      districtCode: null,
      target,
      produced: 0,
      producedByTargetDate: 0,
      inPipeline: 0,
      leftAfterCompletion: 0,
      remainingToMin: 30,
      progress: 0,
    });
    expect(programmeTarget(fixture.db, tables, { programme: 'bac-giang-graduate' }, targetOf, ['lao-cai-graduate'])).toHaveLength(1);
    // A district's rows carry no target: it sees the programmes it has candidates in.
    const district = programmeTarget(fixture.db, tables, { district: '218' }, targetOf, ['lao-cai-graduate']);
    expect(district.map((row) => row.programme)).toEqual(['bac-giang-graduate']);
  });
});
