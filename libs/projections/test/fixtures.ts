import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type NewEvent } from '@app/event-store';

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
