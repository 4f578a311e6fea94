import type { SelectionRules } from '../definition/pipeline-definition';
import type { RankedCandidate, TieBreakStep } from './ranking';

/** A commune (xã, phường, thị trấn) as a need names it; the name is Vietnamese, in NFC. */
export interface Commune {
  code: string;
  name: string;
  districtCode: string;
}

/** The pipeline definition version the round runs under. */
export interface DefinitionRef {
  id: string;
  version: number;
}

/** What opening a round fixes; the OpenRound command carries the same fields. */
export interface RoundOpening {
  roundId: string;
  name: string;
  provinceCode: string;
  definition: DefinitionRef;
  registrationOpensAt: string;
  registrationClosesAt: string;
  /** Copied from the definition so the round keeps its reminders if the definition changes. */
  registrationReminderDaysBefore: number[];
  /** Title codes needs may be registered for in this round. */
  titles: string[];
  /** Copied from the definition: every need of the round is ranked with the same weights and pass mark. */
  selectionRules: SelectionRules;
}

export interface NeedRegistration {
  roundId: string;
  needId: string;
  commune: Commune;
  title: string;
  quantity: number;
  acceptedMajors: string[];
}

/** The fields an amendment changed; a field it left alone is absent. */
export interface NeedChanges {
  quantity?: number;
  acceptedMajors?: string[];
}

// Who acted and when live in the event metadata (actor, occurredAt); data holds the facts.
export type RoundEvent =
  | { type: 'RoundOpened'; data: RoundOpening }
  | { type: 'NeedRegistered'; data: NeedRegistration }
  /** v2: only what the amendment changed, so the record says what moved (v1 repeated both values; see upcasting/). */
  | { type: 'NeedAmended'; data: { roundId: string; needId: string; changes: NeedChanges } }
  | { type: 'NeedWithdrawn'; data: { roundId: string; needId: string; reason: string } }
  | { type: 'NeedApproved'; data: { roundId: string; needId: string } }
  | {
      type: 'RegistrationWindowExtended';
      data: { roundId: string; previousClosesAt: string; closesAt: string; deadlineVersion: number; deadlineId: string };
    }
  | {
      type: 'RegistrationWindowClosed';
      data: { roundId: string; trigger: 'province-board' | 'deadline'; scheduledClosesAt: string; deadlineId: string };
    }
  | { type: 'SelectionStarted'; data: { roundId: string; approvedNeedIds: string[] } }
  | {
      type: 'SelectionResultsPublished';
      data: {
        roundId: string;
        needId: string;
        /** Seats still open on the need when this list was published. */
        seats: number;
        /** The rules used, kept so an auditor can recompute the ranking from the event alone. */
        weights: SelectionRules['weights'];
        passMark: number;
        tieBreak: TieBreakStep[];
        ranking: RankedCandidate[];
      };
    }
  | { type: 'RoundClosed'; data: { roundId: string } };

export type RoundEventType = RoundEvent['type'];

export const ROUND_EVENT_VERSIONS: Record<RoundEventType, number> = {
  RoundOpened: 1,
  NeedRegistered: 1,
  NeedAmended: 2,
  NeedWithdrawn: 1,
  NeedApproved: 1,
  RegistrationWindowExtended: 1,
  RegistrationWindowClosed: 1,
  SelectionStarted: 1,
  SelectionResultsPublished: 1,
  RoundClosed: 1,
};
