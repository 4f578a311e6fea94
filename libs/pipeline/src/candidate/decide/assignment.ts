import type { PipelineDefinition } from '../../definition/pipeline-definition';
import { isCode } from '../../reference/label';
import { PLACEMENT_KINDS } from '../../reference/positions';
import { addDays, addMonths } from '../../shared/calendar';
import { accept, type Decision } from '../../shared/decision';
import { nfc } from '../../shared/text';
import type { CandidateCommand } from '../candidate.commands';
import type { CandidateEvent } from '../candidate.events';
import type { ActiveCandidate, CandidateState, Offer } from '../candidate.state';
import { firstOf, invalidField, isInstant, notYourDistrict, refuse, roleNotAllowed, titleMismatch, wrongStage } from './guards';
import { staleOrEarly } from './timers';

type Of<T extends CandidateCommand['type']> = Extract<CandidateCommand, { type: T }>;

const offerOf = (state: CandidateState): Offer | undefined =>
  state.status === 'active' && 'offer' in state.stage ? state.stage.offer : undefined;

/** District boards act for the commune the candidate was offered. */
const forOfferedDistrict = (command: CandidateCommand, state: CandidateState) => () => {
  const offer = offerOf(state);
  return offer ? notYourDistrict(command.actor, offer.commune.districtCode) : undefined;
};

export function offerPlacement(
  command: Of<'OfferPlacement'>,
  state: CandidateState,
  now: Date,
  definition: PipelineDefinition,
): Decision<CandidateEvent> {
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['province-board']),
    () => wrongStage(state, 'assignment', ['awaiting-offer']),
    () => titleMismatch(state, command.title),
    () =>
      command.openSlots < 1 ? refuse('NO_OPEN_SLOT', `commune ${command.commune.name} has no open slot for ${command.title}`) : undefined,
    () =>
      !isCode(PLACEMENT_KINDS, command.placementKind)
        ? invalidField('placementKind', `must be one of: ${Object.keys(PLACEMENT_KINDS).join(', ')}`)
        : undefined,
  );
  if (refused || state.status !== 'active') return refused!;
  const { commune, title } = command;
  return accept({
    type: 'PlacementOffered',
    data: {
      commune: { ...commune, name: nfc(commune.name) },
      title,
      placementKind: command.placementKind,
      acceptBy: addDays(now, definition.assignment!.acceptanceWindowDays).toISOString(),
      deadlineVersion: state.timerVersion + 1,
    },
  });
}

export function answerOffer(
  command: Of<'AcceptPlacement'> | Of<'DeclinePlacement'>,
  state: CandidateState,
  now: Date,
): Decision<CandidateEvent> {
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['district-board', 'province-board']),
    () => wrongStage(state, 'assignment', ['offered']),
    forOfferedDistrict(command, state),
  );
  if (refused || state.status !== 'active') return refused!;
  const offer = offerOf(state)!;
  // The window is [offer, acceptBy): at acceptBy the lapse timer owns the outcome.
  if (now.getTime() >= Date.parse(offer.acceptBy)) {
    return refuse('ACCEPTANCE_WINDOW_LAPSED', `the offer had to be answered by ${offer.acceptBy}`, { acceptBy: offer.acceptBy });
  }
  if (command.type === 'AcceptPlacement') return accept({ type: 'PlacementAccepted', data: { acceptedAt: now.toISOString() } });
  return accept<CandidateEvent>(
    { type: 'PlacementDeclined', data: { declinedAt: now.toISOString(), note: nfc(command.note) } },
    { type: 'CandidateExited', data: { reason: 'declined-placement', stepId: state.step.id, note: nfc(command.note) } },
  );
}

export function lapseAcceptanceWindow(command: Of<'LapseAcceptanceWindow'>, state: CandidateState, now: Date): Decision<CandidateEvent> {
  const offered = (candidate: ActiveCandidate) => candidate.stage.kind === 'assignment' && candidate.stage.phase === 'offered';
  const skip = staleOrEarly(command, state, 'acceptance-window', offered, (candidate) => offerOf(candidate)!.acceptBy, now);
  return skip ?? accept({ type: 'AcceptanceWindowLapsed', data: { deadlineId: command.deadlineId } });
}

