import {
  CANDIDATE_EVENT_VERSIONS,
  evolveCandidate,
  evolveRound,
  evolveTrainingClass,
  initialCandidateState,
  initialRoundState,
  initialTrainingClassState,
  ROUND_EVENT_VERSIONS,
  TRAINING_CLASS_EVENT_VERSIONS,
  type CandidateEvent,
  type CandidateState,
  type RoundEvent,
  type RoundState,
  type TrainingClassEvent,
  type TrainingClassState,
} from '@app/pipeline';
import { SUBJECT_PREFIXES } from '@app/read-models';
import type { StreamModel } from './stream-commands';

/** Stream names by kind: `round-…`, `candidate-…`, `class-…` (EventStoreDB categories). */
export const roundStream = (roundId: string) => `${SUBJECT_PREFIXES.round}${roundId}`;
export const candidateStream = (candidateId: string) => `${SUBJECT_PREFIXES.candidate}${candidateId}`;
export const classStream = (classId: string) => `${SUBJECT_PREFIXES.trainingClass}${classId}`;

export const ROUND_MODEL: StreamModel<RoundState, RoundEvent> = {
  initial: initialRoundState,
  evolve: evolveRound,
  versions: ROUND_EVENT_VERSIONS,
};
export const CANDIDATE_MODEL: StreamModel<CandidateState, CandidateEvent> = {
  initial: initialCandidateState,
  evolve: evolveCandidate,
  versions: CANDIDATE_EVENT_VERSIONS,
};
export const CLASS_MODEL: StreamModel<TrainingClassState, TrainingClassEvent> = {
  initial: initialTrainingClassState,
  evolve: evolveTrainingClass,
  versions: TRAINING_CLASS_EVENT_VERSIONS,
};
