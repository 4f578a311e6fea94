import { positionOf, type RecordedEvent } from '@app/event-store';
import { CURRENT_EVENT_VERSIONS } from '@app/pipeline';
import { upcastRecordedEvent } from './upcast-recorded';

const recorded = (type: string, schemaVersion: number, data: unknown): RecordedEvent => ({
  id: 'e1',
  streamId: 'round-r1',
  type,
  schemaVersion,
  data,
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'province-board' }, occurredAt: '2026-01-01T00:00:00.000Z' },
  revision: 3,
  position: positionOf(42),
  recordedAt: new Date('2026-01-01T00:00:01.000Z'),
  hash: 'h',
  previousHash: 'p',
});

describe('upcasting recorded events for projections', () => {
  it('brings a v1 NeedAmended to the current version and keeps where and when it was recorded', () => {
    const old = recorded('NeedAmended', 1, { roundId: 'r1', needId: 'n1', quantity: 2, acceptedMajors: ['Luật'] });
    const current = upcastRecordedEvent(old);
    expect(current.schemaVersion).toBe(CURRENT_EVENT_VERSIONS.NeedAmended);
    expect(current.data).not.toEqual(old.data);
    expect(current).toMatchObject({ id: 'e1', streamId: 'round-r1', revision: 3, position: positionOf(42), hash: 'h' });
  });

  it('passes current events through untouched', () => {
    const event = recorded('CandidateApplied', CURRENT_EVENT_VERSIONS.CandidateApplied ?? 1, { any: 'thing' });
    expect(upcastRecordedEvent(event)).toBe(event);
  });
});
