import { BAC_GIANG_GRADUATE_V1 } from '../definition/bac-giang-graduate.v1';
import { SOURCE_CADRE_18_MONTHS_V1 } from '../definition/source-cadre-18-months.v1';
import type { PipelineDefinition } from '../definition/pipeline-definition';
import type { Actor } from '../shared/actor';
import type { Decision } from '../shared/decision';
import type { CandidateCommand, NeedSnapshot } from './candidate.commands';
import type { CandidateEvent } from './candidate.events';
import { decideCandidate } from './candidate.decide';
import { evolveCandidate, initialCandidateState, type CandidateState } from './candidate.state';

/** Shared people and places for the candidate specifications (Tân Yên district 216, Bắc Giang; Lục Nam is 218). */
export const province: Actor = { id: 'ban-to-chuc-tinh-uy', role: 'province-board' };
export const tanYenBoard: Actor = { id: 'ban-to-chuc-huyen-uy-tan-yen', role: 'district-board', district: '216' };
export const lucNamBoard: Actor = { id: 'ban-to-chuc-huyen-uy-luc-nam', role: 'district-board', district: '218' };
export const school: Actor = { id: 'truong-chinh-tri', role: 'political-school' };
export const homeAffairs: Actor = { id: 'so-noi-vu', role: 'home-affairs' };
export const auditor: Actor = { id: 'thanh-tra', role: 'auditor' };
export const scheduler: Actor = { id: 'scheduler', role: 'system' };

export const need: NeedSnapshot = {
  needId: 'need-ngoc-van-finance',
  roundId: 'round-2026',
  commune: { code: '07351', name: 'Xã Ngọc Vân', districtCode: '216' },
  title: 'finance-accounting',
  acceptedMajors: ['Kế toán', 'Tài chính – Ngân hàng'],
  approved: true,
  definition: { id: 'bac-giang-graduate', version: 1 },
};

export const application: Extract<CandidateCommand, { type: 'ApplyForNeed' }> = {
  type: 'ApplyForNeed',
  actor: tanYenBoard,
  candidateId: 'candidate-1',
  need,
  fullName: 'Nguyễn Thị Hương Giang',
  birthDate: '2001-04-12',
  education: { degree: 'university', studyMode: 'full-time', major: 'Kế toán', institution: 'Học viện Tài chính', graduationYear: 2023 },
  priorPosition: 'none-graduate-source',
};

export const at = (iso: string): Date => new Date(iso);

/**
 * Runs commands one after another as a command handler would: decide, then
 * record the events. Throws on a refusal so a journey reads as the happy path.
 */
export function journey(definition: PipelineDefinition = BAC_GIANG_GRADUATE_V1) {
  const events: CandidateEvent[] = [];
  const state = (): CandidateState => events.reduce(evolveCandidate, initialCandidateState);
  const decide = (command: CandidateCommand, now: Date): Decision<CandidateEvent> => decideCandidate(command, state(), now, definition);
  const run = (command: CandidateCommand, now: Date) => {
    const decision = decide(command, now);
    if (decision.kind !== 'accepted') throw new Error(`${command.type} was ${decision.kind}: ${JSON.stringify(decision)}`);
    events.push(...decision.events);
    return decision.events;
  };
  return { events, state, decide, run };
}

const passTraining = {
  type: 'RecordTrainingResult' as const,
  actor: school,
  classId: 'class-2026-1',
  result: 'passed' as const,
  diploma: { number: 'TCLLCT-2026/0412', date: '2026-10-30', issuer: 'Trường Chính trị tỉnh Bắc Giang' },
  certificates: [
    { partId: 'political-theory', number: 'CC-01' },
    { partId: 'commune-skills', number: 'CC-02' },
  ],
};

/** A candidate who applied on 2 March and was scored on 20 March. */
export function scoredCandidate(scores = { test: 82, academic: 75, interview: 88 }) {
  const candidate = journey();
  candidate.run(application, at('2026-03-02T02:00:00Z'));
  candidate.run({ type: 'RecordScores', actor: province, scores }, at('2026-03-20T02:00:00Z'));
  return candidate;
}

