import type { ActiveCandidate } from '../candidate/candidate.state';
import { districtUnit, PROVINCE_UNIT, type Unit } from './units';

/**
 * Who is reminded of a period ending. The province board owns the programme
 * and hears of every deadline; the unit that must act comes first.
 */

/** The district whose board acts on the candidate now: the practicum's, then the offered commune's. */
export function candidateActingDistrict(candidate: ActiveCandidate): string {
  const { stage } = candidate;
  if ('district' in stage) return stage.district;
  if ('offer' in stage) return stage.offer.commune.districtCode;
  return candidate.application.commune.districtCode;
}

export function candidateDeadlineAudience(candidate: ActiveCandidate): Unit[] {
  return [districtUnit(candidateActingDistrict(candidate)), PROVINCE_UNIT];
}

/** Every district of the province registers needs before the window closes. */
export function roundDeadlineAudience(districtCodes: readonly string[]): Unit[] {
  return [PROVINCE_UNIT, ...[...new Set(districtCodes)].sort().map(districtUnit)];
}

export function trainingClassDeadlineAudience(): Unit[] {
  return ['political-school', PROVINCE_UNIT];
}
