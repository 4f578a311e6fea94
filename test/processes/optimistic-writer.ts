import { randomUUID } from 'node:crypto';
import { ConcurrencyError, type EventStore } from '@app/event-store';

/**
 * One writer's loop, as a command handler would run it: read the stream's
 * head, append with it as the expected revision, retry on conflict.
 * Returns how many conflicts it met.
 */
export async function appendOptimistically(store: EventStore, stream: string, writer: number, count: number): Promise<number> {
  let conflicts = 0;
  for (let n = 0; n < count; n += 1) {
    const event = {
      id: randomUUID(),
      type: 'Written',
      schemaVersion: 1,
      data: { writer, n },
      metadata: {
        correlationId: stream,
        causationId: stream,
        actor: { id: `writer-${writer}`, role: 'system' },
        occurredAt: new Date().toISOString(),
      },
    };
    for (;;) {
      const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
      try {
        await store.append(stream, [event], { expectedRevision: last ? last.revision : 'no_stream' });
        break;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        conflicts += 1;
      }
    }
  }
  return conflicts;
}
