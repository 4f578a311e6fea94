import { Inject, Injectable } from '@nestjs/common';
import {
  comparePositions,
  EVENT_STORE,
  formatPosition,
  streamEvents,
  type EventStore,
  type Position,
  type RecordedEvent,
} from '@app/event-store';
import { upcastEvent } from '@app/pipeline';
import type { StreamModel } from '../commands/stream-commands';

/** The moment asked about: events recorded at or before an instant, or at or before a global position. */
export type PointInTime = { asOf: Date } | { position: Position };

export interface PastState<S> {
  streamId: string;
  state: S;
  /** The last event folded in: -1, with null position and hash, when the stream had none yet. */
  revision: number;
  position: string | null;
  recordedAt: string | null;
  hash: string | null;
}

function after(event: RecordedEvent, point: PointInTime): boolean {
  return 'asOf' in point ? event.recordedAt.getTime() > point.asOf.getTime() : comparePositions(event.position, point.position) > 0;
}

/**
 * Rebuilds a stream's state as it stood at a past moment by replaying its
 * events, upcast to today's shapes, with the domain's own evolve. The replay
 * stops at the first event beyond the moment: a stream's events are recorded
 * in order, so what came before it is exactly what was known then.
 */
@Injectable()
export class AuditStates {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Undefined when the stream has no event at all. */
  async at<S, E extends { type: string; data: unknown }>(
    streamId: string,
    model: StreamModel<S, E>,
    point: PointInTime,
  ): Promise<PastState<S> | undefined> {
    let state = model.initial;
    let last: RecordedEvent | undefined;
    let any = false;
    for await (const event of streamEvents(this.store, streamId, 0, 500)) {
      any = true;
      if (after(event, point)) break;
      state = model.evolve(state, upcastEvent(event) as unknown as E);
      last = event;
    }
    if (!any) return undefined;
    return {
      streamId,
      state,
      revision: last?.revision ?? -1,
      position: last ? formatPosition(last.position) : null,
      recordedAt: last?.recordedAt.toISOString() ?? null,
      hash: last?.hash ?? null,
    };
  }
}
