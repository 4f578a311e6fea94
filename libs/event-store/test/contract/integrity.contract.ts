import { ConcurrencyError, eventHash, InvalidAppendError, type ExpectedRevision, type RecordedEvent } from '../../src';
import { metadata, newEvent, numbered, rejection, uniqueStream } from '../fixtures';
import { GOLDEN_EVENTS, GOLDEN_HASHES, GOLDEN_STREAM } from '../golden-vector';
import { ContractTarget, useStore } from './target';

/** Checks a stream read forwards: consecutive revisions, each hash recomputable and linked to its predecessor's. */
export function expectLinearChain(events: RecordedEvent[]): void {
  events.forEach((event, index) => {
    const { streamId, revision, id, type, schemaVersion, data, metadata: meta, previousHash } = event;
    expect(revision).toBe(index);
    expect(previousHash).toBe(index === 0 ? null : events[index - 1].hash);
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(event.hash).toBe(eventHash({ streamId, revision, id, type, schemaVersion, data, metadata: meta, previousHash }));
  });
}

export function integrityContract(target: ContractTarget): void {
  describe('tamper evidence', () => {
    const store = useStore(target);

    it('chains every event to the previous one of its stream with a hash recomputable from what is read', async () => {
      const stream = uniqueStream('chain');
      await store().append(stream, numbered(3), { expectedRevision: 'no_stream' });
      await store().append(stream, numbered(2, 'Numbered', 3), { expectedRevision: 2 });
      const events = await store().readStream(stream);
      expect(events).toHaveLength(5);
      expectLinearChain(events);
      const [fromAll] = await store().readAll({ fromPosition: events[4].position, maxCount: 1 });
      expect([fromAll.hash, fromAll.previousHash]).toEqual([events[4].hash, events[3].hash]);
    });

    it('gives identical content identical hashes on every adapter (golden vector)', async () => {
      // The stream outlives a run on a shared server: append only if it is not there yet.
      await store()
        .append(GOLDEN_STREAM, GOLDEN_EVENTS, { expectedRevision: 'no_stream' })
        .catch((error: unknown) => {
          if (!(error instanceof ConcurrencyError)) throw error;
        });
      const events = await store().readStream(GOLDEN_STREAM);
      expect(events.map((event) => event.hash)).toEqual(GOLDEN_HASHES);
      expect(events.map((event) => event.previousHash)).toEqual([null, GOLDEN_HASHES[0]]);
      expect((events[1].data as { note: string }).note).toBe('Bắc Giang'.normalize('NFD'));
    });

    it('keeps one linear chain when appends that name no exact revision race on one stream', async () => {
      const stream = uniqueStream('chain-race');
      await store().append(stream, numbered(1));
      const kinds: ExpectedRevision[] = ['any', 'stream_exists'];
      const racers = Array.from({ length: 24 }, (_, index) =>
        store().append(stream, numbered(1 + (index % 3), 'Raced', index * 10), { expectedRevision: kinds[index % 2] }),
      );
      await Promise.all(racers);
      const events = await store().readStream(stream);
      expect(events).toHaveLength(1 + Array.from({ length: 24 }, (_, index) => 1 + (index % 3)).reduce((a, b) => a + b, 0));
      expectLinearChain(events);
    });

    it('refuses metadata keys the store keeps for its own hash and schema version', async () => {
      const stream = uniqueStream('reserved');
      for (const key of ['eventHash', 'eventPreviousHash', 'eventSchemaVersion']) {
        const forged = newEvent('Forged', {}, { metadata: metadata({ [key]: 'f'.repeat(64) }) });
        await rejection(store().append(stream, [forged]), InvalidAppendError, { field: `events[0].metadata.${key}` });
      }
      expect(await store().readStream(stream)).toEqual([]);
    });
  });
}
