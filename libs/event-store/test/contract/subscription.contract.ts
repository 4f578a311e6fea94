import type { EventStore, Position, RecordedEvent } from '../../src';
import { numbered, uniqueStream } from '../fixtures';
import { headPosition } from './reading.contract';
import { ContractTarget, useStore } from './target';

/** Resolves once `predicate` holds, polling; fails the test after `timeoutMs`. */
export async function eventually(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function collect(store: EventStore, from: Position | undefined, streams: Set<string>, delayMs = 0) {
  const seen: RecordedEvent[] = [];
  let active = 0;
  let maxActive = 0;
  const subscription = store.subscribeToAll({
    fromCheckpoint: from,
    onEvent: async (event) => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (streams.has(event.streamId)) seen.push(event);
      active -= 1;
    },
  });
  return { seen, subscription, maxActive: () => maxActive };
}

export function subscriptionContract(target: ContractTarget): void {
  describe('subscribing to all events', () => {
    const store = useStore(target);

    it('catches up, goes live, delivers one at a time in order, and resumes from a checkpoint with no gap or duplicate', async () => {
      const stream = uniqueStream('sub');
      const start = await headPosition(store());
      await store().append(stream, numbered(20));
      const first = collect(store(), start, new Set([stream]), 2);
      await eventually(() => first.seen.length >= 8);
      await first.subscription.stop();
      const checkpoint = first.seen[first.seen.length - 1].position;
      const deliveredBeforeStop = first.seen.length;

      await store().append(stream, numbered(10, 'Numbered', 20));
      const second = collect(store(), checkpoint, new Set([stream]));
      await eventually(() => second.seen.length === 30 - deliveredBeforeStop);
      await store().append(stream, numbered(5, 'Numbered', 30));
      await eventually(() => second.seen.length === 35 - deliveredBeforeStop);
      await second.subscription.stop();

      const numbers = [...first.seen, ...second.seen].map((event) => (event.data as { n: number }).n);
      expect(numbers).toEqual(Array.from({ length: 35 }, (_, n) => n));
      expect(first.maxActive()).toBe(1);
    });

    it('stops and reports the error when the handler fails, delivering nothing after it', async () => {
      const stream = uniqueStream('failing');
      const start = await headPosition(store());
      await store().append(stream, numbered(5));
      const delivered: number[] = [];
      const subscription = store().subscribeToAll({
        fromCheckpoint: start,
        onEvent: (event) => {
          if (event.streamId !== stream) return;
          const { n } = event.data as { n: number };
          if (n === 2) throw new Error('projection cannot handle n=2');
          delivered.push(n);
        },
      });
      await expect(subscription.closed).rejects.toThrow('projection cannot handle n=2');
      expect(delivered).toEqual([0, 1]);
    });
  });
}
