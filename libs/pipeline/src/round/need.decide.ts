import { accept, ignore, type Decision } from '../shared/decision';
import type { RoundCommandOf } from './round.commands';
import type { NeedChanges, RoundEvent } from './round.events';
import {
  findNeed,
  firstOf,
  invalidField,
  invalidQuantity,
  isFilled,
  needApproved,
  needWithdrawn,
  nfc,
  noAcceptedMajors,
  notYourDistrict,
  refuse,
  selectionStarted,
  windowNotOpen,
} from './round.guards';
import type { ActiveRound, Need } from './round.state';

export function decideNeedRegistration(command: RoundCommandOf<'RegisterNeed'>, round: ActiveRound, now: Date): Decision<RoundEvent> {
  const { needId, commune, title, quantity, acceptedMajors } = command;
  const rejection = firstOf(
    () => notYourDistrict(command.actor, commune.districtCode),
    () => windowNotOpen(round, now),
    () => (isFilled(needId) ? undefined : invalidField('needId', 'must not be blank')),
    () =>
      isFilled(commune.code) && isFilled(commune.name) && isFilled(commune.districtCode)
        ? undefined
        : invalidField('commune', 'code, name and districtCode are required'),
    () =>
      round.needs.some((need) => need.needId === needId)
        ? refuse('NEED_ALREADY_EXISTS', `need ${needId} already exists in this round`, { needId })
        : undefined,
    () =>
      round.titles.includes(title)
        ? undefined
        : refuse('UNKNOWN_TITLE', `title ${title} is not one of this round's titles`, { title, titles: round.titles }),
    () => invalidQuantity(quantity),
    () => noAcceptedMajors(acceptedMajors),
    () => {
      // One need per commune and title; a withdrawn need frees its place.
      const same = round.needs.find((n) => n.status !== 'withdrawn' && n.commune.code === commune.code && n.title === title);
      if (!same) return undefined;
      return refuse('NEED_ALREADY_REGISTERED', `commune ${commune.code} already has need ${same.needId} for title ${title}`, {
        needId: same.needId,
      });
    },
  );
  if (rejection) return rejection;
  return accept({
    type: 'NeedRegistered',
    data: {
      roundId: round.roundId,
      needId,
      commune: { code: commune.code, name: nfc(commune.name), districtCode: commune.districtCode },
      title,
      quantity,
      acceptedMajors: acceptedMajors.map(nfc),
    },
  });
}

export function decideNeedAmendment(command: RoundCommandOf<'AmendNeed'>, round: ActiveRound, now: Date): Decision<RoundEvent> {
  const need = findNeed(round, command.needId);
  if ('kind' in need) return need;
  const { quantity = need.quantity, acceptedMajors = need.acceptedMajors } = command;
  const rejection = firstOf(
    () => notYourDistrict(command.actor, need.commune.districtCode),
    () => windowNotOpen(round, now),
    () => needWithdrawn(need),
    () => needApproved(need),
    () =>
      command.quantity === undefined && command.acceptedMajors === undefined
        ? refuse('NOTHING_TO_AMEND', 'give a new quantity, new accepted majors, or both')
        : undefined,
    () => invalidQuantity(quantity),
    () => noAcceptedMajors(acceptedMajors),
  );
  if (rejection) return rejection;
  const changes = changedFields(need, quantity, acceptedMajors.map(nfc));
  if (Object.keys(changes).length === 0) return ignore(`need ${need.needId} already has these values`);
  return accept({ type: 'NeedAmended', data: { roundId: round.roundId, needId: need.needId, changes } });
}

function changedFields(need: Need, quantity: number, acceptedMajors: string[]): NeedChanges {
  const sameMajors =
    acceptedMajors.length === need.acceptedMajors.length && acceptedMajors.every((major, i) => major === need.acceptedMajors[i]);
  return { ...(quantity !== need.quantity ? { quantity } : {}), ...(sameMajors ? {} : { acceptedMajors }) };
}

export function decideNeedWithdrawal(command: RoundCommandOf<'WithdrawNeed'>, round: ActiveRound): Decision<RoundEvent> {
  const need = findNeed(round, command.needId);
  if ('kind' in need) return need;
  const rejection = firstOf(
    () => notYourDistrict(command.actor, need.commune.districtCode),
    () => selectionStarted(round),
    () => needWithdrawn(need),
    () => (isFilled(command.reason) ? undefined : invalidField('reason', 'a withdrawal must give its reason')),
  );
  if (rejection) return rejection;
  return accept({ type: 'NeedWithdrawn', data: { roundId: round.roundId, needId: need.needId, reason: nfc(command.reason) } });
}

export function decideNeedApproval(command: RoundCommandOf<'ApproveNeed'>, round: ActiveRound): Decision<RoundEvent> {
  const need = findNeed(round, command.needId);
  if ('kind' in need) return need;
  const rejection = firstOf(
    () => selectionStarted(round),
    () => needWithdrawn(need),
    () => needApproved(need),
  );
  if (rejection) return rejection;
  return accept({ type: 'NeedApproved', data: { roundId: round.roundId, needId: need.needId } });
}
