import { EventTooLargeError, InvalidAppendError } from './errors';
import type { ExpectedRevision } from './event-store';
import type { NewEvent } from './events';
import { canonicalJson } from '../integrity/canonical-json';
import { RESERVED_METADATA_KEYS } from './reserved-metadata';

export const DEFAULT_MAX_EVENT_BYTES = 2 * 1024 * 1024;

/** An event checked and serialised once, before any adapter touches storage. */
export interface SerializedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  data: string;
  metadata: string;
  /** Sorted-key JSON of data and metadata, which the event's hash covers. */
  canonicalData: string;
  canonicalMetadata: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAME_MAX = 200;

function requireText(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidAppendError(field, 'must be a non-empty string');
  }
}

function requireName(value: unknown, field: string): void {
  requireText(value, field);
  const text = value as string;
  if (text.length > NAME_MAX) throw new InvalidAppendError(field, `must be at most ${NAME_MAX} characters`);
  // EventStoreDB reserves names starting with "$" for its own streams and events.
  if (text.startsWith('$')) throw new InvalidAppendError(field, 'must not start with "$" (reserved for the store)');
}

function toJson(value: unknown, field: string): string {
  try {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError('undefined');
    return json;
  } catch {
    throw new InvalidAppendError(field, 'must be JSON-serialisable (no BigInt, function or cycle)');
  }
}

function checkMetadata(event: NewEvent, field: string): void {
  const metadata = event.metadata as unknown as Record<string, unknown> | undefined;
  if (!metadata || typeof metadata !== 'object') throw new InvalidAppendError(field, 'must be an object');
  requireText(metadata.correlationId, `${field}.correlationId`);
  requireText(metadata.causationId, `${field}.causationId`);
  const actor = metadata.actor as Record<string, unknown> | undefined;
  if (!actor || typeof actor !== 'object') throw new InvalidAppendError(`${field}.actor`, 'must be an object');
  requireText(actor.id, `${field}.actor.id`);
  requireText(actor.role, `${field}.actor.role`);
  if (actor.unit !== undefined) requireText(actor.unit, `${field}.actor.unit`);
  const reserved = RESERVED_METADATA_KEYS.find((key) => key in metadata);
  if (reserved) throw new InvalidAppendError(`${field}.${reserved}`, 'is reserved for the store');
  if (typeof metadata.occurredAt !== 'string' || Number.isNaN(Date.parse(metadata.occurredAt))) {
    throw new InvalidAppendError(`${field}.occurredAt`, 'must be an ISO-8601 timestamp');
  }
}

export function checkExpectedRevision(expected: ExpectedRevision): void {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new InvalidAppendError('expectedRevision', 'must be "any", "no_stream", "stream_exists" or an integer ≥ 0');
  }
}

/** Validates an append and serialises its events; throws before anything is stored. */
export function prepareAppend(
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  maxEventBytes: number,
): SerializedEvent[] {
  requireName(streamId, 'streamId');
  checkExpectedRevision(expected);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError('events', 'must contain at least one event');
  }
  const seen = new Set<string>();
  return events.map((event, index) => {
    const field = `events[${index}]`;
    if (typeof event?.id !== 'string' || !UUID.test(event.id)) throw new InvalidAppendError(`${field}.id`, 'must be a UUID');
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new InvalidAppendError(`${field}.id`, 'must be unique within the append');
    seen.add(id);
    requireName(event.type, `${field}.type`);
    if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new InvalidAppendError(`${field}.schemaVersion`, 'must be an integer ≥ 1');
    }
    if (event.data === null || typeof event.data !== 'object') {
      throw new InvalidAppendError(`${field}.data`, 'must be a JSON object or array');
    }
    checkMetadata(event, `${field}.metadata`);
    const data = toJson(event.data, `${field}.data`);
    const metadata = toJson(event.metadata, `${field}.metadata`);
    // A UTF-16 code unit is at most 3 UTF-8 bytes: count bytes only when the event could be too large.
    if ((data.length + metadata.length) * 3 > maxEventBytes) {
      const size = Buffer.byteLength(data) + Buffer.byteLength(metadata);
      if (size > maxEventBytes) throw new EventTooLargeError(id, event.type, size, maxEventBytes);
    }
    return {
      id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data,
      metadata,
      // Once JSON.stringify has accepted a value, its canonical form exists too.
      canonicalData: canonicalJson(event.data),
      canonicalMetadata: canonicalJson(event.metadata),
    };
  });
}