export function startLabourContract(command: Of<'StartLabourContract'>, state: CandidateState): Decision<CandidateEvent> {
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['district-board', 'province-board']),
    () => wrongStage(state, 'assignment', ['accepted']),
    forOfferedDistrict(command, state),
    () => (command.contractNumber.trim() === '' ? invalidField('contractNumber', 'must not be empty') : undefined),
    () => (!isInstant(command.startsOn) ? invalidField('startsOn', 'must be an ISO-8601 timestamp') : undefined),
  );
  return refused ?? accept({ type: 'LabourContractStarted', data: { contractNumber: command.contractNumber, startsOn: command.startsOn } });
}

/** Home Affairs recruits for the title the need was registered for, and no other. */
export function recordRecruitmentDecision(command: Of<'RecordRecruitmentDecision'>, state: CandidateState): Decision<CandidateEvent> {
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['home-affairs']),
    () => wrongStage(state, 'assignment', ['contracted']),
    () => titleMismatch(state, command.title),
    () =>
      (['number', 'date', 'issuer'] as const)
        .map((field) =>
          String(command.decision[field] ?? '').trim() === '' ? invalidField(`decision.${field}`, 'must not be empty') : undefined,
        )
        .find(Boolean),
  );
  return refused ?? accept({ type: 'RecruitmentDecided', data: { title: command.title, decision: command.decision } });
}

export function startTrial(command: Of<'StartTrial'>, state: CandidateState, definition: PipelineDefinition): Decision<CandidateEvent> {
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['district-board', 'province-board']),
    () => wrongStage(state, 'assignment', ['recruited']),
    forOfferedDistrict(command, state),
    () =>
      command.tasks.filter((task) => task.trim() !== '').length === 0 ? invalidField('tasks', 'at least one assigned task') : undefined,
    () => (!isInstant(command.startsOn) ? invalidField('startsOn', 'must be an ISO-8601 timestamp') : undefined),
  );
  if (refused || state.status !== 'active') return refused!;
  const endsOn = addMonths(new Date(command.startsOn), definition.assignment!.trialMonths).toISOString();
  return accept({
    type: 'TrialStarted',
    data: {
      tasks: command.tasks.map(nfc).filter((task) => task !== ''),
      startsOn: command.startsOn,
      endsOn,
      deadlineVersion: state.timerVersion + 1,
    },
  });
}

export function endTrialPeriod(command: Of<'EndTrialPeriod'>, state: CandidateState, now: Date): Decision<CandidateEvent> {
  const inTrial = (candidate: ActiveCandidate) => candidate.stage.kind === 'assignment' && candidate.stage.phase === 'in-trial';
  const endsOn = (candidate: ActiveCandidate) => ('trialEndsOn' in candidate.stage ? candidate.stage.trialEndsOn : '');
  return (
    staleOrEarly(command, state, 'trial-end', inTrial, endsOn, now) ??
    accept({ type: 'TrialPeriodEnded', data: { deadlineId: command.deadlineId } })
  );
}

export function evaluateTrial(command: Of<'EvaluateTrial'>, state: CandidateState): Decision<CandidateEvent> {
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['district-board', 'province-board']),
    () => wrongStage(state, 'assignment', ['trial-ended']),
    forOfferedDistrict(command, state),
  );
  if (refused || state.status !== 'active') return refused!;
  const comments = nfc(command.comments);
  const evaluated: CandidateEvent = { type: 'TrialEvaluated', data: { passed: command.passed, comments } };
  if (command.passed) return accept(evaluated);
  return accept<CandidateEvent>(evaluated, {
    type: 'CandidateExited',
    data: { reason: 'failed-trial', stepId: state.step.id, note: comments },
  });
}
