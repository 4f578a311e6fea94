import { candidateDeadlines } from '../candidate/candidate.deadlines';
import { application, at, journey, province, school } from '../candidate/candidate.test-fixtures';
import { BAC_GIANG_GRADUATE_V1 } from './bac-giang-graduate.v1';
import { builtInCatalog, findDefinition, latestDefinition, publishDefinition } from './definition-catalog';
import type { PipelineDefinition } from './pipeline-definition';
import { SOURCE_CADRE_18_MONTHS_V1 } from './source-cadre-18-months.v1';
import { validateDefinition } from './validate-definition';

const diploma = { number: 'TCLLCT-HC/2027/15', date: '2027-07-30', issuer: 'Trường Chính trị tỉnh' };

describe('pipeline definitions as versioned data', () => {
  it('ships the Bắc Giang graduate track and an 18-month programme, both valid', () => {
    expect(validateDefinition(BAC_GIANG_GRADUATE_V1)).toEqual([]);
    expect(validateDefinition(SOURCE_CADRE_18_MONTHS_V1)).toEqual([]);
    const catalog = builtInCatalog();
    expect(findDefinition(catalog, 'bac-giang-graduate', 1)?.steps.map((step) => step.kind)).toEqual([
      'needs',
      'selection',
      'training',
      'practicum',
      'assignment',
    ]);
  });

  it('names each problem of a bad definition', () => {
    const broken: PipelineDefinition = {
      ...BAC_GIANG_GRADUATE_V1,
      id: 'Bad Id',
      steps: [BAC_GIANG_GRADUATE_V1.steps[2], { id: 'training', kind: 'practicum', label: { vi: 'x', en: 'x' } }],
      selection: { ...BAC_GIANG_GRADUATE_V1.selection!, weights: { test: 0.5, academic: 0.5, interview: 0.5 } },
      allowedExitReasons: ['withdrew', 'abducted' as never],
      assignment: { ...BAC_GIANG_GRADUATE_V1.assignment!, trialMonths: 0 },
      target: { minSources: 500, maxSources: 400, by: '2025' },
    };
    expect(validateDefinition(broken)).toEqual([
      'id: lowercase letters, digits and hyphens only',
      'steps[1].id: "training" is used twice',
      'steps[1].duration: required for a practicum step',
      'steps[0]: a programme starts by registering needs',
      'assignment.trialMonths: whole months ≥ 1',
      'selection.weights: must sum to 1',
      'target: whole numbers, 1 ≤ minSources ≤ maxSources',
      'target.by: a date YYYY-MM-DD',
      'allowedExitReasons: "abducted" is not a known exit reason',
    ]);
  });

  it('runs the 18-month programme without code changes: training in four parts, one month at the sending unit, then done', () => {
    const candidate = journey(SOURCE_CADRE_18_MONTHS_V1);
    const apply = {
      ...application,
      need: { ...application.need, definition: { id: 'source-cadre-18-months', version: 1 } },
      education: { ...application.education, studyMode: 'part-time' as const },
    };
    const [applied] = candidate.run(apply, at('2026-01-05T02:00:00Z'));
    expect(applied).toMatchObject({
      data: { firstStep: { id: 'training', kind: 'training' }, definition: { id: 'source-cadre-18-months', version: 1 } },
    });
    candidate.run(
      { type: 'EnrolInTraining', actor: school, classId: 'k18', startsOn: '2026-02-01T01:00:00Z', plannedEnd: '2027-08-01T01:00:00Z' },
      at('2026-01-20T02:00:00Z'),
    );
    const threeParts = candidate.decide(
      {
        type: 'RecordTrainingResult',
        actor: school,
        classId: 'k18',
        result: 'passed',
        diploma,
        certificates: SOURCE_CADRE_18_MONTHS_V1.steps[1].parts!.slice(0, 3).map((part) => ({ partId: part.id, number: part.id })),
      },
      at('2027-08-01T01:00:00Z'),
    );
    expect(threeParts).toMatchObject({ error: { code: 'CERTIFICATES_INCOMPLETE', details: { missingPartIds: ['leadership-skills'] } } });
    candidate.run(
      {
        type: 'RecordTrainingResult',
        actor: school,
        classId: 'k18',
        result: 'passed',
        diploma,
        certificates: SOURCE_CADRE_18_MONTHS_V1.steps[1].parts!.map((part) => ({ partId: part.id, number: part.id })),
      },
      at('2027-08-01T01:00:00Z'),
    );
    const [started] = candidate.run(
      { type: 'StartPracticum', actor: province, district: '216', department: 'UBND xã Ngọc Vân', startsOn: '2027-08-03T01:00:00Z' },
      at('2027-08-02T02:00:00Z'),
    );
    expect(started).toMatchObject({ data: { endsOn: '2027-09-03T01:00:00.000Z' } });
    expect(candidateDeadlines(candidate.state(), SOURCE_CADRE_18_MONTHS_V1)[0]).toMatchObject({
      kind: 'practicum-end',
      reminders: [{ daysBefore: 7 }],
    });
    candidate.run(
      { type: 'EndPracticumPeriod', actor: { id: 'scheduler', role: 'system' }, deadlineId: 'candidate-1/practicum-end/1' },
      at('2027-09-03T01:00:00Z'),
    );
    const [, completed] = candidate.run(
      { type: 'EvaluatePracticum', actor: province, satisfactory: true, comments: '' },
      at('2027-09-05T02:00:00Z'),
    );
    expect(completed).toEqual({ type: 'CandidateCompletedProgramme', data: { stepId: 'practice-at-sending-unit' } });
    expect(candidate.state().status).toBe('completed');
  });

  it('publishes versions in order; a candidate keeps the version it started under', () => {
    const v2: PipelineDefinition = {
      ...BAC_GIANG_GRADUATE_V1,
      version: 2,
      steps: BAC_GIANG_GRADUATE_V1.steps.map((step) =>
        step.kind === 'practicum' ? { ...step, duration: { minMonths: 4, maxMonths: 4 } } : step,
      ),
    };
    const catalog = builtInCatalog();
    expect(publishDefinition(catalog, { ...v2, version: 3 })).toMatchObject({ code: 'DEFINITION_VERSION_NOT_NEXT' });
    const next = publishDefinition(catalog, v2);
    if ('code' in next) throw new Error(next.message);
    expect(latestDefinition(next, 'bac-giang-graduate')?.version).toBe(2);
    expect(findDefinition(next, 'bac-giang-graduate', 1)?.steps[3].duration).toEqual({ minMonths: 3, maxMonths: 3 });
    const published = findDefinition(next, 'bac-giang-graduate', 2)!;
    expect(() => {
      (published.steps[3].duration as { minMonths: number }).minMonths = 5;
    }).toThrow(TypeError);

    const candidate = journey(BAC_GIANG_GRADUATE_V1);
    candidate.run(application, at('2026-03-02T02:00:00Z'));
    const withV2 = journey(v2);
    withV2.events.push(...candidate.events);
    expect(
      withV2.decide({ type: 'RecordScores', actor: province, scores: { test: 1, academic: 1, interview: 1 } }, at('2026-03-03T02:00:00Z')),
    ).toMatchObject({
      error: { code: 'DEFINITION_MISMATCH', details: { own: { id: 'bac-giang-graduate', version: 1 } } },
    });
  });
});
