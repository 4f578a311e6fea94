import type { RecordedEvent } from '../port/events';
import type { SubscribeToAllOptions, Subscription } from '../port/event-store';
import type { Position } from '../port/position';
import { backoffDelay, type BackoffPolicy } from '@app/common';
import { DEFAULT_BACKOFF, sleep } from './backoff';

/**
 * Yields the events strictly after `checkpoint`, then live events, until the
 * signal aborts. Throwing means the connection
 * dropped: the runner resubscribes from the last delivered event.
 */
export type EventSource = (checkpoint: Position | undefined, signal: AbortSignal) => AsyncIterable<RecordedEvent>;

/** Marks a failure of the subscriber's own handler, which must stop the subscription rather than retry. */
class HandlerFailure {
  constructor(readonly cause: unknown) {}
}

class SourceEnded extends Error {
  constructor() {
    super('subscription source ended without being stopped');
  }
}

/**
 * Drives a subscription: delivers events one at a time (the next is pulled only
 * once the handler settles), tracks the checkpoint, and resubscribes with
 * backoff from that checkpoint whenever the source fails.
 */
export function runSubscription(
  source: EventSource,
  options: SubscribeToAllOptions,
  backoff: BackoffPolicy = DEFAULT_BACKOFF,
): Subscription {
  const controller = new AbortController();
  const { signal } = controller;
  let checkpoint = options.fromCheckpoint;
  let attempt = 0;

  const consume = async (): Promise<void> => {
    for await (const event of source(checkpoint, signal)) {
      if (signal.aborted) return;
      try {
        await options.onEvent(event);
      } catch (error) {
        throw new HandlerFailure(error);
      }
      checkpoint = event.position;
      attempt = 0;
    }
    if (!signal.aborted) throw new SourceEnded();
  };

  const closed = (async () => {
    while (!signal.aborted) {
      try {
        await consume();
      } catch (error) {
        if (error instanceof HandlerFailure) {
          controller.abort();
          throw error.cause;
        }
        if (signal.aborted) return;
        attempt += 1;
        const delay = backoffDelay(attempt, backoff);
        options.onDropped?.(error, attempt, delay);
        await sleep(delay, signal);
      }
    }
  })();
  // A handler failure is reported through `closed`; keep it from being an unhandled rejection.
  closed.catch(() => undefined);

  return {
    closed,
    stop: async () => {
      controller.abort();
      await closed.catch(() => undefined);
    },
  };
}
