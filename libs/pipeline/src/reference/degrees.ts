import type { ReferenceList } from './label';

export const DEGREE_LEVELS = {
  'upper-secondary': { vi: 'Tốt nghiệp trung học phổ thông', en: 'Upper secondary' },
  college: { vi: 'Cao đẳng', en: 'College' },
  university: { vi: 'Đại học', en: 'University (bachelor)' },
  master: { vi: 'Thạc sĩ', en: 'Master' },
  doctorate: { vi: 'Tiến sĩ', en: 'Doctorate' },
} as const satisfies ReferenceList<string>;

export type DegreeLevel = keyof typeof DEGREE_LEVELS;

/** Levels that count as "a university degree" (Circular 13/2019/TT-BNV for commune civil servants). */
export const UNIVERSITY_OR_ABOVE: readonly DegreeLevel[] = ['university', 'master', 'doctorate'];

export const STUDY_MODES = {
  'full-time': { vi: 'Chính quy', en: 'Full-time' },
  'part-time': { vi: 'Vừa làm vừa học / tại chức', en: 'Part-time / in-service' },
  distance: { vi: 'Từ xa', en: 'Distance learning' },
} as const satisfies ReferenceList<string>;

export type StudyMode = keyof typeof STUDY_MODES;
