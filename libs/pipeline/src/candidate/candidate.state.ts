import type { Scores } from '../round/ranking';
import type { PlacementKind, SuccessionPost } from '../reference/positions';
import type { ExitReason } from '../reference/exit-reasons';
import type { CandidateApplication, CandidateEvent, CommuneRef, DecisionDocument, StepRef } from './candidate.events';

export interface Offer {
  commune: CommuneRef;
  title: string;
  placementKind: PlacementKind;
  acceptBy: string;
}

/** Where a candidate stands inside its current step; each step kind has its own phases. */
export type Stage =
  | { kind: 'selection'; phase: 'applied' }
  | { kind: 'selection'; phase: 'scored'; scores: Scores }
  | { kind: 'training'; phase: 'awaiting-enrolment' }
  | { kind: 'training'; phase: 'enrolled'; classId: string; plannedEnd: string }
  | { kind: 'practicum'; phase: 'awaiting-allocation' }
  | { kind: 'practicum'; phase: 'in-progress' | 'awaiting-evaluation'; district: string; department: string; endsOn: string }
  | { kind: 'assignment'; phase: 'awaiting-offer' }
  | { kind: 'assignment'; phase: 'offered' | 'accepted' | 'contracted' | 'recruited'; offer: Offer }
  | { kind: 'assignment'; phase: 'in-trial' | 'trial-ended'; offer: Offer; trialEndsOn: string }
  | { kind: 'assignment'; phase: 'trial-passed'; offer: Offer };

export interface ActiveCandidate {
  status: 'active';
  application: CandidateApplication;
  step: StepRef;
  stage: Stage;
  /** Counts timed periods started; part of each deadline id so a stale timer is recognisable. */
  timerVersion: number;
  placement?: PlacementKind;
  /** Kept for the outcome reports once the candidate accepts an offer and is recruited. */
  placedIn?: Offer;
  recruitment?: DecisionDocument;
}

export interface CompletedCandidate {
  status: 'completed';
  application: CandidateApplication;
  placement?: PlacementKind;
  placedIn?: Offer;
  recruitment?: DecisionDocument;
  planning: SuccessionPost[];
}

export type CandidateState =
  | { status: 'none' }
  | ActiveCandidate
  | {
      status: 'exited';
      application: CandidateApplication;
      reason: ExitReason;
      stepId: string;
      before: ActiveCandidate | CompletedCandidate;
    }
  | CompletedCandidate;

function completed(state: ActiveCandidate, planning: SuccessionPost[]): CompletedCandidate {
  const { application, placement, placedIn, recruitment } = state;
  return { status: 'completed', application, placement, placedIn, recruitment, planning };
}

export const initialCandidateState: CandidateState = { status: 'none' };

function firstStage(step: StepRef): Stage {
  switch (step.kind) {
    case 'selection':
      return { kind: 'selection', phase: 'applied' };
    case 'training':
      return { kind: 'training', phase: 'awaiting-enrolment' };
    case 'practicum':
      return { kind: 'practicum', phase: 'awaiting-allocation' };
    case 'assignment':
      return { kind: 'assignment', phase: 'awaiting-offer' };
    default: {
      const unknown: never = step.kind;
      throw new Error(`unknown step kind ${String(unknown)}`);
    }
  }
}

function offerOf(stage: Stage): Offer {
  if ('offer' in stage) return stage.offer;
  throw new Error(`no placement offer in phase ${stage.phase}`);
}

function withStage(state: CandidateState, stage: Stage, extra: Partial<ActiveCandidate> = {}): CandidateState {
  if (state.status !== 'active') return state;
  return { ...state, ...extra, stage };
}

