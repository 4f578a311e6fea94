import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, NewEvent } from '@app/event-store';
import { ANCHOR_STREAM, readAnchor, type Anchor } from '../src';

export const freshPath = (): string => join(mkdtempSync(join(tmpdir(), 'audit-')), 'events.db');

export function event(type: string, data: Record<string, unknown>): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { id: 'Trần Văn Đức', role: 'province-board' },
      occurredAt: '2026-03-01T08:00:00.000Z',
    },
  };
}

export async function anchorsIn(store: EventStore): Promise<Anchor[]> {
  return (await store.readStream(ANCHOR_STREAM)).map((recorded) => readAnchor(recorded) as Anchor);
}

/** Polls until `predicate` holds for the anchors in the store. */
export async function anchorsUntil(store: EventStore, predicate: (anchors: Anchor[]) => boolean, timeoutMs = 10_000): Promise<Anchor[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const anchors = await anchorsIn(store);
    if (predicate(anchors)) return anchors;
    if (Date.now() > deadline) throw new Error(`anchors did not reach the expected state in ${timeoutMs} ms: ${JSON.stringify(anchors)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const totalCount = (anchors: Anchor[]): number => anchors.reduce((sum, anchor) => sum + anchor.eventCount, 0);
