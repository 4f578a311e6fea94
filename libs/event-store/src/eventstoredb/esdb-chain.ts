import { jsonEvent, NO_STREAM, type AppendExpectedRevision, type EventData } from '@eventstore/db-client';
import { ConcurrencyError } from '../port/errors';
import type { AppendResult, ExpectedRevision, ReadStreamOptions } from '../port/event-store';
import type { RecordedEvent } from '../port/events';
import type { SerializedEvent } from '../port/prepare-append';
import { STORE_METADATA_KEYS } from '../port/reserved-metadata';
import { hashCanonicalContent } from '../integrity/event-hash';

type ReadStream = (streamId: string, options: ReadStreamOptions) => Promise<RecordedEvent[]>;

/** Where the append's chain starts: the revision it extends (-1: a new stream) and that event's hash. */
export interface ChainBase {
  revision: number;
  hash: string | null;
}

/**
 * Finds what the append extends. An exact revision or no_stream names it;
 * 'any' and 'stream_exists' read the head, and the append is then made
 * against that exact revision so two racing appends cannot both chain onto it.
 */
export async function chainBase(
  streamId: string,
  expected: ExpectedRevision,
  events: SerializedEvent[],
  readStream: ReadStream,
): Promise<ChainBase | { replayed: AppendResult }> {
  if (expected === 'no_stream') return { revision: -1, hash: null };
  if (typeof expected === 'number') {
    const [event] = await readStream(streamId, { direction: 'backwards', fromRevision: expected, maxCount: 1 });
    // Shorter than the caller believes: the server would refuse too; say so without writing.
    if (event?.revision !== expected) throw new ConcurrencyError(streamId, expected, event ? event.revision : 'no_stream');
    return { revision: expected, hash: event.hash };
  }
  // Only the head is read: events can be megabytes, and EventStoreDB has no metadata-only read.
  const [head] = await readStream(streamId, { direction: 'backwards', maxCount: 1 });
  if (!head) {
    if (expected === 'stream_exists') throw new ConcurrencyError(streamId, expected, 'no_stream');
    return { revision: -1, hash: null };
  }
  // The same append retried right after it landed: it is the stream's last append, so answer with its result.
  if (head.id === events[events.length - 1].id) return { replayed: { nextExpectedRevision: head.revision, position: head.position } };
  return { revision: head.revision, hash: head.hash };
}

/** The events to write, each carrying its schema version, hash and previous hash in reserved metadata keys. */
export function chainedEvents(
  streamId: string,
  events: SerializedEvent[],
  base: ChainBase,
  originals: readonly { data: unknown; metadata: object }[],
): EventData[] {
  let previousHash = base.hash;
  return events.map((event, index) => {
    const { id, type, schemaVersion, canonicalData, canonicalMetadata } = event;
    const revision = base.revision + 1 + index;
    const hash = hashCanonicalContent({ streamId, revision, id, type, schemaVersion, canonicalData, canonicalMetadata, previousHash });
    const metadata = {
      ...originals[index].metadata,
      [STORE_METADATA_KEYS.schemaVersion]: schemaVersion,
      [STORE_METADATA_KEYS.hash]: hash,
      [STORE_METADATA_KEYS.previousHash]: previousHash,
    };
    previousHash = hash;
    return jsonEvent({ id, type, data: originals[index].data as Record<string, unknown>, metadata });
  });
}

export function esdbRevisionOf(base: ChainBase): AppendExpectedRevision {
  return base.revision === -1 ? NO_STREAM : BigInt(base.revision);
}
