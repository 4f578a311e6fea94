import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { SqliteEventStore, type NewEvent } from '@app/event-store';
import { openReadModelDb, ProjectionsHost, type HostOptions, type ProjectionDefinition } from '@app/projections';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'projections-'));
}

export function probe(n: number, data: Record<string, unknown> = {}): NewEvent {
  return {
    id: randomUUID(),
    type: 'Probe',
    schemaVersion: 1,
    data: { n, ...data },
    metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'test', role: 'system' }, occurredAt: '2026-11-23T00:00:00.000Z' },
  };
}

/** Appends `count` events spread over `streams` streams, in batches. */
export async function appendProbes(store: SqliteEventStore, count: number, streams = 10, prefix = 's'): Promise<void> {
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - start) }, (_, offset) =>
        store.append(`${prefix}-${(start + offset) % streams}`, [probe(start + offset)]),
      ),
    );
  }
}

export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A fresh event store and read-model file for each test, and every host made
 * through `host` stopped after it. Read `store` and `db` inside tests or hooks.
 */
export function projectionsFixture() {
  let current: { store: SqliteEventStore; db: Database.Database } | undefined;
  const hosts: ProjectionsHost[] = [];
  beforeEach(() => {
    const dir = tempDir();
    current = {
      store: new SqliteEventStore({ path: join(dir, 'events.db'), pollIntervalMs: 20 }),
      db: openReadModelDb(join(dir, 'read-models.db')),
    };
  });
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((running) => running.stop()));
    await current!.store.close();
    current!.db.close();
  });
  return {
    get store() {
      return current!.store;
    },
    get db() {
      return current!.db;
    },
    host(definitions: readonly ProjectionDefinition[], options: HostOptions = {}): ProjectionsHost {
      const created = new ProjectionsHost(current!.store, current!.db, definitions, options);
      hosts.push(created);
      return created;
    },
  };
}
