import { given } from '../shared/specification';
import type { RoundCommand } from './round.commands';
import { decideRound, ROUND_ALLOWED_ROLES } from './round.decide';
import {
  auditor,
  DURING_WINDOW,
  errorCode,
  eventsOf,
  inSelection,
  ngocVan,
  opened,
  openRound,
  politicalSchool,
  provinceBoard,
  ROUND_ID,
  scheduler,
  tanYenBoard,
} from './round.fixtures';
import { evolveRound, initialRoundState } from './round.state';

const closed = { type: 'RoundClosed' as const, data: { roundId: ROUND_ID } };

describe('opening a recruitment round', () => {
  it('records the round with its window, reminders and titles', () => {
    const decision = given(initialRoundState, evolveRound).when(decideRound, openRound, DURING_WINDOW);
    expect(eventsOf(decision)).toEqual([opened]);
  });

  it('keeps the Vietnamese name, in NFC', () => {
    const decomposed = 'Đợt tuyển chọn nguồn cán bộ xã năm 2025'.normalize('NFD');
    const [event] = eventsOf(given(initialRoundState, evolveRound).when(decideRound, { ...openRound, name: decomposed }, DURING_WINDOW));
    expect(event.type === 'RoundOpened' && event.data.name).toBe('Đợt tuyển chọn nguồn cán bộ xã năm 2025'.normalize('NFC'));
  });

  it('refuses a window that does not close after it opens', () => {
    const command = { ...openRound, registrationClosesAt: openRound.registrationOpensAt };
    expect(errorCode(given(initialRoundState, evolveRound).when(decideRound, command, DURING_WINDOW))).toBe('INVALID_REGISTRATION_WINDOW');
  });

  it('fixes the selection rules for the whole round, refusing weights that do not sum to 1', () => {
    const command = {
      ...openRound,
      selectionRules: { ...openRound.selectionRules, weights: { test: 0.4, academic: 0.3, interview: 0.2 } },
    };
    expect(errorCode(given(initialRoundState, evolveRound).when(decideRound, command, DURING_WINDOW))).toBe('INVALID_SELECTION_RULES');
    const [event] = eventsOf(given(initialRoundState, evolveRound).when(decideRound, openRound, DURING_WINDOW));
    expect(event).toMatchObject({ data: { selectionRules: { weights: { test: 0.4, academic: 0.3, interview: 0.3 }, passMark: 50 } } });
  });

  it.each([
    ['name', { name: ' ' }],
    ['registrationOpensAt', { registrationOpensAt: 'first of March' }],
    ['registrationReminderDaysBefore', { registrationReminderDaysBefore: [7, -1] }],
    ['titles', { titles: [] }],
    ['definition.version', { definition: { id: 'bac-giang-graduate', version: 0 } }],
  ])('refuses a round whose %s is invalid', (field, change) => {
    const decision = given(initialRoundState, evolveRound).when(decideRound, { ...openRound, ...change } as RoundCommand, DURING_WINDOW);
    expect(decision).toMatchObject({ kind: 'rejected', error: { code: 'INVALID_FIELD', details: { field } } });
  });

  it('opens a round only once', () => {
    expect(errorCode(given(initialRoundState, evolveRound, [opened]).when(decideRound, openRound, DURING_WINDOW))).toBe(
      'ROUND_ALREADY_OPENED',
    );
  });

  it('is the province board’s alone', () => {
    for (const actor of [tanYenBoard, politicalSchool, scheduler, auditor]) {
      expect(errorCode(given(initialRoundState, evolveRound).when(decideRound, { ...openRound, actor }, DURING_WINDOW))).toBe(
        'ROLE_NOT_ALLOWED',
      );
    }
  });
});

describe('who may act on a round', () => {
  it('never lets an auditor act, whatever the command', () => {
    const commands: RoundCommand[] = [
      { type: 'ApproveNeed', roundId: ROUND_ID, needId: 'need-ngoc-van', actor: auditor },
      {
        type: 'RegisterNeed',
        roundId: ROUND_ID,
        needId: 'n',
        commune: ngocVan,
        title: 'land-construction',
        quantity: 1,
        acceptedMajors: ['Luật'],
        actor: auditor,
      },
      { type: 'CloseRound', roundId: ROUND_ID, actor: auditor },
    ];
    for (const command of commands) {
      expect(errorCode(given(initialRoundState, evolveRound, inSelection).when(decideRound, command, DURING_WINDOW))).toBe(
        'ROLE_NOT_ALLOWED',
      );
    }
    expect(Object.values(ROUND_ALLOWED_ROLES).some((roles) => roles.includes('auditor'))).toBe(false);
  });

  it('lets district boards handle needs only, and the scheduler only close the window', () => {
    const approve: RoundCommand = { type: 'ApproveNeed', roundId: ROUND_ID, needId: 'need-ngoc-van', actor: tanYenBoard };
    expect(errorCode(given(initialRoundState, evolveRound, [opened]).when(decideRound, approve, DURING_WINDOW))).toBe('ROLE_NOT_ALLOWED');
    const start: RoundCommand = { type: 'StartSelection', roundId: ROUND_ID, actor: scheduler };
    expect(errorCode(given(initialRoundState, evolveRound, [opened]).when(decideRound, start, DURING_WINDOW))).toBe('ROLE_NOT_ALLOWED');
  });

  it('refuses any command before the round is opened', () => {
    const close: RoundCommand = { type: 'CloseRound', roundId: ROUND_ID, actor: provinceBoard };
    expect(errorCode(given(initialRoundState, evolveRound).when(decideRound, close, DURING_WINDOW))).toBe('ROUND_NOT_OPENED');
  });
});

describe('closing a round', () => {
  const close: RoundCommand = { type: 'CloseRound', roundId: ROUND_ID, actor: provinceBoard };

  it('closes it at the province board’s word', () => {
    expect(eventsOf(given(initialRoundState, evolveRound, inSelection).when(decideRound, close, DURING_WINDOW))).toEqual([closed]);
  });

  it('refuses every further command, and closes only once', () => {
    const state = given(initialRoundState, evolveRound, [...inSelection, closed]);
    expect(errorCode(state.when(decideRound, close, DURING_WINDOW))).toBe('ROUND_CLOSED');
    const approve: RoundCommand = { type: 'ApproveNeed', roundId: ROUND_ID, needId: 'need-ngoc-van', actor: provinceBoard };
    expect(errorCode(state.when(decideRound, approve, DURING_WINDOW))).toBe('ROUND_CLOSED');
  });

  it('ignores, with a reason, a window-close job that fires after the round closed', () => {
    const fired: RoundCommand = {
      type: 'CloseRegistrationWindow',
      roundId: ROUND_ID,
      deadlineId: `${ROUND_ID}/registration-window-close/1`,
      actor: scheduler,
    };
    const decision = given(initialRoundState, evolveRound, [opened, closed]).when(decideRound, fired, DURING_WINDOW);
    expect(decision).toEqual({ kind: 'ignored', reason: expect.stringContaining('closed') });
  });
});
