import type { SelectionRules } from '../definition/pipeline-definition';
import { accept, reject, type Decision } from '../shared/decision';
import { rankCandidates, SCORE_FIELDS, tieBreakOrder, type SelectionCandidate } from './ranking';
import type { RoundCommandOf } from './round.commands';
import type { RoundEvent } from './round.events';
import { findNeed, firstOf, invalidField, isFilled, isInstant, needWithdrawn, refuse, type Rejection } from './round.guards';
import type { ActiveRound } from './round.state';

const TIE_BREAKS: readonly string[] = ['interview', 'test', 'academic', 'appliedAt'];

export function decideSelectionStart(round: ActiveRound): Decision<RoundEvent> {
  if (round.status === 'registering')
    return reject('REGISTRATION_NOT_CLOSED', 'selection starts only after the registration window is closed');
  if (round.status === 'selecting') return reject('SELECTION_ALREADY_STARTED', 'selection has already started');
  const pending = round.needs.filter((need) => need.status === 'registered').map((need) => need.needId);
  if (pending.length > 0) {
    return reject('NEEDS_NOT_APPROVED', `every need must be approved or withdrawn before selection; pending: ${pending.join(', ')}`, {
      needIds: pending,
    });
  }
  const approved = round.needs.filter((need) => need.status === 'approved').map((need) => need.needId);
  if (approved.length === 0) return reject('NO_APPROVED_NEEDS', 'selection needs at least one approved need');
  return accept({ type: 'SelectionStarted', data: { roundId: round.roundId, approvedNeedIds: approved } });
}

export function decideResultsPublication(command: RoundCommandOf<'PublishSelectionResults'>, round: ActiveRound): Decision<RoundEvent> {
  if (round.status !== 'selecting') return reject('SELECTION_NOT_STARTED', 'results can be published only once selection has started');
  const need = findNeed(round, command.needId);
  if ('kind' in need) return need;
  const { candidates } = command;
  const rules = round.selectionRules;
  const seats = need.quantity - need.selectedCandidateIds.length;
  const rejection = firstOf(
    () => needWithdrawn(need),
    () =>
      need.status === 'approved' ? undefined : refuse('NEED_NOT_APPROVED', `need ${need.needId} is not approved`, { needId: need.needId }),
    () =>
      seats > 0
        ? undefined
        : refuse('NEED_CAPACITY_REACHED', `need ${need.needId} has all ${need.quantity} places filled`, {
            needId: need.needId,
            quantity: need.quantity,
          }),
    () => (candidates.length > 0 ? undefined : refuse('NO_CANDIDATES', 'a publication ranks at least one candidate')),
    ...candidates.map((candidate) => () => invalidCandidate(candidate)),
    () => {
      const ids = candidates.map((c) => c.candidateId);
      const twice = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
      return twice.length === 0
        ? undefined
        : refuse('DUPLICATE_CANDIDATE', `candidates listed more than once: ${twice.join(', ')}`, { candidateIds: twice });
    },
    () => {
      // A person takes at most one place in a round.
      const taken = new Set(round.needs.flatMap((n) => n.selectedCandidateIds));
      const again = candidates.map((c) => c.candidateId).filter((id) => taken.has(id));
      return again.length === 0
        ? undefined
        : refuse('CANDIDATE_ALREADY_SELECTED', `already selected in this round: ${again.join(', ')}`, { candidateIds: again });
    },
  );
  if (rejection) return rejection;
  return accept({
    type: 'SelectionResultsPublished',
    data: {
      roundId: round.roundId,
      needId: need.needId,
      seats,
      weights: { ...rules.weights },
      passMark: rules.passMark,
      tieBreak: tieBreakOrder(rules),
      ranking: rankCandidates(candidates, rules, seats),
    },
  });
}

function isScore(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
}

/** Checked once, when the round opens; from then on every need is ranked with these rules. */
export function invalidSelectionRules(rules: SelectionRules): Rejection | undefined {
  if (!rules || !rules.weights) return invalidField('selectionRules', 'are required: copy them from the definition');
  const weights = SCORE_FIELDS.map((field) => rules.weights[field]);
  const sum = weights.reduce((total, weight) => total + weight, 0);
  const problem = !weights.every((w) => typeof w === 'number' && Number.isFinite(w) && w >= 0)
    ? 'weights must be non-negative numbers'
    : Math.abs(sum - 1) > 1e-9
      ? `weights must sum to 1 (got ${sum})`
      : !isScore(rules.passMark)
        ? 'the pass mark must be between 0 and 100'
        : !rules.tieBreak.every((field) => TIE_BREAKS.includes(field))
          ? `tie-breaks must be among ${TIE_BREAKS.join(', ')}`
          : undefined;
  return problem ? refuse('INVALID_SELECTION_RULES', problem, { rules }) : undefined;
}

function invalidCandidate(candidate: SelectionCandidate): Rejection | undefined {
  const { candidateId, scores, appliedAt } = candidate;
  if (!isFilled(candidateId)) return invalidField('candidateId', 'must not be blank');
  const bad = SCORE_FIELDS.find((field) => !isScore(scores?.[field]));
  if (bad)
    return refuse('INVALID_SCORE', `candidate ${candidateId}: the ${bad} score must be between 0 and 100`, {
      candidateId,
      field: bad,
      value: scores?.[bad],
    });
  if (!isInstant(appliedAt)) return invalidField('appliedAt', `candidate ${candidateId}: must be an ISO-8601 instant`);
  return undefined;
}
