import type Database from 'better-sqlite3';
import { comparePositions, parsePosition, type EventStore, type Position, type RecordedEvent, type Subscription } from '@app/event-store';
import {
  describe,
  GenerationBatch,
  withUpcastFailure,
  type Fed,
  type Outcome,
  type RunnerStatus,
  type RunnerTarget,
} from './generation-batch';
import { logHead, reached } from './log-head';
import { EventFromNewerBuild, identityUpcast, tableNames, type Upcast } from './projection';

export type { RunnerStatus, RunnerTarget } from './generation-batch';

export interface RunnerOptions {
  /** Events per transaction while catching up; a live event commits on its own as soon as it arrives. */
  batchSize?: number;
  upcast?: Upcast;
  now?: () => number;
}

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
  private readonly batch: GenerationBatch;
  private indexing?: Promise<void>;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    targets: readonly RunnerTarget[],
    options: RunnerOptions = {},
  ) {
    this.fed = targets.map(({ definition, generation }) => ({ definition, generation, status: 'starting' }));
    this.upcast = options.upcast ?? identityUpcast;
    // Large catch-up batches: each commit rewrites the pages it touched, so fewer commits write far less (measured on the
    // 1M-event history: 10,000 ≈ 1.4× 2,000; 25,000 ≈ 1.3× 10,000; 40,000 no better and ≈ 70 MiB more at peak).
    this.batchSize = options.batchSize ?? 25_000;
    this.batch = new GenerationBatch(db, options.now ?? Date.now);
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
      const row = this.batch.row(fed);
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
    // Already at the head (a restart with nothing new): nothing will flush to say so.
    this.indexWhenCaughtUp();
  }

  async stop(): Promise<void> {
    for (const fed of this.fed) if (fed.status === 'running' || fed.status === 'starting') fed.status = 'stopped';
    this.buffer = [];
    await this.subscription?.stop();
    // A query-index check under way must not outlive the runner (the database may be closed next).
    while (this.indexing) await this.indexing;
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
      outcomes = this.batch.commit(
        running,
        batch.map((event) => this.upcastOrFailure(event)),
      );
    } catch (error) {
      return this.crash(error);
    }
    for (const outcome of outcomes) this.settle(outcome);
    this.stopWhenIdle();
    this.indexWhenCaughtUp();
    this.notify();
  }

  /**
   * Creates the query indexes of each generation that has caught up with the
   * log, in one transaction. Asks for the head after a flush rather than
   * guessing from a short batch: a log whose length is a multiple of the batch
   * size ends on a full one.
   */
  private indexWhenCaughtUp(): void {
    // A generation stopped on a dead letter goes no further but may still serve queries: it gets its indexes too.
    const waiting = () => this.fed.filter((fed) => !fed.indexed && (fed.status === 'running' || fed.status === 'failed'));
    if (this.indexing || waiting().length === 0) return;
    this.indexing = (async () => {
      try {
        let head: Position | undefined;
        try {
          head = await logHead(this.store);
        } catch {
          // The store is unreachable (the subscription retries on its own): ask again after the next flush.
          return;
        }
        const ready = waiting().filter((fed) => fed.status === 'failed' || reached(fed.committed, head));
        const ddl = ready.flatMap((fed) => fed.definition.queryIndexes?.(tableNames(fed.definition, fed.generation)) ?? []);
        if (ddl.length > 0) this.db.transaction(() => ddl.forEach((statements) => this.db.exec(statements))).immediate();
        for (const fed of ready) fed.indexed = true;
      } catch (error) {
        this.crash(error);
      } finally {
        this.indexing = undefined;
      }
    })();
  }

  /**
   * Upcasts once for all targets; an event that cannot be upcast fails like one a handler cannot apply,
   * except one a newer build wrote, which stops the runner (see EventFromNewerBuild).
   */
  private upcastOrFailure(event: RecordedEvent): RecordedEvent {
    try {
      return this.upcast(event);
    } catch (error) {
      if (error instanceof EventFromNewerBuild) throw error;
      return withUpcastFailure(event, error);
    }
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
