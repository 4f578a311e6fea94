import { EXIT_REASONS, PLACEMENT_KINDS, PRIOR_POSITIONS, type Label } from '@app/pipeline';

/**
 * Where a trainee ended up, one category each: placed in one of the four kinds
 * of post, gone through one of the exit reasons (a trainee cannot fail
 * selection), through a programme that places nobody, or still on the way.
 */
export const OUTCOME_CATEGORIES: Readonly<Record<string, Label>> = {
  ...PLACEMENT_KINDS,
  ...Object.fromEntries(Object.entries(EXIT_REASONS).filter(([code]) => code !== 'failed-selection')),
  // A programme with no assignment step (the 18-month source-cadre training) ends here: nobody is placed.
  'completed-without-placement': {
    vi: 'Hoàn thành chương trình không có bước bố trí',
    en: 'Completed a programme that has no placement step',
  },
  'in-training': { vi: 'Đang đào tạo', en: 'In training' },
  'in-progress': { vi: 'Đang thực tế hoặc chờ bố trí', en: 'In practicum or awaiting placement' },
};

/** Positions held before the programme, plus the applications that did not say. */
export const PRIOR_POSITION_CATEGORIES: Readonly<Record<string, Label>> = {
  ...PRIOR_POSITIONS,
  unknown: { vi: 'Không ghi', en: 'Not recorded' },
};

export const PLACED_CATEGORIES: readonly string[] = Object.keys(PLACEMENT_KINDS);
