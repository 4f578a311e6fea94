import type Database from 'better-sqlite3';
import { parsePosition, type Position } from '@app/event-store';
import { tableNames, type ProjectionDefinition } from './projection';

export type GenerationState = 'building' | 'live' | 'retired' | 'scratch';

export interface Generation {
  name: string;
  generation: number;
  version: number;
  state: GenerationState;
  position?: Position;
  eventsApplied: number;
  lastEventAt?: Date;
  failedAt?: Date;
  error?: string;
  /** Last change of the row: for a retired generation, when it was retired. */
  updatedAt: Date;
}

interface GenerationRow {
  name: string;
  generation: number;
  version: number;
  state: GenerationState;
  position: string | null;
  events_applied: number;
  last_event_at: number | null;
  failed_at: number | null;
  error: string | null;
  updated_at: number;
}

function toGeneration(row: GenerationRow): Generation {
  return {
    name: row.name,
    generation: row.generation,
    version: row.version,
    state: row.state,
    position: row.position === null ? undefined : parsePosition(row.position),
    eventsApplied: row.events_applied,
    lastEventAt: row.last_event_at === null ? undefined : new Date(row.last_event_at),
    failedAt: row.failed_at === null ? undefined : new Date(row.failed_at),
    error: row.error ?? undefined,
    updatedAt: new Date(row.updated_at),
  };
}

/** The generation rows: which build of each projection is live, building, retired or a scratch copy. */
export class Generations {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {}

  get(name: string, generation: number): Generation | undefined {
    const row = this.db.prepare('SELECT * FROM projection_generations WHERE name = ? AND generation = ?').get(name, generation) as
      GenerationRow | undefined;
    return row && toGeneration(row);
  }

  live(name: string): Generation | undefined {
    const row = this.db.prepare("SELECT * FROM projection_generations WHERE name = ? AND state = 'live'").get(name) as
      GenerationRow | undefined;
    return row && toGeneration(row);
  }

  all(name?: string): Generation[] {
    const rows = (
      name === undefined
        ? this.db.prepare('SELECT * FROM projection_generations ORDER BY name, generation').all()
        : this.db.prepare('SELECT * FROM projection_generations WHERE name = ? ORDER BY generation').all(name)
    ) as GenerationRow[];
    return rows.map(toGeneration);
  }

  /**
   * A new generation with empty tables. The first one of a projection is live
   * at once (there is nothing to keep serving); later ones build beside the
   * live one until switched to.
   */
  create(definition: ProjectionDefinition, state: 'building' | 'scratch'): Generation {
    return this.db
      .transaction(() => {
        const next =
          ((
            this.db.prepare('SELECT MAX(generation) AS max FROM projection_generations WHERE name = ?').get(definition.name) as {
              max: number | null;
            }
          ).max ?? 0) + 1;
        const initial = state === 'building' && !this.live(definition.name) ? 'live' : state;
        const at = this.now();
        this.db
          .prepare(
            'INSERT INTO projection_generations (name, generation, version, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(definition.name, next, definition.version, initial, at, at);
        definition.create(this.db, tableNames(definition, next));
        return this.get(definition.name, next)!;
      })
      .immediate();
  }

  /** The building generation of this version that some process already started, so that others join it instead of starting another. */
  building(definition: ProjectionDefinition): Generation | undefined {
    const row = this.db
      .prepare("SELECT * FROM projection_generations WHERE name = ? AND version = ? AND state = 'building' ORDER BY generation DESC")
      .get(definition.name, definition.version) as GenerationRow | undefined;
    return row && toGeneration(row);
  }

  /** Makes `generation` live and retires the one it replaces, atomically: queries see one or the other, never neither. */
  switchTo(name: string, generation: number): void {
    this.db
      .transaction(() => {
        const at = this.now();
        this.db
          .prepare("UPDATE projection_generations SET state = 'retired', updated_at = ? WHERE name = ? AND state = 'live'")
          .run(at, name);
        this.db
          .prepare("UPDATE projection_generations SET state = 'live', updated_at = ? WHERE name = ? AND generation = ?")
          .run(at, name, generation);
      })
      .immediate();
  }

  /** Drops a generation's tables and forgets it (retired builds, finished scratch copies). */
  drop(definition: ProjectionDefinition, generation: number): void {
    this.db
      .transaction(() => {
        for (const table of Object.values(tableNames(definition, generation))) this.db.exec(`DROP TABLE IF EXISTS "${table}"`);
        this.db.prepare('DELETE FROM projection_generations WHERE name = ? AND generation = ?').run(definition.name, generation);
        this.db.prepare('DELETE FROM projection_dead_letters WHERE name = ? AND generation = ?').run(definition.name, generation);
      })
      .immediate();
  }

  /** Clears a recorded failure so a runner tries the failed event again (after the cause was fixed). */
  clearFailure(name: string, generation: number): boolean {
    const result = this.db
      .prepare(
        'UPDATE projection_generations SET failed_at = NULL, error = NULL, updated_at = ? WHERE name = ? AND generation = ? AND failed_at IS NOT NULL',
      )
      .run(this.now(), name, generation);
    return result.changes > 0;
  }
}
