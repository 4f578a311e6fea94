import type { PipelineDefinition } from '../definition/pipeline-definition';
import type { Decision } from '../shared/decision';
import type { CandidateCommand } from './candidate.commands';
import type { CandidateEvent } from './candidate.events';
import type { CandidateState } from './candidate.state';
import { isOutsideDistrictBoard } from './candidate-districts';
import { apply, recordScores, recordSelectionOutcome } from './decide/apply-and-select';
import {
  answerOffer,
  endTrialPeriod,
  evaluateTrial,
  lapseAcceptanceWindow,
  offerPlacement,
  recordRecruitmentDecision,
  startLabourContract,
  startTrial,
} from './decide/assignment';
import { addToSuccessionPlanning, exitCandidate, reverseExit } from './decide/exits';
import { definitionMismatch, notYourDistrict, refuse } from './decide/guards';
import { endPracticumPeriod, evaluatePracticum, startPracticum } from './decide/practicum';
import { enrolInTraining, recordTrainingResult } from './decide/training';

/**
 * Decides a command about one candidate. `definition` must be the exact
 * version the candidate started under (for an application: the round's).
 */
export function decideCandidate(
  command: CandidateCommand,
  state: CandidateState,
  now: Date,
  definition: PipelineDefinition,
): Decision<CandidateEvent> {
  if (command.actor.role === 'auditor') return refuse('ROLE_NOT_ALLOWED', 'auditors have read-only access');
  const mismatch = definitionMismatch(state, definition);
  if (mismatch) return mismatch;
  // Before any check that reads the state: a refusal naming the step or phase would tell another district about the candidate.
  const outsider = districtOutsider(command, state);
  if (outsider) return outsider;
  switch (command.type) {
    case 'ApplyForNeed':
      return apply(command, state, now, definition);
    case 'RecordScores':
      return recordScores(command, state);
    case 'RecordSelectionOutcome':
      return recordSelectionOutcome(command, state, definition);
    case 'EnrolInTraining':
      return enrolInTraining(command, state, definition);
    case 'RecordTrainingResult':
      return recordTrainingResult(command, state, definition);
    case 'StartPracticum':
      return startPracticum(command, state, definition);
    case 'EndPracticumPeriod':
      return endPracticumPeriod(command, state, now);
    case 'EvaluatePracticum':
      return evaluatePracticum(command, state, definition);
    case 'OfferPlacement':
      return offerPlacement(command, state, now, definition);
    case 'AcceptPlacement':
    case 'DeclinePlacement':
      return answerOffer(command, state, now);
    case 'LapseAcceptanceWindow':
      return lapseAcceptanceWindow(command, state, now);
    case 'StartLabourContract':
      return startLabourContract(command, state);
    case 'RecordRecruitmentDecision':
      return recordRecruitmentDecision(command, state);
    case 'StartTrial':
      return startTrial(command, state, definition);
    case 'EndTrialPeriod':
      return endTrialPeriod(command, state, now);
    case 'EvaluateTrial':
      return evaluateTrial(command, state);
    case 'AddToSuccessionPlanning':
      return addToSuccessionPlanning(command, state);
    case 'ExitCandidate':
      return exitCandidate(command, state, definition);
    case 'ReverseExit':
      return reverseExit(command, state);
    default: {
      const unknown: never = command;
      return refuse('UNKNOWN_COMMAND', `unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

/** A district board asking about a candidate none of whose districts is its own (an application has none yet). */
function districtOutsider({ actor }: CandidateCommand, state: CandidateState) {
  if (state.status === 'none' || !isOutsideDistrictBoard(actor, state)) return undefined;
  return notYourDistrict(actor, state.application.commune.districtCode);
}
