import type { ReferenceList } from './label';

export const EXIT_REASONS = {
  withdrew: { vi: 'Rút khỏi chương trình', en: 'Withdrew' },
  'failed-selection': { vi: 'Không trúng tuyển', en: 'Failed selection' },
  'failed-training': { vi: 'Không đạt kết quả đào tạo', en: 'Failed training' },
  'dropped-out-of-training': { vi: 'Bỏ học', en: 'Dropped out of training' },
  'unsatisfactory-practicum': { vi: 'Thực tế tại huyện không đạt', en: 'Unsatisfactory practicum' },
  'declined-placement': { vi: 'Bố trí nhưng cá nhân không đồng ý', en: 'Declined placement' },
  'not-placed': { vi: 'Chưa bố trí được', en: 'Not placed' },
  illness: { vi: 'Bệnh', en: 'Illness' },
  death: { vi: 'Mất', en: 'Death' },
  resigned: { vi: 'Nghỉ việc', en: 'Resigned' },
  transferred: { vi: 'Chuyển công tác', en: 'Transferred' },
  'failed-trial': { vi: 'Không đạt thời gian thử thách', en: 'Failed trial' },
  'contract-ended': { vi: 'Chấm dứt hợp đồng lao động', en: 'Contract ended' },
} as const satisfies ReferenceList<string>;

export type ExitReason = keyof typeof EXIT_REASONS;
