// Shared by the round specs: Bắc Giang's first round, with real communes from the GSO catalogue.
import type { SelectionRules } from '../definition/pipeline-definition';
import type { Actor } from '../shared/actor';
import type { Decision } from '../shared/decision';
import type { RoundCommand } from './round.commands';
import type { Commune, RoundEvent } from './round.events';

export const ROUND_ID = 'bac-giang-2025-1';

export const provinceBoard: Actor = { id: 'btc-tinh-uy-bac-giang', role: 'province-board' };
export const tanYenBoard: Actor = { id: 'btc-huyen-uy-tan-yen', role: 'district-board', district: '216' };
export const langGiangBoard: Actor = { id: 'btc-huyen-uy-lang-giang', role: 'district-board', district: '217' };
export const scheduler: Actor = { id: 'scheduler', role: 'system' };
export const auditor: Actor = { id: 'ubkt-tinh-uy', role: 'auditor' };
export const politicalSchool: Actor = { id: 'truong-chinh-tri', role: 'political-school' };

export const ngocVan: Commune = { code: '07351', name: 'Xã Ngọc Vân', districtCode: '216' };
export const ngocThien: Commune = { code: '07360', name: 'Xã Ngọc Thiện', districtCode: '216' };
export const nghiaHoa: Commune = { code: '07378', name: 'Xã Nghĩa Hòa', districtCode: '217' };

// 08:00 on 1 March to 17:00 on 31 March 2025, Vietnam time.
export const OPENS_AT = '2025-03-01T01:00:00.000Z';
export const CLOSES_AT = '2025-03-31T10:00:00.000Z';
export const BEFORE_WINDOW = new Date('2025-02-20T03:00:00.000Z');
export const DURING_WINDOW = new Date('2025-03-10T03:00:00.000Z');
export const AFTER_WINDOW = new Date('2025-04-02T03:00:00.000Z');
export const FIRST_DEADLINE = `${ROUND_ID}/registration-window-close/1`;

export const TITLES = [
  'military-commander',
  'office-statistics',
  'land-construction',
  'finance-accounting',
  'justice-civil-status',
  'culture-society',
];

export const rules: SelectionRules = {
  weights: { test: 0.4, academic: 0.3, interview: 0.3 },
  passMark: 50,
  tieBreak: ['interview', 'test', 'academic', 'appliedAt'],
};

export const openRound: Extract<RoundCommand, { type: 'OpenRound' }> = {
  type: 'OpenRound',
  roundId: ROUND_ID,
  name: 'Đợt tuyển chọn nguồn cán bộ xã năm 2025',
  provinceCode: '24',
  definition: { id: 'bac-giang-graduate', version: 1 },
  registrationOpensAt: OPENS_AT,
  registrationClosesAt: CLOSES_AT,
  registrationReminderDaysBefore: [7, 1],
  titles: TITLES,
  selectionRules: rules,
  actor: provinceBoard,
};

export const opened: RoundEvent = {
  type: 'RoundOpened',
  data: {
    roundId: ROUND_ID,
    name: openRound.name,
    provinceCode: '24',
    definition: { id: 'bac-giang-graduate', version: 1 },
    registrationOpensAt: OPENS_AT,
    registrationClosesAt: CLOSES_AT,
    registrationReminderDaysBefore: [7, 1],
    titles: TITLES,
    selectionRules: rules,
  },
};

export function registered(needId: string, commune: Commune, title = 'land-construction', quantity = 2): RoundEvent {
  return { type: 'NeedRegistered', data: { roundId: ROUND_ID, needId, commune, title, quantity, acceptedMajors: ['Quản lý đất đai'] } };
}

export const approved = (needId: string): RoundEvent => ({ type: 'NeedApproved', data: { roundId: ROUND_ID, needId } });

export const withdrawn = (needId: string): RoundEvent => ({
  type: 'NeedWithdrawn',
  data: { roundId: ROUND_ID, needId, reason: 'Sáp nhập xã' },
});

export const windowClosedBy = (trigger: 'deadline' | 'province-board'): RoundEvent => ({
  type: 'RegistrationWindowClosed',
  data: { roundId: ROUND_ID, trigger, scheduledClosesAt: CLOSES_AT, deadlineId: FIRST_DEADLINE },
});

export const windowClosed = windowClosedBy('deadline');

export const selectionStarted = (...needIds: string[]): RoundEvent => ({
  type: 'SelectionStarted',
  data: { roundId: ROUND_ID, approvedNeedIds: needIds },
});

/** Ngọc Vân needs two land officers, approved; the window closed and selection began. */
export const inSelection: RoundEvent[] = [
  opened,
  registered('need-ngoc-van', ngocVan),
  approved('need-ngoc-van'),
  windowClosed,
  selectionStarted('need-ngoc-van'),
];

export function errorCode<E>(decision: Decision<E>): string | undefined {
  return decision.kind === 'rejected' ? decision.error.code : undefined;
}

export function eventsOf<E>(decision: Decision<E>): E[] {
  if (decision.kind !== 'accepted') throw new Error(`expected accepted, got ${JSON.stringify(decision)}`);
  return decision.events;
}
