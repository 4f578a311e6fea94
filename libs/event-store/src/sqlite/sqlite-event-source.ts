import type { RecordedEvent } from '../port/events';
import { positionOf, type Position } from '../port/position';
import type { EventSource } from '../subscription/run-subscription';
import type { AppendSignal } from './append-signal';
import type { EventReader } from './event-reader';

const PAGE = 256;

/** Catch-up then live reading of the embedded store, one bounded page at a time. */
export function sqliteEventSource(reader: EventReader, appended: AppendSignal, pollIntervalMs: number): EventSource {
  return async function* (checkpoint: Position | undefined, signal: AbortSignal): AsyncIterable<RecordedEvent> {
    let next = checkpoint ? Number(checkpoint.commit) + 1 : 0;
    while (!signal.aborted) {
      const seen = appended.current;
      const page = reader.readAll({ fromPosition: positionOf(next), maxCount: PAGE });
      for (const event of page) {
        yield event;
        if (signal.aborted) return;
        next = Number(event.position.commit) + 1;
      }
      if (page.length < PAGE) await appended.waitForAppend(seen, pollIntervalMs, signal);
    }
  };
}
