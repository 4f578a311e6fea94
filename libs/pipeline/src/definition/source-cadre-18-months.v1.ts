import type { PipelineDefinition } from './pipeline-definition';

/**
 * A second programme, defined as data only: serving cadres sent by their units
 * train 18 months at the Political School in four parts, then practise one
 * month at the sending unit. No selection and no commune assignment.
 */
export const SOURCE_CADRE_18_MONTHS_V1: PipelineDefinition = {
  id: 'source-cadre-18-months',
  version: 1,
  name: { vi: 'Đào tạo cán bộ nguồn 18 tháng', en: 'Source cadre training, 18 months' },
  steps: [
    { id: 'register-needs', kind: 'needs', label: { vi: 'Đăng ký nhu cầu', en: 'Register needs' } },
    {
      id: 'training',
      kind: 'training',
      label: { vi: 'Đào tạo tập trung 18 tháng', en: '18 months of training' },
      duration: { minMonths: 18, maxMonths: 18 },
      reminderDaysBefore: [30],
      parts: [
        {
          id: 'political-theory-administration',
          label: { vi: 'Trung cấp lý luận chính trị – hành chính', en: 'Intermediate political theory and administration' },
        },
        { id: 'state-management', label: { vi: 'Kiến thức quản lý nhà nước ngạch chuyên viên', en: 'State management, specialist grade' } },
        { id: 'defence-security', label: { vi: 'Kiến thức quốc phòng – an ninh', en: 'National defence and security' } },
        {
          id: 'leadership-skills',
          label: { vi: 'Kỹ năng bí thư, chủ tịch cấp xã', en: 'Skills for party secretaries and commune chairmen' },
        },
      ],
    },
    {
      id: 'practice-at-sending-unit',
      kind: 'practicum',
      label: { vi: 'Thực tế tại đơn vị cử đi học', en: 'Practice at the sending unit' },
      duration: { minMonths: 1, maxMonths: 1 },
      reminderDaysBefore: [7],
    },
  ],
  registrationReminderDaysBefore: [7],
  eligibility: { requireUniversityDegree: true, requireFullTime: false },
  allowedExitReasons: [
    'withdrew',
    'failed-training',
    'dropped-out-of-training',
    'unsatisfactory-practicum',
    'illness',
    'death',
    'resigned',
    'transferred',
  ],
  requiredOutcomeFields: ['priorPosition'],
};
