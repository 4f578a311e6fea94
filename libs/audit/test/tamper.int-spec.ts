import Database from 'better-sqlite3';
import { eventHash, SqliteEventStore, type RecordedEvent } from '@app/event-store';
import { ANCHOR_STREAM, AnchorWriter, verifyStore, type VerifyReport } from '../src';
import { anchorsUntil, event, freshPath } from './support';

/**
 * A real events file with anchored blocks of 4:
 *   1–2   candidate-a revisions 0–1 (one append)   3 candidate-b r0   4 round-x r0
 *   5 anchor 0 (block 1–4)   6 candidate-b r1 …   then more events and anchors.
 * The tests tamper with it through SQL, the way an intruder with file access would.
 */
async function anchoredFile(firstApplication = { fullName: 'Nguyễn Thị Hương Giang' }): Promise<{ path: string; events: RecordedEvent[] }> {
  const path = freshPath();
  const store = new SqliteEventStore({ path });
  const writer = new AnchorWriter(store, { blockSize: 4, intervalMs: 60_000 });
  await writer.start();
  await store.append('candidate-a', [
    event('CandidateApplied', { fullName: 'Nguyễn Thị Hương Giang' }),
    event('CandidateScored', { test: 82 }),
  ]);
  await store.append('candidate-b', [event('CandidateApplied', { fullName: 'Trần Văn Đức' })]);
  await store.append('round-x', [event('RoundOpened', { name: 'Đợt 2026' })]);
  await anchorsUntil(store, (anchors) => anchors.length === 1);
  for (let n = 0; n < 4; n += 1) await store.append('candidate-b', [event('Noted', { n })]);
  await anchorsUntil(store, (anchors) => anchors.length === 2);
  await writer.stop();
  const events = await store.readAll({ maxCount: 100 });
  await store.close();
  return { path, events };
}

function tamper(path: string, sql: string, ...parameters: unknown[]): void {
  const db = new Database(path);
  try {
    db.exec('DROP TRIGGER IF EXISTS events_are_immutable; DROP TRIGGER IF EXISTS events_are_permanent;');
    db.prepare(sql).run(...parameters);
  } finally {
    db.close();
  }
}

async function verify(path: string): Promise<VerifyReport> {
  const store = new SqliteEventStore({ path });
  try {
    return await verifyStore(store, { pageSize: 3 });
  } finally {
    await store.close();
  }
}

const at = (events: RecordedEvent[], position: number) => events.find((recorded) => recorded.position.commit === BigInt(position))!;
const linkOf = (recorded: RecordedEvent) => ({
  streamId: recorded.streamId,
  revision: recorded.revision,
  position: String(recorded.position.commit),
  eventId: recorded.id,
});

