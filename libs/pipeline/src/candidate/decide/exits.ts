import type { PipelineDefinition, StepKind } from '../../definition/pipeline-definition';
import { EXIT_REASONS, type ExitReason } from '../../reference/exit-reasons';
import { isCode } from '../../reference/label';
import { SUCCESSION_POSTS } from '../../reference/positions';
import { accept, type Decision } from '../../shared/decision';
import { nfc } from '../../shared/text';
import type { CandidateCommand } from '../candidate.commands';
import type { CandidateEvent } from '../candidate.events';
import { seatHeld } from '../candidate-seat';
import type { CandidateState } from '../candidate.state';
import { firstOf, invalidField, notActive, notYourDistrict, refuse, roleNotAllowed, wrongStage } from './guards';

type Of<T extends CandidateCommand['type']> = Extract<CandidateCommand, { type: T }>;

/** Reasons tied to one step; the others (withdrew, illness, death, resigned, transferred) fit any step. */
const REASON_STEP: Partial<Record<ExitReason, Exclude<StepKind, 'needs'>>> = {
  'failed-selection': 'selection',
  'failed-training': 'training',
  'dropped-out-of-training': 'training',
  'unsatisfactory-practicum': 'practicum',
  'declined-placement': 'assignment',
  'not-placed': 'assignment',
  'failed-trial': 'assignment',
  'contract-ended': 'assignment',
};

/** After placement a person can still leave; the reports count these departures too. */
const AFTER_COMPLETION: readonly ExitReason[] = ['illness', 'death', 'resigned', 'transferred'];

export function exitCandidate(
  command: Of<'ExitCandidate'>,
  state: CandidateState,
  definition: PipelineDefinition,
): Decision<CandidateEvent> {
  if (state.status === 'completed') return exitAfterCompletion(command, state, definition);
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['province-board', 'district-board', 'political-school']),
    () => notActive(state),
    () => (state.status === 'active' ? notYourDistrict(command.actor, state.application.commune.districtCode) : undefined),
    () =>
      command.actor.role === 'political-school' && state.status === 'active' && state.step.kind !== 'training'
        ? refuse('ROLE_NOT_ALLOWED', 'the Political School records exits only during training')
        : undefined,
    () =>
      !isCode(EXIT_REASONS, command.reason) ? invalidField('reason', `must be one of: ${Object.keys(EXIT_REASONS).join(', ')}`) : undefined,
    () =>
      !definition.allowedExitReasons.includes(command.reason)
        ? refuse('EXIT_REASON_NOT_ALLOWED', `${definition.id} v${definition.version} does not allow the exit reason ${command.reason}`)
        : undefined,
  );
  if (refused || state.status !== 'active') return refused!;
  const requiredStep = REASON_STEP[command.reason];
  if (requiredStep && requiredStep !== state.step.kind) {
    return refuse(
      'EXIT_REASON_NOT_FOR_STEP',
      `${command.reason} applies to the ${requiredStep} step; the candidate is at ${state.step.id}`,
      { requiredStep },
    );
  }
  return accept({ type: 'CandidateExited', data: { reason: command.reason, stepId: state.step.id, note: nfc(command.note) } });
}

function exitAfterCompletion(
  command: Of<'ExitCandidate'>,
  state: CandidateState & { status: 'completed' },
  definition: PipelineDefinition,
): Decision<CandidateEvent> {
  const district = state.placedIn?.commune.districtCode ?? state.application.commune.districtCode;
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['province-board', 'district-board']),
    () => notYourDistrict(command.actor, district),
    () =>
      !AFTER_COMPLETION.includes(command.reason)
        ? refuse('EXIT_REASON_NOT_FOR_STEP', `after completion a candidate can leave only through: ${AFTER_COMPLETION.join(', ')}`)
        : undefined,
    () =>
      !definition.allowedExitReasons.includes(command.reason)
        ? refuse('EXIT_REASON_NOT_ALLOWED', `${definition.id} v${definition.version} does not allow the exit reason ${command.reason}`)
        : undefined,
  );
  return refused ?? accept({ type: 'CandidateExited', data: { reason: command.reason, stepId: 'completed', note: nfc(command.note) } });
}

/**
 * Only the province reverses an exit, and it must say why; the exit stays in the history. The exit freed any
 * seat the candidate held: the reversal gives it back only if it has not been offered to someone else since.
 */
export function reverseExit(command: Of<'ReverseExit'>, state: CandidateState): Decision<CandidateEvent> {
  const seat = state.status === 'exited' ? seatHeld(state.before) : undefined;
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['province-board']),
    () => (state.status !== 'exited' ? refuse('CANDIDATE_NOT_EXITED', `the candidate is ${state.status}, not exited`) : undefined),
    () => (command.reason.trim() === '' ? invalidField('reason', 'must state why the exit is reversed') : undefined),
    () =>
      seat && (command.openSlots ?? 0) < 1
        ? refuse('NO_OPEN_SLOT', `the ${seat.title} seat in ${seat.commune.name} the candidate held has been given to someone else since`)
        : undefined,
  );
  return refused ?? accept({ type: 'CandidateExitReversed', data: { reason: nfc(command.reason) } });
}

export function addToSuccessionPlanning(command: Of<'AddToSuccessionPlanning'>, state: CandidateState): Decision<CandidateEvent> {
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['province-board']),
    () => wrongStage(state, 'assignment', ['trial-passed']),
    () =>
      command.posts.length === 0 || command.posts.some((post) => !isCode(SUCCESSION_POSTS, post))
        ? invalidField('posts', `one or more of: ${Object.keys(SUCCESSION_POSTS).join(', ')}`)
        : undefined,
  );
  return refused ?? accept({ type: 'AddedToSuccessionPlanning', data: { posts: [...new Set(command.posts)] } });
}
