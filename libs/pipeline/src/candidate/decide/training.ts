import type { PipelineDefinition } from '../../definition/pipeline-definition';
import { accept, type Decision } from '../../shared/decision';
import type { CandidateCommand } from '../candidate.commands';
import type { CandidateEvent } from '../candidate.events';
import type { CandidateState } from '../candidate.state';
import { advanceFrom, firstOf, invalidField, isInstant, refuse, roleNotAllowed, stepDefinition, wrongStage } from './guards';

/** The class has checked the 6–8 month bound; the candidate only records where and when. */
export function enrolInTraining(command: Extract<CandidateCommand, { type: 'EnrolInTraining' }>, state: CandidateState): Decision<CandidateEvent> {
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['political-school']),
    () => wrongStage(state, 'training', ['awaiting-enrolment']),
    () => (!isInstant(command.startsOn) ? invalidField('startsOn', 'must be an ISO-8601 timestamp') : undefined),
    () => (!isInstant(command.plannedEnd) ? invalidField('plannedEnd', 'must be an ISO-8601 timestamp') : undefined),
  );
  if (refused || state.status !== 'active') return refused!;
  const { classId, startsOn, plannedEnd } = command;
  return accept({ type: 'CandidateEnrolledInTraining', data: { stepId: state.step.id, classId, startsOn, plannedEnd } });
}

export function recordTrainingResult(
  command: Extract<CandidateCommand, { type: 'RecordTrainingResult' }>,
  state: CandidateState,
  definition: PipelineDefinition,
): Decision<CandidateEvent> {
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['political-school']),
    () => wrongStage(state, 'training', ['enrolled']),
  );
  if (refused || state.status !== 'active' || state.stage.kind !== 'training' || state.stage.phase !== 'enrolled') return refused!;
  if (command.classId !== state.stage.classId) {
    return refuse('NOT_IN_THIS_CLASS', `the candidate is enrolled in class ${state.stage.classId}, not ${command.classId}`);
  }
  if (command.result !== 'passed') {
    const reason = command.result === 'failed' ? 'failed-training' : 'dropped-out-of-training';
    return accept({ type: 'CandidateExited', data: { reason, stepId: state.step.id, note: command.note } });
  }
  const parts = stepDefinition(definition, state.step.id).parts ?? [];
  const certified = new Set(command.certificates.map((certificate) => certificate.partId));
  const missing = parts.filter((part) => !certified.has(part.id)).map((part) => part.id);
  if (missing.length > 0) return refuse('CERTIFICATES_INCOMPLETE', `no certificate for: ${missing.join(', ')}`, { missing });
  const { classId, diploma, certificates } = command;
  return accept<CandidateEvent>(
    { type: 'CandidatePassedTraining', data: { stepId: state.step.id, classId, ...(diploma ? { diploma } : {}), certificates } },
    advanceFrom(state, definition),
  );
}
