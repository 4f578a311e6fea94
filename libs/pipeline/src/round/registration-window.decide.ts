import { deadlineId } from '../shared/deadline';
import { accept, ignore, reject, type Decision } from '../shared/decision';
import type { RoundCommandOf } from './round.commands';
import { registrationDeadlineId } from './round.deadlines';
import type { RoundEvent } from './round.events';
import { invalidField, isInstant, windowPhase } from './round.guards';
import type { ActiveRound } from './round.state';

export function decideWindowExtension(
  command: RoundCommandOf<'ExtendRegistrationWindow'>,
  round: ActiveRound,
  now: Date,
): Decision<RoundEvent> {
  // A window past its closing time stays closed even if the close job has not fired yet.
  if (windowPhase(round, now) === 'closed')
    return reject('REGISTRATION_WINDOW_CLOSED', 'the registration window is closed and cannot be extended');
  if (!isInstant(command.closesAt)) return invalidField('closesAt', 'must be an ISO-8601 instant');
  const previousClosesAt = round.registrationClosesAt;
  if (Date.parse(command.closesAt) <= Date.parse(previousClosesAt)) {
    return reject('EXTENSION_NOT_LATER', `an extension must close later than ${previousClosesAt}`, {
      previousClosesAt,
      closesAt: command.closesAt,
    });
  }
  const deadlineVersion = round.deadlineVersion + 1;
  return accept({
    type: 'RegistrationWindowExtended',
    data: {
      roundId: round.roundId,
      previousClosesAt,
      closesAt: new Date(command.closesAt).toISOString(),
      deadlineVersion,
      deadlineId: deadlineId(round.roundId, 'registration-window-close', deadlineVersion),
    },
  });
}

export function decideWindowClose(command: RoundCommandOf<'CloseRegistrationWindow'>, round: ActiveRound, now: Date): Decision<RoundEvent> {
  const current = registrationDeadlineId(round);
  const closed: RoundEvent = {
    type: 'RegistrationWindowClosed',
    data: {
      roundId: round.roundId,
      trigger: command.actor.role === 'system' ? 'deadline' : 'province-board',
      scheduledClosesAt: round.registrationClosesAt,
      deadlineId: current,
    },
  };
  if (command.actor.role === 'system') {
    if (command.deadlineId === undefined) return invalidField('deadlineId', 'the scheduler must say which deadline fired');
    // A job for an earlier version, or one arriving after a close, is stale: nothing to do.
    if (round.status !== 'registering') return ignore(`the registration window is already closed (deadline ${command.deadlineId})`);
    if (command.deadlineId !== current)
      return ignore(`deadline ${command.deadlineId} is stale: the window was extended, the current deadline is ${current}`);
    // Refused, not ignored: the job is retried and closes the window when it is really due.
    if (now.getTime() < Date.parse(round.registrationClosesAt)) {
      return reject('DEADLINE_NOT_YET_DUE', `deadline ${current} is due at ${round.registrationClosesAt}`, {
        dueAt: round.registrationClosesAt,
      });
    }
    return accept(closed);
  }
  if (round.status !== 'registering') return reject('REGISTRATION_WINDOW_CLOSED', 'the registration window is already closed');
  if (windowPhase(round, now) === 'not-yet-open') {
    return reject('REGISTRATION_NOT_OPEN', `the registration window opens at ${round.registrationOpensAt}; it cannot close before`);
  }
  return accept(closed);
}
