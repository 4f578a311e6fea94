import { evolveCandidate, initialCandidateState } from '../candidate/candidate.state';
import { evolveRound, initialRoundState } from '../round/round.state';
import { evolveTrainingClass, initialTrainingClassState } from '../training-class/training-class.state';

/** An event of a type this build has never heard of, as a newer build might write it. */
const fromTheFuture = { type: 'RoundMergedIntoProvince', data: { at: 1n } } as never;

describe('folding an event this build does not know', () => {
  it.each([
    ['round', () => evolveRound(initialRoundState, fromTheFuture)],
    ['training class', () => evolveTrainingClass(initialTrainingClassState, fromTheFuture)],
    ['candidate', () => evolveCandidate(initialCandidateState, fromTheFuture)],
  ])('a %s refuses it, naming its type, instead of guessing a state', (what, fold) => {
    expect(fold).toThrow(`unknown ${what} event type RoundMergedIntoProvince`);
  });
});
