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

type Statement<P extends unknown[] = unknown[]> = Database.Statement<P, GenerationRow>;

/** The generation rows: which build of each projection is live, building, retired or a scratch copy. */
export class Generations {
  // Prepared once: queries read the live row on every request and every read-your-writes poll.
  private readonly one: Statement<[string, number]>;
  private readonly liveOf: Statement<[string]>;
  private readonly allRows: Statement<[]>;
  private readonly allOf: Statement<[string]>;
  private readonly buildingOf: Statement<[string, number]>;
  private readonly lastGeneration: Database.Statement<[string], number | null>;
  private readonly insert: Database.Statement;
  private readonly retireLive: Database.Statement;
  private readonly promote: Database.Statement;
  private readonly forget: Database.Statement;
  private readonly forgetDeadLetters: Database.Statement;
  private readonly unfail: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    const rows = 'SELECT * FROM projection_generations';
    this.one = db.prepare(`${rows} WHERE name = ? AND generation = ?`);
    this.liveOf = db.prepare(`${rows} WHERE name = ? AND state = 'live'`);
    this.allRows = db.prepare(`${rows} ORDER BY name, generation`);
    this.allOf = db.prepare(`${rows} WHERE name = ? ORDER BY generation`);
    this.buildingOf = db.prepare(`${rows} WHERE name = ? AND version = ? AND state = 'building' ORDER BY generation DESC`);
    this.lastGeneration = db.prepare<[string], number | null>('SELECT MAX(generation) FROM projection_generations WHERE name = ?').pluck();
    this.insert = db.prepare(
      'INSERT INTO projection_generations (name, generation, version, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.retireLive = db.prepare("UPDATE projection_generations SET state = 'retired', updated_at = ? WHERE name = ? AND state = 'live'");
    this.promote = db.prepare("UPDATE projection_generations SET state = 'live', updated_at = ? WHERE name = ? AND generation = ?");
    this.forget = db.prepare('DELETE FROM projection_generations WHERE name = ? AND generation = ?');
    this.forgetDeadLetters = db.prepare('DELETE FROM projection_dead_letters WHERE name = ? AND generation = ?');
    this.unfail = db.prepare(
      'UPDATE projection_generations SET failed_at = NULL, error = NULL, updated_at = ? WHERE name = ? AND generation = ? AND failed_at IS NOT NULL',
    );
  }

  get(name: string, generation: number): Generation | undefined {
    const row = this.one.get(name, generation);
    return row && toGeneration(row);
  }

  live(name: string): Generation | undefined {
    const row = this.liveOf.get(name);
    return row && toGeneration(row);
  }

  all(name?: string): Generation[] {
    return (name === undefined ? this.allRows.all() : this.allOf.all(name)).map(toGeneration);
  }

  /**
   * A new generation with empty tables. The first one of a projection is live
   * at once (there is nothing to keep serving); later ones build beside the
   * live one until switched to.
   */
  create(definition: ProjectionDefinition, state: 'building' | 'scratch'): Generation {
    return this.db
      .transaction(() => {
        const next = (this.lastGeneration.get(definition.name) ?? 0) + 1;
        const initial = state === 'building' && !this.live(definition.name) ? 'live' : state;
        const at = this.now();
        this.insert.run(definition.name, next, definition.version, initial, at, at);
        definition.create(this.db, tableNames(definition, next));
        return this.get(definition.name, next)!;
      })
      .immediate();
  }

  /** The live generation, or a first one, looked up and created under one lock: processes starting together build it once. */
  liveOrCreate(definition: ProjectionDefinition): Generation {
    return this.db.transaction(() => this.live(definition.name) ?? this.create(definition, 'building')).immediate();
  }

  /** The building generation of this version that some process already started, so that others join it instead of starting another. */
  building(definition: ProjectionDefinition): Generation | undefined {
    const row = this.buildingOf.get(definition.name, definition.version);
    return row && toGeneration(row);
  }

  /** Joins the build of this version under way, or starts one, under one lock: processes deployed together build it once. */
  buildingOrCreate(definition: ProjectionDefinition): Generation {
    return this.db.transaction(() => this.building(definition) ?? this.create(definition, 'building')).immediate();
  }

  /**
   * Makes `generation` live and retires the one it replaces, atomically: queries see one or the other, never neither.
   * False (and nothing changed) when it is no longer a healthy build, e.g. dropped or dead-lettered meanwhile.
   */
  switchTo(name: string, generation: number): boolean {
    return this.db
      .transaction(() => {
        const at = this.now();
        const current = this.get(name, generation);
        if (!current || current.state !== 'building' || current.failedAt) return false;
        this.retireLive.run(at, name);
        this.promote.run(at, name, generation);
        return true;
      })
      .immediate();
  }

  /** Drops a generation's tables and forgets it (retired builds, finished scratch copies). */
  drop(definition: ProjectionDefinition, generation: number): void {
    this.db
      .transaction(() => {
        for (const table of Object.values(tableNames(definition, generation))) this.db.exec(`DROP TABLE IF EXISTS "${table}"`);
        this.forget.run(definition.name, generation);
        this.forgetDeadLetters.run(definition.name, generation);
      })
      .immediate();
  }

  /** Clears a recorded failure so a runner tries the failed event again (after the cause was fixed). */
  clearFailure(name: string, generation: number): boolean {
    return this.unfail.run(this.now(), name, generation).changes > 0;
  }
}
