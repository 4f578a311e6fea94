import type { Scores } from '../../round/ranking';
import type { PipelineDefinition } from '../../definition/pipeline-definition';
import { isCode } from '../../reference/label';
import { PRIOR_POSITIONS } from '../../reference/positions';
import { accept, reject, type Decision } from '../../shared/decision';
import { nfc } from '../../shared/text';
import type { CandidateCommand } from '../candidate.commands';
import type { CandidateEvent } from '../candidate.events';
import type { CandidateState } from '../candidate.state';
import { failedEligibilityRules } from '../eligibility';
import { advanceFrom, firstOf, invalidField, notActive, notYourDistrict, refuse, roleNotAllowed, stepAfter, wrongStage } from './guards';

type Apply = Extract<CandidateCommand, { type: 'ApplyForNeed' }>;

export function apply(command: Apply, state: CandidateState, now: Date, definition: PipelineDefinition): Decision<CandidateEvent> {
  const { need, education } = command;
  const firstStep = stepAfter(definition);
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['province-board', 'district-board']),
    () => notYourDistrict(command.actor, need.commune.districtCode),
    () =>
      need.definition.id !== definition.id || need.definition.version !== definition.version
        ? refuse(
            'DEFINITION_MISMATCH',
            `the round runs ${need.definition.id} v${need.definition.version}, not ${definition.id} v${definition.version}`,
            { round: need.definition },
          )
        : undefined,
    () => (state.status !== 'none' ? refuse('CANDIDATE_ALREADY_APPLIED', 'this candidate has already applied in this round') : undefined),
    () => (!need.approved ? refuse('NEED_NOT_APPROVED', `need ${need.needId} is not approved by the province`) : undefined),
    () => (command.fullName.trim() === '' ? invalidField('fullName', 'must not be empty') : undefined),
    () =>
      command.priorPosition !== undefined && !isCode(PRIOR_POSITIONS, command.priorPosition)
        ? invalidField('priorPosition', 'must be a known prior position')
        : undefined,
    () =>
      definition.requiredOutcomeFields.includes('priorPosition') && command.priorPosition === undefined
        ? invalidField('priorPosition', 'is required by this programme for its outcome reports')
        : undefined,
  );
  if (refused) return refused;
  const failed = failedEligibilityRules(education, need.acceptedMajors, definition.eligibility);
  if (failed.length > 0) {
    return reject('CANDIDATE_INELIGIBLE', `the candidate does not meet: ${failed.join(', ')}`, { failedRules: failed });
  }
  if (!firstStep) return reject('DEFINITION_HAS_NO_STEPS', `${definition.id} v${definition.version} has no candidate step`);
  return accept({
    type: 'CandidateApplied',
    data: {
      candidateId: command.candidateId,
      roundId: need.roundId,
      needId: need.needId,
      commune: { ...need.commune, name: nfc(need.commune.name) },
      title: need.title,
      fullName: nfc(command.fullName),
      birthDate: command.birthDate,
      education: { ...education, major: nfc(education.major), institution: nfc(education.institution) },
      ...(command.priorPosition ? { priorPosition: command.priorPosition } : {}),
      definition: { id: definition.id, version: definition.version },
      appliedAt: now.toISOString(),
      firstStep,
    },
  });
}

function badScore(scores: Scores): string | undefined {
  return (['test', 'academic', 'interview'] as const).find(
    (name) => typeof scores[name] !== 'number' || !Number.isFinite(scores[name]) || scores[name] < 0 || scores[name] > 100,
  );
}

export function recordScores(
  command: Extract<CandidateCommand, { type: 'RecordScores' }>,
  state: CandidateState,
): Decision<CandidateEvent> {
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['province-board']),
    () => notActive(state),
    () => wrongStage(state, 'selection', ['applied', 'scored']),
  );
  if (refused) return refused;
  const bad = badScore(command.scores);
  if (bad) return invalidField(`scores.${bad}`, 'must be a number from 0 to 100');
  return accept({ type: 'CandidateScored', data: { scores: command.scores } });
}

export function recordSelectionOutcome(
  command: Extract<CandidateCommand, { type: 'RecordSelectionOutcome' }>,
  state: CandidateState,
  definition: PipelineDefinition,
): Decision<CandidateEvent> {
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['province-board']),
    () => notActive(state),
    () => wrongStage(state, 'selection', ['scored']),
  );
  if (refused || state.status !== 'active') return refused!;
  const { rank, total } = command;
  if (command.outcome === 'withdrew') {
    return accept({ type: 'CandidateExited', data: { reason: 'withdrew', stepId: state.step.id, note: 'withdrew during selection' } });
  }
  if (command.outcome === 'not-selected') {
    return accept({
      type: 'CandidateExited',
      data: { reason: 'failed-selection', stepId: state.step.id, note: `rank ${rank}, total ${total}` },
    });
  }
  return accept<CandidateEvent>({ type: 'CandidateSelected', data: { rank, total } }, advanceFrom(state, definition));
}
