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

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    revision: row.revision,
    position: positionOf(row.position),
    recordedAt: new Date(row.recorded_at),
    hash: row.hash,
    previousHash: row.previous_hash,
  };
}
