import type Database from 'better-sqlite3';
import {
  comparePositions,
  formatPosition,
  parsePosition,
  type EventStore,
  type Position,
  type RecordedEvent,
  type Subscription,
} from '@app/event-store';
import { identityUpcast, tableNames, type ProjectionDefinition, type ProjectionHandler, type Upcast } from './projection';

export type RunnerStatus = 'starting' | 'running' | 'stopped' | 'failed' | 'retired' | 'crashed';

export interface RunnerOptions {
  /** Events per transaction while catching up; a live event commits on its own as soon as it arrives. */
  batchSize?: number;
  upcast?: Upcast;
  now?: () => number;
}

class EventFailed extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super('projection handler failed');
  }
}

class GenerationGone extends Error {}

class FailedElsewhere extends Error {}

interface CommitRow {
  state: string;
  position: string | null;
  failed_at: number | null;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Feeds one generation of one projection from its checkpoint. Each batch is one
 * transaction that re-reads the checkpoint, skips what another process already
 * applied, applies the rest in order and moves the checkpoint: exactly once
 * even with several runners on the same file. An event the handler cannot
 * apply is dead-lettered and the generation stops there; it never skips.
 */
export class GenerationRunner {
  private subscription?: Subscription;
  private handler?: ProjectionHandler;
  private buffer: RecordedEvent[] = [];
  private flushScheduled = false;
  private committed?: Position;
  private currentStatus: RunnerStatus = 'starting';
  private failure?: string;
  private readonly listeners = new Set<() => void>();
  private readonly upcast: Upcast;
  private readonly batchSize: number;
  private readonly now: () => number;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    readonly definition: ProjectionDefinition,
    readonly generation: number,
    options: RunnerOptions = {},
  ) {
    this.upcast = options.upcast ?? identityUpcast;
    this.batchSize = options.batchSize ?? 2_000;
    this.now = options.now ?? Date.now;
  }

  get status(): RunnerStatus {
    return this.currentStatus;
  }

  /** Why the runner stopped, when it failed or crashed. */
  get error(): string | undefined {
    return this.failure;
  }

  /** The last position committed by this runner (or found at start). */
  get position(): Position | undefined {
    return this.committed;
  }

  /** Called after every commit and status change. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    const row = this.db
      .prepare('SELECT state, position, failed_at FROM projection_generations WHERE name = ? AND generation = ?')
      .get(this.definition.name, this.generation) as CommitRow | undefined;
    if (!row || row.state === 'retired') return this.settle('retired');
    if (row.failed_at !== null) return this.settle('failed');
    this.committed = row.position === null ? undefined : parsePosition(row.position);
    this.handler = this.definition.open(this.db, tableNames(this.definition, this.generation));
    this.currentStatus = 'running';
    this.subscription = this.store.subscribeToAll({ fromCheckpoint: this.committed, onEvent: (event) => this.receive(event) });
    this.subscription.closed.catch((error: unknown) => this.crash(error));
  }

  async stop(): Promise<void> {
    if (this.currentStatus === 'running' || this.currentStatus === 'starting') this.currentStatus = 'stopped';
    this.buffer = [];
    await this.subscription?.stop();
  }

  private receive(event: RecordedEvent): void {
    if (this.currentStatus !== 'running') return;
    this.buffer.push(event);
    if (this.buffer.length >= this.batchSize) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0 || this.currentStatus !== 'running') return;
    try {
      this.commit(batch, batch.length);
    } catch (error) {
      if (error instanceof EventFailed) {
        this.commitUntilFailure(batch, error);
      } else if (error instanceof GenerationGone) {
        this.settle('retired');
      } else if (error instanceof FailedElsewhere) {
        this.failure = 'stopped: another runner dead-lettered an event of this generation';
        this.settle('failed');
      } else {
        this.crash(error);
      }
      return;
    }
    this.notify();
  }

  private commitUntilFailure(batch: RecordedEvent[], failed: EventFailed): void {
    try {
      this.commit(batch, failed.index, { event: batch[failed.index], error: describe(failed.cause) });
      this.failure = `event ${formatPosition(batch[failed.index].position)} (${batch[failed.index].type}): ${describe(failed.cause)}`;
      this.settle('failed');
    } catch (error) {
      this.crash(error);
    }
  }

  /** One transaction: re-read the checkpoint, apply batch[0..end) past it, record a failure if given, move the checkpoint. */
  private commit(batch: RecordedEvent[], end: number, failure?: { event: RecordedEvent; error: string }): void {
    const { name } = this.definition;
    this.db
      .transaction(() => {
        const row = this.db
          .prepare('SELECT state, position, failed_at FROM projection_generations WHERE name = ? AND generation = ?')
          .get(name, this.generation) as CommitRow | undefined;
        if (!row || row.state === 'retired') throw new GenerationGone();
        if (row.failed_at !== null) throw new FailedElsewhere();
        const checkpoint = row.position === null ? undefined : parsePosition(row.position);
        let last: RecordedEvent | undefined;
        let applied = 0;
        for (let index = 0; index < end; index += 1) {
          const event = batch[index];
          if (checkpoint && comparePositions(event.position, checkpoint) <= 0) continue;
          try {
            this.handler!.apply(this.upcast(event));
          } catch (error) {
            throw new EventFailed(index, error);
          }
          last = event;
          applied += 1;
        }
        const at = this.now();
        if (last) {
          this.db
            .prepare(
              'UPDATE projection_generations SET position = ?, events_applied = events_applied + ?, last_event_at = ?, updated_at = ? WHERE name = ? AND generation = ?',
            )
            .run(formatPosition(last.position), applied, last.recordedAt.getTime(), at, name, this.generation);
          this.committed = last.position;
        } else if (checkpoint) {
          this.committed = checkpoint;
        }
        if (failure) {
          const { event, error } = failure;
          this.db
            .prepare(
              'INSERT INTO projection_dead_letters (name, generation, position, event_id, stream_id, type, error, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            )
            .run(name, this.generation, formatPosition(event.position), event.id, event.streamId, event.type, error, at);
          this.db
            .prepare('UPDATE projection_generations SET failed_at = ?, error = ?, updated_at = ? WHERE name = ? AND generation = ?')
            .run(at, `${event.type} at ${formatPosition(event.position)}: ${error}`, at, name, this.generation);
        }
      })
      .immediate();
  }

  /** Infrastructure trouble (disk, lock timeout): not the event's fault, so nothing is dead-lettered; the host restarts the runner. */
  private crash(error: unknown): void {
    if (this.currentStatus !== 'running') return;
    this.failure = describe(error);
    this.settle('crashed');
  }

  private settle(status: RunnerStatus): void {
    this.currentStatus = status;
    this.buffer = [];
    void this.subscription?.stop();
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
