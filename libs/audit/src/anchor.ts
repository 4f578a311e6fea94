import { canonicalJson, parsePosition, sha256Hex, type NewEvent, type Position, type RecordedEvent } from '@app/event-store';

export const ANCHOR_STREAM = 'audit-anchors';
export const ANCHOR_EVENT_TYPE = 'AnchorRecorded';

/** What an anchor states about one block of the global log (anchor events themselves excluded). */
export interface AnchorFacts {
  /** Global position of the block's first and last event. */
  fromPosition: string;
  toPosition: string;
  eventCount: number;
  /** RFC 6962 Merkle root over the block's leaves (see merkle.ts). */
  merkleRoot: string;
  /** The previous anchor's hash; null for the first anchor. */
  previousAnchorHash: string | null;
}

export interface AnchorData extends AnchorFacts {
  /** SHA-256 of the canonical JSON of the facts: the anchors form a chain of their own. */
  anchorHash: string;
}

/** An anchor as read back, with where its event sits. */
export interface Anchor extends AnchorData {
  from: Position;
  to: Position;
  event: Pick<RecordedEvent, 'id' | 'streamId' | 'revision' | 'position'>;
}

export function anchorHashOf(facts: AnchorFacts): string {
  const { fromPosition, toPosition, eventCount, merkleRoot, previousAnchorHash } = facts;
  return sha256Hex(canonicalJson({ fromPosition, toPosition, eventCount, merkleRoot, previousAnchorHash }));
}

/** A UUID taken from the anchor hash: the same anchor computed twice is the same event, stored once. */
function idFromHash(hash: string): string {
  const variant = ((parseInt(hash[16], 16) & 0x3) | 0x8).toString(16);
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-8${hash.slice(13, 16)}-${variant}${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
}

export function anchorEvent(facts: AnchorFacts, writerId: string, now: Date): NewEvent<AnchorData> {
  const anchorHash = anchorHashOf(facts);
  return {
    id: idFromHash(anchorHash),
    type: ANCHOR_EVENT_TYPE,
    schemaVersion: 1,
    data: { ...facts, anchorHash },
    metadata: {
      correlationId: `anchor-${anchorHash}`,
      causationId: `anchor-${anchorHash}`,
      actor: { id: writerId, role: 'system' },
      occurredAt: now.toISOString(),
    },
  };
}

/** Reads an anchor event back; a malformed one yields the reason instead. */
export function readAnchor(event: RecordedEvent): Anchor | string {
  if (event.type !== ANCHOR_EVENT_TYPE) return `unexpected event type ${event.type} in ${ANCHOR_STREAM}`;
  const data = event.data as Partial<AnchorData>;
  const texts = [data.fromPosition, data.toPosition, data.merkleRoot, data.anchorHash];
  if (texts.some((text) => typeof text !== 'string') || !Number.isSafeInteger(data.eventCount)) return 'anchor data is malformed';
  try {
    const from = parsePosition(data.fromPosition!);
    const to = parsePosition(data.toPosition!);
    const { id, streamId, revision, position } = event;
    return { ...(data as AnchorData), from, to, event: { id, streamId, revision, position } };
  } catch {
    return 'anchor positions are malformed';
  }
}
