import type { Position } from './position';

/** Who caused an event: a person acting in a role for a unit, or a system process. */
export interface Actor {
  id: string;
  role: string;
  /** Administrative unit the actor acts for (e.g. district code "217"); absent for province-wide or system actors. */
  unit?: string;
}

export interface EventMetadata {
  correlationId: string;
  causationId: string;
  actor: Actor;
  /** When the fact happened in the domain (ISO-8601), as opposed to when the store recorded it. */
  occurredAt: string;
  [extra: string]: unknown;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * An event to append. The id is a UUID chosen by the caller so that a retried
 * append stores it once: always on the embedded store; on EventStoreDB when
 * retried with the same exact expected revision (which is what command
 * handlers do) or with no_stream, or, with 'any' or 'stream_exists', while it
 * is still the stream's last append (each event chains onto its predecessor's
 * hash, so such appends are made against the exact revision read).
 */
export interface NewEvent<Data = unknown> {
  id: string;
  type: string;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
}

export interface RecordedEvent<Data = unknown> {
  id: string;
  streamId: string;
  type: string;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
  /** 0-based position of the event within its stream. */
  revision: number;
  /** Position in the global (all-streams) order. */
  position: Position;
  /** When the store durably recorded the event. */
  recordedAt: Date;
  /**
   * Hex SHA-256 over the event's content, stream, revision and previousHash
   * (see integrity/event-hash.ts): altering any stored event breaks its own
   * hash or the link from the next event of its stream.
   */
  hash: string;
  /** The hash of the previous event of the stream; null at revision 0. */
  previousHash: string | null;
}
