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

/** One generation of one projection that a runner feeds. */
export interface RunnerTarget {
  definition: ProjectionDefinition;
  generation: number;
}

class EventFailed extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super('projection handler failed');
  }
}

interface CommitRow {
  state: string;
  position: string | null;
  failed_at: number | null;
}

/** A target's runtime state; `committed` is the last checkpoint this runner wrote or found. */
interface Fed extends RunnerTarget {
  status: RunnerStatus;
  handler?: ProjectionHandler;
  committed?: Position;
  failure?: string;
}

/** What one transaction did to one target, applied to memory only once the transaction committed. */
type Outcome =
  | { fed: Fed; kind: 'committed'; position?: Position }
  | { fed: Fed; kind: 'failed'; position?: Position; failure: string }
  | { fed: Fed; kind: 'retired' | 'failed-elsewhere' };

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

const UPCAST_FAILURE = Symbol('upcast failure');

/**
 * Feeds one or more generations from one read of the log (a rebuild of every
 * projection reads the log once, not once per projection). Each batch is one
 * transaction that, per generation, re-reads the checkpoint, skips what
 * another process already applied, applies the rest in order and moves the
 * checkpoint: exactly once even with several runners on the same file. An
 * event a handler cannot apply is dead-lettered and that generation stops
 * there, never skipping it; the other generations go on.
 */
