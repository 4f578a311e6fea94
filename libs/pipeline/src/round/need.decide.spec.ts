import { given } from '../shared/specification';
import type { RoundCommand, RoundCommandOf } from './round.commands';
import { decideRound } from './round.decide';
import {
  AFTER_WINDOW,
  BEFORE_WINDOW,
  CLOSES_AT,
  DURING_WINDOW,
  errorCode,
  eventsOf,
  langGiangBoard,
  nghiaHoa,
  ngocVan,
  opened,
  provinceBoard,
  registered,
  ROUND_ID,
  tanYenBoard,
  windowClosed,
  withdrawn,
} from './round.fixtures';
import { evolveRound, initialRoundState } from './round.state';

const register: RoundCommandOf<'RegisterNeed'> = {
  type: 'RegisterNeed',
  roundId: ROUND_ID,
  needId: 'need-ngoc-van',
  commune: ngocVan,
  title: 'land-construction',
  quantity: 2,
  acceptedMajors: ['Quản lý đất đai'],
  actor: tanYenBoard,
};
const registeredNgocVan = registered('need-ngoc-van', ngocVan);
const whenOpen = (events: Parameters<typeof evolveRound>[1][], command: RoundCommand, now = DURING_WINDOW) =>
  given(initialRoundState, evolveRound, [opened, ...events]).when(decideRound, command, now);

describe('registering a commune’s need', () => {
  it('records it for a commune of the board’s own district, Vietnamese names intact', () => {
    expect(eventsOf(whenOpen([], register))).toEqual([registeredNgocVan]);
    const [event] = eventsOf(whenOpen([], register));
    expect(event.type === 'NeedRegistered' && event.data.commune).toEqual({ code: '07351', name: 'Xã Ngọc Vân', districtCode: '216' });
  });

  it('records Lạng Giang’s (district 217) need for Xã Nghĩa Hòa under its own board', () => {
    const [event] = eventsOf(whenOpen([], { ...register, needId: 'need-nghia-hoa', commune: nghiaHoa, actor: langGiangBoard }));
    expect(event).toMatchObject({ type: 'NeedRegistered', data: { commune: { name: 'Xã Nghĩa Hòa', districtCode: '217' } } });
  });

  it('stores a decomposed commune name in NFC', () => {
    const [event] = eventsOf(whenOpen([], { ...register, commune: { ...ngocVan, name: 'Xã Ngọc Vân'.normalize('NFD') } }));
    expect(event.type === 'NeedRegistered' && event.data.commune.name).toBe('Xã Ngọc Vân'.normalize('NFC'));
  });

  it('lets the province board register for any district', () => {
    expect(eventsOf(whenOpen([], { ...register, actor: provinceBoard }))).toHaveLength(1);
  });

  it('refuses a commune of another district', () => {
    expect(whenOpen([], { ...register, actor: langGiangBoard })).toMatchObject({
      kind: 'rejected',
      error: { code: 'NOT_YOUR_DISTRICT', details: { district: '216' } },
    });
  });

  it('accepts needs only while the window is open', () => {
    expect(errorCode(whenOpen([], register, BEFORE_WINDOW))).toBe('REGISTRATION_NOT_OPEN');
    expect(errorCode(whenOpen([], register, AFTER_WINDOW))).toBe('REGISTRATION_WINDOW_CLOSED');
    expect(errorCode(whenOpen([windowClosed], register))).toBe('REGISTRATION_WINDOW_CLOSED');
    expect(errorCode(whenOpen([], register, new Date(CLOSES_AT)))).toBe('REGISTRATION_WINDOW_CLOSED');
  });

  it('needs the commune’s code, name and district', () => {
    expect(whenOpen([], { ...register, actor: provinceBoard, commune: { ...ngocVan, name: '' } })).toMatchObject({
      error: { code: 'INVALID_FIELD', details: { field: 'commune' } },
    });
  });

  it('refuses a title outside the round’s list', () => {
    expect(errorCode(whenOpen([], { ...register, title: 'chief-of-staff' }))).toBe('UNKNOWN_TITLE');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses quantity %p', (quantity) => {
    expect(errorCode(whenOpen([], { ...register, quantity }))).toBe('INVALID_QUANTITY');
  });

  it('needs at least one accepted major', () => {
    expect(errorCode(whenOpen([], { ...register, acceptedMajors: [] }))).toBe('NO_ACCEPTED_MAJORS');
    expect(errorCode(whenOpen([], { ...register, acceptedMajors: [' '] }))).toBe('NO_ACCEPTED_MAJORS');
  });

  it('allows one need per commune and title', () => {
    expect(errorCode(whenOpen([registeredNgocVan], { ...register, needId: 'need-2' }))).toBe('NEED_ALREADY_REGISTERED');
    expect(eventsOf(whenOpen([registeredNgocVan], { ...register, needId: 'need-2', title: 'culture-society' }))).toHaveLength(1);
    expect(eventsOf(whenOpen([registeredNgocVan, withdrawn('need-ngoc-van')], { ...register, needId: 'need-2' }))).toHaveLength(1);
  });

  it('refuses a need id used before', () => {
    const elsewhere = { ...register, commune: nghiaHoa, actor: provinceBoard };
    expect(errorCode(whenOpen([registeredNgocVan], elsewhere))).toBe('NEED_ALREADY_EXISTS');
  });
});

