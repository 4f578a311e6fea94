import type { CommuneRef } from './candidate.events';
import type { CandidateState } from './candidate.state';

/** One of the seats a need approves: a commune and a title. */
export interface Seat {
  commune: CommuneRef;
  title: string;
}

/**
 * The seat a candidate holds: an offer awaiting its answer, an accepted one
 * (through contract, recruitment and trial), or the post of someone who
 * completed the programme. Nobody else may be offered it meanwhile.
 */
export function seatHeld(state: CandidateState): Seat | undefined {
  switch (state.status) {
    case 'active':
      return 'offer' in state.stage ? { commune: state.stage.offer.commune, title: state.stage.offer.title } : undefined;
    case 'completed':
      return state.placedIn && { commune: state.placedIn.commune, title: state.placedIn.title };
    default:
      return undefined;
  }
}
