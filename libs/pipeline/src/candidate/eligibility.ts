import type { EligibilityRules } from '../definition/pipeline-definition';
import { UNIVERSITY_OR_ABOVE } from '../reference/degrees';
import type { Education } from './candidate.events';

export type EligibilityRule = 'university-degree' | 'full-time-programme' | 'accepted-major';

/** Majors compare without case, spacing or Unicode-form differences, but keep their diacritics. */
export function sameMajor(a: string, b: string): boolean {
  const canonical = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return canonical(a) === canonical(b);
}

/** The rules a candidate fails, in the order the programme checks them; empty when eligible. */
export function failedEligibilityRules(education: Education, acceptedMajors: string[], rules: EligibilityRules): EligibilityRule[] {
  const failed: EligibilityRule[] = [];
  if (rules.requireUniversityDegree && !UNIVERSITY_OR_ABOVE.includes(education.degree)) failed.push('university-degree');
  if (rules.requireFullTime && education.studyMode !== 'full-time') failed.push('full-time-programme');
  if (!acceptedMajors.some((major) => sameMajor(major, education.major))) failed.push('accepted-major');
  return failed;
}