describe('amending a need', () => {
  const amend: RoundCommandOf<'AmendNeed'> = {
    type: 'AmendNeed',
    roundId: ROUND_ID,
    needId: 'need-ngoc-van',
    quantity: 3,
    actor: tanYenBoard,
  };

  it('records only what the amendment changed', () => {
    expect(eventsOf(whenOpen([registeredNgocVan], amend))).toEqual([
      { type: 'NeedAmended', data: { roundId: ROUND_ID, needId: 'need-ngoc-van', changes: { quantity: 3 } } },
    ]);
    const majors = ['Quản lý đất đai', 'Luật'];
    expect(eventsOf(whenOpen([registeredNgocVan], { ...amend, quantity: 2, acceptedMajors: majors }))).toEqual([
      { type: 'NeedAmended', data: { roundId: ROUND_ID, needId: 'need-ngoc-van', changes: { acceptedMajors: majors } } },
    ]);
  });

  it('does nothing, with a reason, when the need already has the values given', () => {
    const same = { ...amend, quantity: 2, acceptedMajors: ['Quản lý đất đai'.normalize('NFD')] };
    expect(whenOpen([registeredNgocVan], same)).toEqual({ kind: 'ignored', reason: 'need need-ngoc-van already has these values' });
  });

  it('follows the same rules as registering', () => {
    expect(errorCode(whenOpen([registeredNgocVan], { ...amend, actor: langGiangBoard }))).toBe('NOT_YOUR_DISTRICT');
    expect(errorCode(whenOpen([registeredNgocVan], amend, AFTER_WINDOW))).toBe('REGISTRATION_WINDOW_CLOSED');
    expect(errorCode(whenOpen([registeredNgocVan], { ...amend, quantity: 0 }))).toBe('INVALID_QUANTITY');
    expect(errorCode(whenOpen([registeredNgocVan], { ...amend, quantity: undefined, acceptedMajors: [] }))).toBe('NO_ACCEPTED_MAJORS');
    expect(errorCode(whenOpen([registeredNgocVan], { ...amend, quantity: undefined }))).toBe('NOTHING_TO_AMEND');
    expect(errorCode(whenOpen([], amend))).toBe('NEED_NOT_FOUND');
  });

  it('refuses once the need is approved or withdrawn', () => {
    const approved = { type: 'NeedApproved' as const, data: { roundId: ROUND_ID, needId: 'need-ngoc-van' } };
    expect(errorCode(whenOpen([registeredNgocVan, approved], amend))).toBe('NEED_ALREADY_APPROVED');
    expect(errorCode(whenOpen([registeredNgocVan, withdrawn('need-ngoc-van')], amend))).toBe('NEED_WITHDRAWN');
  });
});

describe('withdrawing a need', () => {
  const withdraw: RoundCommandOf<'WithdrawNeed'> = {
    type: 'WithdrawNeed',
    roundId: ROUND_ID,
    needId: 'need-ngoc-van',
    reason: 'Xã đã tuyển đủ',
    actor: tanYenBoard,
  };

  it('records the reason, even after the window closed', () => {
    expect(eventsOf(whenOpen([registeredNgocVan, windowClosed], withdraw, AFTER_WINDOW))).toEqual([
      { type: 'NeedWithdrawn', data: { roundId: ROUND_ID, needId: 'need-ngoc-van', reason: 'Xã đã tuyển đủ' } },
    ]);
  });

  it('needs a reason, the right district, and a need not yet withdrawn', () => {
    expect(errorCode(whenOpen([registeredNgocVan], { ...withdraw, reason: '' }))).toBe('INVALID_FIELD');
    expect(errorCode(whenOpen([registeredNgocVan], { ...withdraw, actor: langGiangBoard }))).toBe('NOT_YOUR_DISTRICT');
    expect(errorCode(whenOpen([registeredNgocVan, withdrawn('need-ngoc-van')], withdraw))).toBe('NEED_WITHDRAWN');
  });

  it('is too late once selection has started', () => {
    const started = [
      registeredNgocVan,
      { type: 'NeedApproved' as const, data: { roundId: ROUND_ID, needId: 'need-ngoc-van' } },
      windowClosed,
    ];
    const selecting = { type: 'SelectionStarted' as const, data: { roundId: ROUND_ID, approvedNeedIds: ['need-ngoc-van'] } };
    expect(errorCode(whenOpen([...started, selecting], withdraw, AFTER_WINDOW))).toBe('SELECTION_ALREADY_STARTED');
  });
});

describe('approving a need', () => {
  const approve: RoundCommandOf<'ApproveNeed'> = { type: 'ApproveNeed', roundId: ROUND_ID, needId: 'need-ngoc-van', actor: provinceBoard };

  it('records the approval', () => {
    expect(eventsOf(whenOpen([registeredNgocVan], approve))).toEqual([
      { type: 'NeedApproved', data: { roundId: ROUND_ID, needId: 'need-ngoc-van' } },
    ]);
  });

  it('refuses a missing, withdrawn or already approved need', () => {
    expect(errorCode(whenOpen([], approve))).toBe('NEED_NOT_FOUND');
    expect(errorCode(whenOpen([registeredNgocVan, withdrawn('need-ngoc-van')], approve))).toBe('NEED_WITHDRAWN');
    const approved = eventsOf(whenOpen([registeredNgocVan], approve));
    expect(errorCode(whenOpen([registeredNgocVan, ...approved], approve))).toBe('NEED_ALREADY_APPROVED');
  });
});
