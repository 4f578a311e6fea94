import { given } from '../shared/specification';
import type { SelectionCandidate } from './ranking';
import type { RoundCommand, RoundCommandOf } from './round.commands';
import { decideRound } from './round.decide';
import type { RoundEvent } from './round.events';
import {
  AFTER_WINDOW,
  approved,
  errorCode,
  eventsOf,
  inSelection,
  ngocThien,
  ngocVan,
  opened,
  provinceBoard,
  registered,
  ROUND_ID,
  rules,
  selectionStarted,
  windowClosed,
  withdrawn,
} from './round.fixtures';
import { evolveRound, initialRoundState } from './round.state';

const start: RoundCommand = { type: 'StartSelection', roundId: ROUND_ID, actor: provinceBoard };
const when = (events: RoundEvent[], command: RoundCommand) =>
  given(initialRoundState, evolveRound, events).when(decideRound, command, AFTER_WINDOW);

describe('starting selection', () => {
  const ngocVanNeed = registered('need-ngoc-van', ngocVan);
  const ngocThienNeed = registered('need-ngoc-thien', ngocThien);

  it('fixes the approved needs once every need is approved or withdrawn', () => {
    const events = [opened, ngocVanNeed, ngocThienNeed, approved('need-ngoc-van'), withdrawn('need-ngoc-thien'), windowClosed];
    expect(eventsOf(when(events, start))).toEqual([selectionStarted('need-ngoc-van')]);
  });

  it('waits for the registration window to close', () => {
    expect(errorCode(when([opened, ngocVanNeed, approved('need-ngoc-van')], start))).toBe('REGISTRATION_NOT_CLOSED');
  });

  it('names the needs still waiting for approval', () => {
    const decision = when([opened, ngocVanNeed, ngocThienNeed, approved('need-ngoc-van'), windowClosed], start);
    expect(decision).toMatchObject({ kind: 'rejected', error: { code: 'NEEDS_NOT_APPROVED', details: { needIds: ['need-ngoc-thien'] } } });
  });

  it('needs at least one approved need', () => {
    expect(errorCode(when([opened, ngocVanNeed, withdrawn('need-ngoc-van'), windowClosed], start))).toBe('NO_APPROVED_NEEDS');
  });

  it('starts only once', () => {
    expect(errorCode(when(inSelection, start))).toBe('SELECTION_ALREADY_STARTED');
  });
});

const candidate = (candidateId: string, test: number, academic: number, interview: number): SelectionCandidate => ({
  candidateId,
  scores: { test, academic, interview },
  appliedAt: '2025-04-05T02:00:00.000Z',
});
const publish = (candidates: SelectionCandidate[], needId = 'need-ngoc-van'): RoundCommandOf<'PublishSelectionResults'> => ({
  type: 'PublishSelectionResults',
  roundId: ROUND_ID,
  needId,
  candidates,
  actor: provinceBoard,
});
const selected = (events: RoundEvent[]) =>
  events.flatMap((e) =>
    e.type === 'SelectionResultsPublished' ? e.data.ranking.filter((r) => r.outcome === 'selected').map((r) => r.candidateId) : [],
  );

