import { formatPosition, type RecordedEvent } from '@app/event-store';

export type BrokenReason =
  /** The event has no stored hash. */
  | 'missing-hash'
  /** A revision is missing or repeated in the stream. */
  | 'revision-gap'
  /** The event does not name its predecessor's hash: the predecessor was altered (and rehashed) or replaced. */
  | 'previous-hash-mismatch'
  /** The stored content no longer gives the stored hash: the event was altered. */
  | 'hash-mismatch'
  /** An event lies between two anchored blocks: inserted, or skipped by the anchors. */
  | 'not-anchored'
  | 'anchor-malformed'
  /** The anchor's own hash or its link to the previous anchor is wrong. */
  | 'anchor-hash-mismatch'
  | 'anchor-chain-broken'
  /** The events the anchor covers are not the range or count it states: some were deleted, moved or added. */
  | 'anchor-range-mismatch'
  | 'anchor-count-mismatch'
  /** Same range and count, different leaves: an event's hash, position or recorded time changed. */
  | 'merkle-root-mismatch'
  /** An event is stored where the walk of the global log cannot reach it, though its stream shows it: inserted or moved by an edit of the file. */
  | 'outside-the-log'
  /** A stored anchor was not met walking the log (its position was moved out of the range the log is read in). */
  | 'anchor-not-reached'
  /** An anchor differs from the hash kept outside the store for it (or is gone): the store was rewritten, anchors included. */
  | 'anchor-differs-from-published';

export interface BrokenLink {
  streamId: string;
  revision: number;
  position: string;
  eventId: string;
  reason: BrokenReason;
  detail: string;
}

export type Finding = { reason: BrokenReason; detail: string } | undefined;

export function brokenAt(
  event: Pick<RecordedEvent, 'streamId' | 'revision' | 'position' | 'id'>,
  finding: NonNullable<Finding>,
): BrokenLink {
  return { streamId: event.streamId, revision: event.revision, position: formatPosition(event.position), eventId: event.id, ...finding };
}
