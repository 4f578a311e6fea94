import type { Actor } from '../shared/actor';
import type { SelectionCandidate } from './ranking';
import type { NeedRegistration, RoundOpening } from './round.events';

/** Commands to one round's stream; `roundId` is the stream id. Instants are ISO-8601 strings. */
export type RoundCommand =
  /** Reminder offsets and titles come from the definition and reference data, passed in by the caller. */
  | ({ type: 'OpenRound'; actor: Actor } & RoundOpening)
  | ({ type: 'RegisterNeed'; actor: Actor } & NeedRegistration)
  /** Either field may be left out to keep its current value. */
  | { type: 'AmendNeed'; roundId: string; needId: string; quantity?: number; acceptedMajors?: string[]; actor: Actor }
  | { type: 'WithdrawNeed'; roundId: string; needId: string; reason: string; actor: Actor }
  | { type: 'ApproveNeed'; roundId: string; needId: string; actor: Actor }
  | { type: 'ExtendRegistrationWindow'; roundId: string; closesAt: string; actor: Actor }
  /** From the province board, or from the scheduler (role 'system') when the close deadline fires. */
  | { type: 'CloseRegistrationWindow'; roundId: string; deadlineId?: string; actor: Actor }
  | { type: 'StartSelection'; roundId: string; actor: Actor }
  | {
      type: 'PublishSelectionResults';
      roundId: string;
      needId: string;
      candidates: SelectionCandidate[];
      actor: Actor;
    }
  | { type: 'CloseRound'; roundId: string; actor: Actor };

export type RoundCommandType = RoundCommand['type'];

export type RoundCommandOf<T extends RoundCommandType> = Extract<RoundCommand, { type: T }>;
