import type { Actor } from '@app/pipeline';
import { problem, ProblemException } from './problem';

/**
 * A district board reads its own district only: a filter naming another
 * district is refused (403), and no filter means its own. Other roles read
 * every district.
 */
export function scopedToOwnDistrict<Q extends { district?: string }>(actor: Actor, query: Q): Q {
  if (actor.role !== 'district-board') return query;
  if (query.district && query.district !== actor.district) {
    throw new ProblemException(
      problem(403, 'NOT_YOUR_DISTRICT', `district board ${actor.district} may not read district ${query.district}`),
    );
  }
  return { ...query, district: actor.district };
}
