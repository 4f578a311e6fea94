import Database from 'better-sqlite3';
import { turnOfEventLoop } from '@app/common';
import { comparePositions, type EventStore, type Position } from '@app/event-store';
import { identityUpcast, tableNames, type ProjectionDefinition, type TableNames, type Upcast } from './projection';

export interface Replayed<T extends string> {
  /** A scratch in-memory database holding the projection's tables; close it when done. */
  db: Database.Database;
  tables: TableNames<T>;
  /** The last event applied, and how many were. */
  position?: Position;
  events: number;
}

/**
 * Builds a projection from the first event up to `until` (by recorded time)
 * into a scratch in-memory database, with the projection's own handler: the
 * read model as it stood at that moment. The log is in recording order, so
 * the replay stops at the first event recorded later.
 */
export async function replayUntil<T extends string>(
  store: EventStore,
  definition: ProjectionDefinition<T>,
  until: Date,
  options: { upcast?: Upcast; pageSize?: number } = {},
): Promise<Replayed<T>> {
  const db = new Database(':memory:');
  const tables = tableNames(definition, 0);
  const upcast = options.upcast ?? identityUpcast;
  const limit = until.getTime();
  let position: Position | undefined;
  let events = 0;
  try {
    definition.create(db, tables);
    const handler = definition.open(db, tables);
    for (;;) {
      const page = await store.readAll({ fromPosition: position, maxCount: options.pageSize ?? 1_000 });
      const fresh = position ? page.filter((event) => comparePositions(event.position, position!) > 0) : page;
      const due = fresh.findIndex((event) => event.recordedAt.getTime() > limit);
      const applying = due < 0 ? fresh : fresh.slice(0, due);
      db.transaction(() => {
        applying.forEach((event) => handler.apply(upcast(event)));
        handler.flush?.();
      })();
      events += applying.length;
      if (applying.length > 0) position = applying[applying.length - 1].position;
      if (due >= 0 || fresh.length === 0) return { db, tables, position, events };
      // A replay of a large log takes seconds: other requests of the process are served between pages.
      await turnOfEventLoop();
    }
  } catch (error) {
    db.close();
    throw error;
  }
}
