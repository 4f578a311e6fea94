import type { Actor } from '../shared/actor';
import { startOfVietnamDay } from '../shared/calendar';
import type { TrainingClassCommandOf } from './training-class.commands';
import type { TrainingClassEvent, TrainingPart, TrainingResult } from './training-class.events';

// Test data for the training-class specs: Bắc Giang's 6–8 month class and an 18-month, four-part one.

export const school: Actor = { id: 'truong-chinh-tri-bg', role: 'political-school' };
export const scheduler: Actor = { id: 'scheduler', role: 'system' };
export const auditor: Actor = { id: 'uy-ban-kiem-tra', role: 'auditor' };
export const provinceBoard: Actor = { id: 'ban-to-chuc-tinh-uy', role: 'province-board' };

export const CLASS_ID = 'class-2026-1';
export const CLASS_NAME = 'Lớp tạo nguồn khóa I năm 2026';

/** Midnight of a date in Vietnam, as an ISO instant (2026-01-01 → 2025-12-31T17:00:00.000Z). */
export const vn = (date: string): string => startOfVietnamDay(date).toISOString();
export const at = (date: string): Date => startOfVietnamDay(date);

export const FOUR_PARTS: TrainingPart[] = [
  {
    id: 'political-theory',
    label: { vi: 'Trung cấp lý luận chính trị – hành chính', en: 'Intermediate political theory and administration' },
  },
  { id: 'state-management', label: { vi: 'Quản lý nhà nước ngạch chuyên viên', en: 'State management, specialist grade' } },
  { id: 'defence-security', label: { vi: 'Kiến thức quốc phòng, an ninh', en: 'National defence and security' } },
  { id: 'leadership-skills', label: { vi: 'Kỹ năng bí thư, chủ tịch xã', en: 'Skills for party secretaries and commune chairmen' } },
];

export function openClass(overrides: Partial<TrainingClassCommandOf<'OpenClass'>> = {}): TrainingClassCommandOf<'OpenClass'> {
  return {
    type: 'OpenClass',
    classId: CLASS_ID,
    name: CLASS_NAME,
    roundId: 'round-2026',
    startsOn: vn('2026-01-01'),
    plannedEnd: vn('2026-07-01'),
    duration: { minMonths: 6, maxMonths: 8 },
    parts: [],
    reminderDaysBefore: [30, 7],
    actor: school,
    ...overrides,
  };
}

/** The event an accepted `openClass(overrides)` records. */
export function classOpened(overrides: Partial<TrainingClassCommandOf<'OpenClass'>> = {}): TrainingClassEvent {
  const { type: _type, actor: _actor, ...data } = openClass(overrides);
  return { type: 'TrainingClassOpened', data };
}

export const enrolled = (candidateId: string): TrainingClassEvent => ({
  type: 'TrainingClassCandidateEnrolled',
  data: { classId: CLASS_ID, candidateId },
});

export const extendedTo = (previousPlannedEnd: string, plannedEnd: string): TrainingClassEvent => ({
  type: 'TrainingClassExtended',
  data: { classId: CLASS_ID, previousPlannedEnd, plannedEnd },
});

export const resultRecorded = (candidateId: string, result: TrainingResult): TrainingClassEvent => ({
  type: 'TrainingClassResultRecorded',
  data: { classId: CLASS_ID, candidateId, result },
});

export const plannedEndReached = (plannedEnd: string, version = 1): TrainingClassEvent => ({
  type: 'TrainingClassPlannedEndReached',
  data: { classId: CLASS_ID, plannedEnd, deadlineId: `${CLASS_ID}/training-planned-end/${version}` },
});

export const classClosed: TrainingClassEvent = { type: 'TrainingClassClosed', data: { classId: CLASS_ID } };

export const passedWithoutParts: TrainingResult = {
  outcome: 'passed',
  diploma: { number: 'TC-2026-0001', issuedOn: '2026-07-05' },
  certificates: [],
};

export const failed: TrainingResult = { outcome: 'failed', reason: 'Không đạt kỳ thi tốt nghiệp' };
