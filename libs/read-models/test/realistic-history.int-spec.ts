import { BAC_GIANG_GRADUATE_V1 } from '@app/pipeline';
import { checkConsistency, tableNames } from '@app/projections';
import {
  boardCandidates,
  cohortOutcomes,
  cohortOutcomesProjection,
  deadlinesProjection,
  needsCoverage,
  needsCoverageProjection,
  pipelineBoardProjection,
  programmeTarget,
  programmeTargetProjection,
  READ_MODEL_PROJECTIONS,
  stepFunnel,
  stepFunnelProjection,
  upcastRecordedEvent,
} from '@app/read-models';
import { subjectOf } from '../src/deadlines/deadline-subjects';
import { AdminUnits } from '../../../apps/api/src/reference/admin-units';
import { appendHistory, pipelineHistory } from '../../../test/fixtures/pipeline-history';
import { ReadModelFixture } from './read-model-fixture';

const communes = AdminUnits.fromFile()
  .inProvince('24')
  .map(({ code, name, districtCode }) => ({ code, name, districtCode }));

describe('every read model over two years of Bắc Giang rounds decided by the domain', () => {
  let fixture: ReadModelFixture;
  const counts: Record<string, number> = {};

  beforeAll(async () => {
    fixture = new ReadModelFixture(READ_MODEL_PROJECTIONS);
    await fixture.start();
    const history = pipelineHistory({ provinces: [{ code: '24', name: 'Tỉnh Bắc Giang', communes }], fromYear: 2022, years: 2, seed: 7 });
    await appendHistory(fixture.store, fixture.clock, history);
    for (const event of await fixture.store.readAll({ maxCount: 1_000_000 })) counts[event.type] = (counts[event.type] ?? 0) + 1;
    await fixture.caughtUp();
  }, 60_000);
  afterAll(() => fixture.close());

  const now = new Date('2026-01-01T00:00:00.000Z');
  const stepOrder = () => BAC_GIANG_GRADUATE_V1.steps.map((step) => step.id);

  it('agrees with the log: every applicant, seat, trainee and source is counted once', () => {
    const board = boardCandidates(fixture.db, fixture.tables(pipelineBoardProjection), {}, now);
    expect(board.total).toBe(counts.CandidateApplied);
    // Everyone added to the planning is completed, or exited from the 'completed' step afterwards.
    expect(board.items.filter((item) => item.step === 'completed')).toHaveLength(counts.AddedToSuccessionPlanning);
    expect(board.items.filter((item) => item.status === 'exited')).toHaveLength(counts.CandidateExited);
    const coverage = needsCoverage(fixture.db, fixture.tables(needsCoverageProjection), {});
    const sum = (rows: Record<string, unknown>[], field: string) => rows.reduce((total, row) => total + (row[field] as number), 0);
    expect(sum(coverage as never, 'applicants')).toBe(counts.CandidateApplied);
    expect(sum(coverage as never, 'selected')).toBe(counts.CandidateSelected);
    expect(sum(coverage as never, 'placed')).toBeLessThanOrEqual(counts.PlacementAccepted);
    const cohorts = cohortOutcomes(fixture.db, fixture.tables(cohortOutcomesProjection), { by: 'class' });
    expect(sum(cohorts as never, 'trainees')).toBe(counts.CandidateEnrolledInTraining);
    expect(sum(cohorts as never, 'trained')).toBe(counts.CandidatePassedTraining);
    expect(cohorts).toHaveLength(counts.TrainingClassOpened);
    const funnel = stepFunnel(fixture.db, fixture.tables(stepFunnelProjection), {}, stepOrder);
    expect(funnel.filter((row) => row.step === 'selection').reduce((total, row) => total + row.entered, 0)).toBe(counts.CandidateApplied);
    expect(funnel.filter((row) => row.step === 'training').reduce((total, row) => total + row.entered, 0)).toBe(counts.CandidateSelected);
    const [target] = programmeTarget(fixture.db, fixture.tables(programmeTargetProjection), {}, () => BAC_GIANG_GRADUATE_V1.target);
    expect(target.produced + target.leftAfterCompletion).toBe(counts.AddedToSuccessionPlanning);
    expect(board.items.every((item) => item.fullName === item.fullName.normalize('NFC'))).toBe(true);
  });

  it('rebuilds each read model from the first event into identical rows', async () => {
    for (const definition of READ_MODEL_PROJECTIONS) {
      await expect(checkConsistency(fixture.store, fixture.db, definition)).resolves.toMatchObject({ consistent: true, differences: [] });
    }
  }, 60_000);

  it('switches to a rebuilt generation that answers the same', async () => {
    const before = needsCoverage(fixture.db, fixture.tables(needsCoverageProjection), {});
    const rebuilt = fixture.host.rebuild(needsCoverageProjection.name);
    const deadline = Date.now() + 20_000;
    while (fixture.host.generations.live(needsCoverageProjection.name)?.generation !== rebuilt.generation) {
      if (Date.now() > deadline) throw new Error('the rebuilt generation never went live');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(fixture.tables(needsCoverageProjection).needs).toBe(tableNames(needsCoverageProjection, rebuilt.generation).needs);
    expect(needsCoverage(fixture.db, fixture.tables(needsCoverageProjection), {})).toEqual(before);
  }, 30_000);

  it('starts and ends every deadline when the domain, folding each subject’s whole stream, says it runs', async () => {
    // The read model's own folds and deadline functions, but over whole streams held in memory: never slimmed, never stored.
    // Each deadline's life by the domain: started by the event after which it first runs, ended by the one after which it no longer does.
    const lives = new Map<string, { deadline_id: string; started_at: number; ended_at: number | null; ended_by: string | null }>();
    const states = new Map<string, unknown>();
    const running = new Map<string, string[]>();
    for (const event of (await fixture.store.readAll({ maxCount: 1_000_000 })).map(upcastRecordedEvent)) {
      const subject = subjectOf(event.streamId);
      if (!subject) continue;
      const state = subject.evolve(states.get(event.streamId) ?? subject.initial, event);
      states.set(event.streamId, state);
      const before = running.get(event.streamId) ?? [];
      const now = subject.deadlines(state).map((deadline) => deadline.id);
      running.set(event.streamId, now);
      const at = event.recordedAt.getTime();
      for (const id of now) if (!before.includes(id)) lives.set(id, { deadline_id: id, started_at: at, ended_at: null, ended_by: null });
      for (const id of before) if (!now.includes(id)) Object.assign(lives.get(id)!, { ended_at: at, ended_by: event.type });
    }
    const t = fixture.tables(deadlinesProjection);
    const rows = fixture.db.prepare(`SELECT deadline_id, started_at, ended_at, ended_by FROM "${t.deadlines}" ORDER BY deadline_id`).all();
    const expected = [...lives.values()].sort((a, b) => (a.deadline_id < b.deadline_id ? -1 : 1));
    expect(expected.filter((life) => life.ended_by === 'PracticumPeriodEnded').length).toBeGreaterThan(10);
    expect(rows).toEqual(expected);
  });
});
