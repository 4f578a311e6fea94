import { comparePositions, eventsAfter, type EventStore, type Position } from '@app/event-store';

/** The position of the newest event in the log, or undefined when the log is empty. */
export async function logHead(store: EventStore): Promise<Position | undefined> {
  const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  return last?.position;
}

/** True when `position` has reached `target` (an empty log counts as reached). */
export function reached(position: Position | undefined, target: Position | undefined): boolean {
  if (target === undefined) return true;
  return position !== undefined && comparePositions(position, target) >= 0;
}

export interface Lag {
  /** Events after the checkpoint, counted up to `cap`; `capped` says the true number is larger. */
  events: number;
  capped: boolean;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  seconds: number;
}

/** How far a checkpoint trails the log, in events and in seconds. */
export async function lagBehind(store: EventStore, checkpoint: Position | undefined, now: number, cap = 10_000): Promise<Lag> {
  let events = 0;
  let oldest: Date | undefined;
  // A page at a time (eventsAfter lets the event loop turn between pages).
  for await (const event of eventsAfter(store, checkpoint, 1_000)) {
    if (events === cap) return { events, capped: true, seconds: secondsSince(oldest, now) };
    oldest ??= event.recordedAt;
    events += 1;
  }
  return { events, capped: false, seconds: secondsSince(oldest, now) };
}

const secondsSince = (oldest: Date | undefined, now: number): number => (oldest ? Math.max(0, (now - oldest.getTime()) / 1000) : 0);
