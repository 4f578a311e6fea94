import type { RecordedEvent } from '../port/events';
import { positionOf, type Position } from '../port/position';
import { runSubscription, type EventSource } from './run-subscription';

const log: RecordedEvent[] = Array.from({ length: 10 }, (_, index) => ({
  id: `e${index + 1}`,
  streamId: 's',
  type: 'T',
  schemaVersion: 1,
  data: {},
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'r' }, occurredAt: '2026-01-01T00:00:00Z' },
  revision: index,
  position: positionOf(index + 1),
  recordedAt: new Date(0),
  hash: `h${index + 1}`,
  previousHash: index === 0 ? null : `h${index}`,
}));

/** A source over a fixed log whose connection drops after `dropEvery` events, as a network would. */
function droppingSource(dropEvery: number, starts: (Position | undefined)[]): EventSource {
  return async function* (checkpoint, signal) {
    starts.push(checkpoint);
    const from = checkpoint ? Number(checkpoint.commit) : 0;
    let sent = 0;
    for (const event of log.slice(from)) {
      if (sent === dropEvery) throw new Error('connection reset');
      yield event;
      sent += 1;
    }
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
  };
}

describe('running a subscription', () => {
  it('resubscribes from the last handled event after each drop, with no gap and no duplicate', async () => {
    const starts: (Position | undefined)[] = [];
    const seen: string[] = [];
    const drops: number[] = [];
    const subscription = runSubscription(
      droppingSource(3, starts),
      { onEvent: (event) => void seen.push(event.id), onDropped: (_error, attempt) => void drops.push(attempt) },
      { initialMs: 1, maxMs: 4 },
    );
    while (seen.length < 10) await new Promise((resolve) => setTimeout(resolve, 5));
    await subscription.stop();
    expect(seen).toEqual(log.map((event) => event.id));
    expect(starts.map((start) => start?.commit)).toEqual([undefined, 3n, 6n, 9n]);
    // Each drop after progress restarts the count, so the delay never grows without bound.
    expect(drops).toEqual([1, 1, 1]);
  });

  it('backs off with growing attempts while the source keeps failing before any event', async () => {
    const attempts: number[] = [];
    const subscription = runSubscription(
      async function* () {
        throw new Error('store unreachable');
      },
      { onEvent: () => undefined, onDropped: (_error, attempt) => void attempts.push(attempt) },
      { initialMs: 1, maxMs: 2 },
    );
    while (attempts.length < 4) await new Promise((resolve) => setTimeout(resolve, 2));
    await subscription.stop();
    expect(attempts.slice(0, 4)).toEqual([1, 2, 3, 4]);
    await expect(subscription.closed).resolves.toBeUndefined();
  });

  it('stops on a handler failure and rejects `closed` with it, without retrying', async () => {
    const starts: (Position | undefined)[] = [];
    const subscription = runSubscription(droppingSource(100, starts), {
      onEvent: (event) => {
        if (event.id === 'e4') throw new Error('cannot project e4');
      },
    });
    await expect(subscription.closed).rejects.toThrow('cannot project e4');
    expect(starts).toHaveLength(1);
  });
});