export function evolveCandidate(state: CandidateState, event: CandidateEvent): CandidateState {
  switch (event.type) {
    case 'CandidateApplied': {
      const { appliedAt: _appliedAt, firstStep, ...application } = event.data;
      return { status: 'active', application, step: firstStep, stage: firstStage(firstStep), timerVersion: 0 };
    }
    case 'CandidateAdvanced':
      return state.status === 'active' ? { ...state, step: event.data.to, stage: firstStage(event.data.to) } : state;
    case 'CandidateScored':
      return withStage(state, { kind: 'selection', phase: 'scored', scores: event.data.scores });
    case 'CandidateSelected':
      return state;
    case 'CandidateEnrolledInTraining':
      return withStage(state, { kind: 'training', phase: 'enrolled', classId: event.data.classId, plannedEnd: event.data.plannedEnd });
    case 'CandidatePassedTraining':
      return state;
    case 'PracticumStarted': {
      const { district, department, endsOn, deadlineVersion } = event.data;
      return withStage(state, { kind: 'practicum', phase: 'in-progress', district, department, endsOn }, { timerVersion: deadlineVersion });
    }
    case 'PracticumPeriodEnded':
      return state.status === 'active' && state.stage.kind === 'practicum' && state.stage.phase === 'in-progress'
        ? withStage(state, { ...state.stage, phase: 'awaiting-evaluation' })
        : state;
    case 'PracticumEvaluated':
      return state;
    case 'PlacementOffered': {
      const { commune, title, placementKind, acceptBy, deadlineVersion } = event.data;
      return withStage(
        state,
        { kind: 'assignment', phase: 'offered', offer: { commune, title, placementKind, acceptBy } },
        { timerVersion: deadlineVersion },
      );
    }
    case 'PlacementAccepted': {
      if (state.status !== 'active') return state;
      const offer = offerOf(state.stage);
      return withStage(state, { kind: 'assignment', phase: 'accepted', offer }, { placement: offer.placementKind, placedIn: offer });
    }
    case 'PlacementDeclined':
    case 'AcceptanceWindowLapsed':
      return withStage(state, { kind: 'assignment', phase: 'awaiting-offer' });
    case 'LabourContractStarted':
      return state.status === 'active' ? withStage(state, { kind: 'assignment', phase: 'contracted', offer: offerOf(state.stage) }) : state;
    case 'RecruitmentDecided':
      return state.status === 'active'
        ? withStage(state, { kind: 'assignment', phase: 'recruited', offer: offerOf(state.stage) }, { recruitment: event.data.decision })
        : state;
    case 'TrialStarted':
      return state.status === 'active'
        ? withStage(
            state,
            { kind: 'assignment', phase: 'in-trial', offer: offerOf(state.stage), trialEndsOn: event.data.endsOn },
            { timerVersion: event.data.deadlineVersion },
          )
        : state;
    case 'TrialPeriodEnded':
      return state.status === 'active' && state.stage.kind === 'assignment' && state.stage.phase === 'in-trial'
        ? withStage(state, { ...state.stage, phase: 'trial-ended' })
        : state;
    case 'TrialEvaluated':
      return state.status === 'active' && event.data.passed
        ? withStage(state, { kind: 'assignment', phase: 'trial-passed', offer: offerOf(state.stage) })
        : state;
    case 'AddedToSuccessionPlanning':
      return state.status === 'active' ? completed(state, event.data.posts) : state;
    case 'CandidateCompletedProgramme':
      return state.status === 'active' ? completed(state, []) : state;
    case 'CandidateExited':
      return state.status === 'active' || state.status === 'completed'
        ? { status: 'exited', application: state.application, reason: event.data.reason, stepId: event.data.stepId, before: state }
        : state;
    case 'CandidateExitReversed':
      if (state.status !== 'exited') return state;
      // A timer that came due while the candidate was out was ignored: resume under a fresh deadline id.
      return state.before.status === 'active' ? { ...state.before, timerVersion: state.before.timerVersion + 1 } : state.before;
    default: {
      // An event this build does not know (a newer build wrote it): folding past it would give a wrong state.
      const unknown: never = event;
      throw new Error(`unknown candidate event type ${String((unknown as { type?: unknown }).type)}`);
    }
  }
}
