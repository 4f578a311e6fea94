import type Database from 'better-sqlite3';
import type { Position } from '@app/event-store';
import { Generations } from './generations';
import { reached } from './log-head';
import { tableNames, type ProjectionDefinition, type TableNames } from './projection';

export class ReadModelNotReadyError extends Error {
  constructor(readonly projection: string) {
    super(`read model "${projection}" has not been built yet`);
  }
}

/**
 * What queries use: the live generation's table names, and a bounded wait for
 * read-your-writes. Works in any process that opens the read-model file, with
 * or without a runner of its own (it reads the checkpoints from the file).
 */
export class ReadModels {
  private readonly generations: Generations;
  private readonly wakers = new Set<() => void>();

  constructor(readonly db: Database.Database) {
    this.generations = new Generations(db);
  }

  tables<T extends string>(definition: ProjectionDefinition<T>): TableNames<T> {
    const live = this.generations.live(definition.name);
    if (!live) throw new ReadModelNotReadyError(definition.name);
    return tableNames(definition, live.generation);
  }

  /** The live generation's checkpoint: the newest event the read model reflects. */
  position(name: string): Position | undefined {
    return this.generations.live(name)?.position;
  }

  /** The version of the handler that built the live generation: an older one serves until a rebuild switches over. */
  liveVersion(name: string): number | undefined {
    return this.generations.live(name)?.version;
  }

  /** Wakes waiters at once (the local runner committed); without it they re-check every `pollMs`. */
  progressed(): void {
    for (const wake of [...this.wakers]) wake();
  }

  /** Waits until each named read model reflects `position`, at most `timeoutMs`; true when it does. */
  async waitFor(position: Position, names: readonly string[], timeoutMs = 2_000, pollMs = 25): Promise<boolean> {
    const done = () => names.every((name) => reached(this.position(name), position));
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.wakers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(pollMs, left));
        this.wakers.add(wake);
      });
    }
    return true;
  }
}
