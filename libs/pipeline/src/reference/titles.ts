import type { ReferenceList } from './label';

/**
 * Commune titles (chức danh) a need can be registered for. The list is
 * configurable reference data; these are the civil-servant titles in force
 * and the two leadership posts the programme builds a source for.
 */
export const DEFAULT_TITLES = {
  'military-commander': { vi: 'Chỉ huy trưởng Quân sự', en: 'Military commander' },
  'office-statistics': { vi: 'Văn phòng – thống kê', en: 'Office and statistics' },
  'land-construction': { vi: 'Địa chính – xây dựng', en: 'Land administration and construction' },
  'finance-accounting': { vi: 'Tài chính – kế toán', en: 'Finance and accounting' },
  'justice-civil-status': { vi: 'Tư pháp – hộ tịch', en: 'Justice and civil status' },
  'culture-society': { vi: 'Văn hóa – xã hội', en: 'Culture and society' },
  'police-chief': { vi: 'Trưởng Công an xã', en: 'Commune police chief' },
} as const satisfies ReferenceList<string>;

export type TitleCode = string;
