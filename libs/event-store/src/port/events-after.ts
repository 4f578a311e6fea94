import { turnOfEventLoop } from '@app/common';
import type { EventStore } from './event-store';
import type { RecordedEvent } from './events';
import { comparePositions, type Position } from './position';

/**
 * Every event strictly after `after` (from the start when absent), in global
 * order, read a page at a time so memory stays flat however long the log is.
 * `readAll` is inclusive of its start, so each page after the first drops
 * what it has already yielded. The event loop turns between pages (an export,
 * a verify, a lag count in the API process must not hold other requests).
 */
export async function* eventsAfter(store: EventStore, after?: Position, pageSize = 1_000): AsyncGenerator<RecordedEvent> {
  let from = after;
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: pageSize });
    const fresh = from === undefined ? page : page.filter((event) => comparePositions(event.position, from!) > 0);
    if (fresh.length === 0) return;
    yield* fresh;
    from = fresh[fresh.length - 1].position;
    await turnOfEventLoop();
  }
}

/** Every event of one stream from `fromRevision` on, a page at a time. */
export async function* streamEvents(
  store: EventStore,
  streamId: string,
  fromRevision = 0,
  pageSize = 1_000,
): AsyncGenerator<RecordedEvent> {
  for (let from = fromRevision; ;) {
    const page = await store.readStream(streamId, { fromRevision: from, maxCount: pageSize });
    yield* page;
    if (page.length < pageSize) return;
    from = page[page.length - 1].revision + 1;
    await turnOfEventLoop();
  }
}
