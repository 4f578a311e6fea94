import { ConcurrencyError, InvalidAppendError } from '../../src';
import { metadata, newEvent, numbered, rejection, uniqueStream } from '../fixtures';
import { ContractTarget, useStore } from './target';

export function appendingContract(target: ContractTarget): void {
  describe('appending', () => {
    const store = useStore(target);

    it('stores a batch with consecutive revisions, its metadata and the time it was recorded', async () => {
      const stream = uniqueStream('append');
      const before = Date.now();
      const batch = numbered(3);
      const result = await store().append(stream, batch, { expectedRevision: 'no_stream' });
      const events = await store().readStream(stream);
      expect(result.nextExpectedRevision).toBe(2);
      expect(events.map((event) => [event.id, event.revision, event.type, event.schemaVersion, event.data])).toEqual(
        batch.map((event, index) => [event.id, index, 'Numbered', 1, { n: index }]),
      );
      expect(events[0].metadata).toEqual(batch[0].metadata);
      expect(events[2].position).toEqual(result.position);
      expect(events[0].recordedAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
      expect(events[0].recordedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    });

    it('honours every kind of expected revision and reports expected and actual on conflict', async () => {
      const stream = uniqueStream('expected');
      await rejection(store().append(stream, numbered(1), { expectedRevision: 'stream_exists' }), ConcurrencyError, {
        expected: 'stream_exists',
        actual: 'no_stream',
      });
      await store().append(stream, numbered(2), { expectedRevision: 'no_stream' });
      await rejection(store().append(stream, numbered(1), { expectedRevision: 'no_stream' }), ConcurrencyError, {
        expected: 'no_stream',
        actual: 1,
      });
      await rejection(store().append(stream, numbered(1), { expectedRevision: 0 }), ConcurrencyError, {
        streamId: stream,
        expected: 0,
        actual: 1,
      });
      await store().append(stream, numbered(1), { expectedRevision: 1 });
      await store().append(stream, numbered(1), { expectedRevision: 'stream_exists' });
      const result = await store().append(stream, numbered(1), { expectedRevision: 'any' });
      expect(result.nextExpectedRevision).toBe(4);
      expect(await store().readStream(stream)).toHaveLength(5);
    });

    it('stores nothing of a batch whose expected revision is wrong', async () => {
      const stream = uniqueStream('atomic');
      await store().append(stream, numbered(1));
      await expect(store().append(stream, numbered(50), { expectedRevision: 5 })).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store().readStream(stream)).toHaveLength(1);
    });

    it('stores an event id once when the same append is retried', async () => {
      const stream = uniqueStream('idempotent');
      const batch = numbered(3);
      const first = await store().append(stream, batch, { expectedRevision: 'no_stream' });
      const retried = await store().append(stream, batch, { expectedRevision: 'no_stream' });
      const retriedAny = await store().append(stream, batch, { expectedRevision: 'any' });
      expect(retried).toEqual(first);
      expect(retriedAny).toEqual(first);
      expect((await store().readStream(stream)).map((event) => event.id)).toEqual(batch.map((event) => event.id));
    });

    it('rejects malformed appends naming the field and the rule, storing nothing', async () => {
      const stream = uniqueStream('invalid');
      const cases: [Parameters<ReturnType<typeof store>['append']>[1], string][] = [
        [[], 'events'],
        [[newEvent('Ok', {}, { id: 'not-a-uuid' })], 'events[0].id'],
        [[newEvent('Ok', {}), newEvent('', {})], 'events[1].type'],
        [[newEvent('Ok', {}, { schemaVersion: 0 })], 'events[0].schemaVersion'],
        [[newEvent('Ok', {}, { metadata: metadata({ correlationId: '' }) })], 'events[0].metadata.correlationId'],
        [[newEvent('Ok', {}, { metadata: { ...metadata(), actor: undefined as never } })], 'events[0].metadata.actor'],
        [[newEvent('Ok', {}, { metadata: metadata({ occurredAt: 'yesterday' }) })], 'events[0].metadata.occurredAt'],
        [[newEvent('Ok', { big: 1n })], 'events[0].data'],
      ];
      for (const [events, field] of cases) {
        await rejection(store().append(stream, events), InvalidAppendError, { field });
      }
      await rejection(store().append('$system', numbered(1)), InvalidAppendError, { field: 'streamId' });
      await rejection(store().append(stream, numbered(1), { expectedRevision: -2 }), InvalidAppendError, {
        field: 'expectedRevision',
      });
      expect(await store().readStream(stream)).toEqual([]);
    });
  });
}
