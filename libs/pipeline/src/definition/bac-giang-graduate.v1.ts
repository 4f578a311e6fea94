import type { PipelineDefinition } from './pipeline-definition';

/**
 * Bắc Giang's graduate track (scheme "Tạo nguồn bí thư đảng ủy, chủ tịch UBND
 * xã, phường, thị trấn đến 2025"): register needs, select, 6–8 months at the
 * Political School, 3 months in a district's departments, then a commune.
 */
export const BAC_GIANG_GRADUATE_V1: PipelineDefinition = {
  id: 'bac-giang-graduate',
  version: 1,
  name: { vi: 'Tạo nguồn cán bộ xã từ sinh viên tốt nghiệp đại học – Bắc Giang', en: 'Bắc Giang graduate source track' },
  steps: [
    { id: 'register-needs', kind: 'needs', label: { vi: 'Đăng ký nhu cầu', en: 'Register needs' } },
    { id: 'selection', kind: 'selection', label: { vi: 'Tuyển chọn', en: 'Selection' } },
    {
      id: 'training',
      kind: 'training',
      label: { vi: 'Đào tạo tại Trường Chính trị tỉnh', en: 'Training at the Political School' },
      duration: { minMonths: 6, maxMonths: 8 },
      reminderDaysBefore: [30, 7],
      parts: [
        { id: 'political-theory', label: { vi: 'Trung cấp lý luận chính trị', en: 'Intermediate political theory' } },
        { id: 'commune-skills', label: { vi: 'Kỹ năng công tác cấp xã', en: 'Commune work skills' } },
      ],
    },
    {
      id: 'district-practicum',
      kind: 'practicum',
      label: { vi: 'Thực tế tại huyện', en: 'District practicum' },
      duration: { minMonths: 3, maxMonths: 3 },
      reminderDaysBefore: [14, 3],
    },
    { id: 'commune-assignment', kind: 'assignment', label: { vi: 'Bố trí về xã', en: 'Commune assignment' } },
  ],
  registrationReminderDaysBefore: [7, 1],
  eligibility: { requireUniversityDegree: true, requireFullTime: true },
  selection: {
    weights: { test: 0.4, academic: 0.3, interview: 0.3 },
    passMark: 50,
    tieBreak: ['interview', 'test', 'academic', 'appliedAt'],
  },
  assignment: {
    acceptanceWindowDays: 15,
    acceptanceReminderDaysBefore: [5, 1],
    trialMonths: 12,
    trialReminderDaysBefore: [30, 7],
  },
  allowedExitReasons: [
    'withdrew',
    'failed-selection',
    'failed-training',
    'dropped-out-of-training',
    'unsatisfactory-practicum',
    'declined-placement',
    'not-placed',
    'illness',
    'death',
    'resigned',
    'transferred',
    'failed-trial',
    'contract-ended',
  ],
  requiredOutcomeFields: ['priorPosition', 'placementKind'],
  // The scheme wants a source of 400–500 commune cadres by 2025.
  target: { minSources: 400, maxSources: 500, by: '2025-12-31' },
};
