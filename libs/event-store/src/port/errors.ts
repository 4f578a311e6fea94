import type { ExpectedRevision } from './event-store';

/** Base class so callers can tell store failures from their own bugs. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream was not at the revision the caller expected. */
export class ConcurrencyError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's last revision, or 'no_stream' when it has no event. */
    readonly actual: number | 'no_stream',
  ) {
    super(`stream "${streamId}" expected revision ${String(expected)} but is at ${String(actual)}`);
  }
}

/** The append itself is malformed: the message names the field and the rule. */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND';
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
  }
}

export class EventTooLargeError extends EventStoreError {
  readonly code = 'EVENT_TOO_LARGE';
  constructor(
    readonly eventId: string,
    readonly eventType: string,
    readonly sizeBytes: number,
    readonly maxBytes: number,
  ) {
    super(`event ${eventId} (${eventType}) is ${sizeBytes} bytes; the limit is ${maxBytes} bytes of data and metadata`);
  }
}

/** An event id is already stored, but not as part of this same append. */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(readonly eventIds: string[]) {
    super(`event id(s) already stored by a different append: ${eventIds.join(', ')}`);
  }
}

export class EventStoreClosedError extends EventStoreError {
  readonly code = 'EVENT_STORE_CLOSED';
  constructor() {
    super('the event store is closed (shutting down)');
  }
}

/** The stored file was written by a newer version of this software. */
export class UnsupportedSchemaError extends EventStoreError {
  readonly code = 'UNSUPPORTED_SCHEMA';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`event store schema version ${found} is newer than this build supports (${supported}); upgrade the application`);
  }
}

/** The whole append exceeds what the server accepts in one write. */
export class AppendTooLargeError extends EventStoreError {
  readonly code = 'APPEND_TOO_LARGE';
  constructor(readonly maxBytes: number) {
    super(`the append exceeds the server's maximum append size of ${maxBytes} bytes; split it into smaller appends`);
  }
}
