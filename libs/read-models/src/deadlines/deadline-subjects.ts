import {
  builtInCatalog,
  candidateActingDistrict,
  candidateDeadlines,
  evolveCandidate,
  evolveRound,
  evolveTrainingClass,
  findDefinition,
  initialCandidateState,
  initialRoundState,
  initialTrainingClassState,
  roundDeadlines,
  trainingClassDeadlines,
  type CandidateState,
  type Deadline,
  type RoundState,
  type TrainingClassState,
  type Unit,
} from '@app/pipeline';
import { SUBJECT_PREFIXES } from '../streams';

/** Where a deadline belongs: for the report's filters and the unit that must act. */
export interface SubjectFacts {
  id: string;
  name: string;
  roundId: string;
  unit: Unit;
  district?: string;
  /** A round's province: every district of it registers needs before the window closes. */
  province?: string;
}

/** A kind of stream that has timed periods: how it folds, and which deadlines are running in a state. */
export interface DeadlineSubject<S> {
  prefix: string;
  initial: S;
  evolve(state: S, event: { type: string; data: unknown }): S;
  deadlines(state: S): Deadline[];
  facts(state: S): SubjectFacts;
  /** What is kept between events: only what evolve and deadlines need (needs and enrolments are dropped). */
  slim(state: S): S;
}

const catalog = builtInCatalog();

const candidate: DeadlineSubject<CandidateState> = {
  prefix: SUBJECT_PREFIXES.candidate,
  initial: initialCandidateState,
  evolve: (state, event) => evolveCandidate(state, event as never),
  deadlines(state) {
    if (state.status !== 'active') return [];
    const { id, version } = state.application.definition;
    const definition = findDefinition(catalog, id, version);
    if (!definition) throw new Error(`candidate ${state.application.candidateId} runs unknown definition ${id} v${version}`);
    return candidateDeadlines(state, definition);
  },
  facts(state) {
    if (state.status !== 'active') throw new Error('only an active candidate has deadlines');
    const district = candidateActingDistrict(state);
    const { candidateId, fullName, roundId } = state.application;
    return { id: candidateId, name: fullName, roundId, unit: `district-${district}`, district };
  },
  slim: slimCandidate,
};

/**
 * What the deadline functions and the later events' folds use of a candidate:
 * the ids, name, commune, definition, step and stage dates. The rest of the
 * application, the scores, the placement and the recruitment decision only
 * cost time to parse and write on every event.
 */
function slimCandidate(state: CandidateState): CandidateState {
  if (state.status === 'none') return state;
  const { candidateId, roundId, commune, fullName, definition } = state.application;
  const application = { candidateId, roundId, commune, fullName, definition } as Extract<
    CandidateState,
    { status: 'active' }
  >['application'];
  switch (state.status) {
    case 'active': {
      const { placedIn: _placedIn, recruitment: _recruitment, placement: _placement, ...kept } = state;
      // Selection has no deadline and its phases fold alike: the scores need not be kept.
      const stage = kept.stage.kind === 'selection' ? ({ kind: 'selection', phase: 'applied' } as const) : kept.stage;
      return { ...kept, application, stage };
    }
    case 'completed':
      return { status: 'completed', application, planning: [] };
    case 'exited':
      return { ...state, application, before: slimCandidate(state.before) as typeof state.before };
  }
}

const round: DeadlineSubject<RoundState> = {
  prefix: SUBJECT_PREFIXES.round,
  initial: initialRoundState,
  evolve: (state, event) => evolveRound(state, event as never),
  deadlines: roundDeadlines,
  facts(state) {
    if (state.status === 'not-opened') throw new Error('a round that was never opened has no deadlines');
    return { id: state.roundId, name: state.name, roundId: state.roundId, unit: 'province', province: state.provinceCode };
  },
  slim: (state) => (state.status === 'not-opened' ? state : { ...state, needs: [] }),
};

const trainingClass: DeadlineSubject<TrainingClassState> = {
  prefix: SUBJECT_PREFIXES.trainingClass,
  initial: initialTrainingClassState,
  evolve: (state, event) => evolveTrainingClass(state, event as never),
  deadlines: trainingClassDeadlines,
  facts(state) {
    if (state.status === 'not-opened') throw new Error('a class that was never opened has no deadlines');
    return { id: state.classId, name: state.name, roundId: state.roundId, unit: 'political-school' };
  },
  slim: (state) => (state.status === 'not-opened' ? state : { ...state, enrolments: [] }),
};

const SUBJECTS: readonly DeadlineSubject<unknown>[] = [candidate, round, trainingClass] as DeadlineSubject<unknown>[];

export function subjectOf(streamId: string): DeadlineSubject<unknown> | undefined {
  return SUBJECTS.find((subject) => streamId.startsWith(subject.prefix));
}
