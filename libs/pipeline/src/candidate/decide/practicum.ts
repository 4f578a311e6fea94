import type { PipelineDefinition } from '../../definition/pipeline-definition';
import { addMonths, withinMonths } from '../../shared/calendar';
import { accept, type Decision } from '../../shared/decision';
import { nfc } from '../../shared/text';
import type { CandidateCommand } from '../candidate.commands';
import type { CandidateEvent } from '../candidate.events';
import type { ActiveCandidate, CandidateState } from '../candidate.state';
import {
  advanceFrom,
  firstOf,
  invalidField,
  isInstant,
  notYourDistrict,
  refuse,
  roleNotAllowed,
  stepDefinition,
  wrongStage,
} from './guards';
import { staleOrEarly } from './timers';

export function startPracticum(
  command: Extract<CandidateCommand, { type: 'StartPracticum' }>,
  state: CandidateState,
  definition: PipelineDefinition,
): Decision<CandidateEvent> {
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['province-board']),
    () => wrongStage(state, 'practicum', ['awaiting-allocation']),
    () => (!isInstant(command.startsOn) ? invalidField('startsOn', 'must be an ISO-8601 timestamp') : undefined),
    () => (command.district.trim() === '' ? invalidField('district', 'must not be empty') : undefined),
    () => (command.department.trim() === '' ? invalidField('department', 'must not be empty') : undefined),
  );
  if (refused || state.status !== 'active') return refused!;
  const { minMonths, maxMonths } = stepDefinition(definition, state.step.id).duration!;
  const start = new Date(command.startsOn);
  // An exact length (Bắc Giang: 3 months) is computed, never typed in.
  const end = command.endsOn ? new Date(command.endsOn) : addMonths(start, minMonths);
  if (!withinMonths(start, end, minMonths, maxMonths)) {
    const allowed = minMonths === maxMonths ? `exactly ${minMonths} months` : `${minMonths} to ${maxMonths} months`;
    return refuse('PRACTICUM_LENGTH_OUT_OF_BOUNDS', `a practicum lasts ${allowed}`, { minMonths, maxMonths });
  }
  const { district, startsOn } = command;
  return accept({
    type: 'PracticumStarted',
    data: {
      stepId: state.step.id,
      district,
      department: nfc(command.department),
      startsOn,
      endsOn: end.toISOString(),
      deadlineVersion: state.timerVersion + 1,
    },
  });
}

export function endPracticumPeriod(
  command: Extract<CandidateCommand, { type: 'EndPracticumPeriod' }>,
  state: CandidateState,
  now: Date,
): Decision<CandidateEvent> {
  const inPractice = (candidate: ActiveCandidate) => candidate.stage.kind === 'practicum' && candidate.stage.phase === 'in-progress';
  const endsOn = (candidate: ActiveCandidate) => ('endsOn' in candidate.stage ? candidate.stage.endsOn : '');
  const skip = staleOrEarly(command, state, 'practicum-end', inPractice, endsOn, now);
  if (skip || state.status !== 'active') return skip!;
  return accept({ type: 'PracticumPeriodEnded', data: { stepId: state.step.id, deadlineId: command.deadlineId } });
}

export function evaluatePracticum(
  command: Extract<CandidateCommand, { type: 'EvaluatePracticum' }>,
  state: CandidateState,
  definition: PipelineDefinition,
): Decision<CandidateEvent> {
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['district-board', 'province-board']),
    () => wrongStage(state, 'practicum', ['awaiting-evaluation']),
    () => (state.status === 'active' && 'district' in state.stage ? notYourDistrict(command.actor, state.stage.district) : undefined),
  );
  if (refused || state.status !== 'active') return refused!;
  const comments = nfc(command.comments);
  const evaluated: CandidateEvent = {
    type: 'PracticumEvaluated',
    data: { stepId: state.step.id, satisfactory: command.satisfactory, comments },
  };
  if (!command.satisfactory) {
    return accept<CandidateEvent>(evaluated, {
      type: 'CandidateExited',
      data: { reason: 'unsatisfactory-practicum', stepId: state.step.id, note: comments },
    });
  }
  return accept<CandidateEvent>(evaluated, advanceFrom(state, definition));
}
