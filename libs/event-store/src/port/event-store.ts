import type { NewEvent, RecordedEvent } from './events';
import type { Position } from './position';

/**
 * What the caller believes about the stream before appending:
 * - 'any': no check;
 * - 'no_stream': the stream has no event yet;
 * - 'stream_exists': the stream has at least one event;
 * - a number: the revision of the stream's last event.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendOptions {
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event of this append: pass it as the next expected revision. */
  nextExpectedRevision: number;
  /** Global position of the last event of this append. */
  position: Position;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive. Default: the first event forwards, the last event backwards. */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  direction?: Direction;
  /** Inclusive. Default: the start forwards, the end backwards. */
  fromPosition?: Position;
  maxCount?: number;
}

export interface SubscribeToAllOptions {
  /** Last position already processed: delivery starts strictly after it. Absent: from the first event. */
  fromCheckpoint?: Position;
  /**
   * Called once per event, in global order. The next event is not read until
   * the returned promise settles (backpressure). If it throws, the
   * subscription stops and `closed` rejects with that error.
   */
  onEvent: (event: RecordedEvent) => Promise<void> | void;
  /** Told each time the connection drops and a resubscription is scheduled. */
  onDropped?: (error: unknown, attempt: number, retryInMs: number) => void;
}

export interface Subscription {
  /** Resolves when stopped, rejects when the handler failed. */
  readonly closed: Promise<void>;
  stop(): Promise<void>;
}

export interface EventOutsideLog {
  streamId: string;
  revision: number;
  eventId: string;
  /** As stored, in decimal: it may not fit a Position. */
  position: string;
}

/** The event store port: every adapter passes the same contract suite. */
export interface EventStore {
  readonly name: string;
  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options: SubscribeToAllOptions): Subscription;
  /**
   * Events stored where a read of the global log never reaches them, yet a
   * read of their stream does: only an edit of the store's files makes one
   * (the embedded store: a row at a position below 0, or at 2^53 and beyond).
   * Verify asks for them. EventStoreDB assigns every position itself and has
   * none.
   */
  eventsOutsideLog?(maxCount: number): Promise<EventOutsideLog[]>;
  /** Answers quickly whether the store can serve; throws with the reason when not. */
  ping(): Promise<void>;
  /** Stops accepting appends, finishes the ones in flight, then releases resources. */
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
