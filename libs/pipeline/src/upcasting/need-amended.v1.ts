import type { NeedChanges } from '../round/round.events';

/** NeedAmended v1 repeated the need's quantity and majors after the amendment, changed or not. */
export interface NeedAmendedV1 {
  roundId: string;
  needId: string;
  quantity: number;
  acceptedMajors: string[];
}

/** v1 → v2: a v1 event said the need now has both values, so both count as its changes. */
export function needAmendedV1ToV2({ roundId, needId, quantity, acceptedMajors }: NeedAmendedV1): {
  roundId: string;
  needId: string;
  changes: NeedChanges;
} {
  return { roundId, needId, changes: { quantity, acceptedMajors } };
}