export class GenerationRunner {
  private subscription?: Subscription;
  private buffer: RecordedEvent[] = [];
  private flushScheduled = false;
  private started = false;
  private readonly fed: Fed[];
  private readonly listeners = new Set<() => void>();
  private readonly upcast: Upcast;
  private readonly batchSize: number;
  private readonly now: () => number;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    targets: readonly RunnerTarget[],
    options: RunnerOptions = {},
  ) {
    this.fed = targets.map(({ definition, generation }) => ({ definition, generation, status: 'starting' }));
    this.upcast = options.upcast ?? identityUpcast;
    // Large catch-up batches: each commit rewrites the pages it touched, so fewer commits write far less (measured: 10,000 ≈ 1.4× 2,000).
    this.batchSize = options.batchSize ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  get targets(): readonly RunnerTarget[] {
    return this.fed;
  }

  /** The state of one generation this runner feeds. */
  statusOf(name: string, generation: number): RunnerStatus | undefined {
    return this.find(name, generation)?.status;
  }

  /** Why a generation stopped, when it failed or crashed. */
  errorOf(name: string, generation: number): string | undefined {
    return this.find(name, generation)?.failure;
  }

  /** The last position committed for a generation by this runner (or found at start). */
  positionOf(name: string, generation: number): Position | undefined {
    return this.find(name, generation)?.committed;
  }

  /** Called after every commit and status change. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const fed of this.fed) {
      const row = this.readRow(fed);
      if (!row || row.state === 'retired') fed.status = 'retired';
      else if (row.failed_at !== null) fed.status = 'failed';
      else {
        fed.committed = row.position === null ? undefined : parsePosition(row.position);
        fed.handler = fed.definition.open(this.db, tableNames(fed.definition, fed.generation));
        fed.status = 'running';
      }
    }
    const running = this.running();
    if (running.length === 0) return this.notify();
    // Start at the earliest checkpoint; the others skip what they already have.
    const from = running.some((fed) => !fed.committed)
      ? undefined
      : running.map((fed) => fed.committed!).reduce((a, b) => (comparePositions(a, b) <= 0 ? a : b));
    this.subscription = this.store.subscribeToAll({ fromCheckpoint: from, onEvent: (event) => this.receive(event) });
    this.subscription.closed.catch((error: unknown) => this.crash(error));
  }

  async stop(): Promise<void> {
    for (const fed of this.fed) if (fed.status === 'running' || fed.status === 'starting') fed.status = 'stopped';
    this.buffer = [];
    await this.subscription?.stop();
  }

  /** Stops feeding one generation (it was retired); the runner stops when nothing is left to feed. */
  retire(name: string, generation: number): void {
    const fed = this.find(name, generation);
    if (fed && (fed.status === 'running' || fed.status === 'starting')) fed.status = 'retired';
    this.stopWhenIdle();
  }

  private find(name: string, generation: number): Fed | undefined {
    return this.fed.find((fed) => fed.definition.name === name && fed.generation === generation);
  }

  private running(): Fed[] {
    return this.fed.filter((fed) => fed.status === 'running');
  }

  private readRow(fed: RunnerTarget): CommitRow | undefined {
    return this.db
      .prepare('SELECT state, position, failed_at FROM projection_generations WHERE name = ? AND generation = ?')
      .get(fed.definition.name, fed.generation) as CommitRow | undefined;
  }

  private receive(event: RecordedEvent): void {
    if (this.running().length === 0) return;
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
    const running = this.running();
    if (batch.length === 0 || running.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.commit(
        running,
        batch.map((event) => this.upcastOrFailure(event)),
      );
    } catch (error) {
      return this.crash(error);
    }
    for (const outcome of outcomes) this.settle(outcome);
    this.stopWhenIdle();
    this.notify();
  }

  /** Upcasts once for all targets; an event that cannot be upcast fails like one a handler cannot apply. */
  private upcastOrFailure(event: RecordedEvent): RecordedEvent {
    try {
      return this.upcast(event);
    } catch (error) {
      return { ...event, [UPCAST_FAILURE]: error } as RecordedEvent;
    }
  }

  /** One transaction for the batch; per target a savepoint, so one handler's failure undoes only its own rows. */
  private commit(running: Fed[], batch: RecordedEvent[]): Outcome[] {
    return this.db
      .transaction(() =>
        running.map((fed): Outcome => {
          const row = this.readRow(fed);
          if (!row || row.state === 'retired') return { fed, kind: 'retired' };
          if (row.failed_at !== null) return { fed, kind: 'failed-elsewhere' };
          const checkpoint = row.position === null ? undefined : parsePosition(row.position);
          const from = checkpoint ? firstAfter(batch, checkpoint) : 0;
          try {
            this.db.transaction(() => this.applyRange(fed, batch, from, batch.length))();
            return { fed, kind: 'committed', position: batch.length > from ? batch[batch.length - 1].position : checkpoint };
          } catch (error) {
            if (!(error instanceof EventFailed)) throw error;
            this.db.transaction(() => this.applyRange(fed, batch, from, error.index))();
            const failure = this.recordFailure(fed, batch[error.index], describe(error.cause));
            return { fed, kind: 'failed', position: error.index > from ? batch[error.index - 1].position : checkpoint, failure };
          }
        }),
      )
      .immediate();
  }

  /** Applies batch[from..end) and moves the checkpoint to the last of them. */
  private applyRange(fed: Fed, batch: RecordedEvent[], from: number, end: number): void {
    if (end <= from) return;
    const handler = fed.handler!;
    for (let index = from; index < end; index += 1) {
      const event = batch[index];
      try {
        if (UPCAST_FAILURE in event) throw event[UPCAST_FAILURE];
        handler.apply(event);
      } catch (error) {
        throw new EventFailed(index, error);
      }
    }
    const last = batch[end - 1];
    this.db
      .prepare(
        'UPDATE projection_generations SET position = ?, events_applied = events_applied + ?, last_event_at = ?, updated_at = ? WHERE name = ? AND generation = ?',
      )
      .run(formatPosition(last.position), end - from, last.recordedAt.getTime(), this.now(), fed.definition.name, fed.generation);
  }

  private recordFailure(fed: Fed, event: RecordedEvent, error: string): string {
    const at = this.now();
    const { name } = fed.definition;
    this.db
      .prepare(
        'INSERT INTO projection_dead_letters (name, generation, position, event_id, stream_id, type, error, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(name, fed.generation, formatPosition(event.position), event.id, event.streamId, event.type, error, at);
    this.db
      .prepare('UPDATE projection_generations SET failed_at = ?, error = ?, updated_at = ? WHERE name = ? AND generation = ?')
      .run(at, `${event.type} at ${formatPosition(event.position)}: ${error}`, at, name, fed.generation);
    return `event ${formatPosition(event.position)} (${event.type}): ${error}`;
  }

  private settle(outcome: Outcome): void {
    const { fed } = outcome;
    switch (outcome.kind) {
      case 'committed':
        fed.committed = outcome.position;
        return;
      case 'failed':
        fed.committed = outcome.position;
        fed.failure = outcome.failure;
        fed.status = 'failed';
        return;
      case 'retired':
        fed.status = 'retired';
        return;
      case 'failed-elsewhere':
        fed.failure = 'stopped: another runner dead-lettered an event of this generation';
        fed.status = 'failed';
        return;
    }
  }

  /** Infrastructure trouble (disk, lock timeout): not the event's fault, so nothing is dead-lettered; the host restarts the runner. */
  private crash(error: unknown): void {
    const running = this.running();
    if (running.length === 0) return;
    for (const fed of running) {
      fed.status = 'crashed';
      fed.failure = describe(error);
    }
    this.buffer = [];
    void this.subscription?.stop();
    this.notify();
  }

  private stopWhenIdle(): void {
    if (this.running().length > 0) return;
    this.buffer = [];
    void this.subscription?.stop();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** For logs and maps: "name#generation". */
  static key(target: RunnerTarget): string {
    return `${target.definition.name}#${target.generation}`;
  }
}

/** Index of the first event of an ordered batch strictly after `checkpoint`. */
function firstAfter(batch: readonly RecordedEvent[], checkpoint: Position): number {
  let low = 0;
  let high = batch.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (comparePositions(batch[middle].position, checkpoint) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
