import Database from 'better-sqlite3';
import { comparePositions, formatPosition, parsePosition, type Position, type RecordedEvent } from '@app/event-store';
import type { ProjectionDefinition, ProjectionHandler } from './projection';

const { SqliteError } = Database;

export type RunnerStatus = 'starting' | 'running' | 'stopped' | 'failed' | 'retired' | 'crashed';

/** One generation of one projection that a runner feeds. */
export interface RunnerTarget {
  definition: ProjectionDefinition;
  generation: number;
}

/** A target's runtime state; `committed` is the last checkpoint this runner wrote or found. */
export interface Fed extends RunnerTarget {
  status: RunnerStatus;
  handler?: ProjectionHandler;
  committed?: Position;
  failure?: string;
  /** Its query indexes exist: created once it caught up with the log. */
  indexed?: boolean;
}

/** What one transaction did to one target, applied to memory only once the transaction committed. */
export type Outcome =
  | { fed: Fed; kind: 'committed'; position?: Position }
  | { fed: Fed; kind: 'failed'; position?: Position; failure: string }
  | { fed: Fed; kind: 'retired' | 'failed-elsewhere' };

export interface GenerationRow {
  state: string;
  position: string | null;
  failed_at: number | null;
}

class EventFailed extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super('projection handler failed');
  }
}

/** Writing the rows a handler held in memory failed for a reason other than the database's own trouble. */
class FlushFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('projection handler could not write the rows it held');
  }
}

const UPCAST_FAILURE = Symbol('upcast failure');

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Marks an event that could not be upcast, so it fails in each target like one a handler cannot apply. */
export function withUpcastFailure(event: RecordedEvent, error: unknown): RecordedEvent {
  return { ...event, [UPCAST_FAILURE]: error } as RecordedEvent;
}

/**
 * The transactional half of a runner: one transaction per batch that, per
 * generation, re-reads the checkpoint, skips what another process already
 * applied, applies the rest in order (a savepoint each, so one handler's
 * failure undoes only its own rows), dead-letters a failing event and moves
 * the checkpoint.
 */
export class GenerationBatch {
  private readonly selectRow: Database.Statement<[string, number], GenerationRow>;
  private readonly moveCheckpoint: Database.Statement;
  private readonly insertDeadLetter: Database.Statement;
  private readonly markFailed: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number,
  ) {
    this.selectRow = db.prepare('SELECT state, position, failed_at FROM projection_generations WHERE name = ? AND generation = ?');
    this.moveCheckpoint = db.prepare(
      'UPDATE projection_generations SET position = ?, events_applied = events_applied + ?, last_event_at = ?, updated_at = ? WHERE name = ? AND generation = ?',
    );
    this.insertDeadLetter = db.prepare(
      'INSERT INTO projection_dead_letters (name, generation, position, event_id, stream_id, type, error, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.markFailed = db.prepare(
      'UPDATE projection_generations SET failed_at = ?, error = ?, updated_at = ? WHERE name = ? AND generation = ?',
    );
  }

  row(target: RunnerTarget): GenerationRow | undefined {
    return this.selectRow.get(target.definition.name, target.generation);
  }

  commit(running: Fed[], batch: RecordedEvent[]): Outcome[] {
    try {
      return this.db.transaction(() => running.map((fed) => this.commitOne(fed, batch))).immediate();
    } catch (error) {
      // Nothing of this transaction landed: what handlers hold in memory from it must go too.
      for (const fed of running) fed.handler?.discard?.();
      throw error;
    }
  }

  private commitOne(fed: Fed, batch: RecordedEvent[]): Outcome {
    const row = this.row(fed);
    if (!row || row.state === 'retired') return { fed, kind: 'retired' };
    if (row.failed_at !== null) return { fed, kind: 'failed-elsewhere' };
    const checkpoint = row.position === null ? undefined : parsePosition(row.position);
    // Another runner applied events since this one last committed: rows it held in memory are stale.
    if (!samePosition(checkpoint, fed.committed)) fed.handler!.discard?.();
    const from = checkpoint ? firstAfter(batch, checkpoint) : 0;
    const committed = (): Outcome => ({
      fed,
      kind: 'committed',
      position: batch.length > from ? batch[batch.length - 1].position : checkpoint,
    });
    let failed: unknown;
    try {
      this.db.transaction(() => this.applyRange(fed, batch, from, batch.length, false))();
      return committed();
    } catch (error) {
      failed = this.undone(fed, error);
    }
    if (failed instanceof FlushFailed) {
      // Rows held in memory could not be written, and nothing says which event made them so: apply the batch
      // again writing after every event, so that the one to blame is dead-lettered like any other.
      try {
        this.db.transaction(() => this.applyRange(fed, batch, from, batch.length, true))();
        return committed();
      } catch (error) {
        failed = this.undone(fed, error);
      }
    }
    if (!(failed instanceof EventFailed)) throw failed;
    this.db.transaction(() => this.applyRange(fed, batch, from, failed.index, false))();
    const failure = this.recordFailure(fed, batch[failed.index], describe(failed.cause));
    return { fed, kind: 'failed', position: failed.index > from ? batch[failed.index - 1].position : checkpoint, failure };
  }

  /** The savepoint rolled back: so must the handler's memory, before it applies any of those events again. */
  private undone(fed: Fed, error: unknown): unknown {
    fed.handler!.discard?.();
    return error;
  }

  /**
   * Applies batch[from..end), writes what the handler holds in memory and moves the checkpoint to the last event.
   * `flushEach` writes after every event instead, so that a write that fails is blamed on its event.
   */
  private applyRange(fed: Fed, batch: RecordedEvent[], from: number, end: number, flushEach: boolean): void {
    if (end <= from) return;
    const handler = fed.handler!;
    for (let index = from; index < end; index += 1) {
      const event = batch[index];
      try {
        if (UPCAST_FAILURE in event) throw event[UPCAST_FAILURE];
        handler.apply(event);
        if (flushEach) handler.flush?.();
      } catch (error) {
        // A full disk or an I/O error is the database's trouble, not the event's: crash (and retry), never dead-letter.
        if (isDatabaseFault(error)) throw error;
        throw new EventFailed(index, error);
      }
    }
    try {
      handler.flush?.();
    } catch (error) {
      if (isDatabaseFault(error)) throw error;
      throw new FlushFailed(error);
    }
    const last = batch[end - 1];
    this.moveCheckpoint.run(
      formatPosition(last.position),
      end - from,
      last.recordedAt.getTime(),
      this.now(),
      fed.definition.name,
      fed.generation,
    );
  }

  private recordFailure(fed: Fed, event: RecordedEvent, error: string): string {
    const at = this.now();
    const { name } = fed.definition;
    this.insertDeadLetter.run(name, fed.generation, formatPosition(event.position), event.id, event.streamId, event.type, error, at);
    this.markFailed.run(at, `${event.type} at ${formatPosition(event.position)}: ${error}`, at, name, fed.generation);
    return `event ${formatPosition(event.position)} (${event.type}): ${error}`;
  }
}

/** An SQLite error other than a constraint the event's data broke (a duplicate, a missing value). */
function isDatabaseFault(error: unknown): boolean {
  return error instanceof SqliteError && !error.code.startsWith('SQLITE_CONSTRAINT');
}

function samePosition(a: Position | undefined, b: Position | undefined): boolean {
  return a === undefined || b === undefined ? a === b : comparePositions(a, b) === 0;
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
