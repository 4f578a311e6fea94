import type { NewEvent } from '../src';

/**
 * Fixed content whose hashes every adapter must reproduce: Vietnamese text in
 * NFC and in NFD (different bytes, so different hashes), keys out of order,
 * nested arrays. The hashes were computed once and also checked by hand with
 * an independent implementation (Python's json.dumps with sorted keys + SHA-256).
 */
export const GOLDEN_STREAM = 'golden-vector-v1';

const metadata = {
  occurredAt: '2026-03-01T08:00:00.000Z',
  actor: { role: 'district-board', id: 'Trần Văn Đức', unit: '216' },
  correlationId: 'golden-correlation',
  causationId: 'golden-causation',
};

export const GOLDEN_EVENTS: NewEvent[] = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    type: 'NeedRegistered',
    schemaVersion: 1,
    data: {
      roundId: 'bg-2026',
      needId: 'ngoc-van-tai-chinh',
      commune: { name: 'Xã Ngọc Vân', code: '07351', districtCode: '216' },
      quantity: 2,
      acceptedMajors: ['Kế toán', 'Tài chính – ngân hàng'],
    },
    metadata,
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    type: 'NeedAmended',
    schemaVersion: 2,
    data: { roundId: 'bg-2026', needId: 'ngoc-van-tai-chinh', changes: { quantity: 3 }, note: 'Bắc Giang'.normalize('NFD') },
    metadata: { ...metadata, causationId: 'golden-causation-2' },
  },
];

export const GOLDEN_HASHES: readonly string[] = [
  '5ca1fa7693caa0fd22501994cfa70635344fcc2905df26da8d9ca80fa6072a57',
  'e2497daeb25baf6490c4e4674160ab7fd55aabcaaacdcdf946668b77c292dc43',
];
