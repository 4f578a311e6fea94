import type { Actor, Role } from '../shared/actor';
import { reject, type Decision } from '../shared/decision';
import type { RoundEvent } from './round.events';
import type { ActiveRound, Need } from './round.state';

export type Rejection = Decision<RoundEvent> & { kind: 'rejected' };

export function refuse(code: string, message: string, details?: Record<string, unknown>): Rejection {
  return reject(code, message, details) as Rejection;
}

export function roleNotAllowed(actor: Actor, allowed: readonly Role[]): Rejection | undefined {
  if (allowed.includes(actor.role)) return undefined;
  return refuse('ROLE_NOT_ALLOWED', `role ${actor.role} may not do this; allowed: ${allowed.join(', ')}`, { allowed });
}

/** A district board acts only for communes of its own district; the province board acts everywhere. */
export function notYourDistrict(actor: Actor, district: string): Rejection | undefined {
  if (actor.role !== 'district-board' || actor.district === district) return undefined;
  return refuse('NOT_YOUR_DISTRICT', `district board ${actor.district ?? '(none)'} may not act for district ${district}`, { district });
}

/** The window is open from its opening time until its closing time or a close, whichever comes first. */
export function windowPhase(round: ActiveRound, now: Date): 'not-yet-open' | 'open' | 'closed' {
  if (round.status !== 'registering' || now.getTime() >= Date.parse(round.registrationClosesAt)) return 'closed';
  return now.getTime() < Date.parse(round.registrationOpensAt) ? 'not-yet-open' : 'open';
}

export function windowNotOpen(round: ActiveRound, now: Date): Rejection | undefined {
  switch (windowPhase(round, now)) {
    case 'open':
      return undefined;
    case 'not-yet-open':
      return refuse('REGISTRATION_NOT_OPEN', `needs can be registered from ${round.registrationOpensAt}`, {
        opensAt: round.registrationOpensAt,
      });
    case 'closed':
      return refuse('REGISTRATION_WINDOW_CLOSED', 'the registration window is closed; needs can no longer be registered or amended');
  }
}

export function selectionStarted(round: ActiveRound): Rejection | undefined {
  if (round.status !== 'selecting') return undefined;
  return refuse('SELECTION_ALREADY_STARTED', 'selection has started; the list of needs is fixed');
}

export function findNeed(round: ActiveRound, needId: string): Need | Rejection {
  return round.needs.find((need) => need.needId === needId) ?? refuse('NEED_NOT_FOUND', `no need ${needId} in this round`, { needId });
}

export function needWithdrawn(need: Need): Rejection | undefined {
  if (need.status !== 'withdrawn') return undefined;
  return refuse('NEED_WITHDRAWN', `need ${need.needId} was withdrawn`, { needId: need.needId });
}

export function needApproved(need: Need): Rejection | undefined {
  if (need.status !== 'approved') return undefined;
  return refuse('NEED_ALREADY_APPROVED', `need ${need.needId} is approved and can no longer change`, { needId: need.needId });
}

export function invalidQuantity(quantity: number): Rejection | undefined {
  if (Number.isInteger(quantity) && quantity >= 1) return undefined;
  return refuse('INVALID_QUANTITY', `the number to recruit must be a whole number of at least 1 (got ${quantity})`, { quantity });
}

export function noAcceptedMajors(majors: readonly string[]): Rejection | undefined {
  if (Array.isArray(majors) && majors.length > 0 && majors.every(isFilled)) return undefined;
  return refuse('NO_ACCEPTED_MAJORS', 'a need accepts at least one major, and none may be blank');
}

export function isFilled(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

export function invalidField(field: string, rule: string): Rejection {
  return refuse('INVALID_FIELD', `${field}: ${rule}`, { field, rule });
}

/** Names and places are stored as Unicode NFC, never stripped of their diacritics. */
export function nfc(value: string): string {
  return value.normalize('NFC');
}

/** First rejection found, in the order the checks are listed. */
export function firstOf(...checks: (() => Rejection | undefined)[]): Rejection | undefined {
  for (const check of checks) {
    const rejection = check();
    if (rejection) return rejection;
  }
  return undefined;
}
