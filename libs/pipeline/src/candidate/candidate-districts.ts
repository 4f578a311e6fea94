import { candidateActingDistrict } from '../notifications/deadline-audience';
import type { Actor } from '../shared/actor';
import type { CandidateState } from './candidate.state';

/**
 * The districts whose boards may see a candidate: the district of the need
 * they applied for (which may exit them while the programme runs), and the
 * district acting for them now — the practicum's, the offered commune's, or,
 * once the programme is complete, the commune's where they were placed. The
 * decider lets no other district board act on them.
 */
export function candidateDistricts(state: CandidateState): string[] {
  switch (state.status) {
    case 'none':
      return [];
    case 'exited':
      return candidateDistricts(state.before);
    case 'active':
      return distinct(state.application.commune.districtCode, candidateActingDistrict(state));
    case 'completed':
      return distinct(state.application.commune.districtCode, state.placedIn?.commune.districtCode);
  }
}

function distinct(home: string, acting: string | undefined): string[] {
  return acting === undefined || acting === home ? [home] : [home, acting];
}

/** A district board none of whose candidate's districts is its own: it may neither see nor act on them. */
export function isOutsideDistrictBoard(actor: Actor, state: CandidateState): boolean {
  return actor.role === 'district-board' && !candidateDistricts(state).includes(actor.district ?? '');
}
