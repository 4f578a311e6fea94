import type { Actor } from '../shared/actor';

/**
 * Who receives reminders and registers webhooks: the province board, the
 * Political School, Home Affairs, or one district's board.
 */
export type Unit = 'province' | 'political-school' | 'home-affairs' | `district-${string}`;

export const PROVINCE_UNIT: Unit = 'province';

export function districtUnit(districtCode: string): Unit {
  return `district-${districtCode}`;
}

/** The unit a person acts for; auditors and the scheduler have none. */
export function unitOfActor(actor: Actor): Unit | undefined {
  switch (actor.role) {
    case 'province-board':
      return PROVINCE_UNIT;
    case 'district-board':
      return actor.district ? districtUnit(actor.district) : undefined;
    case 'political-school':
    case 'home-affairs':
      return actor.role;
    default:
      return undefined;
  }
}

/** The district code of a district unit, else undefined. */
export function districtOfUnit(unit: string): string | undefined {
  return /^district-(\d{3})$/.exec(unit)?.[1];
}
