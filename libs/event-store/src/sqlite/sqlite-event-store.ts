import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EventStoreClosedError } from '../port/errors';
import type {
  AppendOptions,
  AppendResult,
  EventOutsideLog,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
  Subscription,
} from '../port/event-store';
import type { NewEvent, RecordedEvent } from '../port/events';
import { DEFAULT_MAX_EVENT_BYTES, prepareAppend } from '../port/prepare-append';
import type { BackoffPolicy } from '@app/common';
import { DEFAULT_BACKOFF } from '../subscription/backoff';
import { runSubscription } from '../subscription/run-subscription';
import { AppendSignal } from './append-signal';
import { AppendWriter, PendingAppend } from './append-writer';
import { EventReader } from './event-reader';
import { migrate } from './schema';
import { sqliteEventSource } from './sqlite-event-source';

export interface SqliteEventStoreOptions {
  /** Path of the database file; its folder is created if missing. */
  path: string;
  maxEventBytes?: number;
  /** How long a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
  /** How often a caught-up subscription looks for appends made by other processes. */
  pollIntervalMs?: number;
  backoff?: BackoffPolicy;
  now?: () => number;
}

type Waiting = PendingAppend & { resolve: (result: AppendResult) => void; reject: (error: unknown) => void };

/**
 * The embedded event store: one SQLite file in WAL mode with synchronous=FULL,
 * so an append is acknowledged only after its transaction is on disk. Appends
 * that arrive in the same turn of the event loop share one transaction and
 * one fsync (group commit).
 */
export class SqliteEventStore implements EventStore {
  readonly name = 'sqlite';
  private readonly db: Database.Database;
  private readonly writer: AppendWriter;
  private readonly reader: EventReader;
  private readonly appended = new AppendSignal();
  private readonly subscriptions = new Set<Subscription>();
  private queue: Waiting[] = [];
  private flushScheduled = false;
  private closed = false;

  constructor(private readonly options: SqliteEventStoreOptions) {
    mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    // FULL: in WAL mode every commit fsyncs the log, so an acknowledged append survives power loss.
    this.db.pragma('synchronous = FULL');
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5_000}`);
    migrate(this.db);
    this.writer = new AppendWriter(this.db);
    this.reader = new EventReader(this.db);
  }

  append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreClosedError());
    const expected = options.expectedRevision ?? 'any';
    let prepared;
    try {
      prepared = prepareAppend(streamId, events, expected, this.options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events: prepared, expected, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.reader.readStream(streamId, options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.reader.readAll(options);
  }

  async eventsOutsideLog(maxCount: number): Promise<EventOutsideLog[]> {
    this.assertOpen();
    return this.reader.outsideLog(maxCount);
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    this.assertOpen();
    const source = sqliteEventSource(this.reader, this.appended, this.options.pollIntervalMs ?? 200);
    const subscription = runSubscription(source, options, this.options.backoff ?? DEFAULT_BACKOFF);
    this.subscriptions.add(subscription);
    subscription.closed.finally(() => this.subscriptions.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  /** The durability settings in force on this connection, for checks and diagnostics. */
  durability(): { journalMode: string; synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA' } {
    const synchronous = this.db.pragma('synchronous', { simple: true }) as number;
    return {
      journalMode: this.db.pragma('journal_mode', { simple: true }) as string,
      synchronous: (['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const)[synchronous],
    };
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.flush();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let outcomes;
    try {
      outcomes = this.writer.commit(batch, (this.options.now ?? Date.now)());
    } catch (error) {
      batch.forEach((waiting) => waiting.reject(error));
      return;
    }
    outcomes.forEach((outcome, index) => (outcome.ok ? batch[index].resolve(outcome.result) : batch[index].reject(outcome.error)));
    if (outcomes.some((outcome) => outcome.ok)) this.appended.notify();
  }
}
