import type { Role } from '../shared/actor';
import { invalidSelectionRules } from './selection.decide';
import { accept, ignore, reject, type Decision } from '../shared/decision';
import { decideNeedApproval, decideNeedAmendment, decideNeedRegistration, decideNeedWithdrawal } from './need.decide';
import { decideWindowClose, decideWindowExtension } from './registration-window.decide';
import type { RoundCommand, RoundCommandOf, RoundCommandType } from './round.commands';
import type { RoundEvent } from './round.events';
import { firstOf, invalidField, isFilled, isInstant, nfc, refuse, roleNotAllowed } from './round.guards';
import type { RoundState } from './round.state';
import { decideResultsPublication, decideSelectionStart } from './selection.decide';

const PROVINCE: readonly Role[] = ['province-board'];
const PROVINCE_OR_DISTRICT: readonly Role[] = ['province-board', 'district-board'];

/** The province board owns the round; district boards handle their communes' needs; the scheduler only closes the window. */
export const ROUND_ALLOWED_ROLES: Record<RoundCommandType, readonly Role[]> = {
  OpenRound: PROVINCE,
  RegisterNeed: PROVINCE_OR_DISTRICT,
  AmendNeed: PROVINCE_OR_DISTRICT,
  WithdrawNeed: PROVINCE_OR_DISTRICT,
  ApproveNeed: PROVINCE,
  ExtendRegistrationWindow: PROVINCE,
  CloseRegistrationWindow: ['province-board', 'system'],
  StartSelection: PROVINCE,
  PublishSelectionResults: PROVINCE,
  CloseRound: PROVINCE,
};

export function decideRound(command: RoundCommand, state: RoundState, now: Date): Decision<RoundEvent> {
  const notAllowed = roleNotAllowed(command.actor, ROUND_ALLOWED_ROLES[command.type]);
  if (notAllowed) return notAllowed;
  if (command.type === 'OpenRound') return decideOpening(command, state);
  if (state.status === 'not-opened') return reject('ROUND_NOT_OPENED', `round ${command.roundId} has not been opened`);
  if (state.status === 'closed') {
    // A close job that fires after the round closed has nothing left to do.
    if (command.type === 'CloseRegistrationWindow' && command.actor.role === 'system') return ignore('the round is closed');
    return reject('ROUND_CLOSED', `round ${state.roundId} is closed`);
  }
  switch (command.type) {
    case 'RegisterNeed':
      return decideNeedRegistration(command, state, now);
    case 'AmendNeed':
      return decideNeedAmendment(command, state, now);
    case 'WithdrawNeed':
      return decideNeedWithdrawal(command, state);
    case 'ApproveNeed':
      return decideNeedApproval(command, state);
    case 'ExtendRegistrationWindow':
      return decideWindowExtension(command, state, now);
    case 'CloseRegistrationWindow':
      return decideWindowClose(command, state, now);
    case 'StartSelection':
      return decideSelectionStart(state);
    case 'PublishSelectionResults':
      return decideResultsPublication(command, state);
    case 'CloseRound':
      return accept({ type: 'RoundClosed', data: { roundId: state.roundId } });
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function decideOpening(command: RoundCommandOf<'OpenRound'>, state: RoundState): Decision<RoundEvent> {
  if (state.status !== 'not-opened') return reject('ROUND_ALREADY_OPENED', `round ${state.roundId} is already open`);
  const { roundId, name, provinceCode, definition, registrationOpensAt, registrationClosesAt } = command;
  const { registrationReminderDaysBefore: reminders, titles, selectionRules } = command;
  const rejection = firstOf(
    () => (isFilled(roundId) ? undefined : invalidField('roundId', 'must not be blank')),
    () => (isFilled(name) ? undefined : invalidField('name', 'must not be blank')),
    () => (isFilled(provinceCode) ? undefined : invalidField('provinceCode', 'must not be blank')),
    () => (isFilled(definition?.id) ? undefined : invalidField('definition.id', 'must not be blank')),
    () =>
      Number.isInteger(definition.version) && definition.version >= 1
        ? undefined
        : invalidField('definition.version', 'must be a whole number of at least 1'),
    () => (isInstant(registrationOpensAt) ? undefined : invalidField('registrationOpensAt', 'must be an ISO-8601 instant')),
    () => (isInstant(registrationClosesAt) ? undefined : invalidField('registrationClosesAt', 'must be an ISO-8601 instant')),
    () =>
      Date.parse(registrationClosesAt) > Date.parse(registrationOpensAt)
        ? undefined
        : refuse('INVALID_REGISTRATION_WINDOW', 'the registration window must close after it opens', {
            registrationOpensAt,
            registrationClosesAt,
          }),
    () =>
      reminders.every((days) => Number.isInteger(days) && days > 0)
        ? undefined
        : invalidField('registrationReminderDaysBefore', 'each must be a whole number of days, at least 1'),
    () => (titles.length > 0 && titles.every(isFilled) ? undefined : invalidField('titles', 'at least one title code, none blank')),
    () => invalidSelectionRules(selectionRules),
  );
  if (rejection) return rejection;
  return accept({
    type: 'RoundOpened',
    data: {
      roundId,
      name: nfc(name),
      provinceCode,
      definition: { id: definition.id, version: definition.version },
      registrationOpensAt: new Date(registrationOpensAt).toISOString(),
      registrationClosesAt: new Date(registrationClosesAt).toISOString(),
      registrationReminderDaysBefore: [...reminders],
      titles: [...new Set(titles)],
      selectionRules: { weights: { ...selectionRules.weights }, passMark: selectionRules.passMark, tieBreak: [...selectionRules.tieBreak] },
    },
  });
}
