import { type EventStoreDBClient, excludeSystemEvents, START } from '@eventstore/db-client';
import type { RecordedEvent } from '../port/events';
import type { Position } from '../port/position';
import type { EventSource } from '../subscription/run-subscription';
import { fromEsdbEvent, isSystemEvent } from './esdb-mapping';

/**
 * A catch-up subscription to $all. Iterating the gRPC stream with for-await
 * pauses it while the handler runs, which is the backpressure. The position
 * given to EventStoreDB is exclusive, like our checkpoint.
 */
export function esdbEventSource(client: EventStoreDBClient): EventSource {
  return async function* (checkpoint: Position | undefined, signal: AbortSignal): AsyncIterable<RecordedEvent> {
    const subscription = client.subscribeToAll({
      fromPosition: checkpoint ?? START,
      filter: excludeSystemEvents(),
    });
    // unsubscribe rejects if the stream never opened (server unreachable); stopping must not crash the process.
    const stop = (): void => void subscription.unsubscribe().catch(() => undefined);
    signal.addEventListener('abort', stop, { once: true });
    try {
      for await (const resolved of subscription) {
        if (signal.aborted) return;
        if (!isSystemEvent(resolved)) yield fromEsdbEvent(resolved);
      }
    } finally {
      signal.removeEventListener('abort', stop);
      await subscription.unsubscribe().catch(() => undefined);
    }
  };
}