describe('publishing selection results for a need', () => {
  it('records the full ranking, the rules and the tie-break used', () => {
    const [event] = eventsOf(
      when(inSelection, publish([candidate('c-1', 90, 80, 85), candidate('c-2', 70, 75, 60), candidate('c-3', 40, 40, 40)])),
    );
    expect(event).toMatchObject({
      type: 'SelectionResultsPublished',
      data: {
        needId: 'need-ngoc-van',
        seats: 2,
        passMark: 50,
        weights: rules.weights,
        tieBreak: ['interview', 'test', 'academic', 'appliedAt', 'candidateId'],
      },
    });
    const ranking = event.type === 'SelectionResultsPublished' ? event.data.ranking : [];
    expect(ranking.map(({ candidateId, total, rank, outcome }) => ({ candidateId, total, rank, outcome }))).toEqual([
      { candidateId: 'c-1', total: 85.5, rank: 1, outcome: 'selected' },
      { candidateId: 'c-2', total: 68.5, rank: 2, outcome: 'selected' },
      { candidateId: 'c-3', total: 40, rank: 3, outcome: 'not-selected' },
    ]);
  });

  it('never selects more than the need’s quantity, across publications', () => {
    const first = eventsOf(when(inSelection, publish([candidate('c-1', 90, 90, 90), candidate('c-fail', 30, 30, 30)])));
    expect(selected(first)).toEqual(['c-1']);
    const second = eventsOf(when([...inSelection, ...first], publish([candidate('c-2', 80, 80, 80), candidate('c-3', 85, 85, 85)])));
    expect(second[0]).toMatchObject({ data: { seats: 1 } });
    expect(selected(second)).toEqual(['c-3']);
    const third = when([...inSelection, ...first, ...second], publish([candidate('c-2', 80, 80, 80)]));
    expect(third).toMatchObject({ kind: 'rejected', error: { code: 'NEED_CAPACITY_REACHED', details: { quantity: 2 } } });
    expect(selected([...first, ...second])).toHaveLength(2);
  });

  it('waits for selection to start', () => {
    const beforeStart = [opened, registered('need-ngoc-van', ngocVan), approved('need-ngoc-van'), windowClosed];
    expect(errorCode(when(beforeStart, publish([candidate('c-1', 90, 90, 90)])))).toBe('SELECTION_NOT_STARTED');
  });

  it('publishes only for an approved need of the round', () => {
    expect(errorCode(when(inSelection, publish([candidate('c-1', 90, 90, 90)], 'need-unknown')))).toBe('NEED_NOT_FOUND');
    const withOthers = [
      opened,
      registered('need-ngoc-van', ngocVan),
      registered('need-ngoc-thien', ngocThien),
      approved('need-ngoc-van'),
      withdrawn('need-ngoc-thien'),
      windowClosed,
      selectionStarted('need-ngoc-van'),
    ];
    expect(errorCode(when(withOthers, publish([candidate('c-1', 90, 90, 90)], 'need-ngoc-thien')))).toBe('NEED_WITHDRAWN');
    // A history where a need was never approved (recorded before the approval rule existed, say).
    const unapproved = [opened, registered('need-ngoc-thien', ngocThien), windowClosed, selectionStarted()];
    expect(errorCode(when(unapproved, publish([candidate('c-1', 90, 90, 90)], 'need-ngoc-thien')))).toBe('NEED_NOT_APPROVED');
  });

  it('refuses scores outside 0–100 and badly formed lists', () => {
    expect(when(inSelection, publish([candidate('c-1', 101, 90, 90)]))).toMatchObject({
      error: { code: 'INVALID_SCORE', details: { candidateId: 'c-1', field: 'test' } },
    });
    expect(errorCode(when(inSelection, publish([candidate('c-1', 90, -1, 90)])))).toBe('INVALID_SCORE');
    expect(errorCode(when(inSelection, publish([candidate('c-1', 90, 90, Number.NaN)])))).toBe('INVALID_SCORE');
    expect(errorCode(when(inSelection, publish([])))).toBe('NO_CANDIDATES');
    expect(errorCode(when(inSelection, publish([candidate('c-1', 90, 90, 90), candidate('c-1', 80, 80, 80)])))).toBe('DUPLICATE_CANDIDATE');
    expect(errorCode(when(inSelection, publish([{ ...candidate('c-1', 90, 90, 90), appliedAt: 'yesterday' }])))).toBe('INVALID_FIELD');
  });

  it('ranks a candidate who withdrew last, giving the place to the next one', () => {
    const ranking = eventsOf(
      when(
        inSelection,
        publish([{ ...candidate('c-best', 99, 99, 99), withdrew: true }, candidate('c-2', 80, 80, 80), candidate('c-3', 70, 70, 70)]),
      ),
    );
    const published = ranking[0] as Extract<RoundEvent, { type: 'SelectionResultsPublished' }>;
    expect(published.data.ranking.map((r) => [r.candidateId, r.outcome])).toEqual([
      ['c-2', 'selected'],
      ['c-3', 'selected'],
      ['c-best', 'withdrew'],
    ]);
  });

  it('does not give one person two places in a round', () => {
    const first = eventsOf(when(inSelection, publish([candidate('c-1', 90, 90, 90)])));
    expect(errorCode(when([...inSelection, ...first], publish([candidate('c-1', 90, 90, 90)])))).toBe('CANDIDATE_ALREADY_SELECTED');
  });
});
