import type Database from 'better-sqlite3';
import type { EventOutsideLog, ReadAllOptions, ReadStreamOptions } from '../port/event-store';
import type { RecordedEvent } from '../port/events';
import { EVENT_COLUMNS, toRecordedEvent, type RawEventRow } from './rows';

export const DEFAULT_READ_ALL_COUNT = 1_000;
const NO_LIMIT = -1;
const LAST = Number.MAX_SAFE_INTEGER;

type StreamQuery = Database.Statement<[string, number, number], RawEventRow>;
type AllQuery = Database.Statement<[number, number], RawEventRow>;
type OutsideRow = [streamId: string, revision: number, eventId: string, position: string];

/** Read side of the embedded store; plain synchronous SQLite reads, returned as pages. */
export class EventReader {
  private readonly streamForwards: StreamQuery;
  private readonly streamBackwards: StreamQuery;
  private readonly allForwards: AllQuery;
  private readonly allBackwards: AllQuery;
  private readonly outside: Database.Statement<[number, number], OutsideRow>;

  constructor(db: Database.Database) {
    const select = `SELECT ${EVENT_COLUMNS} FROM events`;
    const raw = <P extends unknown[]>(sql: string) => db.prepare<P, RawEventRow>(sql).raw(true);
    this.streamForwards = raw(`${select} WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`);
    this.streamBackwards = raw(`${select} WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`);
    this.allForwards = raw(`${select} WHERE position >= ? ORDER BY position ASC LIMIT ?`);
    this.allBackwards = raw(`${select} WHERE position <= ? ORDER BY position DESC LIMIT ?`);
    // Both ends of the rowid range: two range scans, however large the file.
    this.outside = db
      .prepare<[number, number], OutsideRow>(
        `SELECT stream_id, revision, event_id, CAST(position AS TEXT) FROM events WHERE position < 0 OR position > ? ORDER BY position LIMIT ?`,
      )
      .raw(true);
  }

  readStream(streamId: string, options: ReadStreamOptions): RecordedEvent[] {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? LAST : 0);
    const query = backwards ? this.streamBackwards : this.streamForwards;
    return query.all(streamId, from, options.maxCount ?? NO_LIMIT).map(toRecordedEvent);
  }

  /** Rows the reads of the global log skip: positions below 0 or beyond the last one a JavaScript number holds exactly. */
  outsideLog(maxCount: number): EventOutsideLog[] {
    return this.outside.all(LAST, maxCount).map(([streamId, revision, eventId, position]) => ({ streamId, revision, eventId, position }));
  }

  readAll(options: ReadAllOptions): RecordedEvent[] {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ? Number(options.fromPosition.commit) : backwards ? LAST : 0;
    const query = backwards ? this.allBackwards : this.allForwards;
    return query.all(from, options.maxCount ?? DEFAULT_READ_ALL_COUNT).map(toRecordedEvent);
  }
}
