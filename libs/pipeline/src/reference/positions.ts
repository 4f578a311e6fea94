import type { ReferenceList } from './label';

/** Kinds of post a candidate is placed in; the reports count them by district. */
export const PLACEMENT_KINDS = {
  'commune-full-time-cadre': { vi: 'Cán bộ chuyên trách cấp xã', en: 'Full-time commune cadre' },
  'commune-civil-servant': { vi: 'Công chức cấp xã', en: 'Commune civil servant' },
  'commune-part-time-worker': { vi: 'Người hoạt động không chuyên trách cấp xã', en: 'Part-time commune worker' },
  'district-cadre-or-civil-servant': { vi: 'Cán bộ, công chức ngành huyện', en: 'District cadre or civil servant' },
} as const satisfies ReferenceList<string>;

export type PlacementKind = keyof typeof PLACEMENT_KINDS;

/** What a candidate held before the programme: one of the posts above, or none (a graduate source). */
export const PRIOR_POSITIONS = {
  ...PLACEMENT_KINDS,
  'none-graduate-source': { vi: 'Sinh viên, cán bộ nguồn', en: 'None: student or graduate source' },
} as const satisfies ReferenceList<string>;

export type PriorPosition = keyof typeof PRIOR_POSITIONS;

/** Posts a candidate can be planned for (quy hoạch). */
export const SUCCESSION_POSTS = {
  'party-secretary': { vi: 'Bí thư Đảng ủy xã', en: 'Commune party secretary' },
  'commune-chairman': { vi: 'Chủ tịch Ủy ban nhân dân xã', en: "Chairman of the commune People's Committee" },
} as const satisfies ReferenceList<string>;

export type SuccessionPost = keyof typeof SUCCESSION_POSTS;
