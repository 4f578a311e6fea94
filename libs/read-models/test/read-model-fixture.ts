import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type Position } from '@app/event-store';
import type { Actor } from '@app/pipeline';
import { logHead, openReadModelDb, ProjectionsHost, ReadModels, type ProjectionDefinition, type TableNames } from '@app/projections';
import { HistoryClock } from '../../../test/fixtures/pipeline-history';

/** A real events file and read-model file in a temp folder, with a host running the given projections. */
export class ReadModelFixture {
  readonly dir = mkdtempSync(join(tmpdir(), 'read-models-'));
  readonly clock = new HistoryClock();
  readonly store = new SqliteEventStore({ path: join(this.dir, 'events.db'), pollIntervalMs: 10, now: this.clock.now });
  readonly db: Database.Database = openReadModelDb(join(this.dir, 'read-models.db'));
  readonly readModels = new ReadModels(this.db);
  readonly host: ProjectionsHost;

  constructor(readonly definitions: readonly ProjectionDefinition[]) {
    this.host = new ProjectionsHost(this.store, this.db, definitions, { checkIntervalMs: 20, retiredGraceMs: 0 });
    this.host.onProgress(() => this.readModels.progressed());
  }

  start(): Promise<void> {
    return this.host.start();
  }

  /** Appends what a command decided, as a command handler would, at `at` (also the recorded time). */
  async append(streamId: string, events: readonly { type: string; data: unknown }[], at: string, actor: Actor): Promise<Position> {
    this.clock.current = Date.parse(at);
    const metadata = { correlationId: randomUUID(), causationId: randomUUID(), actor: { id: actor.id, role: actor.role }, occurredAt: at };
    const result = await this.store.append(
      streamId,
      events.map((event) => ({ id: randomUUID(), type: event.type, schemaVersion: 1, data: event.data, metadata })),
    );
    return result.position;
  }

  /** Waits until every projection has applied the whole log. */
  async caughtUp(): Promise<void> {
    const head = await logHead(this.store);
    if (
      head &&
      !(await this.readModels.waitFor(
        head,
        this.definitions.map((definition) => definition.name),
        20_000,
      ))
    ) {
      throw new Error(`read models did not reach ${head.commit}`);
    }
  }

  tables<T extends string>(definition: ProjectionDefinition<T>): TableNames<T> {
    return this.readModels.tables(definition);
  }

  async close(): Promise<void> {
    await this.host.stop();
    await this.store.close();
    this.db.close();
  }
}
