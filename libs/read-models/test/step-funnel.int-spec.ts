import { BAC_GIANG_GRADUATE_V1 } from '@app/pipeline';
import { stepFunnel, stepFunnelProjection } from '@app/read-models';
import { applicantIn, application, secondApplication } from './journeys';
import { ReadModelFixture } from './read-model-fixture';

const school = { id: 'truong-chinh-tri', role: 'political-school' as const };
const stepOrder = () => BAC_GIANG_GRADUATE_V1.steps.map((step) => step.id);

describe('the funnel and time-in-step read model', () => {
  let fixture: ReadModelFixture;

  const applicant = (
    candidateId: string,
    fullName: string,
    appliedOn: string,
    outcome?: 'selected' | 'not-selected',
    apply = application,
  ) => applicantIn(fixture, { ...apply, candidateId, fullName }, `${appliedOn}T02:00:00.000Z`, outcome);

  beforeAll(async () => {
    fixture = new ReadModelFixture([stepFunnelProjection]);
    await fixture.start();
    // Selection took 23, 20 and 10 days for the three selected; Bình failed it; Cường is still being assessed.
    const giang = await applicant('candidate-1', 'Nguyễn Thị Hương Giang', '2026-03-02', 'selected');
    await applicant('candidate-3', 'Trần Văn An', '2026-03-05', 'selected');
    await applicant('candidate-4', 'Hoàng Thị Lan', '2026-03-15', 'selected');
    await applicant('candidate-2', 'Đỗ Văn Bình', '2026-03-03', 'not-selected', secondApplication);
    await applicant('candidate-5', 'Lê Văn Cường', '2026-03-04', undefined, secondApplication);
    // Giang finishes training on 31 October and starts the practicum.
    await giang.run(
      {
        type: 'EnrolInTraining',
        actor: school,
        classId: 'class-2026-1',
        startsOn: '2026-04-01T01:00:00Z',
        plannedEnd: '2026-10-31T10:00:00Z',
      },
      '2026-03-28T02:00:00.000Z',
    );
    const certificates = [
      { partId: 'political-theory', number: 'CC-01' },
      { partId: 'commune-skills', number: 'CC-02' },
    ];
    const diploma = { number: 'TCLLCT-1', date: '2026-10-30', issuer: 'Trường Chính trị tỉnh Bắc Giang' };
    await giang.run(
      { type: 'RecordTrainingResult', actor: school, classId: 'class-2026-1', result: 'passed', diploma, certificates },
      '2026-10-31T10:00:00.000Z',
    );
    await fixture.caughtUp();
  });
  afterAll(() => fixture.close());

  it('gives per step who entered, moved on, left and stays, the conversion, and median and p90 days of those who moved on', () => {
    const rows = stepFunnel(fixture.db, fixture.tables(stepFunnelProjection), { roundId: 'round-2026' }, stepOrder);
    expect(rows).toEqual([
      {
        roundId: 'round-2026',
        definition: { id: 'bac-giang-graduate', version: 1 },
        step: 'selection',
        entered: 5,
        movedOn: 3,
        exited: 1,
        inStep: 1,
        conversion: 0.6,
        fromPrevious: null,
        medianDays: 20,
        p90Days: 23,
      },
      {
        roundId: 'round-2026',
        definition: { id: 'bac-giang-graduate', version: 1 },
        step: 'training',
        entered: 3,
        movedOn: 1,
        exited: 0,
        inStep: 2,
        conversion: 0.3333,
        fromPrevious: 0.6,
        medianDays: 220.3,
        p90Days: 220.3,
      },
      {
        roundId: 'round-2026',
        definition: { id: 'bac-giang-graduate', version: 1 },
        step: 'district-practicum',
        entered: 1,
        movedOn: 0,
        exited: 0,
        inStep: 1,
        conversion: 0,
        fromPrevious: 0.3333,
        medianDays: null,
        p90Days: null,
      },
    ]);
  });

  it('narrows to one district', () => {
    const rows = stepFunnel(fixture.db, fixture.tables(stepFunnelProjection), { district: '218' }, stepOrder);
    expect(rows.map((row) => [row.step, row.entered, row.exited, row.inStep])).toEqual([['selection', 2, 1, 1]]);
  });
});
