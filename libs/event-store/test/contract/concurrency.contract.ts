import { appendOptimistically } from '../../../../test/processes/optimistic-writer';
import { ConcurrencyError } from '../../src';
import { newEvent, numbered, uniqueStream } from '../fixtures';
import { expectLinearChain } from './integrity.contract';
import { ContractTarget, useStore } from './target';

export function concurrencyContract(target: ContractTarget): void {
  describe('concurrent appenders on one stream', () => {
    const store = useStore(target);

    it('lets exactly one of many appends with the same expected revision win', async () => {
      const stream = uniqueStream('race');
      await store().append(stream, numbered(1));
      const contenders = Array.from({ length: 16 }, (_, index) =>
        store().append(stream, [newEvent('Contender', { index })], { expectedRevision: 0 }),
      );
      const outcomes = await Promise.allSettled(contenders);
      const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const losers = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(winners).toHaveLength(1);
      expect(losers.every((loser) => loser.reason instanceof ConcurrencyError && loser.reason.actual === 1)).toBe(true);
      expect(await store().readStream(stream)).toHaveLength(2);
    });

    it('loses nothing and duplicates nothing when writers retry on conflict', async () => {
      const stream = uniqueStream('writers');
      const writers = 8;
      const perWriter = 25;
      const conflicts = await Promise.all(
        Array.from({ length: writers }, (_, writer) => appendOptimistically(store(), stream, writer, perWriter)),
      );
      const events = await store().readStream(stream);
      expect(events).toHaveLength(writers * perWriter);
      expectLinearChain(events);
      expect(new Set(events.map((event) => event.id)).size).toBe(writers * perWriter);
      for (let writer = 0; writer < writers; writer += 1) {
        const own = events.map((event) => event.data as { writer: number; n: number }).filter((data) => data.writer === writer);
        expect(own.map((data) => data.n)).toEqual(Array.from({ length: perWriter }, (_, n) => n));
      }
      // The writers really did race: some appends lost and were retried.
      expect(conflicts.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    });
  });
}