/** A candidate selected on 25 March, waiting to be enrolled in training. */
export function selectedCandidate() {
  const candidate = scoredCandidate();
  candidate.run({ type: 'RecordSelectionOutcome', actor: province, outcome: 'selected', rank: 1, total: 81.7 }, at('2026-03-25T02:00:00Z'));
  return candidate;
}

export function trainedCandidate() {
  const candidate = selectedCandidate();
  candidate.run(
    {
      type: 'EnrolInTraining',
      actor: school,
      classId: 'class-2026-1',
      startsOn: '2026-04-01T01:00:00Z',
      plannedEnd: '2026-10-31T10:00:00Z',
    },
    at('2026-03-28T02:00:00Z'),
  );
  candidate.run(passTraining, at('2026-10-31T10:00:00Z'));
  return candidate;
}

/** A candidate whose district practicum has just started. */
export function candidateInPracticum() {
  const candidate = trainedCandidate();
  candidate.run(
    { type: 'StartPracticum', actor: province, district: '216', department: 'Phòng Nội vụ', startsOn: '2026-11-02T01:00:00Z' },
    at('2026-11-01T02:00:00Z'),
  );
  return candidate;
}

/** A candidate whose practicum ended well and who was offered a place in Xã Ngọc Vân on 10 February 2027. */
export function offeredCandidate() {
  const candidate = candidateInPracticum();
  candidate.run({ type: 'EndPracticumPeriod', actor: scheduler, deadlineId: 'candidate-1/practicum-end/1' }, at('2027-02-02T01:00:00Z'));
  candidate.run({ type: 'EvaluatePracticum', actor: tanYenBoard, satisfactory: true, comments: '' }, at('2027-02-05T02:00:00Z'));
  candidate.run(
    {
      type: 'OfferPlacement',
      actor: province,
      commune: need.commune,
      title: need.title,
      placementKind: 'commune-civil-servant',
      openSlots: 1,
    },
    at('2027-02-10T02:00:00Z'),
  );
  return candidate;
}

/**
 * Vũ Thị Thảo (candidate-7 unless told), a commune civil servant of Tân Yên, on the
 * 18-month source-cadre programme: trained in class `classId` from February
 * 2026 to August 2027, then one month's practice in `district` from
 * 3 August 2027. Judging that practice satisfactory completes the programme.
 */
export function sourceCadreInPractice(district = '216', classId = 'k18', candidateId = 'candidate-7') {
  const candidate = journey(SOURCE_CADRE_18_MONTHS_V1);
  candidate.run(
    {
      ...application,
      candidateId,
      fullName: 'Vũ Thị Thảo',
      priorPosition: 'commune-civil-servant',
      need: { ...need, definition: { id: SOURCE_CADRE_18_MONTHS_V1.id, version: SOURCE_CADRE_18_MONTHS_V1.version } },
      education: { ...application.education, studyMode: 'part-time' },
    },
    at('2026-01-05T02:00:00Z'),
  );
  candidate.run(
    { type: 'EnrolInTraining', actor: school, classId, startsOn: '2026-02-01T01:00:00Z', plannedEnd: '2027-08-01T01:00:00Z' },
    at('2026-01-20T02:00:00Z'),
  );
  candidate.run(
    {
      type: 'RecordTrainingResult',
      actor: school,
      classId,
      result: 'passed',
      diploma: { number: 'TCLLCT-HC/2027/15', date: '2027-07-30', issuer: 'Trường Chính trị tỉnh' },
      certificates: SOURCE_CADRE_18_MONTHS_V1.steps[1].parts!.map((part) => ({ partId: part.id, number: part.id })),
    },
    at('2027-08-01T01:00:00Z'),
  );
  candidate.run(
    { type: 'StartPracticum', actor: province, district, department: 'UBND xã', startsOn: '2027-08-03T01:00:00Z' },
    at('2027-08-02T02:00:00Z'),
  );
  return candidate;
}

/** Ends Thảo's month of practice and judges it satisfactory, which completes her programme. */
export const completeSourceCadrePractice: readonly [CandidateCommand, string][] = [
  [{ type: 'EndPracticumPeriod', actor: scheduler, deadlineId: 'candidate-7/practicum-end/1' }, '2027-09-03T01:00:00.000Z'],
  [{ type: 'EvaluatePracticum', actor: province, satisfactory: true, comments: '' }, '2027-09-05T02:00:00.000Z'],
];
