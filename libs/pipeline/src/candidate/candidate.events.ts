import type { ExitReason } from '../reference/exit-reasons';
import type { PlacementKind, PriorPosition, SuccessionPost } from '../reference/positions';
import type { DegreeLevel, StudyMode } from '../reference/degrees';
import type { StepKind } from '../definition/pipeline-definition';
import type { Scores } from '../round/ranking';

export interface CommuneRef {
  code: string;
  name: string;
  districtCode: string;
}

export interface Education {
  degree: DegreeLevel;
  studyMode: StudyMode;
  major: string;
  institution: string;
  graduationYear: number;
}

export interface DecisionDocument {
  number: string;
  date: string;
  issuer: string;
}

/** Facts fixed at application: who, for which need, under which definition version. */
export interface CandidateApplication {
  candidateId: string;
  roundId: string;
  needId: string;
  commune: CommuneRef;
  title: string;
  fullName: string;
  birthDate: string;
  education: Education;
  priorPosition?: PriorPosition;
  definition: { id: string; version: number };
}

/** The step a candidate is in; events carry it so state can be rebuilt without the definition. */
export interface StepRef {
  id: string;
  kind: Exclude<StepKind, 'needs'>;
}

export type CandidateEvent =
  | { type: 'CandidateApplied'; data: CandidateApplication & { appliedAt: string; firstStep: StepRef } }
  | { type: 'CandidateAdvanced'; data: { from: string; to: StepRef } }
  | { type: 'CandidateScored'; data: { scores: Scores } }
  | { type: 'CandidateSelected'; data: { rank: number; total: number } }
  | { type: 'CandidateEnrolledInTraining'; data: { stepId: string; classId: string; startsOn: string; plannedEnd: string } }
  | {
      type: 'CandidatePassedTraining';
      data: { stepId: string; classId: string; diploma: DecisionDocument; certificates: { partId: string; number: string }[] };
    }
  | {
      type: 'PracticumStarted';
      data: { stepId: string; district: string; department: string; startsOn: string; endsOn: string; deadlineVersion: number };
    }
  | { type: 'PracticumPeriodEnded'; data: { stepId: string; deadlineId: string } }
  | { type: 'PracticumEvaluated'; data: { stepId: string; satisfactory: boolean; comments: string } }
  | {
      type: 'PlacementOffered';
      data: { commune: CommuneRef; title: string; placementKind: PlacementKind; acceptBy: string; deadlineVersion: number };
    }
  | { type: 'PlacementAccepted'; data: { acceptedAt: string } }
  | { type: 'PlacementDeclined'; data: { declinedAt: string; note: string } }
  | { type: 'AcceptanceWindowLapsed'; data: { deadlineId: string } }
  | { type: 'LabourContractStarted'; data: { contractNumber: string; startsOn: string } }
  | { type: 'RecruitmentDecided'; data: { title: string; decision: DecisionDocument } }
  | { type: 'TrialStarted'; data: { tasks: string[]; startsOn: string; endsOn: string; deadlineVersion: number } }
  | { type: 'TrialPeriodEnded'; data: { deadlineId: string } }
  | { type: 'TrialEvaluated'; data: { passed: boolean; comments: string } }
  | { type: 'AddedToSuccessionPlanning'; data: { posts: SuccessionPost[] } }
  | { type: 'CandidateCompletedProgramme'; data: { stepId: string } }
  | { type: 'CandidateExited'; data: { reason: ExitReason; stepId: string; note: string } }
  | { type: 'CandidateExitReversed'; data: { reason: string } };

export type CandidateEventType = CandidateEvent['type'];

export const CANDIDATE_EVENT_VERSIONS: Record<CandidateEventType, number> = {
  CandidateApplied: 1,
  CandidateAdvanced: 1,
  CandidateScored: 1,
  CandidateSelected: 1,
  CandidateEnrolledInTraining: 1,
  CandidatePassedTraining: 1,
  PracticumStarted: 1,
  PracticumPeriodEnded: 1,
  PracticumEvaluated: 1,
  PlacementOffered: 1,
  PlacementAccepted: 1,
  PlacementDeclined: 1,
  AcceptanceWindowLapsed: 1,
  LabourContractStarted: 1,
  RecruitmentDecided: 1,
  TrialStarted: 1,
  TrialPeriodEnded: 1,
  TrialEvaluated: 1,
  AddedToSuccessionPlanning: 1,
  CandidateCompletedProgramme: 1,
  CandidateExited: 1,
  CandidateExitReversed: 1,
};
