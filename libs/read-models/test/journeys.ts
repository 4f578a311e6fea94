import {
  decideRound,
  evolveRound,
  initialRoundState,
  type Actor,
  type CandidateCommand,
  type RoundCommand,
  type RoundEvent,
} from '@app/pipeline';
import {
  application,
  journey,
  lucNamBoard,
  need,
  completeSourceCadrePractice,
  offeredCandidate,
  province,
  sourceCadreInPractice,
  trainedCandidate,
} from '../../pipeline/src/candidate/candidate.test-fixtures';
import type { ReadModelFixture } from './read-model-fixture';

export { application, need, province, lucNamBoard, sourceCadreInPractice };

/**
 * A candidate whose commands run through the domain's decider and whose
 * events land in the fixture's store, as the command handler would append them.
 */
export function candidateIn(fixture: ReadModelFixture, start: ReturnType<typeof journey> = journey()) {
  let recorded = 0;
  const streamId = () => `candidate-${(start.state() as { application: { candidateId: string } }).application.candidateId}`;
  /** Appends the events decided so far that are not in the store yet, at `at`. */
  const flush = async (at: string, actor: Actor) => {
    const fresh = start.events.slice(recorded);
    recorded = start.events.length;
    if (fresh.length > 0) await fixture.append(streamId(), fresh, at, actor);
  };
  return {
    state: start.state,
    flush,
    async run(command: CandidateCommand, at: string) {
      start.run(command, new Date(at));
      await flush(at, command.actor);
    },
  };
}

/** Lục Nam's applicant for Xã Đông Hưng, the second candidate of the specs. */
export const secondApplication = {
  ...application,
  actor: lucNamBoard,
  candidateId: 'candidate-2',
  fullName: 'Đỗ Văn Bình',
  need: {
    ...need,
    needId: 'need-dong-hung-justice',
    title: 'justice-civil-status',
    commune: { code: '07450', name: 'Xã Đông Hưng', districtCode: '218' },
  },
};

export { trainedCandidate, offeredCandidate };

/** A round whose commands run through the round decider; its events land in the fixture's store. */
export function roundIn(fixture: ReadModelFixture, roundId: string) {
  const events: RoundEvent[] = [];
  return {
    async run(command: RoundCommand, at: string) {
      const decision = decideRound(command, events.reduce(evolveRound, initialRoundState), new Date(at));
      if (decision.kind !== 'accepted') throw new Error(`${command.type} was ${decision.kind}: ${JSON.stringify(decision)}`);
      events.push(...decision.events);
      await fixture.append(`round-${roundId}`, decision.events, at, command.actor);
    },
  };
}

const school: Actor = { id: 'truong-chinh-tri', role: 'political-school' };

/** Applies at `appliedAt`, is scored on 20 March 2026 and, when an outcome is given, selected or not on 25 March. */
export async function applicantIn(
  fixture: ReadModelFixture,
  apply: Extract<CandidateCommand, { type: 'ApplyForNeed' }>,
  appliedAt: string,
  outcome?: 'selected' | 'not-selected',
) {
  const candidate = candidateIn(fixture);
  await candidate.run(apply, appliedAt);
  await candidate.run(
    { type: 'RecordScores', actor: province, scores: { test: 70, academic: 70, interview: 70 } },
    '2026-03-20T02:00:00.000Z',
  );
  if (outcome)
    await candidate.run({ type: 'RecordSelectionOutcome', actor: province, outcome, rank: 1, total: 70 }, '2026-03-25T02:00:00.000Z');
  return candidate;
}

/** Applies, is selected on 25 March 2026 and enrolled in `classId`; training ends as given on 31 October. */
export async function traineeIn(
  fixture: ReadModelFixture,
  apply: Extract<CandidateCommand, { type: 'ApplyForNeed' }>,
  classId: string,
  result: 'passed' | 'failed' | 'dropped-out' | 'still-training',
) {
  const candidate = await applicantIn(fixture, apply, '2026-03-02T02:00:00.000Z', 'selected');
  await candidate.run(
    { type: 'EnrolInTraining', actor: school, classId, startsOn: '2026-04-01T01:00:00Z', plannedEnd: '2026-10-31T10:00:00Z' },
    '2026-03-28T02:00:00.000Z',
  );
  const at = '2026-10-31T10:00:00.000Z';
  if (result === 'passed') {
    const diploma = { number: `TCLLCT-${apply.candidateId}`, date: '2026-10-30', issuer: 'Trường Chính trị tỉnh Bắc Giang' };
    const certificates = [
      { partId: 'political-theory', number: 'CC-01' },
      { partId: 'commune-skills', number: 'CC-02' },
    ];
    await candidate.run({ type: 'RecordTrainingResult', actor: school, classId, result, diploma, certificates }, at);
  } else if (result !== 'still-training') {
    await candidate.run({ type: 'RecordTrainingResult', actor: school, classId, result, note: 'Không đạt yêu cầu' }, at);
  }
  return candidate;
}

/**
 * Vũ Thị Thảo (candidate-7) runs the whole 18-month source-cadre programme in
 * class `classId`, practising in Tân Yên; judging the practice satisfactory
 * on 5 September 2027 completes it. The programme has no placement step.
 */
export async function sourceCadreGraduateIn(fixture: ReadModelFixture, classId = 'k18') {
  const thao = candidateIn(fixture, sourceCadreInPractice('216', classId));
  for (const [command, when] of completeSourceCadrePractice) await thao.run(command, when);
  return thao;
}
