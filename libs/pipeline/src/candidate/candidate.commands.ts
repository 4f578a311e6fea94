import type { Scores } from '../round/ranking';
import type { Actor } from '../shared/actor';
import type { ExitReason } from '../reference/exit-reasons';
import type { PlacementKind, PriorPosition, SuccessionPost } from '../reference/positions';
import type { CommuneRef, DecisionDocument, Education } from './candidate.events';

/** The need a candidate applies for, as the round currently holds it. */
export interface NeedSnapshot {
  needId: string;
  roundId: string;
  commune: CommuneRef;
  title: string;
  acceptedMajors: string[];
  approved: boolean;
  /** The definition version the round runs; the candidate starts under it. */
  definition: { id: string; version: number };
}

type Command<Type extends string, Fields> = { type: Type; actor: Actor } & Fields;

export type CandidateCommand =
  | Command<
      'ApplyForNeed',
      { candidateId: string; need: NeedSnapshot; fullName: string; birthDate: string; education: Education; priorPosition?: PriorPosition }
    >
  | Command<'RecordScores', { scores: Scores }>
  | Command<'RecordSelectionOutcome', { outcome: 'selected' | 'not-selected' | 'withdrew'; rank: number; total: number }>
  | Command<'EnrolInTraining', { classId: string; startsOn: string; plannedEnd: string }>
  | Command<
      'RecordTrainingResult',
      { classId: string; result: 'passed'; diploma: DecisionDocument; certificates: { partId: string; number: string }[] }
    >
  | Command<'RecordTrainingResult', { classId: string; result: 'failed' | 'dropped-out'; note: string }>
  | Command<'StartPracticum', { district: string; department: string; startsOn: string; endsOn?: string }>
  | Command<'EndPracticumPeriod', { deadlineId: string }>
  | Command<'EvaluatePracticum', { satisfactory: boolean; comments: string }>
  | Command<'OfferPlacement', { commune: CommuneRef; title: string; placementKind: PlacementKind; openSlots: number }>
  | Command<'AcceptPlacement', Record<never, never>>
  | Command<'DeclinePlacement', { note: string }>
  | Command<'LapseAcceptanceWindow', { deadlineId: string }>
  | Command<'StartLabourContract', { contractNumber: string; startsOn: string }>
  | Command<'RecordRecruitmentDecision', { title: string; decision: DecisionDocument }>
  | Command<'StartTrial', { tasks: string[]; startsOn: string }>
  | Command<'EndTrialPeriod', { deadlineId: string }>
  | Command<'EvaluateTrial', { passed: boolean; comments: string }>
  | Command<'AddToSuccessionPlanning', { posts: SuccessionPost[] }>
  | Command<'ExitCandidate', { reason: ExitReason; note: string }>
  /**
   * openSlots: the open seats of the commune and title the candidate held before the exit (see seatHeld), which the
   * reversal would give back; needed only when they held one, and none are counted open when it is missing.
   */
  | Command<'ReverseExit', { reason: string; openSlots?: number }>;

export type CandidateCommandType = CandidateCommand['type'];
