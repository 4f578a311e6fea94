import { comparePositions, formatPosition, type Position, type RecordedEvent } from '@app/event-store';
import { anchorHashOf, type Anchor } from '../anchor';
import { leafHash, MerkleBuilder } from '../merkle';
import type { Finding } from './broken-link';

interface OpenBlock {
  builder: MerkleBuilder;
  first: Position;
  last: Position;
}

/**
 * Recomputes each anchored block from the events as they pass. The anchors
 * are known in advance (they are few), so each event goes straight into its
 * block's Merkle builder (O(log n) memory) and a block is settled when its
 * anchor event passes, after all of its events.
 */
export class AnchorBlocks {
  private next = 0;
  private seen = 0;
  private readonly open = new Map<number, OpenBlock>();
  private uncovered = 0;

  constructor(private readonly anchors: readonly Anchor[]) {}

  get anchorsChecked(): number {
    return this.seen;
  }

  /** Events after the last anchored block, or in blocks whose anchor lies beyond the verified range. */
  get unanchoredEvents(): number {
    return this.uncovered + [...this.open.values()].reduce((sum, block) => sum + block.builder.count, 0);
  }

  onEvent(event: RecordedEvent): Finding {
    while (this.next < this.anchors.length && comparePositions(event.position, this.anchors[this.next].to) > 0) this.next += 1;
    const anchor = this.anchors[this.next];
    if (!anchor) {
      this.uncovered += 1;
      return undefined;
    }
    if (comparePositions(event.position, anchor.from) < 0) {
      return {
        reason: 'not-anchored',
        detail: `lies before the block ${anchor.fromPosition}…${anchor.toPosition} of anchor ${this.next}, after the previous block`,
      };
    }
    const block = this.open.get(this.next) ?? { builder: new MerkleBuilder(), first: event.position, last: event.position };
    block.builder.add(leafHash(event));
    block.last = event.position;
    this.open.set(this.next, block);
    return undefined;
  }

  onAnchor(event: RecordedEvent): Finding {
    const index = this.seen;
    const anchor = this.anchors[index];
    if (!anchor || anchor.event.id !== event.id)
      return { reason: 'anchor-malformed', detail: `anchor ${index} is not the one read before the pass` };
    this.seen += 1;
    if (anchorHashOf(anchor) !== anchor.anchorHash)
      return { reason: 'anchor-hash-mismatch', detail: 'the anchor’s facts do not give its hash' };
    const previous = index === 0 ? null : this.anchors[index - 1].anchorHash;
    if (anchor.previousAnchorHash !== previous)
      return { reason: 'anchor-chain-broken', detail: `names previous anchor ${anchor.previousAnchorHash}, not ${previous}` };
    const block = this.open.get(index);
    this.open.delete(index);
    const range = block ? `${formatPosition(block.first)}…${formatPosition(block.last)}` : 'nothing';
    if ((block?.builder.count ?? 0) !== anchor.eventCount) {
      return {
        reason: 'anchor-count-mismatch',
        detail: `states ${anchor.eventCount} events in ${anchor.fromPosition}…${anchor.toPosition}, found ${block?.builder.count ?? 0} (${range})`,
      };
    }
    if (!block || comparePositions(block.first, anchor.from) !== 0 || comparePositions(block.last, anchor.to) !== 0) {
      return { reason: 'anchor-range-mismatch', detail: `states ${anchor.fromPosition}…${anchor.toPosition}, found ${range}` };
    }
    const root = block.builder.root();
    if (root !== anchor.merkleRoot) {
      return {
        reason: 'merkle-root-mismatch',
        detail: `block ${anchor.fromPosition}…${anchor.toPosition}: stated root ${anchor.merkleRoot}, events give ${root}`,
      };
    }
    return undefined;
  }
}
