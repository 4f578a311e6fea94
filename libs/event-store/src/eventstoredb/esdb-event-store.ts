import {
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  FORWARDS,
  MaxAppendSizeExceededError,
  START,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { AppendTooLargeError, ConcurrencyError, EventStoreClosedError } from '../port/errors';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
  Subscription,
} from '../port/event-store';
import type { NewEvent, RecordedEvent } from '../port/events';
import type { Position } from '../port/position';
import { DEFAULT_MAX_EVENT_BYTES, prepareAppend, type SerializedEvent } from '../port/prepare-append';
import { setTimeout as delay } from 'node:timers/promises';
import type { BackoffPolicy } from '@app/common';
import { DEFAULT_BACKOFF } from '../subscription/backoff';
import { runSubscription } from '../subscription/run-subscription';
import { esdbEventSource } from './esdb-event-source';
import { chainBase, chainedEvents, esdbRevisionOf } from './esdb-chain';
import { fromEsdbCurrent, fromEsdbEvent, isSystemEvent } from './esdb-mapping';

export interface EsdbEventStoreOptions {
  connectionString: string;
  maxEventBytes?: number;
  backoff?: BackoffPolicy;
}

const DEFAULT_READ_ALL_COUNT = 1_000;
/** An 'any' append that keeps losing the race to extend the chain gives up after this many tries. */
const CHAIN_ATTEMPTS = 50;

/** The production adapter: EventStoreDB (KurrentDB) through its gRPC client. */
export class EsdbEventStore implements EventStore {
  readonly name = 'eventstoredb';
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<Subscription>();
  private inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly options: EsdbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
  }

  /**
   * Every event carries the hash of its predecessor, so the append is always
   * made against the exact revision it chains onto; an 'any' or
   * 'stream_exists' append that loses a race reads the new head and tries again.
   */
  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) throw new EventStoreClosedError();
    const expected = options.expectedRevision ?? 'any';
    const prepared = prepareAppend(streamId, events, expected, this.options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES);
    const pending = this.appendChained(streamId, events, prepared, expected);
    this.inFlight.add(pending);
    try {
      return await pending;
    } finally {
      this.inFlight.delete(pending);
    }
  }

  private async appendChained(
    streamId: string,
    events: readonly NewEvent[],
    prepared: SerializedEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const retries = expected === 'any' || expected === 'stream_exists';
    for (let attempt = 1; ; attempt += 1) {
      const base = await chainBase(streamId, expected, prepared, (id, read) => this.readStream(id, read));
      if ('replayed' in base) return base.replayed;
      try {
        const result = await this.client.appendToStream(streamId, chainedEvents(streamId, prepared, base, events), {
          expectedRevision: esdbRevisionOf(base),
        });
        const nextExpectedRevision = Number(result.nextExpectedRevision);
        const position = result.position ?? (await this.positionOf(streamId, nextExpectedRevision));
        return { nextExpectedRevision, position };
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) {
          if (retries && attempt < CHAIN_ATTEMPTS) {
            // A little jitter so racing writers do not read the same head again in step.
            await delay(Math.random() * Math.min(attempt, 20));
            continue;
          }
          throw new ConcurrencyError(streamId, expected, fromEsdbCurrent(error.actualVersion));
        }
        if (error instanceof MaxAppendSizeExceededError) throw new AppendTooLargeError(error.maxAppendSize);
        throw error;
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      });
      for await (const resolved of read) if (resolved.event) events.push(fromEsdbEvent(resolved));
    } catch (error) {
      if ((error as { type?: string }).type === ErrorType.STREAM_NOT_FOUND) return [];
      throw error;
    }
    return events;
  }

  /**
   * $all also holds the server's own events: skip them and keep reading until
   * the page is full. The read asks for no count, so it is cancelled explicitly
   * once the page is full; otherwise the server keeps the call open.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const wanted = options.maxCount ?? DEFAULT_READ_ALL_COUNT;
    if (wanted <= 0) return [];
    // EventStoreDB reads backwards from *before* a given position; the port says inclusive.
    const events = backwards && options.fromPosition ? await this.eventAt(options.fromPosition) : [];
    if (events.length >= wanted) return events;
    const read = this.client.readAll({
      direction: backwards ? BACKWARDS : FORWARDS,
      fromPosition: options.fromPosition ?? (backwards ? END : START),
    });
    try {
      for await (const resolved of read) {
        if (!isSystemEvent(resolved)) events.push(fromEsdbEvent(resolved));
        if (events.length >= wanted) break;
      }
    } finally {
      await read.cancel().catch(() => undefined);
    }
    return events;
  }

  /** The user event exactly at `position`, if there is one. */
  private async eventAt(position: Position): Promise<RecordedEvent[]> {
    const read = this.client.readAll({ direction: FORWARDS, fromPosition: position, maxCount: 1 });
    const found: RecordedEvent[] = [];
    for await (const resolved of read) {
      if (!isSystemEvent(resolved) && resolved.event?.position?.commit === position.commit) {
        found.push(fromEsdbEvent(resolved));
      }
    }
    return found;
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    if (this.closed) throw new EventStoreClosedError();
    const subscription = runSubscription(esdbEventSource(this.client), options, this.options.backoff ?? DEFAULT_BACKOFF);
    this.subscriptions.add(subscription);
    subscription.closed.finally(() => this.subscriptions.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  async ping(): Promise<void> {
    if (this.closed) throw new EventStoreClosedError();
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    for await (const _ of read) {
      // Reading one event proves the server answers; the count of 1 ends the call.
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  private async positionOf(streamId: string, revision: number): Promise<RecordedEvent['position']> {
    const [event] = await this.readStream(streamId, { direction: 'backwards', fromRevision: revision, maxCount: 1 });
    return event.position;
  }
}
