import type { Role } from '../shared/actor';
import { addMonths, withinMonths } from '../shared/calendar';
import { accept, ignore, reject, type Decision } from '../shared/decision';
import type { TrainingClassCommand, TrainingClassCommandOf, TrainingClassCommandType } from './training-class.commands';
import { plannedEndDeadlineId } from './training-class.deadlines';
import type { TrainingClassEvent } from './training-class.events';
import { refuseResult } from './training-class.result-rules';
import type { OpenedTrainingClass, TrainingClassState } from './training-class.state';

type Result = Decision<TrainingClassEvent>;

/** The school runs its classes; only the scheduler marks time passing. Auditors only read. */
const ALLOWED_ROLE = {
  OpenClass: 'political-school',
  EnrolCandidate: 'political-school',
  ExtendClass: 'political-school',
  RecordResult: 'political-school',
  CloseClass: 'political-school',
  MarkPlannedEndReached: 'system',
} as const satisfies Record<TrainingClassCommandType, Role>;

export function decideTrainingClass(command: TrainingClassCommand, state: TrainingClassState, now: Date): Result {
  const allowed = ALLOWED_ROLE[command.type];
  if (command.actor.role !== allowed) {
    return reject('ROLE_NOT_ALLOWED', `Only the ${allowed} role may ${command.type}.`, {
      role: command.actor.role,
      allowedRole: allowed,
    });
  }
  switch (command.type) {
    case 'OpenClass':
      return openClass(command, state);
    case 'EnrolCandidate':
      return whenRunning(state, (opened) => enrolCandidate(command, opened, now));
    case 'ExtendClass':
      return whenRunning(state, (opened) => extendClass(command, opened));
    case 'RecordResult':
      return whenRunning(state, (opened) => recordResult(command, opened));
    case 'CloseClass':
      return whenRunning(state, closeClass);
    case 'MarkPlannedEndReached':
      return markPlannedEndReached(command, state, now);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

/** A not-yet-opened or closed class accepts no school command. */
function whenRunning(state: TrainingClassState, decide: (opened: OpenedTrainingClass) => Result): Result {
  if (state.status === 'not-opened') return reject('CLASS_NOT_OPENED', 'The class has not been opened.');
  if (state.status === 'closed') return reject('CLASS_CLOSED', 'The class is closed.', { classId: state.classId });
  return decide(state);
}

function parseInstant(value: string): Date | undefined {
  const instant = new Date(value);
  return typeof value === 'string' && !Number.isNaN(instant.getTime()) ? instant : undefined;
}

function openClass(command: TrainingClassCommandOf<'OpenClass'>, state: TrainingClassState): Result {
  if (state.status !== 'not-opened') {
    return reject('CLASS_ALREADY_OPENED', 'A class is opened once.', { classId: state.classId });
  }
  // Vietnamese names are kept as typed, only composed to NFC so equal names compare equal.
  const name = (command.name ?? '').normalize('NFC').trim();
  if (name === '') return reject('CLASS_NAME_REQUIRED', 'A class needs a name.');
  const startsOn = parseInstant(command.startsOn);
  const plannedEnd = parseInstant(command.plannedEnd);
  if (!startsOn || !plannedEnd) {
    const field = startsOn ? 'plannedEnd' : 'startsOn';
    return reject('INVALID_FIELD', `${field}: must be an ISO-8601 instant`, { field, rule: 'must be an ISO-8601 instant' });
  }
  const { minMonths, maxMonths } = command.duration ?? {};
  if (!(Number.isInteger(minMonths) && Number.isInteger(maxMonths) && minMonths >= 1 && maxMonths >= minMonths)) {
    return reject('INVALID_FIELD', 'duration: whole months with 1 ≤ minMonths ≤ maxMonths', {
      field: 'duration',
      rule: '1 ≤ minMonths ≤ maxMonths',
    });
  }
  if (!command.reminderDaysBefore.every((days) => Number.isInteger(days) && days >= 1)) {
    return reject('INVALID_FIELD', 'reminderDaysBefore: whole days ≥ 1', { field: 'reminderDaysBefore', rule: 'whole days ≥ 1' });
  }
  if (!withinMonths(startsOn, plannedEnd, minMonths, maxMonths)) {
    return reject(
      'TRAINING_LENGTH_OUT_OF_BOUNDS',
      `Training must last ${minMonths}–${maxMonths} calendar months (Vietnam time) from its start.`,
      {
        minMonths,
        maxMonths,
        earliestEnd: addMonths(startsOn, minMonths).toISOString(),
        latestEnd: addMonths(startsOn, maxMonths).toISOString(),
        plannedEnd: plannedEnd.toISOString(),
      },
    );
  }
  return accept({
    type: 'TrainingClassOpened',
    data: {
      classId: command.classId,
      name,
      roundId: command.roundId,
      startsOn: startsOn.toISOString(),
      plannedEnd: plannedEnd.toISOString(),
      duration: { minMonths, maxMonths },
      parts: command.parts.map(({ id, label }) => ({ id, label: { vi: label.vi.normalize('NFC'), en: label.en } })),
      reminderDaysBefore: [...command.reminderDaysBefore],
    },
  });
}

function enrolCandidate(command: TrainingClassCommandOf<'EnrolCandidate'>, state: OpenedTrainingClass, now: Date): Result {
  if (state.status === 'ended' || now.getTime() >= Date.parse(state.plannedEnd)) {
    return reject('CLASS_ENDED', 'Enrolment is closed: the class has reached its planned end.', {
      plannedEnd: state.plannedEnd,
    });
  }
  if (state.enrolments.some((e) => e.candidateId === command.candidateId)) {
    return reject('ALREADY_ENROLLED', 'A candidate is enrolled in a class once.', { candidateId: command.candidateId });
  }
  return accept({ type: 'TrainingClassCandidateEnrolled', data: { classId: state.classId, candidateId: command.candidateId } });
}

function extendClass(command: TrainingClassCommandOf<'ExtendClass'>, state: OpenedTrainingClass): Result {
  const requested = parseInstant(command.plannedEnd);
  if (!requested)
    return reject('INVALID_FIELD', 'plannedEnd: must be an ISO-8601 instant', { field: 'plannedEnd', rule: 'must be an ISO-8601 instant' });
  const current = new Date(state.plannedEnd);
  const latest = addMonths(new Date(state.startsOn), state.duration.maxMonths);
  if (requested.getTime() <= current.getTime()) {
    return reject('EXTENSION_NOT_LATER', `an extension must move the planned end later than ${state.plannedEnd}`, {
      currentPlannedEnd: state.plannedEnd,
      requested: requested.toISOString(),
    });
  }
  if (requested.getTime() > latest.getTime()) {
    return reject(
      'EXTENSION_BEYOND_LIMIT',
      `An extension may move the planned end to at most ${state.duration.maxMonths} calendar months after the start.`,
      { currentPlannedEnd: state.plannedEnd, latestAllowed: latest.toISOString(), requested: requested.toISOString() },
    );
  }
  return accept({
    type: 'TrainingClassExtended',
    data: { classId: state.classId, previousPlannedEnd: state.plannedEnd, plannedEnd: requested.toISOString() },
  });
}

function recordResult(command: TrainingClassCommandOf<'RecordResult'>, state: OpenedTrainingClass): Result {
  const { candidateId, result } = command;
  const enrolment = state.enrolments.find((e) => e.candidateId === candidateId);
  if (!enrolment) return reject('NOT_ENROLLED', 'Results are recorded only for enrolled candidates.', { candidateId });
  if (enrolment.result) {
    return reject('RESULT_ALREADY_RECORDED', 'A candidate has one training result.', {
      candidateId,
      outcome: enrolment.result.outcome,
    });
  }
  const refused = refuseResult(result, state.parts);
  if (refused) return refused;
  const recorded =
    result.outcome === 'passed'
      ? { outcome: result.outcome, diploma: { ...result.diploma }, certificates: result.certificates.map((c) => ({ ...c })) }
      : { outcome: result.outcome, reason: result.reason.normalize('NFC').trim() };
  return accept({ type: 'TrainingClassResultRecorded', data: { classId: state.classId, candidateId, result: recorded } });
}

function closeClass(state: OpenedTrainingClass): Result {
  const missing = state.enrolments.filter((e) => !e.result).map((e) => e.candidateId);
  if (missing.length > 0) {
    return reject('RESULTS_MISSING', 'A class closes only when every enrolled candidate has a result.', {
      candidateIds: missing,
    });
  }
  return accept({ type: 'TrainingClassClosed', data: { classId: state.classId } });
}

/** A timed command: when it no longer matches the class, it is ignored rather than refused. */
function markPlannedEndReached(command: TrainingClassCommandOf<'MarkPlannedEndReached'>, state: TrainingClassState, now: Date): Result {
  if (state.status === 'not-opened') return ignore(`Deadline ${command.deadlineId} is for a class that was never opened.`);
  if (state.status === 'closed') return ignore(`Deadline ${command.deadlineId} is stale: the class is closed.`);
  if (state.status === 'ended') return ignore(`Deadline ${command.deadlineId} is stale: the planned end was already recorded.`);
  const current = plannedEndDeadlineId(state);
  if (command.deadlineId !== current) {
    return ignore(`Deadline ${command.deadlineId} is stale: the class was extended since; the current deadline is ${current}.`);
  }
  // Refused, not ignored: the job is retried and marks the end when it is really due.
  if (now.getTime() < Date.parse(state.plannedEnd)) {
    return reject('DEADLINE_NOT_YET_DUE', `deadline ${current} is due at ${state.plannedEnd}`, { dueAt: state.plannedEnd });
  }
  return accept({
    type: 'TrainingClassPlannedEndReached',
    data: { classId: state.classId, plannedEnd: state.plannedEnd, deadlineId: current },
  });
}
