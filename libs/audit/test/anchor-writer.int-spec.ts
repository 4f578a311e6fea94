import { comparePositions, ConcurrencyError, SqliteEventStore, type RecordedEvent } from '@app/event-store';
import { ANCHOR_STREAM, AnchorWriter, leafHash, merkleRoot, verifyStore, type Anchor } from '../src';
import { anchorsIn, anchorsUntil, event, freshPath, totalCount } from './support';

// The writers anchor in the background; the tests poll for up to 10 s (see support.ts).
jest.setTimeout(20_000);

/** The non-anchor events each anchor covers, read back from the log. */
async function blocksOf(store: SqliteEventStore, anchors: Anchor[]): Promise<RecordedEvent[][]> {
  const all = (await store.readAll({ maxCount: 100_000 })).filter((recorded) => recorded.streamId !== ANCHOR_STREAM);
  return anchors.map((anchor) =>
    all.filter((recorded) => comparePositions(recorded.position, anchor.from) >= 0 && comparePositions(recorded.position, anchor.to) <= 0),
  );
}

/** Every event outside the anchor stream is in exactly one block, blocks in order and back to back. */
async function expectContiguousBlocks(store: SqliteEventStore, anchors: Anchor[]): Promise<void> {
  const blocks = await blocksOf(store, anchors);
  const covered = blocks.flat().map((recorded) => recorded.id);
  expect(new Set(covered).size).toBe(covered.length);
  anchors.forEach((anchor, index) => {
    expect(anchor.event.revision).toBe(index);
    expect(anchor.previousAnchorHash).toBe(index === 0 ? null : anchors[index - 1].anchorHash);
    expect(blocks[index]).toHaveLength(anchor.eventCount);
    expect(anchor.merkleRoot).toBe(merkleRoot(blocks[index].map(leafHash)));
  });
}

describe('the anchor writer', () => {
  it('anchors every full block of the log, leaving out its own anchors, each chained to the one before', async () => {
    const store = new SqliteEventStore({ path: freshPath() });
    const writer = new AnchorWriter(store, { blockSize: 10, intervalMs: 60_000 });
    await writer.start();
    for (let n = 0; n < 35; n += 1) await store.append(`candidate-${n % 4}`, [event('Numbered', { n, tên: 'Nguyễn Thị Hương Giang' })]);
    const anchors = await anchorsUntil(store, (found) => found.length === 3);
    await writer.stop();
    expect(anchors.map((anchor) => anchor.eventCount)).toEqual([10, 10, 10]);
    expect(anchors[0].fromPosition).toBe('1');
    await expectContiguousBlocks(store, anchors);
    expect(await verifyStore(store)).toMatchObject({
      ok: true,
      eventsChecked: 38,
      anchorsChecked: 3,
      unanchoredEvents: 5,
      streamsChecked: 5,
    });
    await store.close();
  });

  it('anchors a partial tail once the interval has passed with at least one new event', async () => {
    const store = new SqliteEventStore({ path: freshPath() });
    const writer = new AnchorWriter(store, { blockSize: 1_000, intervalMs: 150 });
    await writer.start();
    await store.append('round-1', [event('A', {}), event('B', {}), event('C', {})]);
    expect((await anchorsUntil(store, (found) => found.length === 1))[0]).toMatchObject({
      fromPosition: '1',
      toPosition: '3',
      eventCount: 3,
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await anchorsIn(store)).toHaveLength(1);
    await store.append('round-1', [event('D', {})]);
    const anchors = await anchorsUntil(store, (found) => found.length === 2);
    expect(anchors[1]).toMatchObject({ fromPosition: '5', toPosition: '5', eventCount: 1 });
    await writer.stop();
    await store.close();
  });

  it('carries on after a restart from the last anchor, anchoring nothing twice', async () => {
    const path = freshPath();
    const store = new SqliteEventStore({ path });
    const first = new AnchorWriter(store, { blockSize: 4, intervalMs: 60_000 });
    await first.start();
    for (let n = 0; n < 6; n += 1) await store.append('class-k1', [event('Numbered', { n })]);
    await anchorsUntil(store, (found) => found.length === 1);
    await first.stop();
    for (let n = 6; n < 9; n += 1) await store.append('class-k1', [event('Numbered', { n })]);
    const second = new AnchorWriter(store, { blockSize: 4, intervalMs: 60_000 });
    await second.start();
    const anchors = await anchorsUntil(store, (found) => found.length === 2);
    await second.stop();
    await expectContiguousBlocks(store, anchors);
    expect(anchors.map((anchor) => anchor.eventCount)).toEqual([4, 4]);
    await store.close();
  });

  it('never anchors one block twice when writers in two processes race, and covers every event once', async () => {
    const path = freshPath();
    const stores = [new SqliteEventStore({ path, pollIntervalMs: 5 }), new SqliteEventStore({ path, pollIntervalMs: 5 })];
    // Different block sizes and intervals, so the writers propose different blocks and must adopt each other's.
    const writers = [
      new AnchorWriter(countingConflicts(stores[0]), { blockSize: 5, intervalMs: 30 }),
      new AnchorWriter(countingConflicts(stores[1]), { blockSize: 3, intervalMs: 45 }),
    ];
    await Promise.all(writers.map((writer) => writer.start()));
    for (let n = 0; n < 103; n += 1) {
      await stores[n % 2].append(`candidate-${n % 7}`, n % 10 === 0 ? [event('Pair', { n }), event('Pair', { n })] : [event('One', { n })]);
    }
    const anchors = await anchorsUntil(stores[0], (found) => totalCount(found) === 114);
    await Promise.all(writers.map((writer) => writer.stop()));
    await expectContiguousBlocks(stores[0], anchors);
    expect(conflicts).toBeGreaterThan(0);
    expect(await verifyStore(stores[0])).toMatchObject({ ok: true, anchorsChecked: anchors.length, unanchoredEvents: 0 });
    await Promise.all(stores.map((store) => store.close()));
  });
});

let conflicts = 0;

/** The same store, counting the anchor appends that lost a race. */
function countingConflicts(store: SqliteEventStore): SqliteEventStore {
  const append = store.append.bind(store);
  store.append = (...args) =>
    append(...args).catch((error: unknown) => {
      if (error instanceof ConcurrencyError) conflicts += 1;
      throw error;
    });
  return store;
}
