import { ANY, type AllStreamResolvedEvent, type CurrentRevision, type ResolvedEvent, STREAM_EXISTS } from '@eventstore/db-client';
import type { EventMetadata, RecordedEvent } from '../port/events';
import { STORE_METADATA_KEYS } from '../port/reserved-metadata';

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
  const stored = (event.metadata ?? {}) as Record<string, unknown>;
  const {
    [STORE_METADATA_KEYS.schemaVersion]: schemaVersion,
    [STORE_METADATA_KEYS.hash]: hash,
    [STORE_METADATA_KEYS.previousHash]: previousHash,
    ...metadata
  } = stored;
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
    // An event written without a hash reads as '' and fails verification rather than passing silently.
    hash: typeof hash === 'string' ? hash : '',
    previousHash: typeof previousHash === 'string' ? previousHash : null,
  };
}
