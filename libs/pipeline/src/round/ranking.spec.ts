import { rankCandidates, tieBreakOrder, weightedTotal, type SelectionCandidate } from './ranking';
import { rules } from './round.fixtures';

const candidate = (
  candidateId: string,
  test: number,
  academic: number,
  interview: number,
  appliedAt = '2025-04-05T02:00:00.000Z',
): SelectionCandidate => ({
  candidateId,
  scores: { test, academic, interview },
  appliedAt,
});

const order = (ranking: { candidateId: string }[]) => ranking.map((r) => r.candidateId);

describe('selection ranking', () => {
  it('weighs the test, academic results and interview, rounded to 2 decimals', () => {
    expect(weightedTotal({ test: 80, academic: 70, interview: 60 }, rules.weights)).toBe(71);
    expect(weightedTotal({ test: 66.67, academic: 70, interview: 80 }, rules.weights)).toBe(71.67);
    expect(weightedTotal({ test: 100, academic: 100, interview: 100 }, rules.weights)).toBe(100);
  });

  it('orders by weighted total, highest first, and ranks everyone', () => {
    const ranking = rankCandidates(
      [candidate('c-low', 60, 60, 60), candidate('c-high', 90, 85, 88), candidate('c-mid', 75, 70, 72)],
      rules,
      5,
    );
    expect(order(ranking)).toEqual(['c-high', 'c-mid', 'c-low']);
    expect(ranking.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(ranking.map((r) => r.decidedBy)).toEqual([null, 'total', 'total']);
  });

  it('breaks a tie on the total by the interview when it is the first tie-break, even if academic results point the other way', () => {
    // Same test and total (71); A did better academically, B in the interview.
    const a = candidate('c-a', 80, 70, 60);
    const b = candidate('c-b', 80, 60, 70);
    const ranking = rankCandidates([a, b], rules, 1);
    expect(ranking).toMatchObject([
      { candidateId: 'c-b', total: 71, rank: 1, outcome: 'selected', decidedBy: null },
      { candidateId: 'c-a', total: 71, rank: 2, outcome: 'not-selected', decidedBy: 'interview' },
    ]);
    expect(order(rankCandidates([a, b], { ...rules, tieBreak: ['academic', 'interview'] }, 1))).toEqual(['c-a', 'c-b']);
  });

  it('breaks a tie on every score by the earlier application', () => {
    const late = candidate('c-a-late', 82, 74, 69, '2025-04-06T09:00:00.000Z');
    const early = candidate('c-z-early', 82, 74, 69, '2025-04-03T09:00:00.000Z');
    const ranking = rankCandidates([late, early], rules, 1);
    expect(order(ranking)).toEqual(['c-z-early', 'c-a-late']);
    expect(ranking[1]).toMatchObject({ outcome: 'not-selected', decidedBy: 'appliedAt' });
  });

  it('falls back to the candidate id so the order is total and repeatable', () => {
    const ids = ['c-3', 'c-1', 'c-2'];
    const ranking = rankCandidates(
      ids.map((id) => candidate(id, 70, 70, 70)),
      rules,
      3,
    );
    expect(order(ranking)).toEqual(['c-1', 'c-2', 'c-3']);
    expect(ranking[2].decidedBy).toBe('candidateId');
    expect(order(rankCandidates([...ranking].reverse(), rules, 3))).toEqual(['c-1', 'c-2', 'c-3']);
    expect(tieBreakOrder(rules)).toEqual(['interview', 'test', 'academic', 'appliedAt', 'candidateId']);
  });

  it('selects no more than the seats, and nobody below the pass mark', () => {
    const ranking = rankCandidates(
      [candidate('c-1', 90, 90, 90), candidate('c-2', 80, 80, 80), candidate('c-3', 70, 70, 70), candidate('c-fail', 40, 45, 49)],
      rules,
      2,
    );
    expect(ranking.map((r) => [r.candidateId, r.outcome])).toEqual([
      ['c-1', 'selected'],
      ['c-2', 'selected'],
      ['c-3', 'not-selected'],
      ['c-fail', 'not-selected'],
    ]);
    const fewPassing = rankCandidates([candidate('c-1', 90, 90, 90), candidate('c-fail', 40, 45, 49)], rules, 2);
    expect(fewPassing.map((r) => r.outcome)).toEqual(['selected', 'not-selected']);
  });

  it('counts a total exactly at the pass mark as a pass', () => {
    expect(rankCandidates([candidate('c-1', 50, 50, 50)], rules, 1)[0].outcome).toBe('selected');
  });
});
