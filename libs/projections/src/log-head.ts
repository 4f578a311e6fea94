import { comparePositions, type EventStore, type Position } from '@app/event-store';

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
  const pending = await store.readAll({ fromPosition: checkpoint, maxCount: cap + 1 });
  const ahead = checkpoint ? pending.filter((event) => comparePositions(event.position, checkpoint) > 0) : pending;
  const counted = ahead.slice(0, cap);
  const oldest = counted[0];
  return {
    events: counted.length,
    capped: ahead.length > cap,
    seconds: oldest ? Math.max(0, (now - oldest.recordedAt.getTime()) / 1000) : 0,
  };
}
