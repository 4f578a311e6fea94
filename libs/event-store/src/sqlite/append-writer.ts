import type Database from 'better-sqlite3';
import { ConcurrencyError, DuplicateEventIdError } from '../port/errors';
import type { AppendResult, ExpectedRevision } from '../port/event-store';
import { positionOf } from '../port/position';
import type { SerializedEvent } from '../port/prepare-append';
import { hashCanonicalContent } from '../integrity/event-hash';

export interface PendingAppend {
  streamId: string;
  events: SerializedEvent[];
  expected: ExpectedRevision;
}

export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

interface StoredEventRef {
  stream_id: string;
  revision: number;
  position: number;
}

function checkExpected(streamId: string, expected: ExpectedRevision, current: number): void {
  const exists = current >= 0;
  const satisfied =
    expected === 'any' || (expected === 'no_stream' && !exists) || (expected === 'stream_exists' && exists) || expected === current;
  if (!satisfied) throw new ConcurrencyError(streamId, expected, exists ? current : 'no_stream');
}

function isEventIdConflict(error: unknown): boolean {
  const sqliteError = error as { code?: string; message?: string };
  return sqliteError.code === 'SQLITE_CONSTRAINT_UNIQUE' && /events\.event_id/.test(sqliteError.message ?? '');
}

/**
 * Writes appends inside SQLite transactions. Several appends can share one
 * transaction (group commit); each runs in its own savepoint so one append's
 * conflict does not undo the others.
 */
export class AppendWriter {
  private readonly findEvent: Database.Statement<[string], StoredEventRef>;
  private readonly streamHead: Database.Statement<[string], { revision: number; hash: string }>;
  private readonly insert: Database.Statement<unknown[]>;
  private readonly appendOne: Database.Transaction<(pending: PendingAppend, recordedAt: number) => AppendResult>;
  private readonly appendMany: Database.Transaction<(batch: PendingAppend[], recordedAt: number) => AppendOutcome[]>;

  constructor(db: Database.Database) {
    this.findEvent = db.prepare('SELECT stream_id, revision, position FROM events WHERE event_id = ?');
    this.streamHead = db.prepare('SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1');
    this.insert = db.prepare(
      `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash, previous_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.appendOne = db.transaction((pending: PendingAppend, recordedAt: number) => this.write(pending, recordedAt));
    this.appendMany = db.transaction((batch: PendingAppend[], recordedAt: number) =>
      batch.map((pending): AppendOutcome => {
        try {
          // Nested transaction = savepoint: a failed append rolls back alone.
          return { ok: true, result: this.appendOne(pending, recordedAt) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  /**
   * Commits the whole batch durably and returns one outcome per append. When
   * a batch of several cannot commit at all, it throws and nothing was stored.
   */
  commit(batch: PendingAppend[], recordedAt: number): AppendOutcome[] {
    // Alone in its transaction, an append needs no savepoint: its failure is the whole batch's.
    if (batch.length === 1) {
      try {
        return [{ ok: true, result: this.appendOne.immediate(batch[0], recordedAt) }];
      } catch (error) {
        return [{ ok: false, error }];
      }
    }
    return this.appendMany.immediate(batch, recordedAt);
  }

  /**
   * The fast path checks only the stream's head. Whether the append is a retry
   * of one already stored is asked only when it would otherwise fail: a retry
   * conflicts on the revision or on the event id, so it always lands there.
   */
  private write(pending: PendingAppend, recordedAt: number): AppendResult {
    // Read inside the write transaction: the head cannot move before the chain is extended.
    const head = this.streamHead.get(pending.streamId);
    const current = head?.revision ?? -1;
    try {
      checkExpected(pending.streamId, pending.expected, current);
      return this.insertAll(pending, current, head?.hash ?? null, recordedAt);
    } catch (error) {
      if (!(error instanceof ConcurrencyError) && !isEventIdConflict(error)) throw error;
      const replay = this.replayedAppend(pending);
      if (replay) return replay;
      if (error instanceof ConcurrencyError) throw error;
      throw new DuplicateEventIdError(pending.events.map((event) => event.id));
    }
  }

  private insertAll(pending: PendingAppend, current: number, headHash: string | null, recordedAt: number): AppendResult {
    const { streamId } = pending;
    let revision = current;
    let previousHash = headHash;
    let position = 0;
    for (const event of pending.events) {
      revision += 1;
      const { id, type, schemaVersion, canonicalData, canonicalMetadata } = event;
      const hash = hashCanonicalContent({ streamId, revision, id, type, schemaVersion, canonicalData, canonicalMetadata, previousHash });
      const info = this.insert.run(id, streamId, revision, type, schemaVersion, event.data, event.metadata, recordedAt, hash, previousHash);
      previousHash = hash;
      position = Number(info.lastInsertRowid);
      // Positions follow the highest row: past 2^53 − 1 only an edited file leads, and no read of the log would see the event.
      if (!Number.isSafeInteger(position)) {
        throw new Error(
          `cannot append to ${streamId}: its position would be beyond 2^53 − 1, where no read of the log reaches; a row was put there by hand (npm run audit -- verify names it)`,
        );
      }
    }
    return { nextExpectedRevision: revision, position: positionOf(position) };
  }

  /**
   * The same append retried (same ids, same stream, same order) returns its
   * first result unchanged. It cannot match after a partial insert of this
   * attempt: the conflicting id sits at an older revision than the ones just written.
   */
  private replayedAppend(pending: PendingAppend): AppendResult | undefined {
    const first = this.findEvent.get(pending.events[0].id);
    if (!first) return undefined;
    let last = first;
    pending.events.forEach((event, index) => {
      const stored = index === 0 ? first : this.findEvent.get(event.id);
      if (!stored || stored.stream_id !== pending.streamId || stored.revision !== first.revision + index) {
        throw new DuplicateEventIdError([event.id]);
      }
      last = stored;
    });
    return { nextExpectedRevision: last.revision, position: positionOf(last.position) };
  }
}
