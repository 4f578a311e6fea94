import {
  ANY,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type CurrentRevision,
  NO_STREAM,
  type ResolvedEvent,
  STREAM_EXISTS,
} from '@eventstore/db-client';
import type { ExpectedRevision } from '../port/event-store';
import type { EventMetadata, RecordedEvent } from '../port/events';

/** Metadata key under which the schema version travels, since EventStoreDB has no field for it. */
export const SCHEMA_VERSION_KEY = 'eventSchemaVersion';

export function toEsdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  return BigInt(expected);
}

export function fromEsdbCurrent(actual: CurrentRevision | typeof STREAM_EXISTS | typeof ANY): number | 'no_stream' {
  return typeof actual === 'bigint' ? Number(actual) : 'no_stream';
}

function decodeData(event: NonNullable<ResolvedEvent['event']>): unknown {
  if (event.isJson) return event.data;
  return JSON.parse(Buffer.from(event.data as Uint8Array).toString('utf8'));
}

/** True for EventStoreDB's own events ($-prefixed types or streams), which are not part of our log. */
export function isSystemEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): boolean {
  const event = resolved.event;
  return !event || event.type.startsWith('$') || event.streamId.startsWith('$');
}

export function fromEsdbEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
  const event = resolved.event!;
  const { [SCHEMA_VERSION_KEY]: schemaVersion, ...metadata } = (event.metadata ?? {}) as Record<string, unknown>;
  const commit = event.position?.commit ?? resolved.commitPosition ?? -1n;
  return {
    id: event.id,
    streamId: event.streamId,
    type: event.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: decodeData(event),
    metadata: metadata as EventMetadata,
    revision: Number(event.revision),
    position: event.position ?? { commit, prepare: commit },
    recordedAt: event.created,
  };
}
