import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';

/** The physical names of one generation's tables, keyed by the logical names a projection declares. */
export type TableNames<T extends string = string> = Readonly<Record<T, string>>;

/** Applies events to one generation's tables. Called inside the runner's transaction, one event at a time, in global order. */
export interface ProjectionHandler {
  apply(event: RecordedEvent): void;
  /**
   * For a handler that holds changes in memory (see WriteBehindRows): writes them. The runner calls it after the
   * batch's last event, in the transaction that moves the checkpoint; whoever else applies events must call it too.
   */
  flush?(): void;
  /** Forgets what is held in memory: the transaction was undone, or another process moved the checkpoint. */
  discard?(): void;
}

/**
 * A read model derived from the log. Handlers must be deterministic (use the
 * event's own times, never the wall clock) so that a rebuild, or the consistency
 * check, reproduces the live tables row for row.
 */
export interface ProjectionDefinition<T extends string = string> {
  /** kebab-case, stable: it names the tables and the checkpoint. */
  readonly name: string;
  /** Bump when the tables or the handler change: a new generation is then built from the first event and switched to when caught up. */
  readonly version: number;
  readonly tables: readonly T[];
  /** Creates this generation's tables, and the indexes its handler's own statements need. */
  create(db: Database.Database, tables: TableNames<T>): void;
  /**
   * The indexes only queries use (`CREATE INDEX IF NOT EXISTS …`): created
   * once the generation has caught up with the log, not kept up row by row
   * through a rebuild, which costs 10–30 % of its time.
   */
  queryIndexes?(tables: TableNames<T>): string;
  /** Prepares statements for this generation. */
  open(db: Database.Database, tables: TableNames<T>): ProjectionHandler;
}

/** Brings a stored event to the shape the handlers expect (schema evolution). */
export type Upcast = (event: RecordedEvent) => RecordedEvent;

/**
 * What an Upcast throws for an event a newer build wrote. Not the event's
 * fault: the runner stops and restarts instead of dead-lettering it, so an
 * older process in a rolling deploy does not stop the read models the newer
 * ones feed; a newer process applies the event and moves the checkpoint on.
 */
export class EventFromNewerBuild extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventFromNewerBuild';
  }
}

export const identityUpcast: Upcast = (event) => event;

/** `rm_pipeline_board_g3_candidates` for projection "pipeline-board", generation 3, table "candidates". */
export function tableNames<T extends string>(
  definition: Pick<ProjectionDefinition<T>, 'name' | 'tables'>,
  generation: number,
): TableNames<T> {
  const prefix = `rm_${definition.name.replace(/-/g, '_')}_g${generation}_`;
  return Object.fromEntries(definition.tables.map((table) => [table, `${prefix}${table}`])) as Record<T, string>;
}
