import type { PipelineDefinition } from '../definition/pipeline-definition';
import { addDays } from '../shared/calendar';
import type { Deadline, DeadlineKind } from '../shared/deadline';
import type { CandidateState } from './candidate.state';
import { candidateDeadlineId } from './decide/timers';

function deadline(state: CandidateState & { status: 'active' }, kind: DeadlineKind, dueAt: string, daysBefore: number[]): Deadline {
  return {
    id: candidateDeadlineId(state, kind),
    kind,
    streamId: state.application.candidateId,
    dueAt,
    reminders: daysBefore.map((days) => ({ daysBefore: days, at: addDays(new Date(dueAt), -days).toISOString() })),
  };
}

/**
 * The periods running for a candidate now, with reminders: what a scheduler
 * must have queued. Empty for an exited or finished candidate, which is how
 * its jobs get cancelled.
 */
export function candidateDeadlines(state: CandidateState, definition: PipelineDefinition): Deadline[] {
  if (state.status !== 'active') return [];
  const own = state.application.definition;
  if (own.id !== definition.id || own.version !== definition.version) {
    throw new Error(
      `candidate ${state.application.candidateId} runs ${own.id} v${own.version}, not ${definition.id} v${definition.version}`,
    );
  }
  const { stage } = state;
  if (stage.kind === 'practicum' && stage.phase === 'in-progress') {
    const step = definition.steps.find((candidate) => candidate.id === state.step.id);
    return [deadline(state, 'practicum-end', stage.endsOn, step?.reminderDaysBefore ?? [])];
  }
  if (stage.kind === 'assignment' && stage.phase === 'offered') {
    return [deadline(state, 'acceptance-window', stage.offer.acceptBy, definition.assignment?.acceptanceReminderDaysBefore ?? [])];
  }
  if (stage.kind === 'assignment' && stage.phase === 'in-trial') {
    return [deadline(state, 'trial-end', stage.trialEndsOn, definition.assignment?.trialReminderDaysBefore ?? [])];
  }
  return [];
}
