import type Database from 'better-sqlite3';
import type { EventOutsideLog, ReadAllOptions, ReadStreamOptions } from '../port/event-store';
import type { RecordedEvent } from '../port/events';
import { EVENT_COLUMNS, toRecordedEvent, type RawEventRow } from './rows';

export const DEFAULT_READ_ALL_COUNT = 1_000;
const NO_LIMIT = -1;
const LAST = Number.MAX_SAFE_INTEGER;

type StreamQuery = Database.Statement<[string, number, number], RawEventRow>;
type AllQuery = Database.Statement<[number, number], RawEventRow>;
type ForwardsQuery = Database.Statement<[number, number, number], RawEventRow>;
type OutsideRow = [streamId: string, revision: number, eventId: string, position: string];

/** Read side of the embedded store; plain synchronous SQLite reads, returned as pages. */
export class EventReader {
  private readonly streamForwards: StreamQuery;
  private readonly streamBackwards: StreamQuery;
  private readonly allForwards: ForwardsQuery;
  private readonly allBackwards: AllQuery;
  private readonly below: Database.Statement<[number, number], OutsideRow>;
  private readonly beyond: Database.Statement<[number, number], OutsideRow>;

  constructor(db: Database.Database) {
    const select = `SELECT ${EVENT_COLUMNS} FROM events`;
    const raw = <P extends unknown[]>(sql: string) => db.prepare<P, RawEventRow>(sql).raw(true);
    this.streamForwards = raw(`${select} WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`);
    this.streamBackwards = raw(`${select} WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`);
    // The log is positions 0…2^53 − 1, both ways. A row beyond (only an edit of the file makes one) would come back
    // with a rounded position, and a subscription would read it again on every poll; verify names such rows.
    this.allForwards = raw(`${select} WHERE position >= ? AND position <= ? ORDER BY position ASC LIMIT ?`);
    this.allBackwards = raw(`${select} WHERE position <= ? AND position >= 0 ORDER BY position DESC LIMIT ?`);
    // One query per end of the range: each a search on the rowid, where an OR of the two would scan the table.
    const outside = (where: string) =>
      db
        .prepare<[number, number], OutsideRow>(
          `SELECT stream_id, revision, event_id, CAST(position AS TEXT) FROM events WHERE ${where} ORDER BY position LIMIT ?`,
        )
        .raw(true);
    this.below = outside('position < ?');
    this.beyond = outside('position > ?');
  }

  readStream(streamId: string, options: ReadStreamOptions): RecordedEvent[] {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? LAST : 0);
    const query = backwards ? this.streamBackwards : this.streamForwards;
    return query.all(streamId, from, options.maxCount ?? NO_LIMIT).map(toRecordedEvent);
  }

  /** Rows the reads of the global log skip: positions below 0 or beyond 2^53 − 1, the last a JavaScript number holds exactly. */
  outsideLog(maxCount: number): EventOutsideLog[] {
    const rows = [...this.below.all(0, maxCount), ...this.beyond.all(LAST, maxCount)].slice(0, maxCount);
    return rows.map(([streamId, revision, eventId, position]) => ({ streamId, revision, eventId, position }));
  }

  readAll(options: ReadAllOptions): RecordedEvent[] {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ? Math.min(Number(options.fromPosition.commit), LAST) : backwards ? LAST : 0;
    const count = options.maxCount ?? DEFAULT_READ_ALL_COUNT;
    const rows = backwards ? this.allBackwards.all(from, count) : this.allForwards.all(from, LAST, count);
    return rows.map(toRecordedEvent);
  }
}