describe('verifying the record against tampering', () => {
  it('passes an untouched file, counting events, streams and anchors', async () => {
    const { path, events } = await anchoredFile();
    expect(events.map((recorded) => recorded.streamId)).toEqual([
      'candidate-a',
      'candidate-a',
      'candidate-b',
      'round-x',
      ANCHOR_STREAM,
      'candidate-b',
      'candidate-b',
      'candidate-b',
      'candidate-b',
      ANCHOR_STREAM,
    ]);
    expect(await verify(path)).toEqual({
      ok: true,
      eventsChecked: 10,
      streamsChecked: 4,
      anchorsChecked: 2,
      unanchoredEvents: 0,
      upTo: '10',
    });
  });

  it('names the event whose data was edited', async () => {
    const { path, events } = await anchoredFile();
    tamper(path, `UPDATE events SET data = json_set(data, '$.test', 95) WHERE position = 2`);
    const report = await verify(path);
    expect(report).toMatchObject({ ok: false, eventsChecked: 2, firstBrokenLink: { ...linkOf(at(events, 2)), reason: 'hash-mismatch' } });
  });

  it('names the next event of the stream when the edited event’s hash was recomputed too', async () => {
    const { path, events } = await anchoredFile();
    const edited = at(events, 1);
    const data = { fullName: 'Nguyễn Văn Mạo' };
    tamper(path, 'UPDATE events SET data = ?, hash = ? WHERE position = 1', JSON.stringify(data), eventHash({ ...edited, data }));
    expect((await verify(path)).firstBrokenLink).toEqual({
      ...linkOf(at(events, 2)),
      reason: 'previous-hash-mismatch',
      detail: expect.stringContaining(edited.hash),
    });
  });

  it('names the anchor when the rehashed event was the last of its stream', async () => {
    const { path, events } = await anchoredFile();
    const edited = at(events, 4);
    const data = { name: 'Đợt 2027' };
    tamper(path, 'UPDATE events SET data = ?, hash = ? WHERE position = 4', JSON.stringify(data), eventHash({ ...edited, data }));
    expect((await verify(path)).firstBrokenLink).toMatchObject({ ...linkOf(at(events, 5)), reason: 'merkle-root-mismatch' });
  });

  it('names the anchor when an event was re-timestamped, which no stream chain covers', async () => {
    const { path, events } = await anchoredFile();
    tamper(path, 'UPDATE events SET recorded_at = recorded_at - 86400000 WHERE position = 7');
    const report = await verify(path);
    expect(report).toMatchObject({
      ok: false,
      eventsChecked: 10,
      firstBrokenLink: { ...linkOf(at(events, 10)), reason: 'merkle-root-mismatch' },
    });
  });

  it('names the gap when an event was deleted, in the middle or at the end of its stream', async () => {
    const middle = await anchoredFile();
    tamper(middle.path, 'DELETE FROM events WHERE position = 6');
    expect((await verify(middle.path)).firstBrokenLink).toMatchObject({ ...linkOf(at(middle.events, 7)), reason: 'revision-gap' });
    const end = await anchoredFile();
    tamper(end.path, 'DELETE FROM events WHERE position = 4');
    expect((await verify(end.path)).firstBrokenLink).toMatchObject({ ...linkOf(at(end.events, 5)), reason: 'anchor-count-mismatch' });
  });

  it('names an event moved out of the range the log is read in (here the last anchor, its block cut short)', async () => {
    const { path, events } = await anchoredFile();
    const moved = at(events, 10);
    tamper(path, 'UPDATE events SET position = -10 WHERE position = 10');
    tamper(path, 'DELETE FROM events WHERE position IN (8, 9)');
    expect(await verify(path)).toMatchObject({
      ok: false,
      firstBrokenLink: { streamId: ANCHOR_STREAM, revision: moved.revision, eventId: moved.id, position: '-10', reason: 'outside-the-log' },
    });
    // A store that cannot list such rows still notices the anchor it never met.
    const store = new SqliteEventStore({ path });
    try {
      const blind = Object.assign(Object.create(store) as SqliteEventStore, { eventsOutsideLog: undefined });
      expect(await verifyStore(blind)).toMatchObject({
        ok: false,
        anchorsChecked: 1,
        firstBrokenLink: { streamId: ANCHOR_STREAM, revision: moved.revision, eventId: moved.id, reason: 'anchor-not-reached' },
      });
    } finally {
      await store.close();
    }
  });

  it('names an event inserted beyond the log, rightly chained to its stream, which a read of the stream would show', async () => {
    for (const position of [-1, 2 ** 53 + 2]) {
      const { path, events } = await anchoredFile();
      const last = at(events, 9);
      const forged = {
        ...last,
        id: `forged-${position}`,
        revision: last.revision + 1,
        data: { note: 'Đã kiểm tra' },
        previousHash: last.hash,
      };
      tamper(
        path,
        `INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash, previous_hash)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
        BigInt(position),
        forged.id,
        forged.streamId,
        forged.revision,
        forged.type,
        JSON.stringify(forged.data),
        JSON.stringify(forged.metadata),
        forged.recordedAt.getTime(),
        eventHash(forged),
        forged.previousHash,
      );
      const store = new SqliteEventStore({ path });
      try {
        expect((await store.readStream(forged.streamId)).map((recorded) => recorded.id)).toContain(forged.id);
        expect(await verifyStore(store)).toMatchObject({
          ok: false,
          firstBrokenLink: {
            streamId: forged.streamId,
            revision: forged.revision,
            eventId: forged.id,
            position: String(position),
            reason: 'outside-the-log',
          },
        });
      } finally {
        await store.close();
      }
    }
  });

  it('names an event whose number was edited into one JSON cannot hold (1e400, which would hash like null)', async () => {
    const { path, events } = await anchoredFile();
    tamper(path, `UPDATE events SET data = '{"test":1e400}' WHERE position = 2`);
    expect((await verify(path)).firstBrokenLink).toMatchObject({
      ...linkOf(at(events, 2)),
      reason: 'hash-mismatch',
      detail: expect.stringMatching(/no canonical form: Infinity has no JSON form/),
    });
  });

  it('passes a store rewritten from scratch, anchors included, unless anchor hashes were kept outside it', async () => {
    const original = await anchoredFile();
    const published = original.events
      .filter((recorded) => recorded.streamId === ANCHOR_STREAM)
      .map((recorded) => ({ revision: recorded.revision, anchorHash: (recorded.data as { anchorHash: string }).anchorHash }));
    // The forger replays the whole history into a new file with one fact changed, and anchors it again.
    const forged = await anchoredFile({ fullName: 'Nguyễn Văn Mạo' });
    const store = new SqliteEventStore({ path: forged.path });
    try {
      expect(await verifyStore(store)).toMatchObject({ ok: true, anchorsChecked: 2 });
      expect(await verifyStore(store, { published })).toMatchObject({
        ok: false,
        firstBrokenLink: { ...linkOf(at(forged.events, 5)), reason: 'anchor-differs-from-published' },
      });
      expect(await verifyStore(store, { published: [{ revision: 7, anchorHash: published[0].anchorHash }] })).toMatchObject({
        firstBrokenLink: {
          streamId: ANCHOR_STREAM,
          revision: 7,
          reason: 'anchor-differs-from-published',
          detail: 'no such anchor in the store',
        },
      });
    } finally {
      await store.close();
    }
    const intact = new SqliteEventStore({ path: original.path });
    expect(await verifyStore(intact, { published })).toMatchObject({ ok: true });
    await intact.close();
  });
});
