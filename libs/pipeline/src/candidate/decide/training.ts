import type { PipelineDefinition } from '../../definition/pipeline-definition';
import { withinMonths } from '../../shared/calendar';
import { accept, type Decision } from '../../shared/decision';
import { isBlank, nfc } from '../../shared/text';
import type { CandidateCommand } from '../candidate.commands';
import type { CandidateEvent } from '../candidate.events';
import type { CandidateState } from '../candidate.state';
import { advanceFrom, firstOf, invalidField, isInstant, refuse, roleNotAllowed, stepDefinition, wrongStage } from './guards';

export function enrolInTraining(
  command: Extract<CandidateCommand, { type: 'EnrolInTraining' }>,
  state: CandidateState,
  definition: PipelineDefinition,
): Decision<CandidateEvent> {
  const refused = firstOf(
    () => roleNotAllowed(command.actor, ['political-school']),
    () => wrongStage(state, 'training', ['awaiting-enrolment']),
    () => (isBlank(command.classId) ? invalidField('classId', 'must not be empty') : undefined),
    () => (!isInstant(command.startsOn) ? invalidField('startsOn', 'must be an ISO-8601 timestamp') : undefined),
    () => (!isInstant(command.plannedEnd) ? invalidField('plannedEnd', 'must be an ISO-8601 timestamp') : undefined),
  );
  if (refused || state.status !== 'active') return refused!;
  // The class checks its own length too; the candidate's definition version is what binds this candidate.
  const { minMonths, maxMonths } = stepDefinition(definition, state.step.id).duration!;
  if (!withinMonths(new Date(command.startsOn), new Date(command.plannedEnd), minMonths, maxMonths)) {
    return refuse('TRAINING_LENGTH_OUT_OF_BOUNDS', `training lasts ${minMonths} to ${maxMonths} months`, { minMonths, maxMonths });
  }
  const { classId, startsOn, plannedEnd } = command;
  return accept({ type: 'CandidateEnrolledInTraining', data: { stepId: state.step.id, classId, startsOn, plannedEnd } });
}

/** A pass carries the diploma and exactly one certificate per part of the training step. */
function checkCertificates(
  command: Extract<CandidateCommand, { type: 'RecordTrainingResult'; result: 'passed' }>,
  parts: { id: string }[],
): Decision<CandidateEvent> | undefined {
  const diploma = command.diploma as Partial<typeof command.diploma> | undefined;
  if (!diploma || isBlank(diploma.number) || isBlank(diploma.date) || isBlank(diploma.issuer)) {
    return refuse('DIPLOMA_REQUIRED', 'a pass records the intermediate political theory diploma (number, date, issuer)');
  }
  const known = new Set(parts.map((part) => part.id));
  const given = command.certificates.map((certificate) => certificate.partId);
  const unknown = given.filter((partId) => !known.has(partId));
  if (unknown.length > 0)
    return refuse('UNKNOWN_PART', `the training step has no part: ${unknown.join(', ')}`, { unknownPartIds: unknown });
  const duplicated = given.filter((partId, index) => given.indexOf(partId) !== index);
  if (duplicated.length > 0)
    return refuse('DUPLICATE_CERTIFICATE', `more than one certificate for: ${duplicated.join(', ')}`, { duplicatePartIds: duplicated });
  const missing = parts.map((part) => part.id).filter((partId) => !given.includes(partId));
  if (missing.length > 0)
    return refuse('CERTIFICATES_INCOMPLETE', `no certificate for: ${missing.join(', ')}`, { missingPartIds: missing });
  return undefined;
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
    if (isBlank(command.note)) return refuse('REASON_REQUIRED', `a ${command.result} result must say why`, { outcome: command.result });
    const reason = command.result === 'failed' ? 'failed-training' : 'dropped-out-of-training';
    return accept({ type: 'CandidateExited', data: { reason, stepId: state.step.id, note: nfc(command.note) } });
  }
  const certificateProblem = checkCertificates(command, stepDefinition(definition, state.step.id).parts ?? []);
  if (certificateProblem) return certificateProblem;
  const { classId, diploma, certificates } = command;
  return accept<CandidateEvent>(
    { type: 'CandidatePassedTraining', data: { stepId: state.step.id, classId, diploma, certificates } },
    advanceFrom(state, definition),
  );
}
