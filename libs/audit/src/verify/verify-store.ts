import { comparePositions, eventsAfter, formatPosition, positionOf, streamEvents, type EventStore, type Position } from '@app/event-store';
import { ANCHOR_STREAM, readAnchor, type Anchor } from '../anchor';
import { AnchorBlocks } from './anchor-blocks';
import { brokenAt, type BrokenLink } from './broken-link';
import { StreamChains } from './stream-chains';

export interface VerifyReport {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  anchorsChecked: number;
  /** Checked against their streams' chains but not (yet) against an anchor: the tail after the last anchored block. */
  unanchoredEvents: number;
  /** The log's last position when the check began; later events are left for the next run. */
  upTo?: string;
  firstBrokenLink?: BrokenLink;
}

/** Every anchor recorded up to `head`, in order, or the first malformed one. */
async function readAnchors(store: EventStore, head: Position): Promise<Anchor[] | BrokenLink> {
  const anchors: Anchor[] = [];
  for await (const event of streamEvents(store, ANCHOR_STREAM)) {
    if (comparePositions(event.position, head) > 0) break;
    const anchor = readAnchor(event);
    if (typeof anchor === 'string') return brokenAt(event, { reason: 'anchor-malformed', detail: anchor });
    const previous = anchors[anchors.length - 1];
    if (comparePositions(anchor.from, anchor.to) > 0 || (previous && comparePositions(previous.to, anchor.from) >= 0)) {
      const detail = `block ${anchor.fromPosition}…${anchor.toPosition} overlaps or runs backwards`;
      return brokenAt(event, { reason: 'anchor-range-mismatch', detail });
    }
    anchors.push(anchor);
  }
  return anchors;
}

/**
 * Anchor hashes kept outside the store (published, mailed, printed) must
 * match the stored anchors: this is what catches a rewrite of the whole
 * store, anchors included.
 */
function checkPublished(anchors: Anchor[], published: readonly PublishedAnchor[]): BrokenLink | undefined {
  for (const { revision, anchorHash } of published) {
    const anchor = anchors[revision];
    if (anchor?.anchorHash === anchorHash) continue;
    const where = anchor?.event ?? { streamId: ANCHOR_STREAM, revision, position: positionOf(0), id: '' };
    const detail = anchor ? `stored anchor hash ${anchor.anchorHash}, published ${anchorHash}` : 'no such anchor in the store';
    return brokenAt(where, { reason: 'anchor-differs-from-published', detail });
  }
  return undefined;
}

export interface PublishedAnchor {
  revision: number;
  anchorHash: string;
}

/** How a published anchor is written down: `<revision>:<anchorHash>` (the anchor stream's revision, 64 hex digits). */
export const PUBLISHED_ANCHOR_PATTERN = /^(\d{1,15}):([0-9a-f]{64})$/;

/** `12:3fa9…` as a published anchor, or undefined when it is not written that way. */
export function parsePublishedAnchor(value: string): PublishedAnchor | undefined {
  const match = PUBLISHED_ANCHOR_PATTERN.exec(value);
  return match ? { revision: Number(match[1]), anchorHash: match[2] } : undefined;
}

export interface VerifyOptions {
  pageSize?: number;
  /** Anchors whose hash was kept outside the store; each must be stored unchanged. */
  published?: readonly PublishedAnchor[];
}

/**
 * One streaming pass over the global log: every event's hash is recomputed
 * and linked to its stream's previous one, and every anchored block's Merkle
 * root is rebuilt from its events. Memory holds one hash per stream, the
 * anchors (one per block) and O(log n) per open block. Stops at the first
 * broken link, which it reports.
 */
export async function verifyStore(store: EventStore, options: VerifyOptions = {}): Promise<VerifyReport> {
  const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  const report: VerifyReport = { ok: true, eventsChecked: 0, streamsChecked: 0, anchorsChecked: 0, unanchoredEvents: 0 };
  if (!last) return report;
  const anchors = await readAnchors(store, last.position);
  if (!Array.isArray(anchors)) return { ...report, ok: false, firstBrokenLink: anchors };
  const unpublished = checkPublished(anchors, options.published ?? []);
  if (unpublished) return { ...report, ok: false, firstBrokenLink: unpublished };
  const chains = new StreamChains();
  const blocks = new AnchorBlocks(anchors);
  const finish = (firstBrokenLink?: BrokenLink): VerifyReport => ({
    ok: firstBrokenLink === undefined,
    eventsChecked: report.eventsChecked,
    streamsChecked: chains.streams,
    anchorsChecked: blocks.anchorsChecked,
    unanchoredEvents: blocks.unanchoredEvents,
    upTo: formatPosition(last.position),
    ...(firstBrokenLink ? { firstBrokenLink } : {}),
  });
  const pageSize = options.pageSize ?? 1_000;
  for await (const event of eventsAfter(store, undefined, pageSize)) {
    if (comparePositions(event.position, last.position) > 0) break;
    report.eventsChecked += 1;
    const finding = chains.check(event) ?? (event.streamId === ANCHOR_STREAM ? blocks.onAnchor(event) : blocks.onEvent(event));
    if (finding) return finish(brokenAt(event, finding));
  }
  // An event the walk cannot reach is still read with its stream (and by whoever reads it): it must not pass unseen.
  const [outside] = (await store.eventsOutsideLog?.(1)) ?? [];
  if (outside) {
    const { streamId, revision, eventId, position } = outside;
    const detail = `stored at position ${position}, outside the range the log is read in, yet read with its stream`;
    return finish({ streamId, revision, position, eventId, reason: 'outside-the-log', detail });
  }
  // An anchor the walk never met was moved where the log is not read (a position out of range): its block went unchecked.
  // The embedded store reports such a row above; this catches it in a store that cannot list them.
  const unreached = anchors[blocks.anchorsChecked];
  if (unreached) {
    const detail = `anchor of block ${unreached.fromPosition}…${unreached.toPosition} is stored but was not found walking the log`;
    return finish(brokenAt(unreached.event, { reason: 'anchor-not-reached', detail }));
  }
  return finish();
}
