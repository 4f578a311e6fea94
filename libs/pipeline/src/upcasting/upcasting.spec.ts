import { CANDIDATE_EVENT_VERSIONS } from '../candidate/candidate.events';
import { replay } from '../shared/specification';
import { ngocVan, opened, registered, ROUND_ID } from '../round/round.fixtures';
import { ROUND_EVENT_VERSIONS, type RoundEvent } from '../round/round.events';
import { evolveRound, initialRoundState } from '../round/round.state';
import { TRAINING_CLASS_EVENT_VERSIONS } from '../training-class/training-class.events';
import { CURRENT_EVENT_VERSIONS, upcastEvent } from './domain-upcasters';
import { createUpcaster, UpcastError } from './upcaster';

describe('upcasting stored events to their current shape', () => {
  const upcast = createUpcaster(
    { Renamed: 3, Current: 1 },
    {
      Renamed: {
        1: (data: { name: string }) => ({ fullName: data.name }),
        2: (data: { fullName: string }) => ({ person: { fullName: data.fullName } }),
      },
    },
  );

  it('chains the steps, v1 → v2 → v3, and starts from whatever version was stored', () => {
    expect(upcast({ type: 'Renamed', schemaVersion: 1, data: { name: 'Nguyễn Thị Hương Giang' } })).toEqual({
      type: 'Renamed',
      schemaVersion: 3,
      data: { person: { fullName: 'Nguyễn Thị Hương Giang' } },
    });
    expect(upcast({ type: 'Renamed', schemaVersion: 2, data: { fullName: 'Trần Văn Đức' } }).data).toEqual({
      person: { fullName: 'Trần Văn Đức' },
    });
  });

  it('returns current events and types it does not know untouched', () => {
    const current = { type: 'Current', schemaVersion: 1, data: { a: 1 } };
    const foreign = { type: 'AnchorRecorded', schemaVersion: 1, data: { b: 2 } };
    expect(upcast(current)).toBe(current);
    expect(upcast(foreign)).toBe(foreign);
  });

  it('refuses an event from a newer build, and a registry with a missing step', () => {
    expect(() => upcast({ type: 'Current', schemaVersion: 2, data: {} })).toThrow(UpcastError);
    expect(() => createUpcaster({ Gap: 3 }, { Gap: { 1: (data: never) => data } })).toThrow('Gap is at v3 but has no upcaster from v2');
  });

  it('knows every domain event type once, across rounds, candidates and classes', () => {
    const sizes = [ROUND_EVENT_VERSIONS, CANDIDATE_EVENT_VERSIONS, TRAINING_CLASS_EVENT_VERSIONS].map((map) => Object.keys(map).length);
    expect(Object.keys(CURRENT_EVENT_VERSIONS)).toHaveLength(sizes.reduce((a, b) => a + b, 0));
  });

  it('reads a v1 NeedAmended (both values repeated) as v2 (the changes), and the round replays it', () => {
    const v1 = { roundId: ROUND_ID, needId: 'need-ngoc-van', quantity: 4, acceptedMajors: ['Luật'] };
    const upcast = upcastEvent({ type: 'NeedAmended', schemaVersion: 1, data: v1 });
    expect(upcast).toEqual({
      type: 'NeedAmended',
      schemaVersion: 2,
      data: { roundId: ROUND_ID, needId: 'need-ngoc-van', changes: { quantity: 4, acceptedMajors: ['Luật'] } },
    });
    const state = replay(initialRoundState, evolveRound, [opened, registered('need-ngoc-van', ngocVan), upcast as RoundEvent]);
    expect(state).toMatchObject({ needs: [{ needId: 'need-ngoc-van', quantity: 4, acceptedMajors: ['Luật'] }] });
  });
});
