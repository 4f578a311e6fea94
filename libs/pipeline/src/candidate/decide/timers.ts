import type { DeadlineKind } from '../../shared/deadline';
import { deadlineId } from '../../shared/deadline';
import { ignore, type Decision } from '../../shared/decision';
import type { CandidateEvent } from '../candidate.events';
import type { ActiveCandidate, CandidateState } from '../candidate.state';
import { refuse, roleNotAllowed } from './guards';

export function candidateDeadlineId(state: ActiveCandidate, kind: DeadlineKind): string {
  return deadlineId(state.application.candidateId, kind, state.timerVersion);
}

/**
 * Checks a timed command from the scheduler. A deadline that is no longer
 * current (the candidate exited, moved on, or the period was restarted) is
 * ignored with a reason; one that fires early is refused so the job retries.
 */
export function staleOrEarly(
  command: { actor: { role: string }; deadlineId: string },
  state: CandidateState,
  kind: DeadlineKind,
  isRunning: (state: ActiveCandidate) => boolean,
  dueAt: (state: ActiveCandidate) => string,
  now: Date,
): Decision<CandidateEvent> | undefined {
  // Only the scheduler fires timers; people end periods through their own commands (exit, evaluation).
  const refused = roleNotAllowed(command.actor as never, ['system']);
  if (refused) return refused;
  if (state.status !== 'active') return ignore(`the candidate is ${state.status}; deadline ${command.deadlineId} no longer applies`);
  if (!isRunning(state)) return ignore(`no ${kind} period is running; deadline ${command.deadlineId} no longer applies`);
  const current = candidateDeadlineId(state, kind);
  if (command.deadlineId !== current) return ignore(`deadline ${command.deadlineId} was replaced by ${current}`);
  if (now.getTime() < Date.parse(dueAt(state))) {
    return refuse('DEADLINE_NOT_YET_DUE', `deadline ${current} is due at ${dueAt(state)}`, { dueAt: dueAt(state) });
  }
  return undefined;
}
