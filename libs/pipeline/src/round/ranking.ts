import type { SelectionRules } from '../definition/pipeline-definition';

export type ScoreField = 'test' | 'academic' | 'interview';
export const SCORE_FIELDS: readonly ScoreField[] = ['test', 'academic', 'interview'];

/** Each score is 0–100: the test (kiểm tra), academic results (kết quả học tập), the interview (phỏng vấn). */
export type Scores = Record<ScoreField, number>;

export interface SelectionCandidate {
  candidateId: string;
  scores: Scores;
  appliedAt: string;
  /** Withdrew before the results: listed last, never takes a place. */
  withdrew?: boolean;
}

export type TieBreak = SelectionRules['tieBreak'][number];
/** The rules' tie-breaks, then candidateId, so no two candidates ever share a rank. */
export type TieBreakStep = TieBreak | 'candidateId';

export type SelectionOutcome = 'selected' | 'not-selected' | 'withdrew';

export interface RankedCandidate extends SelectionCandidate {
  total: number;
  /** 1-based position in the full order, below-pass-mark candidates included. */
  rank: number;
  outcome: SelectionOutcome;
  /** What put this candidate below the one ranked just above it; null for rank 1. */
  decidedBy: 'total' | TieBreakStep | null;
}

/** Σ weight × score, to 2 decimals; precision is trimmed first so 84.399999… counts as 84.4. */
export function weightedTotal(scores: Scores, weights: SelectionRules['weights']): number {
  const sum = SCORE_FIELDS.reduce((total, field) => total + weights[field] * scores[field], 0);
  return Math.round(Number((sum * 100).toPrecision(12))) / 100;
}

export function tieBreakOrder(rules: SelectionRules): TieBreakStep[] {
  return [...new Set<TieBreakStep>([...rules.tieBreak, 'candidateId'])];
}

type Scored = SelectionCandidate & { total: number };

function compareOn(step: TieBreakStep, a: Scored, b: Scored): number {
  switch (step) {
    case 'appliedAt':
      return Date.parse(a.appliedAt) - Date.parse(b.appliedAt);
    case 'candidateId':
      // Code-unit order, not locale order: the same on every machine.
      return a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0;
    case 'test':
    case 'academic':
    case 'interview':
      return b.scores[step] - a.scores[step];
    default: {
      const unknown: never = step;
      return unknown;
    }
  }
}

function compare(a: Scored, b: Scored, steps: TieBreakStep[]): { order: number; by: 'total' | TieBreakStep } {
  if (a.total !== b.total) return { order: b.total - a.total, by: 'total' };
  for (const step of steps) {
    const order = compareOn(step, a, b);
    if (order !== 0) return { order, by: step };
  }
  return { order: 0, by: 'candidateId' };
}

/**
 * Orders candidates by weighted total, then the tie-breaks; the first `seats`
 * at or above the pass mark are selected. Candidate ids must be distinct.
 */
export function rankCandidates(candidates: readonly SelectionCandidate[], rules: SelectionRules, seats: number): RankedCandidate[] {
  const steps = tieBreakOrder(rules);
  const scored = candidates.map((candidate) => ({ ...candidate, total: weightedTotal(candidate.scores, rules.weights) }));
  // Those who withdrew go after everyone else, in the same order among themselves.
  const ordered = [...scored].sort((a, b) => Number(!!a.withdrew) - Number(!!b.withdrew) || compare(a, b, steps).order);
  let selected = 0;
  return ordered.map((candidate, index) => {
    const wins = !candidate.withdrew && candidate.total >= rules.passMark && selected < seats;
    if (wins) selected += 1;
    return {
      candidateId: candidate.candidateId,
      scores: candidate.scores,
      appliedAt: candidate.appliedAt,
      total: candidate.total,
      rank: index + 1,
      outcome: candidate.withdrew ? 'withdrew' : wins ? 'selected' : 'not-selected',
      decidedBy: index === 0 ? null : compare(ordered[index - 1], candidate, steps).by,
    };
  });
}
