import type { RecordedEvent } from '../port/events';
import { positionOf } from '../port/position';

export interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: number;
  hash: string;
  previous_hash: string | null;
}

export const EVENT_COLUMNS =
  'position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash, previous_hash';

/** An events row read in raw mode (an array in EVENT_COLUMNS order): about a quarter faster to read than an object per row. */
export type RawEventRow = [
  position: number,
  eventId: string,
  streamId: string,
  revision: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: number,
  hash: string,
  previousHash: string | null,
];

export function toRecordedEvent(row: RawEventRow): RecordedEvent {
  return {
    id: row[1],
    streamId: row[2],
    type: row[4],
    schemaVersion: row[5],
    data: JSON.parse(row[6]),
    metadata: JSON.parse(row[7]),
    revision: row[3],
    position: positionOf(row[0]),
    recordedAt: new Date(row[8]),
    hash: row[9],
    previousHash: row[10],
  };
}
