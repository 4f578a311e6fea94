import { replay } from '../shared/specification';
import { approved, inSelection, ngocThien, ngocVan, opened, registered, ROUND_ID, windowClosed, withdrawn } from './round.fixtures';
import { ROUND_EVENT_VERSIONS, type RoundEvent } from './round.events';
import { evolveRound, initialRoundState } from './round.state';

describe('a round’s state, replayed from its events', () => {
  it('follows the round from registration to selection', () => {
    const amended: RoundEvent = {
      type: 'NeedAmended',
      data: { roundId: ROUND_ID, needId: 'need-ngoc-thien', changes: { quantity: 1, acceptedMajors: ['Luật'] } },
    };
    const state = replay(initialRoundState, evolveRound, [
      opened,
      registered('need-ngoc-van', ngocVan),
      registered('need-ngoc-thien', ngocThien),
      amended,
      approved('need-ngoc-van'),
      withdrawn('need-ngoc-thien'),
      windowClosed,
    ]);
    expect(state).toMatchObject({
      status: 'registration-closed',
      deadlineVersion: 1,
      needs: [
        { needId: 'need-ngoc-van', status: 'approved', quantity: 2, commune: { name: 'Xã Ngọc Vân' } },
        { needId: 'need-ngoc-thien', status: 'withdrawn', quantity: 1, acceptedMajors: ['Luật'] },
      ],
    });
  });

  it('counts the candidates selected for each need', () => {
    const published: RoundEvent = {
      type: 'SelectionResultsPublished',
      data: {
        roundId: ROUND_ID,
        needId: 'need-ngoc-van',
        seats: 2,
        weights: { test: 0.4, academic: 0.3, interview: 0.3 },
        passMark: 50,
        tieBreak: ['candidateId'],
        ranking: [
          {
            candidateId: 'c-1',
            scores: { test: 90, academic: 90, interview: 90 },
            appliedAt: '2025-04-05T02:00:00.000Z',
            total: 90,
            rank: 1,
            outcome: 'selected',
            decidedBy: null,
          },
          {
            candidateId: 'c-2',
            scores: { test: 40, academic: 40, interview: 40 },
            appliedAt: '2025-04-05T02:00:00.000Z',
            total: 40,
            rank: 2,
            outcome: 'not-selected',
            decidedBy: 'total',
          },
        ],
      },
    };
    const state = replay(initialRoundState, evolveRound, [...inSelection, published]);
    expect(state).toMatchObject({ status: 'selecting', needs: [{ needId: 'need-ngoc-van', selectedCandidateIds: ['c-1'] }] });
  });

  it('ignores round events in a stream that was never opened', () => {
    expect(replay(initialRoundState, evolveRound, [registered('need-ngoc-van', ngocVan), windowClosed])).toEqual({ status: 'not-opened' });
  });

  it('versions every event type: NeedAmended is at 2 (only what changed), the others at 1', () => {
    const { NeedAmended, ...others } = ROUND_EVENT_VERSIONS;
    expect(NeedAmended).toBe(2);
    expect(new Set(Object.values(others))).toEqual(new Set([1]));
  });
});
