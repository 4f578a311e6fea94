import { comparePositions, eventsAfter, type EventStore, type Position, type RecordedEvent } from '../../src';
import { newEvent, numbered, uniqueStream } from '../fixtures';
import { ContractTarget, useStore } from './target';

/** The last position in the log now, so a test can read only what it appends after. */
export async function headPosition(store: EventStore): Promise<Position | undefined> {
  const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  return last?.position;
}

/** Every event after `after`, page by page (through the port's own paging helper). */
export async function readAllAfter(store: EventStore, after: Position | undefined): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of eventsAfter(store, after, 500)) events.push(event);
  return events;
}

export function readingContract(target: ContractTarget): void {
  describe('reading', () => {
    const store = useStore(target);

    it('reads a stream forwards and backwards from a revision, bounded by maxCount', async () => {
      const stream = uniqueStream('read');
      await store().append(stream, numbered(10));
      const revisions = (events: RecordedEvent[]) => events.map((event) => event.revision);
      expect(revisions(await store().readStream(stream, { fromRevision: 4, maxCount: 3 }))).toEqual([4, 5, 6]);
      expect(revisions(await store().readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual([9, 8]);
      expect(revisions(await store().readStream(stream, { direction: 'backwards', fromRevision: 3 }))).toEqual([3, 2, 1, 0]);
      expect(await store().readStream(stream, { fromRevision: 10 })).toEqual([]);
      expect(await store().readStream(uniqueStream('missing'))).toEqual([]);
    });

    it('keeps one global order across streams, readable forwards and backwards', async () => {
      const streams = [uniqueStream('order-a'), uniqueStream('order-b'), uniqueStream('order-c')];
      const start = await headPosition(store());
      const appended: string[] = [];
      for (let round = 0; round < 4; round += 1) {
        for (const stream of streams) {
          const event = newEvent('Ordered', { round, stream });
          await store().append(stream, [event]);
          appended.push(event.id);
        }
      }
      const ours = new Set(appended);
      const forwards = (await readAllAfter(store(), start)).filter((event) => ours.has(event.id));
      expect(forwards.map((event) => event.id)).toEqual(appended);
      for (let index = 1; index < forwards.length; index += 1) {
        expect(comparePositions(forwards[index - 1].position, forwards[index].position)).toBeLessThan(0);
      }
      const backwards = await store().readAll({ direction: 'backwards', maxCount: appended.length });
      expect(backwards.map((event) => event.id)).toEqual([...appended].reverse());
      const fromMiddle = await store().readAll({ fromPosition: forwards[5].position, maxCount: 2 });
      expect(fromMiddle.map((event) => event.id)).toEqual(appended.slice(5, 7));
      // Both directions include the event at the given position.
      const backFromMiddle = await store().readAll({ direction: 'backwards', fromPosition: forwards[5].position, maxCount: 2 });
      expect(backFromMiddle.map((event) => event.id)).toEqual([appended[5], appended[4]]);
    });

    it('holds a 10,000-event stream and pages through it', async () => {
      const stream = uniqueStream('long');
      for (let from = 0; from < 10_000; from += 500) {
        await store().append(stream, numbered(500, 'Numbered', from), { expectedRevision: from === 0 ? 'no_stream' : from - 1 });
      }
      const all = await store().readStream(stream);
      expect(all).toHaveLength(10_000);
      expect(all.every((event, index) => event.revision === index && (event.data as { n: number }).n === index)).toBe(true);
      const tail = await store().readStream(stream, { direction: 'backwards', maxCount: 3 });
      expect(tail.map((event) => event.revision)).toEqual([9_999, 9_998, 9_997]);
      const middle = await store().readStream(stream, { fromRevision: 5_000, maxCount: 100 });
      expect(middle.map((event) => event.revision)).toEqual(Array.from({ length: 100 }, (_, index) => 5_000 + index));
    });
  });
}
